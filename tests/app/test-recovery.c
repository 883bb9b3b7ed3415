/* test-recovery.c — unsaved changes survive a killed editor; changes on disk are noticed
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editor that is killed is this program started again with --edit-and-wait: the real
 * application, window and recovery writer, doing an edit through the model as a field would,
 * then waiting to be killed with SIGKILL. The editor that finds its changes is this process,
 * asked to offer recovery as the application does after its first window at start-up. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gui-helpers.h"
#include "stk-application.h"
#include "stk-recovery.h"
#include "stk-window.h"

/* Starting a whole editor in another process takes a while under the sanitizers on a busy
 * machine. */
#define EDITOR_START_SECONDS 180

static StkApplication *app;
static char *tmp_dir;
static char *recovery_root;
static const char *self_path;

/* Helpers ---------------------------------------------------------------------------------- */

static char *
read_file (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A shown message dialog that offers @response. */
static AdwMessageDialog *
find_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (toplevel), response))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Answers as a click on the dialog's button would. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  stk_test_drain ();
}

static StkWindow *
open_window (GFile *file)
{
  StkWindow *window = stk_window_new_for_file (GTK_APPLICATION (app), file);
  StkDocument *document = stk_window_get_document (window);

  gtk_window_present (GTK_WINDOW (window));
  STK_WAIT_UNTIL (stk_document_get_file (document) != NULL && !stk_document_get_busy (document));
  STK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

static void
destroy_window (StkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (window));
  STK_WAIT_UNTIL (widget == NULL);
}

static StkWindow *
find_window_for (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *shown;

      if (!STK_IS_WINDOW (l->data))
        continue;
      shown = stk_document_get_file (stk_window_get_document (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

/* The recovery file (of any editor) whose policy holds @needle; NULL when there is none. */
static char *
find_recovery_file (const char *needle)
{
  g_autoptr(GDir) root = g_dir_open (recovery_root, 0, NULL);
  const char *folder;

  while (root != NULL && (folder = g_dir_read_name (root)) != NULL)
    {
      g_autofree char *folder_path = g_build_filename (recovery_root, folder, NULL);
      g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder_path, name, NULL);
          g_autofree char *contents = NULL;

          if (g_str_has_suffix (name, ".json")
              && g_file_get_contents (path, &contents, NULL, NULL)
              && strstr (contents, needle) != NULL)
            return g_steal_pointer (&path);
        }
    }

  return NULL;
}

static gboolean
has_recovery_file (const char *needle)
{
  g_autofree char *path = find_recovery_file (needle);

  return path != NULL;
}

typedef struct
{
  gboolean   done;
  GPtrArray *entries;
} Found;

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Found *found = user_data;

  found->entries = stk_recovery_find_finish (result, NULL);
  found->done = TRUE;
}

/* What the next start would find now, as the start-up looks for it. */
static GPtrArray *
find_now (void)
{
  Found found = { FALSE, NULL };

  stk_recovery_find_async (NULL, found_cb, &found);
  STK_WAIT_UNTIL (found.done);
  g_assert_nonnull (found.entries);

  return found.entries;
}

/* Starts an editor on @file that sets the policy's name to @name and waits to be killed; returns
 * once its changes are in a recovery file. */
static GSubprocess *
start_editor (GFile      *file,
              const char *name)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : g_strdup ("-");
  g_autoptr(GError) error = NULL;
  GSubprocess *editor;

  /* Its standard input is how it notices this process is gone, should a test fail. */
  editor = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                             self_path, "--edit-and-wait", path, name, NULL);
  g_assert_no_error (error);
  STK_WAIT_UNTIL_WITHIN (has_recovery_file (name) || g_subprocess_get_identifier (editor) == NULL,
                         EDITOR_START_SECONDS);
  g_assert_nonnull (g_subprocess_get_identifier (editor));

  return editor;
}

static void
kill_editor (GSubprocess *editor)
{
  g_subprocess_force_exit (editor);   /* SIGKILL */
  STK_WAIT_UNTIL (g_subprocess_get_identifier (editor) == NULL);
  g_assert_true (g_subprocess_get_if_signaled (editor));
  g_assert_cmpint (g_subprocess_get_term_sig (editor), ==, SIGKILL);
}

/* Writing ---------------------------------------------------------------------------------- */

/* The changes go to disk a pause after the last edit, and go when saved or given up. */
static void
test_write_and_remove (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "write.json");
  StkWindow *window = open_window (file);
  StkDocument *document = stk_window_get_document (window);
  StkPolicy *policy = stk_document_get_policy (document);
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  gint64 edited;

  stk_policy_set_name (policy, "Written Kommune");
  edited = g_get_monotonic_time ();
  g_assert_false (has_recovery_file ("Written Kommune"));
  STK_WAIT_UNTIL ((path = find_recovery_file ("Written Kommune")) != NULL);
  /* Not at once: a pause after the edit. */
  g_assert_cmpint (g_get_monotonic_time () - edited, >=, (STK_RECOVERY_DELAY_MS - 100) * 1000);

  /* The record says which file the changes belong to. */
  info_path = g_strdup (path);
  strcpy (info_path + strlen (info_path) - strlen ("json"), "info");
  g_assert_true (g_file_get_contents (info_path, &info, NULL, NULL));
  g_assert_nonnull (strstr (info, uri));
  g_assert_nonnull (strstr (info, "Edited="));

  /* Saved: nothing to recover. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL (!stk_document_get_busy (document));
  STK_WAIT_UNTIL (!g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  /* Edited again, then the window closed without saving: gone as well. */
  stk_policy_set_name (policy, "Given Up Kommune");
  STK_WAIT_UNTIL (has_recovery_file ("Given Up Kommune"));
  g_clear_pointer (&path, g_free);
  path = find_recovery_file ("Given Up Kommune");
  destroy_window (window);
  /* A write under way when the window closed ends first. */
  STK_WAIT_UNTIL (!g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A policy of 20,000 cookies, in @name. */
static GFile *
large_policy (const char *name)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  StkList *providers = stk_policy_get_providers (policy);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(StkProvider) provider = stk_provider_new ();
      g_autofree char *id = g_strdup_printf ("provider-%u", i);

      stk_provider_set_id (provider, id);
      stk_provider_set_name (provider, id);
      for (guint k = 0; k < 10; k++)
        {
          g_autoptr(StkCookie) cookie = stk_cookie_new ();
          g_autofree char *cookie_name = g_strdup_printf ("cookie_%u_%u", i, k);

          stk_cookie_set_name (cookie, cookie_name);
          stk_list_append (stk_provider_get_cookies (provider), cookie);
        }
      stk_list_append (providers, provider);
    }
  g_assert_true (stk_policy_save_file (policy, file, &error));
  g_assert_no_error (error);

  return file;
}

/* A large policy is written out a slice at a time while the window is idle; a change made
 * meanwhile starts it again, so what reaches the disk is never half the old state and half
 * the new. */
static void
test_large_in_slices (void)
{
  g_autoptr(GFile) file = large_policy ("large.json");
  StkWindow *window = open_window (file);
  StkDocument *document = stk_window_get_document (window);
  StkPolicy *policy = stk_document_get_policy (document);
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GBytes) expected = NULL;
  gsize length;

  stk_policy_set_name (policy, "Sliced Before");
  STK_WAIT_UNTIL (stk_recovery_is_preparing (document));
  /* The name, near the top, is written by now; the providers are not. */
  g_assert_false (has_recovery_file ("Sliced Before"));

  stk_policy_set_name (policy, "Sliced After");
  g_assert_false (stk_recovery_is_preparing (document));

  /* The first file to appear holds the second name: the slices of the first were dropped. */
  STK_WAIT_UNTIL ((path = find_recovery_file ("Sliced")) != NULL);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  expected = stk_policy_to_bytes (policy);
  g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  destroy_window (window);
  STK_WAIT_UNTIL (!g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Recovering ------------------------------------------------------------------------------- */

static void
test_killed_editor_restore (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "killed.json");
  g_autofree char *original = read_file (file);
  g_autoptr(GSubprocess) editor = NULL;
  g_autoptr(GPtrArray) while_running = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folder = NULL;
  AdwMessageDialog *dialog = NULL;
  StkWindow *window = NULL;
  StkDocument *document;
  g_autofree char *dead_file = NULL;
  g_autofree char *dead_folder = NULL;

  editor = start_editor (file, "Killed Kommune");

  /* A running editor's changes are not offered. */
  while_running = find_now ();
  g_assert_cmpuint (while_running->len, ==, 0);
  g_clear_pointer (&while_running, g_ptr_array_unref);

  kill_editor (editor);
  dead_file = find_recovery_file ("Killed Kommune");
  g_assert_nonnull (dead_file);
  dead_folder = g_path_get_dirname (dead_file);

  stk_application_offer_recovery (app);
  STK_WAIT_UNTIL ((dialog = find_dialog ("restore")) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  basename = g_file_get_basename (file);
  folder = g_path_get_dirname (g_file_peek_path (file));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), basename));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), folder));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "today at "));
  answer (dialog, "restore");

  /* A window on the file, with the changes shown as unsaved; the file is as it was. */
  STK_WAIT_UNTIL ((window = find_window_for (file)) != NULL);
  document = stk_window_get_document (window);
  g_assert_cmpstr (stk_policy_get_name (stk_document_get_policy (document)), ==,
                   "Killed Kommune");
  g_assert_true (stk_document_get_modified (document));
  g_assert_cmpint (stk_document_get_disk_change (document), ==, STK_DISK_CHANGE_NONE);
  saved = read_file (file);
  g_assert_cmpstr (saved, ==, original);

  /* The changes are on disk all along, now as this editor's, and the dead editor's folder is
   * gone; nothing is offered again. */
  g_assert_true (has_recovery_file ("Killed Kommune"));
  g_assert_false (g_file_test (dead_folder, G_FILE_TEST_EXISTS));
  while_running = find_now ();
  g_assert_cmpuint (while_running->len, ==, 0);

  /* Save writes to the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL (!stk_document_get_busy (document));
  g_clear_pointer (&saved, g_free);
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"name\": \"Killed Kommune\""));
  STK_WAIT_UNTIL (!has_recovery_file ("Killed Kommune"));

  destroy_window (window);
}

/* `samtykke FILE` after the crash: the window on the file takes the changes. */
static void
test_restore_into_open_window (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "reopened.json");
  g_autoptr(GSubprocess) editor = NULL;
  AdwMessageDialog *dialog = NULL;
  StkWindow *window;
  guint n_windows;

  editor = start_editor (file, "Reopened Kommune");
  kill_editor (editor);

  window = open_window (file);
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  stk_application_offer_recovery (app);
  STK_WAIT_UNTIL ((dialog = find_dialog ("restore")) != NULL);
  answer (dialog, "restore");

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  g_assert_cmpstr (stk_policy_get_name (stk_document_get_policy (stk_window_get_document (window))),
                   ==, "Reopened Kommune");
  g_assert_true (stk_document_get_modified (stk_window_get_document (window)));

  /* Closing it without saving gives the changes up. */
  destroy_window (window);
  STK_WAIT_UNTIL (!has_recovery_file ("Reopened Kommune"));
}

static void
test_untitled (void)
{
  g_autoptr(GSubprocess) editor = start_editor (NULL, "Unnamed Kommune");
  AdwMessageDialog *dialog = NULL;
  StkDocument *document = NULL;
  StkWindow *window = NULL;

  kill_editor (editor);
  stk_application_offer_recovery (app);
  STK_WAIT_UNTIL ((dialog = find_dialog ("restore")) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Untitled Policy?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Unnamed Kommune"));
  answer (dialog, "restore");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (STK_IS_WINDOW (l->data)
        && g_strcmp0 (stk_policy_get_name (stk_document_get_policy (
                        stk_window_get_document (l->data))), "Unnamed Kommune") == 0)
      window = l->data;
  g_assert_nonnull (window);
  document = stk_window_get_document (window);
  g_assert_null (stk_document_get_file (document));
  g_assert_true (stk_document_get_modified (document));

  destroy_window (window);
  STK_WAIT_UNTIL (!has_recovery_file ("Unnamed Kommune"));
}

static void
test_killed_editor_discard (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "discarded.json");
  g_autofree char *original = read_file (file);
  g_autofree char *after = NULL;
  g_autoptr(GSubprocess) editor = NULL;
  g_autoptr(GPtrArray) left = NULL;
  AdwMessageDialog *dialog = NULL;
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  editor = start_editor (file, "Discarded Kommune");
  kill_editor (editor);

  stk_application_offer_recovery (app);
  STK_WAIT_UNTIL ((dialog = find_dialog ("discard")) != NULL);
  answer (dialog, "discard");

  g_assert_false (has_recovery_file ("Discarded Kommune"));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  after = read_file (file);
  g_assert_cmpstr (after, ==, original);
  left = find_now ();
  g_assert_cmpuint (left->len, ==, 0);
}

/* A recovery file that cannot be read is said so, and kept unless the user deletes it. */
static void
test_unreadable (void)
{
  g_autofree char *folder = g_build_filename (recovery_root, "instance-gone", NULL);
  g_autofree char *info = g_build_filename (folder, "1.info", NULL);
  g_autofree char *policy = g_build_filename (folder, "1.json", NULL);
  AdwMessageDialog *dialog = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (info, "[Recovery]\nVersion=1\nEdited=1764547200000000\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (policy, "{\n  \"format\": \"samtykke-policy\",\n  \"na",
                                      -1, NULL));

  stk_application_offer_recovery (app);
  STK_WAIT_UNTIL ((dialog = find_dialog ("keep")) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "delete"));
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1.json:"));
  answer (dialog, "keep");
  g_assert_true (g_file_test (policy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (info, G_FILE_TEST_EXISTS));

  /* Offered again, and deleted when asked. */
  stk_application_offer_recovery (app);
  STK_WAIT_UNTIL ((dialog = find_dialog ("delete")) != NULL);
  answer (dialog, "delete");
  g_assert_false (g_file_test (policy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* Changes on disk -------------------------------------------------------------------------- */

static GtkInfoBar *
disk_bar (StkWindow *window)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR, "disk-bar");

  g_assert_nonnull (bar);
  return GTK_INFO_BAR (bar);
}

static const char *
bar_title (StkWindow *window)
{
  GtkWidget *label = find_widget (GTK_WIDGET (disk_bar (window)), GTK_TYPE_LABEL, NULL);

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
click (StkWindow  *window,
       const char *button_name)
{
  GtkWidget *button = find_widget (GTK_WIDGET (disk_bar (window)), GTK_TYPE_BUTTON, button_name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  stk_test_drain ();
}

/* Another program writes @name into @file, the way atomic savers (and git) do. */
static void
change_on_disk (GFile      *file,
                const char *name)
{
  g_autofree char *contents = read_file (file);
  g_autofree char *old_name = NULL;
  g_autoptr(GString) changed = g_string_new (contents);
  const char *at = strstr (contents, "\"name\": \"");
  const char *end;

  g_assert_nonnull (at);
  at += strlen ("\"name\": \"");
  end = strchr (at, '"');
  old_name = g_strndup (at, end - at);
  g_string_replace (changed, old_name, name, 1);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), changed->str, -1, NULL));
}

static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "disk.json");
  StkWindow *window = open_window (file);
  StkDocument *document = stk_window_get_document (window);
  AdwMessageDialog *dialog = NULL;
  g_autofree char *saved = NULL;

  /* Our own save changes nothing. */
  stk_policy_set_name (stk_document_get_policy (document), "Own Kommune");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL (!stk_document_get_busy (document));
  stk_test_run_for (500);
  g_assert_false (gtk_info_bar_get_revealed (disk_bar (window)));
  g_assert_cmpint (stk_document_get_disk_change (document), ==, STK_DISK_CHANGE_NONE);

  /* Reload without unsaved changes: at once. */
  change_on_disk (file, "Outside Kommune");
  STK_WAIT_UNTIL (gtk_info_bar_get_revealed (disk_bar (window)));
  g_assert_cmpstr (bar_title (window), ==, "The file changed on disk");
  click (window, "reload");
  STK_WAIT_UNTIL (g_strcmp0 (stk_policy_get_name (stk_document_get_policy (document)),
                             "Outside Kommune") == 0 && !stk_document_get_busy (document));
  g_assert_false (gtk_info_bar_get_revealed (disk_bar (window)));
  g_assert_false (stk_document_get_modified (document));

  /* Reload over unsaved changes asks; Cancel keeps them and the bar. */
  stk_policy_set_name (stk_document_get_policy (document), "Mine Kommune");
  change_on_disk (file, "Theirs Kommune");
  STK_WAIT_UNTIL (gtk_info_bar_get_revealed (disk_bar (window)));
  click (window, "reload");
  STK_WAIT_UNTIL ((dialog = find_dialog ("reload")) != NULL);
  answer (dialog, "cancel");
  g_assert_cmpstr (stk_policy_get_name (stk_document_get_policy (document)), ==, "Mine Kommune");
  g_assert_true (gtk_info_bar_get_revealed (disk_bar (window)));

  /* ... Reload loses them for the file's. */
  click (window, "reload");
  STK_WAIT_UNTIL ((dialog = find_dialog ("reload")) != NULL);
  answer (dialog, "reload");
  STK_WAIT_UNTIL (g_strcmp0 (stk_policy_get_name (stk_document_get_policy (document)),
                             "Theirs Kommune") == 0 && !stk_document_get_busy (document));
  g_assert_false (stk_document_get_modified (document));
  g_assert_false (gtk_info_bar_get_revealed (disk_bar (window)));

  /* Keep Mine: the bar goes, the changes stay, and saving asks nothing. */
  stk_policy_set_name (stk_document_get_policy (document), "Kept Kommune");
  change_on_disk (file, "Overwritten Kommune");
  STK_WAIT_UNTIL (gtk_info_bar_get_revealed (disk_bar (window)));
  click (window, "keep-mine");
  g_assert_false (gtk_info_bar_get_revealed (disk_bar (window)));
  g_assert_true (stk_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL (!stk_document_get_busy (document));
  g_assert_null (find_dialog ("overwrite"));
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"name\": \"Kept Kommune\""));
  g_assert_false (stk_document_get_modified (document));

  destroy_window (window);
}

/* Saving over a file changed on disk asks first, even before the bar has shown. */
static void
test_save_over_changed (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "overwrite.json");
  StkWindow *window = open_window (file);
  StkDocument *document = stk_window_get_document (window);
  AdwMessageDialog *dialog = NULL;
  g_autofree char *saved = NULL;
  FILE *in_place;

  stk_policy_set_name (stk_document_get_policy (document), "Careful Kommune");
  /* Written in place, not renamed over. */
  in_place = g_fopen (g_file_peek_path (file), "a");
  g_assert_nonnull (in_place);
  fputs ("\n", in_place);
  fclose (in_place);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL ((dialog = find_dialog ("overwrite")) != NULL);
  answer (dialog, "cancel");
  saved = read_file (file);
  g_assert_null (strstr (saved, "Careful Kommune"));
  g_assert_true (stk_document_get_modified (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL ((dialog = find_dialog ("overwrite")) != NULL);
  answer (dialog, "overwrite");
  STK_WAIT_UNTIL (!stk_document_get_modified (document) && !stk_document_get_busy (document));
  g_clear_pointer (&saved, g_free);
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"name\": \"Careful Kommune\""));
  g_assert_false (gtk_info_bar_get_revealed (disk_bar (window)));

  destroy_window (window);
}

static void
test_deleted_on_disk (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "deleted.json");
  StkWindow *window = open_window (file);
  StkDocument *document = stk_window_get_document (window);
  g_autofree char *saved = NULL;

  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  STK_WAIT_UNTIL (gtk_info_bar_get_revealed (disk_bar (window)));
  g_assert_cmpstr (bar_title (window), ==, "The file was deleted on disk");
  g_assert_cmpint (stk_document_get_disk_change (document), ==, STK_DISK_CHANGE_DELETED);

  /* Saving makes it again, without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  STK_WAIT_UNTIL (!stk_document_get_busy (document));
  g_assert_null (find_dialog ("overwrite"));
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"format\""));
  STK_WAIT_UNTIL (!gtk_info_bar_get_revealed (disk_bar (window)));

  destroy_window (window);
}

/* The editor that is killed ---------------------------------------------------------------- */

static gboolean
parent_gone_cb (GIOChannel   *channel,
                GIOCondition  condition,
                gpointer      user_data)
{
  _exit (2);
  return G_SOURCE_REMOVE;
}

/* @path "-": the untitled example. */
static int
edit_and_wait (const char *path,
               const char *name)
{
  g_autoptr(GIOChannel) input = g_io_channel_unix_new (0);
  g_autoptr(GFile) file = g_str_equal (path, "-") ? NULL : g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkWindow *window;
  StkDocument *document;

  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = file != NULL ? stk_window_new_for_file (GTK_APPLICATION (app), file)
                        : stk_window_new (GTK_APPLICATION (app));
  document = stk_window_get_document (window);
  gtk_window_present (GTK_WINDOW (window));
  STK_WAIT_UNTIL ((file == NULL || stk_document_get_file (document) != NULL)
                  && stk_document_get_policy (document) != NULL
                  && !stk_document_get_busy (document));

  stk_policy_set_name (stk_document_get_policy (document), name);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, parent_gone_cb, NULL);
  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  int status;

  stk_test_gui_init ();
  self_path = argv[0];
  g_set_prgname ("samtykke-test");

  if (argc == 4 && g_str_equal (argv[1], "--edit-and-wait"))
    {
      gtk_init ();
      return edit_and_wait (argv[2], argv[3]);
    }

  tmp_dir = g_dir_make_tmp ("samtykke-recovery-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  recovery_root = stk_recovery_dup_folder ();
  g_assert_true (g_str_has_prefix (recovery_root, state));

  gtk_test_init (&argc, &argv, NULL);

  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/app/recovery/write-and-remove", test_write_and_remove);
  g_test_add_func ("/app/recovery/large-in-slices", test_large_in_slices);
  g_test_add_func ("/app/recovery/killed-editor-restore", test_killed_editor_restore);
  g_test_add_func ("/app/recovery/restore-into-open-window", test_restore_into_open_window);
  g_test_add_func ("/app/recovery/untitled", test_untitled);
  g_test_add_func ("/app/recovery/killed-editor-discard", test_killed_editor_discard);
  g_test_add_func ("/app/recovery/unreadable", test_unreadable);
  g_test_add_func ("/app/disk/changed", test_changed_on_disk);
  g_test_add_func ("/app/disk/save-over-changed", test_save_over_changed);
  g_test_add_func ("/app/disk/deleted", test_deleted_on_disk);

  status = g_test_run ();

  g_clear_object (&app);
  stk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (recovery_root);

  return status;
}
