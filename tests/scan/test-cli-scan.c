/* test-cli-scan.c — samtykke-cli scan against the test site: the scanner run as a child,
 * its findings held against the site's policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "scan-harness.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static char *
site_policy (void)
{
  return g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "tests", "scan",
                           "site-policy.json", NULL);
}

static gboolean
interrupt_cb (gpointer data)
{
  g_subprocess_send_signal (G_SUBPROCESS (data), SIGINT);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer data)
{
  g_subprocess_force_exit (G_SUBPROCESS (data));
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GMainLoop *loop;
  CliRun    *run;
} Waiting;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiting *waiting = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &waiting->run->out,
                                        &waiting->run->err, &error);
  g_assert_no_error (error);
  g_main_loop_quit (waiting->loop);
}

/* Runs samtykke-cli with @args; with @interrupt_after > 0, sends it SIGINT after that many
 * seconds. Every run is bounded: it is killed after SCAN_TIMEOUT. */
static void
run_cli (CliRun             *run,
         const char * const *args,
         guint               interrupt_after)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Waiting waiting = { loop, run };
  guint give_up, interrupt = 0;

  g_ptr_array_add (argv, (char *) SAMTYKKE_CLI);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  give_up = g_timeout_add_seconds (SCAN_TIMEOUT * SCAN_SLOWDOWN, give_up_cb, process);
  if (interrupt_after > 0)
    interrupt = g_timeout_add_seconds (interrupt_after, interrupt_cb, process);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &waiting);
  g_main_loop_run (loop);
  g_subprocess_wait (process, NULL, NULL);

  g_source_remove (give_up);
  if (interrupt != 0 && g_main_context_find_source_by_id (NULL, interrupt) != NULL)
    g_source_remove (interrupt);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("samtykke-cli -> %d\nstdout: %s\nstderr: %s", run->status, run->out,
                  run->err);
}

static JsonObject *
item_named (JsonArray  *items,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "name"), name))
        return item;
    }

  return NULL;
}

/* The pages that run the banner set only declared cookies, and the statistics cookie only
 * after consent: the site is clean. */
static void
test_clean_site (void)
{
  g_autoptr(TestSite) site = test_site_start (TRUE);
  g_autofree char *start = site_url (site, "/consent/");
  g_autofree char *policy = site_policy ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *root, *item;
  JsonArray *items;

  run_cli (&run, (const char * const []) { "scan", "--json", "--pages", "2",
                                            "--page-timeout", "10", policy, start, NULL }, 0);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "clean"));
  items = json_object_get_array_member (root, "items");

  item = item_named (items, "shop_cart");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "declared");
  g_assert_false (json_object_get_boolean_member (item, "before_consent"));

  /* Set only after consent, in the scanner's second pass. */
  item = item_named (items, "stats_id");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "declared");
  g_assert_false (json_object_get_boolean_member (item, "before_consent"));
}

/* The site's other pages set cookies the policy does not declare, before any consent. */
static void
test_findings (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *policy = site_policy ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *root, *item;
  JsonArray *items;

  run_cli (&run, (const char * const []) { "scan", "--json", "--pages", "2",
                                            "--page-timeout", "5", policy, site->site, NULL },
           0);
  g_assert_cmpint (run.status, ==, 1);

  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "clean"));
  items = json_object_get_array_member (root, "items");

  item = item_named (items, "site_session");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "undeclared");
  g_assert_true (json_object_get_boolean_member (item, "before_consent"));
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "cookie");

  /* A third party's cookie, from the iframe on 127.0.0.2. */
  item = item_named (items, "tp_id");
  g_assert_nonnull (item);
  g_assert_true (json_object_get_boolean_member (item, "third_party"));
  g_assert_cmpstr (json_object_get_string_member (item, "domain"), ==, "127.0.0.2");

  item = item_named (items, "ls_visits");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "local_storage");

  /* Declared, and never set by these pages. */
  item = item_named (items, "shop_cart");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "unseen");

  /* The same for people: compiler-style lines pointing into the policy. */
  cli_run_clear (&run);
  run_cli (&run, (const char * const []) { "scan", "--pages", "2", "--page-timeout", "5",
                                            policy, site->site, NULL }, 0);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "site-policy.json:"));
  g_assert_nonnull (strstr (run.out, ": error: “site_session” (cookie, 127.0.0.1) is not "
                                     "declared in the policy, and it is set before the "
                                     "visitor consents"));
}

/* Ctrl+C stops the scan (the page that never finishes would hold it for a minute) and the
 * findings so far are still reported. */
static void
test_interrupt (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autofree char *start = site_url (site, "/slow");
  g_autofree char *policy = site_policy ();
  g_auto(CliRun) run = { 0 };
  gint64 began = g_get_monotonic_time ();

  run_cli (&run, (const char * const []) { "scan", "--pages", "3", "--page-timeout", "60",
                                            policy, start, site->site, NULL }, 4);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint ((g_get_monotonic_time () - began) / G_USEC_PER_SEC, <, 45);
  g_assert_nonnull (strstr (run.out, "The scan was stopped before it finished"));
}

/* No display: the scanner cannot run, and the CLI says so with exit 2. */
static void
test_no_display (void)
{
  g_autofree char *policy = site_policy ();
  g_auto(CliRun) run = { 0 };
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  run_cli (&run, (const char * const []) { "scan", policy, "http://127.0.0.1:9/", NULL }, 0);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "samtykke-cli scan: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-scan/clean-site", test_clean_site);
  g_test_add_func ("/cli-scan/findings", test_findings);
  g_test_add_func ("/cli-scan/interrupt", test_interrupt);
  g_test_add_func ("/cli-scan/no-display", test_no_display);

  return g_test_run ();
}
