/* stk-cookie-table.h — a provider's cookies and storage, a row each, edited in place
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_COOKIE_TABLE (stk_cookie_table_get_type ())
G_DECLARE_FINAL_TYPE (StkCookieTable, stk_cookie_table, STK, COOKIE_TABLE, GtkBox)

void     stk_cookie_table_set_provider  (StkCookieTable     *self,
                                         StkProvider        *provider);
void     stk_cookie_table_set_languages (StkCookieTable     *self,
                                         const char * const *languages);
/* The position of the selected cookie, or GTK_INVALID_LIST_POSITION. */
guint    stk_cookie_table_get_position  (StkCookieTable     *self);
void     stk_cookie_table_set_position  (StkCookieTable     *self,
                                         guint               position);
void     stk_cookie_table_add           (StkCookieTable     *self);
void     stk_cookie_table_duplicate     (StkCookieTable     *self);
void     stk_cookie_table_remove        (StkCookieTable     *self);
gboolean stk_cookie_table_focus_path    (StkCookieTable     *self,
                                         StkPath            *path,
                                         guint               i);

G_END_DECLS
