/* stk-scan-view.h — a web view that loads pages like a visitor's browser and nothing more
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

WebKitNetworkSession *stk_scan_session_new (void);
WebKitWebView        *stk_scan_view_new    (WebKitNetworkSession *session);

G_END_DECLS
