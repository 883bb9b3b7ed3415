/* stk-validate.c */
