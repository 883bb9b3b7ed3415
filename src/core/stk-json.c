/* stk-json.c */
