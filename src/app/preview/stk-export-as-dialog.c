/* stk-export-as-dialog.c — choosing what to export and where, and writing it in the background
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export As writes the website files (what Export writes), a vanilla-cookieconsent or Klaro
 * configuration, or the spreadsheet of the cookies, into a folder the user chooses. The banner
 * formats go through the same checks as Export (stk_export_flow_check()); the spreadsheet is
 * for reading and is written for any policy, as samtykke-cli writes it. The core exporters run
 * in a worker thread (stk_document_read_async()), since a policy of 100,000 cookies takes a
 * second or more to render. The last format and folder are remembered per policy file in the
 * settings, and for an untitled policy with the policy itself. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-document-read.h"
#include "stk-export-as-dialog.h"
#include "stk-export-flow.h"
#include "stk-report-list.h"
#include "stk-settings.h"

struct _StkExportAsDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkCheckButton       *website_check;
  GtkCheckButton       *vcc_check;
  GtkCheckButton       *klaro_check;
  GtkCheckButton       *csv_check;
  GtkSwitch            *excel_switch;
  AdwPreferencesGroup  *folder_group;
  AdwActionRow         *folder_row;
  GtkWidget            *export_button;

  /* owned */
  StkDocument          *document;
  GFile                *folder;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (StkExportAsDialog, stk_export_as_dialog, ADW_TYPE_WINDOW)

/* What was chosen ------------------------------------------------------------------------------ */

static const char * const format_names[] = {
  [STK_EXPORT_AS_WEBSITE] = "website",
  [STK_EXPORT_AS_VANILLA_COOKIECONSENT] = "vanilla-cookieconsent",
  [STK_EXPORT_AS_KLARO] = "klaro",
  [STK_EXPORT_AS_CSV] = "csv",
};

typedef struct
{
  StkExportAsFormat  format;
  gboolean           excel;
  GFile             *folder;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->folder);
  g_free (choice);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Choice, choice_free)

static Choice *
choice_new (StkExportAsFormat  format,
            gboolean           excel,
            GFile             *folder)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->format = format;
  choice->excel = excel;
  choice->folder = folder != NULL ? g_object_ref (folder) : NULL;

  return choice;
}

static gboolean
format_from_name (const char        *name,
                  StkExportAsFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (format_names[i], name) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

static GSettings *
choice_settings (void)
{
  g_autoptr(GSettings) settings = stk_settings_new ();

  if (settings == NULL || !stk_settings_has (settings, "export-as"))
    return NULL;

  return g_steal_pointer (&settings);
}

/* The choice last made for the document's policy: from the settings for a policy file, kept
 * with the policy itself for an untitled one. */
static Choice *
lookup_choice (StkDocument *document)
{
  StkPolicy *policy = stk_document_get_policy (document);
  GFile *file = stk_document_get_file (document);
  g_autoptr(GSettings) settings = file != NULL ? choice_settings () : NULL;
  Choice *kept;

  if (settings != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GVariant) choices = g_settings_get_value (settings, "export-as");
      const char *name = NULL;
      const char *folder_uri = NULL;
      gboolean excel = FALSE;
      StkExportAsFormat format;

      if (g_variant_lookup (choices, uri, "(&sb&s)", &name, &excel, &folder_uri)
          && format_from_name (name, &format))
        {
          g_autoptr(GFile) folder = *folder_uri != '\0' ? g_file_new_for_uri (folder_uri) : NULL;

          return choice_new (format, excel, folder);
        }
    }

  kept = policy != NULL ? g_object_get_data (G_OBJECT (policy), "stk-export-as") : NULL;
  if (kept != NULL)
    return choice_new (kept->format, kept->excel, kept->folder);

  return NULL;
}

static void
remember_choice (StkDocument  *document,
                 const Choice *choice)
{
  StkPolicy *policy = stk_document_get_policy (document);
  GFile *file = stk_document_get_file (document);
  g_autoptr(GSettings) settings = file != NULL ? choice_settings () : NULL;

  if (policy != NULL)
    g_object_set_data_full (G_OBJECT (policy), "stk-export-as",
                            choice_new (choice->format, choice->excel, choice->folder),
                            (GDestroyNotify) choice_free);

  if (settings != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *folder_uri = g_file_get_uri (choice->folder);
      g_autoptr(GVariant) choices = g_settings_get_value (settings, "export-as");
      g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s(sbs)}"));
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_variant_iter_init (&iter, choices);
      while (g_variant_iter_next (&iter, "{&s@(sbs)}", &key, &value))
        {
          if (!g_str_equal (key, uri))
            g_variant_builder_add (&builder, "{s@(sbs)}", key, value);
          g_variant_unref (value);
        }
      g_variant_builder_add (&builder, "{s(sbs)}", uri, format_names[choice->format],
                             choice->excel, folder_uri);
      g_settings_set_value (settings, "export-as", g_variant_builder_end (&builder));
    }

  /* Export Again writes the website files where Export As last wrote them. */
  if (choice->format == STK_EXPORT_AS_WEBSITE && policy != NULL)
    stk_document_remember_export_folder (document, choice->folder);
}

/* Writing -------------------------------------------------------------------------------------- */

typedef struct
{
  GtkWindow   *parent;
  StkDocument *document;
  Choice      *choice;
  char        *policy_name;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->document);
  g_clear_pointer (&job->choice, choice_free);
  g_free (job->policy_name);
  g_free (job);
}

/* The worker's job holds no widget, since it may be freed in the worker thread. */
static Job *
job_new (GtkWindow    *parent,
         StkDocument  *document,
         const Choice *choice)
{
  Job *job = g_new0 (Job, 1);
  GFile *file = stk_document_get_file (document);

  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->document = parent != NULL ? g_object_ref (document) : NULL;
  job->choice = choice_new (choice->format, choice->excel, choice->folder);
  job->policy_name = file != NULL ? g_file_get_basename (file) : stk_document_dup_title (document);

  return job;
}

static StkInteropFormat
interop_format (StkExportAsFormat format)
{
  switch (format)
    {
    case STK_EXPORT_AS_VANILLA_COOKIECONSENT:
      return STK_INTEROP_VANILLA_COOKIECONSENT;
    case STK_EXPORT_AS_KLARO:
      return STK_INTEROP_KLARO;
    case STK_EXPORT_AS_CSV:
      return STK_INTEROP_CSV;
    case STK_EXPORT_AS_WEBSITE:
    default:
      g_return_val_if_reached (STK_INTEROP_CSV);
    }
}

/* In a worker thread, while the document is busy. Returns what the format had no place for. */
static gpointer
export_worker (StkPolicy     *policy,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Job *job = data;
  g_autoptr(StkInteropReport) notes = stk_interop_report_new (job->policy_name);
  StkInteropOptions options = { job->choice->excel, NULL, NULL };
  gboolean written;

  if (job->choice->format == STK_EXPORT_AS_WEBSITE)
    written = stk_export_to_directory (policy, job->choice->folder, STK_EXPORT_ALL, error);
  else
    written = stk_interop_export_to_directory (policy, job->choice->folder,
                                               interop_format (job->choice->format), &options,
                                               notes, error);

  return written ? g_steal_pointer (&notes) : NULL;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
notes_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWindow        *parent)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "folder-uri");

  if (g_strcmp0 (response, "open") == 0)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-folder", "s", uri);
}

/* A configuration was written, but the library has no place for some of the policy: say
 * what, so that the site's owner can make up for it. */
static void
show_notes (Job              *job,
            StkInteropReport *notes)
{
  const char *file_name = stk_interop_format_file_name (interop_format (job->choice->format));
  g_autofree char *folder_name = g_file_get_basename (job->choice->folder);
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  if (job->choice->format == STK_EXPORT_AS_KLARO)
    {
      heading = _("Exported for Klaro");
      /* Translators: the first %s is a file name, the second a folder's name. */
      body = g_strdup_printf (_("“%s” is in “%s”. Klaro has no place for some of what the "
                                "policy says; the declaration pages still show it."),
                              file_name, folder_name);
    }
  else
    {
      heading = _("Exported for vanilla-cookieconsent");
      /* Translators: the first %s is a file name, the second a folder's name. */
      body = g_strdup_printf (_("“%s” is in “%s”. vanilla-cookieconsent has no place for some "
                                "of what the policy says; the declaration pages still show it."),
                              file_name, folder_name);
    }

  dialog = adw_message_dialog_new (job->parent, heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), stk_report_list_new (notes));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open Folder"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "folder-uri", g_file_get_uri (job->choice->folder),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (notes_response_cb), job->parent, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(StkInteropReport) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *detailed = NULL;

  notes = stk_document_read_finish (STK_DOCUMENT (object), result, &error);
  if (notes == NULL)
    {
      show_error (job->parent, _("Could Not Export"), error->message);
      job_free (job);
      return;
    }

  remember_choice (job->document, job->choice);

  if (g_list_model_get_n_items (stk_interop_report_get_notes (notes)) > 0)
    {
      show_notes (job, notes);
      job_free (job);
      return;
    }

  name = g_file_get_basename (job->choice->folder);
  escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  /* Translators: a notification; %s is a folder's name. */
  title = g_strdup_printf (_("Exported to “%s”"), escaped);
  uri = g_file_get_uri (job->choice->folder);
  detailed = g_action_print_detailed_name ("win.show-folder", g_variant_new_string (uri));
  gtk_widget_activate_action (GTK_WIDGET (job->parent), "win.toast", "(sss)",
                              title, _("_Open Folder"), detailed);
  job_free (job);
}

static void
write_export (GtkWindow   *parent,
              StkDocument *document,
              gpointer     data)
{
  const Choice *choice = data;

  if (stk_document_get_busy (document))
    {
      show_error (parent, _("Could Not Export"), _("The policy is being opened or saved"));
      return;
    }

  stk_document_read_async (document, _("Exporting…"), export_worker,
                           job_new (NULL, document, choice),
                           (GDestroyNotify) job_free, g_object_unref, NULL,
                           export_done_cb, job_new (parent, document, choice));
}

/* The dialog ----------------------------------------------------------------------------------- */

/**
 * stk_export_as_dialog_get_format:
 * @self: the dialog
 *
 * Returns: the format chosen
 */
StkExportAsFormat
stk_export_as_dialog_get_format (StkExportAsDialog *self)
{
  g_return_val_if_fail (STK_IS_EXPORT_AS_DIALOG (self), STK_EXPORT_AS_WEBSITE);

  if (gtk_check_button_get_active (self->vcc_check))
    return STK_EXPORT_AS_VANILLA_COOKIECONSENT;
  if (gtk_check_button_get_active (self->klaro_check))
    return STK_EXPORT_AS_KLARO;
  if (gtk_check_button_get_active (self->csv_check))
    return STK_EXPORT_AS_CSV;

  return STK_EXPORT_AS_WEBSITE;
}

/**
 * stk_export_as_dialog_get_excel:
 * @self: the dialog
 *
 * Returns: whether the spreadsheet is to be written for Excel in a Danish locale
 */
gboolean
stk_export_as_dialog_get_excel (StkExportAsDialog *self)
{
  g_return_val_if_fail (STK_IS_EXPORT_AS_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->excel_switch);
}

/**
 * stk_export_as_dialog_get_folder:
 * @self: the dialog
 *
 * Returns: (transfer none) (nullable): the folder chosen
 */
GFile *
stk_export_as_dialog_get_folder (StkExportAsDialog *self)
{
  g_return_val_if_fail (STK_IS_EXPORT_AS_DIALOG (self), NULL);

  return self->folder;
}

static void
update_folder (StkExportAsDialog *self)
{
  StkExportAsFormat format = stk_export_as_dialog_get_format (self);
  g_autofree char *where = self->folder != NULL ? g_file_get_parse_name (self->folder) : NULL;
  g_autofree char *description = NULL;

  adw_action_row_set_subtitle (self->folder_row, where != NULL ? where : _("None chosen yet"));
  gtk_widget_set_sensitive (self->export_button, self->folder != NULL);

  if (format == STK_EXPORT_AS_WEBSITE)
    description = g_strdup (_("The files are written into this folder, over files of the same "
                              "names: banner.html, samtykke.js, samtykke.css, policy.json and "
                              "the declaration pages."));
  else
    /* Translators: %s is a file name, such as klaro-config.js. */
    description = g_strdup_printf (_("“%s” is written into this folder, over a file of the same "
                                     "name."),
                                   stk_interop_format_file_name (interop_format (format)));
  adw_preferences_group_set_description (self->folder_group, description);
}

static void
format_toggled_cb (StkExportAsDialog *self)
{
  update_folder (self);
}

/**
 * stk_export_as_dialog_choose:
 * @self: the dialog
 * @format: the format
 * @excel: for %STK_EXPORT_AS_CSV, whether for Excel in a Danish locale
 * @folder: (nullable): the folder to write into
 *
 * Sets what the dialog shows as chosen.
 */
void
stk_export_as_dialog_choose (StkExportAsDialog *self,
                             StkExportAsFormat  format,
                             gboolean           excel,
                             GFile             *folder)
{
  GtkCheckButton *checks[] = {
    [STK_EXPORT_AS_WEBSITE] = self->website_check,
    [STK_EXPORT_AS_VANILLA_COOKIECONSENT] = self->vcc_check,
    [STK_EXPORT_AS_KLARO] = self->klaro_check,
    [STK_EXPORT_AS_CSV] = self->csv_check,
  };

  g_return_if_fail (STK_IS_EXPORT_AS_DIALOG (self));
  g_return_if_fail ((guint) format < G_N_ELEMENTS (checks));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  gtk_check_button_set_active (checks[format], TRUE);
  gtk_switch_set_active (self->excel_switch, excel);
  g_set_object (&self->folder, folder);
  update_folder (self);
}

static void
folder_chosen_cb (StkExportAsDialog    *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        {
          g_set_object (&self->folder, folder);
          update_folder (self);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
choose_folder_clicked_cb (StkExportAsDialog *self)
{
  GFile *file = stk_document_get_file (self->document);
  g_autoptr(GFile) start = NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Choose the Folder to Export Into"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (self->folder != NULL)
    start = g_file_get_parent (self->folder);
  else if (file != NULL)
    start = g_file_get_parent (file);
  if (start != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), start, NULL);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * stk_export_as_dialog_export:
 * @self: the dialog, with a folder chosen
 *
 * What the Export button does: closes the dialog and exports what it shows as chosen. The
 * banner formats are checked as Export checks them first; the files are written in a worker
 * thread, and a notification (or, when the format has no place for some of the policy, a
 * dialog that lists what) says where they are.
 */
void
stk_export_as_dialog_export (StkExportAsDialog *self)
{
  g_autoptr(Choice) choice = NULL;
  g_autoptr(StkDocument) document = NULL;
  GtkWindow *parent;

  g_return_if_fail (STK_IS_EXPORT_AS_DIALOG (self));
  g_return_if_fail (self->folder != NULL);

  choice = choice_new (stk_export_as_dialog_get_format (self),
                       stk_export_as_dialog_get_format (self) == STK_EXPORT_AS_CSV
                       && stk_export_as_dialog_get_excel (self),
                       self->folder);
  document = g_object_ref (self->document);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_return_if_fail (parent != NULL);
  g_object_ref (parent);

  gtk_window_destroy (GTK_WINDOW (self));

  if (stk_document_get_policy (document) != NULL)
    {
      /* A spreadsheet is for reading, also of a policy that is not finished. */
      if (choice->format == STK_EXPORT_AS_CSV)
        write_export (parent, document, choice);
      else
        stk_export_flow_check (parent, document, write_export, g_steal_pointer (&choice),
                               (GDestroyNotify) choice_free);
    }

  g_object_unref (parent);
}

static void
export_clicked_cb (StkExportAsDialog *self)
{
  if (self->folder != NULL)
    stk_export_as_dialog_export (self);
}

static void
stk_export_as_dialog_dispose (GObject *object)
{
  StkExportAsDialog *self = STK_EXPORT_AS_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_EXPORT_AS_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (stk_export_as_dialog_parent_class)->dispose (object);
}

static void
stk_export_as_dialog_class_init (StkExportAsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_export_as_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samtykke/Samtykke/preview/"
                                               "stk-export-as-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, website_check);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, vcc_check);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, klaro_check);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, excel_switch);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, folder_group);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, StkExportAsDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stk_export_as_dialog_init (StkExportAsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * stk_export_as_dialog_new:
 * @parent: the document's window
 * @document: the document to export
 *
 * Returns: (transfer none): a new dialog over @parent, showing the format and folder last
 *   chosen for @document's policy; present it with gtk_window_present()
 */
StkExportAsDialog *
stk_export_as_dialog_new (GtkWindow   *parent,
                          StkDocument *document)
{
  StkExportAsDialog *self;
  g_autoptr(Choice) choice = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STK_IS_DOCUMENT (document), NULL);

  self = g_object_new (STK_TYPE_EXPORT_AS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);

  choice = lookup_choice (document);
  if (choice == NULL)
    {
      g_autoptr(GFile) folder = stk_document_dup_export_folder (document);

      choice = choice_new (STK_EXPORT_AS_WEBSITE, FALSE, folder);
    }
  stk_export_as_dialog_choose (self, choice->format, choice->excel, choice->folder);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);

  return self;
}
