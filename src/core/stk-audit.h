/* stk-audit.h — what a site really sets, held against its policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scan of the site (stk-scanner.h) or a browser's HAR file (stk-har.h) gives observations:
 * a cookie or storage key seen on a page, with what the visitor had consented to at that
 * moment. A report gathers them, one item per name, kind and domain, and, when finished,
 * matches each item against the policy's declared cookies: declared, undeclared, or (for a
 * declared cookie never seen) unseen; set before consent when it was there while its category
 * was not granted and is not required; and, for undeclared items, a suggestion from the Open
 * Cookie Database.
 */
#pragma once

#include "stk-policy.h"
#include "stk-ocd.h"

G_BEGIN_DECLS

typedef enum
{
  STK_AUDIT_DECLARED,
  STK_AUDIT_UNDECLARED,
  STK_AUDIT_UNSEEN,
} StkAuditStatus;

typedef enum
{
  STK_AUDIT_SOURCE_SCAN,
  STK_AUDIT_SOURCE_HAR,
} StkAuditSource;

const char *stk_audit_status_to_string (StkAuditStatus status);

/* One sighting. Strings are copied. */
typedef struct
{
  const char         *name;
  StkKind             kind;         /* cookie, local_storage or session_storage */
  const char         *domain;       /* a cookie's domain, a storage key's host */
  const char         *path;         /* nullable */
  gint64              expires;      /* Unix seconds; 0 for a session cookie; -1 unknown */
  gint64              seen_at;      /* Unix seconds, for the lifetime (0: now) */
  gboolean            http_only;
  gboolean            secure;
  const char         *same_site;    /* nullable: "lax", "strict", "none" */
  gboolean            third_party;
  const char         *page;         /* where it was seen: a page's URL */
  const char         *file;         /* nullable: the HAR file it was read from */
  int                 line;         /* its place there (0 when none) */
  int                 column;
  /* The categories the visitor had granted when it was seen; NULL when there was no consent
   * at all yet. */
  const char * const *granted;
} StkObservation;

#define STK_TYPE_AUDIT_ITEM (stk_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (StkAuditItem, stk_audit_item, STK, AUDIT_ITEM, GObject)

const char     *stk_audit_item_get_name           (StkAuditItem *self);
StkKind         stk_audit_item_get_kind           (StkAuditItem *self);
const char     *stk_audit_item_get_domain         (StkAuditItem *self);
const char     *stk_audit_item_get_path           (StkAuditItem *self);
gint64          stk_audit_item_get_expires        (StkAuditItem *self);
gboolean        stk_audit_item_get_http_only      (StkAuditItem *self);
gboolean        stk_audit_item_get_secure         (StkAuditItem *self);
const char     *stk_audit_item_get_same_site      (StkAuditItem *self);
gboolean        stk_audit_item_get_third_party    (StkAuditItem *self);
/* The page where it was first seen (NULL for unseen items). */
const char     *stk_audit_item_get_first_seen     (StkAuditItem *self);
/* Where it was first read (a HAR file and the line and column of its entry); NULL otherwise. */
const char     *stk_audit_item_get_file           (StkAuditItem *self);
int             stk_audit_item_get_line           (StkAuditItem *self);
int             stk_audit_item_get_column         (StkAuditItem *self);
StkAuditStatus  stk_audit_item_get_status         (StkAuditItem *self);
gboolean        stk_audit_item_get_before_consent (StkAuditItem *self);
/* The declaration it matched (declared and unseen items); (transfer none) (nullable). */
StkProvider    *stk_audit_item_get_provider       (StkAuditItem *self);
StkCookie      *stk_audit_item_get_cookie         (StkAuditItem *self);
/* The path of that declaration in the policy ("providers[1].cookies[0]"), or NULL. */
const char     *stk_audit_item_get_policy_path    (StkAuditItem *self);
/* The category the item belongs to: the declaration's, else the suggested one; nullable. */
const char     *stk_audit_item_get_category       (StkAuditItem *self);
/* The suggestion for an undeclared item, or NULL. (transfer none) */
const StkOcdEntry *stk_audit_item_get_suggestion  (StkAuditItem *self);
/* The policy category the suggestion maps to, or NULL when none fits. */
const char     *stk_audit_item_get_suggested_category (StkAuditItem *self);
/* A lifetime for a declaration of this item: from what was seen when the expiry is known,
 * else from the suggestion; FALSE when neither tells. */
gboolean        stk_audit_item_get_duration       (StkAuditItem *self,
                                                   gint64       *value,
                                                   StkUnit      *unit);

#define STK_TYPE_AUDIT_REPORT (stk_audit_report_get_type ())
G_DECLARE_FINAL_TYPE (StkAuditReport, stk_audit_report, STK, AUDIT_REPORT, GObject)

StkAuditReport *stk_audit_report_new              (StkPolicy          *policy,
                                                   StkAuditSource      source);
StkPolicy      *stk_audit_report_get_policy       (StkAuditReport     *self);
StkAuditSource  stk_audit_report_get_source       (StkAuditReport     *self);
/* Matches the report against @policy instead (before stk_audit_report_finish()): for reading
 * in a worker thread against a copy of the policy. */
void            stk_audit_report_set_policy       (StkAuditReport     *self,
                                                   StkPolicy          *policy);
void            stk_audit_report_observe          (StkAuditReport     *self,
                                                   const StkObservation *observation);
/* A page visited (scan) or read (HAR); @error is NULL when it loaded. */
void            stk_audit_report_add_page         (StkAuditReport     *self,
                                                   const char         *url,
                                                   int                 status,
                                                   const char         *error);
void            stk_audit_report_add_third_party  (StkAuditReport     *self,
                                                   const char         *host);
/* A warning about the input itself (a HAR without cookie data, a scan that was cancelled). */
void            stk_audit_report_add_warning      (StkAuditReport     *self,
                                                   const char         *file,
                                                   const char         *message);
/* Matches every item against the policy and adds the unseen ones. Only declarations of the
 * kinds that the source can see become unseen items (a HAR file sees only cookies). */
void            stk_audit_report_finish           (StkAuditReport     *self);

/* Returns: (transfer none): a GListModel of StkAuditItem, in the order first seen, the unseen
 * ones last. */
GListModel     *stk_audit_report_get_items        (StkAuditReport     *self);
/* Returns: (transfer none): the pages' URLs, in order. */
GPtrArray      *stk_audit_report_get_pages        (StkAuditReport     *self);
/* How many pages failed to load. */
guint           stk_audit_report_get_n_failed_pages (StkAuditReport   *self);
GPtrArray      *stk_audit_report_get_third_parties (StkAuditReport    *self);
GPtrArray      *stk_audit_report_get_warnings     (StkAuditReport     *self);
guint           stk_audit_report_count            (StkAuditReport     *self,
                                                   StkAuditStatus      status);
guint           stk_audit_report_count_before_consent (StkAuditReport *self);
/* Whether every item seen is declared and none was set before consent. */
gboolean        stk_audit_report_is_clean         (StkAuditReport     *self);

/* Declares @items (undeclared StkAuditItems of this report) in its policy as one undoable step,
 * each in the category @categories gives for it (NULL, or a NULL entry: the suggested one),
 * and records @checked (YYYY-MM-DD, or NULL) as the date the site was checked. Returns how
 * many were declared. */
guint           stk_audit_report_apply            (StkAuditReport     *self,
                                                   GPtrArray          *items,
                                                   const char * const *categories,
                                                   const char         *checked);

/* The report as one JSON object (the `--json` output of `samtykke-cli audit` and `scan`). */
char           *stk_audit_report_to_json          (StkAuditReport     *self);

G_END_DECLS
