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
#include "stk-settings.h"
#include "stk-window.h"

struct _StkApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  GHashTable     *opening;  /* file URI -> StkDocument reading it since the command line */
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

static void
stk_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (stk_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
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
