/* test-document.c — StkDocument: loading and saving in the background, findings, export state
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-helpers.h"
#include "stk-core-resources.h"
#include "stk-document.h"
#include "stk-document-read.h"

/* The example's name, and a broken file whose error is at line 3, column 11 (the "]"). */
#define EXAMPLE_NAME "Københavns Kommune – kk.dk"
#define BROKEN "{\n  \"format\": \"samtykke-policy\",\n  \"name\": ]\n}\n"

static char *tmp_dir;


typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
  outcome->ok = FALSE;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = stk_document_load_finish (STK_DOCUMENT (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = stk_document_save_finish (STK_DOCUMENT (object), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
load (StkDocument  *document,
      GFile        *file,
      GError      **error)
{
  Outcome outcome = { 0 };

  stk_document_load_async (document, file, NULL, load_done_cb, &outcome);
  STK_WAIT_UNTIL (outcome.done);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);

  return outcome.ok;
}

static gboolean
save (StkDocument  *document,
      GFile        *file,
      GError      **error)
{
  Outcome outcome = { 0 };

  stk_document_save_async (document, file, NULL, save_done_cb, &outcome);
  STK_WAIT_UNTIL (outcome.done);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);

  return outcome.ok;
}

/* The worker thread that read or wrote the policy lets go of its task, and with it of the
 * document, just after the result has reached the main thread. */
static void
assert_finalize_document (StkDocument *document)
{
  STK_WAIT_UNTIL (g_atomic_int_get (&G_OBJECT (document)->ref_count) == 1);
  g_assert_finalize_object (document);
}

/* The example with the string @text emptied (its value made ""), as a file named @name. */
static GFile *
copy_example_without (const char *name,
                      const char *text)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *key = g_strndup (text, strchr (text, ':') - text);
  g_autofree char *emptied = g_strconcat (key, ": \"\"", NULL);
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (EXAMPLES_DIR "/copenhagen.json", &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, text, emptied, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, edited->len, NULL));

  return g_file_new_for_path (path);
}

static gboolean
has_finding (GListModel *findings,
             const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (stk_finding_get_path (finding), path))
        return TRUE;
    }

  return FALSE;
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return g_file_new_for_path (path);
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Counts every notification of @property on @document into @count. */
static void
count_notifies (StkDocument *document,
                const char  *property,
                guint       *count)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  *count = 0;
  g_signal_connect (document, signal, G_CALLBACK (count_notify_cb), count);
}

static void
test_load_async (void)
{
  g_autoptr(GFile) file = copy_example_without ("load.json", "\"en\": \"We use cookies\"");
  StkDocument *document = stk_document_new ();
  g_autoptr(GListModel) expected = NULL;
  g_autofree char *title = NULL;
  Outcome outcome = { 0 };
  guint n_policy, n_file, n_busy;

  g_assert_null (stk_document_get_policy (document));
  g_assert_false (stk_document_get_busy (document));
  count_notifies (document, "policy", &n_policy);
  count_notifies (document, "file", &n_file);
  count_notifies (document, "busy", &n_busy);

  /* The file is read in the background: the call returns at once, the document busy. */
  stk_document_load_async (document, file, NULL, load_done_cb, &outcome);
  g_assert_true (stk_document_get_loading (document));
  g_assert_true (stk_document_get_busy (document));
  g_assert_null (stk_document_get_policy (document));
  g_assert_true (g_file_equal (stk_document_get_load_file (document), file));

  STK_WAIT_UNTIL (outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);

  /* Done means read and checked: the findings are there, and editing may begin. */
  g_assert_false (stk_document_get_busy (document));
  g_assert_false (stk_document_get_loading (document));
  g_assert_nonnull (stk_document_get_policy (document));
  g_assert_true (g_file_equal (stk_document_get_file (document), file));
  g_assert_false (stk_document_get_modified (document));
  g_assert_null (stk_document_get_load_error (document));
  title = stk_document_dup_title (document);
  g_assert_cmpstr (title, ==, EXAMPLE_NAME);
  expected = stk_policy_validate (stk_document_get_policy (document));
  g_assert_cmpuint (g_list_model_get_n_items (stk_document_get_findings (document)), ==,
                    g_list_model_get_n_items (expected));
  g_assert_true (has_finding (stk_document_get_findings (document), "texts.banner_title.en"));
  g_assert_cmpuint (n_policy, ==, 1);
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_cmpuint (n_busy, ==, 2);

  /* While a load runs, nothing else may start on the document. */
  outcome_clear (&outcome);
  stk_document_load_async (document, file, NULL, load_done_cb, &outcome);
  {
    Outcome second = { 0 };

    stk_document_save_async (document, NULL, NULL, save_done_cb, &second);
    STK_WAIT_UNTIL (second.done);
    g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_BUSY);
    g_clear_error (&second.error);
  }
  STK_WAIT_UNTIL (outcome.done);
  g_assert_true (outcome.ok);

  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &n_policy);
  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &n_file);
  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &n_busy);
  assert_finalize_document (document);
}

/* A file that does not load leaves the document as it was and says why, with the place. */
static void
test_load_failure (void)
{
  g_autoptr(GFile) good = stk_test_copy_example (tmp_dir, "good.json");
  g_autoptr(GFile) broken = write_file ("broken.json", BROKEN);
  g_autofree char *missing_path = g_build_filename (tmp_dir, "missing.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  StkDocument *document = stk_document_new ();
  StkPolicy *policy;
  guint n_policy;

  g_assert_true (load (document, good, NULL));
  policy = stk_document_get_policy (document);
  stk_policy_set_name (policy, "Changed");
  g_assert_true (stk_document_get_modified (document));
  count_notifies (document, "policy", &n_policy);

  g_assert_false (load (document, broken, &error));
  g_assert_error (error, STK_ERROR, STK_ERROR_SYNTAX);
  {
    g_autofree char *name = g_file_get_parse_name (broken);
    g_autofree char *where = g_strconcat (name, ":3:11: ", NULL);

    g_assert_true (g_str_has_prefix (error->message, where));
  }
  g_assert_cmpstr (stk_document_get_load_error (document), ==, error->message);
  g_assert_true (g_file_equal (stk_document_get_load_file (document), broken));

  /* The current policy, its file and its unsaved change stay. */
  g_assert_true (stk_document_get_policy (document) == policy);
  g_assert_cmpuint (n_policy, ==, 0);
  g_assert_true (g_file_equal (stk_document_get_file (document), good));
  g_assert_true (stk_document_get_modified (document));
  g_assert_cmpstr (stk_policy_get_name (policy), ==, "Changed");
  g_assert_false (stk_document_get_busy (document));

  /* A file that is not there says so, by name. */
  g_clear_error (&error);
  g_assert_false (load (document, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (stk_document_get_load_error (document), "missing.json"));
  g_assert_true (stk_document_get_policy (document) == policy);

  /* Taking another policy keeps the message; a file that loads clears it. */
  {
    g_autoptr(StkPolicy) example = stk_policy_new_from_example ();

    stk_document_set_policy (document, example, NULL);
    g_assert_nonnull (stk_document_get_load_error (document));
  }
  g_assert_true (load (document, good, NULL));
  g_assert_null (stk_document_get_load_error (document));

  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &n_policy);
  assert_finalize_document (document);
}

static void
test_save_async (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "save.json");
  g_autoptr(GFile) other = NULL;
  g_autofree char *other_path = g_build_filename (tmp_dir, "save-as.json", NULL);
  g_autofree char *bad_path = g_build_filename (tmp_dir, "no-such-folder", "x.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  StkDocument *document = stk_document_new ();
  Outcome outcome = { 0 };
  StkPolicy *policy;
  guint n_file, n_modified;

  g_assert_true (load (document, file, NULL));
  policy = stk_document_get_policy (document);
  count_notifies (document, "file", &n_file);
  count_notifies (document, "modified", &n_modified);

  stk_policy_set_name (policy, "Gentofte Kommune");
  g_assert_true (stk_document_get_modified (document));
  g_assert_cmpuint (n_modified, ==, 1);

  /* To the document's own file, in the background. */
  stk_document_save_async (document, NULL, NULL, save_done_cb, &outcome);
  g_assert_true (stk_document_get_saving (document));
  g_assert_true (stk_document_get_busy (document));
  g_assert_true (stk_document_get_modified (document));
  STK_WAIT_UNTIL (outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_false (stk_document_get_busy (document));
  g_assert_false (stk_document_get_modified (document));
  g_assert_cmpuint (n_modified, ==, 2);
  g_assert_cmpuint (n_file, ==, 0);
  {
    g_autofree char *saved = read_file (file);
    g_autoptr(GBytes) bytes = stk_policy_to_bytes (policy);

    g_assert_cmpmem (saved, strlen (saved), g_bytes_get_data (bytes, NULL),
                     g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (saved, "\"name\": \"Gentofte Kommune\""));
  }

  /* To another file, which becomes the document's. */
  stk_policy_set_name (policy, "Gladsaxe Kommune");
  other = g_file_new_for_path (other_path);
  g_assert_true (save (document, other, NULL));
  g_assert_true (g_file_equal (stk_document_get_file (document), other));
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_false (stk_document_get_modified (document));
  {
    g_autofree char *saved = read_file (other);
    g_autofree char *first = read_file (file);

    g_assert_nonnull (strstr (saved, "\"name\": \"Gladsaxe Kommune\""));
    g_assert_nonnull (strstr (first, "\"name\": \"Gentofte Kommune\""));
  }

  /* A failed save changes neither the file nor what counts as saved. */
  stk_policy_set_name (policy, "Lyngby-Taarbæk Kommune");
  g_assert_false (save (document, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_equal (stk_document_get_file (document), other));
  g_assert_true (stk_document_get_modified (document));
  g_assert_false (stk_document_get_busy (document));
  g_assert_false (g_file_query_exists (bad, NULL));

  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &n_file);
  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &n_modified);
  assert_finalize_document (document);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* The findings follow edits by themselves, once, after a pause. */
static void
test_findings_debounce (void)
{
  StkDocument *document = stk_document_new ();
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  GListModel *findings = stk_document_get_findings (document);
  StkText *title = stk_policy_get_text (policy, "banner_title");
  StkText *body = stk_policy_get_text (policy, "banner_body");
  StkText *accept = stk_policy_get_text (policy, "accept_all");
  guint n_changes = 0;
  gint64 edited;
  gint64 waited;

  stk_document_set_policy (document, policy, NULL);
  stk_document_validate_now (document);
  g_assert_false (has_finding (findings, "texts.banner_title.en"));
  g_signal_connect (findings, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  /* Three edits in a row: the findings do not change at once ... */
  edited = g_get_monotonic_time ();
  stk_text_set (title, "en", "");
  stk_text_set (body, "en", "");
  stk_text_set (accept, "da", "");
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_false (has_finding (findings, "texts.banner_title.en"));

  /* ... but after the pause, once for all three. */
  STK_WAIT_UNTIL (n_changes > 0);
  waited = g_get_monotonic_time () - edited;
  g_assert_cmpint (waited, >=, 250 * 1000);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_true (has_finding (findings, "texts.banner_title.en"));
  g_assert_true (has_finding (findings, "texts.banner_body.en"));
  g_assert_true (has_finding (findings, "texts.accept_all.da"));

  /* Bringing them up to date at once, after an edit. */
  stk_text_set (title, "en", "Cookies");
  stk_document_validate_now (document);
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_false (has_finding (findings, "texts.banner_title.en"));
  /* Up to date: nothing to do. */
  stk_document_validate_now (document);
  g_assert_cmpuint (n_changes, ==, 2);

  g_signal_handlers_disconnect_by_func (findings, count_changes_cb, &n_changes);
  assert_finalize_document (document);
}

/* The export folder is remembered per policy file, across documents; an untitled policy keeps
 * its own for as long as the document holds it, and so do the accepted warnings. */
static void
test_export_state (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "exported.json");
  g_autoptr(GFile) other_file = stk_test_copy_example (tmp_dir, "not-exported.json");
  g_autofree char *folder_path = g_build_filename (tmp_dir, "site", NULL);
  g_autofree char *second_path = g_build_filename (tmp_dir, "site-2", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) second_folder = g_file_new_for_path (second_path);
  g_autoptr(GFile) remembered = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) folders = NULL;
  g_autofree char *file_uri = g_file_get_uri (file);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  const char *stored = NULL;
  StkDocument *document = stk_document_new ();
  StkDocument *again = stk_document_new ();
  g_autoptr(StkPolicy) untitled = stk_policy_new_from_example ();
  g_autoptr(StkPolicy) another = stk_policy_new_from_example ();

  g_assert_true (load (document, file, NULL));
  g_assert_null (stk_document_dup_export_folder (document));
  stk_document_remember_export_folder (document, folder);
  remembered = stk_document_dup_export_folder (document);
  g_assert_true (remembered != NULL && g_file_equal (remembered, folder));
  g_clear_object (&remembered);

  /* In the settings, by the file's address ... */
  folders = g_settings_get_value (settings, "export-folders");
  g_assert_true (g_variant_lookup (folders, file_uri, "&s", &stored));
  g_assert_cmpstr (stored, ==, folder_uri);

  /* ... so another document on the same file knows it, and one on another file does not. */
  g_assert_true (load (again, file, NULL));
  remembered = stk_document_dup_export_folder (again);
  g_assert_true (remembered != NULL && g_file_equal (remembered, folder));
  g_clear_object (&remembered);
  g_assert_true (load (again, other_file, NULL));
  g_assert_null (stk_document_dup_export_folder (again));

  /* The newest folder wins. */
  stk_document_remember_export_folder (document, second_folder);
  g_assert_true (load (again, file, NULL));
  remembered = stk_document_dup_export_folder (again);
  g_assert_true (remembered != NULL && g_file_equal (remembered, second_folder));
  g_clear_object (&remembered);

  /* An untitled policy: remembered with the document's policy only. */
  stk_document_set_policy (document, untitled, NULL);
  g_assert_null (stk_document_dup_export_folder (document));
  stk_document_remember_export_folder (document, folder);
  stk_document_set_accepted_warnings (document, "missing-translation texts.close.en\n");
  remembered = stk_document_dup_export_folder (document);
  g_assert_true (remembered != NULL && g_file_equal (remembered, folder));
  g_clear_object (&remembered);
  g_assert_cmpstr (stk_document_get_accepted_warnings (document), ==,
                   "missing-translation texts.close.en\n");

  /* Saved under a name, it keeps both. */
  {
    g_autofree char *saved_path = g_build_filename (tmp_dir, "named.json", NULL);
    g_autoptr(GFile) saved = g_file_new_for_path (saved_path);

    g_assert_true (save (document, saved, NULL));
    remembered = stk_document_dup_export_folder (document);
    g_assert_true (remembered != NULL && g_file_equal (remembered, folder));
    g_clear_object (&remembered);
    g_assert_nonnull (stk_document_get_accepted_warnings (document));
  }

  /* Another policy in the same document starts afresh. */
  stk_document_set_policy (document, another, NULL);
  g_assert_null (stk_document_dup_export_folder (document));
  g_assert_null (stk_document_get_accepted_warnings (document));

  assert_finalize_document (document);
  assert_finalize_document (again);
}

/* Where a policy was freed: 0 not yet, 1 on the main thread, 2 in another thread. */
static gint freed_where;
static GThread *main_thread;

static void
policy_freed_cb (gpointer  data,
                 GObject  *policy)
{
  g_atomic_int_set (&freed_where, g_thread_self () == main_thread ? 1 : 2);
}

/* The policy a load replaces is freed, and not on the main thread, where freeing a large one
 * would hold up the window; one that someone else still holds is left to them. */
static void
test_release_old_policy (void)
{
  g_autoptr(GFile) first = stk_test_copy_example (tmp_dir, "first.json");
  g_autoptr(GFile) second = stk_test_copy_example (tmp_dir, "second.json");
  g_autoptr(StkPolicy) kept = stk_policy_new_from_example ();
  StkDocument *document = stk_document_new ();
  g_autoptr(GError) error = NULL;

  main_thread = g_thread_self ();

  g_assert_true (load (document, first, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&freed_where, 0);
  g_object_weak_ref (G_OBJECT (stk_document_get_policy (document)), policy_freed_cb, NULL);

  g_assert_true (load (document, second, &error));
  g_assert_no_error (error);
  STK_WAIT_UNTIL (g_atomic_int_get (&freed_where) != 0);
  g_assert_cmpint (g_atomic_int_get (&freed_where), ==, 2);

  /* A policy the caller holds outlives the document's letting go of it. */
  stk_document_set_policy (document, kept, NULL);
  stk_document_set_policy (document, stk_document_get_policy (document), NULL);
  {
    g_autoptr(StkPolicy) other = stk_policy_new_from_example ();

    stk_document_set_policy (document, other, NULL);
  }
  g_assert_cmpstr (stk_policy_get_name (kept), ==, EXAMPLE_NAME);
  g_atomic_int_set (&freed_where, 0);
  g_object_weak_ref (G_OBJECT (kept), policy_freed_cb, NULL);
  g_clear_object (&kept);
  g_assert_cmpint (g_atomic_int_get (&freed_where), ==, 1);

  assert_finalize_document (document);
}

/* Progress ---------------------------------------------------------------------------------- */

static void
progress_cb (StkDocument *document,
             GParamSpec  *pspec,
             GArray      *seen)
{
  double fraction = stk_document_get_progress (document);

  g_array_append_val (seen, fraction);
}

/* What StkDocument:progress showed while it read or wrote: at least one fraction between
 * the start and the end, never going back, and "not known" once done. */
static void
assert_progress (GArray *seen)
{
  guint between = 0;
  double last = -1;

  g_assert_cmpuint (seen->len, >, 0);
  for (guint i = 0; i + 1 < seen->len; i++)
    {
      double fraction = g_array_index (seen, double, i);

      g_test_message ("progress %.2f", fraction);
      g_assert_cmpfloat (fraction, <=, 1);
      if (fraction < 0)
        continue;
      g_assert_cmpfloat (fraction, >=, last);
      last = fraction;
      between += fraction > 0 && fraction < 1;
    }
  g_assert_cmpuint (between, >, 0);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, -1);
}

/* Reading and saving say how far they have come (for the window's progress bar), and give
 * way while the window draws. */
static void
test_progress (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  StkDocument *document = stk_document_new ();
  guint waits;

  {
    g_autoptr(StkPolicy) large = stk_test_new_large_policy (500);

    g_assert_true (stk_policy_save_file (large, file, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpfloat (stk_document_get_progress (document), ==, -1);
  g_signal_connect (document, "notify::progress", G_CALLBACK (progress_cb), seen);

  /* Held, the reader goes 256 members and elements per 100 ms: the progress shows before it
   * is done. */
  waits = stk_progress_get_n_waits ();
  {
    Outcome outcome = { 0 };

    stk_test_hold_workers_begin ();
    stk_document_load_async (document, file, NULL, load_done_cb, &outcome);
    STK_WAIT_UNTIL (stk_document_get_progress (document) > 0);
    g_assert_true (stk_document_get_loading (document));
    stk_test_hold_workers_end ();
    STK_WAIT_UNTIL (outcome.done);
    g_assert_true (outcome.ok);
  }
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (stk_document_get_policy (document))),
                    >, 500);
  assert_progress (seen);
  g_assert_cmpuint (stk_progress_get_n_waits (), >, waits);
  STK_WAIT_UNTIL (!stk_document_get_busy (document));

  g_array_set_size (seen, 0);
  waits = stk_progress_get_n_waits ();
  /* Held, the writer goes one provider per 100 ms. */
  {
    Outcome outcome = { 0 };

    stk_test_hold_workers_begin ();
    stk_document_save_async (document, NULL, NULL, save_done_cb, &outcome);
    STK_WAIT_UNTIL (stk_document_get_progress (document) > 0);
    stk_test_hold_workers_end ();
    STK_WAIT_UNTIL (outcome.done);
    g_assert_true (outcome.ok);
  }
  assert_progress (seen);
  g_assert_cmpuint (stk_progress_get_n_waits (), >, waits);
  g_assert_cmpfloat (stk_document_get_progress (document), ==, -1);

  g_signal_handlers_disconnect_by_func (document, progress_cb, seen);
  assert_finalize_document (document);
  g_unlink (path);
}

/* What the document's worker is doing, as the window says it. */
static int reader_may_end;

static gpointer
waiting_reader (StkPolicy     *policy,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  while (!g_atomic_int_get (&reader_may_end))
    g_usleep (1000);

  return g_strdup (stk_policy_get_name (policy));
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **name = user_data;

  *name = stk_document_read_finish (STK_DOCUMENT (object), result, NULL);
}

static void
test_activity (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "activity.json");
  g_autofree char *name = NULL;
  StkDocument *document = stk_document_new ();
  Outcome outcome = { 0 };

  g_assert_null (stk_document_get_activity (document));

  stk_document_load_async (document, file, NULL, load_done_cb, &outcome);
  g_assert_cmpstr (stk_document_get_activity (document), ==, _("Opening…"));
  STK_WAIT_UNTIL (!stk_document_get_loading (document));
  /* The check of what was read follows. */
  if (stk_document_get_busy (document))
    g_assert_cmpstr (stk_document_get_activity (document), ==, _("Checking the policy…"));
  STK_WAIT_UNTIL (outcome.done);
  g_assert_null (stk_document_get_activity (document));

  /* A reader says what it reads for, for as long as it runs. */
  g_atomic_int_set (&reader_may_end, FALSE);
  stk_document_read_async (document, "Exporting…", waiting_reader, NULL, NULL, g_free, NULL,
                           read_done_cb, &name);
  g_assert_cmpstr (stk_document_get_activity (document), ==, "Exporting…");
  stk_test_run_for (50);
  g_assert_cmpstr (stk_document_get_activity (document), ==, "Exporting…");
  g_atomic_int_set (&reader_may_end, TRUE);
  STK_WAIT_UNTIL (name != NULL);
  g_assert_cmpstr (name, ==, EXAMPLE_NAME);
  g_assert_null (stk_document_get_activity (document));

  outcome_clear (&outcome);
  stk_document_save_async (document, NULL, NULL, save_done_cb, &outcome);
  g_assert_cmpstr (stk_document_get_activity (document), ==, _("Saving…"));
  STK_WAIT_UNTIL (outcome.done);
  g_assert_null (stk_document_get_activity (document));

  assert_finalize_document (document);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  (void) stk_core_get_resource ();

  tmp_dir = g_dir_make_tmp ("samtykke-document-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/app/document/load-async", test_load_async);
  g_test_add_func ("/app/document/load-failure", test_load_failure);
  g_test_add_func ("/app/document/save-async", test_save_async);
  g_test_add_func ("/app/document/findings-debounce", test_findings_debounce);
  g_test_add_func ("/app/document/export-state", test_export_state);
  g_test_add_func ("/app/document/release-old-policy", test_release_old_policy);
  g_test_add_func ("/app/document/progress", test_progress);
  g_test_add_func ("/app/document/activity", test_activity);

  status = g_test_run ();

  stk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
