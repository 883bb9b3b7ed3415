/* stk-scan-visit.h — one visit of one page: load it, let it settle, read what it set
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "stk-scan-collect.h"

G_BEGIN_DECLS

typedef enum
{
  STK_SCAN_VISIT_NONE         = 0,
  STK_SCAN_VISIT_FIND_BANNER  = 1 << 0,  /* ask whether the page runs the Samtykke banner */
  STK_SCAN_VISIT_GIVE_CONSENT = 1 << 1,  /* call Samtykke.save once the page has settled */
} StkScanVisitFlags;

#define STK_TYPE_SCAN_VISIT (stk_scan_visit_get_type ())
G_DECLARE_FINAL_TYPE (StkScanVisit, stk_scan_visit, STK, SCAN_VISIT, GObject)

StkScanVisit    *stk_scan_visit_new               (WebKitWebView     *web_view,
                                                   const char        *url,
                                                   GPtrArray         *site_hosts,
                                                   guint              page_timeout,
                                                   guint              settle,
                                                   StkScanVisitFlags  flags,
                                                   GPtrArray         *consent);
void             stk_scan_visit_start             (StkScanVisit      *self);
const char      *stk_scan_visit_get_url           (StkScanVisit      *self);
const char      *stk_scan_visit_get_final_url     (StkScanVisit      *self);
guint            stk_scan_visit_get_status        (StkScanVisit      *self);
const char      *stk_scan_visit_get_error         (StkScanVisit      *self);
const char      *stk_scan_visit_get_site          (StkScanVisit      *self);
gboolean         stk_scan_visit_get_committed     (StkScanVisit      *self);
gboolean         stk_scan_visit_get_crashed       (StkScanVisit      *self);
gboolean         stk_scan_visit_get_has_banner    (StkScanVisit      *self);
StkScanPageData *stk_scan_visit_get_data          (StkScanVisit      *self);
GList           *stk_scan_visit_get_cookies       (StkScanVisit      *self);
GPtrArray       *stk_scan_visit_get_request_hosts (StkScanVisit      *self);
guint            stk_scan_visit_get_pending_calls (void);

G_END_DECLS
