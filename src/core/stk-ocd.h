/* stk-ocd.h — suggestions for unknown cookies from the Open Cookie Database
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database (https://github.com/jkwakman/Open-Cookie-Database, Apache License 2.0) names
 * the platform behind well-known cookie and storage names, with a category, an English
 * description and a retention period. It is compiled into the program at build time. A match
 * is a suggestion for a person to confirm: the database has mistakes, and a name may mean
 * different things on different sites.
 */
#pragma once

#include "stk-cookie.h"

G_BEGIN_DECLS

typedef enum
{
  STK_OCD_FUNCTIONAL,
  STK_OCD_NECESSARY,
  STK_OCD_SECURITY,
  STK_OCD_PERSONALIZATION,
  STK_OCD_ANALYTICS,
  STK_OCD_MARKETING,
  STK_OCD_OTHER,
} StkOcdCategory;

/* One row of the database. The strings are static; empty where the database has nothing. */
typedef struct
{
  const char     *id;
  const char     *name;          /* the name, or the prefix when @wildcard */
  gboolean        wildcard;
  const char     *platform;      /* "Google Analytics" */
  StkOcdCategory  category;
  const char     *category_name; /* as the database writes it ("Analytics") */
  const char     *domain;        /* as the database writes it ("google.com (3rd party)") */
  const char     *description;   /* English */
  const char     *retention;     /* English free text ("2 years") */
  gboolean        duration_known;/* whether the retention read as a session or "N unit" */
  gint64          duration_value;
  StkUnit         duration_unit;
  const char     *controller;
  const char     *privacy_url;
} StkOcdEntry;

/* Where the compiled data comes from, for an About window or a report (not translated). */
#define STK_OCD_ATTRIBUTION \
  "Open Cookie Database (https://github.com/jkwakman/Open-Cookie-Database), " \
  "commit 0ee5a17 of 2026-01-21, Apache License 2.0"

guint        stk_ocd_get_n_entries  (void);
/* The entry for a cookie or storage key named @name, set on @domain (may be NULL): an exact
 * name before a wildcard prefix (the longest prefix first), and among rows of one name, one
 * whose domain fits @domain before one without a domain before any other.
 * Returns: whether there is one; @entry is filled then. */
gboolean     stk_ocd_lookup         (const char     *name,
                                     const char     *domain,
                                     StkOcdEntry    *entry);
/* The file format's word for a category ("analytics", "marketing", ...). */
const char  *stk_ocd_category_to_string (StkOcdCategory category);

G_END_DECLS
