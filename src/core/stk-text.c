/* stk-text.c */
