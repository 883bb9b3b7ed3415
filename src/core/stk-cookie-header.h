/* stk-cookie-header.h — cookies as HTTP headers carry them: Set-Cookie and Cookie
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One cookie; its attributes as far as the header gave them. */
typedef struct
{
  char     *name;
  char     *value;
  char     *domain;
  char     *path;
  gint64    expires;   /* -1 unknown, 0 session */
  gboolean  http_only;
  gboolean  secure;
  char     *same_site;
} StkHeaderCookie;

void             stk_header_cookie_free  (StkHeaderCookie *cookie);

/* A raw Set-Cookie value, with @now (Unix seconds) for Max-Age; NULL when it names no cookie.
 * Returns: (transfer full) (nullable) */
StkHeaderCookie *stk_parse_set_cookie    (const char      *header,
                                          gint64           now);
/* The cookies of a Cookie request header ("a=1; b=2"), appended to @cookies; a header of
 * more than @limit is counted but not read. Returns how many it holds. */
guint            stk_parse_cookie_header (const char      *header,
                                          GPtrArray       *cookies,
                                          guint            limit);
/* An HTTP date as cookies use it, read as RFC 6265 section 5.1.1 reads it: Unix seconds, or
 * -1 when it is not one. */
gint64           stk_parse_cookie_date   (const char      *text);

G_END_DECLS
