/* stk-audit-page.h — what the site really sets, held against the policy: scan, HAR, report
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows one report (stk-audit.h) of the document's policy: findings grouped by status,
 * filtered by a search, with the details of each; the undeclared items the user ticks are added
 * to the policy as one undoable step. Without a report it offers a scan of the website and the
 * import of HAR files. Its actions ("audit.scan", "audit.import-har", "audit.add-selected",
 * "audit.cancel") work inside the page; stk_audit_page_get_actions() gives them to the rest of
 * the window.
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"
#include "stk-document.h"

G_BEGIN_DECLS

#define STK_TYPE_AUDIT_PAGE (stk_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (StkAuditPage, stk_audit_page, STK, AUDIT_PAGE, AdwBin)

GtkWidget      *stk_audit_page_new              (StkDocument          *document);
StkDocument    *stk_audit_page_get_document     (StkAuditPage         *self);
void            stk_audit_page_set_document     (StkAuditPage         *self,
                                                 StkDocument          *document);

/* The report shown, or NULL (the empty state). Setting one finishes it if need be. */
StkAuditReport *stk_audit_page_get_report       (StkAuditPage         *self);
void            stk_audit_page_set_report       (StkAuditPage         *self,
                                                 StkAuditReport       *report);
/* Whether a scan or an import is running. */
gboolean        stk_audit_page_get_busy         (StkAuditPage         *self);

/* What the scan dialog does when confirmed: scans @url (remembering it for this policy) for
 * at most @max_pages pages per pass, with progress on the page; the report replaces the one
 * shown. */
void            stk_audit_page_scan             (StkAuditPage         *self,
                                                 const char           *url,
                                                 guint                 max_pages);
/* The scan address remembered for the document's policy, or NULL. (transfer full) */
char           *stk_audit_page_dup_scan_url     (StkAuditPage         *self);
/* Further arguments for the scanner (e.g. "--settle", "200"). */
void            stk_audit_page_set_scan_args    (StkAuditPage         *self,
                                                 const char * const   *args);
/* What the file chooser does when files are chosen: reads @files in a worker thread. Errors
 * name the file, line and column, and are shown on the page; the report shown stays then. */
void            stk_audit_page_import_har       (StkAuditPage         *self,
                                                 GFile * const        *files,
                                                 guint                 n_files);
/* The page's actions ("scan", "import-har", "add-selected", "cancel") as a group, enabled as
 * the page's are, for the window to insert as "audit" so that its menus reach them.
 * (transfer none) */
GActionGroup   *stk_audit_page_get_actions      (StkAuditPage         *self);
/* The last error of a scan or an import, or NULL. */
const char     *stk_audit_page_get_error        (StkAuditPage         *self);

/* Narrows the lists at once to items whose name, domain or suggested platform contain @text. */
void            stk_audit_page_set_filter       (StkAuditPage         *self,
                                                 const char           *text);
/* The items of one status that the lists show now (a GListModel of StkAuditItem). */
GListModel     *stk_audit_page_get_shown        (StkAuditPage         *self,
                                                 StkAuditStatus        status);
/* Ticks an undeclared item for "Add to Policy". */
void            stk_audit_page_set_chosen       (StkAuditPage         *self,
                                                 StkAuditItem         *item,
                                                 gboolean              chosen);
gboolean        stk_audit_page_get_chosen       (StkAuditPage         *self,
                                                 StkAuditItem         *item);
/* The category an undeclared item goes to (the suggested one until set); NULL for none. */
void            stk_audit_page_set_category     (StkAuditPage         *self,
                                                 StkAuditItem         *item,
                                                 const char           *category);
const char     *stk_audit_page_get_category     (StkAuditPage         *self,
                                                 StkAuditItem         *item);
/* Adds the ticked items to the policy as one undoable step; returns how many. */
guint           stk_audit_page_add_chosen       (StkAuditPage         *self);
/* Whether an added item is declared now (FALSE again after the addition is undone). */
gboolean        stk_audit_page_get_added        (StkAuditPage         *self,
                                                 StkAuditItem         *item);

G_END_DECLS
