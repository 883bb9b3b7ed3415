/* main.c — samtykke-scan: visits a website in WebKitGTK and reports the cookies, storage and
 * third-party requests it sets, before and after consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <signal.h>

#include "stk-scan-crawler.h"
#include "stk-scan-output.h"
#include "stk-scan-sources.h"

/* Limits that keep a mistyped option from meaning "forever". */
#define MAX_PAGES        100000
#define MAX_PAGE_TIMEOUT 3600
#define MAX_SETTLE       600000

typedef struct
{
  GMainLoop      *loop;
  StkScanOptions  options;
  StkScanSources *sources;
  StkScanCrawler *crawler;
  GCancellable   *cancellable;   /* fetching the sitemaps */
  int             exit_status;
} Scan;

static int
usage_error (const char *message)
{
  g_printerr ("samtykke-scan: %s\n", message);
  g_printerr (_("Run “samtykke-scan --help” for help.\n"));

  return STK_SCAN_EXIT_USAGE;
}

static void
crawler_finished_cb (StkScanCrawler *crawler,
                     Scan           *scan)
{
  scan->exit_status = stk_scan_crawler_get_exit_status (crawler);
  g_main_loop_quit (scan->loop);
}

static void
sources_resolved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Scan *scan = user_data;
  g_autoptr(GError) error = NULL;

  if (!stk_scan_sources_resolve_finish (STK_SCAN_SOURCES (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr ("samtykke-scan: %s\n", error->message);
          stk_scan_emit_error (error->message);
          scan->exit_status = STK_SCAN_EXIT_FAILED;
        }
      g_main_loop_quit (scan->loop);
      return;
    }

  scan->crawler = stk_scan_crawler_new (&scan->options, stk_scan_sources_get_urls (scan->sources),
                                        stk_scan_sources_get_site_hosts (scan->sources));
  g_signal_connect (scan->crawler, "finished", G_CALLBACK (crawler_finished_cb), scan);
  stk_scan_crawler_start (scan->crawler);
}

/* SIGTERM and SIGINT are the reader's Cancel: the scan stops, says so, and exits with 0. */
static gboolean
cancel_cb (gpointer user_data)
{
  Scan *scan = user_data;

  if (scan->crawler != NULL)
    {
      stk_scan_crawler_cancel (scan->crawler);
    }
  else if (!g_cancellable_is_cancelled (scan->cancellable))
    {
      g_cancellable_cancel (scan->cancellable);
      stk_scan_emit_end (TRUE, 0);
      scan->exit_status = STK_SCAN_EXIT_OK;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
read_options (Scan   *scan,
              int    *argc,
              char ***argv,
              int    *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *urls_file = NULL;
  g_autofree char *sitemap = NULL;
  gboolean no_consent_pass = FALSE;
  gboolean version = FALSE;
  int pages = 25;
  int page_timeout = 20;
  int settle = 1000;
  const GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages,
      N_("Visit at most N pages in each pass (25)"), N_("N") },
    { "page-timeout", 0, 0, G_OPTION_ARG_INT, &page_timeout,
      N_("Give up a page that has not loaded after S seconds (20)"), N_("S") },
    { "urls", 0, 0, G_OPTION_ARG_FILENAME, &urls_file,
      N_("Read start addresses from FILE, one a line"), N_("FILE") },
    { "sitemap", 0, 0, G_OPTION_ARG_STRING, &sitemap,
      N_("Read the pages to visit from a sitemap.xml, by address or file"), N_("URL|FILE") },
    { "no-consent-pass", 0, 0, G_OPTION_ARG_NONE, &no_consent_pass,
      N_("Do not visit the pages again after giving consent"), NULL },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle,
      N_("After a page has loaded, wait MS milliseconds for its scripts (1000)"), N_("MS") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  /* Translators: the arguments of samtykke-scan, shown in its usage line. */
  context = g_option_context_new (_("URL…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Visit a website the way a visitor’s browser does and report "
                                  "the cookies, storage keys and third-party requests it sets, "
                                  "before and after consent."));
  g_option_context_set_description (context,
                                    _("The report is one JSON object a line on standard output; "
                                      "docs/scan.md describes it.\n"
                                      "\n"
                                      "Exit status: 0 when the scan ran to its end or was "
                                      "cancelled, 1 on a failure during the scan, 2 on bad usage "
                                      "or when WebKitGTK cannot start (no display)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = usage_error (error->message);
      return FALSE;
    }

  if (version)
    {
      g_print ("samtykke-scan %s\n", PACKAGE_VERSION);
      *exit_status = STK_SCAN_EXIT_OK;
      return FALSE;
    }

  if (pages < 1 || pages > MAX_PAGES)
    {
      *exit_status = usage_error (_("--pages must be a number from 1 to 100000"));
      return FALSE;
    }
  if (page_timeout < 1 || page_timeout > MAX_PAGE_TIMEOUT)
    {
      *exit_status = usage_error (_("--page-timeout must be a number of seconds from 1 to 3600"));
      return FALSE;
    }
  if (settle < 0 || settle > MAX_SETTLE)
    {
      *exit_status = usage_error (_("--settle must be a number of milliseconds from 0 to 600000"));
      return FALSE;
    }

  scan->options.pages = pages;
  scan->options.page_timeout = page_timeout;
  scan->options.settle = settle;
  scan->options.consent_pass = !no_consent_pass;

  for (int i = 1; i < *argc; i++)
    if (!stk_scan_sources_add_url (scan->sources, (*argv)[i], &error))
      {
        *exit_status = usage_error (error->message);
        return FALSE;
      }

  if ((urls_file != NULL && !stk_scan_sources_read_url_file (scan->sources, urls_file, &error))
      || (sitemap != NULL && !stk_scan_sources_set_sitemap (scan->sources, sitemap, &error)))
    {
      *exit_status = usage_error (error->message);
      return FALSE;
    }

  if (stk_scan_sources_is_empty (scan->sources))
    {
      *exit_status = usage_error (_("No address to scan: give a URL, --urls or --sitemap"));
      return FALSE;
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  const char *textdomaindir = g_getenv ("TEXTDOMAINDIR");
  Scan scan = { 0 };
  int exit_status = STK_SCAN_EXIT_OK;

  setlocale (LC_ALL, "");
  /* TEXTDOMAINDIR lets the tests use the catalogues of the build folder. */
  bindtextdomain (GETTEXT_PACKAGE,
                  textdomaindir != NULL && textdomaindir[0] != '\0' ? textdomaindir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("samtykke-scan");

  scan.sources = stk_scan_sources_new ();
  if (!read_options (&scan, &argc, &argv, &exit_status))
    {
      g_object_unref (scan.sources);
      return exit_status;
    }

  /* The pages are strangers' code: WebKit's sandbox stays on, whatever the environment says. */
  g_unsetenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS");

  /* WebKitGTK draws with GTK even when nothing is shown, and GTK needs a display. */
  if (!gtk_init_check ())
    {
      g_printerr ("samtykke-scan: %s\n",
                  _("No display: WebKitGTK needs a graphical session (Wayland or X11), even "
                    "though the scan shows no window"));
      g_object_unref (scan.sources);
      return STK_SCAN_EXIT_CANNOT_START;
    }

  /* A reader that has gone away is noticed when a line cannot be written, not by a signal. */
  signal (SIGPIPE, SIG_IGN);

  scan.loop = g_main_loop_new (NULL, FALSE);
  scan.cancellable = g_cancellable_new ();
  scan.exit_status = STK_SCAN_EXIT_OK;
  g_unix_signal_add (SIGTERM, cancel_cb, &scan);
  g_unix_signal_add (SIGINT, cancel_cb, &scan);

  stk_scan_sources_resolve_async (scan.sources, scan.options.page_timeout, scan.cancellable,
                                  sources_resolved_cb, &scan);
  g_main_loop_run (scan.loop);

  if (scan.crawler != NULL)
    {
      stk_scan_crawler_shut_down (scan.crawler);
      g_clear_object (&scan.crawler);
    }
  g_clear_object (&scan.sources);
  g_clear_object (&scan.cancellable);
  g_main_loop_unref (scan.loop);

  return scan.exit_status;
}
