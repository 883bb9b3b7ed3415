/* stk-audit-page.c — what the site really sets, held against the policy: scan, HAR, report
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-audit-page.h"
#include "stk-settings.h"

#define AUDIT_PAGE_RESOURCE "/io/github/samtykke/Samtykke/pages/stk-audit-page.ui"
#define DEFAULT_MAX_PAGES 25

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

G_DEFINE_FINAL_TYPE (StkAuditPage, stk_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_REPORT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_rows (StkAuditPage *self);

/* Enables or disables one of the page's actions ("scan"), and its copy in the group the window
 * may insert. */
static void
set_action_enabled (StkAuditPage *self,
                    const char   *name,
                    gboolean      enabled)
{
  g_autofree char *full = g_strconcat ("audit.", name, NULL);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), full, enabled);
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
forward_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autofree char *full = g_strconcat ("audit.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (user_data), full, NULL);
}

/**
 * stk_audit_page_get_actions:
 * @self: an audit page
 *
 * The page's actions as a group, for a window to insert under the prefix "audit", so that
 * menus and buttons outside the page reach them; they are enabled and disabled with the page's.
 *
 * Returns: (transfer none): the group
 */
GActionGroup *
stk_audit_page_get_actions (StkAuditPage *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/* Labels ----------------------------------------------------------------------------------- */

static const char *
kind_label (StkKind kind)
{
  switch (kind)
    {
    case STK_KIND_COOKIE:          return C_("storage kind", "Cookie");
    case STK_KIND_LOCAL_STORAGE:   return C_("storage kind", "Local storage");
    case STK_KIND_SESSION_STORAGE: return C_("storage kind", "Session storage");
    case STK_KIND_INDEXEDDB:       return C_("storage kind", "IndexedDB");
    case STK_KIND_PIXEL:           return C_("storage kind", "Pixel");
    default:                       return "?";
    }
}

static char *
expiry_label (StkAuditItem *item)
{
  gint64 expires = stk_audit_item_get_expires (item);
  g_autoptr(GDateTime) when = NULL;

  if (expires == 0)
    return g_strdup (_("When the browser closes (session)"));
  if (expires < 0)
    return g_strdup (_("Unknown"));

  when = g_date_time_new_from_unix_local (expires);
  if (when == NULL)
    return g_strdup (_("Unknown"));
  /* Translators: the date a cookie expires; see the strftime manual for the codes. */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static const char *
category_title (StkPolicy  *policy,
                const char *id)
{
  StkCategory *category = id != NULL ? stk_policy_find_category (policy, id) : NULL;
  const char *title = NULL;

  if (category == NULL)
    return id;

  title = stk_text_get (stk_category_get_title (category), stk_policy_get_default_language (policy));
  return title != NULL && *title != '\0' ? title : id;
}

/* The policy has a cookie of the item's name and kind: an added item stays added until the
 * addition is undone. */
static gboolean
policy_declares (StkPolicy    *policy,
                 StkAuditItem *item)
{
  StkList *providers = stk_policy_get_providers (policy);

  for (guint p = 0; p < stk_list_get_n (providers); p++)
    {
      StkList *cookies = stk_provider_get_cookies (stk_list_peek (providers, p));

      for (guint c = 0; c < stk_list_get_n (cookies); c++)
        {
          StkCookie *cookie = stk_list_peek (cookies, c);

          if (stk_cookie_get_kind (cookie) == stk_audit_item_get_kind (item)
              && g_strcmp0 (stk_cookie_get_name (cookie), stk_audit_item_get_name (item)) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
stk_audit_page_get_added (StkAuditPage *self,
                          StkAuditItem *item)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), FALSE);

  return self->policy != NULL && g_hash_table_contains (self->applied, item)
         && policy_declares (self->policy, item);
}

/* State ------------------------------------------------------------------------------------ */

static void
set_busy (StkAuditPage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  set_action_enabled (self, "scan", !busy);
  set_action_enabled (self, "import-har", !busy);
  set_action_enabled (self, "cancel", busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_add_action (StkAuditPage *self)
{
  set_action_enabled (self, "add-selected",
                                 !self->busy && self->report != NULL
                                 && g_hash_table_size (self->chosen) > 0);
}

static void
show_state (StkAuditPage *self)
{
  if (self->busy)
    gtk_stack_set_visible_child_name (self->stack, "busy");
  else if (self->report != NULL)
    gtk_stack_set_visible_child_name (self->stack, "report");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
  update_add_action (self);
}

static void
show_toast (StkAuditPage *self,
            const char   *text,
            guint         timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_error (StkAuditPage *self,
           const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  /* Not a toast: a message with a file, line and column is long, and must stay readable. */
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_info_bar_set_revealed (self->error_bar, message != NULL);
}

static void
on_error_bar_response (StkAuditPage *self,
                       int           response)
{
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

/* The summary ------------------------------------------------------------------------------ */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
update_summary (StkAuditPage *self)
{
  StkAuditReport *report = self->report;
  GPtrArray *warnings;
  guint undeclared, declared, unseen, before, pages, problems;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;

  clear_box (self->warnings_box);
  if (report == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_box), FALSE);
      return;
    }

  undeclared = stk_audit_report_count (report, STK_AUDIT_UNDECLARED);
  declared = stk_audit_report_count (report, STK_AUDIT_DECLARED);
  unseen = stk_audit_report_count (report, STK_AUDIT_UNSEEN);
  before = stk_audit_report_count_before_consent (report);
  pages = stk_audit_report_get_pages (report)->len;

  /* An item not declared and set before consent is one problem, not two. */
  problems = undeclared;
  for (guint i = 0; i < g_list_model_get_n_items (stk_audit_report_get_items (report)); i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (stk_audit_report_get_items (report), i);

      if (stk_audit_item_get_status (item) == STK_AUDIT_DECLARED
          && stk_audit_item_get_before_consent (item))
        problems++;
    }

  if (problems == 0)
    title = g_strdup (_("Everything Seen Is Declared"));
  else
    /* Translators: the heading of a report: undeclared cookies and cookies set too early. */
    title = g_strdup_printf (ngettext ("%u Problem Found", "%u Problems Found", problems),
                             problems);
  gtk_label_set_text (self->summary_title, title);

  if (stk_audit_report_get_source (report) == STK_AUDIT_SOURCE_SCAN)
    /* Translators: part of a report's summary */
    source = g_strdup_printf (ngettext ("%u page scanned.", "%u pages scanned.", pages), pages);
  else
    source = g_strdup_printf (ngettext ("%u page read from HAR files.",
                                        "%u pages read from HAR files.", pages), pages);
  /* Translators: the counts of a report, after the number of pages */
  counts = g_strdup_printf (_("%u not declared, %u set before consent, %u declared, %u declared "
                              "but not seen."),
                            undeclared, before, declared, unseen);
  text = g_strconcat (source, " ", counts, NULL);
  gtk_label_set_text (self->summary_label, text);

  warnings = stk_audit_report_get_warnings (report);
  for (guint i = 0; i < warnings->len; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (g_ptr_array_index (warnings, i));

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->warnings_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_box), warnings->len > 0);
}

/* Rows ------------------------------------------------------------------------------------- */

static GtkWidget *
detail_row (const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");

  return row;
}

static GtkWidget *
tag (const char *text,
     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);

  return label;
}

static void
on_chosen_toggled (GtkCheckButton *check,
                   StkAuditPage   *self)
{
  StkAuditItem *item = g_object_get_data (G_OBJECT (check), "stk-audit-item");

  stk_audit_page_set_chosen (self, item, gtk_check_button_get_active (check));
}

static void
on_category_selected (AdwComboRow  *row,
                      GParamSpec   *pspec,
                      StkAuditPage *self)
{
  StkAuditItem *item = g_object_get_data (G_OBJECT (row), "stk-audit-item");
  GStrv ids = g_object_get_data (G_OBJECT (row), "stk-category-ids");
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (ids))
    return;

  stk_audit_page_set_category (self, item, ids[selected]);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               g_strcmp0 (ids[selected],
                                          stk_audit_item_get_suggested_category (item)) == 0
                               ? _("As suggested; confirm it") : "");
}

static GtkWidget *
category_row (StkAuditPage *self,
              StkAuditItem *item)
{
  StkList *categories = stk_policy_get_categories (self->policy);
  const char *current = stk_audit_page_get_category (self, item);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GStrv ids = g_new0 (char *, stk_list_get_n (categories) + 1);
  guint selected = GTK_INVALID_LIST_POSITION;
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      const char *id = stk_category_get_id (category);

      ids[i] = g_strdup (id);
      gtk_string_list_append (titles, category_title (self->policy, id));
      if (g_strcmp0 (id, current) == 0)
        selected = i;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add to Category"));
  if (stk_audit_item_get_suggestion (item) != NULL && current != NULL
      && g_strcmp0 (current, stk_audit_item_get_suggested_category (item)) == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("As suggested; confirm it"));
  else if (current == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Choose one before adding"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "stk-audit-item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "stk-category-ids", ids, (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_category_selected), self, 0);

  return row;
}

static void
add_suggestion_rows (StkAuditPage *self,
                     AdwExpanderRow *expander,
                     StkAuditItem *item)
{
  const StkOcdEntry *suggestion = stk_audit_item_get_suggestion (item);
  g_autofree char *what = NULL;
  GtkWidget *row;

  if (suggestion == NULL)
    {
      row = detail_row (_("Suggestion"),
                        _("The Open Cookie Database does not know this name. Find out who sets "
                          "it and why before you add it."));
      adw_expander_row_add_row (expander, row);
      return;
    }

  /* Translators: a suggestion: the platform ("Google Analytics"), the database's category
   * ("Analytics"), then its English description. */
  what = g_strdup_printf (_("%s (%s): %s"), suggestion->platform, suggestion->category_name,
                          *suggestion->description != '\0' ? suggestion->description : "—");
  row = detail_row (_("Suggestion from the Open Cookie Database — confirm it"), what);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("dialog-information-symbolic"));
  adw_expander_row_add_row (expander, row);

  if (*suggestion->retention != '\0')
    adw_expander_row_add_row (expander, detail_row (_("Suggested Retention"),
                                                    suggestion->retention));
  if (stk_audit_item_get_suggested_category (item) == NULL)
    adw_expander_row_add_row (expander,
                              detail_row (_("Suggested Category"),
                                          _("None of the policy's categories fits the "
                                            "database's; choose one.")));
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  StkAuditPage *self = user_data;
  StkAuditItem *item = object;
  StkAuditStatus status = stk_audit_item_get_status (item);
  gboolean added = status == STK_AUDIT_UNDECLARED && stk_audit_page_get_added (self, item);
  const StkOcdEntry *suggestion = stk_audit_item_get_suggestion (item);
  const char *domain = stk_audit_item_get_domain (item);
  const char *name = stk_audit_item_get_name (item);
  g_autofree char *subtitle = NULL;
  g_autofree char *expiry = NULL;
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), *name != '\0' ? name : "\"\"");
  if (domain == NULL || *domain == '\0')
    domain = _("the site");
  if (suggestion != NULL && status == STK_AUDIT_UNDECLARED)
    /* Translators: a finding's subtitle: what it is, its domain, the suggested platform */
    subtitle = g_strdup_printf (_("%s · %s · probably %s"),
                                kind_label (stk_audit_item_get_kind (item)), domain,
                                suggestion->platform);
  else if (stk_audit_item_get_provider (item) != NULL)
    subtitle = g_strdup_printf (_("%s · %s · %s"), kind_label (stk_audit_item_get_kind (item)),
                                domain, stk_provider_get_name (stk_audit_item_get_provider (item)));
  else
    /* Translators: a finding's subtitle: what it is ("Cookie"), its domain */
    subtitle = g_strdup_printf (_("%s · %s"), kind_label (stk_audit_item_get_kind (item)), domain);
  /* The subtitle is markup in this libadwaita. */
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), escaped);
  }

  if (status == STK_AUDIT_UNDECLARED)
    {
      if (added)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                     tag (_("Added"), "success"));
      else
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       stk_audit_page_get_chosen (self, item));
          gtk_widget_set_tooltip_text (check, _("Add to the policy"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (check), "stk-audit-item", g_object_ref (item),
                                  g_object_unref);
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_chosen_toggled), self, 0);
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), check);
        }
    }

  if (stk_audit_item_get_before_consent (item))
    {
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   tag (_("Set before consent"), "error"));
      /* Where no check box leads the row, an error icon does. */
      if (status != STK_AUDIT_UNDECLARED || added)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, _("Set before the visitor consents"));
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);
        }
    }
  else if (stk_audit_item_get_third_party (item))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), tag (_("Third party"), "dim-label"));

  /* The details */
  if (stk_audit_item_get_before_consent (item))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              detail_row (_("Set Before Consent"),
                                          _("It was there while its category was not granted, "
                                            "and it is not required. Only required cookies may "
                                            "be set before the visitor consents.")));
  if (stk_audit_item_get_third_party (item))
    {
      /* Translators: a domain outside the page's site */
      g_autofree char *third = g_strdup_printf (_("%s (third party)"), domain);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), detail_row (_("Domain"), third));
    }
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), detail_row (_("Domain"), domain));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            detail_row (_("Kind"), kind_label (stk_audit_item_get_kind (item))));
  if (status != STK_AUDIT_UNSEEN)
    {
      expiry = expiry_label (item);
      if (stk_audit_item_get_first_seen (item) != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  detail_row (_("First Seen On"),
                                              stk_audit_item_get_first_seen (item)));
      if (stk_audit_item_get_kind (item) == STK_KIND_COOKIE)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), detail_row (_("Expires"), expiry));
      if (stk_audit_item_get_file (item) != NULL)
        {
          g_autofree char *place = g_strdup_printf ("%s:%d:%d", stk_audit_item_get_file (item),
                                                    stk_audit_item_get_line (item),
                                                    stk_audit_item_get_column (item));

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    detail_row (_("Recorded In"), place));
        }
    }

  if (stk_audit_item_get_provider (item) != NULL)
    {
      StkProvider *provider = stk_audit_item_get_provider (item);
      g_autofree char *declared = g_strdup_printf (
        /* Translators: where a cookie is declared: the provider, then the category */
        _("%s, in “%s”"), stk_provider_get_name (provider),
        category_title (self->policy, stk_provider_get_category (provider)));
      GtkWidget *row = detail_row (_("Declared Under"), declared);
      GtkWidget *button = gtk_button_new_with_label (_("Show"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.focus-path");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        stk_audit_item_get_policy_path (item));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  if (status == STK_AUDIT_UNDECLARED)
    {
      add_suggestion_rows (self, ADW_EXPANDER_ROW (expander), item);
      if (!added)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), category_row (self, item));
    }

  g_object_set_data_full (G_OBJECT (expander), "stk-audit-item", g_object_ref (item),
                          g_object_unref);
  return expander;
}

static void
update_visibility (StkAuditPage *self)
{
  AdwPreferencesGroup *groups[] = { self->declared_group, self->undeclared_group,
                                    self->unseen_group };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown[i]));

      gtk_widget_set_visible (GTK_WIDGET (groups[i]), n > 0);
      any |= n > 0;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_status), self->report != NULL && !any);
  adw_status_page_set_description (self->no_match_status,
                                   self->report != NULL
                                   && g_list_model_get_n_items (
                                        stk_audit_report_get_items (self->report)) == 0
                                   ? _("The pages checked set no cookies and no storage keys.")
                                   : _("Try another search or show all findings."));
}

static void
rebuild_rows (StkAuditPage *self)
{
  gtk_list_box_bind_model (self->declared_list, G_LIST_MODEL (self->shown[STK_AUDIT_DECLARED]),
                           create_row, self, NULL);
  gtk_list_box_bind_model (self->undeclared_list,
                           G_LIST_MODEL (self->shown[STK_AUDIT_UNDECLARED]),
                           create_row, self, NULL);
  gtk_list_box_bind_model (self->unseen_list, G_LIST_MODEL (self->shown[STK_AUDIT_UNSEEN]),
                           create_row, self, NULL);
  update_visibility (self);
}

/* Filtering -------------------------------------------------------------------------------- */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
search_match (gpointer object,
              gpointer user_data)
{
  StkAuditPage *self = user_data;
  StkAuditItem *item = object;
  const StkOcdEntry *suggestion = stk_audit_item_get_suggestion (item);

  switch (self->show)
    {
    case SHOW_BEFORE_CONSENT:
      if (!stk_audit_item_get_before_consent (item))
        return FALSE;
      break;
    case SHOW_SUGGESTED:
      if (suggestion == NULL)
        return FALSE;
      break;
    case SHOW_THIRD_PARTY:
      if (!stk_audit_item_get_third_party (item))
        return FALSE;
      break;
    case SHOW_ALL:
    default:
      break;
    }

  if (self->search == NULL)
    return TRUE;

  return contains_folded (stk_audit_item_get_name (item), self->search)
         || contains_folded (stk_audit_item_get_domain (item), self->search)
         || (suggestion != NULL && contains_folded (suggestion->platform, self->search))
         || (stk_audit_item_get_provider (item) != NULL
             && contains_folded (stk_provider_get_name (stk_audit_item_get_provider (item)),
                                 self->search));
}

static gboolean
status_match (gpointer object,
              gpointer user_data)
{
  return stk_audit_item_get_status (object) == (StkAuditStatus) GPOINTER_TO_UINT (user_data);
}

void
stk_audit_page_set_filter (StkAuditPage *self,
                           const char   *text)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

static void
on_search_changed (StkAuditPage *self)
{
  stk_audit_page_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_show_changed (StkAuditPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->show_dropdown);

  self->show = selected <= SHOW_THIRD_PARTY ? (ShowFilter) selected : SHOW_ALL;
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

GListModel *
stk_audit_page_get_shown (StkAuditPage   *self,
                          StkAuditStatus  status)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);
  g_return_val_if_fail (status <= STK_AUDIT_UNSEEN, NULL);

  return G_LIST_MODEL (self->shown[status]);
}

/* The report and the policy ---------------------------------------------------------------- */

static void
on_policy_changed (StkAuditPage *self)
{
  /* Another change after "Add to Policy": the toast's Undo would undo that one instead. */
  if (!self->applying && self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  /* An undo or redo of the addition turns items back or forth; other edits change nothing
   * here, and rebuilding the rows would fold them. */
  if (!self->applying && self->policy != NULL)
    {
      GHashTableIter iter;
      gpointer item, seen;
      gboolean flipped = FALSE;

      g_hash_table_iter_init (&iter, self->applied);
      while (g_hash_table_iter_next (&iter, &item, &seen))
        {
          gboolean declared = policy_declares (self->policy, item);

          if (GPOINTER_TO_INT (seen) - 1 != declared)
            {
              g_hash_table_iter_replace (&iter, GINT_TO_POINTER (declared + 1));
              flipped = TRUE;
            }
        }
      if (flipped)
        rebuild_rows (self);
    }
}

static void
set_policy (StkAuditPage *self,
            StkPolicy    *policy)
{
  if (self->policy == policy)
    return;

  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  g_set_object (&self->policy, policy);
  if (policy != NULL)
    g_signal_connect_object (policy, "changed", G_CALLBACK (on_policy_changed), self,
                             G_CONNECT_SWAPPED);
}

void
stk_audit_page_set_report (StkAuditPage   *self,
                           StkAuditReport *report)
{
  GListModel *items = NULL;

  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (report == NULL || STK_IS_AUDIT_REPORT (report));

  if (self->report == report)
    return;

  /* The report must be finished (matched) already: the page only shows it. */
  if (report != NULL)
    items = stk_audit_report_get_items (report);

  g_hash_table_remove_all (self->chosen);
  g_hash_table_remove_all (self->categories);
  g_hash_table_remove_all (self->applied);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  g_set_object (&self->report, report);
  set_policy (self, report != NULL ? stk_audit_report_get_policy (report) : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->shown); i++)
    gtk_filter_list_model_set_model (self->shown[i], items);

  update_summary (self);
  rebuild_rows (self);
  show_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

StkAuditReport *
stk_audit_page_get_report (StkAuditPage *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  return self->report;
}

gboolean
stk_audit_page_get_busy (StkAuditPage *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), FALSE);

  return self->busy;
}

const char *
stk_audit_page_get_error (StkAuditPage *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  return self->error;
}

/* Choosing and adding ---------------------------------------------------------------------- */

void
stk_audit_page_set_chosen (StkAuditPage *self,
                           StkAuditItem *item,
                           gboolean      chosen)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (STK_IS_AUDIT_ITEM (item));

  if (chosen && stk_audit_item_get_status (item) == STK_AUDIT_UNDECLARED)
    g_hash_table_add (self->chosen, g_object_ref (item));
  else
    g_hash_table_remove (self->chosen, item);
  update_add_action (self);
}

gboolean
stk_audit_page_get_chosen (StkAuditPage *self,
                           StkAuditItem *item)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), FALSE);

  return g_hash_table_contains (self->chosen, item);
}

void
stk_audit_page_set_category (StkAuditPage *self,
                             StkAuditItem *item,
                             const char   *category)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (STK_IS_AUDIT_ITEM (item));

  g_hash_table_replace (self->categories, g_object_ref (item), g_strdup (category));
}

const char *
stk_audit_page_get_category (StkAuditPage *self,
                             StkAuditItem *item)
{
  gpointer category;

  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  if (g_hash_table_lookup_extended (self->categories, item, NULL, &category))
    return category;

  return stk_audit_item_get_suggested_category (item);
}

static void
on_undo_toast_dismissed (AdwToast     *toast,
                         StkAuditPage *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

guint
stk_audit_page_add_chosen (StkAuditPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  GListModel *all;
  StkHistory *history;
  AdwToast *toast;
  guint added;

  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), 0);

  if (self->report == NULL || self->busy || g_hash_table_size (self->chosen) == 0)
    return 0;

  /* In the report's order, so that the new declarations follow what was seen first. */
  items = g_ptr_array_new ();
  categories = g_ptr_array_new ();
  all = stk_audit_report_get_items (self->report);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (all, i);
      const char *category;

      if (!g_hash_table_contains (self->chosen, item))
        continue;

      category = stk_audit_page_get_category (self, item);
      if (category == NULL || stk_policy_find_category (self->policy, category) == NULL)
        {
          g_autofree char *message =
            /* Translators: %s is a cookie's name */
            g_strdup_printf (_("Choose a category for “%s” before adding it"),
                             stk_audit_item_get_name (item));

          show_toast (self, message, 5);
          return 0;
        }
      g_ptr_array_add (items, item);
      g_ptr_array_add (categories, (gpointer) category);
    }
  g_ptr_array_add (categories, NULL);

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  history = stk_policy_get_history (self->policy);

  self->applying = TRUE;
  stk_history_seal (history);
  added = stk_audit_report_apply (self->report, items, (const char * const *) categories->pdata,
                                  today);
  stk_history_seal (history);
  self->applying = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      StkAuditItem *item = g_ptr_array_index (items, i);

      g_hash_table_replace (self->applied, g_object_ref (item),
                            GINT_TO_POINTER (policy_declares (self->policy, item) + 1));
    }
  g_hash_table_remove_all (self->chosen);
  rebuild_rows (self);
  update_add_action (self);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  title = g_strdup_printf (ngettext ("Added %u item to the policy",
                                     "Added %u items to the policy", added), added);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "audit.undo-add");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return added;
}

static void
add_selected_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  stk_audit_page_add_chosen (STK_AUDIT_PAGE (widget));
}

static void
undo_add_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StkAuditPage *self = STK_AUDIT_PAGE (widget);

  if (self->policy != NULL)
    stk_history_undo (stk_policy_get_history (self->policy));
}

/* Scanning --------------------------------------------------------------------------------- */

static char *
policy_key (StkAuditPage *self)
{
  GFile *file = self->document != NULL ? stk_document_get_file (self->document) : NULL;

  return file != NULL ? g_file_get_uri (file) : NULL;
}

char *
stk_audit_page_dup_scan_url (StkAuditPage *self)
{
  g_autofree char *key = NULL;
  const char *remembered;

  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  if (self->document == NULL)
    return NULL;

  /* An unsaved policy remembers it only while it is open. */
  remembered = g_object_get_data (G_OBJECT (self->document), "stk-audit-scan-url");
  if (remembered != NULL)
    return g_strdup (remembered);

  key = policy_key (self);
  if (key != NULL && stk_settings_has (self->settings, "scan-addresses"))
    {
      g_autoptr(GVariant) addresses = g_settings_get_value (self->settings, "scan-addresses");
      const char *url;

      if (g_variant_lookup (addresses, key, "&s", &url))
        return g_strdup (url);
    }

  return NULL;
}

static void
remember_scan_url (StkAuditPage *self,
                   const char   *url)
{
  g_autofree char *key = NULL;

  if (self->document == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self->document), "stk-audit-scan-url", g_strdup (url),
                          g_free);

  key = policy_key (self);
  if (key != NULL && stk_settings_has (self->settings, "scan-addresses"))
    {
      g_autoptr(GVariant) addresses = g_settings_get_value (self->settings, "scan-addresses");
      GVariantBuilder builder;
      GVariantIter iter;
      const char *k, *v;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
      g_variant_iter_init (&iter, addresses);
      while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
        if (!g_str_equal (k, key))
          g_variant_builder_add (&builder, "{ss}", k, v);
      g_variant_builder_add (&builder, "{ss}", key, url);
      g_settings_set_value (self->settings, "scan-addresses", g_variant_builder_end (&builder));
    }
}

static void
update_progress (StkAuditPage *self)
{
  g_autofree char *text = NULL;
  const char *page;
  guint pages, items;

  if (self->scanner == NULL)
    return;

  pages = stk_scanner_get_pages_done (self->scanner);
  items = stk_scanner_get_items_found (self->scanner);
  page = stk_scanner_get_current_page (self->scanner);
  /* The two numbers are said apart so that each can take its plural form. */
  {
    g_autofree char *done = g_strdup_printf (ngettext ("%u page done", "%u pages done", pages),
                                             pages);
    g_autofree char *found = g_strdup_printf (ngettext ("%u item found", "%u items found",
                                                        items), items);

    /* Translators: "3 pages done · 12 items found" */
    text = g_strdup_printf (_("%s · %s"), done, found);
  }
  gtk_label_set_text (self->progress_label, text);
  gtk_label_set_text (self->current_page_label, page != NULL ? page : "");
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StkAuditPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StkAuditReport) report = NULL;

  report = stk_scanner_run_finish (STK_SCANNER (source), result, &error);
  if (self->scanner != STK_SCANNER (source))
    return;

  g_signal_handlers_disconnect_by_data (source, self);
  g_clear_object (&self->scanner);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      show_state (self);
      return;
    }

  set_error (self, NULL);
  stk_audit_page_set_report (self, report);
  show_state (self);
}

void
stk_audit_page_scan (StkAuditPage *self,
                     const char   *url,
                     guint         max_pages)
{
  const char *urls[] = { url, NULL };

  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (url != NULL);

  if (self->busy || self->document == NULL || stk_document_get_policy (self->document) == NULL)
    return;

  remember_scan_url (self, url);
  if (stk_settings_has (self->settings, "scan-pages"))
    g_settings_set_uint (self->settings, "scan-pages", max_pages);

  self->scanner = stk_scanner_new (stk_document_get_policy (self->document));
  stk_scanner_set_max_pages (self->scanner, MAX (max_pages, 1));
  if (self->scan_args != NULL)
    stk_scanner_set_extra_args (self->scanner, (const char * const *) self->scan_args);
  g_signal_connect_object (self->scanner, "notify::pages-done", G_CALLBACK (update_progress),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scanner, "notify::items-found", G_CALLBACK (update_progress),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scanner, "notify::current-page", G_CALLBACK (update_progress),
                           self, G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();

  adw_status_page_set_title (self->busy_status, _("Scanning the Website"));
  adw_status_page_set_description (self->busy_status, url);
  gtk_widget_set_visible (self->cancel_button, TRUE);
  set_busy (self, TRUE);
  update_progress (self);
  show_state (self);

  stk_scanner_run_async (self->scanner, urls, self->cancellable, scan_done_cb,
                         g_object_ref (self));
}

void
stk_audit_page_set_scan_args (StkAuditPage       *self,
                              const char * const *args)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));

  g_strfreev (self->scan_args);
  self->scan_args = g_strdupv ((char **) args);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StkAuditPage *self = STK_AUDIT_PAGE (widget);

  /* A stopped scan still reports what it found so far. */
  if (self->scanner != NULL)
    stk_scanner_stop (self->scanner);
  else if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The scan dialog */

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL
         && (g_str_equal (g_uri_get_scheme (uri), "http")
             || g_str_equal (g_uri_get_scheme (uri), "https"))
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static void
on_url_changed (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  gboolean valid = is_web_address (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (dialog, "scan", valid);
  if (valid || *gtk_editable_get_text (entry) == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_scan_response (AdwMessageDialog *dialog,
                  const char       *response,
                  StkAuditPage     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "stk-url-entry");
  GtkSpinButton *pages = g_object_get_data (G_OBJECT (dialog), "stk-pages");

  if (self->dialog == GTK_WINDOW (dialog))
    self->dialog = NULL;
  if (g_str_equal (response, "scan") && is_web_address (gtk_editable_get_text (entry)))
    stk_audit_page_scan (self, gtk_editable_get_text (entry),
                         (guint) gtk_spin_button_get_value_as_int (pages));
}

static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkAuditPage *self = STK_AUDIT_PAGE (widget);
  g_autofree char *url = stk_audit_page_dup_scan_url (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *group, *url_row, *pages_row, *spin;
  AdwMessageDialog *dialog;
  guint max_pages = DEFAULT_MAX_PAGES;

  if (self->busy || self->document == NULL || stk_document_get_policy (self->document) == NULL)
    return;

  if (url == NULL)
    {
      const char * const *domains = stk_policy_get_domains (stk_document_get_policy (self->document));

      if (domains != NULL && domains[0] != NULL)
        url = g_strdup_printf ("https://%s/", domains[0]);
    }
  if (stk_settings_has (self->settings, "scan-pages"))
    max_pages = g_settings_get_uint (self->settings, "scan-pages");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                       : NULL,
                                                       _("Scan Website"),
                                                       _("The pages open in a private browser, "
                                                         "as on a first visit. When the site runs "
                                                         "the Samtykke banner, they are visited "
                                                         "again after accepting every category. "
                                                         "Links to other sites are not "
                                                         "followed.")));
  group = adw_preferences_group_new ();
  url_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url_row), _("Start Address"));
  gtk_editable_set_text (GTK_EDITABLE (url_row), url != NULL ? url : "https://");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (url_row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (url_row), GTK_INPUT_PURPOSE_URL);
  pages_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pages_row), _("Pages at Most"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (pages_row), _("In each pass"));
  spin = gtk_spin_button_new_with_range (1, 1000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), max_pages);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (pages_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), url_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pages_row);
  adw_message_dialog_set_extra_child (dialog, group);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "scan", _("_Scan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "scan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "scan");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "stk-url-entry", url_row);
  g_object_set_data (G_OBJECT (dialog), "stk-pages", spin);
  g_signal_connect (url_row, "changed", G_CALLBACK (on_url_changed), dialog);
  on_url_changed (GTK_EDITABLE (url_row), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_scan_response), self, 0);

  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (url_row);
}

/* Importing HAR files ---------------------------------------------------------------------- */

typedef struct
{
  StkAuditReport *report;
  GPtrArray      *files;   /* GFile */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->report);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;

  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("%s: only local files can be read"), uri);
          return;
        }

      if (!stk_har_read (job->report, path, &error))
        {
          const StkLocation *location = stk_error_get_location (error);

          if (location != NULL)
            g_task_return_new_error (task, error->domain, error->code, "%s:%d:%d: %s",
                                     location->file, location->line, location->column,
                                     location->message);
          else if (strstr (error->message, path) == NULL)
            g_task_return_new_error (task, error->domain, error->code, "%s: %s", path,
                                     error->message);
          else
            g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  StkAuditPage *self = STK_AUDIT_PAGE (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  StkPolicy *policy;

  if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
    {
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      show_state (self);
      return;
    }

  /* Read against a copy; matched against the document's policy, where additions go. */
  policy = self->document != NULL ? stk_document_get_policy (self->document) : NULL;
  if (policy == NULL)
    {
      show_state (self);
      return;
    }
  stk_audit_report_set_policy (job->report, policy);
  stk_audit_report_finish (job->report);
  set_error (self, NULL);
  stk_audit_page_set_report (self, job->report);
  show_state (self);
}

void
stk_audit_page_import_har (StkAuditPage  *self,
                           GFile * const *files,
                           guint          n_files)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StkPolicy) copy = NULL;
  g_autoptr(GError) error = NULL;
  StkPolicy *policy;
  ImportJob *job;

  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->busy || n_files == 0 || self->document == NULL)
    return;
  policy = stk_document_get_policy (self->document);
  if (policy == NULL)
    return;

  /* The worker reads a copy: the editor may change the policy while it reads. */
  bytes = stk_policy_to_bytes (policy);
  copy = stk_policy_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "policy.json", &error);
  if (copy == NULL)
    {
      set_error (self, error->message);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->report = stk_audit_report_new (copy, STK_AUDIT_SOURCE_HAR);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, stk_audit_page_import_har);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  adw_status_page_set_title (self->busy_status, _("Reading HAR Files"));
  if (n_files == 1)
    {
      g_autofree char *name = g_file_get_basename (files[0]);

      adw_status_page_set_description (self->busy_status, name);
    }
  else
    adw_status_page_set_description (self->busy_status, NULL);
  gtk_label_set_text (self->progress_label, "");
  gtk_label_set_text (self->current_page_label, "");
  set_busy (self, TRUE);
  show_state (self);

  g_task_run_in_thread (task, import_thread);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     StkAuditPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      stk_audit_page_import_har (self, (GFile * const *) files->pdata, files->len);
    }

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
import_har_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StkAuditPage *self = STK_AUDIT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) har = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->busy || self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import HAR Files"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (har, _("HAR Files"));
  gtk_file_filter_add_pattern (har, "*.har");
  gtk_file_filter_add_pattern (har, "*.HAR");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), har);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), har);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* The document ----------------------------------------------------------------------------- */

static void
on_document_policy (StkAuditPage *self)
{
  StkPolicy *policy = self->document != NULL ? stk_document_get_policy (self->document) : NULL;

  /* A report of another policy (one opened in its place) means nothing here. */
  if (self->report != NULL && stk_audit_report_get_policy (self->report) != policy)
    stk_audit_page_set_report (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), policy != NULL);
}

StkDocument *
stk_audit_page_get_document (StkAuditPage *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  return self->document;
}

void
stk_audit_page_set_document (StkAuditPage *self,
                             StkDocument  *document)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (document == NULL || STK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "notify::policy", G_CALLBACK (on_document_policy), self,
                             G_CONNECT_SWAPPED);
  on_document_policy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GtkWidget *
stk_audit_page_new (StkDocument *document)
{
  return g_object_new (STK_TYPE_AUDIT_PAGE, "document", document, NULL);
}

/* The class -------------------------------------------------------------------------------- */

static void
stk_audit_page_dispose (GObject *object)
{
  StkAuditPage *self = STK_AUDIT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->scanner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scanner, self);
      stk_scanner_stop (self->scanner);
      g_clear_object (&self->scanner);
    }
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = NULL;
  self->undo_toast = NULL;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  set_policy (self, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->report);
  g_hash_table_remove_all (self->chosen);
  g_hash_table_remove_all (self->categories);
  g_hash_table_remove_all (self->applied);
  for (guint i = 0; i < G_N_ELEMENTS (self->shown); i++)
    g_clear_object (&self->shown[i]);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  /* A window may still hold the group: its actions must no longer reach this page. */
  if (self->actions != NULL)
    {
      g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->actions));

      for (guint i = 0; names[i] != NULL; i++)
        g_action_map_remove_action (G_ACTION_MAP (self->actions), names[i]);
      g_clear_object (&self->actions);
    }

  /* AdwBin unparents its child itself: let go of it before the template's children. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_AUDIT_PAGE);

  G_OBJECT_CLASS (stk_audit_page_parent_class)->dispose (object);
}

static void
stk_audit_page_finalize (GObject *object)
{
  StkAuditPage *self = STK_AUDIT_PAGE (object);

  g_hash_table_unref (self->chosen);
  g_hash_table_unref (self->categories);
  g_hash_table_unref (self->applied);
  g_free (self->search);
  g_free (self->error);
  g_strfreev (self->scan_args);

  G_OBJECT_CLASS (stk_audit_page_parent_class)->finalize (object);
}

static void
stk_audit_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StkAuditPage *self = STK_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_audit_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StkAuditPage *self = STK_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      stk_audit_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_REPORT:
      stk_audit_page_set_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_audit_page_class_init (StkAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_audit_page_dispose;
  object_class->finalize = stk_audit_page_finalize;
  object_class->get_property = stk_audit_page_get_property;
  object_class->set_property = stk_audit_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, STK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, STK_TYPE_AUDIT_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "audit.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "audit.import-har", NULL, import_har_action);
  gtk_widget_class_install_action (widget_class, "audit.add-selected", NULL,
                                   add_selected_action);
  gtk_widget_class_install_action (widget_class, "audit.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "audit.undo-add", NULL, undo_add_action);

  gtk_widget_class_set_template_from_resource (widget_class, AUDIT_PAGE_RESOURCE);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, error_bar);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, busy_status);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, current_page_label);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, summary_title);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, undeclared_group);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, declared_group);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, unseen_group);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, undeclared_list);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, declared_list);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, unseen_list);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, StkAuditPage, no_match_status);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_show_changed);
}

static void
stk_audit_page_init (StkAuditPage *self)
{
  g_autofree char *attribution = NULL;

  static const GActionEntry entries[] = {
    { "scan", forward_action },
    { "import-har", forward_action },
    { "add-selected", forward_action },
    { "cancel", forward_action },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page is their target; it outlives the group only as long as the window keeps both. */
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);

  self->chosen = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->categories = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->applied = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->settings = stk_settings_new ();

  self->search_filter = gtk_custom_filter_new (search_match, self, NULL);
  for (guint status = 0; status < G_N_ELEMENTS (self->shown); status++)
    {
      GtkFilter *every = GTK_FILTER (gtk_every_filter_new ());

      gtk_multi_filter_append (GTK_MULTI_FILTER (every),
                               GTK_FILTER (gtk_custom_filter_new (status_match,
                                                                  GUINT_TO_POINTER (status),
                                                                  NULL)));
      gtk_multi_filter_append (GTK_MULTI_FILTER (every),
                               g_object_ref (GTK_FILTER (self->search_filter)));
      self->shown[status] = gtk_filter_list_model_new (NULL, every);
    }

  /* Translators: %s names the Open Cookie Database, its version and licence (not translated) */
  attribution = g_strdup_printf (_("Suggestions come from the %s. They are often right and "
                                   "sometimes wrong: confirm each one before you add it."),
                                 STK_OCD_ATTRIBUTION);
  gtk_label_set_text (self->attribution_label, attribution);
  adw_preferences_group_set_description (self->undeclared_group,
                                         _("Tick the ones to declare, check their category, and "
                                           "add them to the policy in one step."));

  set_busy (self, FALSE);
  set_action_enabled (self, "cancel", FALSE);
  set_action_enabled (self, "scan", TRUE);
  set_action_enabled (self, "import-har", TRUE);
  show_state (self);
}
