/* stk-section.c */
