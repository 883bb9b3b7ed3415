/* stk-audit-page-private.h — the Check Website page's fields, shared by stk-audit-page*.c
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-audit-page.h"
#include "stk-settings.h"

G_BEGIN_DECLS

/* What the "Show" drop-down narrows the lists to, in its order. */
typedef enum
{
  SHOW_ALL,
  SHOW_BEFORE_CONSENT,
  SHOW_SUGGESTED,
  SHOW_THIRD_PARTY,
} ShowFilter;

struct _StkAuditPage
{
  AdwBin               parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkInfoBar          *error_bar;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwStatusPage       *busy_status;
  GtkSpinner          *busy_spinner;
  GtkLabel            *progress_label;
  GtkLabel            *current_page_label;
  GtkWidget           *cancel_button;
  GtkLabel            *summary_title;
  GtkLabel            *summary_label;
  GtkBox              *warnings_box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *show_dropdown;
  AdwPreferencesGroup *undeclared_group;
  AdwPreferencesGroup *declared_group;
  AdwPreferencesGroup *unseen_group;
  GtkListBox          *undeclared_list;
  GtkListBox          *declared_list;
  GtkListBox          *unseen_list;
  GtkLabel            *attribution_label;
  AdwStatusPage       *no_match_status;

  /* owned */
  StkDocument         *document;
  StkPolicy           *policy;          /* the document's, while a report is shown */
  StkAuditReport      *report;
  GtkCustomFilter     *search_filter;
  GtkFilterListModel  *shown[3];        /* by StkAuditStatus */
  GHashTable          *chosen;          /* StkAuditItem set */
  GHashTable          *categories;      /* StkAuditItem -> category id */
  /* StkAuditItem -> whether the policy declared it at the last look (TRUE + 1 / FALSE + 1),
   * for each item once added to the policy */
  GHashTable          *applied;
  char                *search;          /* casefolded, or NULL */
  ShowFilter           show;
  StkScanner          *scanner;
  GCancellable        *cancellable;
  char                *error;
  GStrv                scan_args;
  GSettings           *settings;
  GSimpleActionGroup  *actions;         /* the same actions, for the rest of the window */
  GtkNativeDialog     *chooser;
  GtkWindow           *dialog;
  gboolean             busy;
  gboolean             applying;

  /* borrowed */
  AdwToast            *undo_toast;
};

/* stk-audit-page.c: the state */
void     _stk_audit_page_set_busy          (StkAuditPage *self,
                                            gboolean      busy);
void     _stk_audit_page_update_add_action (StkAuditPage *self);
void     _stk_audit_page_show_state        (StkAuditPage *self);
void     _stk_audit_page_show_toast        (StkAuditPage *self,
                                            const char   *text,
                                            guint         timeout);
void     _stk_audit_page_set_error         (StkAuditPage *self,
                                            const char   *message);

/* stk-audit-page-rows.c: the summary, the rows and their filters */
void     _stk_audit_page_rows_init         (StkAuditPage *self);
void     _stk_audit_page_update_summary    (StkAuditPage *self);
void     _stk_audit_page_rebuild_rows      (StkAuditPage *self);
void     _stk_audit_page_on_search_changed (StkAuditPage *self);
void     _stk_audit_page_on_show_changed   (StkAuditPage *self);

/* stk-audit-page-apply.c: adding the chosen items to the policy */
gboolean _stk_audit_page_policy_declares   (StkPolicy    *policy,
                                            StkAuditItem *item);
void     _stk_audit_page_add_selected_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);
void     _stk_audit_page_undo_add_action   (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);

/* stk-audit-page-scan.c: scanning a site and reading HAR files in the background */
void     _stk_audit_page_scan_action       (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void     _stk_audit_page_import_har_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void     _stk_audit_page_cancel_action     (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);

G_END_DECLS
