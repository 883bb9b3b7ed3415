/* stk-audit-page-scan.c — the Check Website page: scanning a site, reading HAR files
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-audit-page-private.h"

#define DEFAULT_MAX_PAGES 25

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
  _stk_audit_page_set_busy (self, FALSE);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _stk_audit_page_set_error (self, error->message);
      _stk_audit_page_show_state (self);
      return;
    }

  _stk_audit_page_set_error (self, NULL);
  stk_audit_page_set_report (self, report);
  _stk_audit_page_show_state (self);
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
  _stk_audit_page_set_busy (self, TRUE);
  update_progress (self);
  _stk_audit_page_show_state (self);

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

void
_stk_audit_page_cancel_action (GtkWidget  *widget,
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

void
_stk_audit_page_scan_action (GtkWidget  *widget,
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
      _stk_audit_page_set_busy (self, FALSE);
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _stk_audit_page_set_error (self, error->message);
      _stk_audit_page_show_state (self);
      return;
    }

  /* Read against a copy; matched against the document's policy, where additions go. */
  policy = self->document != NULL ? stk_document_get_policy (self->document) : NULL;
  if (policy == NULL)
    {
      _stk_audit_page_show_state (self);
      return;
    }
  stk_audit_report_set_policy (job->report, policy);
  stk_audit_report_finish (job->report);
  _stk_audit_page_set_error (self, NULL);
  stk_audit_page_set_report (self, job->report);
  _stk_audit_page_show_state (self);
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
      _stk_audit_page_set_error (self, error->message);
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
  _stk_audit_page_set_busy (self, TRUE);
  _stk_audit_page_show_state (self);

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

void
_stk_audit_page_import_har_action (GtkWidget  *widget,
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

