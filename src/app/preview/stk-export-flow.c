/* stk-export-flow.c — export from the window: checks, folder, writing, and the banner snippet
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-export-flow.h"

/* The rows a dialog lists before it says how many more there are. */
#define MAX_LISTED 8

#define FOLDER_KEY "stk-export-folder"
#define ACCEPTED_KEY "stk-export-accepted-warnings"

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "export-folders"))
    return NULL;

  return g_settings_new (APP_ID);
}

/* The export folder --------------------------------------------------------------------------- */

GFile *
stk_export_flow_dup_folder (StkWindow *window)
{
  GFile *file;
  GFile *folder;

  g_return_val_if_fail (STK_IS_WINDOW (window), NULL);

  file = stk_window_get_file (window);
  if (file != NULL)
    {
      g_autoptr(GSettings) settings = lookup_settings ();
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GVariant) folders = NULL;
      const char *folder_uri = NULL;

      if (settings != NULL)
        {
          folders = g_settings_get_value (settings, "export-folders");
          if (g_variant_lookup (folders, uri, "&s", &folder_uri) && *folder_uri != '\0')
            return g_file_new_for_uri (folder_uri);
        }
    }

  /* An untitled policy, or one exported before it was saved: remembered with the document
   * itself, so that another document in the window does not inherit it. */
  if (stk_window_get_policy (window) == NULL)
    return NULL;
  folder = g_object_get_data (G_OBJECT (stk_window_get_policy (window)), FOLDER_KEY);

  return folder != NULL ? g_object_ref (folder) : NULL;
}

void
stk_export_flow_remember_folder (StkWindow *window,
                                 GFile     *folder)
{
  GFile *file;

  g_return_if_fail (STK_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (folder));

  g_return_if_fail (stk_window_get_policy (window) != NULL);

  g_object_set_data_full (G_OBJECT (stk_window_get_policy (window)), FOLDER_KEY,
                          g_object_ref (folder), g_object_unref);

  file = stk_window_get_file (window);
  if (file != NULL)
    {
      g_autoptr(GSettings) settings = lookup_settings ();
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);
      g_autoptr(GVariant) folders = NULL;
      g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
      GVariantIter iter;
      const char *key;
      const char *value;

      if (settings == NULL)
        return;

      folders = g_settings_get_value (settings, "export-folders");
      g_variant_iter_init (&iter, folders);
      while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
        if (!g_str_equal (key, uri))
          g_variant_builder_add (&builder, "{ss}", key, value);
      g_variant_builder_add (&builder, "{ss}", uri, folder_uri);
      g_settings_set_value (settings, "export-folders", g_variant_builder_end (&builder));
    }
}

/* Listing findings ---------------------------------------------------------------------------- */

static void
finding_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      GtkWidget     *dialog)
{
  StkWindow *window = STK_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (row), "path"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (window != NULL && path != NULL)
    stk_window_focus_path (window, path);
}

/* A list of the findings of @severity; a row takes the user to the field. */
static GtkWidget *
new_findings_list (GtkWidget   *dialog,
                   GListModel  *findings,
                   StkSeverity  severity)
{
  GtkWidget *scrolled;
  GtkWidget *list = gtk_list_box_new ();
  guint n = g_list_model_get_n_items (findings);
  guint total = stk_findings_count (findings, severity);
  guint listed = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (finding_activated_cb), dialog, 0);

  for (guint i = 0; i < n && listed < MAX_LISTED; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);
      GtkWidget *row;

      if (stk_finding_get_severity (finding) != severity)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     stk_finding_get_message (finding));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stk_finding_get_path (finding));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (stk_finding_get_path (finding)),
                              g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      listed++;
    }

  if (total > listed)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more on the Problems page",
                                                            "And %u more on the Problems page",
                                                            total - listed),
                                               total - listed);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  /* A few rows show whole; a longer list scrolls. */
  if (listed <= 3)
    return list;

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  return scrolled;
}

static void
refusal_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     StkWindow        *window)
{
  if (g_strcmp0 (response, "problems") == 0)
    stk_window_show_page (window, "problems");
}

GtkWidget *
stk_export_flow_new_refusal (StkWindow  *window,
                             GListModel *findings)
{
  guint n_errors;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (STK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  n_errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The policy has %u error. A website would not work "
                                       "correctly with it, so it is not exported.",
                                       "The policy has %u errors. A website would not work "
                                       "correctly with it, so it is not exported.",
                                       n_errors), n_errors);

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The Policy Cannot Be Exported"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      new_findings_list (dialog, findings, STK_SEVERITY_ERROR));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "problems", _("Show _Problems"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "problems",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "problems");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_response_cb), window, 0);

  return dialog;
}

/* Writing ------------------------------------------------------------------------------------- */

static void
open_folder_cb (AdwToast  *toast,
                GtkWidget *window)
{
  GFile *folder = g_object_get_data (G_OBJECT (toast), "folder");
  g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (window), uri, GDK_CURRENT_TIME);
}

static void
show_error (StkWindow  *window,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_to (StkWindow *window,
          GFile     *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!stk_export_to_directory (stk_window_get_policy (window), folder, STK_EXPORT_ALL, &error))
    {
      show_error (window, _("Could Not Export"), error->message);
      return;
    }
  stk_export_flow_remember_folder (window, folder);

  name = g_file_get_basename (folder);
  escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  /* Translators: a notification; %s is a folder's name. */
  title = g_strdup_printf (_("Exported to “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  g_object_set_data_full (G_OBJECT (toast), "folder", g_object_ref (folder), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb), window, 0);
  stk_window_add_toast (window, toast);
}

static void
folder_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  StkWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (folder != NULL)
        write_to (window, folder);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (window);
}

static void
choose_folder_and_write (StkWindow *window,
                         gboolean   again)
{
  g_autoptr(GFile) folder = stk_export_flow_dup_folder (window);
  GtkFileChooserNative *native;

  if (again && folder != NULL)
    {
      write_to (window, folder);
      return;
    }

  native = gtk_file_chooser_native_new (_("Export the Website Files"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (folder == NULL && stk_window_get_file (window) != NULL)
    folder = g_file_get_parent (stk_window_get_file (window));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (folder_chosen_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* What the warnings were, so that accepting them once is enough until they change. */
static char *
describe_warnings (GListModel *findings)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      if (stk_finding_get_severity (finding) == STK_SEVERITY_WARNING)
        g_string_append_printf (out, "%s %s\n", stk_finding_get_rule (finding),
                                stk_finding_get_path (finding));
    }

  return g_string_free (out, FALSE);
}

static void
warnings_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      StkWindow        *window)
{
  if (g_strcmp0 (response, "export") == 0)
    {
      gboolean again = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "again"));

      g_object_set_data_full (G_OBJECT (stk_window_get_policy (window)), ACCEPTED_KEY,
                              g_strdup (g_object_get_data (G_OBJECT (dialog), "warnings")),
                              g_free);
      choose_folder_and_write (window, again);
    }
  else if (g_strcmp0 (response, "problems") == 0)
    stk_window_show_page (window, "problems");
}

static GtkWidget *
new_warnings_dialog (StkWindow  *window,
                     GListModel *findings,
                     gboolean    again)
{
  guint n_warnings = stk_findings_count (findings, STK_SEVERITY_WARNING);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The policy has %u warning. Check it before the policy "
                                       "goes on the website.",
                                       "The policy has %u warnings. Check them before the "
                                       "policy goes on the website.",
                                       n_warnings), n_warnings);

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Export with Warnings?"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      new_findings_list (dialog, findings, STK_SEVERITY_WARNING));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "problems", _("Show _Problems"),
                                    "export", _("Export _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "again", GINT_TO_POINTER (again));
  g_object_set_data_full (G_OBJECT (dialog), "warnings", describe_warnings (findings), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (warnings_response_cb), window, 0);

  return dialog;
}

void
stk_export_flow_export (StkWindow *window,
                        gboolean   again)
{
  StkPolicy *policy;
  g_autoptr(GListModel) findings = NULL;

  g_return_if_fail (STK_IS_WINDOW (window));

  policy = stk_window_get_policy (window);
  if (policy == NULL)
    return;

  findings = stk_policy_validate (policy);
  if (stk_findings_count (findings, STK_SEVERITY_ERROR) > 0)
    {
      gtk_window_present (GTK_WINDOW (stk_export_flow_new_refusal (window, findings)));
      return;
    }

  if (stk_findings_count (findings, STK_SEVERITY_WARNING) > 0)
    {
      g_autofree char *warnings = describe_warnings (findings);
      const char *accepted = g_object_get_data (G_OBJECT (policy), ACCEPTED_KEY);

      if (g_strcmp0 (accepted, warnings) != 0)
        {
          gtk_window_present (GTK_WINDOW (new_warnings_dialog (window, findings, again)));
          return;
        }
    }

  choose_folder_and_write (window, again);
}

/* The banner snippet -------------------------------------------------------------------------- */

static void
show_install_help (AdwToast  *toast,
                   GtkWidget *window)
{
  g_autofree char *more = NULL;
  GtkWidget *dialog;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Installing the Banner"),
    _("Paste the copied banner right after the <body> tag of the website’s template, so that "
      "it is on every page. It holds the policy, its style and its script: it needs no other "
      "file."));
  more = g_strdup_printf ("%s\n\n%s\n\n%s",
    _("Export the policy and publish the declaration pages (cookie-policy.da.html and the "
      "others). Link to them, and to the consent settings, at the bottom of every page: a link "
      "marked data-samtykke-settings opens the settings."),
    _("Mark every script that sets cookies with type=\"text/plain\" and "
      "data-category=\"…\": it then runs only after the visitor has consented to its "
      "category."),
    _("If you prefer files the browser can cache, upload samtykke.js, samtykke.css and "
      "policy.json from an export instead, and put <samtykke-banner src=\"/policy.json\">"
      "</samtykke-banner> in the template with the stylesheet and the script."));
  label = gtk_label_new (more);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
stk_export_flow_copy_snippet (StkWindow *window)
{
  StkPolicy *policy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  GBytes *banner;
  AdwToast *toast;

  g_return_if_fail (STK_IS_WINDOW (window));

  policy = stk_window_get_policy (window);
  if (policy == NULL)
    return;

  files = stk_export_render (policy, STK_EXPORT_BANNER, &error);
  if (files == NULL)
    {
      g_autoptr(GListModel) findings = stk_policy_validate (policy);

      if (stk_findings_count (findings, STK_SEVERITY_ERROR) > 0)
        gtk_window_present (GTK_WINDOW (stk_export_flow_new_refusal (window, findings)));
      else
        show_error (window, _("Could Not Copy the Banner"), error->message);
      return;
    }

  banner = g_hash_table_lookup (files, "banner.html");
  g_return_if_fail (banner != NULL);
  text = g_strndup (g_bytes_get_data (banner, NULL), g_bytes_get_size (banner));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), text);

  /* Toast titles are markup. */
  title = g_markup_escape_text (_("Banner copied: paste it right after <body>"), -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_How to Install"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_install_help), window, 0);
  stk_window_add_toast (window, toast);
}
