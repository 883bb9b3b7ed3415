/* stk-appearance-page.h — the editor page of the banner's look: layout, corners, font, colours
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-editor-page.h"

G_BEGIN_DECLS

/* stk_appearance_page_new(), _get_policy(), _set_policy() and _focus_path()
 * ("appearance.dark.link"): see STK_DECLARE_EDITOR_PAGE(). */
#define STK_TYPE_APPEARANCE_PAGE (stk_appearance_page_get_type ())
STK_DECLARE_EDITOR_PAGE (StkAppearancePage, stk_appearance_page, STK, APPEARANCE_PAGE)

G_END_DECLS
