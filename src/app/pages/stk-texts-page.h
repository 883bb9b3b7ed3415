/* stk-texts-page.h — the editor page of the policy's texts, every language side by side
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_TEXTS_PAGE (stk_texts_page_get_type ())
G_DECLARE_FINAL_TYPE (StkTextsPage, stk_texts_page, STK, TEXTS_PAGE, AdwBin)

GtkWidget *stk_texts_page_new                (void);
StkPolicy *stk_texts_page_get_policy         (StkTextsPage *self);
void       stk_texts_page_set_policy         (StkTextsPage *self,
                                              StkPolicy    *policy);
gboolean   stk_texts_page_focus_path         (StkTextsPage *self,
                                              const char   *path);
/* Focuses the next text field, after the focused one, whose translation is missing. */
gboolean   stk_texts_page_focus_next_missing (StkTextsPage *self);
guint      stk_texts_page_count_missing      (StkTextsPage *self);

G_END_DECLS
