/* stk-error.c */
