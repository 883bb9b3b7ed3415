/* test-interop-ui.c — Export As, and importing configurations and spreadsheets, from the window
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-helpers.h"
#include "stk-application.h"
#include "stk-export-as-dialog.h"
#include "stk-import-flow.h"
#include "stk-report-list.h"
#include "stk-window.h"

static StkApplication *app;
static char *tmp_dir;

static GFile *
test_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (INTEROP_TESTS_DIR, folder, name, NULL);

  return g_file_new_for_path (path);
}

static StkDocument *
document_of (StkWindow *window)
{
  return stk_window_get_document (window);
}

static StkPolicy *
window_policy (StkWindow *window)
{
  return stk_document_get_policy (document_of (window));
}

static StkWindow *
open_window (GFile *file)
{
  StkWindow *window = stk_window_new_for_file (GTK_APPLICATION (app), file);

  gtk_window_present (GTK_WINDOW (window));
  STK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  STK_WAIT_UNTIL (!stk_document_get_busy (document_of (window)));
  g_assert_null (stk_document_get_load_error (document_of (window)));

  return window;
}

static void
close_window (StkWindow *window)
{
  STK_WAIT_UNTIL (!stk_document_get_busy (document_of (window)));
  stk_history_mark_saved (stk_policy_get_history (window_policy (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  stk_test_drain ();
}

/* The visible toplevel of @type over @window. */
static GtkWindow *
find_toplevel (StkWindow *window,
               GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (StkWindow *window)
{
  return ADW_MESSAGE_DIALOG (find_toplevel (window, ADW_TYPE_MESSAGE_DIALOG));
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  stk_test_drain ();
}

/* The report a dialog lists (stk-report-list.c), NULL when it lists none. */
static GListModel *
find_report (GtkWidget *root)
{
  GListModel *notes;

  if (root == NULL)
    return NULL;
  notes = stk_report_list_get_notes (root);
  if (notes != NULL)
    return notes;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((notes = find_report (child)) != NULL)
      return notes;

  return NULL;
}

/* Every note of @notes as the command-line tool prints it, one a line. */
static char *
notes_text (GListModel *notes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(StkInteropNote) note = g_list_model_get_item (notes, i);
      g_autofree char *line = stk_interop_note_to_string (note);

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

static GBytes *
policy_bytes (StkWindow *window)
{
  return stk_policy_to_bytes (window_policy (window));
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static void
assert_same_files (const char *a,
                   const char *b)
{
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  gsize len_a, len_b;

  g_assert_true (g_file_get_contents (a, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &data_b, &len_b, NULL));
  g_assert_cmpmem (data_a, len_a, data_b, len_b);
}

static void
run_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", argv[0], argv[1], err);
}

/* Export As --------------------------------------------------------------------------------- */

static StkExportAsDialog *
open_export_as (StkWindow *window)
{
  StkExportAsDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-as", NULL));
  STK_WAIT_UNTIL ((dialog = STK_EXPORT_AS_DIALOG (find_toplevel (window,
                                                               STK_TYPE_EXPORT_AS_DIALOG)))
                  != NULL);

  return dialog;
}

/* Exports @format into a new folder @name and returns its path; the document is busy while the
 * files are written, and the window says when they are. */
static char *
export_as (StkWindow         *window,
           StkExportAsFormat  format,
           gboolean           excel,
           const char        *name,
           const char        *expected_file)
{
  g_autofree char *dir = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *expected = g_build_filename (dir, expected_file, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  StkExportAsDialog *dialog = open_export_as (window);
  AdwMessageDialog *notes = NULL;

  stk_export_as_dialog_choose (dialog, format, excel, folder);
  stk_export_as_dialog_export (dialog);

  /* Written off the main thread: the document is busy until the worker is done. */
  g_assert_true (stk_document_get_busy (document_of (window)));
  STK_WAIT_UNTIL (!stk_document_get_busy (document_of (window)));
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));

  /* The configurations say what the library has no place for. */
  if (format == STK_EXPORT_AS_VANILLA_COOKIECONSENT || format == STK_EXPORT_AS_KLARO)
    {
      GListModel *report;

      STK_WAIT_UNTIL ((notes = find_dialog (window)) != NULL);
      report = find_report (adw_message_dialog_get_extra_child (notes));
      g_assert_nonnull (report);
      g_assert_cmpuint (g_list_model_get_n_items (report), >, 0);
      g_assert_true (adw_message_dialog_has_response (notes, "open"));
      respond (notes, "close");
    }
  g_assert_null (find_dialog (window));

  return g_steal_pointer (&dir);
}

static void
test_export_as (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "export-as.json");
  g_autofree char *policy_path = g_file_get_path (file);
  g_autofree char *cli_dir = g_build_filename (tmp_dir, "export-as-cli", NULL);
  static const struct {
    StkExportAsFormat  format;
    gboolean           excel;
    const char        *name;
    const char        *file;
    const char        *cli_format;
  } cases[] = {
    { STK_EXPORT_AS_VANILLA_COOKIECONSENT, FALSE, "as-vcc", "cookieconsent-config.js",
      "vanilla-cookieconsent" },
    { STK_EXPORT_AS_KLARO, FALSE, "as-klaro", "klaro-config.js", "klaro" },
    { STK_EXPORT_AS_CSV, FALSE, "as-csv", "cookies.csv", "csv" },
    { STK_EXPORT_AS_CSV, TRUE, "as-excel", "cookies.csv", "csv" },
  };
  StkWindow *window = open_window (file);
  StkExportAsDialog *dialog;
  g_autofree char *website = NULL;
  g_autoptr(GFile) remembered = NULL;

  /* Each configuration and the spreadsheet: the same bytes as samtykke-cli writes. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = export_as (window, cases[i].format, cases[i].excel, cases[i].name,
                                        cases[i].file);
      g_autofree char *app_path = g_build_filename (dir, cases[i].file, NULL);
      g_autofree char *cli_path = g_build_filename (cli_dir, cases[i].file, NULL);
      const char *argv[] = { SAMTYKKE_CLI, "export", policy_path, "-o", cli_dir, "--format",
                             cases[i].cli_format, cases[i].excel ? "--csv-excel" : NULL, NULL };

      run_cli (argv);
      assert_same_files (app_path, cli_path);
      g_unlink (cli_path);

      /* The next Export As starts from this choice. */
      dialog = open_export_as (window);
      g_assert_cmpint (stk_export_as_dialog_get_format (dialog), ==, cases[i].format);
      g_assert_cmpint (stk_export_as_dialog_get_excel (dialog), ==, cases[i].excel);
      g_assert_nonnull (stk_export_as_dialog_get_folder (dialog));
      g_assert_cmpstr (g_file_peek_path (stk_export_as_dialog_get_folder (dialog)), ==, dir);
      gtk_window_destroy (GTK_WINDOW (dialog));
      stk_test_drain ();
    }

  {
    g_autofree char *excel_path = g_build_filename (tmp_dir, "as-excel", "cookies.csv", NULL);
    g_autofree char *excel = NULL;

    g_assert_true (g_file_get_contents (excel_path, &excel, NULL, NULL));
    g_assert_true (g_str_has_prefix (excel, "\xEF\xBB\xBF"));
  }

  /* The website files: what Export writes, and Export Again then writes there too. */
  website = export_as (window, STK_EXPORT_AS_WEBSITE, FALSE, "as-website", "banner.html");
  {
    g_autofree char *json = g_build_filename (website, "policy.json", NULL);
    g_autofree char *cookie_policy = g_build_filename (website, "cookie-policy.da.html", NULL);

    g_assert_true (g_file_test (json, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (cookie_policy, G_FILE_TEST_EXISTS));
  }
  remembered = stk_document_dup_export_folder (document_of (window));
  g_assert_nonnull (remembered);
  g_assert_cmpstr (g_file_peek_path (remembered), ==, website);

  close_window (window);

  /* Another window on the same file starts from the same choice (the settings keep it). */
  window = open_window (file);
  dialog = open_export_as (window);
  g_assert_cmpint (stk_export_as_dialog_get_format (dialog), ==, STK_EXPORT_AS_WEBSITE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* A banner format of a policy with errors is refused as Export refuses it; the spreadsheet is
 * written all the same. */
static void
test_export_as_refused (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "export-as-errors.json");
  g_autofree char *dir = g_build_filename (tmp_dir, "as-refused", NULL);
  g_autofree char *config = g_build_filename (dir, "klaro-config.js", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  StkWindow *window = open_window (file);
  StkExportAsDialog *dialog;
  AdwMessageDialog *refusal = NULL;
  g_autofree char *csv_dir = NULL;

  stk_policy_set_cookie_name (window_policy (window), "");
  dialog = open_export_as (window);
  stk_export_as_dialog_choose (dialog, STK_EXPORT_AS_KLARO, FALSE, folder);
  stk_export_as_dialog_export (dialog);
  STK_WAIT_UNTIL ((refusal = find_dialog (window)) != NULL);
  g_assert_true (adw_message_dialog_has_response (refusal, "problems"));
  g_assert_false (stk_document_get_busy (document_of (window)));
  g_assert_false (g_file_test (config, G_FILE_TEST_EXISTS));
  respond (refusal, "close");

  csv_dir = export_as (window, STK_EXPORT_AS_CSV, FALSE, "as-refused-csv", "cookies.csv");
  close_window (window);
}

/* Importing a configuration -------------------------------------------------------------------- */

static StkPolicy *
import_directly (GFile *config)
{
  g_autoptr(StkConfigImporter) importer = stk_config_importer_new ();
  g_autoptr(StkConfigImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (config);
  gsize length = 0;
  GBytes *bytes;

  g_assert_true (g_file_load_contents (config, NULL, &contents, &length, NULL, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  import = stk_config_importer_read (importer, bytes, name, NULL, &error);
  g_bytes_unref (bytes);
  g_assert_no_error (error);

  return g_object_ref (stk_config_import_get_policy (import));
}

/* The report comes first; Cancel changes nothing; Import replaces the policy with exactly the
 * imported one, unsaved; one undo gives back the policy as it was. */
typedef enum
{
  THROUGH_IMPORT,   /* Import Configuration… */
  THROUGH_OPEN,     /* Open… */
  THROUGH_DROP,     /* dropped on the window */
} Through;

static void
check_config_import (const char *config_name,
                     Through     through)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "import.json");
  g_autoptr(GFile) config = test_file ("configs", config_name);
  g_autoptr(StkPolicy) expected = import_directly (config);
  g_autoptr(GBytes) expected_bytes = stk_policy_to_bytes (expected);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  StkWindow *window = open_window (file);
  StkPolicy *policy = window_policy (window);
  AdwMessageDialog *dialog = NULL;
  GListModel *report;

  before = policy_bytes (window);
  g_assert_false (stk_document_get_modified (document_of (window)));

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GBytes) now = NULL;

      if (through == THROUGH_OPEN)
        stk_window_open_or_import (window, config);
      else if (through == THROUGH_DROP)
        g_assert_true (stk_test_drop_file (GTK_WIDGET (window), config));
      else
        stk_import_flow_import_config (GTK_WINDOW (window), document_of (window), config);
      STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);

      /* Nothing has changed while the report shows. */
      now = policy_bytes (window);
      assert_same_bytes (now, before);
      g_assert_true (adw_message_dialog_has_response (dialog, "import"));
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
      g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), config_name));
      report = find_report (adw_message_dialog_get_extra_child (dialog));
      g_assert_nonnull (report);
      g_assert_cmpuint (g_list_model_get_n_items (report), >, 0);
      g_assert_null (stk_document_get_load_error (document_of (window)));

      if (attempt == 0)
        {
          respond (dialog, "cancel");
          now = policy_bytes (window);
          assert_same_bytes (now, before);
          g_assert_false (stk_document_get_modified (document_of (window)));
        }
      else
        {
          respond (dialog, "import");
        }
    }

  /* The same policy object, holding exactly the import. */
  g_assert_true (window_policy (window) == policy);
  after = policy_bytes (window);
  assert_same_bytes (after, expected_bytes);
  g_assert_true (stk_document_get_modified (document_of (window)));
  g_assert_nonnull (stk_document_get_file (document_of (window)));

  /* One undo, as Ctrl+Z does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_pointer (&after, g_bytes_unref);
  after = policy_bytes (window);
  assert_same_bytes (after, before);
  g_assert_false (stk_document_get_modified (document_of (window)));

  /* And redo brings the import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_clear_pointer (&after, g_bytes_unref);
  after = policy_bytes (window);
  assert_same_bytes (after, expected_bytes);

  close_window (window);
}

static void
test_import_config_js (void)
{
  check_config_import ("vcc-example.js", THROUGH_IMPORT);
}

static void
test_import_config_klaro (void)
{
  check_config_import ("klaro-example.js", THROUGH_IMPORT);
}

/* Open, and a drop on the window, take a configuration (JavaScript, or JSON that is no
 * policy) to the same import. */
static void
test_open_routes_config (void)
{
  check_config_import ("vcc-example.json", THROUGH_OPEN);
  check_config_import ("klaro-example.js", THROUGH_OPEN);
  check_config_import ("vcc-example.json", THROUGH_DROP);
  check_config_import ("klaro-example.js", THROUGH_DROP);
}

/* Open still opens a policy, and a broken one still says where it is broken. */
static void
test_open_policy_still (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "open-first.json");
  g_autoptr(GFile) other = stk_test_copy_example (tmp_dir, "open-second.json");
  g_autofree char *broken_path = g_build_filename (tmp_dir, "broken.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  StkWindow *window = open_window (file);

  stk_window_open_or_import (window, other);
  STK_WAIT_UNTIL (stk_document_get_file (document_of (window)) != NULL
                  && g_file_equal (stk_document_get_file (document_of (window)), other)
                  && !stk_document_get_busy (document_of (window)));
  g_assert_null (find_dialog (window));

  g_assert_true (g_file_set_contents (broken_path, "{\n  \"format\": \"samtykke-policy\",\n  ]",
                                      -1, NULL));
  stk_window_open_or_import (window, broken);
  STK_WAIT_UNTIL (stk_document_get_load_error (document_of (window)) != NULL);
  g_assert_nonnull (strstr (stk_document_get_load_error (document_of (window)), "broken.json:3"));

  close_window (window);
}

/* A script that throws, or a missing helper program: a clear message, nothing changed. */
static void
test_import_config_errors (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "import-errors.json");
  g_autofree char *throws_path = g_build_filename (tmp_dir, "throws.js", NULL);
  g_autoptr(GFile) throws = g_file_new_for_path (throws_path);
  g_autoptr(GFile) config = test_file ("configs", "vcc-example.js");
  g_autofree char *program = g_strdup (g_getenv ("SAMTYKKE_IMPORT_JS"));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) now = NULL;
  StkWindow *window = open_window (file);
  AdwMessageDialog *dialog = NULL;

  before = policy_bytes (window);
  g_assert_true (g_file_set_contents (throws_path, "throw new Error ('no');\n", -1, NULL));
  stk_import_flow_import_config (GTK_WINDOW (window), document_of (window), throws);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "throws.js"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "throws.js"));
  respond (dialog, "close");

  g_setenv ("SAMTYKKE_IMPORT_JS", "/nonexistent/samtykke-import-js", TRUE);
  stk_import_flow_import_config (GTK_WINDOW (window), document_of (window), config);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "samtykke-import-js"));
  respond (dialog, "close");
  if (program != NULL)
    g_setenv ("SAMTYKKE_IMPORT_JS", program, TRUE);
  else
    g_unsetenv ("SAMTYKKE_IMPORT_JS");

  now = policy_bytes (window);
  assert_same_bytes (now, before);
  g_assert_false (stk_document_get_modified (document_of (window)));
  close_window (window);
}

/* Importing a spreadsheet ------------------------------------------------------------------- */

static void
test_import_csv_bad (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "csv-bad.json");
  g_autoptr(GFile) sheet = test_file ("csv", "bad-duration.csv");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autofree char *text = NULL;
  StkWindow *window = open_window (file);
  AdwMessageDialog *dialog = NULL;
  GListModel *report;

  before = policy_bytes (window);
  stk_import_flow_import_csv (GTK_WINDOW (window), document_of (window), sheet);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);

  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  report = find_report (adw_message_dialog_get_extra_child (dialog));
  g_assert_nonnull (report);
  text = notes_text (report);
  g_assert_nonnull (strstr (text, "bad-duration.csv:"));
  g_assert_true (g_regex_match_simple ("^bad-duration\\.csv:[0-9]+: ", text, G_REGEX_MULTILINE, 0));

  /* Even answered Import, nothing is applied. */
  respond (dialog, "import");
  now = policy_bytes (window);
  assert_same_bytes (now, before);
  g_assert_false (stk_document_get_modified (document_of (window)));
  close_window (window);
}

static void
test_import_csv_good (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "csv-good.json");
  g_autoptr(GFile) sheet = test_file ("csv", "good-crlf-bom.csv");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) expected = NULL;
  StkWindow *window = open_window (file);
  AdwMessageDialog *dialog = NULL;

  /* What samtykke-cli makes of the same sheet and policy. */
  {
    g_autofree char *policy_path = g_file_get_path (file);
    g_autofree char *sheet_path = g_file_get_path (sheet);
    g_autofree char *out = g_build_filename (tmp_dir, "csv-good-cli.json", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;
    const char *argv[] = { SAMTYKKE_CLI, "import", sheet_path, "--into", policy_path, "-o", out,
                           NULL };

    run_cli (argv);
    g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
    expected = g_bytes_new_take (g_steal_pointer (&contents), length);
  }

  before = policy_bytes (window);
  stk_import_flow_import_csv (GTK_WINDOW (window), document_of (window), sheet);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  after = policy_bytes (window);
  assert_same_bytes (after, before);

  respond (dialog, "import");
  g_clear_pointer (&after, g_bytes_unref);
  after = policy_bytes (window);
  assert_same_bytes (after, expected);
  g_assert_true (stk_document_get_modified (document_of (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_pointer (&after, g_bytes_unref);
  after = policy_bytes (window);
  assert_same_bytes (after, before);
  g_assert_false (stk_document_get_modified (document_of (window)));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  stk_test_gui_init ();
  tmp_dir = g_dir_make_tmp ("samtykke-interop-ui-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_set_prgname ("samtykke-test");
  gtk_test_init (&argc, &argv, NULL);

  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/app/interop/export-as", test_export_as);
  g_test_add_func ("/app/interop/export-as-refused", test_export_as_refused);
  g_test_add_func ("/app/interop/import-config-js", test_import_config_js);
  g_test_add_func ("/app/interop/import-config-klaro", test_import_config_klaro);
  g_test_add_func ("/app/interop/open-routes-config", test_open_routes_config);
  g_test_add_func ("/app/interop/open-policy-still", test_open_policy_still);
  g_test_add_func ("/app/interop/import-config-errors", test_import_config_errors);
  g_test_add_func ("/app/interop/import-csv-bad", test_import_csv_bad);
  g_test_add_func ("/app/interop/import-csv-good", test_import_csv_good);

  status = g_test_run ();

  g_clear_object (&app);
  stk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
