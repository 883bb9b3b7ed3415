/* stk-text.h — a text held once per language (a localized string)
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-node.h"

G_BEGIN_DECLS

#define STK_TYPE_TEXT (stk_text_get_type ())
G_DECLARE_FINAL_TYPE (StkText, stk_text, STK, TEXT, StkNode)

/* A StkText emits two signals when a value changes:
 *   "language-changed" (StkText *text, const char *lang, gpointer user_data): which language;
 *   "changed"          (StkNode *node, gpointer user_data): inherited from StkNode, NO language
 *                      argument, emitted on the text and then on every ancestor up to the policy.
 */

/* The key under which a value valid for every language is kept (URLs written as one string). */
#define STK_TEXT_ANY_LANGUAGE ""

StkText     *stk_text_new            (void);
const char  *stk_text_get            (StkText    *self,
                                      const char *lang);
void         stk_text_set            (StkText    *self,
                                      const char *lang,
                                      const char *value);
const char  *stk_text_lookup         (StkText    *self,
                                      const char *lang);
gboolean     stk_text_is_missing     (StkText    *self,
                                      const char *lang);
gboolean     stk_text_is_uniform     (StkText    *self);
gboolean     stk_text_is_empty       (StkText    *self);
char       **stk_text_dup_languages  (StkText    *self);
void         stk_text_copy_from      (StkText    *self,
                                      StkText    *other);

G_END_DECLS
