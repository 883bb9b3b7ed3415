/* stk-cookie.c */
