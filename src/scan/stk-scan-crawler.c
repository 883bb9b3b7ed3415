/* stk-scan-crawler.c — the two passes of a scan: visits the site's pages and reports what
 * each one sets
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "stk-scan-crawler.h"
#include "stk-scan-output.h"
#include "stk-scan-url.h"
#include "stk-scan-view.h"
#include "stk-scan-visit.h"

/* A page's web process that has crashed before any page could be shown, this many times in a
 * row, means the engine cannot run here at all. */
#define MAX_CRASHES_AT_START 3

/* How long the scanner waits, when it shuts down, for the engine to answer what it asked. */
#define SHUT_DOWN_WAIT_USEC (5 * G_USEC_PER_SEC)

struct _StkScanCrawler
{
  GObject               parent_instance;

  /* owned */
  StkScanOptions        options;
  GPtrArray            *start_urls;
  GPtrArray            *site_hosts;
  WebKitNetworkSession *session;
  WebKitWebView        *web_view;
  StkScanVisit         *visit;        /* of the page being visited, or just finished */
  GQueue               *queue;        /* addresses still to visit in this pass */
  GHashTable           *known;        /* canonical addresses queued or visited in pass 1 */
  GPtrArray            *visited;      /* the addresses visited in pass 1, in order */
  GHashTable           *reported;     /* what has been reported, in either pass */
  GPtrArray            *categories;   /* of the banner's policy */
  char                 *banner_url;   /* the first page of pass 1 that runs the banner */
  guint                 next_id;      /* idle source that starts the next page */

  guint                 pass;
  guint                 done;         /* pages finished in this pass */
  guint                 total;        /* pages finished in both passes */
  guint                 crashes_at_start;
  gboolean              any_committed;
  gboolean              finished;
  int                   exit_status;
};

G_DEFINE_FINAL_TYPE (StkScanCrawler, stk_scan_crawler, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_next_page (StkScanCrawler *self);

static void
drop_visit (StkScanCrawler *self)
{
  if (self->visit != NULL)
    g_signal_handlers_disconnect_by_data (self->visit, self);
  g_clear_object (&self->visit);
}

static void
finish (StkScanCrawler *self,
        int             exit_status)
{
  if (self->finished)
    return;

  self->finished = TRUE;
  self->exit_status = exit_status;
  g_clear_handle_id (&self->next_id, g_source_remove);
  drop_visit (self);
  if (self->web_view != NULL)
    webkit_web_view_stop_loading (self->web_view);

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
fail (StkScanCrawler *self,
      const char     *message,
      int             exit_status)
{
  if (self->finished)
    return;

  g_printerr ("samtykke-scan: %s\n", message);
  stk_scan_emit_error (message);
  finish (self, exit_status);
}

/* Reports @key once over both passes: pass 2 reports only what pass 1 did not see. */
static gboolean
is_new (StkScanCrawler *self,
        char           *key)
{
  return g_hash_table_add (self->reported, key);
}

static void
report_cookies (StkScanCrawler *self,
                StkScanVisit   *visit)
{
  const char *site = stk_scan_visit_get_site (visit);

  for (GList *l = stk_scan_visit_get_cookies (visit); l != NULL; l = l->next)
    {
      SoupCookie *cookie = l->data;
      const char *domain = soup_cookie_get_domain (cookie);

      if (is_new (self, g_strdup_printf ("cookie\n%s\n%s\n%s", soup_cookie_get_name (cookie),
                                         domain, soup_cookie_get_path (cookie))))
        stk_scan_emit_cookie (self->pass, cookie, !stk_scan_domain_is_in_site (domain, site),
                              stk_scan_visit_get_url (visit));
    }
}

static void
report_storage (StkScanCrawler     *self,
                StkScanVisit       *visit,
                StkScanStorageKind  kind,
                GPtrArray          *keys)
{
  const char *origin = stk_scan_visit_get_data (visit)->origin;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = g_ptr_array_index (keys, i);

      if (is_new (self, g_strdup_printf ("storage\n%d\n%s\n%s", kind, origin, name)))
        stk_scan_emit_storage (self->pass, kind, name, origin, stk_scan_visit_get_url (visit));
    }
}

static void
report_page (StkScanCrawler *self,
             StkScanVisit   *visit)
{
  StkScanPageData *data = stk_scan_visit_get_data (visit);
  GPtrArray *hosts = stk_scan_visit_get_request_hosts (visit);
  guint remaining = self->options.pages - self->done;

  stk_scan_emit_page (self->pass, stk_scan_visit_get_url (visit),
                      stk_scan_visit_get_final_url (visit), stk_scan_visit_get_status (visit),
                      stk_scan_visit_get_error (visit), self->done);
  report_cookies (self, visit);
  if (data != NULL)
    {
      report_storage (self, visit, STK_SCAN_STORAGE_LOCAL, data->local_keys);
      report_storage (self, visit, STK_SCAN_STORAGE_SESSION, data->session_keys);
    }
  for (guint i = 0; i < hosts->len; i++)
    {
      const char *host = g_ptr_array_index (hosts, i);

      if (is_new (self, g_strdup_printf ("request\n%s", host)))
        stk_scan_emit_request (self->pass, host, stk_scan_visit_get_url (visit));
    }
  stk_scan_emit_progress (self->pass, self->done, MIN (g_queue_get_length (self->queue), remaining),
                          self->options.pages);
}

/* A start address that redirects to another host of its registrable domain (www.kk.dk to
 * kk.dk, say) brings that host into the site: its links are the site's links. */
static void
widen_site (StkScanCrawler *self,
            StkScanVisit   *visit,
            const char     *final_url)
{
  const char *url = stk_scan_visit_get_url (visit);
  g_autofree char *host = stk_scan_url_host (final_url);
  g_autofree char *start_host = stk_scan_url_host (url);
  g_autofree char *start_site = NULL;

  if (host == NULL || start_host == NULL || stk_scan_host_is_on_site (host, self->site_hosts)
      || !g_ptr_array_find_with_equal_func (self->start_urls, url, g_str_equal, NULL))
    return;

  start_site = stk_scan_host_site (start_host);
  if (!stk_scan_domain_is_in_site (host, start_site))
    return;

  g_ptr_array_add (self->site_hosts, g_steal_pointer (&host));
}

/* Pass 1 follows the page's links to the site's other pages, breadth first; it also notes
 * where the page ended, so that a page reached by a redirect is not visited again. */
static void
learn_from (StkScanCrawler *self,
            StkScanVisit   *visit)
{
  StkScanPageData *data = stk_scan_visit_get_data (visit);
  g_autofree char *final_url = stk_scan_url_canonical (stk_scan_visit_get_final_url (visit));

  if (self->pass != 1)
    return;

  g_ptr_array_add (self->visited, g_strdup (stk_scan_visit_get_url (visit)));
  if (final_url != NULL)
    {
      widen_site (self, visit, final_url);
      g_hash_table_add (self->known, g_steal_pointer (&final_url));
    }

  if (stk_scan_visit_get_has_banner (visit) && self->banner_url == NULL)
    {
      self->banner_url = g_strdup (stk_scan_visit_get_url (visit));
      if (data != NULL && data->categories != NULL)
        self->categories = g_ptr_array_ref (data->categories);
    }

  if (data == NULL)
    return;

  for (guint i = 0; i < data->links->len; i++)
    {
      g_autofree char *url = stk_scan_url_canonical (g_ptr_array_index (data->links, i));
      g_autofree char *host = url != NULL ? stk_scan_url_host (url) : NULL;

      if (url == NULL || !stk_scan_host_is_on_site (host, self->site_hosts)
          || g_hash_table_contains (self->known, url))
        continue;

      g_hash_table_add (self->known, g_strdup (url));
      g_queue_push_tail (self->queue, g_steal_pointer (&url));
    }
}

/* Reports the visit that has just finished and starts the next one. */
static gboolean
visit_done_cb (gpointer user_data)
{
  StkScanCrawler *self = user_data;
  StkScanVisit *visit = self->visit;

  self->next_id = 0;

  if (stk_scan_visit_get_committed (visit))
    self->any_committed = TRUE;
  else if (stk_scan_visit_get_crashed (visit) && !self->any_committed
           && ++self->crashes_at_start >= MAX_CRASHES_AT_START)
    {
      fail (self, _("WebKitGTK cannot start its web process"), STK_SCAN_EXIT_CANNOT_START);
      return G_SOURCE_REMOVE;
    }

  self->done++;
  self->total++;
  learn_from (self, visit);
  report_page (self, visit);
  drop_visit (self);

  if (stk_scan_output_failed ())
    finish (self, STK_SCAN_EXIT_FAILED);
  else
    start_next_page (self);

  return G_SOURCE_REMOVE;
}

/* The rest happens from the main loop: the visit may be inside one of the engine's signals,
 * and the crawler's allocations stay off the engine's call stacks, which leak checkers are
 * told to leave alone. */
static void
visit_finished_cb (StkScanVisit   *visit,
                   StkScanCrawler *self)
{
  self->next_id = g_idle_add (visit_done_cb, self);
}

static void
end_scan (StkScanCrawler *self)
{
  stk_scan_emit_end (FALSE, self->total);
  finish (self, stk_scan_output_failed () ? STK_SCAN_EXIT_FAILED : STK_SCAN_EXIT_OK);
}

static void
start_pass (StkScanCrawler *self,
            guint           pass)
{
  self->pass = pass;
  self->done = 0;
  stk_scan_emit_pass (pass, pass == 2 ? self->categories : NULL);
}

/* Pass 2 visits the pages of pass 1 again, the page with the banner first: it gives the
 * consent there, and every later page is visited with it. */
static void
start_consent_pass (StkScanCrawler *self)
{
  g_queue_clear_full (self->queue, g_free);
  g_queue_push_tail (self->queue, g_strdup (self->banner_url));
  for (guint i = 0; i < self->visited->len; i++)
    {
      const char *url = g_ptr_array_index (self->visited, i);

      if (!g_str_equal (url, self->banner_url))
        g_queue_push_tail (self->queue, g_strdup (url));
    }

  start_pass (self, 2);
}

static void
start_next_page (StkScanCrawler *self)
{
  g_autofree char *url = NULL;
  StkScanVisitFlags flags;

  if (self->finished)
    return;

  if (self->done >= self->options.pages || g_queue_is_empty (self->queue))
    {
      gboolean available = self->banner_url != NULL;

      if (self->pass == 2 || !available || !self->options.consent_pass)
        {
          if (self->pass == 1)
            stk_scan_emit_consent (available, self->categories);
          end_scan (self);
          return;
        }

      /* A banner whose policy could not be read is given consent to its required
       * categories only. */
      if (self->categories == NULL)
        self->categories = g_ptr_array_new_with_free_func (g_free);
      stk_scan_emit_consent (TRUE, self->categories);
      start_consent_pass (self);
    }

  url = g_queue_pop_head (self->queue);
  if (self->pass == 1)
    flags = self->banner_url == NULL ? STK_SCAN_VISIT_FIND_BANNER : STK_SCAN_VISIT_NONE;
  else
    flags = self->done == 0 ? STK_SCAN_VISIT_GIVE_CONSENT : STK_SCAN_VISIT_NONE;

  self->visit = stk_scan_visit_new (self->web_view, url, self->site_hosts,
                                    self->options.page_timeout, self->options.settle, flags,
                                    self->categories);
  g_signal_connect (self->visit, "finished", G_CALLBACK (visit_finished_cb), self);
  stk_scan_visit_start (self->visit);
}

static void
stk_scan_crawler_dispose (GObject *object)
{
  StkScanCrawler *self = STK_SCAN_CRAWLER (object);

  g_clear_handle_id (&self->next_id, g_source_remove);
  drop_visit (self);
  g_clear_object (&self->web_view);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (stk_scan_crawler_parent_class)->dispose (object);
}

static void
stk_scan_crawler_finalize (GObject *object)
{
  StkScanCrawler *self = STK_SCAN_CRAWLER (object);

  g_clear_pointer (&self->start_urls, g_ptr_array_unref);
  g_clear_pointer (&self->site_hosts, g_ptr_array_unref);
  g_queue_free_full (self->queue, g_free);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->visited, g_ptr_array_unref);
  g_clear_pointer (&self->reported, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->banner_url, g_free);

  G_OBJECT_CLASS (stk_scan_crawler_parent_class)->finalize (object);
}

static void
stk_scan_crawler_class_init (StkScanCrawlerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_scan_crawler_dispose;
  object_class->finalize = stk_scan_crawler_finalize;

  /**
   * StkScanCrawler::finished:
   *
   * The scan has ended: done, cancelled or failed (see
   * stk_scan_crawler_get_exit_status()). Nothing more is written after it.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stk_scan_crawler_init (StkScanCrawler *self)
{
  self->queue = g_queue_new ();
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->visited = g_ptr_array_new_with_free_func (g_free);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * stk_scan_crawler_new:
 * @options: the limits of the scan
 * @urls: (element-type utf8): canonical start addresses, at least one
 * @site_hosts: (element-type utf8): the hosts whose pages (and their subdomains') are visited
 *
 * Returns: (transfer full): a new crawler; stk_scan_crawler_start() starts it
 */
StkScanCrawler *
stk_scan_crawler_new (const StkScanOptions *options,
                      GPtrArray            *urls,
                      GPtrArray            *site_hosts)
{
  StkScanCrawler *self = g_object_new (STK_TYPE_SCAN_CRAWLER, NULL);

  g_return_val_if_fail (urls->len > 0, self);

  self->options = *options;
  self->start_urls = g_ptr_array_ref (urls);
  self->site_hosts = g_ptr_array_ref (site_hosts);

  for (guint i = 0; i < urls->len; i++)
    {
      const char *url = g_ptr_array_index (urls, i);

      if (g_hash_table_add (self->known, g_strdup (url)))
        g_queue_push_tail (self->queue, g_strdup (url));
    }

  return self;
}

/**
 * stk_scan_crawler_start:
 * @self: a crawler
 *
 * Writes the start event and begins pass 1. #StkScanCrawler::finished is emitted at the end.
 */
void
stk_scan_crawler_start (StkScanCrawler *self)
{
  g_return_if_fail (STK_IS_SCAN_CRAWLER (self));
  g_return_if_fail (self->web_view == NULL);

  self->session = stk_scan_session_new ();
  self->web_view = stk_scan_view_new (self->session);

  stk_scan_emit_start (self->start_urls, self->options.pages, self->site_hosts);
  start_pass (self, 1);
  start_next_page (self);
}

/**
 * stk_scan_crawler_cancel:
 * @self: a crawler
 *
 * Stops the scan where it is and writes the end event with the reason "cancelled".
 */
void
stk_scan_crawler_cancel (StkScanCrawler *self)
{
  g_return_if_fail (STK_IS_SCAN_CRAWLER (self));

  if (self->finished)
    return;

  drop_visit (self);
  stk_scan_emit_end (TRUE, self->total);
  finish (self, STK_SCAN_EXIT_OK);
}

gboolean
stk_scan_crawler_is_finished (StkScanCrawler *self)
{
  g_return_val_if_fail (STK_IS_SCAN_CRAWLER (self), TRUE);

  return self->finished;
}

int
stk_scan_crawler_get_exit_status (StkScanCrawler *self)
{
  g_return_val_if_fail (STK_IS_SCAN_CRAWLER (self), STK_SCAN_EXIT_FAILED);

  return self->exit_status;
}

/**
 * stk_scan_crawler_shut_down:
 * @self: a finished crawler
 *
 * Ends the page's web process and waits (a few seconds at most) until the engine has
 * answered every call, so that nothing is left half done when the program exits.
 */
void
stk_scan_crawler_shut_down (StkScanCrawler *self)
{
  gint64 deadline = g_get_monotonic_time () + SHUT_DOWN_WAIT_USEC;

  g_return_if_fail (STK_IS_SCAN_CRAWLER (self));

  if (self->web_view != NULL && stk_scan_visit_get_pending_calls () > 0)
    webkit_web_view_terminate_web_process (self->web_view);

  while (stk_scan_visit_get_pending_calls () > 0 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  g_object_run_dispose (G_OBJECT (self));
}
