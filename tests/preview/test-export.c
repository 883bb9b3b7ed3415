/* test-export.c — export from the window: same bytes as the CLI, refusal, warnings, snippet
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
#include "stk-export-flow.h"
#include "stk-preview-page.h"
#include "stk-window.h"

static StkApplication *app;
static char *tmp_dir;


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
  g_assert_true (g_file_equal (stk_document_get_file (document_of (window)), file));

  return window;
}

static void
close_window (StkWindow *window)
{
  /* Whatever the test left unsaved is not asked about. */
  stk_history_mark_saved (stk_policy_get_history (window_policy (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  stk_test_drain ();
}

static AdwMessageDialog *
find_dialog (StkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
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

static GtkWidget *
find_list_box (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The subtitles (finding paths) of the rows a dialog lists. */
static GPtrArray *
listed_paths (AdwMessageDialog *dialog)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *list = find_list_box (adw_message_dialog_get_extra_child (dialog));

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != NULL)
      g_ptr_array_add (paths, g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));

  return paths;
}

static gboolean
paths_contain (GPtrArray  *paths,
               const char *path)
{
  for (guint i = 0; i < paths->len; i++)
    if (g_str_equal (g_ptr_array_index (paths, i), path))
      return TRUE;

  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_names (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

static gboolean
is_empty_or_missing (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

/* Every file of @a is in @b with the same bytes, and the other way round. */
static void
assert_same_folders (const char *a,
                     const char *b)
{
  g_autoptr(GPtrArray) names_a = sorted_names (a);
  g_autoptr(GPtrArray) names_b = sorted_names (b);

  g_assert_cmpuint (names_a->len, ==, names_b->len);
  g_assert_cmpuint (names_a->len, >=, 6);
  for (guint i = 0; i < names_a->len; i++)
    {
      const char *name = g_ptr_array_index (names_a, i);
      g_autofree char *path_a = g_build_filename (a, name, NULL);
      g_autofree char *path_b = g_build_filename (b, name, NULL);
      g_autofree char *data_a = NULL;
      g_autofree char *data_b = NULL;
      gsize len_a, len_b;

      g_assert_cmpstr (name, ==, g_ptr_array_index (names_b, i));
      g_assert_true (g_file_get_contents (path_a, &data_a, &len_a, NULL));
      g_assert_true (g_file_get_contents (path_b, &data_b, &len_b, NULL));
      g_assert_cmpmem (data_a, len_a, data_b, len_b);
    }
}

static void
run_cli_export (const char *policy_path,
                const char *out_dir)
{
  const char *argv[] = { SAMTYKKE_CLI, "export", policy_path, "-o", out_dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("samtykke-cli export failed: %s", err);
}

/* An export from the window writes the same bytes as samtykke-cli export of the same file, and
 * Export Again writes to the remembered folder without asking. */
static void
test_same_bytes_as_cli (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "same.json");
  g_autofree char *policy_path = g_file_get_path (file);
  g_autofree char *app_dir = g_build_filename (tmp_dir, "same-app", NULL);
  g_autofree char *cli_dir = g_build_filename (tmp_dir, "same-cli", NULL);
  g_autoptr(GFile) app_folder = g_file_new_for_path (app_dir);
  g_autoptr(GFile) remembered = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) folders = NULL;
  g_autofree char *file_uri = g_file_get_uri (file);
  g_autofree char *folder_uri = g_file_get_uri (app_folder);
  const char *stored = NULL;
  StkWindow *window = open_window (file);

  /* Export Again, as Ctrl+Shift+E does it. */
  stk_document_remember_export_folder (document_of (window), app_folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-again", NULL));
  stk_test_drain ();
  g_assert_null (find_dialog (window));

  run_cli_export (policy_path, cli_dir);
  assert_same_folders (app_dir, cli_dir);

  /* Remembered per policy file, in the settings. */
  folders = g_settings_get_value (settings, "export-folders");
  g_assert_true (g_variant_lookup (folders, file_uri, "&s", &stored));
  g_assert_cmpstr (stored, ==, folder_uri);
  close_window (window);

  /* Another window on the same file knows the folder too. */
  window = open_window (file);
  remembered = stk_document_dup_export_folder (document_of (window));
  g_assert_nonnull (remembered);
  g_assert_true (g_file_equal (remembered, app_folder));
  close_window (window);

  stk_test_remove_tree (app_dir);
  stk_test_remove_tree (cli_dir);
}

/* A policy with errors is refused with the list of its errors; nothing is written, and the
 * dialog leads to the Problems page. */
static void
test_refused_with_errors (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "errors.json");
  g_autofree char *out_dir = g_build_filename (tmp_dir, "errors-out", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
  g_autoptr(GPtrArray) paths = NULL;
  StkWindow *window = open_window (file);
  StkPolicy *policy = window_policy (window);
  AdwMessageDialog *dialog = NULL;

  stk_policy_set_cookie_name (policy, "");
  stk_document_remember_export_folder (document_of (window), folder);
  stk_export_flow_export (GTK_WINDOW (window), document_of (window), TRUE);

  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "problems"));
  g_assert_false (adw_message_dialog_has_response (dialog, "export"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 error"));
  paths = listed_paths (dialog);
  g_assert_true (paths_contain (paths, "consent.cookie_name"));
  g_assert_true (is_empty_or_missing (out_dir));

  respond (dialog, "problems");
  g_assert_cmpstr (stk_window_get_visible_page (window), ==, "problems");
  g_assert_true (is_empty_or_missing (out_dir));

  /* The function that builds the refusal lists every error of the findings it is given. */
  stk_policy_set_accept_days (policy, 0);
  {
    g_autoptr(GListModel) findings = stk_policy_validate (policy);
    GtkWidget *refusal = stk_export_flow_new_refusal (GTK_WINDOW (window), findings);
    g_autoptr(GPtrArray) listed = NULL;

    g_object_ref_sink (refusal);
    listed = listed_paths (ADW_MESSAGE_DIALOG (refusal));
    g_assert_cmpuint (listed->len, ==, stk_findings_count (findings, STK_SEVERITY_ERROR));
    g_assert_true (paths_contain (listed, "consent.cookie_name"));
    g_assert_true (paths_contain (listed, "consent.accept_days"));
    gtk_window_destroy (GTK_WINDOW (refusal));
    g_object_unref (refusal);
  }

  /* Copying the banner is refused the same way. */
  stk_export_flow_copy_snippet (GTK_WINDOW (window), document_of (window));
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "problems"));
  respond (dialog, "close");

  close_window (window);
}

/* Warnings are shown and can be accepted; once accepted, the same warnings are not asked about
 * again. */
static void
test_warnings_accepted (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "warnings.json");
  g_autofree char *out_dir = g_build_filename (tmp_dir, "warnings-out", NULL);
  g_autofree char *json_path = g_build_filename (out_dir, "policy.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GListModel) findings = NULL;
  StkWindow *window = open_window (file);
  StkPolicy *policy = window_policy (window);
  AdwMessageDialog *dialog = NULL;

  stk_text_set (stk_policy_get_text (policy, "show_details"), "en", "");
  findings = stk_policy_validate (policy);
  g_assert_cmpuint (stk_findings_count (findings, STK_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (stk_findings_count (findings, STK_SEVERITY_WARNING), >, 0);

  stk_document_remember_export_folder (document_of (window), folder);
  stk_export_flow_export (GTK_WINDOW (window), document_of (window), TRUE);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  paths = listed_paths (dialog);
  g_assert_true (paths_contain (paths, "texts.show_details.en"));
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));

  /* Cancelled: nothing written. */
  respond (dialog, "cancel");
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));

  stk_export_flow_export (GTK_WINDOW (window), document_of (window), TRUE);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  respond (dialog, "export");
  g_assert_true (g_file_test (json_path, G_FILE_TEST_EXISTS));
  g_unlink (json_path);

  /* The same warnings again: written without asking. */
  stk_export_flow_export (GTK_WINDOW (window), document_of (window), TRUE);
  STK_WAIT_UNTIL (g_file_test (json_path, G_FILE_TEST_EXISTS));
  g_assert_null (find_dialog (window));
  g_unlink (json_path);

  /* A new warning is asked about. */
  stk_text_set (stk_policy_get_text (policy, "always_on"), "en", "");
  stk_export_flow_export (GTK_WINDOW (window), document_of (window), TRUE);
  STK_WAIT_UNTIL ((dialog = find_dialog (window)) != NULL);
  respond (dialog, "cancel");
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));

  close_window (window);
  stk_test_remove_tree (out_dir);
}

/* An untitled policy's export folder is remembered with the document: Export Again writes
 * there, and a new document in the same window does not inherit it. */
static void
test_untitled_folder (void)
{
  g_autofree char *out_dir = g_build_filename (tmp_dir, "untitled-out", NULL);
  g_autofree char *json_path = g_build_filename (out_dir, "policy.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
  g_autoptr(GFile) remembered = NULL;
  g_autoptr(StkPolicy) first = stk_policy_new_from_example ();
  g_autoptr(StkPolicy) second = stk_policy_new_from_example ();
  StkWindow *window = stk_window_new (GTK_APPLICATION (app));
  StkDocument *document = document_of (window);

  stk_document_set_policy (document, first, NULL);
  gtk_window_present (GTK_WINDOW (window));
  STK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_null (stk_document_dup_export_folder (document));

  stk_document_remember_export_folder (document, folder);
  stk_export_flow_export (GTK_WINDOW (window), document_of (window), TRUE);
  STK_WAIT_UNTIL (g_file_test (json_path, G_FILE_TEST_EXISTS));
  remembered = stk_document_dup_export_folder (document);
  g_assert_true (remembered != NULL && g_file_equal (remembered, folder));

  stk_document_set_policy (document, second, NULL);
  g_assert_null (stk_document_dup_export_folder (document));

  close_window (window);
  stk_test_remove_tree (out_dir);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

/* Copy Banner puts exactly banner.html on the clipboard. */
static void
test_copy_snippet (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "snippet.json");
  StkWindow *window = open_window (file);
  g_autoptr(GBytes) banner = stk_export_banner_html (window_policy (window));
  g_autofree char *text = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  gdk_clipboard_set_text (clipboard, "something else");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-snippet", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  STK_WAIT_UNTIL (text != NULL);
  g_assert_cmpmem (text, strlen (text), g_bytes_get_data (banner, NULL), g_bytes_get_size (banner));
  g_assert_null (find_dialog (window));

  close_window (window);
}

#if !HAVE_PREVIEW
static AdwStatusPage *
find_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root))
    return ADW_STATUS_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Built without the web engine, the preview page says so, and export still works (above). */
static void
test_page_without_engine (void)
{
  GtkWidget *page = g_object_ref_sink (stk_preview_page_new ());
  AdwStatusPage *status = find_status_page (page);

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Preview Is Not Built In");
  g_assert_null (stk_preview_page_get_web_view (STK_PREVIEW_PAGE (page)));
  g_assert_finalize_object (page);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  stk_test_gui_init ();
  tmp_dir = g_dir_make_tmp ("samtykke-export-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  /* Changes kept for recovery too. */
  g_setenv ("XDG_STATE_HOME", tmp_dir, TRUE);

  g_set_prgname ("samtykke-test");
  gtk_test_init (&argc, &argv, NULL);

  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/preview/export/same-bytes-as-cli", test_same_bytes_as_cli);
  g_test_add_func ("/preview/export/refused-with-errors", test_refused_with_errors);
  g_test_add_func ("/preview/export/warnings-accepted", test_warnings_accepted);
  g_test_add_func ("/preview/export/untitled-folder", test_untitled_folder);
  g_test_add_func ("/preview/export/copy-snippet", test_copy_snippet);
#if !HAVE_PREVIEW
  g_test_add_func ("/preview/export/page-without-engine", test_page_without_engine);
#endif

  status = g_test_run ();

  g_clear_object (&app);
  stk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
