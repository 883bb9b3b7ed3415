/* stk-list-page.h — an editor page that is one ordered list of the policy's: categories, sections
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-editor-page.h"

G_BEGIN_DECLS

#define STK_TYPE_LIST_PAGE (stk_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (StkListPage, stk_list_page, STK, LIST_PAGE, StkEditorPage)

struct _StkListPageClass
{
  StkEditorPageClass parent_class;

  const char *member;                          /* the list's name in a path: "categories" */
  StkList  *(*get_items) (StkPolicy *policy);  /* the list itself */
  GType       row_type;                        /* a StkOrderedRow that shows one item */
};

void     stk_list_page_add  (StkListPage *self);
gboolean stk_list_page_move (StkListPage *self,
                             guint        position,
                             int          delta);

/* Declares the final list page type @TypeName: what STK_DECLARE_EDITOR_PAGE() declares, and
 *
 *   void     type_name_add  (TypeName *self);
 *   gboolean type_name_move (TypeName *self, guint position, int delta);
 *
 * _add() appends a new item and focuses its id; _move() moves the item at @position one place
 * up (@delta -1) or down (+1) and returns whether it moved. */
#define STK_DECLARE_LIST_PAGE(TypeName, type_name, MODULE, OBJ_NAME)                           \
  STK_DECLARE_PAGE_TYPE (TypeName, type_name, MODULE, OBJ_NAME, StkListPage)                  \
  void     type_name##_add  (TypeName *self);                                                 \
  gboolean type_name##_move (TypeName *self,                                                  \
                             guint     position,                                              \
                             int       delta);

/* Defines the final list page type @TypeName (prefix @type_name), which shows the policy's
 * list @member with @get_items, one @row_type per item, and looks as the template @resource
 * says; and its functions: those of every page, _add() and _move(). */
#define STK_DEFINE_LIST_PAGE(TypeName, type_name, member_name, get_items_func, row_type_expr,   \
                             resource)                                                          \
  struct _##TypeName                                                                            \
  {                                                                                             \
    StkListPage parent_instance;                                                                \
  };                                                                                            \
                                                                                                \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, STK_TYPE_LIST_PAGE)                                 \
                                                                                                \
  static void                                                                                   \
  type_name##_class_init (TypeName##Class *klass)                                               \
  {                                                                                             \
    StkListPageClass *list_class = STK_LIST_PAGE_CLASS (klass);                                 \
                                                                                                \
    list_class->member = member_name;                                                           \
    list_class->get_items = get_items_func;                                                     \
    list_class->row_type = row_type_expr;                                                       \
    gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), resource);           \
  }                                                                                             \
                                                                                                \
  static void                                                                                   \
  type_name##_init (TypeName *self)                                                             \
  {                                                                                             \
    gtk_widget_init_template (GTK_WIDGET (self));                                               \
  }                                                                                             \
                                                                                                \
  STK_DEFINE_EDITOR_PAGE_FUNCTIONS (TypeName, type_name)                                        \
                                                                                                \
  void                                                                                          \
  type_name##_add (TypeName *self)                                                              \
  {                                                                                             \
    stk_list_page_add (STK_LIST_PAGE (self));                                                   \
  }                                                                                             \
                                                                                                \
  gboolean                                                                                      \
  type_name##_move (TypeName *self,                                                             \
                    guint     position,                                                         \
                    int       delta)                                                            \
  {                                                                                             \
    return stk_list_page_move (STK_LIST_PAGE (self), position, delta);                          \
  }

G_END_DECLS
