/* stk-history.c */
