/* test-scan.c — samtykke-scan as its readers run it, against the test site on the loopback:
 * what each pass finds, the limits, failing pages, cancelling, the address sources, the output
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan-harness.h"

/* The scanner's own limits in these tests: a page gets 5 seconds (times the slowdown), its
 * scripts 500 ms, or a second where a script waits for the consent. */
#define PAGE_SECONDS   5
#define SETTLE         "500"
#define CONSENT_SETTLE "1000"

static const guint slowdown = SCAN_SLOWDOWN;
static char page_timeout[16];
#define PAGE_TIMEOUT page_timeout

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
  g_assert_cmpstr (paths, ==, "/ /a /redirect-loop /missing /slow /deep /tricks /download");
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
  g_assert_cmpuint (progress->len, ==, 8);
  for (guint i = 0; i < progress->len; i++)
    {
      g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (progress, i), "done"), ==,
                       i + 1);
      g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (progress, i), "limit"), ==,
                       25);
    }
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (progress, 7), "queued"), ==, 0);

  consent = find_event (plain_run, "consent", 0, "event", "consent");
  g_assert_false (json_object_get_boolean_member (consent, "available"));
  g_assert_null (find_event (plain_run, "pass", 2, "event", "pass"));
  end = g_ptr_array_index (plain_run->events, plain_run->events->len - 1);
  g_assert_cmpstr (json_object_get_string_member (end, "reason"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (end, "pages"), ==, 8);
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

  /* A file is not downloaded. */
  page = plain_page ("/download");
  g_assert_true (is_null (page, "final_url"));
  g_assert_nonnull (strstr (json_object_get_string_member (page, "error"), "not a web page"));
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

/* The banner installed as cached assets has no policy block: the categories come from the
 * policy.json it loads. */
static void
test_consent_with_assets (void)
{
  g_autoptr(TestSite) site = test_site_start (TRUE);
  g_autofree char *page = site_url (site, "/consent/assets");
  g_autoptr(ScanRun) run = NULL;
  g_autofree char *names = NULL;
  JsonObject *consent;
  JsonArray *categories;

  run = run_scan ((const char *[]) { "--pages", "1", "--page-timeout", PAGE_TIMEOUT,
                                     "--settle", CONSENT_SETTLE, page, NULL });
  consent = find_event (run, "consent", 0, "event", "consent");
  g_assert_true (json_object_get_boolean_member (consent, "available"));
  categories = json_object_get_array_member (consent, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (categories, 0), ==, "necessary");
  g_assert_cmpstr (json_array_get_string_element (categories, 1), ==, "statistical");
  names = members_of (run, "cookie", 2, "name");
  g_assert_cmpstr (names, ==, "samtykke_test stats_id tp_stats");
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
                                          NULL }, NULL, 1, NULL, NULL);
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

/* A field of /proc/PID/status, or NULL. */
static char *
proc_field (int         pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = strlen (field);

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return NULL;

  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, length) == 0 && lines[i][length] == ':')
      return g_strstrip (g_strdup (lines[i] + length + 1));

  return NULL;
}

typedef struct
{
  guint n_web;        /* web processes of the scanner */
  guint n_sandboxed;  /* of them, inside bubblewrap with a seccomp filter */
} Sandbox;

static void
count_web_processes (GSubprocess *process,
                     gpointer     data)
{
  Sandbox *sandbox = data;
  int scanner = atoi (g_subprocess_get_identifier (process));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *entry;

  while (proc != NULL && (entry = g_dir_read_name (proc)) != NULL)
    {
      int pid = atoi (entry);
      g_autofree char *name = pid > 0 ? proc_field (pid, "Name") : NULL;
      g_autofree char *seccomp = NULL;
      gboolean in_bwrap = FALSE;
      int ancestor = pid;

      if (name == NULL || !g_str_has_prefix (name, "WebKitWebProces"))
        continue;

      seccomp = proc_field (pid, "Seccomp");
      for (guint depth = 0; depth < 8 && ancestor > 1; depth++)
        {
          g_autofree char *ancestor_name = proc_field (ancestor, "Name");
          g_autofree char *parent = proc_field (ancestor, "PPid");

          if (g_strcmp0 (ancestor_name, "bwrap") == 0)
            in_bwrap = TRUE;
          if (ancestor == scanner)
            {
              sandbox->n_web++;
              if (in_bwrap && g_strcmp0 (seccomp, "2") == 0)
                sandbox->n_sandboxed++;
              break;
            }
          ancestor = parent != NULL ? atoi (parent) : 0;
        }
    }
}

static void
test_sandboxed (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *deep = site_url (site, "/deep");
  g_autofree char *slow = site_url (site, "/slow");
  g_autoptr(ScanRun) run = NULL;
  Sandbox sandbox = { 0, 0 };

  /* While the second page loads, the scanner's web processes are counted; then it is
   * cancelled. */
  run = run_scan_full ((const char *[]) { "--page-timeout", "60", "--settle", SETTLE, deep, slow,
                                          NULL }, NULL, 1, count_web_processes, &sandbox);
  g_assert_cmpint (run->status, ==, 0);
  g_test_message ("%u web processes, %u of them sandboxed", sandbox.n_web, sandbox.n_sandboxed);
  g_assert_cmpuint (sandbox.n_web, >, 0);
  g_assert_cmpuint (sandbox.n_sandboxed, ==, sandbox.n_web);
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
  run = run_scan_full ((const char *[]) { "--urls", path, NULL }, NULL, 0, NULL, NULL);
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
  run = run_scan_full ((const char *[]) { "--sitemap", path, NULL }, NULL, 0, NULL, NULL);
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
  run = run_scan_full ((const char *[]) { "http://127.0.0.1:9/", NULL }, environment, 0, NULL,
                       NULL);
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
      g_autoptr(ScanRun) run = run_scan_full (cases[i], NULL, 0, NULL, NULL);

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
                                "quote\" back\\slash\nline\001ctl "
                                "\357\277\275lone \342\200\250sep"));
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
  g_test_add_func ("/scan/consent-with-assets", test_consent_with_assets);
  g_test_add_func ("/scan/no-consent-pass", test_no_consent_pass);
  g_test_add_func ("/scan/cancel", test_cancel);
  g_test_add_func ("/scan/sandboxed", test_sandboxed);
  g_test_add_func ("/scan/unresponsive-page", test_unresponsive_page);
  g_test_add_func ("/scan/urls-file", test_urls_file);
  g_test_add_func ("/scan/sitemap", test_sitemap);
  g_test_add_func ("/scan/sitemap-file", test_sitemap_file);
  g_test_add_func ("/scan/odd-names", test_odd_names);

  status = g_test_run ();

  g_test_message ("The scans took %.1f s in all", scan_seconds ());
  g_clear_pointer (&plain_run, scan_run_free);
  g_clear_pointer (&plain_site, test_site_free);
  g_clear_pointer (&plain_log, json_array_unref);

  return status;
}
