/* stk-audit-page.c — what the site really sets, held against the policy: scan, HAR, report
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One class, four files sharing stk-audit-page-private.h: this one holds the page's state, the
 * report it shows and the class; stk-audit-page-rows.c the summary and the rows of findings;
 * stk-audit-page-apply.c adding the chosen ones to the policy; stk-audit-page-scan.c scanning
 * a site and reading HAR files in the background.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-audit-page-private.h"

#define AUDIT_PAGE_RESOURCE "/io/github/samtykke/Samtykke/pages/stk-audit-page.ui"

G_DEFINE_FINAL_TYPE (StkAuditPage, stk_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_REPORT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


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

/* State ------------------------------------------------------------------------------------ */

void
_stk_audit_page_set_busy (StkAuditPage *self,
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

void
_stk_audit_page_update_add_action (StkAuditPage *self)
{
  set_action_enabled (self, "add-selected",
                                 !self->busy && self->report != NULL
                                 && g_hash_table_size (self->chosen) > 0);
}

void
_stk_audit_page_show_state (StkAuditPage *self)
{
  if (self->busy)
    gtk_stack_set_visible_child_name (self->stack, "busy");
  else if (self->report != NULL)
    gtk_stack_set_visible_child_name (self->stack, "report");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
  _stk_audit_page_update_add_action (self);
}

void
_stk_audit_page_show_toast (StkAuditPage *self,
                            const char   *text,
                            guint         timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_stk_audit_page_set_error (StkAuditPage *self,
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
          gboolean declared = _stk_audit_page_policy_declares (self->policy, item);

          if (GPOINTER_TO_INT (seen) - 1 != declared)
            {
              g_hash_table_iter_replace (&iter, GINT_TO_POINTER (declared + 1));
              flipped = TRUE;
            }
        }
      if (flipped)
        _stk_audit_page_rebuild_rows (self);
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

  _stk_audit_page_update_summary (self);
  _stk_audit_page_rebuild_rows (self);
  _stk_audit_page_show_state (self);
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

  gtk_widget_class_install_action (widget_class, "audit.scan", NULL,
                                   _stk_audit_page_scan_action);
  gtk_widget_class_install_action (widget_class, "audit.import-har", NULL,
                                   _stk_audit_page_import_har_action);
  gtk_widget_class_install_action (widget_class, "audit.add-selected", NULL,
                                   _stk_audit_page_add_selected_action);
  gtk_widget_class_install_action (widget_class, "audit.cancel", NULL,
                                   _stk_audit_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "audit.undo-add", NULL,
                                   _stk_audit_page_undo_add_action);

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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed",
                                                G_CALLBACK (_stk_audit_page_on_search_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_show_changed",
                                                G_CALLBACK (_stk_audit_page_on_show_changed));
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

  _stk_audit_page_rows_init (self);

  /* Translators: %s names the Open Cookie Database, its version and licence (not translated) */
  attribution = g_strdup_printf (_("Suggestions come from the %s. They are often right and "
                                   "sometimes wrong: confirm each one before you add it."),
                                 STK_OCD_ATTRIBUTION);
  gtk_label_set_text (self->attribution_label, attribution);
  adw_preferences_group_set_description (self->undeclared_group,
                                         _("Tick the ones to declare, check their category, and "
                                           "add them to the policy in one step."));

  _stk_audit_page_set_busy (self, FALSE);
  set_action_enabled (self, "cancel", FALSE);
  set_action_enabled (self, "scan", TRUE);
  set_action_enabled (self, "import-har", TRUE);
  _stk_audit_page_show_state (self);
}
