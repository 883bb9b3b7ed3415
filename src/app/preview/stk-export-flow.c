/* stk-export-flow.c — export a document: checks, folder, writing, and the banner snippet
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The flow knows the window only as the parent of its dialogs and reaches it through the
 * window's actions: win.focus-path and win.show-page from the lists of findings, win.toast for
 * its notifications, whose buttons run win.show-folder and win.banner-help. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-export-flow.h"

/* The rows a dialog lists before it says how many more there are. */
#define MAX_LISTED 8

/* Listing findings ---------------------------------------------------------------------------- */

static void
finding_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      GtkWidget     *dialog)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (row), "path"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (parent != NULL && path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.focus-path", "s", path);
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
show_problems_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GtkWindow        *parent)
{
  if (g_strcmp0 (response, "problems") == 0)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "problems");
}

/**
 * stk_export_flow_new_refusal:
 * @parent: the window the dialog belongs to
 * @findings: a #GListModel of #StkFinding with errors among them
 *
 * Returns: (transfer floating): the dialog, not yet shown, that refuses an export of a policy
 *   with errors: it lists the errors of @findings and offers the Problems page
 */
GtkWidget *
stk_export_flow_new_refusal (GtkWindow  *parent,
                             GListModel *findings)
{
  guint n_errors;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  n_errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The policy has %u error. A website would not work "
                                       "correctly with it, so it is not exported.",
                                       "The policy has %u errors. A website would not work "
                                       "correctly with it, so it is not exported.",
                                       n_errors), n_errors);

  dialog = adw_message_dialog_new (parent, _("The Policy Cannot Be Exported"), body);
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
  g_signal_connect_object (dialog, "response", G_CALLBACK (show_problems_cb), parent, 0);

  return dialog;
}

/* Writing ------------------------------------------------------------------------------------- */

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A notification over @parent, with a button that runs @action (target @target). */
static void
show_toast (GtkWindow  *parent,
            const char *title_markup,
            const char *button_label,
            const char *action,
            GVariant   *target)
{
  g_autofree char *detailed = g_action_print_detailed_name (action, target);

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "(sss)",
                              title_markup, button_label, detailed);
}

static void
write_to (GtkWindow   *parent,
          StkDocument *document,
          GFile       *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (!stk_export_to_directory (stk_document_get_policy (document), folder, STK_EXPORT_ALL,
                                &error))
    {
      show_error (parent, _("Could Not Export"), error->message);
      return;
    }
  stk_document_remember_export_folder (document, folder);

  name = g_file_get_basename (folder);
  escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  /* Translators: a notification; %s is a folder's name. */
  title = g_strdup_printf (_("Exported to “%s”"), escaped);
  uri = g_file_get_uri (folder);
  show_toast (parent, title, _("_Open Folder"), "win.show-folder", g_variant_new_string (uri));
}

typedef struct
{
  GtkWindow   *parent;
  StkDocument *document;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->document);
  g_free (export);
}

static void
folder_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (folder != NULL && stk_document_get_policy (export->document) != NULL)
        write_to (export->parent, export->document, folder);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  export_free (export);
}

static void
choose_folder_and_write (GtkWindow   *parent,
                         StkDocument *document,
                         gboolean     again)
{
  g_autoptr(GFile) folder = stk_document_dup_export_folder (document);
  GtkFileChooserNative *native;
  Export *export;

  if (again && folder != NULL)
    {
      write_to (parent, document, folder);
      return;
    }

  native = gtk_file_chooser_native_new (_("Export the Website Files"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (folder == NULL && stk_document_get_file (document) != NULL)
    folder = g_file_get_parent (stk_document_get_file (document));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->document = g_object_ref (document);
  g_signal_connect (native, "response", G_CALLBACK (folder_chosen_cb), export);
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

/* What runs once the checks let an export go ahead. */
typedef struct
{
  StkExportFlowProceed  proceed;
  gpointer              data;
  GDestroyNotify        data_free;
} Proceed;

static void
proceed_free (Proceed *proceed)
{
  if (proceed->data_free != NULL)
    g_clear_pointer (&proceed->data, proceed->data_free);
  g_free (proceed);
}

static void
warnings_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GtkWindow        *parent)
{
  StkDocument *document = g_object_get_data (G_OBJECT (dialog), "document");

  if (g_strcmp0 (response, "export") == 0 && stk_document_get_policy (document) != NULL)
    {
      Proceed *proceed = g_object_get_data (G_OBJECT (dialog), "proceed");

      stk_document_set_accepted_warnings (document,
                                          g_object_get_data (G_OBJECT (dialog), "warnings"));
      proceed->proceed (parent, document, proceed->data);
    }
  else
    {
      show_problems_cb (dialog, response, parent);
    }
}

static GtkWidget *
new_warnings_dialog (GtkWindow   *parent,
                     StkDocument *document,
                     GListModel  *findings,
                     Proceed     *proceed)
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

  dialog = adw_message_dialog_new (parent, _("Export with Warnings?"), body);
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
  g_object_set_data_full (G_OBJECT (dialog), "proceed", proceed, (GDestroyNotify) proceed_free);
  g_object_set_data_full (G_OBJECT (dialog), "warnings", describe_warnings (findings), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (warnings_response_cb), parent, 0);

  return dialog;
}

/**
 * stk_export_flow_check:
 * @parent: the window the dialogs belong to
 * @document: the document to export
 * @proceed: what exports, once the checks let it
 * @data: (nullable): for @proceed
 * @data_free: (nullable): frees @data when it is no longer needed
 *
 * The checks before a banner is exported: refuses a policy with errors, listing them; asks
 * before exporting one with warnings (once for the same warnings); then runs @proceed.
 */
void
stk_export_flow_check (GtkWindow            *parent,
                       StkDocument          *document,
                       StkExportFlowProceed  proceed,
                       gpointer              data,
                       GDestroyNotify        data_free)
{
  Proceed *then;
  GListModel *findings;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STK_IS_DOCUMENT (document));
  g_return_if_fail (proceed != NULL);

  then = g_new0 (Proceed, 1);
  then->proceed = proceed;
  then->data = data;
  then->data_free = data_free;

  if (stk_document_get_policy (document) == NULL)
    {
      proceed_free (then);
      return;
    }

  /* The findings may be a pause behind the last edit. */
  stk_document_validate_now (document);
  findings = stk_document_get_findings (document);
  if (stk_findings_count (findings, STK_SEVERITY_ERROR) > 0)
    {
      gtk_window_present (GTK_WINDOW (stk_export_flow_new_refusal (parent, findings)));
      proceed_free (then);
      return;
    }

  if (stk_findings_count (findings, STK_SEVERITY_WARNING) > 0)
    {
      g_autofree char *warnings = describe_warnings (findings);
      const char *accepted = stk_document_get_accepted_warnings (document);

      if (g_strcmp0 (accepted, warnings) != 0)
        {
          gtk_window_present (GTK_WINDOW (new_warnings_dialog (parent, document, findings,
                                                               then)));
          return;
        }
    }

  proceed (parent, document, data);
  proceed_free (then);
}

static void
proceed_to_folder (GtkWindow   *parent,
                   StkDocument *document,
                   gpointer     data)
{
  choose_folder_and_write (parent, document, GPOINTER_TO_INT (data));
}

/**
 * stk_export_flow_export:
 * @parent: the window the dialogs belong to
 * @document: the document to export
 * @again: whether to write to the folder the policy was last exported to without asking
 *
 * Refuses a policy with errors, listing them; asks before exporting one with warnings (once
 * for the same warnings); asks for the folder unless @again and a folder is known; writes
 * every file there and notifies with a button that opens the folder.
 */
void
stk_export_flow_export (GtkWindow   *parent,
                        StkDocument *document,
                        gboolean     again)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STK_IS_DOCUMENT (document));

  stk_export_flow_check (parent, document, proceed_to_folder, GINT_TO_POINTER (again), NULL);
}

/* The banner snippet -------------------------------------------------------------------------- */

/**
 * stk_export_flow_show_install_help:
 * @parent: the window the dialog belongs to
 *
 * Tells where the banner goes in a website's template, and what else to put on the website.
 */
void
stk_export_flow_show_install_help (GtkWindow *parent)
{
  g_autofree char *more = NULL;
  GtkWidget *dialog;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  dialog = adw_message_dialog_new (parent, _("Installing the Banner"),
    _("Paste the copied banner right after the <body> tag of the website’s template, so that "
      "it is on every page. It holds its texts, style and script; the list of cookies it shows "
      "on request comes from policy.json, which the export writes: publish it beside the "
      "declaration pages."));
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

/**
 * stk_export_flow_copy_snippet:
 * @parent: the window whose clipboard takes the banner
 * @document: the document whose banner to copy
 *
 * Copies banner.html to the clipboard and tells how to install it.
 */
void
stk_export_flow_copy_snippet (GtkWindow   *parent,
                              StkDocument *document)
{
  StkPolicy *policy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  GBytes *banner;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STK_IS_DOCUMENT (document));

  policy = stk_document_get_policy (document);
  if (policy == NULL)
    return;

  files = stk_export_render (policy, STK_EXPORT_BANNER, &error);
  if (files == NULL)
    {
      GListModel *findings;

      stk_document_validate_now (document);
      findings = stk_document_get_findings (document);
      if (stk_findings_count (findings, STK_SEVERITY_ERROR) > 0)
        gtk_window_present (GTK_WINDOW (stk_export_flow_new_refusal (parent, findings)));
      else
        show_error (parent, _("Could Not Copy the Banner"), error->message);
      return;
    }

  banner = g_hash_table_lookup (files, "banner.html");
  g_return_if_fail (banner != NULL);
  text = g_strndup (g_bytes_get_data (banner, NULL), g_bytes_get_size (banner));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (parent)), text);

  /* Toast titles are markup. */
  title = g_markup_escape_text (_("Banner copied: paste it right after <body>"), -1);
  show_toast (parent, title, _("_How to Install"), "win.banner-help", NULL);
}
