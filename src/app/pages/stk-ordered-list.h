/* stk-ordered-list.h — a list of items in the order the user gives them, one row class each
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-ordered-row.h"

G_BEGIN_DECLS

#define STK_TYPE_ORDERED_LIST (stk_ordered_list_get_type ())
G_DECLARE_FINAL_TYPE (StkOrderedList, stk_ordered_list, STK, ORDERED_LIST, AdwBin)

/* @row_type: a subclass of StkOrderedRow, which shows one item */
void     stk_ordered_list_set_row_type (StkOrderedList    *self,
                                        GType              row_type);
void     stk_ordered_list_set_items    (StkOrderedList    *self,
                                        StkList           *items);
void     stk_ordered_list_add          (StkOrderedList    *self);
gboolean stk_ordered_list_move         (StkOrderedList    *self,
                                        guint              position,
                                        int                delta);
gboolean stk_ordered_list_focus_path   (StkOrderedList    *self,
                                        StkPath           *path,
                                        guint              i);

G_END_DECLS
