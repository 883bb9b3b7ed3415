/* stk-policy.c */
