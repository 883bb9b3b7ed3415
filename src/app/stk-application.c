/* stk-application.c — the editor application: one window per open policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-application.h"
#include "stk-ocd.h"
#include "stk-core-resources.h"
#include "stk-document.h"
#include "stk-recovery.h"
#include "stk-settings.h"
#include "stk-window.h"

struct _StkApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  GHashTable     *opening;  /* file URI -> StkDocument reading it since the command line */
  GPtrArray      *recovered; /* StkRecoveryEntry still to offer */
  GCancellable   *finding;
  AdwMessageDialog *recovery_question;

  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (StkApplication, stk_application, ADW_TYPE_APPLICATION)

static gboolean
shows_file (StkDocument *document,
            GFile       *file)
{
  GFile *shown = stk_document_get_file (document);
  GFile *loading = stk_document_get_loading (document) ? stk_document_get_load_file (document)
                                                       : NULL;

  return (shown != NULL && g_file_equal (shown, file))
         || (loading != NULL && g_file_equal (loading, file));
}

static StkWindow *
find_window_for_file (StkApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (STK_IS_WINDOW (l->data) && shows_file (stk_window_get_document (l->data), file))
        return l->data;
    }

  return NULL;
}

/* Recovering changes after a crash ---------------------------------------------------------- */

static void offer_next (StkApplication *self);

static void
recovery_response_cb (StkApplication   *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  g_autoptr(StkRecoveryEntry) entry = NULL;

  self->recovery_question = NULL;
  entry = g_object_steal_data (G_OBJECT (dialog), "stk-recovery-entry");

  if (g_strcmp0 (response, "restore") == 0)
    {
      GFile *file = stk_recovery_entry_get_file (entry);
      StkWindow *window = file != NULL ? find_window_for_file (self, file) : NULL;
      StkDocument *document = window != NULL ? stk_window_get_document (window) : NULL;

      /* `samtykke FILE` after a crash: the window already open on the file takes the changes,
       * unless it has changes of its own or is still reading it. */
      if (document == NULL || stk_document_get_modified (document)
          || stk_document_get_busy (document))
        {
          g_autoptr(StkDocument) fresh = stk_document_new ();

          window = stk_window_new_for_document (GTK_APPLICATION (self), fresh);
          document = fresh;
          stk_recovery_entry_restore (entry, document);
        }
      else
        {
          stk_recovery_entry_restore (entry, document);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_strcmp0 (response, "discard") == 0 || g_strcmp0 (response, "delete") == 0)
    {
      stk_recovery_entry_discard (entry);
    }
  /* "later", "keep": the files stay and are offered again at the next start. */

  offer_next (self);
}

static AdwMessageDialog *
new_recovery_question (StkApplication   *self,
                       StkRecoveryEntry *entry)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GFile *file = stk_recovery_entry_get_file (entry);
  StkPolicy *policy = stk_recovery_entry_get_policy (entry);
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *when = NULL;

  if (policy == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (stk_recovery_entry_get_path (entry));

      /* Translators: %s (first) is why a file cannot be read, naming it; %s (second) is a
       * folder. */
      body = g_strdup_printf (_("Samtykke found changes that were not saved, but cannot read "
                                "them: %s\n\nThey are kept in %s."),
                              stk_recovery_entry_get_error (entry), folder);
      dialog = adw_message_dialog_new (parent, _("Recovered Changes Cannot Be Read"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "delete", _("_Delete"),
                                        "keep", _("_Keep"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      return ADW_MESSAGE_DIALOG (dialog);
    }

  when = stk_recovery_format_time (stk_recovery_entry_get_edited (entry));
  if (file != NULL)
    {
      g_autoptr(GFile) parent_folder = g_file_get_parent (file);
      g_autofree char *name = NULL;
      g_autofree char *folder = parent_folder != NULL ? g_file_get_parse_name (parent_folder)
                                                      : g_strdup ("/");
      g_autofree char *basename = g_file_get_basename (file);

      name = g_filename_display_name (basename);
      /* Translators: %s (first) is a file name, %s (second) its folder, %s (third) a time
       * such as “today at 14:03”. */
      body = g_strdup_printf (_("Samtykke stopped before the changes to “%s” in %s were saved. "
                                "They were last edited %s."), name, folder, when);
    }
  else
    {
      /* Translators: %s (first) is a policy's name, %s (second) a time such as “today at
       * 14:03”. */
      body = g_strdup_printf (_("Samtykke stopped before the changes to an untitled policy, "
                                "“%s”, were saved. They were last edited %s."),
                              stk_policy_get_name (policy), when);
    }

  dialog = adw_message_dialog_new (parent,
                                   file != NULL ? _("Recover Unsaved Changes?")
                                                : _("Recover Untitled Policy?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Closing the question decides nothing: the changes are offered again next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  return ADW_MESSAGE_DIALOG (dialog);
}

/* One question at a time, in the order the changes were found. */
static void
offer_next (StkApplication *self)
{
  g_autoptr(StkRecoveryEntry) entry = NULL;
  AdwMessageDialog *dialog;

  if (self->recovered == NULL || self->recovered->len == 0)
    {
      g_clear_pointer (&self->recovered, g_ptr_array_unref);
      return;
    }

  entry = g_ptr_array_steal_index (self->recovered, 0);
  dialog = new_recovery_question (self, entry);
  g_object_set_data_full (G_OBJECT (dialog), "stk-recovery-entry", g_steal_pointer (&entry),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->recovery_question = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StkApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = stk_recovery_find_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->finding);
  if (entries == NULL)
    return;

  if (self->recovered == NULL)
    self->recovered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (self->recovered, g_object_ref (g_ptr_array_index (entries, i)));

  if (self->recovery_question == NULL)
    offer_next (self);
}

/**
 * stk_application_offer_recovery:
 * @self: the application
 *
 * Looks for changes that editors which did not end cleanly left behind, and asks, for each,
 * whether to restore them (in a window of their own) or discard them. The start of the
 * application does this once, after its first window.
 */
void
stk_application_offer_recovery (StkApplication *self)
{
  g_return_if_fail (STK_IS_APPLICATION (self));

  self->recovery_offered = TRUE;
  if (self->finding != NULL)
    return;

  self->finding = g_cancellable_new ();
  stk_recovery_find_async (self->finding, found_cb, g_object_ref (self));
}

static void
offer_recovery_once (StkApplication *self)
{
  if (!self->recovery_offered)
    stk_application_offer_recovery (self);
}

static void
stk_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (stk_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
  offer_recovery_once (STK_APPLICATION (application));
}

static void
stk_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  StkApplication *self = STK_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      StkWindow *window = find_window_for_file (self, files[i]);
      g_autofree char *uri = NULL;
      g_autofree char *key = NULL;
      g_autoptr(StkDocument) document = NULL;

      if (window == NULL)
        {
          /* The document that began reading the file while the toolkit started. */
          uri = g_file_get_uri (files[i]);
          if (g_hash_table_steal_extended (self->opening, uri, (gpointer *) &key,
                                           (gpointer *) &document))
            window = stk_window_new_for_document (GTK_APPLICATION (application), document);
          else
            window = stk_window_new_for_file (GTK_APPLICATION (application), files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }

  offer_recovery_once (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes; the application ends with the last. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  StkWindow *window = stk_window_new (GTK_APPLICATION (user_data));

  stk_window_new_document (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Samtykke authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Samtykke"),
                        "application-icon", APP_ID,
                        "developer-name", "The Samtykke authors",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Edit your website’s cookie-consent policy and export the "
                                      "banner and the cookie declaration it needs."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Samtykke authors",
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* The suggestions for cookies a scan finds come from this database, shipped with the
   * application under its own licence. */
  adw_about_window_add_legal_section (about, _("Open Cookie Database"),
                                      STK_OCD_ATTRIBUTION, GTK_LICENSE_APACHE_2_0, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "new-window", .activate = new_window_activated },
  { .name = "about", .activate = about_activated },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.next-missing", { "<Control>m", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.export-again", { "<Control><Shift>e", NULL } },
    { "win.show-page('policy')", { "<Alt>1", NULL } },
    { "win.show-page('texts')", { "<Alt>2", NULL } },
    { "win.show-page('categories')", { "<Alt>3", NULL } },
    { "win.show-page('providers')", { "<Alt>4", NULL } },
    { "win.show-page('sections')", { "<Alt>5", NULL } },
    { "win.show-page('appearance')", { "<Alt>6", NULL } },
    { "win.show-page('preview')", { "<Alt>7", NULL } },
    { "win.show-page('audit')", { "<Alt>8", NULL } },
    { "win.show-page('problems')", { "<Alt>9", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
stk_application_startup (GApplication *application)
{
  StkApplication *self = STK_APPLICATION (application);

  G_APPLICATION_CLASS (stk_application_parent_class)->startup (application);

  g_set_application_name (_("Samtykke"));
  gtk_window_set_default_icon_name (APP_ID);

  /* Without the schema (running from the build folder) the editor still works; it just
   * remembers nothing. */
  self->settings = stk_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));
}

/* Reading a large policy takes about as long as starting the toolkit, so the files named on
 * the command line begin loading, each into its document, while it starts; the windows made
 * for them in open() take those documents. */
static gboolean
stk_application_local_command_line (GApplication   *application,
                                    char         ***arguments,
                                    int            *exit_status)
{
  StkApplication *self = STK_APPLICATION (application);
  char **argv = *arguments;
  gboolean only_files = FALSE;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (!only_files && g_str_equal (argv[i], "--"))
        only_files = TRUE;
      else if (only_files || argv[i][0] != '-')
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_autofree char *uri = g_file_get_uri (file);
          StkDocument *document;

          if (g_hash_table_contains (self->opening, uri))
            continue;

          document = stk_document_new ();
          stk_document_load_async (document, file, NULL, NULL, NULL);
          g_hash_table_insert (self->opening, g_steal_pointer (&uri), document);
        }
    }

  return G_APPLICATION_CLASS (stk_application_parent_class)->local_command_line (application,
                                                                                 arguments,
                                                                                 exit_status);
}

static void
stk_application_shutdown (GApplication *application)
{
  StkApplication *self = STK_APPLICATION (application);

  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (self->recovery_question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->recovery_question));
  self->recovery_question = NULL;
  g_clear_pointer (&self->recovered, g_ptr_array_unref);

  G_APPLICATION_CLASS (stk_application_parent_class)->shutdown (application);

  stk_recovery_shutdown ();
}

static void
stk_application_dispose (GObject *object)
{
  StkApplication *self = STK_APPLICATION (object);

  /* Files that were handed to another instance instead: their loads end on their own. */
  g_clear_pointer (&self->opening, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stk_application_parent_class)->dispose (object);
}

static void
stk_application_class_init (StkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = stk_application_dispose;
  app_class->startup = stk_application_startup;
  app_class->shutdown = stk_application_shutdown;
  app_class->activate = stk_application_activate;
  app_class->open = stk_application_open;
  app_class->local_command_line = stk_application_local_command_line;
}

static void
stk_application_init (StkApplication *self)
{
  self->opening = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* The core's bundled files (the example policy) sit in a static library and register
   * themselves when linked; naming them here makes sure they are. */
  (void) stk_core_get_resource ();
}

StkApplication *
stk_application_new (GApplicationFlags flags)
{
  return g_object_new (STK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/samtykke/Samtykke",
                       NULL);
}

GSettings *
stk_application_get_settings (StkApplication *self)
{
  g_return_val_if_fail (STK_IS_APPLICATION (self), NULL);

  return self->settings;
}
