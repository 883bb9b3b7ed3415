/* stk-categories-page.h — the editor page of the consent categories, in their order
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-list-page.h"

G_BEGIN_DECLS

/* stk_categories_page_new(), _get_policy(), _set_policy(), _focus_path()
 * ("categories[1].title.da"), _add() and _move(): see STK_DECLARE_LIST_PAGE(). */
#define STK_TYPE_CATEGORIES_PAGE (stk_categories_page_get_type ())
STK_DECLARE_LIST_PAGE (StkCategoriesPage, stk_categories_page, STK, CATEGORIES_PAGE)

G_END_DECLS
