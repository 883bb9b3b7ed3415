/* stk-category.c */
