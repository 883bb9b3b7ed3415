/* stk-texts.c */
