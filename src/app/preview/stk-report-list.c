/* stk-report-list.c — the notes of an import or export report, as a list that scrolls
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A spreadsheet of 100,000 rows can have as many bad ones, so the notes are shown by a list
 * view, which makes rows only for what is on screen, over the report's own list. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-report-list.h"

/* The height past which the list scrolls. */
#define MAX_HEIGHT 300

/**
 * stk_report_list_dup_place:
 * @note: a note
 *
 * Returns: (transfer full) (nullable): where the note points, as the command-line tool writes
 *   it: “cookies.csv:7”, “config.json:12:5 [services[2].onAccept]”, “[onConsent]”; %NULL
 *   when the note is about the whole report
 */
char *
stk_report_list_dup_place (StkInteropNote *note)
{
  const char *file = stk_interop_note_get_file (note);
  const char *path = stk_interop_note_get_path (note);
  int line = stk_interop_note_get_line (note);
  int column = stk_interop_note_get_column (note);
  GString *place = g_string_new (NULL);

  if (file != NULL && line > 0)
    {
      g_string_append_printf (place, "%s:%d", file, line);
      if (column > 0)
        g_string_append_printf (place, ":%d", column);
    }
  if (path != NULL && *path != '\0')
    g_string_append_printf (place, "%s[%s]", place->len > 0 ? " " : "", path);

  if (place->len == 0)
    {
      g_string_free (place, TRUE);
      return NULL;
    }

  return g_string_free (place, FALSE);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "report-row");
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);

  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (place), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (message, TRUE);

  gtk_box_append (GTK_BOX (texts), place);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  StkInteropNote *note = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *place = gtk_widget_get_first_child (texts);
  GtkWidget *message = gtk_widget_get_next_sibling (place);
  g_autofree char *where = stk_report_list_dup_place (note);
  const char *icon_name;
  const char *description;

  switch (stk_interop_note_get_severity (note))
    {
    case STK_INTEROP_NOTE_ERROR:
      icon_name = "dialog-error-symbolic";
      description = _("Error");
      break;
    case STK_INTEROP_NOTE_WARNING:
      icon_name = "dialog-warning-symbolic";
      description = _("Not carried over");
      break;
    case STK_INTEROP_NOTE_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      description = _("Note");
      break;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  if (stk_interop_note_get_severity (note) == STK_INTEROP_NOTE_ERROR)
    gtk_widget_add_css_class (icon, "error");
  else if (stk_interop_note_get_severity (note) == STK_INTEROP_NOTE_WARNING)
    gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  gtk_label_set_label (GTK_LABEL (place), where != NULL ? where : "");
  gtk_widget_set_visible (place, where != NULL);
  gtk_label_set_label (GTK_LABEL (message), stk_interop_note_get_message (note));
}

/**
 * stk_report_list_new:
 * @report: a report with notes
 *
 * Returns: (transfer floating): a framed list of @report's notes, each with its place and
 *   message, that scrolls when they do not fit
 */
GtkWidget *
stk_report_list_new (StkInteropReport *report)
{
  GListModel *notes;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkWidget *view;
  GtkWidget *scrolled;

  g_return_val_if_fail (STK_IS_INTEROP_REPORT (report), NULL);

  notes = stk_interop_report_get_notes (report);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  selection = gtk_no_selection_new (g_object_ref (notes));

  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "report-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  g_object_set_data (G_OBJECT (scrolled), "stk-report-notes", notes);

  return scrolled;
}

/**
 * stk_report_list_get_notes:
 * @list: a list stk_report_list_new() made
 *
 * Returns: (transfer none): the notes it shows
 */
GListModel *
stk_report_list_get_notes (GtkWidget *list)
{
  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  return g_object_get_data (G_OBJECT (list), "stk-report-notes");
}
