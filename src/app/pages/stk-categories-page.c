/* stk-categories-page.c — the editor page of the consent categories, in their order
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-categories-page.h"
#include "stk-category-row.h"

STK_DEFINE_LIST_PAGE (StkCategoriesPage, stk_categories_page, "categories",
                      stk_policy_get_categories, STK_TYPE_CATEGORY_ROW,
                      STK_PAGES_RESOURCE "stk-categories-page.ui")
