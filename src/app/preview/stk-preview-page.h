/* stk-preview-page.h — the live preview of the banner and the declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_PREVIEW_PAGE (stk_preview_page_get_type ())
G_DECLARE_FINAL_TYPE (StkPreviewPage, stk_preview_page, STK, PREVIEW_PAGE, AdwBin)

GtkWidget  *stk_preview_page_new                 (void);

StkPolicy  *stk_preview_page_get_policy          (StkPreviewPage *self);
void        stk_preview_page_set_policy          (StkPreviewPage *self,
                                                  StkPolicy      *policy);
GFile      *stk_preview_page_get_file            (StkPreviewPage *self);
void        stk_preview_page_set_file            (StkPreviewPage *self,
                                                  GFile          *file);

/* The language the sample website is in (one of the policy's). */
const char *stk_preview_page_get_language        (StkPreviewPage *self);
void        stk_preview_page_set_language        (StkPreviewPage *self,
                                                  const char     *lang);
/* Whether the declaration page is shown instead of the sample website. */
gboolean    stk_preview_page_get_show_declaration (StkPreviewPage *self);
void        stk_preview_page_set_show_declaration (StkPreviewPage *self,
                                                   gboolean        show_declaration);
/* A phone's width (390 pixels) instead of the whole page's. */
gboolean    stk_preview_page_get_phone           (StkPreviewPage *self);
void        stk_preview_page_set_phone           (StkPreviewPage *self,
                                                  gboolean        phone);
/* Whether the website is shown as to a visitor who prefers a dark colour scheme. */
gboolean    stk_preview_page_get_dark            (StkPreviewPage *self);
void        stk_preview_page_set_dark            (StkPreviewPage *self,
                                                  gboolean        dark);
/* Forgets the choice made in the preview (its cookies and storage) and loads the page again,
 * as on a first visit. */
void        stk_preview_page_reset               (StkPreviewPage *self);

/* Returns: (transfer none) (nullable): the WebKitWebView, or NULL before the page was first
 * shown and in a build without the preview. */
GtkWidget  *stk_preview_page_get_web_view        (StkPreviewPage *self);
/* Returns: (transfer none) (nullable): the address the sample website is served from. */
const char *stk_preview_page_get_base_uri        (StkPreviewPage *self);
/* How many requests for other hosts the preview refused (none ever reach the network). */
guint       stk_preview_page_get_n_refused       (StkPreviewPage *self);
/* How many times the preview rendered the policy; it does so shortly after each change. */
guint       stk_preview_page_get_n_renders       (StkPreviewPage *self);

G_END_DECLS
