/* stk-embed.c */
