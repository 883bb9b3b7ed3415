/* stk-scan-collect.h — what the scanner reads from a loaded page, and the consent it gives
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

typedef struct
{
  char      *origin;        /* the page's origin, as location.origin says */
  GPtrArray *links;         /* the addresses of its <a href> elements, resolved */
  GPtrArray *local_keys;    /* its origin's localStorage keys */
  GPtrArray *session_keys;  /* its origin's sessionStorage keys */
  GPtrArray *categories;    /* the category ids of the Samtykke policy, or NULL */
} StkScanPageData;

void             stk_scan_page_data_free           (StkScanPageData      *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StkScanPageData, stk_scan_page_data_free)

void             stk_scan_collect_page_async       (WebKitWebView        *web_view,
                                                    gboolean              with_policy,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
StkScanPageData *stk_scan_collect_page_finish      (WebKitWebView        *web_view,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             stk_scan_find_banner_async        (WebKitWebView        *web_view,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         stk_scan_find_banner_finish       (WebKitWebView        *web_view,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             stk_scan_give_consent_async       (WebKitWebView        *web_view,
                                                    GPtrArray            *categories,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         stk_scan_give_consent_finish      (WebKitWebView        *web_view,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
