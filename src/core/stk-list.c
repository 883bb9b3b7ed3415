/* stk-list.c */
