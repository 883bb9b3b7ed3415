/* scan-harness.c — runs samtykke-test-site and samtykke-scan for the scan tests, and reads
 * what the scanner wrote
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "scan-harness.h"

static const guint slowdown = SCAN_SLOWDOWN;
static double total_seconds;   /* the time spent in scans */

typedef struct
{
  GMainLoop        *loop;
  GSubprocess      *process;
  GDataInputStream *out;
  GPtrArray        *lines;
  GString          *err;
  gboolean          out_done;
  gboolean          err_done;
  gboolean          exited;
  gboolean          timed_out;
  /* SIGTERM after this many page events (0: never) */
  guint             cancel_after_pages;
  ScanHook          before_cancel;
  gpointer          hook_data;
  guint             n_pages;
  gint64            cancelled_at;
  gint64            ended_at;
  gint64            exited_at;
} Runner;



void
scan_run_free (ScanRun *run)
{
  g_ptr_array_unref (run->lines);
  g_ptr_array_unref (run->events);
  g_free (run->err);
  g_free (run);
}

void
test_site_free (TestSite *site)
{
  /* The site exits when its standard input closes. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (site->process), NULL, NULL);
  g_subprocess_wait (site->process, NULL, NULL);
  g_object_unref (site->process);
  g_free (site->site);
  g_free (site->third_party);
  g_free (site->other);
  g_free (site->log);
  if (site->export_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (site->export_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (site->export_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (site->export_dir);
      g_free (site->export_dir);
    }
  g_free (site);
}

/* Exports tests/scan/site-policy.json with the real exporter into a new folder. */
static char *
export_banner (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("samtykke-scan-XXXXXX", &error);
  g_autofree char *policy = g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "tests", "scan",
                                              "site-policy.json", NULL);
  g_autoptr(GSubprocess) cli = NULL;

  g_assert_no_error (error);
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, SAMTYKKE_CLI, "export", policy, "-o",
                          dir, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

TestSite *
test_site_start (gboolean with_banner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  TestSite *site = g_new0 (TestSite, 1);
  JsonObject *object;

  if (with_banner)
    site->export_dir = export_banner ();

  site->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                    &error, SAMTYKKE_TEST_SITE,
                                    with_banner ? "--export" : NULL, site->export_dir, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (site->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  site->site = g_strdup (json_object_get_string_member (object, "site"));
  site->third_party = g_strdup (json_object_get_string_member (object, "third_party"));
  site->other = g_strdup (json_object_get_string_member (object, "other"));
  site->log = g_strdup (json_object_get_string_member (object, "log"));
  g_assert_true (g_str_has_prefix (site->site, "http://127.0.0.1:"));
  g_assert_true (g_str_has_prefix (site->third_party, "http://127.0.0.2:"));
  g_assert_true (g_str_has_prefix (site->other, "http://127.0.0.3:"));

  return site;
}

char *
site_url (TestSite   *site,
          const char *path)
{
  return g_strconcat (site->site, path[0] == '/' ? path + 1 : path, NULL);
}

/* The requests the site's three hosts have received. */
JsonArray *
site_log (TestSite *site)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", site->log);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                             g_bytes_get_size (body), &error));

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* How many requests @host received for @path (any path when NULL). */
guint
count_requests (JsonArray  *log,
                const char *host,
                const char *path)
{
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (log); i++)
    {
      JsonObject *entry = json_array_get_object_element (log, i);

      if (g_str_equal (json_object_get_string_member (entry, "host"), host)
          && (path == NULL || g_str_equal (json_object_get_string_member (entry, "path"), path)))
        count++;
    }

  return count;
}

static void
maybe_done (Runner *runner)
{
  if (runner->out_done && runner->err_done && runner->exited)
    g_main_loop_quit (runner->loop);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Runner *runner = user_data;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *line;

  line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (object), result, &length,
                                               &error);
  if (line == NULL)
    {
      runner->out_done = TRUE;
      maybe_done (runner);
      return;
    }

  g_ptr_array_add (runner->lines, line);
  if (strstr (line, "\"event\":\"page\"") != NULL)
    runner->n_pages++;
  if (strstr (line, "\"event\":\"end\"") != NULL)
    runner->ended_at = g_get_monotonic_time ();
  if (runner->cancel_after_pages > 0 && runner->n_pages == runner->cancel_after_pages
      && runner->cancelled_at == 0)
    {
      if (runner->before_cancel != NULL)
        runner->before_cancel (runner->process, runner->hook_data);
      runner->cancelled_at = g_get_monotonic_time ();
      g_subprocess_send_signal (runner->process, SIGTERM);
    }

  g_data_input_stream_read_line_async (runner->out, G_PRIORITY_DEFAULT, NULL, read_line_cb,
                                       runner);
}

static void
read_err_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Runner *runner = user_data;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      runner->err_done = TRUE;
      maybe_done (runner);
      return;
    }

  g_string_append_len (runner->err, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 4096, G_PRIORITY_DEFAULT, NULL,
                                   read_err_cb, runner);
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Runner *runner = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  runner->exited = TRUE;
  runner->exited_at = g_get_monotonic_time ();
  maybe_done (runner);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Runner *runner = user_data;

  runner->timed_out = TRUE;
  g_subprocess_force_exit (runner->process);

  return G_SOURCE_REMOVE;
}

/* Checks what every reader relies on: each line is one UTF-8 JSON object with an event. */
static GPtrArray *
parse_events (GPtrArray *lines)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;

      if (!g_utf8_validate (line, -1, NULL))
        g_error ("Line %u is not UTF-8: %s", i + 1, line);
      if (!json_parser_load_from_data (parser, line, -1, &error))
        g_error ("Line %u is not JSON (%s): %s", i + 1, error->message, line);
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root)
          || json_object_get_string_member_with_default (json_node_get_object (root), "event",
                                                         NULL) == NULL)
        g_error ("Line %u is not an object with an event: %s", i + 1, line);

      g_ptr_array_add (events, json_object_ref (json_node_get_object (root)));
    }

  return events;
}

/* Runs the scanner with @args (NULL-terminated) in @environment (the test's own when NULL),
 * sending SIGTERM after @cancel_after_pages page events (0: never), and calling
 * @before_cancel (when not NULL) just before. */
ScanRun *
run_scan_full (const char * const *args,
               char              **environment,
               guint               cancel_after_pages,
               ScanHook            before_cancel,
               gpointer            hook_data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  Runner runner = { 0 };
  ScanRun *run = g_new0 (ScanRun, 1);
  gint64 started = g_get_monotonic_time ();
  GSource *timeout;

  g_main_context_push_thread_default (context);

  g_ptr_array_add (argv, (char *) SAMTYKKE_SCAN);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (environment != NULL)
    g_subprocess_launcher_set_environ (launcher, environment);
  runner.process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                 &error);
  g_assert_no_error (error);

  runner.loop = g_main_loop_new (context, FALSE);
  runner.lines = g_ptr_array_new_with_free_func (g_free);
  runner.err = g_string_new (NULL);
  runner.cancel_after_pages = cancel_after_pages;
  runner.before_cancel = before_cancel;
  runner.hook_data = hook_data;
  runner.out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (runner.process));
  g_data_input_stream_read_line_async (runner.out, G_PRIORITY_DEFAULT, NULL, read_line_cb,
                                       &runner);
  g_input_stream_read_bytes_async (g_subprocess_get_stderr_pipe (runner.process), 4096,
                                   G_PRIORITY_DEFAULT, NULL, read_err_cb, &runner);
  g_subprocess_wait_async (runner.process, NULL, exited_cb, &runner);

  timeout = g_timeout_source_new_seconds (SCAN_TIMEOUT * slowdown);
  g_source_set_callback (timeout, timeout_cb, &runner, NULL);
  g_source_attach (timeout, context);
  g_main_loop_run (runner.loop);
  g_source_destroy (timeout);
  g_source_unref (timeout);

  run->seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  total_seconds += run->seconds;
  run->lines = runner.lines;
  run->err = g_string_free (runner.err, FALSE);
  if (runner.cancelled_at != 0 && runner.ended_at != 0)
    run->end_after_cancel = (runner.ended_at - runner.cancelled_at) / (double) G_USEC_PER_SEC;
  if (runner.cancelled_at != 0)
    run->exit_after_cancel = (runner.exited_at - runner.cancelled_at) / (double) G_USEC_PER_SEC;
  run->status = g_subprocess_get_if_exited (runner.process)
                ? g_subprocess_get_exit_status (runner.process) : -1;

  g_object_unref (runner.out);
  g_object_unref (runner.process);
  g_main_loop_unref (runner.loop);
  g_main_context_pop_thread_default (context);

  if (runner.timed_out)
    g_error ("samtykke-scan did not end within %u seconds; it wrote:\n%s", SCAN_TIMEOUT * slowdown,
             run->err);
  if (run->status == -1)
    g_error ("samtykke-scan was killed; it wrote:\n%s", run->err);

  run->events = parse_events (run->lines);
  g_test_message ("samtykke-scan took %.1f s", run->seconds);

  return run;
}

/* Runs a scan that must end normally: exit status 0, start first, end last. */
ScanRun *
run_scan (const char * const *args)
{
  ScanRun *run = run_scan_full (args, NULL, 0, NULL, NULL);
  JsonObject *first, *last;

  if (run->status != 0)
    g_error ("samtykke-scan exited with %d; it wrote:\n%s", run->status, run->err);
  g_assert_cmpuint (run->events->len, >=, 2);
  first = g_ptr_array_index (run->events, 0);
  last = g_ptr_array_index (run->events, run->events->len - 1);
  g_assert_cmpstr (json_object_get_string_member (first, "event"), ==, "start");
  g_assert_cmpstr (json_object_get_string_member (last, "event"), ==, "end");

  return run;
}

const char *
event_name (JsonObject *event)
{
  return json_object_get_string_member (event, "event");
}

/* The events called @name, in pass @pass (any pass when 0). */
GPtrArray *
events_of (ScanRun    *run,
           const char *name,
           gint64      pass)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < run->events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (run->events, i);

      if (g_str_equal (event_name (event), name)
          && (pass == 0 || json_object_get_int_member_with_default (event, "pass", 0) == pass))
        g_ptr_array_add (found, event);
    }

  return found;
}

JsonObject *
find_event (ScanRun    *run,
            const char *name,
            gint64      pass,
            const char *member,
            const char *value)
{
  g_autoptr(GPtrArray) events = events_of (run, name, pass);

  for (guint i = 0; i < events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (event, member, NULL), value) == 0)
        return event;
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The values of @member of the events called @name in @pass, sorted and joined with spaces. */
char *
members_of (ScanRun    *run,
            const char *name,
            gint64      pass,
            const char *member)
{
  g_autoptr(GPtrArray) events = events_of (run, name, pass);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (values,
                     (char *) json_object_get_string_member (g_ptr_array_index (events, i),
                                                             member));
  g_ptr_array_sort (values, compare_strings);
  g_ptr_array_add (values, NULL);

  return g_strjoinv (" ", (char **) values->pdata);
}

/* The pages' paths of @pass, in the order visited, joined with spaces. */
char *
page_paths (ScanRun  *run,
            TestSite *site,
            gint64    pass)
{
  g_autoptr(GPtrArray) pages = events_of (run, "page", pass);
  g_autoptr(GString) paths = g_string_new (NULL);

  for (guint i = 0; i < pages->len; i++)
    {
      const char *url = json_object_get_string_member (g_ptr_array_index (pages, i), "url");

      g_assert_true (g_str_has_prefix (url, site->site));
      g_string_append_printf (paths, "%s/%s", i > 0 ? " " : "", url + strlen (site->site));
      g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (pages, i), "index"), ==,
                       i + 1);
    }

  return g_string_free (g_steal_pointer (&paths), FALSE);
}

gboolean
is_null (JsonObject *object,
         const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_null_member (object, member);
}

/* The time all scans have taken so far, in seconds. */
double
scan_seconds (void)
{
  return total_seconds;
}
