/* stk-audit-private.h — what the files of the audit share: the items' and reports' fields
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-audit.h"

G_BEGIN_DECLS

struct _StkAuditItem
{
  GObject         parent_instance;

  /* what was seen */
  char           *name;
  StkKind         kind;
  char           *domain;
  char           *path;
  gint64          expires;
  gint64          seen_at;
  gboolean        http_only;
  gboolean        secure;
  char           *same_site;
  gboolean        third_party;
  char           *first_seen;
  char           *file;
  int             line;
  int             column;
  /* The categories granted at each sighting, for deciding "before consent" once the item's
   * category is known: one entry per distinct set; NULL entries are "no consent yet". */
  GPtrArray      *granted_sets;
  gboolean        seen_without_consent;

  /* what matching found */
  StkAuditStatus  status;
  gboolean        before_consent;
  StkProvider    *provider;
  StkCookie      *cookie;
  char           *policy_path;
  gboolean        has_suggestion;
  StkOcdEntry     suggestion;
  char           *suggested_category;
};

struct _StkAuditReport
{
  GObject         parent_instance;

  StkPolicy      *policy;
  StkAuditSource  source;
  GListStore     *items;
  GHashTable     *by_key;        /* "kind\x1fdomain\x1fname" -> StkAuditItem (borrowed) */
  GPtrArray      *pages;
  guint           n_failed_pages;
  GPtrArray      *third_parties;
  GHashTable     *third_party_set;
  GPtrArray      *warnings;
  gboolean        finished;
};

G_END_DECLS
