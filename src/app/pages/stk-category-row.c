/* stk-category-row.c — one consent category, in the categories' list
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-category-row.h"
#include "stk-text-editor.h"

/* Explanations of the Consent Mode v2 signals, in the order stk_consent_mode_signals() gives. */
static const struct
{
  const char *signal;
  const char *label;
} signal_labels[] = {
  { "analytics_storage", N_("Analytics storage") },
  { "ad_storage", N_("Advertising storage") },
  { "ad_user_data", N_("Advertising user data") },
  { "ad_personalization", N_("Advertising personalization") },
  { "functionality_storage", N_("Functionality storage") },
  { "personalization_storage", N_("Personalization storage") },
  { "security_storage", N_("Security storage") },
};

struct _StkCategoryRow
{
  StkOrderedRow  parent_instance;

  /* template widgets */
  StkTextEditor *description_editor;
  GtkWidget     *required_switch;
  GtkFlowBox    *signals_box;

  /* owned */
  StkField      *required_field;
  GPtrArray     *checks;   /* borrowed GtkCheckButtons, one for each stk_consent_mode_signals() */

  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (StkCategoryRow, stk_category_row, STK_TYPE_ORDERED_ROW)

static StkCategory *
category_of (StkCategoryRow *self)
{
  return stk_ordered_row_get_item (STK_ORDERED_ROW (self));
}

static void
on_signal_toggled (StkCategoryRow *self,
                   GtkCheckButton *check)
{
  const char *signal;
  gboolean active = gtk_check_button_get_active (check);
  guint index;

  if (self->updating || !g_ptr_array_find (self->checks, check, &index))
    return;

  signal = stk_consent_mode_signals ()[index];
  if (stk_category_has_signal (category_of (self), signal) == active)
    return;

  stk_category_set_signal (category_of (self), signal, active);
  stk_seal_history_of (category_of (self));
}

static void
stk_category_row_bind (StkOrderedRow *row)
{
  StkCategoryRow *self = STK_CATEGORY_ROW (row);

  stk_ordered_row_bind_text (row, self->description_editor,
                             stk_category_get_description (category_of (self)));
  stk_field_set_object (self->required_field, category_of (self));
}

static void
stk_category_row_refresh (StkOrderedRow *row)
{
  StkCategoryRow *self = STK_CATEGORY_ROW (row);
  const char * const *signals = stk_consent_mode_signals ();
  g_autofree char *heading = NULL;

  stk_field_refresh (self->required_field);

  self->updating = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      gboolean granted = stk_category_has_signal (category_of (self), signals[i]);

      if (gtk_check_button_get_active (check) != granted)
        gtk_check_button_set_active (check, granted);
    }
  self->updating = FALSE;

  /* Translators: accessible name of a category's row; %s is its title */
  heading = g_strdup_printf (_("Category %s"), stk_ordered_row_get_heading (row));
  stk_set_accessible_label (GTK_WIDGET (row), heading);
}

static gboolean
stk_category_row_focus_member (StkOrderedRow *row,
                               StkPath       *path,
                               guint          i)
{
  StkCategoryRow *self = STK_CATEGORY_ROW (row);

  if (stk_path_has_name (path, i, "description"))
    return stk_text_editor_focus_language (self->description_editor,
                                           stk_path_get_name (path, i + 1));
  if (stk_path_has_name (path, i, "required") || stk_path_has_name (path, i, "preselected"))
    return gtk_widget_grab_focus (self->required_switch);
  if (stk_path_has_name (path, i, "consent_mode") && self->checks->len > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (self->checks, 0));

  return FALSE;
}

static void
stk_category_row_dispose (GObject *object)
{
  StkCategoryRow *self = STK_CATEGORY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_CATEGORY_ROW);
  g_clear_object (&self->required_field);

  G_OBJECT_CLASS (stk_category_row_parent_class)->dispose (object);
}

static void
stk_category_row_finalize (GObject *object)
{
  g_clear_pointer (&STK_CATEGORY_ROW (object)->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_category_row_parent_class)->finalize (object);
}

static void
stk_category_row_class_init (StkCategoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StkOrderedRowClass *row_class = STK_ORDERED_ROW_CLASS (klass);

  object_class->dispose = stk_category_row_dispose;
  object_class->finalize = stk_category_row_finalize;

  row_class->get_id = (StkGetString) stk_category_get_id;
  row_class->set_id = (StkSetString) stk_category_set_id;
  row_class->get_title = (StkText *(*) (gpointer)) stk_category_get_title;
  row_class->untitled = N_("New category");
  row_class->remove_label = N_("Remove category");
  row_class->draggable = TRUE;
  row_class->bind = stk_category_row_bind;
  row_class->refresh = stk_category_row_refresh;
  row_class->focus_member = stk_category_row_focus_member;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-category-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StkCategoryRow, description_editor);
  gtk_widget_class_bind_template_child (widget_class, StkCategoryRow, required_switch);
  gtk_widget_class_bind_template_child (widget_class, StkCategoryRow, signals_box);
}

static void
stk_category_row_init (StkCategoryRow *self)
{
  const char * const *signals = stk_consent_mode_signals ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->required_field = stk_field_new_boolean (self->required_switch,
                                                (StkGetBoolean) stk_category_get_required,
                                                (StkSetBoolean) stk_category_set_required);

  /* One check for each signal the model knows, in its order. */
  self->checks = g_ptr_array_new ();
  for (guint i = 0; signals != NULL && signals[i] != NULL; i++)
    {
      const char *label = signals[i];
      GtkWidget *check;

      for (guint j = 0; j < G_N_ELEMENTS (signal_labels); j++)
        if (g_str_equal (signal_labels[j].signal, signals[i]))
          label = _(signal_labels[j].label);

      check = gtk_check_button_new_with_label (label);
      gtk_widget_set_tooltip_text (check, signals[i]);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_signal_toggled), self);
      gtk_flow_box_append (self->signals_box, check);
      g_ptr_array_add (self->checks, check);
    }
}
