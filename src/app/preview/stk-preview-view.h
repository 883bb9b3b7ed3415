/* stk-preview-view.h — the web view that shows an export of the policy, served on the loopback
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

/* Only a build with WebKitGTK (HAVE_PREVIEW) has the view; without it the preview page says so
 * instead. So that the page needs none of its symbols, the view is made with g_object_new() and
 * spoken to through its properties and its action:
 *
 *   "policy" (StkPolicy), "language" (string), "show-declaration" (the declaration page rather
 *   than the sample website), "phone" (a phone's width), "dark" (as to a visitor who prefers a
 *   dark colour scheme): what to show. Following a link inside the view changes "language" and
 *   "show-declaration" to the page it went to.
 *   "error-message" (string, read-only, nullable): why the view does not show the policy as it
 *   is now.
 *   "web-view" (the WebKitWebView), "base-uri" (the server's address): read-only, NULL until the
 *   view was first shown.
 *   "n-renders" (how often it rendered the policy), "n-refused" (how many requests for other
 *   hosts its server refused; counted as they come, not notified): read-only.
 *   "preview.reset": forgets the choice made in the preview (its cookies and storage) and loads
 *   the page again, as on a first visit. */
#define STK_TYPE_PREVIEW_VIEW (stk_preview_view_get_type ())
G_DECLARE_FINAL_TYPE (StkPreviewView, stk_preview_view, STK, PREVIEW_VIEW, AdwBin)

G_END_DECLS
