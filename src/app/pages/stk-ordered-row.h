/* stk-ordered-row.h — one item of an ordered list: heading, move and remove, id and title
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-field.h"
#include "stk-text-editor.h"

G_BEGIN_DECLS

#define STK_TYPE_ORDERED_ROW (stk_ordered_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (StkOrderedRow, stk_ordered_row, STK, ORDERED_ROW, GtkListBoxRow)

/* A subclass adds its own fields below the title, in the "grid" its template reaches as an
 * internal child (rows 2 and on), and says how to read its item. */
struct _StkOrderedRowClass
{
  GtkListBoxRowClass parent_class;

  /* Every ordered item has an id and a title. */
  StkGetString   get_id;
  StkSetString   set_id;
  StkText     *(*get_title)     (gpointer            item);
  const char    *untitled;      /* N_(): the heading of an item without title or id */
  const char    *remove_label;  /* N_(): what the remove button says it does */
  gboolean       draggable;     /* a handle moves the item by drag and drop too */

  /* Binds the subclass's own fields to the row's item, once, when the row is made. */
  void         (*bind)          (StkOrderedRow      *self);
  /* Shows the item again after it changed. */
  void         (*refresh)       (StkOrderedRow      *self);
  /* Focuses the field of the member segment @i of @path names; FALSE for a member it does
   * not show. */
  gboolean     (*focus_member)  (StkOrderedRow      *self,
                                 StkPath            *path,
                                 guint               i);
};

gpointer    stk_ordered_row_get_item      (StkOrderedRow      *self);
void        stk_ordered_row_bind_text     (StkOrderedRow      *self,
                                           StkTextEditor      *editor,
                                           StkText            *text);
const char *stk_ordered_row_get_heading   (StkOrderedRow      *self);
void        stk_ordered_row_set_languages (StkOrderedRow      *self,
                                           const char * const *languages);
void        stk_ordered_row_set_movable   (StkOrderedRow      *self,
                                           gboolean            up,
                                           gboolean            down);
gboolean    stk_ordered_row_focus_path    (StkOrderedRow      *self,
                                           StkPath            *path,
                                           guint               i);
void        stk_ordered_row_focus_id      (StkOrderedRow      *self,
                                           gboolean            select);
void        stk_ordered_row_focus_remove  (StkOrderedRow      *self);
void        stk_ordered_row_refocus_moved (StkOrderedRow      *self,
                                           int                 delta);

G_END_DECLS
