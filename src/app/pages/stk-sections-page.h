/* stk-sections-page.h — the editor page of the declaration page's own sections of prose
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-list-page.h"

G_BEGIN_DECLS

/* stk_sections_page_new(), _get_policy(), _set_policy(), _focus_path()
 * ("sections[1].title.da"), _add() and _move(): see STK_DECLARE_LIST_PAGE(). */
#define STK_TYPE_SECTIONS_PAGE (stk_sections_page_get_type ())
STK_DECLARE_LIST_PAGE (StkSectionsPage, stk_sections_page, STK, SECTIONS_PAGE)

G_END_DECLS
