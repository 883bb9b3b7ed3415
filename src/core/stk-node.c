/* stk-node.c */
