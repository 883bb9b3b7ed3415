/* stk-window-actions.c — what the user asks of a window: new, open, save, undo, export, ...
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-export-as-dialog.h"
#include "stk-export-flow.h"
#include "stk-import-flow.h"
#include "stk-window-private.h"

#define MAX_RECENT 10

/* The actions that edit or replace the document: disabled while it is busy. */
static const char * const document_actions[] = {
  "win.new", "win.new-from-example", "win.open", "win.open-recent", "win.save", "win.save-as",
  "win.export", "win.export-again", "win.export-as", "win.copy-snippet", "win.import-config",
  "win.import-csv",
};

void
_stk_window_update_actions (StkWindow *self)
{
  StkPolicy *policy = stk_document_get_policy (self->document);
  StkHistory *history = policy != NULL ? stk_policy_get_history (policy) : NULL;
  gboolean idle = !stk_document_get_busy (self->document) && policy != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), document_actions[i], idle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 idle && stk_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 idle && stk_history_can_redo (history));
}

/* Opening, saving, new documents ----------------------------------------------------------- */

static void run_pending   (StkWindow *self);
static void clear_pending (StkWindow *self);

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  /* The window follows the document's own notifications (stk-window.c); the error is shown
   * there too. */
  stk_document_load_finish (STK_DOCUMENT (object), result, NULL);
}

/* New Policy starts empty but for its languages (Danish and English): every text then shows as
 * a missing translation, which is the list of what to write. New from Example starts from the
 * bundled example, for those who would rather adapt a complete policy. */
static StkPolicy *
new_empty_policy (void)
{
  static const char * const languages[] = { "da", "en", NULL };
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  const char * const *current = stk_policy_get_languages (policy);

  if (current == NULL || current[0] == NULL)
    {
      stk_policy_set_languages (policy, languages);
      stk_policy_set_default_language (policy, "da");
    }
  /* A new document starts with nothing to undo and nothing unsaved. */
  stk_history_clear (stk_policy_get_history (policy));
  stk_history_mark_saved (stk_policy_get_history (policy));

  return g_steal_pointer (&policy);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean then_pending = self->pending != PENDING_NONE;
  GFile *file;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!stk_document_save_finish (STK_DOCUMENT (object), result, &error))
    {
      /* Another program changed the file: asked in stk-window-disk.c. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          _stk_window_ask_overwrite (self);
          return;
        }
      _stk_window_show_error (self, _("Could Not Save the Policy"), error->message);
      if (then_pending)
        clear_pending (self);
      return;
    }

  file = stk_document_get_file (self->document);
  _stk_window_remember_file (self, file);

  name = g_file_get_basename (file);
  /* Translators: a notification; %s is a file name. */
  message = g_strdup_printf (_("Saved “%s”"), name);
  stk_window_add_toast (self, adw_toast_new (message));

  if (then_pending)
    run_pending (self);
}

static void
save_to (StkWindow *self,
         GFile     *file)
{
  stk_document_save_async (self->document, file, NULL, save_done_cb, g_object_ref (self));
}

static void
run_pending (StkWindow *self)
{
  PendingKind pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case PENDING_OPEN:
      stk_document_load_async (self->document, file, NULL, open_done_cb, NULL);
      break;

    case PENDING_NEW_EMPTY:
    case PENDING_NEW_EXAMPLE:
      {
        g_autoptr(StkPolicy) policy = NULL;

        if (pending == PENDING_NEW_EMPTY)
          policy = new_empty_policy ();
        else
          policy = stk_policy_new_from_example ();

        /* A message about a file that did not open is not about the new document. */
        gtk_info_bar_set_revealed (self->error_bar, FALSE);
        stk_document_set_policy (self->document, policy, NULL);
      }
      break;

    case PENDING_NONE:
    default:
      break;
    }
}

static void
clear_pending (StkWindow *self)
{
  self->pending = PENDING_NONE;
  g_clear_object (&self->pending_file);
}

/* Asking about unsaved changes ------------------------------------------------------------- */

typedef enum
{
  ANSWER_CANCEL,
  ANSWER_DISCARD,
  ANSWER_SAVE,
} Answer;

static void save_document (StkWindow *self);

static gboolean
act_on_answer_cb (gpointer user_data)
{
  StkWindow *self = user_data;
  Answer answer = self->answer;

  self->answer_source = 0;

  switch (answer)
    {
    case ANSWER_SAVE:
      /* The pending request runs once the save has succeeded. */
      save_document (self);
      break;

    case ANSWER_DISCARD:
      run_pending (self);
      break;

    case ANSWER_CANCEL:
    default:
      clear_pending (self);
      break;
    }

  return G_SOURCE_REMOVE;
}

static void
question_response_cb (StkWindow        *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  self->question = NULL;

  if (g_strcmp0 (response, "save") == 0)
    self->answer = ANSWER_SAVE;
  else if (g_strcmp0 (response, "discard") == 0)
    self->answer = ANSWER_DISCARD;
  else
    self->answer = ANSWER_CANCEL;

  /* Closing the window from inside its dialog's response would pull the dialog away under
   * its own signal; act once the dialog is done. */
  g_clear_handle_id (&self->answer_source, g_source_remove);
  self->answer_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, act_on_answer_cb,
                                         g_object_ref (self), g_object_unref);
}

void
_stk_window_ask_then (StkWindow   *self,
                      PendingKind  pending,
                      GFile       *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->question != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->question));
      return;
    }

  /* A request while the document is read or written waits for nothing: it is refused, as
   * the actions that make it are disabled meanwhile. Closing waits for the end instead. */
  if (stk_document_get_busy (self->document))
    {
      if (pending == PENDING_CLOSE)
        _stk_window_close_when_idle (self);
      return;
    }

  /* An answer not yet acted on belongs to the earlier request: settle it first. */
  if (self->answer_source != 0)
    {
      g_clear_handle_id (&self->answer_source, g_source_remove);
      act_on_answer_cb (self);
      if (stk_document_get_busy (self->document))
        return;
    }

  self->pending = pending;
  g_set_object (&self->pending_file, file);

  if (!stk_document_get_modified (self->document))
    {
      run_pending (self);
      return;
    }

  name = _stk_window_dup_document_name (self);
  /* Translators: %s is the policy's name. */
  body = g_strdup_printf (_("“%s” has changes that are not saved. If you discard them, they are "
                            "lost."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->question = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * stk_window_open_file:
 * @self: a window
 * @file: a policy file
 *
 * Asks about unsaved changes first, then reads @file in the background; the window shows the
 * policy when it is read, or the reason it did not load over the current one.
 */
void
stk_window_open_file (StkWindow *self,
                      GFile     *file)
{
  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _stk_window_ask_then (self, PENDING_OPEN, file);
}

static void
open_policy_cb (GFile    *file,
                gpointer  user_data)
{
  stk_window_open_file (STK_WINDOW (user_data), file);
}

/**
 * stk_window_open_or_import:
 * @self: a window
 * @file: a file the user chose to open
 *
 * Opens @file as stk_window_open_file() does, unless it is a vanilla-cookieconsent or Klaro
 * configuration (a JavaScript file, or JSON that is no policy): that is imported, showing
 * what it holds and what could not be carried over before it replaces the policy as one
 * undoable step.
 */
void
stk_window_open_or_import (StkWindow *self,
                           GFile     *file)
{
  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  stk_import_flow_open (GTK_WINDOW (self), self->document, file, open_policy_cb,
                        g_object_ref (self), g_object_unref);
}

void
stk_window_new_document (StkWindow *self,
                         gboolean   from_example)
{
  g_return_if_fail (STK_IS_WINDOW (self));

  _stk_window_ask_then (self, from_example ? PENDING_NEW_EXAMPLE : PENDING_NEW_EMPTY, NULL);
}

/* File choosers ---------------------------------------------------------------------------- */

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Cookie Policies (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static GtkFileFilter *
config_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Banner Configurations (vanilla-cookieconsent, Klaro)"));
  gtk_file_filter_add_suffix (filter, "js");
  gtk_file_filter_add_suffix (filter, "mjs");
  gtk_file_filter_add_suffix (filter, "cjs");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  return filter;
}

static GtkFileChooserNative *
new_chooser (StkWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autoptr(GFile) folder = _stk_window_dup_last_folder (self);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = chooser;

  return chooser;
}

static void
open_response_cb (StkWindow            *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        stk_window_open_or_import (self, file);
    }
}

static void
save_as_response_cb (StkWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !stk_document_get_busy (self->document))
    save_to (self, file);
  else
    clear_pending (self);
}

static void
save_as (StkWindow *self)
{
  GtkFileChooserNative *chooser;
  GFile *file = stk_document_get_file (self->document);
  g_autofree char *name = NULL;

  chooser = new_chooser (self, _("Save Policy As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  if (file != NULL)
    name = g_file_get_basename (file);
  else
    name = g_strdup (_("cookie-policy.json"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to the document's file, or asks for one; a pending request runs after success. */
static void
save_document (StkWindow *self)
{
  if (stk_document_get_file (self->document) == NULL)
    save_as (self);
  else
    save_to (self, NULL);
}

/* Recent files ----------------------------------------------------------------------------- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
update_recent_menu (StkWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  const char *app_name = g_get_application_name ();

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (app_name != NULL && gtk_recent_info_has_application (info, app_name)
          && g_str_has_suffix (gtk_recent_info_get_uri (info), ".json"))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }
  if (ours->len == 0)
    g_menu_append (self->recent_section, _("No Recent Policies"), "win.no-recent");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Actions ---------------------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  stk_window_new_document (STK_WINDOW (widget), g_str_equal (action_name, "win.new-from-example"));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  GtkFileChooserNative *chooser;

  g_autoptr(GtkFileFilter) any = NULL;
  g_autoptr(GtkFileFilter) configs = config_filter ();

  chooser = new_chooser (self, _("Open Policy"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  /* A banner configuration opens too, as an import (stk_window_open_or_import()). */
  any = json_filter ();
  gtk_file_filter_set_name (any, _("Cookie Policies and Banner Configurations"));
  gtk_file_filter_add_suffix (any, "js");
  gtk_file_filter_add_suffix (any, "mjs");
  gtk_file_filter_add_suffix (any, "cjs");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), configs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), any);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  stk_window_open_file (STK_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);

  if (g_str_equal (action_name, "win.save-as"))
    save_as (self);
  else
    save_document (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  StkPolicy *policy = stk_document_get_policy (self->document);
  StkHistory *history;

  if (policy == NULL)
    return;

  history = stk_policy_get_history (policy);
  /* Whatever is being typed becomes a step of its own before stepping back or forward. */
  stk_history_seal (history);
  if (g_str_equal (action_name, "win.undo"))
    stk_history_undo (history);
  else
    stk_history_redo (history);
  stk_history_seal (history);
}

static void
next_missing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  GListModel *model = stk_document_get_findings (self->document);
  guint n_items;

  /* The findings may be a pause behind the last edit. */
  stk_document_validate_now (self->document);

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      guint position = (self->missing_cursor + i) % n_items;
      g_autoptr(StkFinding) finding = g_list_model_get_item (model, position);

      if (g_strcmp0 (stk_finding_get_rule (finding), "missing-translation") == 0)
        {
          self->missing_cursor = position + 1;
          stk_window_focus_path (self, stk_finding_get_path (finding));
          return;
        }
    }

  stk_window_add_toast (self, adw_toast_new (_("Every text is translated")));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);

  if (g_str_equal (action_name, "win.copy-snippet"))
    stk_export_flow_copy_snippet (GTK_WINDOW (self), self->document);
  else
    stk_export_flow_export (GTK_WINDOW (self), self->document,
                            g_str_equal (action_name, "win.export-again"));
}

static void
export_as_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);

  if (stk_document_get_policy (self->document) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (stk_export_as_dialog_new (GTK_WINDOW (self),
                                                            self->document)));
}

static void
import_response_cb (StkWindow            *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || stk_document_get_busy (self->document))
    return;

  if (g_object_get_data (G_OBJECT (chooser), "csv") != NULL)
    stk_import_flow_import_csv (GTK_WINDOW (self), self->document, file);
  else
    stk_import_flow_import_config (GTK_WINDOW (self), self->document, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  gboolean csv = g_str_equal (action_name, "win.import-csv");
  g_autoptr(GtkFileFilter) filter = csv ? csv_filter () : config_filter ();
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, csv ? _("Import Spreadsheet") : _("Import Configuration"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  /* Only the files this import reads, not the policies new_chooser() offers. */
  gtk_file_chooser_remove_filter (GTK_FILE_CHOOSER (chooser),
                                  gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (csv)
    g_object_set_data (G_OBJECT (chooser), "csv", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stk_window_show_page (STK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
focus_path_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  stk_window_focus_path (STK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A notification over the window: (title as markup, button label, the button's detailed
 * action), the last two empty for none. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *title;
  const char *button_label;
  const char *button_action;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s&s)", &title, &button_label, &button_action);
  toast = adw_toast_new (title);
  if (*button_label != '\0' && *button_action != '\0')
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_detailed_action_name (toast, button_action);
    }
  stk_window_add_toast (STK_WINDOW (widget), toast);
}

static void
show_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
banner_help_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  stk_export_flow_show_install_help (GTK_WINDOW (widget));
}

static gboolean
history_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  /* Claimed even when there is nothing to undo, so that a text field's own undo never runs
   * behind the model's back. */
  gtk_widget_activate_action (widget, user_data, NULL);
  return TRUE;
}

static void
add_history_shortcuts (StkWindow *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Control>z", "win.undo" },
    { "<Control><Shift>z", "win.redo" },
    { "<Control>y", "win.redo" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Text fields bind Ctrl+Z to their own undo; the capture phase puts the policy's history
   * first, so one Ctrl+Z undoes the same step wherever the focus is. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].trigger);
      GtkShortcutAction *action = gtk_callback_action_new (history_shortcut_cb,
                                                           (gpointer) shortcuts[i].action, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_stk_window_class_actions_init (StkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-example", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.next-missing", NULL, next_missing_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-again", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-as", NULL, export_as_action);
  gtk_widget_class_install_action (widget_class, "win.copy-snippet", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import-config", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.focus-path", "s", focus_path_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "(sss)", toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-folder", "s", show_folder_action);
  gtk_widget_class_install_action (widget_class, "win.banner-help", NULL, banner_help_action);
}

void
_stk_window_actions_init (StkWindow *self)
{
  add_history_shortcuts (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

void
_stk_window_actions_dispose (StkWindow *self)
{
  g_clear_handle_id (&self->answer_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  self->question = NULL;
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_object (&self->pending_file);
}
