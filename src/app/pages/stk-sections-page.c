/* stk-sections-page.c — the editor page of the declaration page's own sections of prose
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-section-row.h"
#include "stk-sections-page.h"

STK_DEFINE_LIST_PAGE (StkSectionsPage, stk_sections_page, "sections",
                      stk_policy_get_sections, STK_TYPE_SECTION_ROW,
                      STK_PAGES_RESOURCE "stk-sections-page.ui")
