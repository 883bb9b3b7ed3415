/* stk-scan-output.h — the scanner's events, one JSON object a line on standard output
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The version of the output, in the start event. */
#define STK_SCAN_OUTPUT_VERSION 1

typedef enum
{
  STK_SCAN_STORAGE_LOCAL,
  STK_SCAN_STORAGE_SESSION,
} StkScanStorageKind;

gboolean stk_scan_output_failed       (void);

void     stk_scan_emit_start          (GPtrArray          *urls,
                                       guint               pages,
                                       GPtrArray          *site_hosts);
void     stk_scan_emit_pass           (guint               pass,
                                       GPtrArray          *consent);
void     stk_scan_emit_page           (guint               pass,
                                       const char         *url,
                                       const char         *final_url,
                                       guint               status,
                                       const char         *error,
                                       guint               index);
void     stk_scan_emit_cookie         (guint               pass,
                                       SoupCookie         *cookie,
                                       gboolean            third_party,
                                       const char         *page);
void     stk_scan_emit_storage        (guint               pass,
                                       StkScanStorageKind  kind,
                                       const char         *name,
                                       const char         *origin,
                                       const char         *page);
void     stk_scan_emit_request        (guint               pass,
                                       const char         *host,
                                       const char         *page);
void     stk_scan_emit_progress       (guint               pass,
                                       guint               done,
                                       guint               queued,
                                       guint               limit);
void     stk_scan_emit_consent        (gboolean            available,
                                       GPtrArray          *categories);
void     stk_scan_emit_error          (const char         *message);
void     stk_scan_emit_end            (gboolean            cancelled,
                                       guint               pages);

G_END_DECLS
