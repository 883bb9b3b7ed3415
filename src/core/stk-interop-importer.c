/* stk-interop-importer.c — the importer of other banners' configurations: its settings, reading files
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-import-private.h"

/* StkConfigImporter */

G_DEFINE_FINAL_TYPE (StkConfigImporter, stk_config_importer, G_TYPE_OBJECT)

static void
stk_config_importer_finalize (GObject *object)
{
  StkConfigImporter *self = STK_CONFIG_IMPORTER (object);

  g_free (self->program);

  G_OBJECT_CLASS (stk_config_importer_parent_class)->finalize (object);
}

static void
stk_config_importer_class_init (StkConfigImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_config_importer_finalize;
}

static void
stk_config_importer_init (StkConfigImporter *self)
{
  self->time_limit = STK_CONFIG_TIME_LIMIT;
  self->memory_limit = STK_CONFIG_MEMORY_LIMIT;
}

/**
 * stk_config_importer_new:
 *
 * Returns: (transfer full): an importer with the default limits
 */
StkConfigImporter *
stk_config_importer_new (void)
{
  return g_object_new (STK_TYPE_CONFIG_IMPORTER, NULL);
}

/**
 * stk_config_importer_find_program:
 *
 * Returns: (transfer full): the path of samtykke-import-js: $SAMTYKKE_IMPORT_JS when set, else
 *   the one built beside the running program, else the installed one
 */
char *
stk_config_importer_find_program (void)
{
  const char *env = g_getenv ("SAMTYKKE_IMPORT_JS");
  g_autofree char *self_exe = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* Run from the build folder (src/cli/samtykke-cli, src/app/samtykke, tests/...): the program
   * built beside them. An installed program never has src/interop next to it. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);

      for (int up = 1; up <= 3; up++)
        {
          g_autoptr(GString) candidate = g_string_new (dir);

          for (int i = 0; i < up; i++)
            g_string_append (candidate, "/..");
          g_string_append (candidate, "/src/interop/samtykke-import-js");
          if (g_file_test (candidate->str, G_FILE_TEST_IS_EXECUTABLE)
              && g_file_test (candidate->str, G_FILE_TEST_IS_REGULAR))
            {
              g_autoptr(GFile) file = g_file_new_for_path (candidate->str);

              return g_file_get_path (file);
            }
        }
    }

  return g_build_filename (LIBEXECDIR, "samtykke-import-js", NULL);
}

/**
 * stk_config_importer_set_program:
 * @self: an importer
 * @program: (nullable): the samtykke-import-js to run; %NULL for the one found
 */
void
stk_config_importer_set_program (StkConfigImporter *self,
                                 const char        *program)
{
  g_return_if_fail (STK_IS_CONFIG_IMPORTER (self));

  g_free (self->program);
  self->program = g_strdup (program);
}

/**
 * stk_config_importer_set_time_limit:
 * @self: an importer
 * @seconds: how long a configuration written as JavaScript may run (default 5)
 */
void
stk_config_importer_set_time_limit (StkConfigImporter *self,
                                    guint              seconds)
{
  g_return_if_fail (STK_IS_CONFIG_IMPORTER (self));
  g_return_if_fail (seconds >= 1);

  self->time_limit = seconds;
}

/**
 * stk_config_importer_set_memory_limit:
 * @self: an importer
 * @mebibytes: how much memory the process that runs it may hold (default 256, at least 64)
 */
void
stk_config_importer_set_memory_limit (StkConfigImporter *self,
                                      guint              mebibytes)
{
  g_return_if_fail (STK_IS_CONFIG_IMPORTER (self));
  g_return_if_fail (mebibytes >= 64);

  self->memory_limit = mebibytes;
}

/* Reading a file */

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
info_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("%s: is not a regular file"),
                               (const char *) g_task_get_task_data (task));
      return;
    }
  if (g_file_info_get_size (info) > STK_CONFIG_MAX_SIZE)
    {
      g_task_return_new_error (task, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                               _("%s: the file is larger than %d MiB, the most Samtykke reads as "
                                 "a configuration"),
                               (const char *) g_task_get_task_data (task),
                               STK_CONFIG_MAX_SIZE >> 20);
      return;
    }
  g_file_load_bytes_async (G_FILE (source), g_task_get_cancellable (task), load_cb,
                           g_object_ref (task));
}

static void
forward_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  StkConfigImport *import;

  import = stk_config_importer_read_finish (STK_CONFIG_IMPORTER (source), result, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Everything the call needs is taken from the task before the task itself is handed on:
   * C leaves the order in which arguments are evaluated open. */
  {
    StkConfigImporter *self = g_task_get_source_object (task);
    const char *name = g_task_get_task_data (task);
    GCancellable *cancellable = g_task_get_cancellable (task);

    stk_config_importer_read_async (self, bytes, name, cancellable, forward_cb,
                                    g_steal_pointer (&task));
  }
}

/**
 * stk_config_importer_read_file_async:
 * @self: an importer
 * @file: a configuration file (.js or .json)
 * @cancellable: (nullable): stops the import
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Reads @file, refusing one larger than %STK_CONFIG_MAX_SIZE, and imports it as
 * stk_config_importer_read_async() does, under the file's name.
 */
void
stk_config_importer_read_file_async (StkConfigImporter   *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;

  g_return_if_fail (STK_IS_CONFIG_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stk_config_importer_read_file_async);
  g_task_set_task_data (task, g_file_get_basename (file), g_free);

  load = g_task_new (file, cancellable, loaded_cb, g_steal_pointer (&task));
  g_task_set_task_data (load, g_file_get_basename (file), g_free);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, cancellable, info_cb,
                           g_steal_pointer (&load));
}

/**
 * stk_config_importer_read_file_finish:
 * @self: an importer
 * @result: the result given to the callback
 * @error: as for stk_config_importer_read_finish(), or why the file could not be read
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
StkConfigImport *
stk_config_importer_read_file_finish (StkConfigImporter  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
