/* stk-cookie-cell.h — one cell of the cookie table: one field of one cookie, edited in place
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

/* The columns of the cookie table, each a field of a cookie. */
typedef enum
{
  STK_COOKIE_COLUMN_NAME,
  STK_COOKIE_COLUMN_PATTERN,
  STK_COOKIE_COLUMN_DOMAIN,
  STK_COOKIE_COLUMN_PATH,
  STK_COOKIE_COLUMN_DURATION,
  STK_COOKIE_COLUMN_PARTY,
  STK_COOKIE_COLUMN_KIND,
  STK_COOKIE_COLUMN_PURPOSE,   /* in one language: a column each */
  STK_COOKIE_COLUMN_DELETE,
} StkCookieColumn;

#define STK_TYPE_COOKIE_CELL (stk_cookie_cell_get_type ())
G_DECLARE_FINAL_TYPE (StkCookieCell, stk_cookie_cell, STK, COOKIE_CELL, AdwBin)

GtkWidget      *stk_cookie_cell_new        (StkCookieColumn  column,
                                            const char      *lang);
StkCookieColumn stk_cookie_cell_get_column (StkCookieCell   *self);
const char     *stk_cookie_cell_get_lang   (StkCookieCell   *self);
StkCookie      *stk_cookie_cell_get_cookie (StkCookieCell   *self);
void            stk_cookie_cell_set_cookie (StkCookieCell   *self,
                                            StkCookie       *cookie);

G_END_DECLS
