/* stk-cli-audit.c — samtykke-cli audit and scan: what a site really sets, against its policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <unistd.h>

#include "stk-cli.h"

/* The policy being held against, for locating its declarations in findings. */
typedef struct
{
  const char *filename;
  const char *contents;
  gsize       length;
} PolicyText;

static const char *
kind_label (StkKind kind)
{
  switch (kind)
    {
    case STK_KIND_COOKIE:          return C_("storage kind", "cookie");
    case STK_KIND_LOCAL_STORAGE:   return C_("storage kind", "local storage");
    case STK_KIND_SESSION_STORAGE: return C_("storage kind", "session storage");
    case STK_KIND_INDEXEDDB:       return C_("storage kind", "IndexedDB");
    case STK_KIND_PIXEL:           return C_("storage kind", "pixel");
    default:                       return "?";
    }
}

/* Where a finding about @item points: the HAR entry that showed it when there is one (the
 * evidence), else its declaration in the policy, else the policy's list of providers (where an
 * undeclared item belongs). @line and @column are where stk_cli_locate_many() found that. */
static char *
place_of (StkAuditItem     *item,
          const PolicyText *policy,
          gboolean          evidence_first,
          int               line,
          int               column)
{
  if (evidence_first && stk_audit_item_get_file (item) != NULL)
    return g_strdup_printf ("%s:%d:%d", stk_audit_item_get_file (item),
                            stk_audit_item_get_line (item), stk_audit_item_get_column (item));

  return g_strdup_printf ("%s:%d:%d", policy->filename, line, column);
}

/* The severity words stay in English, as validate's do, for the tools that read them. */
static void
print_item (StkAuditItem     *item,
            const PolicyText *policy,
            int               line,
            int               column)
{
  const char *name = stk_audit_item_get_name (item);
  const char *kind = kind_label (stk_audit_item_get_kind (item));
  const char *domain = stk_audit_item_get_domain (item);
  const char *path = stk_audit_item_get_policy_path (item);
  const StkOcdEntry *suggestion = stk_audit_item_get_suggestion (item);
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;

  switch (stk_audit_item_get_status (item))
    {
    case STK_AUDIT_UNDECLARED:
      place = place_of (item, policy, TRUE, line, column);
      if (stk_audit_item_get_before_consent (item))
        /* Translators: “%s” (%s, %s): a cookie's name, what it is ("cookie"), its domain;
         * the last %s is the address of the page where it was first seen. */
        message = g_strdup_printf (_("“%s” (%s, %s) is not declared in the policy, and it is "
                                     "set before the visitor consents, first on %s"),
                                   name, kind, domain, stk_audit_item_get_first_seen (item));
      else
        message = g_strdup_printf (_("“%s” (%s, %s) is not declared in the policy; first "
                                     "seen on %s"),
                                   name, kind, domain, stk_audit_item_get_first_seen (item));
      g_print ("%s: error: %s\n", place, message);
      if (suggestion != NULL)
        {
          g_autofree char *note = NULL;
          const char *category = stk_audit_item_get_suggested_category (item);

          if (category != NULL)
            /* Translators: %s: a cookie's name; the platform that sets it ("Google
             * Analytics"); the category of the policy it would belong to. */
            note = g_strdup_printf (_("the Open Cookie Database suggests for “%s”: %s, in "
                                      "the category “%s”; confirm it before you add it"),
                                    name, suggestion->platform, category);
          else
            note = g_strdup_printf (_("the Open Cookie Database suggests for “%s”: %s (%s); "
                                      "confirm it before you add it"),
                                    name, suggestion->platform, suggestion->category_name);
          g_print ("%s: note: %s\n", place, note);
        }
      break;

    case STK_AUDIT_DECLARED:
      if (!stk_audit_item_get_before_consent (item))
        return;
      place = place_of (item, policy, TRUE, line, column);
      /* Translators: “%s” (%s, %s): a cookie's name, what it is, its domain; then its
       * category, and the address of the page where it was first seen. */
      message = g_strdup_printf (_("“%s” (%s, %s) of the category “%s” is set before the "
                                   "visitor consents, first on %s"),
                                 name, kind, domain, stk_audit_item_get_category (item),
                                 stk_audit_item_get_first_seen (item));
      g_print ("%s: error: %s [%s]\n", place, message, path);
      break;

    case STK_AUDIT_UNSEEN:
      place = place_of (item, policy, FALSE, line, column);
      /* Translators: “%s” (%s, %s): a declared cookie's name, what it is, its domain. */
      message = g_strdup_printf (_("“%s” (%s, %s) is declared but was not seen"),
                                 name, kind, *domain != '\0' ? domain : _("the site"));
      g_print ("%s: note: %s [%s]\n", place, message, path);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Prints @report for people or as JSON; returns the exit status. */
static int
print_report (StkAuditReport   *report,
              const PolicyText *policy,
              gboolean          as_json)
{
  GListModel *items = stk_audit_report_get_items (report);
  GPtrArray *warnings = stk_audit_report_get_warnings (report);
  gboolean clean = stk_audit_report_is_clean (report) && warnings->len == 0;
  g_autofree const char **paths = NULL;
  g_autofree int *lines = NULL;
  g_autofree int *columns = NULL;
  guint n;

  if (as_json)
    {
      g_autofree char *json = stk_audit_report_to_json (report);

      fputs (json, stdout);
      fflush (stdout);
      return clean ? EXIT_OK : EXIT_PROBLEMS;
    }

  for (guint i = 0; i < warnings->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (warnings, i));

  n = g_list_model_get_n_items (items);
  paths = g_new (const char *, MAX (n, 1));
  lines = g_new (int, MAX (n, 1));
  columns = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (items, i);
      const char *path = stk_audit_item_get_policy_path (item);

      /* The report holds the items, so their paths outlive this reference. */
      paths[i] = path != NULL ? path : "providers";
    }
  stk_cli_locate_many (policy->contents, policy->length, paths, n, lines, columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (items, i);

      print_item (item, policy, lines[i], columns[i]);
    }

  g_printerr (_("%u pages; %u declared, %u not declared, %u declared but not seen; %u set "
                "before consent\n"),
              stk_audit_report_get_pages (report)->len,
              stk_audit_report_count (report, STK_AUDIT_DECLARED),
              stk_audit_report_count (report, STK_AUDIT_UNDECLARED),
              stk_audit_report_count (report, STK_AUDIT_UNSEEN),
              stk_audit_report_count_before_consent (report));

  return clean ? EXIT_OK : EXIT_PROBLEMS;
}

/* audit */

int
stk_cli_run_audit (const StkCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  gboolean show_help = FALSE;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the report as one JSON document"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkAuditReport) report = NULL;
  g_autofree char *contents = NULL;
  PolicyText text;
  gsize length = 0;
  int status;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (argc < 3)
    return stk_cli_usage_error (command->name,
                                _("Name the policy file and at least one HAR file."));

  status = stk_cli_load_policy (argv[1], &policy, &contents, &length, NULL, NULL);
  if (status != EXIT_OK)
    return EXIT_USAGE;

  report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!stk_har_read (report, argv[i], &error))
        {
          const StkLocation *location = stk_error_get_location (error);

          if (location != NULL)
            g_printerr ("%s:%d:%d: error: %s\n", location->file, location->line,
                        location->column, location->message);
          else
            g_printerr ("%s: error: %s\n", argv[i], error->message);
          return EXIT_USAGE;
        }
    }
  stk_audit_report_finish (report);

  text = (PolicyText) { argv[1], contents, length };
  return print_report (report, &text, as_json);
}

/* scan */

typedef struct
{
  GMainLoop      *loop;
  StkAuditReport *report;
  GError         *error;
  gboolean        show_progress;
} ScanRun;

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ScanRun *run = user_data;

  run->report = stk_scanner_run_finish (STK_SCANNER (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
progress_cb (StkScanner *scanner,
             GParamSpec *pspec,
             ScanRun    *run)
{
  if (!run->show_progress)
    return;

  g_printerr ("\r");
  /* Translators: shown while a scan runs; %u pages done, %u items found so far. */
  g_printerr (_("Scanning: %u pages, %u cookies and storage keys found"),
              stk_scanner_get_pages_done (scanner), stk_scanner_get_items_found (scanner));
}

static gboolean
interrupted_cb (gpointer user_data)
{
  stk_scanner_stop (STK_SCANNER (user_data));
  return G_SOURCE_CONTINUE;
}

int
stk_cli_run_scan (const StkCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  gboolean show_help = FALSE;
  gboolean as_json = FALSE;
  int pages = 25;
  int page_timeout = 20;
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages,
      N_("Visit at most N pages in each pass (default 25)"), N_("N") },
    { "page-timeout", 0, 0, G_OPTION_ARG_INT, &page_timeout,
      N_("Give up a page after this many seconds (default 20)"), N_("SECONDS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the report as one JSON document"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkScanner) scanner = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *contents = NULL;
  ScanRun run = { 0 };
  PolicyText text;
  gsize length = 0;
  guint sigint, sigterm;
  int status;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (argc < 3)
    return stk_cli_usage_error (command->name,
                                _("Name the policy file and at least one address to start from."));
  if (pages < 1)
    return stk_cli_usage_error (command->name, _("--pages must be at least 1."));
  if (page_timeout < 1)
    return stk_cli_usage_error (command->name, _("--page-timeout must be at least 1."));

  for (int i = 2; i < argc; i++)
    {
      const char *scheme = g_uri_peek_scheme (argv[i]);

      if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a web address: start with http:// or https://"),
                             argv[i]);

          return stk_cli_usage_error (command->name, message);
        }
    }

  status = stk_cli_load_policy (argv[1], &policy, &contents, &length, NULL, NULL);
  if (status != EXIT_OK)
    return EXIT_USAGE;

  scanner = stk_scanner_new (policy);
  stk_scanner_set_max_pages (scanner, (guint) pages);
  stk_scanner_set_page_timeout (scanner, (guint) page_timeout);

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.show_progress = !as_json && isatty (STDERR_FILENO);
  g_signal_connect (scanner, "notify::pages-done", G_CALLBACK (progress_cb), &run);
  g_signal_connect (scanner, "notify::items-found", G_CALLBACK (progress_cb), &run);
  /* Ctrl+C stops the crawl and still reports what it found. */
  sigint = g_unix_signal_add (SIGINT, interrupted_cb, scanner);
  sigterm = g_unix_signal_add (SIGTERM, interrupted_cb, scanner);

  stk_scanner_run_async (scanner, (const char * const *) argv + 2, NULL, scan_done_cb, &run);
  g_main_loop_run (loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (run.show_progress)
    g_printerr ("\n");

  if (run.report == NULL)
    {
      g_printerr ("samtykke-cli %s: %s\n", command->name, run.error->message);
      g_error_free (run.error);
      return EXIT_USAGE;
    }

  text = (PolicyText) { argv[1], contents, length };
  status = print_report (run.report, &text, as_json);
  g_object_unref (run.report);

  return status;
}
