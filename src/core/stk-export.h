/* stk-export.h — what a website runs: the policy JSON, the banner, the declaration pages
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "stk-policy.h"

G_BEGIN_DECLS

typedef enum
{
  STK_EXPORT_JSON   = 1 << 0, /* policy.json */
  STK_EXPORT_BANNER = 1 << 1, /* banner.html */
  STK_EXPORT_PAGES  = 1 << 2, /* cookie-policy.LANG.html, one per policy language */
  STK_EXPORT_ASSETS = 1 << 3, /* samtykke.js, samtykke.css */
  STK_EXPORT_ALL    = 0xf,
} StkExportParts;

/* Parses "banner,pages,json,assets" (or "all"); FALSE on an unknown word. */
gboolean    stk_export_parts_parse  (const char      *words,
                                     StkExportParts  *parts,
                                     GError         **error);

/* Where the export is published on the site: "/cookies" becomes "/cookies/", "" stays "" (the
 * files stand beside the pages); anything but a path from the site's root is an error. */
char       *stk_export_site_path_normalize (const char  *site_path,
                                            GError     **error);

/* Every file of an export in memory, without writing anything.
 * Returns: (transfer full): file name -> GBytes, or NULL when the policy has errors. */
GHashTable *stk_export_render       (StkPolicy       *policy,
                                     StkExportParts   parts,
                                     GError         **error);
/* The same, for an export published at @site_path (see stk_export_site_path_normalize()). */
GHashTable *stk_export_render_at    (StkPolicy       *policy,
                                     StkExportParts   parts,
                                     const char      *site_path,
                                     GError         **error);

/* Writes the export into @directory (created when missing). Each file is written to a
 * temporary name first and renamed into place only once every file was written, so a failure
 * leaves no half-written file. Refuses a policy whose validation has errors. */
gboolean    stk_export_to_directory (StkPolicy       *policy,
                                     GFile           *directory,
                                     StkExportParts   parts,
                                     GError         **error);
gboolean    stk_export_to_directory_at (StkPolicy       *policy,
                                        GFile           *directory,
                                        StkExportParts   parts,
                                        const char      *site_path,
                                        GError         **error);

/* The pieces (stk-export-web.c). */
GBytes     *stk_export_policy_json  (StkPolicy       *policy);
GBytes     *stk_export_banner_html  (StkPolicy       *policy);
GBytes     *stk_export_banner_html_at (StkPolicy     *policy,
                                       const char    *site_path);
GBytes     *stk_export_page_html    (StkPolicy       *policy,
                                     const char      *lang);
/* "samtykke.js" or "samtykke.css", compiled into the program. */
GBytes     *stk_export_asset        (const char      *name);
/* samtykke.css with the policy's look after it, as an export writes it. */
GBytes     *stk_export_stylesheet   (StkPolicy       *policy);

/* The preview's sample website with @banner pasted in (stk-export-sample.c); no export writes
 * it. */
GBytes     *stk_export_sample_html  (StkPolicy       *policy,
                                     const char      *lang,
                                     GBytes          *banner);

G_END_DECLS
