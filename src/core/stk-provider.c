/* stk-provider.c */
