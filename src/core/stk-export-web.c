/* stk-export-web.c */
