/* stk-ocd-private.h — the compiled Open Cookie Database table (made by ocd-compile.py)
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-ocd.h"

G_BEGIN_DECLS

/* Offsets into stk_ocd_pool, which holds every string once, each ending in a NUL. */
typedef struct
{
  guint32        name;
  guint32        id;
  guint32        platform;
  guint32        category_name;
  guint32        domain;
  guint32        description;
  guint32        retention;
  guint32        controller;
  guint32        privacy_url;
  StkOcdCategory category;
  gboolean       wildcard;
  gint32         duration_value;  /* -1: the retention text is not "N unit" nor a session */
  StkUnit        duration_unit;
} StkOcdRow;

/* Sorted by name in byte order. */
extern const char      stk_ocd_pool[];
extern const StkOcdRow stk_ocd_rows[];
extern const guint     stk_ocd_n_rows;
/* Positions in stk_ocd_rows of the wildcard rows (name prefixes), in the same order. */
extern const guint16   stk_ocd_wildcards[];
extern const guint     stk_ocd_n_wildcards;

G_END_DECLS
