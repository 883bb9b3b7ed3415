/* stk-export-web-private.h — what the web exports share: texts by language, the runtime JSON
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stk-export-web.c writes the runtime policy JSON and holds the lookups below;
 * stk-export-web-banner.c writes the banner and its stylesheet; stk-export-web-page.c the
 * declaration page. The escaping and the writing direction every export uses are declared in
 * stk-core-private.h.
 */
#pragma once

#include "stk-color.h"
#include "stk-core-private.h"
#include "stk-core-resources.h"
#include "stk-export.h"
#include "stk-policy-io.h"
#include "stk-rules.h"

G_BEGIN_DECLS

/* stk-export-web.c */
const char *stk_web_text_in           (StkText    *text,
                                       const char *lang);
const char *stk_web_url_in            (StkPolicy  *policy,
                                       StkText    *text,
                                       const char *lang);
const char *stk_web_policy_text       (StkPolicy  *policy,
                                       const char *key,
                                       const char *lang);
char       *stk_web_substitute        (const char *template,
                                       const char *name,
                                       const char *value);
char       *stk_web_format_duration   (StkPolicy  *policy,
                                       StkCookie  *cookie,
                                       const char *lang);
const char *stk_web_kind_key          (StkKind     kind);
char       *stk_web_page_file_name    (const char *lang);
char       *stk_web_runtime_to_string (StkPolicy  *policy,
                                       gboolean    full,
                                       gboolean    pretty);

/* stk-export-web-banner.c */
GString    *stk_web_stylesheet        (StkPolicy  *policy);
void        stk_web_append_banner     (GString    *out,
                                       StkPolicy  *policy,
                                       const char *lang,
                                       const char *site,
                                       gboolean    csp,
                                       gboolean    on_page);

G_END_DECLS
