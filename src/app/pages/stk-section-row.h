/* stk-section-row.h — one section of the declaration page's prose, in the sections' list
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-ordered-row.h"

G_BEGIN_DECLS

#define STK_TYPE_SECTION_ROW (stk_section_row_get_type ())
G_DECLARE_FINAL_TYPE (StkSectionRow, stk_section_row, STK, SECTION_ROW, StkOrderedRow)

G_END_DECLS
