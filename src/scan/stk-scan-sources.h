/* stk-scan-sources.h — where the start addresses come from: the command line, a list, a sitemap
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STK_TYPE_SCAN_SOURCES (stk_scan_sources_get_type ())
G_DECLARE_FINAL_TYPE (StkScanSources, stk_scan_sources, STK, SCAN_SOURCES, GObject)

StkScanSources *stk_scan_sources_new              (void);
gboolean        stk_scan_sources_add_url          (StkScanSources       *self,
                                                   const char           *text,
                                                   GError              **error);
gboolean        stk_scan_sources_read_url_file    (StkScanSources       *self,
                                                   const char           *path,
                                                   GError              **error);
gboolean        stk_scan_sources_set_sitemap      (StkScanSources       *self,
                                                   const char           *location,
                                                   GError              **error);
gboolean        stk_scan_sources_is_empty         (StkScanSources       *self);
void            stk_scan_sources_resolve_async    (StkScanSources       *self,
                                                   guint                 timeout,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        stk_scan_sources_resolve_finish   (StkScanSources       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
GPtrArray      *stk_scan_sources_get_urls         (StkScanSources       *self);
GPtrArray      *stk_scan_sources_get_site_hosts   (StkScanSources       *self);

G_END_DECLS
