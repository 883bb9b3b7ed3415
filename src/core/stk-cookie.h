/* stk-cookie.h — one cookie or other storage item a provider sets
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-text.h"

G_BEGIN_DECLS

typedef enum
{
  STK_PARTY_FIRST,
  STK_PARTY_THIRD,
} StkParty;

typedef enum
{
  STK_KIND_COOKIE,
  STK_KIND_LOCAL_STORAGE,
  STK_KIND_SESSION_STORAGE,
  STK_KIND_INDEXEDDB,
  STK_KIND_PIXEL,
} StkKind;

typedef enum
{
  STK_UNIT_SESSION,
  STK_UNIT_SECONDS,
  STK_UNIT_MINUTES,
  STK_UNIT_HOURS,
  STK_UNIT_DAYS,
  STK_UNIT_WEEKS,
  STK_UNIT_MONTHS,
  STK_UNIT_YEARS,
} StkUnit;

GType        stk_party_get_type      (void);
GType        stk_kind_get_type       (void);
GType        stk_unit_get_type       (void);
#define STK_TYPE_PARTY (stk_party_get_type ())
#define STK_TYPE_KIND (stk_kind_get_type ())
#define STK_TYPE_UNIT (stk_unit_get_type ())

/* The names used in the file format ("first", "local_storage", "months", ...). */
const char  *stk_party_to_string     (StkParty    party);
gboolean     stk_party_from_string   (const char *str,
                                      StkParty   *party);
const char  *stk_kind_to_string      (StkKind     kind);
gboolean     stk_kind_from_string    (const char *str,
                                      StkKind    *kind);
const char  *stk_unit_to_string      (StkUnit     unit);
gboolean     stk_unit_from_string    (const char *str,
                                      StkUnit    *unit);
/* Approximate length of one unit in seconds (months as 30.44 days); 0 for a session. */
gint64       stk_unit_seconds        (StkUnit     unit);

#define STK_TYPE_COOKIE (stk_cookie_get_type ())
G_DECLARE_FINAL_TYPE (StkCookie, stk_cookie, STK, COOKIE, StkNode)

StkCookie   *stk_cookie_new                    (void);
StkCookie   *stk_cookie_copy                   (StkCookie  *self);
const char  *stk_cookie_get_name               (StkCookie  *self);
void         stk_cookie_set_name               (StkCookie  *self,
                                                const char *name);
gboolean     stk_cookie_get_pattern            (StkCookie  *self);
void         stk_cookie_set_pattern            (StkCookie  *self,
                                                gboolean    pattern);
const char  *stk_cookie_get_domain             (StkCookie  *self);
void         stk_cookie_set_domain             (StkCookie  *self,
                                                const char *domain);
const char  *stk_cookie_get_path               (StkCookie  *self);
void         stk_cookie_set_path               (StkCookie  *self,
                                                const char *path);
StkParty     stk_cookie_get_party              (StkCookie  *self);
void         stk_cookie_set_party              (StkCookie  *self,
                                                StkParty    party);
StkKind      stk_cookie_get_kind               (StkCookie  *self);
void         stk_cookie_set_kind               (StkCookie  *self,
                                                StkKind     kind);
gint64       stk_cookie_get_duration_value     (StkCookie  *self);
void         stk_cookie_set_duration_value     (StkCookie  *self,
                                                gint64      value);
StkUnit      stk_cookie_get_duration_unit      (StkCookie  *self);
void         stk_cookie_set_duration_unit      (StkCookie  *self,
                                                StkUnit     unit);
StkText     *stk_cookie_get_purpose            (StkCookie  *self);
gboolean     stk_cookie_get_delete_on_withdraw (StkCookie  *self);
void         stk_cookie_set_delete_on_withdraw (StkCookie  *self,
                                                gboolean    delete_on_withdraw);

G_END_DECLS
