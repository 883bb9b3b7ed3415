/* stk-import-flow.c — importing another banner's configuration or a spreadsheet into a window
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Nothing changes before the user has seen what an import brings: the file is read (a
 * configuration written as JavaScript is run in samtykke-import-js, a spreadsheet is matched
 * against the policy in a worker thread), then a dialog shows the counts and every note of the
 * report, and only Import changes the policy, as one step that Undo takes back.
 *
 * A configuration replaces the policy the window shows, in place: the policy takes the
 * imported contents through its own setters (stk_policy_replace_with()), so that its undo
 * history holds the replacement as one step, and the document keeps its file and shows the
 * change as unsaved. Saving then writes the imported policy over that file, as after any other
 * edit; Undo gives back the policy exactly as it was. A spreadsheet changes the policy through
 * stk_csv_import_apply(), also one step.
 *
 * The flow knows the window only as the parent of its dialogs and reaches it through its
 * actions (win.toast, win.undo), as the export flow does. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-document-read.h"
#include "stk-import-flow.h"
#include "stk-report-list.h"

/* How much of a file Open reads to tell a policy from a configuration: the writer puts the
 * format marker first, and a hand-written policy has it near the top. */
#define SNIFF_SIZE (64 * 1024)

typedef struct
{
  GtkWindow               *parent;
  StkDocument             *document;
  GFile                   *file;
  StkImportFlowOpenPolicy  open_policy;
  gpointer                 user_data;
  GDestroyNotify           user_data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->user_data_free != NULL)
    g_clear_pointer (&job->user_data, job->user_data_free);
  g_clear_object (&job->parent);
  g_clear_object (&job->document);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (GtkWindow   *parent,
         StkDocument *document,
         GFile       *file)
{
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (parent);
  job->document = g_object_ref (document);
  job->file = g_object_ref (file);

  return job;
}

/* Dialogs ------------------------------------------------------------------------------------ */

static void
show_error (Job        *job,
            const char *message)
{
  g_autofree char *name = g_file_get_basename (job->file);
  /* Translators: %s is a file name. */
  g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (job->parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_count (GtkWidget  *list,
           const char *label,
           guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *value = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static GtkWidget *
new_counts (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "import-counts");

  return list;
}

/* The counts, then the notes of @report under @notes_heading when there are any. */
static GtkWidget *
new_report_child (GtkWidget        *counts,
                  StkInteropReport *report,
                  const char       *notes_heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_box_append (GTK_BOX (box), counts);
  if (g_list_model_get_n_items (stk_interop_report_get_notes (report)) > 0)
    {
      GtkWidget *heading = gtk_label_new (notes_heading);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), stk_report_list_new (report));
    }

  return box;
}

static GtkWidget *
new_import_dialog (Job        *job,
                   const char *heading,
                   const char *body,
                   GtkWidget  *child,
                   gboolean    can_import)
{
  GtkWidget *dialog = adw_message_dialog_new (job->parent, heading, body);

  /* Wider than a question: the report's lines are long. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", can_import);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           can_import ? "import" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

/* After an import: a notification whose button takes it back. */
static void
show_imported (Job *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  /* Translators: a notification; %s is a file name. */
  g_autofree char *title = g_strdup_printf (_("Imported “%s”"), escaped);

  gtk_widget_activate_action (GTK_WIDGET (job->parent), "win.toast", "(sss)",
                              title, _("_Undo"), "win.undo");
}

/* A configuration ---------------------------------------------------------------------------- */

static guint
count_cookies (StkPolicy *policy)
{
  StkList *providers = stk_policy_get_providers (policy);
  guint n = 0;

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    n += stk_list_get_n (stk_provider_get_cookies (stk_list_peek (providers, i)));

  return n;
}

static void
config_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Job              *job)
{
  StkConfigImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  StkPolicy *policy = stk_document_get_policy (job->document);

  if (g_strcmp0 (response, "import") != 0)
    return;

  if (policy == NULL || stk_document_get_busy (job->document))
    {
      show_error (job, _("The policy is being opened or saved"));
      return;
    }

  stk_policy_replace_with (policy, stk_config_import_get_policy (import));
  show_imported (job);
}

static void
show_config_report (Job             *job,
                    StkConfigImport *import)
{
  StkPolicy *imported = stk_config_import_get_policy (import);
  StkInteropReport *report = stk_config_import_get_report (import);
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *heading = NULL;
  const char *body;
  GtkWidget *counts = new_counts ();
  GtkWidget *dialog;

  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("Import “%s”?"), name);
  if (stk_config_import_get_format (import) == STK_INTEROP_KLARO)
    body = _("This Klaro configuration replaces the whole policy in this window. Undo brings "
             "the policy back as it is now.");
  else
    body = _("This vanilla-cookieconsent configuration replaces the whole policy in this "
             "window. Undo brings the policy back as it is now.");

  add_count (counts, _("Categories"), stk_list_get_n (stk_policy_get_categories (imported)));
  add_count (counts, _("Providers"), stk_list_get_n (stk_policy_get_providers (imported)));
  add_count (counts, _("Cookies"), count_cookies (imported));

  dialog = new_import_dialog (job, heading, body,
                              new_report_child (counts, report, _("Report")),
                              TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "import", g_object_ref (import), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (config_response_cb), job,
                         (GClosureNotify) job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Whether Open should rather open the file as a policy: it is no configuration, and loading it
 * says best what it is instead. */
static gboolean
is_not_config (const GError *error)
{
  return g_error_matches (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG)
         || g_error_matches (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_SYNTAX)
         || g_error_matches (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE);
}

static void
config_failed (Job          *job,
               const GError *error)
{
  if (job->open_policy != NULL && is_not_config (error))
    job->open_policy (job->file, job->user_data);
  else
    show_error (job, error->message);
}

static void
config_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(StkConfigImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = stk_config_importer_read_file_finish (STK_CONFIG_IMPORTER (object), result, &error);
  if (import == NULL)
    {
      config_failed (job, error);
      return;
    }

  show_config_report (g_steal_pointer (&job), import);
}

static void
read_config (Job *job)
{
  g_autoptr(StkConfigImporter) importer = stk_config_importer_new ();

  stk_config_importer_read_file_async (importer, job->file, NULL, config_read_cb, job);
}

/**
 * stk_import_flow_import_config:
 * @parent: the window the dialogs belong to
 * @document: the document whose policy an import replaces
 * @file: a vanilla-cookieconsent or Klaro configuration, as JavaScript or JSON
 *
 * Reads @file in the background (a script runs in samtykke-import-js), then shows what it holds and what could not be carried over,
 * with Import and Cancel. Import replaces the document's policy as one undoable step.
 */
void
stk_import_flow_import_config (GtkWindow   *parent,
                               StkDocument *document,
                               GFile       *file)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  read_config (job_new (parent, document, file));
}

/* Open --------------------------------------------------------------------------------------- */

/**
 * stk_import_flow_is_script_name:
 * @file: a file
 *
 * Returns: whether @file's name says it is JavaScript, which only an import can read
 */
gboolean
stk_import_flow_is_script_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".js") || g_str_has_suffix (lower, ".mjs")
                           || g_str_has_suffix (lower, ".cjs"));
}

static gboolean
read_more_cb (const char *contents,
              goffset     size,
              gpointer    user_data)
{
  return size < SNIFF_SIZE;
}

static void
sniffed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A file that cannot be read, or that names itself a policy, is opened as one: loading says
   * what is wrong with it, with its line and column. */
  if (!g_file_load_partial_contents_finish (G_FILE (object), result, &contents, &length, NULL,
                                            NULL)
      || g_strstr_len (contents, length, "\"samtykke-policy\"") != NULL)
    {
      job->open_policy (job->file, job->user_data);
      return;
    }

  read_config (g_steal_pointer (&job));
}

/**
 * stk_import_flow_open:
 * @parent: the window the dialogs belong to
 * @document: the document a configuration would replace the policy of
 * @file: a file the user chose to open
 * @open_policy: opens @file as a policy
 * @user_data: for @open_policy
 * @user_data_free: (nullable): frees @user_data
 *
 * What Open does with a file: a configuration written as JavaScript is imported (showing its
 * report first, as stk_import_flow_import_config() does); so is a JSON file that is not a
 * policy but a vanilla-cookieconsent or Klaro configuration. Anything else goes to
 * @open_policy.
 */
void
stk_import_flow_open (GtkWindow               *parent,
                      StkDocument             *document,
                      GFile                   *file,
                      StkImportFlowOpenPolicy  open_policy,
                      gpointer                 user_data,
                      GDestroyNotify           user_data_free)
{
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (open_policy != NULL);

  job = job_new (parent, document, file);
  job->user_data = user_data;
  job->user_data_free = user_data_free;

  if (stk_import_flow_is_script_name (file))
    {
      read_config (job);
      return;
    }

  job->open_policy = open_policy;
  g_file_load_partial_contents_async (file, NULL, read_more_cb, sniffed_cb, job);
}

/* A spreadsheet ------------------------------------------------------------------------------ */

typedef struct
{
  GBytes *bytes;
  char   *name;
} CsvData;

static void
csv_data_free (CsvData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->name);
  g_free (data);
}

/* In a worker thread, while the document is busy: matching every row against the policy only
 * reads it. */
static gpointer
csv_reader (StkPolicy     *policy,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  CsvData *data = user_data;
  gsize length = 0;
  const char *contents = g_bytes_get_data (data->bytes, &length);

  return stk_csv_import_read (policy, contents, length, data->name);
}

static void
csv_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 Job              *job)
{
  StkCsvImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;

  if (stk_document_get_busy (job->document))
    {
      show_error (job, _("The policy is being opened or saved"));
      return;
    }

  if (!stk_csv_import_apply (import, &error))
    {
      show_error (job, error->message);
      return;
    }

  show_imported (job);
}

static void
show_csv_report (Job          *job,
                 StkCsvImport *import)
{
  StkInteropReport *report = stk_csv_import_get_report (import);
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_errors = stk_interop_report_count (report, STK_INTEROP_NOTE_ERROR);
  guint n_changes = stk_csv_import_get_n_added (import) + stk_csv_import_get_n_updated (import);
  gboolean can_import = stk_csv_import_can_apply (import) && n_changes > 0;
  GtkWidget *counts = new_counts ();
  GtkWidget *dialog;

  if (!stk_csv_import_can_apply (import))
    {
      heading = g_strdup (_("The Spreadsheet Cannot Be Imported"));
      /* Translators: %u counts problems, %s is a file name. */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "“%2$s” has %1$u problem. Nothing can be imported "
                                           "until it is corrected; the policy is unchanged.",
                                           "“%2$s” has %1$u problems. Nothing can be imported "
                                           "until they are corrected; the policy is unchanged.",
                                           MAX (n_errors, 1)),
                              MAX (n_errors, 1), name);
    }
  else
    {
      /* Translators: %s is a file name. */
      heading = g_strdup_printf (_("Import “%s”?"), name);
      if (n_changes == 0)
        body = g_strdup (_("The spreadsheet holds nothing the policy does not hold already."));
      else
        body = g_strdup (_("The cookies are added and updated in the policy in this window, as "
                           "one step that Undo takes back."));
    }

  add_count (counts, _("Cookies added"), stk_csv_import_get_n_added (import));
  add_count (counts, _("Cookies updated"), stk_csv_import_get_n_updated (import));
  add_count (counts, _("Cookies unchanged"), stk_csv_import_get_n_unchanged (import));
  add_count (counts, _("New providers"), stk_csv_import_get_n_providers (import));

  dialog = new_import_dialog (job, heading, body,
                              new_report_child (counts, report,
                                                n_errors > 0 ? _("Problems") : _("Notes")),
                              can_import);
  g_object_set_data_full (G_OBJECT (dialog), "import", g_object_ref (import), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (csv_response_cb), job,
                         (GClosureNotify) job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
csv_matched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(StkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = stk_document_read_finish (STK_DOCUMENT (object), result, &error);
  if (import == NULL)
    {
      show_error (job, error->message);
      return;
    }

  show_csv_report (g_steal_pointer (&job), import);
}

static gboolean
read_more_csv_cb (const char *contents,
                  goffset     size,
                  gpointer    user_data)
{
  return size <= STK_CSV_MAX_SIZE;
}

static void
csv_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  StkDocument *document;
  CsvData *data;

  if (!g_file_load_partial_contents_finish (G_FILE (object), result, &contents, &length, NULL,
                                            &error))
    {
      show_error (job, error->message);
      return;
    }

  if (length > STK_CSV_MAX_SIZE)
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *message = NULL;

      g_free (contents);
      message = g_strdup_printf (_("%s: the file is larger than %u MiB, the most Samtykke "
                                   "imports"), name, (guint) (STK_CSV_MAX_SIZE >> 20));
      show_error (job, message);
      return;
    }

  data = g_new0 (CsvData, 1);
  data->bytes = g_bytes_new_take (contents, length);
  data->name = g_file_get_basename (job->file);

  document = job->document;
  stk_document_read_async (document, _("Matching the spreadsheet…"), csv_reader, data,
                           (GDestroyNotify) csv_data_free, g_object_unref, NULL, csv_matched_cb,
                           g_steal_pointer (&job));
}

/**
 * stk_import_flow_import_csv:
 * @parent: the window the dialogs belong to
 * @document: the document whose policy the spreadsheet adds to and updates
 * @file: a spreadsheet of cookies (CSV)
 *
 * Reads @file and matches it against the policy in the background, then shows how many
 * cookies it adds, updates and leaves, and every problem as FILE.csv:LINE: message. When any
 * row is bad nothing can be imported; otherwise Import applies the changes as one undoable
 * step.
 */
void
stk_import_flow_import_csv (GtkWindow   *parent,
                            StkDocument *document,
                            GFile       *file)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_partial_contents_async (file, NULL, read_more_csv_cb, csv_loaded_cb,
                                      job_new (parent, document, file));
}
