/* stk-list-page.c — an editor page that is one ordered list of the policy's: categories, sections
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-list-page.h"
#include "stk-ordered-list.h"

typedef struct
{
  /* template widgets */
  StkOrderedList *list;
} StkListPagePrivate;

static void stk_list_page_page_init (StkPageInterface *iface);

G_DEFINE_TYPE_WITH_CODE (StkListPage, stk_list_page, STK_TYPE_EDITOR_PAGE,
                         G_ADD_PRIVATE (StkListPage)
                         G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE, stk_list_page_page_init))

#define PRIV(self) ((StkListPagePrivate *) stk_list_page_get_instance_private (self))

static void
stk_list_page_policy_changed (StkEditorPage *page,
                              StkPolicy     *old)
{
  StkPolicy *policy = stk_editor_page_get_policy (page);

  stk_ordered_list_set_items (PRIV (STK_LIST_PAGE (page))->list,
                              policy != NULL
                              ? STK_LIST_PAGE_GET_CLASS (page)->get_items (policy) : NULL);
}

/* The paths of the list ("categories", "categories[1].title.da"). */
static gboolean
stk_list_page_iface_owns_path (StkPage *page,
                               StkPath *path)
{
  return stk_path_has_name (path, 0, STK_LIST_PAGE_GET_CLASS (page)->member);
}

static gboolean
stk_list_page_iface_focus_path (StkPage *page,
                                StkPath *path)
{
  return stk_list_page_iface_owns_path (page, path)
         && stk_ordered_list_focus_path (PRIV (STK_LIST_PAGE (page))->list, path, 0);
}

static void
stk_list_page_page_init (StkPageInterface *iface)
{
  iface->owns_path = stk_list_page_iface_owns_path;
  iface->focus_path = stk_list_page_iface_focus_path;
}

/* The rows' type is the subclass's, known once the instance is whole. */
static void
stk_list_page_constructed (GObject *object)
{
  StkListPage *self = STK_LIST_PAGE (object);

  G_OBJECT_CLASS (stk_list_page_parent_class)->constructed (object);

  stk_ordered_list_set_row_type (PRIV (self)->list, STK_LIST_PAGE_GET_CLASS (self)->row_type);
}

static void
stk_list_page_class_init (StkListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StkEditorPageClass *page_class = STK_EDITOR_PAGE_CLASS (klass);

  object_class->constructed = stk_list_page_constructed;
  page_class->policy_changed = stk_list_page_policy_changed;

  g_type_ensure (STK_TYPE_ORDERED_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-list-page.ui");
  gtk_widget_class_bind_template_child_internal_private (widget_class, StkListPage, list);
}

static void
stk_list_page_init (StkListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
stk_list_page_add (StkListPage *self)
{
  g_return_if_fail (STK_IS_LIST_PAGE (self));

  stk_ordered_list_add (PRIV (self)->list);
}

gboolean
stk_list_page_move (StkListPage *self,
                    guint        position,
                    int          delta)
{
  g_return_val_if_fail (STK_IS_LIST_PAGE (self), FALSE);

  return stk_ordered_list_move (PRIV (self)->list, position, delta);
}
