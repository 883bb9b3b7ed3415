/* stk-list.h — an ordered, undoable list of model objects (a GListModel)
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-node.h"

G_BEGIN_DECLS

#define STK_TYPE_LIST (stk_list_get_type ())
G_DECLARE_FINAL_TYPE (StkList, stk_list, STK, LIST, StkNode)

StkList  *stk_list_new        (GType    item_type);
guint     stk_list_get_n      (StkList *self);
gpointer  stk_list_peek       (StkList *self,
                               guint    position);
void      stk_list_insert     (StkList *self,
                               guint    position,
                               gpointer item);
void      stk_list_append     (StkList *self,
                               gpointer item);
void      stk_list_remove     (StkList *self,
                               guint    position);
void      stk_list_move       (StkList *self,
                               guint    from,
                               guint    to);
gboolean  stk_list_find       (StkList *self,
                               gpointer item,
                               guint   *position);
void      stk_list_splice     (StkList  *self,
                               guint     position,
                               guint     n_removals,
                               gpointer *additions,
                               guint     n_additions);

G_END_DECLS
