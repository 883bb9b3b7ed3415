/* stk-window-disk.c — the window's answer when another program changes the policy's file
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document notices the change (stk-document-watch.c); the window shows a bar over the
 * pages: Reload, which asks first when there are unsaved changes, or Keep Mine, after which
 * saving replaces the file without asking. A save that finds the file changed although
 * nobody answered the bar yet asks whether to overwrite it. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-window-private.h"

enum {
  RESPONSE_RELOAD = 1,
  RESPONSE_KEEP_MINE = 2,
};

static void
update_bar (StkWindow *self)
{
  StkDiskChange change = stk_document_get_disk_change (self->document);
  GFile *file = stk_document_get_file (self->document);
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *name = basename != NULL ? g_filename_display_name (basename) : NULL;
  g_autofree char *message = NULL;

  switch (change)
    {
    case STK_DISK_CHANGE_CHANGED:
      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("Another program changed “%s”. Reload it to see those "
                                   "changes, or keep your version."), name);
      gtk_label_set_label (self->disk_title, _("The file changed on disk"));
      gtk_label_set_label (self->disk_label, message);
      gtk_widget_set_visible (self->reload_button, TRUE);
      gtk_widget_set_visible (self->keep_button, TRUE);
      gtk_info_bar_set_show_close_button (self->disk_bar, FALSE);
      gtk_info_bar_set_revealed (self->disk_bar, TRUE);
      break;

    case STK_DISK_CHANGE_DELETED:
      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("Another program deleted “%s”. Saving the policy creates it "
                                   "again."), name);
      gtk_label_set_label (self->disk_title, _("The file was deleted on disk"));
      gtk_label_set_label (self->disk_label, message);
      gtk_widget_set_visible (self->reload_button, FALSE);
      gtk_widget_set_visible (self->keep_button, FALSE);
      gtk_info_bar_set_show_close_button (self->disk_bar, TRUE);
      gtk_info_bar_set_revealed (self->disk_bar, TRUE);
      break;

    case STK_DISK_CHANGE_NONE:
    default:
      gtk_info_bar_set_revealed (self->disk_bar, FALSE);
      break;
    }
}

static void
reload (StkWindow *self)
{
  GFile *file = stk_document_get_file (self->document);

  if (file == NULL || stk_document_get_busy (self->document))
    return;

  /* The window follows the load through the document, as for Open. */
  stk_document_load_async (self->document, file, NULL, NULL, NULL);
}

static void
reload_response_cb (StkWindow        *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  self->disk_question = NULL;

  if (g_strcmp0 (response, "reload") == 0)
    reload (self);
}

static void
ask_reload (StkWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->disk_question != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->disk_question));
      return;
    }

  if (!stk_document_get_modified (self->document))
    {
      reload (self);
      return;
    }

  name = _stk_window_dup_document_name (self);
  /* Translators: %s is the policy's name. */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Reloading the file loses "
                            "them."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reload and Lose Your Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->disk_question = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bar_response_cb (StkWindow *self,
                 int        response)
{
  if (response == RESPONSE_RELOAD)
    ask_reload (self);
  else
    /* Keep Mine, or closing the bar about a deleted file. */
    stk_document_keep_mine (self->document);
}

static void
overwrite_response_cb (StkWindow        *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  self->disk_question = NULL;

  if (g_strcmp0 (response, "overwrite") == 0)
    {
      /* The same save again, now over the file as it is: a request waiting for the save
       * (closing, opening another file) runs after it. */
      stk_document_keep_mine (self->document);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

/* A save stopped because the file changed on disk: asks whether to overwrite it. */
void
_stk_window_ask_overwrite (StkWindow *self)
{
  GFile *file = stk_document_get_file (self->document);
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : g_strdup ("");
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->disk_question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->disk_question));

  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("Another program changed “%s” since it was opened. Saving replaces "
                            "those changes with yours."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite the Changed File?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->disk_question = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Builds the bar and puts it under the error bar; follows the document from now on. */
void
_stk_window_disk_init (StkWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->error_bar));

  gtk_widget_set_hexpand (box, TRUE);

  self->disk_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->disk_bar), "disk-bar");
  gtk_info_bar_set_message_type (self->disk_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (self->disk_bar, FALSE);

  self->disk_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->disk_title, 0);
  gtk_label_set_wrap (self->disk_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->disk_title), "heading");
  self->disk_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->disk_label, 0);
  gtk_label_set_wrap (self->disk_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->disk_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->disk_label));
  gtk_info_bar_add_child (self->disk_bar, box);

  self->reload_button = gtk_info_bar_add_button (self->disk_bar, _("_Reload"), RESPONSE_RELOAD);
  gtk_widget_set_name (self->reload_button, "reload");
  self->keep_button = gtk_info_bar_add_button (self->disk_bar, _("_Keep Mine"),
                                               RESPONSE_KEEP_MINE);
  gtk_widget_set_name (self->keep_button, "keep-mine");
  g_signal_connect_object (self->disk_bar, "response", G_CALLBACK (bar_response_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->disk_bar),
                              GTK_WIDGET (self->error_bar));

  g_signal_connect_object (self->document, "notify::disk-change", G_CALLBACK (update_bar), self,
                           G_CONNECT_SWAPPED);
  update_bar (self);
}

void
_stk_window_disk_dispose (StkWindow *self)
{
  if (self->disk_question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->disk_question));
  self->disk_question = NULL;
}
