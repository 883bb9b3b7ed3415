/* stk-row-model.h — list rows that keep their identity while the items they show change
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STK_TYPE_ROW (stk_row_get_type ())
G_DECLARE_FINAL_TYPE (StkRow, stk_row, STK, ROW, GObject)

#define STK_TYPE_ROW_MODEL (stk_row_model_get_type ())
G_DECLARE_FINAL_TYPE (StkRowModel, stk_row_model, STK, ROW_MODEL, GObject)

gpointer     stk_row_get_item             (StkRow      *self);

StkRowModel *stk_row_model_new            (GListModel  *source);
void         stk_row_model_set_eager_rows (StkRowModel *self,
                                           guint        eager_rows);
void         stk_row_model_catch_up       (StkRowModel *self);
gboolean     stk_row_model_get_waiting    (StkRowModel *self);
gboolean     stk_row_model_find_item      (StkRowModel *self,
                                           gpointer     item,
                                           guint       *position);

G_END_DECLS
