/* stk-policy-io.c */
