/* stk-audit-page-rows.c — the Check Website page's summary, rows of findings and filters
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-audit-page-private.h"

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

/* The summary ------------------------------------------------------------------------------ */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
_stk_audit_page_update_summary (StkAuditPage *self)
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

void
_stk_audit_page_rebuild_rows (StkAuditPage *self)
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

void
_stk_audit_page_on_search_changed (StkAuditPage *self)
{
  stk_audit_page_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
_stk_audit_page_on_show_changed (StkAuditPage *self)
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

/* The lists' models: the report's items of one status each, narrowed by the search and by
 * the "Show" drop-down. */
void
_stk_audit_page_rows_init (StkAuditPage *self)
{
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
}
