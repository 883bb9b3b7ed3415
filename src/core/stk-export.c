/* stk-export.c */
