/* stk-section-row.c — one section of the declaration page's prose, in the sections' list
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-section-row.h"
#include "stk-text-editor.h"

struct _StkSectionRow
{
  StkOrderedRow  parent_instance;

  /* template widgets */
  StkTextEditor *body_editor;
};

G_DEFINE_FINAL_TYPE (StkSectionRow, stk_section_row, STK_TYPE_ORDERED_ROW)

static void
stk_section_row_bind (StkOrderedRow *row)
{
  StkSectionRow *self = STK_SECTION_ROW (row);
  StkSection *section = stk_ordered_row_get_item (row);

  stk_ordered_row_bind_text (row, self->body_editor, stk_section_get_body (section));
}

static void
stk_section_row_refresh (StkOrderedRow *row)
{
  /* Translators: accessible name of a section's row; %s is its title */
  g_autofree char *accessible = g_strdup_printf (_("Section %s"),
                                                 stk_ordered_row_get_heading (row));

  stk_set_accessible_label (GTK_WIDGET (row), accessible);
}

static gboolean
stk_section_row_focus_member (StkOrderedRow *row,
                              StkPath       *path,
                              guint          i)
{
  return stk_path_has_name (path, i, "body")
         && stk_text_editor_focus_language (STK_SECTION_ROW (row)->body_editor,
                                            stk_path_get_name (path, i + 1));
}

static void
stk_section_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STK_TYPE_SECTION_ROW);

  G_OBJECT_CLASS (stk_section_row_parent_class)->dispose (object);
}

static void
stk_section_row_class_init (StkSectionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StkOrderedRowClass *row_class = STK_ORDERED_ROW_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = stk_section_row_dispose;

  row_class->get_id = (StkGetString) stk_section_get_id;
  row_class->set_id = (StkSetString) stk_section_set_id;
  row_class->get_title = (StkText *(*) (gpointer)) stk_section_get_title;
  row_class->untitled = N_("New section");
  row_class->remove_label = N_("Remove section");
  row_class->bind = stk_section_row_bind;
  row_class->refresh = stk_section_row_refresh;
  row_class->focus_member = stk_section_row_focus_member;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StkSectionRow, body_editor);
}

static void
stk_section_row_init (StkSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
