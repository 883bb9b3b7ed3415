/* stk-scan-url.h — page addresses as the scanner compares them, and which site a host is on
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *stk_scan_url_canonical     (const char        *text);
char     *stk_scan_url_host          (const char        *text);
gboolean  stk_scan_host_is_on_site   (const char        *host,
                                      GPtrArray         *site_hosts);
char     *stk_scan_host_site         (const char        *host);
gboolean  stk_scan_domain_is_in_site (const char        *domain,
                                      const char        *site);

G_END_DECLS
