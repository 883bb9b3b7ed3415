/* stk-category-row.h — one consent category, in the categories' list
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-ordered-row.h"

G_BEGIN_DECLS

#define STK_TYPE_CATEGORY_ROW (stk_category_row_get_type ())
G_DECLARE_FINAL_TYPE (StkCategoryRow, stk_category_row, STK, CATEGORY_ROW, StkOrderedRow)

G_END_DECLS
