/* test-audit-page.c — the audit page: HAR import, the report's groups, Add to Policy and its
 * undo, a scan of the test site and a cancelled one
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "stk-core.h"
#include "stk-audit-page.h"
#include "stk-document.h"
#ifdef SAMTYKKE_TEST_SITE
#include "scan-harness.h"
#endif

#ifndef SCAN_SLOWDOWN
#define SCAN_SLOWDOWN 1
#endif

static StkDocument *
example_document (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"),
                                            "data", "examples", "copenhagen.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = stk_policy_load_file (file, &error);
  StkDocument *document = stk_document_new ();

  g_assert_no_error (error);
  stk_document_set_policy (document, policy, file);

  return document;
}

static GFile *
har_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "tests", "audit",
                                            "har", name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds or @seconds pass; returns whether it holds. */
static gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     seconds)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (timeout);

  return condition (data);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_idle (gpointer page)
{
  return !stk_audit_page_get_busy (page);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWindow *
show_page (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 900, 800);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  g_assert_true (wait_for (is_mapped, page, 10));
  spin ();

  return window;
}

/* Every report row below @widget of items of @status (all when -1). */
static void
collect_rows (GtkWidget *widget,
              int        status,
              GPtrArray *rows)
{
  StkAuditItem *item = g_object_get_data (G_OBJECT (widget), "stk-audit-item");

  if (ADW_IS_EXPANDER_ROW (widget) && item != NULL
      && (status < 0 || (int) stk_audit_item_get_status (item) == status))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, status, rows);
}

static guint
count_rows (GtkWidget      *page,
            StkAuditStatus  status)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (page, status, rows);
  return rows->len;
}

static GtkWidget *
row_of (GtkWidget  *page,
        const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (page, -1, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      StkAuditItem *item = g_object_get_data (rows->pdata[i], "stk-audit-item");

      if (g_str_equal (stk_audit_item_get_name (item), name))
        return rows->pdata[i];
    }

  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static StkAuditItem *
item_named (StkAuditPage *page,
            const char   *name)
{
  GListModel *items = stk_audit_report_get_items (stk_audit_page_get_report (page));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (stk_audit_item_get_name (item), name))
        return item;
    }

  return NULL;
}

static StkCookie *
declared_cookie (StkPolicy  *policy,
                 const char *name)
{
  StkList *providers = stk_policy_get_providers (policy);

  for (guint p = 0; p < stk_list_get_n (providers); p++)
    {
      StkList *cookies = stk_provider_get_cookies (stk_list_peek (providers, p));

      for (guint c = 0; c < stk_list_get_n (cookies); c++)
        if (g_str_equal (stk_cookie_get_name (stk_list_peek (cookies, c)), name))
          return stk_list_peek (cookies, c);
    }

  return NULL;
}

static void
import (GtkWidget  *page,
        const char *name)
{
  g_autoptr(GFile) file = har_fixture (name);

  stk_audit_page_import_har (STK_AUDIT_PAGE (page), &file, 1);
  g_assert_true (stk_audit_page_get_busy (STK_AUDIT_PAGE (page)));
  g_assert_true (wait_for (is_idle, page, 20));
  spin ();
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  spin ();
}

/* Import a HAR file, read the groups, add an undeclared cookie, undo it. */
static void
test_har_add_undo (void)
{
  g_autoptr(StkDocument) document = example_document ();
  StkPolicy *policy = stk_document_get_policy (document);
  StkHistory *history = stk_policy_get_history (policy);
  GtkWidget *page = stk_audit_page_new (document);
  StkAuditPage *audit = STK_AUDIT_PAGE (page);
  GtkWindow *window = show_page (page);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkWidget *row, *check;
  StkAuditItem *ga, *tracker;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_assert_null (stk_audit_page_get_report (audit));
  g_assert_nonnull (find_descendant (page, ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpuint (count_rows (page, STK_AUDIT_UNDECLARED), ==, 0);

  import (page, "consent-flow.har");
  g_assert_null (stk_audit_page_get_error (audit));
  g_assert_nonnull (stk_audit_page_get_report (audit));
  /* Matched against the document's own policy, not the copy the worker read with. */
  g_assert_true (stk_audit_report_get_policy (stk_audit_page_get_report (audit)) == policy);

  /* The groups, as models and as rows on screen. */
  g_assert_cmpuint (g_list_model_get_n_items (stk_audit_page_get_shown (audit,
                                                                        STK_AUDIT_UNDECLARED)),
                    ==, 2);
  g_assert_cmpuint (count_rows (page, STK_AUDIT_UNDECLARED), ==, 2);
  g_assert_cmpuint (count_rows (page, STK_AUDIT_DECLARED), ==, 6);
  g_assert_cmpuint (count_rows (page, STK_AUDIT_UNSEEN), ==, 2);

  /* Set before consent, shown as an error; the other one is not. */
  row = row_of (page, "_tracker");
  g_assert_nonnull (row);
  g_assert_nonnull (find_descendant (row, GTK_TYPE_LABEL, "error"));
  g_assert_null (find_descendant (row_of (page, "_ga"), GTK_TYPE_LABEL, "error"));
  g_assert_nonnull (find_descendant (row_of (page, "nmstat"), GTK_TYPE_LABEL, "error"));

  /* The search narrows every group. */
  stk_audit_page_set_filter (audit, "_GA");
  spin ();
  g_assert_cmpuint (count_rows (page, STK_AUDIT_UNDECLARED), ==, 1);
  g_assert_nonnull (row_of (page, "_ga"));
  g_assert_cmpuint (count_rows (page, STK_AUDIT_DECLARED), ==, 0);
  stk_audit_page_set_filter (audit, NULL);
  spin ();
  g_assert_cmpuint (count_rows (page, STK_AUDIT_DECLARED), ==, 6);

  /* Tick "_ga" and add it: one step, in the suggested category. */
  ga = item_named (audit, "_ga");
  tracker = item_named (audit, "_tracker");
  g_assert_cmpstr (stk_audit_page_get_category (audit, ga), ==, "statistical");
  check = find_descendant (row_of (page, "_ga"), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  before = stk_policy_to_bytes (policy);
  stk_history_seal (history);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (stk_audit_page_get_chosen (audit, ga));
  g_assert_null (declared_cookie (policy, "_ga"));
  /* Through the group a window inserts for its menus, enabled as the page's action is. */
  g_assert_true (g_action_group_get_action_enabled (stk_audit_page_get_actions (audit),
                                                    "add-selected"));
  g_action_group_activate_action (stk_audit_page_get_actions (audit), "add-selected", NULL);
  spin ();
  g_assert_nonnull (declared_cookie (policy, "_ga"));
  g_assert_nonnull (stk_policy_get_checked (policy));
  g_assert_true (stk_audit_page_get_added (audit, ga));
  g_assert_false (stk_audit_page_get_chosen (audit, ga));
  g_assert_false (g_action_group_get_action_enabled (stk_audit_page_get_actions (audit),
                                                     "add-selected"));
  /* Its row says so, and has no check box any more. */
  g_assert_nonnull (find_descendant (row_of (page, "_ga"), GTK_TYPE_LABEL, "success"));
  g_assert_null (find_descendant (row_of (page, "_ga"), GTK_TYPE_CHECK_BUTTON, NULL));

  /* Other edits leave the rows as they are (an expanded row stays open). */
  row = row_of (page, "_tracker");
  stk_policy_set_name (policy, "Another name");
  spin ();
  g_assert_true (row_of (page, "_tracker") == row);
  g_assert_true (stk_history_undo (history));
  spin ();
  g_assert_true (row_of (page, "_tracker") == row);

  /* One undo takes all of it back. */
  g_assert_true (stk_history_undo (history));
  spin ();
  after = stk_policy_to_bytes (policy);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (declared_cookie (policy, "_ga"));
  g_assert_false (stk_audit_page_get_added (audit, ga));
  g_assert_nonnull (find_descendant (row_of (page, "_ga"), GTK_TYPE_CHECK_BUTTON, NULL));

  /* Unknown to the database: nothing is added until a category is chosen. */
  stk_audit_page_set_chosen (audit, tracker, TRUE);
  g_assert_null (stk_audit_page_get_category (audit, tracker));
  g_assert_cmpuint (stk_audit_page_add_chosen (audit), ==, 0);
  g_assert_null (declared_cookie (policy, "_tracker"));
  /* Chosen on its row. */
  {
    StkList *categories = stk_policy_get_categories (policy);
    GtkWidget *combo = find_descendant (row_of (page, "_tracker"), ADW_TYPE_COMBO_ROW, NULL);
    guint functional = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < stk_list_get_n (categories); i++)
      if (g_str_equal (stk_category_get_id (stk_list_peek (categories, i)), "functional"))
        functional = i;
    g_assert_nonnull (combo);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==,
                      GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), functional);
  }
  g_assert_cmpstr (stk_audit_page_get_category (audit, tracker), ==, "functional");
  g_assert_cmpuint (stk_audit_page_add_chosen (audit), ==, 1);
  g_assert_nonnull (declared_cookie (policy, "_tracker"));
  g_assert_true (stk_history_undo (history));
  spin ();
  g_assert_null (declared_cookie (policy, "_tracker"));

  close_window (window);
  g_assert_null (page);
}

/* A malformed file: a message with its file, line and column; the report shown stays. */
static void
test_har_errors (void)
{
  g_autoptr(StkDocument) document = example_document ();
  GtkWidget *page = stk_audit_page_new (document);
  StkAuditPage *audit = STK_AUDIT_PAGE (page);
  GtkWindow *window = show_page (page);
  StkAuditReport *shown;
  GtkWidget *bar;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);

  import (page, "truncated.har");
  g_assert_null (stk_audit_page_get_report (audit));
  g_assert_nonnull (stk_audit_page_get_error (audit));
  g_assert_nonnull (strstr (stk_audit_page_get_error (audit), "truncated.har:144:24: "));
  bar = find_descendant (page, GTK_TYPE_INFO_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  import (page, "consent-flow.har");
  shown = stk_audit_page_get_report (audit);
  g_assert_nonnull (shown);
  g_assert_null (stk_audit_page_get_error (audit));
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  import (page, "entries-not-array.har");
  g_assert_true (stk_audit_page_get_report (audit) == shown);
  g_assert_nonnull (strstr (stk_audit_page_get_error (audit), "entries-not-array.har:4:16: "));

  /* A file without cookie data is read, with a warning on the page. */
  import (page, "no-cookies.har");
  g_assert_nonnull (stk_audit_page_get_report (audit));
  g_assert_cmpuint (stk_audit_report_get_warnings (stk_audit_page_get_report (audit))->len, ==,
                    1);

  close_window (window);
  g_assert_null (page);
}

#ifdef SAMTYKKE_TEST_SITE

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* A scan of three pages through the scan dialog; the address is remembered for the policy. */
static void
test_scan (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autoptr(StkDocument) document = example_document ();
  GtkWidget *page = stk_audit_page_new (document);
  StkAuditPage *audit = STK_AUDIT_PAGE (page);
  GtkWindow *window = show_page (page);
  static const char * const fast[] = { "--settle", "300", NULL };
  g_autofree char *remembered = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) addresses = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkSpinButton *pages;
  StkAuditReport *report;
  const char *url;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  stk_audit_page_set_scan_args (audit, fast);

  g_assert_true (gtk_widget_activate_action (page, "audit.scan", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = g_object_get_data (G_OBJECT (dialog), "stk-url-entry");
  pages = g_object_get_data (G_OBJECT (dialog), "stk-pages");
  /* Never scanned: the policy's own domain. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "https://kk.dk/");
  gtk_editable_set_text (entry, "not an address");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "scan"));
  gtk_editable_set_text (entry, site->site);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "scan"));
  gtk_spin_button_set_value (pages, 3);
  adw_message_dialog_response (dialog, "scan");
  spin ();
  g_assert_true (stk_audit_page_get_busy (audit));

  g_assert_true (wait_for (is_idle, page, 60 * SCAN_SLOWDOWN));
  g_assert_null (stk_audit_page_get_error (audit));
  report = stk_audit_page_get_report (audit);
  g_assert_nonnull (report);
  g_assert_cmpint (stk_audit_report_get_source (report), ==, STK_AUDIT_SOURCE_SCAN);
  g_assert_cmpuint (stk_audit_report_get_pages (report)->len, ==, 3);
  g_assert_nonnull (item_named (audit, "site_session"));
  g_assert_nonnull (item_named (audit, "a_visit"));
  g_assert_nonnull (item_named (audit, "ls_visits"));
  g_assert_null (item_named (audit, "deep_cookie"));
  g_assert_nonnull (row_of (page, "site_session"));
  g_assert_cmpint (stk_audit_item_get_status (item_named (audit, "site_session")), ==,
                   STK_AUDIT_UNDECLARED);

  /* Remembered for this policy file, here and across runs. */
  remembered = stk_audit_page_dup_scan_url (audit);
  g_assert_cmpstr (remembered, ==, site->site);
  addresses = g_settings_get_value (settings, "scan-addresses");
  key = g_file_get_uri (stk_document_get_file (document));
  g_assert_true (g_variant_lookup (addresses, key, "&s", &url));
  g_assert_cmpstr (url, ==, site->site);
  g_assert_cmpuint (g_settings_get_uint (settings, "scan-pages"), ==, 3);

  close_window (window);
  g_assert_null (page);
}

typedef struct
{
  TestSite *site;
} SiteWait;

static gboolean
site_was_visited (gpointer data)
{
  SiteWait *wait = data;
  g_autoptr(JsonArray) log = site_log (wait->site);

  return count_requests (log, "127.0.0.1", "/a") > 0;
}

/* Cancel stops the scan at once and shows what it found so far. */
static void
test_scan_cancel (void)
{
  g_autoptr(TestSite) site = test_site_start (FALSE);
  g_autoptr(StkDocument) document = example_document ();
  GtkWidget *page = stk_audit_page_new (document);
  StkAuditPage *audit = STK_AUDIT_PAGE (page);
  GtkWindow *window = show_page (page);
  static const char * const fast[] = { "--settle", "300", NULL };
  SiteWait wait = { site };
  StkAuditReport *report;
  gint64 cancelled;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  stk_audit_page_set_scan_args (audit, fast);
  stk_audit_page_scan (audit, site->site, 25);
  g_assert_true (stk_audit_page_get_busy (audit));
  g_assert_true (g_action_group_get_action_enabled (stk_audit_page_get_actions (audit),
                                                    "cancel"));
  g_assert_false (g_action_group_get_action_enabled (stk_audit_page_get_actions (audit),
                                                     "scan"));

  /* Once it is under way (the second page requested), not before. */
  g_assert_true (wait_for (site_was_visited, &wait, 60 * SCAN_SLOWDOWN));
  cancelled = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (page, "audit.cancel", NULL));
  g_assert_true (wait_for (is_idle, page, 15 * SCAN_SLOWDOWN));
  g_assert_cmpint (g_get_monotonic_time () - cancelled, <, 15 * SCAN_SLOWDOWN * G_USEC_PER_SEC);

  report = stk_audit_page_get_report (audit);
  g_assert_nonnull (report);
  g_assert_cmpuint (stk_audit_report_get_pages (report)->len, <, 25);
  g_assert_cmpuint (stk_audit_report_get_warnings (report)->len, >=, 1);
  g_assert_nonnull (item_named (audit, "site_session"));

  close_window (window);
  g_assert_null (page);
}

#endif

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/audit-page/har-add-undo", test_har_add_undo);
  g_test_add_func ("/audit-page/har-errors", test_har_errors);
#ifdef SAMTYKKE_TEST_SITE
  g_setenv ("SAMTYKKE_SCAN", SAMTYKKE_SCAN, TRUE);
  g_test_add_func ("/audit-page/scan", test_scan);
  g_test_add_func ("/audit-page/scan-cancel", test_scan_cancel);
#endif

  return g_test_run ();
}
