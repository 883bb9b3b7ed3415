/* test-progress.c — StkProgress: how far a worker has come, and its giving way to frames
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "stk-core.h"
#include "large-policy.h"
#include "stk-json.h"

/* stk-progress.c's longest wait, in microseconds */
#define WAIT_LIMIT_US (100 * 1000)

typedef struct
{
  StkProgress *progress;
  StkPolicy   *policy;   /* to write, or what was read */
  GFile       *file;
  gboolean     ok;
} Job;

static gpointer
save_thread (gpointer data)
{
  Job *job = data;

  stk_progress_push (job->progress);
  job->ok = stk_policy_save_file (job->policy, job->file, NULL);
  stk_progress_pop ();

  return NULL;
}

static gpointer
load_thread (gpointer data)
{
  Job *job = data;

  stk_progress_push (job->progress);
  job->policy = stk_policy_load_file (job->file, NULL);
  stk_progress_pop ();

  return NULL;
}

/* A thread that pushed a progress sees it move as the writer and the reader go through a
 * policy; a thread that did not push one changes nothing. */
static void
test_reports (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StkPolicy) large = stk_test_new_large_policy (400);
  g_autoptr(StkProgress) saving = stk_progress_new ();
  g_autoptr(StkProgress) loading = stk_progress_new ();
  g_autoptr(StkProgress) unused = stk_progress_new ();
  g_autoptr(GBytes) expected = stk_policy_to_bytes (large);
  g_autoptr(GBytes) reread = NULL;
  g_autofree char *contents = NULL;
  Job save_job = { saving, large, file, FALSE };
  Job load_job = { loading, NULL, file, FALSE };
  gsize length;

  g_assert_cmpfloat (stk_progress_get_fraction (saving), ==, -1);

  /* The main thread pushed nothing: its reports go nowhere. */
  stk_progress_report (1, 2);
  g_assert_cmpfloat (stk_progress_get_fraction (unused), ==, -1);

  g_thread_join (g_thread_new ("save", save_thread, &save_job));
  g_assert_true (save_job.ok);
  /* Every provider written: the whole. */
  g_assert_cmpfloat (stk_progress_get_fraction (saving), ==, 1.0);
  /* Written a megabyte at a time, the file is the whole text. */
  g_assert_cmpuint (g_bytes_get_size (expected), >, 2 * 1024 * 1024);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  g_thread_join (g_thread_new ("load", load_thread, &load_job));
  g_assert_nonnull (load_job.policy);
  /* The reader reports every 256 members and elements: near the end, not past it. */
  g_assert_cmpfloat (stk_progress_get_fraction (loading), >, 0.99);
  g_assert_cmpfloat (stk_progress_get_fraction (loading), <=, 1.0);
  /* Read a megabyte at a time, it is the same policy. */
  reread = stk_policy_to_bytes (load_job.policy);
  g_assert_true (g_bytes_equal (reread, expected));

  g_assert_cmpfloat (stk_progress_get_fraction (unused), ==, -1);
  g_object_unref (load_job.policy);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  StkProgress *progress;
  gint64       passed;    /* when the report returned */
} Waiter;

static gpointer
report_thread (gpointer data)
{
  Waiter *waiter = data;

  stk_progress_push (waiter->progress);
  stk_progress_report (1, 4);
  waiter->passed = g_get_monotonic_time ();
  stk_progress_pop ();

  return NULL;
}

/* While the main thread draws, a worker that pushed a progress waits at its report until the
 * frame ends; one that did not push one, and the main thread itself, go on. */
static void
test_gives_way (void)
{
  g_autoptr(StkProgress) progress = stk_progress_new ();
  Waiter waiter = { progress, 0 };
  guint waits = stk_progress_get_n_waits ();
  GThread *thread;
  gint64 began, ended;

  stk_progress_foreground_begin ();
  began = g_get_monotonic_time ();

  /* Not pushed: no wait. */
  stk_progress_report (1, 2);
  g_assert_cmpuint (stk_progress_get_n_waits (), ==, waits);

  thread = g_thread_new ("report", report_thread, &waiter);
  g_usleep (20 * 1000);
  ended = g_get_monotonic_time ();
  stk_progress_foreground_end ();
  g_thread_join (thread);

  /* It did not pass before the end, unless the end came later than the longest wait (on a
   * machine too busy to run this thread in time). */
  if (ended - began < WAIT_LIMIT_US)
    g_assert_cmpint (waiter.passed, >=, ended);
  g_assert_cmpuint (stk_progress_get_n_waits (), ==, waits + 1);
  g_assert_cmpfloat (stk_progress_get_fraction (progress), ==, 0.25);

  /* With no frame drawn, no wait. */
  g_thread_join (g_thread_new ("report", report_thread, &waiter));
  g_assert_cmpuint (stk_progress_get_n_waits (), ==, waits + 1);
}

/* A frame whose end is never said holds a worker for WAIT_LIMIT_US at most. */
static void
test_wait_limit (void)
{
  g_autoptr(StkProgress) progress = stk_progress_new ();
  Waiter waiter = { progress, 0 };
  gint64 began;

  stk_progress_foreground_begin ();
  began = g_get_monotonic_time ();
  g_thread_join (g_thread_new ("report", report_thread, &waiter));
  g_assert_cmpint (waiter.passed - began, >=, WAIT_LIMIT_US);
  g_assert_cmpint (waiter.passed - began, <, 60 * G_USEC_PER_SEC);
  stk_progress_foreground_end ();
}

/* The reader checks the text is UTF-8 a megabyte at a time (giving way between steps): a
 * character cut by a step's end is still whole, and a bad byte anywhere is still found. */
static void
test_utf8_in_steps (void)
{
  const guint mb = 1024 * 1024;

  /* A character of 2, 3 and 4 bytes starting 1, 2 and 3 bytes before the step's end. */
  for (guint before = 1; before < 4; before++)
    {
      const char *characters[] = { "æ", "€", "😀" };

      for (guint c = 0; c < G_N_ELEMENTS (characters); c++)
        {
          g_autoptr(GString) text = g_string_new ("\"");
          g_autoptr(GError) error = NULL;
          StkJsonReader reader;

          while (text->len < mb - before)
            g_string_append_c (text, 'a');
          g_string_append (text, characters[c]);
          while (text->len < 2 * mb + 10)
            g_string_append (text, "bcdefgh");
          g_string_append_c (text, '"');
          g_assert_true (g_utf8_validate_len (text->str, text->len, NULL));
          g_assert_true (stk_json_reader_init (&reader, text->str, text->len, "big.json",
                                               &error));
          g_assert_no_error (error);

          /* The same lead byte, its character never coming. */
          text->str[mb - before + 1] = 'x';
          g_assert_false (stk_json_reader_init (&reader, text->str, text->len, "big.json",
                                                &error));
          g_assert_error (error, STK_ERROR, STK_ERROR_SYNTAX);
          {
            g_autofree char *where = g_strdup_printf ("big.json:1:%u: ", mb - before + 1);

            g_assert_true (g_str_has_prefix (error->message, where));
            g_assert_nonnull (strstr (error->message, "byte 0x"));
          }
        }
    }

  /* A bad byte in the second step. */
  {
    g_autoptr(GString) text = g_string_new ("\"");
    g_autoptr(GError) error = NULL;
    StkJsonReader reader;

    while (text->len < 2 * mb)
      g_string_append (text, "abcdefgh");
    g_string_append_c (text, '"');
    text->str[mb + mb / 2] = (char) 0xFF;
    g_assert_false (stk_json_reader_init (&reader, text->str, text->len, "big.json", &error));
    g_assert_nonnull (strstr (error->message, "0xFF"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/reports", test_reports);
  g_test_add_func ("/progress/gives-way", test_gives_way);
  g_test_add_func ("/progress/wait-limit", test_wait_limit);
  g_test_add_func ("/progress/utf8-in-steps", test_utf8_in_steps);

  return g_test_run ();
}
