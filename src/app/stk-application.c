/* stk-application.c — the editor application: one window per open policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-application.h"
#include "stk-core-resources.h"
#include "stk-window.h"

struct _StkApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  GHashTable     *preloads;  /* file URI -> GThread returning a Preload */
};

typedef struct
{
  GFile     *file;
  StkPolicy *policy;
  GError    *error;
} Preload;

static void
preload_free (Preload *preload)
{
  g_clear_object (&preload->file);
  g_clear_object (&preload->policy);
  g_clear_error (&preload->error);
  g_free (preload);
}

static gpointer
preload_thread (gpointer data)
{
  Preload *preload = data;

  /* The model is plain GObjects that nothing listens to until the window takes it. */
  preload->policy = stk_policy_load_file (preload->file, &preload->error);

  return preload;
}

G_DEFINE_FINAL_TYPE (StkApplication, stk_application, ADW_TYPE_APPLICATION)

static StkWindow *
find_window_for_file (StkApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!STK_IS_WINDOW (l->data))
        continue;

      shown = stk_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
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

      if (window == NULL)
        window = stk_window_new_for_file (GTK_APPLICATION (application), files[i]);

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

  adw_show_about_window (parent,
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
    { "win.show-page('preview')", { "<Alt>6", NULL } },
    { "win.show-page('problems')", { "<Alt>7", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
stk_application_startup (GApplication *application)
{
  StkApplication *self = STK_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (stk_application_parent_class)->startup (application);

  g_set_application_name (_("Samtykke"));
  gtk_window_set_default_icon_name (APP_ID);

  /* Without the schema (running from the build folder) the editor still works; it just
   * remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));
}

/* Reading a large policy takes about as long as starting the toolkit, so the files named on
 * the command line are read while it starts. */
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

          stk_application_preload (self, file);
        }
    }

  return G_APPLICATION_CLASS (stk_application_parent_class)->local_command_line (application,
                                                                                 arguments,
                                                                                 exit_status);
}

static gboolean
join_preload (gpointer key,
              gpointer value,
              gpointer user_data)
{
  preload_free (g_thread_join (value));
  return TRUE;
}

static void
stk_application_dispose (GObject *object)
{
  StkApplication *self = STK_APPLICATION (object);

  /* Files that were handed to another instance instead. */
  if (self->preloads != NULL)
    g_hash_table_foreach_remove (self->preloads, join_preload, NULL);
  g_clear_pointer (&self->preloads, g_hash_table_unref);
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
  self->preloads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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

void
stk_application_preload (StkApplication *self,
                         GFile          *file)
{
  char *uri;
  Preload *preload;

  g_return_if_fail (STK_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  if (g_hash_table_contains (self->preloads, uri))
    {
      g_free (uri);
      return;
    }

  preload = g_new0 (Preload, 1);
  preload->file = g_object_ref (file);
  g_hash_table_insert (self->preloads, uri, g_thread_new ("samtykke-load", preload_thread, preload));
}

/**
 * stk_application_load_file:
 * @self: the application
 * @file: a policy file
 * @error: where to put the reason it did not load
 *
 * Returns: (transfer full) (nullable): the policy, or NULL with @error set
 */
StkPolicy *
stk_application_load_file (StkApplication  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *key = NULL;
  GThread *thread;
  Preload *preload;
  StkPolicy *policy;

  g_return_val_if_fail (STK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  if (!g_hash_table_steal_extended (self->preloads, uri, (gpointer *) &key, (gpointer *) &thread))
    return stk_policy_load_file (file, error);

  preload = g_thread_join (thread);
  policy = g_steal_pointer (&preload->policy);
  if (policy == NULL)
    g_propagate_error (error, g_steal_pointer (&preload->error));
  preload_free (preload);

  return policy;
}
