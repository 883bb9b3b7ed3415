/* stk-scan-crawler.h — the two passes of a scan: visits the site's pages and reports what
 * each one sets
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  guint    pages;          /* pages per pass, at least 1 */
  guint    page_timeout;   /* seconds a page may take to load */
  guint    settle;         /* milliseconds to wait after a page has loaded */
  gboolean consent_pass;   /* run pass 2 when the site runs the Samtykke banner */
} StkScanOptions;

/* The exit statuses of samtykke-scan (docs/scan.md). */
enum
{
  STK_SCAN_EXIT_OK = 0,            /* the scan ended, or was cancelled */
  STK_SCAN_EXIT_FAILED = 1,        /* a fatal error after the start */
  STK_SCAN_EXIT_USAGE = 2,         /* bad usage */
  STK_SCAN_EXIT_CANNOT_START = 2,  /* no display, or WebKitGTK cannot start */
};

#define STK_TYPE_SCAN_CRAWLER (stk_scan_crawler_get_type ())
G_DECLARE_FINAL_TYPE (StkScanCrawler, stk_scan_crawler, STK, SCAN_CRAWLER, GObject)

StkScanCrawler *stk_scan_crawler_new             (const StkScanOptions *options,
                                                  GPtrArray            *urls,
                                                  GPtrArray            *site_hosts);
void            stk_scan_crawler_start           (StkScanCrawler       *self);
void            stk_scan_crawler_cancel          (StkScanCrawler       *self);
gboolean        stk_scan_crawler_is_finished     (StkScanCrawler       *self);
int             stk_scan_crawler_get_exit_status (StkScanCrawler       *self);
void            stk_scan_crawler_shut_down       (StkScanCrawler       *self);

G_END_DECLS
