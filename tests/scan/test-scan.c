/* test-scan.c — samtykke-scan as its readers run it, against the test site on the loopback:
 * what each pass finds, the limits, failing pages, cancelling, the address sources, the output
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The limit of one run of the scanner, in seconds. Under the sanitizers every program is
 * slower: SCAN_SLOWDOWN (from the build) multiplies the limits. */
#define SCAN_TIMEOUT  90
/* The scanner's own limits in these tests: a page gets 5 seconds (times the slowdown), its
 * scripts 500 ms, or a second where a script waits for the consent. */
#define PAGE_SECONDS   5
#define SETTLE         "500"
#define CONSENT_SETTLE "1000"

static const guint slowdown = SCAN_SLOWDOWN;
static char page_timeout[16];
#define PAGE_TIMEOUT page_timeout
static double scan_seconds;   /* the time spent in scans, reported at the end */

/* The test site: samtykke-test-site, on 127.0.0.1, .2 and .3. */
typedef struct
{
  GSubprocess *process;
  char        *site;          /* "http://127.0.0.1:P/" */
  char        *third_party;
  char        *other;
  char        *log;
  char        *export_dir;
} TestSite;

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
  guint             n_pages;
  gint64            cancelled_at;
  gint64            ended_at;
  gint64            exited_at;
} Runner;

/* One run of the scanner: its exit status, what it wrote, and its events. */
typedef struct
{
  int        status;       /* exit status, or -1 when it did not exit by itself */
  GPtrArray *lines;
  GPtrArray *events;       /* JsonObject */
  char      *err;
  double     seconds;
  double     end_after_cancel;   /* seconds from SIGTERM to the end event */
  double     exit_after_cancel;  /* seconds from SIGTERM to the exit */
} ScanRun;

static void
scan_run_free (ScanRun *run)
{
  g_ptr_array_unref (run->lines);
  g_ptr_array_unref (run->events);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanRun, scan_run_free)

static void
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSite, test_site_free)

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

static TestSite *
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

static char *
site_url (TestSite   *site,
          const char *path)
{
  return g_strconcat (site->site, path[0] == '/' ? path + 1 : path, NULL);
}

/* The requests the site's three hosts have received. */
static JsonArray *
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
static guint
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
 * sending SIGTERM after @cancel_after_pages page events (0: never). */
static ScanRun *
run_scan_full (const char * const *args,
               char              **environment,
               guint               cancel_after_pages)
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
  scan_seconds += run->seconds;
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
static ScanRun *
run_scan (const char * const *args)
{
  ScanRun *run = run_scan_full (args, NULL, 0);
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

static const char *
event_name (JsonObject *event)
{
  return json_object_get_string_member (event, "event");
}

/* The events called @name, in pass @pass (any pass when 0). */
static GPtrArray *
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

static JsonObject *
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
static char *
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
static char *
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

static gboolean
is_null (JsonObject *object,
         const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_null_member (object, member);
}

/* Checks a cookie event's attributes; @lifetime is its Max-Age in seconds, or 0 for a session
 * cookie; @same_site may be NULL to leave it unchecked. */
static void
assert_cookie (ScanRun    *run,
               gint64      pass,
               const char *name,
               const char *domain,
               const char *path,
               gint64      lifetime,
               gboolean    http_only,
               const char *same_site,
               gboolean    third_party,
               const char *page)
{
  JsonObject *cookie = find_event (run, "cookie", pass, "name", name);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (cookie == NULL)
    g_error ("The cookie %s is not reported in pass %" G_GINT64_FORMAT, name, pass);

  g_assert_cmpstr (json_object_get_string_member (cookie, "domain"), ==, domain);
  g_assert_cmpstr (json_object_get_string_member (cookie, "path"), ==, path);
  if (lifetime == 0)
    {
      g_assert_true (is_null (cookie, "expires"));
    }
  else
    {
      gint64 expires = json_object_get_int_member (cookie, "expires");

      g_assert_cmpint (expires, >=, now + lifetime - SCAN_TIMEOUT * slowdown - 5);
      g_assert_cmpint (expires, <=, now + lifetime + 5);
    }
  g_assert_cmpint (json_object_get_boolean_member (cookie, "http_only"), ==, http_only);
  g_assert_false (json_object_get_boolean_member (cookie, "secure"));
  if (same_site != NULL)
    g_assert_cmpstr (json_object_get_string_member (cookie, "same_site"), ==, same_site);
  g_assert_cmpint (json_object_get_boolean_member (cookie, "third_party"), ==, third_party);
  g_assert_cmpstr (json_object_get_string_member (cookie, "page"), ==, page);
}

static void
assert_order (ScanRun *run)
{
  const char *previous = NULL;
  gint64 pass = 0;

  /* start, pass 1, (page, items, progress)..., consent, [pass 2, ...], end */
  for (guint i = 0; i < run->events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (run->events, i);
      const char *name = event_name (event);

      if (i == 0)
        g_assert_cmpstr (name, ==, "start");
      else if (g_str_equal (name, "pass"))
        g_assert_cmpint (json_object_get_int_member (event, "pass"), ==, ++pass);
      else if (g_str_equal (name, "page"))
        g_assert_true (g_str_equal (previous, "pass") || g_str_equal (previous, "progress"));
      else if (g_str_equal (name, "cookie") || g_str_equal (name, "storage")
               || g_str_equal (name, "request") || g_str_equal (name, "progress"))
        g_assert_true (g_str_equal (previous, "page") || g_str_equal (previous, "cookie")
                       || g_str_equal (previous, "storage") || g_str_equal (previous, "request"));
      else if (g_str_equal (name, "consent"))
        g_assert_true (g_str_equal (previous, "progress") && pass == 1);
      else if (g_str_equal (name, "end"))
        g_assert_cmpuint (i, ==, run->events->len - 1);
      else
        g_error ("Unexpected event %s", name);

      if (json_object_has_member (event, "pass") && !g_str_equal (name, "pass"))
        g_assert_cmpint (json_object_get_int_member (event, "pass"), ==, pass);
      previous = name;
    }
}

/* The whole plain site, from its home page: run once, read by several tests. */
static ScanRun *plain_run;
static TestSite *plain_site;
static JsonArray *plain_log;

static void
scan_plain_site (void)
{
  g_autofree char *home = NULL;

  if (plain_run != NULL)
    return;

  plain_site = test_site_start (FALSE);
  home = site_url (plain_site, "/");
  plain_run = run_scan ((const char *[]) { "--page-timeout", PAGE_TIMEOUT, "--settle", SETTLE,
                                           home, NULL });
  plain_log = site_log (plain_site);
}

static void
test_plain_cookies (void)
{
  g_autofree char *names = NULL;
  g_autofree char *home = NULL;
  g_autofree char *a = NULL;
  g_autofree char *deep = NULL;

  scan_plain_site ();
  home = site_url (plain_site, "/");
  a = site_url (plain_site, "/a");
  deep = site_url (plain_site, "/deep");

  names = members_of (plain_run, "cookie", 1, "name");
  g_assert_cmpstr (names, ==, "a_visit deep_cookie js_pref site_prefs site_session tp_id tp_pixel");

  assert_cookie (plain_run, 1, "site_session", "127.0.0.1", "/", 0, TRUE, NULL, FALSE, home);
  assert_cookie (plain_run, 1, "site_prefs", "127.0.0.1", "/", 31536000, FALSE, "lax", FALSE,
                 home);
  assert_cookie (plain_run, 1, "js_pref", "127.0.0.1", "/", 86400, FALSE, "strict", FALSE, home);
  assert_cookie (plain_run, 1, "a_visit", "127.0.0.1", "/a", 3600, FALSE, "strict", FALSE, a);
  assert_cookie (plain_run, 1, "deep_cookie", "127.0.0.1", "/", 600, FALSE, NULL, FALSE, deep);
  /* Set by the third party's frame and by an image in it. */
  assert_cookie (plain_run, 1, "tp_id", "127.0.0.2", "/", 86400, FALSE, "none", TRUE, home);
  assert_cookie (plain_run, 1, "tp_pixel", "127.0.0.2", "/", 86400, FALSE, "none", TRUE, home);
}

static void
test_plain_storage_and_requests (void)
{
  g_autofree char *origin = NULL;
  g_autofree char *home = NULL;
  g_autofree char *hosts = NULL;
  g_autoptr(GPtrArray) storage = NULL;
  JsonObject *item;

  scan_plain_site ();
  origin = g_strndup (plain_site->site, strlen (plain_site->site) - 1);
  home = site_url (plain_site, "/");

  storage = events_of (plain_run, "storage", 1);
  g_assert_cmpuint (storage->len, ==, 3);
  item = find_event (plain_run, "storage", 1, "name", "ls_visits");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "local_storage");
  g_assert_cmpstr (json_object_get_string_member (item, "origin"), ==, origin);
  g_assert_cmpstr (json_object_get_string_member (item, "page"), ==, home);
  item = find_event (plain_run, "storage", 1, "name", "ss_tab");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "session_storage");
  g_assert_cmpstr (json_object_get_string_member (item, "origin"), ==, origin);
  /* Set by the never-ending page, before it was given up. */
  item = find_event (plain_run, "storage", 1, "name", "slow_started");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "local_storage");

  hosts = members_of (plain_run, "request", 1, "host");
  g_assert_cmpstr (hosts, ==, "127.0.0.2");
  item = find_event (plain_run, "request", 1, "host", "127.0.0.2");
  g_assert_cmpstr (json_object_get_string_member (item, "page"), ==, home);
}

static void
test_plain_pages (void)
{
  g_autofree char *paths = NULL;
  g_autofree char *home = NULL;
  JsonObject *start, *page, *consent, *end;
  g_autoptr(GPtrArray) progress = NULL;

  scan_plain_site ();
  home = site_url (plain_site, "/");

  /* Breadth first: the page two links deep comes after every page one link deep. The link
   * with a fragment, the fragment alone, the other site and mailto: are not pages to visit. */
  paths = page_paths (plain_run, plain_site, 1);
  g_assert_cmpstr (paths, ==, "/ /a /redirect-loop /missing /slow /deep /tricks");
  assert_order (plain_run);

  start = g_ptr_array_index (plain_run->events, 0);
  g_assert_cmpint (json_object_get_int_member (start, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (start, "pages"), ==, 25);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (start, "urls"), 0),
                   ==, home);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (start, "site"), 0),
                   ==, "127.0.0.1");

  page = find_event (plain_run, "page", 1, "url", home);
  g_assert_cmpint (json_object_get_int_member (page, "status"), ==, 200);
  g_assert_true (is_null (page, "error"));
  g_assert_cmpstr (json_object_get_string_member (page, "final_url"), ==, home);

  progress = events_of (plain_run, "progress", 1);
  g_assert_cmpuint (progress->len, ==, 7);
  for (guint i = 0; i < progress->len; i++)
    {
      g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (progress, i), "done"), ==,
                       i + 1);
      g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (progress, i), "limit"), ==,
                       25);
    }
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (progress, 6), "queued"), ==, 0);

  consent = find_event (plain_run, "consent", 0, "event", "consent");
  g_assert_false (json_object_get_boolean_member (consent, "available"));
  g_assert_null (find_event (plain_run, "pass", 2, "event", "pass"));
  end = g_ptr_array_index (plain_run->events, plain_run->events->len - 1);
  g_assert_cmpstr (json_object_get_string_member (end, "reason"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (end, "pages"), ==, 7);
}

static JsonObject *
plain_page (const char *path)
{
  g_autofree char *url = site_url (plain_site, path);
  JsonObject *page = find_event (plain_run, "page", 1, "url", url);

  g_assert_nonnull (page);
  return page;
}

static void
test_plain_failing_pages (void)
{
  g_autofree char *limit = NULL;
  JsonObject *page;

  scan_plain_site ();

  page = plain_page ("/redirect-loop");
  g_assert_true (is_null (page, "status"));
  g_assert_false (is_null (page, "error"));
  g_test_message ("redirect loop: %s", json_object_get_string_member (page, "error"));

  page = plain_page ("/missing");
  g_assert_cmpint (json_object_get_int_member (page, "status"), ==, 404);
  g_assert_false (is_null (page, "error"));

  /* It never finishes: it is given up after --page-timeout, and the crawl goes on. */
  page = plain_page ("/slow");
  g_assert_cmpint (json_object_get_int_member (page, "status"), ==, 200);
  limit = g_strdup_printf ("within %s seconds", page_timeout);
  g_assert_nonnull (strstr (json_object_get_string_member (page, "error"), limit));

  page = plain_page ("/tricks");
  g_assert_cmpint (json_object_get_int_member (page, "status"), ==, 200);
  g_assert_true (is_null (page, "error"));
}

static void
test_plain_requests_made (void)
{
  scan_plain_site ();

  /* The third party's frame loaded; the other site was only linked, and is never fetched. */
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.2", "/frame"), ==, 1);
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.3", NULL), ==, 0);
  /* One visit a page, whatever the links looked like. */
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.1", "/"), ==, 1);
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.1", "/a"), ==, 1);
  /* Nothing the page tried on its own: a form submission, a popup, a click. */
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.1", "/form-target"), ==, 0);
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.1", "/popup"), ==, 0);
  g_assert_cmpuint (count_requests (plain_log, "127.0.0.1", "/clicked"), ==, 0);
}

static void
test_pages_limit (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *home = site_url (site, "/");
  g_autoptr(ScanRun) run = NULL;
  g_autofree char *paths = NULL;
  g_autoptr(JsonArray) log = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  JsonObject *last;

  run = run_scan ((const char *[]) { "--pages", "2", "--page-timeout", PAGE_TIMEOUT,
                                     "--settle", SETTLE, home, NULL });
  paths = page_paths (run, site, 1);
  g_assert_cmpstr (paths, ==, "/ /a");

  progress = events_of (run, "progress", 1);
  last = g_ptr_array_index (progress, progress->len - 1);
  g_assert_cmpint (json_object_get_int_member (last, "limit"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (last, "queued"), ==, 0);
  last = g_ptr_array_index (run->events, run->events->len - 1);
  g_assert_cmpint (json_object_get_int_member (last, "pages"), ==, 2);

  log = site_log (site);
  g_assert_cmpuint (count_requests (log, "127.0.0.1", "/deep"), ==, 0);
  g_assert_cmpuint (count_requests (log, "127.0.0.1", "/missing"), ==, 0);
}

static void
test_consent (void)
{
  g_autoptr(TestSite) site = test_site_start (TRUE);
  g_autofree char *shop = site_url (site, "/consent/");
  g_autoptr(ScanRun) run = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *names = NULL;
  g_autoptr(JsonArray) log = NULL;
  JsonObject *consent, *pass, *end;
  JsonArray *categories;

  run = run_scan ((const char *[]) { "--page-timeout", PAGE_TIMEOUT, "--settle", CONSENT_SETTLE,
                                     shop, NULL });
  assert_order (run);

  /* Pass 1: the shop's own cookie; the statistics script waits for consent. */
  names = members_of (run, "cookie", 1, "name");
  g_assert_cmpstr (names, ==, "shop_cart");
  g_assert_null (find_event (run, "request", 1, "event", "request"));

  consent = find_event (run, "consent", 0, "event", "consent");
  g_assert_true (json_object_get_boolean_member (consent, "available"));
  categories = json_object_get_array_member (consent, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (categories, 0), ==, "necessary");
  g_assert_cmpstr (json_array_get_string_element (categories, 1), ==, "statistical");

  pass = find_event (run, "pass", 2, "event", "pass");
  g_assert_nonnull (pass);
  categories = json_object_get_array_member (pass, "consent");
  g_assert_cmpuint (json_array_get_length (categories), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (categories, 1), ==, "statistical");

  /* Pass 2 visits the same pages, and reports what is new: the banner's consent cookie and
   * what the statistics script set, on the first page, where the consent was given. */
  first = page_paths (run, site, 1);
  second = page_paths (run, site, 2);
  g_assert_cmpstr (first, ==, second);
  g_assert_true (g_str_has_prefix (first, "/consent/ "));
  g_clear_pointer (&names, g_free);
  names = members_of (run, "cookie", 2, "name");
  g_assert_cmpstr (names, ==, "samtykke_test stats_id tp_stats");
  assert_cookie (run, 2, "stats_id", "127.0.0.1", "/", 31536000, FALSE, "lax", FALSE, shop);
  assert_cookie (run, 2, "samtykke_test", "127.0.0.1", "/", 365 * 86400, FALSE, "lax", FALSE,
                 shop);
  assert_cookie (run, 2, "tp_stats", "127.0.0.2", "/", 86400, FALSE, "none", TRUE, shop);
  g_assert_nonnull (find_event (run, "request", 2, "host", "127.0.0.2"));

  end = g_ptr_array_index (run->events, run->events->len - 1);
  g_assert_cmpint (json_object_get_int_member (end, "pages"), ==,
                   2 * events_of (run, "page", 1)->len);

  log = site_log (site);
  /* Only after consent, once for each of the two shop pages with the statistics script. */
  g_assert_cmpuint (count_requests (log, "127.0.0.2", "/stats.gif"), ==, 2);
  g_assert_cmpuint (count_requests (log, "127.0.0.3", NULL), ==, 0);
}

static void
test_no_consent_pass (void)
{
  g_autoptr(TestSite) site = test_site_start (TRUE);
  g_autofree char *shop = site_url (site, "/consent/");
  g_autoptr(ScanRun) run = NULL;
  JsonObject *consent;

  run = run_scan ((const char *[]) { "--no-consent-pass", "--pages", "1",
                                     "--page-timeout", PAGE_TIMEOUT, "--settle", SETTLE, shop,
                                     NULL });
  consent = find_event (run, "consent", 0, "event", "consent");
  g_assert_true (json_object_get_boolean_member (consent, "available"));
  g_assert_null (find_event (run, "pass", 2, "event", "pass"));
  g_assert_null (find_event (run, "cookie", 0, "name", "stats_id"));
}

static void
test_cancel (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *deep = site_url (site, "/deep");
  g_autofree char *slow = site_url (site, "/slow");
  g_autoptr(ScanRun) run = NULL;
  JsonObject *end;

  /* SIGTERM while the never-ending page loads, with a minute left before its time limit. */
  run = run_scan_full ((const char *[]) { "--page-timeout", "60", "--settle", SETTLE, deep, slow,
                                          NULL }, NULL, 1);
  g_assert_cmpint (run->status, ==, 0);
  end = g_ptr_array_index (run->events, run->events->len - 1);
  g_assert_cmpstr (event_name (end), ==, "end");
  g_assert_cmpstr (json_object_get_string_member (end, "reason"), ==, "cancelled");
  g_assert_cmpint (json_object_get_int_member (end, "pages"), ==, 1);
  g_test_message ("end came %.2f s after SIGTERM, the exit %.2f s after it",
                  run->end_after_cancel, run->exit_after_cancel);
  g_assert_cmpfloat (run->end_after_cancel, <, 2.0 * slowdown);
  g_assert_cmpfloat (run->exit_after_cancel, <, 5.0 * slowdown);
}

static void
test_unresponsive_page (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *hang = site_url (site, "/hang");
  g_autofree char *deep = site_url (site, "/deep");
  g_autoptr(ScanRun) run = NULL;
  g_autofree char *paths = NULL;
  JsonObject *page;

  /* Its script never returns: the scanner's questions to the page are not answered, its web
   * process is ended, and the next page loads in a new one. */
  run = run_scan ((const char *[]) { "--pages", "2", "--page-timeout", PAGE_TIMEOUT,
                                     "--settle", SETTLE, hang, deep, NULL });
  paths = page_paths (run, site, 1);
  g_assert_cmpstr (paths, ==, "/hang /deep");
  page = find_event (run, "page", 1, "url", hang);
  g_assert_cmpint (json_object_get_int_member (page, "status"), ==, 200);
  g_assert_false (is_null (page, "error"));
  g_test_message ("unresponsive page: %s", json_object_get_string_member (page, "error"));
  g_assert_nonnull (find_event (run, "cookie", 1, "name", "hang_seen"));
  page = find_event (run, "page", 1, "url", deep);
  g_assert_cmpint (json_object_get_int_member (page, "status"), ==, 200);
  g_assert_true (is_null (page, "error"));
  g_assert_nonnull (find_event (run, "cookie", 1, "name", "deep_cookie"));
}

static void
test_urls_file (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScanRun) run = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *paths = NULL;
  g_autofree char *bad = NULL;
  JsonArray *urls;
  int fd;

  fd = g_file_open_tmp ("samtykke-scan-urls-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  text = g_strdup_printf ("# pages to start from\n\n  %sdeep  \n%sA/../a#part\n%sdeep\n",
                          site->site, site->site, site->site);
  g_assert_true (g_file_set_contents (path, text, -1, &error));

  run = run_scan ((const char *[]) { "--urls", path, "--pages", "2",
                                     "--page-timeout", PAGE_TIMEOUT, "--settle", SETTLE, NULL });
  urls = json_object_get_array_member (g_ptr_array_index (run->events, 0), "urls");
  g_assert_cmpuint (json_array_get_length (urls), ==, 2);
  paths = page_paths (run, site, 1);
  g_assert_cmpstr (paths, ==, "/deep /a");

  /* A line that is not an address: a usage error naming the file and line. */
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("%s\nftp://example.com/\n", site->site);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_clear_pointer (&run, scan_run_free);
  run = run_scan_full ((const char *[]) { "--urls", path, NULL }, NULL, 0);
  g_assert_cmpint (run->status, ==, 2);
  bad = g_strdup_printf ("%s:2:", path);
  g_assert_nonnull (strstr (run->err, bad));
  g_assert_cmpuint (run->lines->len, ==, 0);

  g_unlink (path);
}

static void
test_sitemap (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *sitemap = site_url (site, "/sitemap.xml");
  g_autofree char *index = site_url (site, "/sitemap-index.xml");
  g_autoptr(ScanRun) run = NULL;
  g_autoptr(JsonArray) log = NULL;
  g_autofree char *paths = NULL;
  JsonArray *site_hosts;

  /* By address: its pages on the site; the page of the other site is left out. */
  run = run_scan ((const char *[]) { "--sitemap", sitemap, "--pages", "3",
                                     "--page-timeout", PAGE_TIMEOUT, "--settle", SETTLE, NULL });
  paths = page_paths (run, site, 1);
  g_assert_cmpstr (paths, ==, "/ /a /deep");
  site_hosts = json_object_get_array_member (g_ptr_array_index (run->events, 0), "site");
  g_assert_cmpuint (json_array_get_length (site_hosts), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (site_hosts, 0), ==, "127.0.0.1");

  /* An index is followed one level, to the site's own sitemaps only. */
  g_clear_pointer (&run, scan_run_free);
  g_clear_pointer (&paths, g_free);
  run = run_scan ((const char *[]) { "--sitemap", index, "--pages", "2",
                                     "--page-timeout", PAGE_TIMEOUT, "--settle", SETTLE, NULL });
  paths = page_paths (run, site, 1);
  g_assert_cmpstr (paths, ==, "/deep /a?from=sitemap&x=1");

  log = site_log (site);
  g_assert_cmpuint (count_requests (log, "127.0.0.1", "/sitemap-pages.xml"), ==, 1);
  g_assert_cmpuint (count_requests (log, "127.0.0.3", NULL), ==, 0);
}

static void
test_sitemap_file (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScanRun) run = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *paths = NULL;
  g_autofree char *bad = NULL;
  int fd;

  fd = g_file_open_tmp ("samtykke-scan-sitemap-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                         "<url><loc>%sdeep</loc></url>\n"
                         "</urlset>\n", site->site);
  g_assert_true (g_file_set_contents (path, xml, -1, &error));

  run = run_scan ((const char *[]) { "--sitemap", path, "--pages", "2",
                                     "--page-timeout", PAGE_TIMEOUT, "--settle", SETTLE, NULL });
  /* The file's host is the site, and the crawl goes on from the listed page. */
  paths = page_paths (run, site, 1);
  g_assert_cmpstr (paths, ==, "/deep /");

  /* A file that is not a sitemap: a usage error with its line and column. */
  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<html>\n</html>\n", -1,
                                      &error));
  g_clear_pointer (&run, scan_run_free);
  run = run_scan_full ((const char *[]) { "--sitemap", path, NULL }, NULL, 0);
  g_assert_cmpint (run->status, ==, 2);
  bad = g_strdup_printf ("samtykke-scan: %s:[0-9]+:[0-9]+: .*<urlset>", path);
  g_assert_true (g_regex_match_simple (bad, run->err, 0, 0));

  g_unlink (path);
}

static void
test_no_display (void)
{
  g_auto(GStrv) environment = g_get_environ ();
  g_autoptr(ScanRun) run = NULL;

  environment = g_environ_unsetenv (environment, "DISPLAY");
  environment = g_environ_unsetenv (environment, "WAYLAND_DISPLAY");
  run = run_scan_full ((const char *[]) { "http://127.0.0.1:9/", NULL }, environment, 0);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpuint (run->lines->len, ==, 0);
  g_assert_nonnull (strstr (run->err, "display"));
}

static void
test_usage (void)
{
  const char * const *cases[] = {
    (const char *[]) { NULL },
    (const char *[]) { "--pages", "0", "http://127.0.0.1:9/", NULL },
    (const char *[]) { "--settle", "-1", "http://127.0.0.1:9/", NULL },
    (const char *[]) { "--page-timeout", "0", "http://127.0.0.1:9/", NULL },
    (const char *[]) { "--unknown", "http://127.0.0.1:9/", NULL },
    (const char *[]) { "ftp://127.0.0.1/", NULL },
    (const char *[]) { "--urls", "/nonexistent/urls.txt", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScanRun) run = run_scan_full (cases[i], NULL, 0);

      g_assert_cmpint (run->status, ==, 2);
      g_assert_cmpuint (run->lines->len, ==, 0);
      g_assert_true (g_str_has_prefix (run->err, "samtykke-scan: "));
    }
}

static void
test_odd_names (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *odd = site_url (site, "/odd");
  g_autoptr(ScanRun) run = NULL;
  g_autoptr(GPtrArray) cookies = NULL;
  g_autoptr(GPtrArray) storage = NULL;

  /* Every line has already been checked to be one UTF-8 JSON object. */
  run = run_scan ((const char *[]) { "--pages", "1", "--page-timeout", PAGE_TIMEOUT,
                                     "--settle", SETTLE, odd, NULL });

  g_assert_nonnull (find_event (run, "cookie", 1, "name", "q\"uote"));
  g_assert_nonnull (find_event (run, "cookie", 1, "name", "back\\slash"));
  g_assert_nonnull (find_event (run, "cookie", 1, "name", "js\"quote\\back"));
  /* The names with control characters and bytes that are not ASCII reach the cookie store
   * in whatever form WebKit gives them; they are reported too. */
  cookies = events_of (run, "cookie", 1);
  for (guint i = 0; i < cookies->len; i++)
    g_test_message ("cookie name: “%s”",
                    json_object_get_string_member (g_ptr_array_index (cookies, i), "name"));
  g_assert_cmpuint (cookies->len, >, 3);

  /* A lone UTF-16 surrogate has no UTF-8 form: it arrives as U+FFFD. */
  g_assert_nonnull (find_event (run, "storage", 1, "name",
                                "quote\" back\\slash\nline\001ctl \357\277\275lone \342\200\250sep"));
  g_assert_nonnull (find_event (run, "storage", 1, "name", "</script><b>"));
  storage = events_of (run, "storage", 1);
  g_assert_cmpuint (storage->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_snprintf (page_timeout, sizeof page_timeout, "%u", PAGE_SECONDS * slowdown);

  g_test_add_func ("/scan/usage", test_usage);
  g_test_add_func ("/scan/no-display", test_no_display);
  g_test_add_func ("/scan/plain/cookies", test_plain_cookies);
  g_test_add_func ("/scan/plain/storage-and-requests", test_plain_storage_and_requests);
  g_test_add_func ("/scan/plain/pages", test_plain_pages);
  g_test_add_func ("/scan/plain/failing-pages", test_plain_failing_pages);
  g_test_add_func ("/scan/plain/requests-made", test_plain_requests_made);
  g_test_add_func ("/scan/pages-limit", test_pages_limit);
  g_test_add_func ("/scan/consent", test_consent);
  g_test_add_func ("/scan/no-consent-pass", test_no_consent_pass);
  g_test_add_func ("/scan/cancel", test_cancel);
  g_test_add_func ("/scan/unresponsive-page", test_unresponsive_page);
  g_test_add_func ("/scan/urls-file", test_urls_file);
  g_test_add_func ("/scan/sitemap", test_sitemap);
  g_test_add_func ("/scan/sitemap-file", test_sitemap_file);
  g_test_add_func ("/scan/odd-names", test_odd_names);

  status = g_test_run ();

  g_test_message ("The scans took %.1f s in all", scan_seconds);
  g_clear_pointer (&plain_run, scan_run_free);
  g_clear_pointer (&plain_site, test_site_free);
  g_clear_pointer (&plain_log, json_array_unref);

  return status;
}
