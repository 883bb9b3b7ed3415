/* stk-texts-page.h — the editor page of the policy's texts, every language side by side
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-editor-page.h"

G_BEGIN_DECLS

/* stk_texts_page_new(), _get_policy(), _set_policy() and _focus_path()
 * ("texts.banner_title.en"): see STK_DECLARE_EDITOR_PAGE(). */
#define STK_TYPE_TEXTS_PAGE (stk_texts_page_get_type ())
STK_DECLARE_EDITOR_PAGE (StkTextsPage, stk_texts_page, STK, TEXTS_PAGE)

/* Focuses the next text field, after the focused one, whose translation is missing. */
gboolean stk_texts_page_focus_next_missing (StkTextsPage *self);
guint    stk_texts_page_count_missing      (StkTextsPage *self);

G_END_DECLS
