/* stk-interop-import-js.c — running a configuration written as JavaScript in samtykke-import-js
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-import-private.h"

/* Running a script */

typedef struct
{
  GBytes       *data;
  char         *display_name;
  GSubprocess  *child;
  guint         timeout_id;
  gboolean      timed_out;
  guint         n_imports;
  guint         time_limit;
  guint         memory_limit;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_clear_pointer (&run->data, g_bytes_unref);
  g_free (run->display_name);
  g_clear_object (&run->child);
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  g_free (run);
}

/* Browser objects a configuration may reach for, which a bare engine does not have. */
static const char * const browser_names[] = {
  "document", "fetch", "XMLHttpRequest", "navigator", "localStorage", "sessionStorage",
  "setTimeout", "setInterval", "requestAnimationFrame", "alert", "Image", "WebSocket",
  "indexedDB", "history", "screen", "console", NULL
};

static void
fail_exception (GError     **error,
                const char  *display_name,
                JsonObject  *result)
{
  const char *name = json_object_get_string_member_with_default (result, "name", "Error");
  const char *message = json_object_get_string_member_with_default (result, "message", "");
  int line = (int) json_object_get_int_member_with_default (result, "line", 0);
  int column = (int) json_object_get_int_member_with_default (result, "column", 0);
  g_autofree char *place = line > 0 ? g_strdup_printf ("%s:%d:%d", display_name, line,
                                                       MAX (column, 1))
                                    : g_strdup (display_name);

  if (g_str_equal (name, "SyntaxError"))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_SYNTAX,
                   /* Translators: the first %s is FILE:LINE:COL, the others the engine's
                    * error ("SyntaxError: Unexpected end of script"). */
                   _("%s: not JavaScript that Samtykke can run: %s: %s"),
                   place, name, message);
      return;
    }

  for (guint i = 0; browser_names[i] != NULL; i++)
    {
      g_autofree char *missing = g_strdup_printf ("Can't find variable: %s", browser_names[i]);

      if (g_str_equal (message, missing))
        {
          g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_THREW,
                       _("%s: the configuration threw an exception: %s: %s. It is run without "
                         "a browser, so %s is not there: no page, no network, no timers"),
                       place, name, message, browser_names[i]);
          return;
        }
    }

  g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_THREW,
               _("%s: the configuration threw an exception: %s: %s"), place, name, message);
}

static void
fail_limit (GError     **error,
            const char  *display_name,
            JsonObject  *result)
{
  const char *limit = json_object_get_string_member_with_default (result, "limit", "");
  const char *path = json_object_get_string_member_with_default (result, "path", "");
  guint max = (guint) CLAMP (json_object_get_int_member_with_default (result, "max", 0), 0,
                             G_MAXUINT);
  g_autofree char *where = *path != '\0' ? g_strdup_printf (" [%s]", path) : g_strdup ("");

  if (g_str_equal (limit, "depth"))
    g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                 _("%s: the configuration nests deeper than %u levels, the most Samtykke "
                   "reads%s"), display_name, max, where);
  else if (g_str_equal (limit, "items"))
    g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                 _("%s: a list or object of the configuration holds more than %u entries, "
                   "the most Samtykke reads%s"),
                 display_name, max, where);
  else if (g_str_equal (limit, "string"))
    g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                 _("%s: a text of the configuration is longer than %u bytes, the most "
                   "Samtykke reads%s"), display_name, max, where);
  else if (g_str_equal (limit, "values"))
    g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                 _("%s: the configuration holds more than %u values, the most Samtykke "
                   "reads"), display_name, max);
  else
    g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                 _("%s: the configuration is larger than %u bytes, the most Samtykke "
                   "reads"), display_name, max);
}

/* Reads what samtykke-import-js printed. */
static StkConfigImport *
read_result (Run     *run,
             GBytes  *output,
             GError **error)
{
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(StkInteropReport) report = NULL;
  StkConfigImport *import;
  StkJsonReader reader;
  JsonObject *result;
  JsonNode *config;
  const char *status, *library;
  gsize length = 0;
  const char *data = g_bytes_get_data (output, &length);
  StkInteropFormat format;
  gint64 calls;

  if (!stk_json_reader_init (&reader, data, length, "samtykke-import-js", &local_error)
      || (parsed = stk_json_reader_node (&reader)) == NULL
      || !stk_json_reader_finish (&reader) || !JSON_NODE_HOLDS_OBJECT (parsed))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_UNAVAILABLE,
                   _("%s: samtykke-import-js answered with something other than its "
                     "result: %s"), run->display_name,
                   local_error != NULL ? local_error->message : "");
      return NULL;
    }

  result = json_node_get_object (parsed);
  status = json_object_get_string_member_with_default (result, "status", "");
  if (g_str_equal (status, "exception"))
    {
      fail_exception (error, run->display_name, result);
      return NULL;
    }
  if (g_str_equal (status, "limit"))
    {
      fail_limit (error, run->display_name, result);
      return NULL;
    }
  if (g_str_equal (status, "nothing"))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOTHING_CAPTURED,
                   _("%s: the file ran but configured nothing: it neither calls "
                     "CookieConsent.run() nor sets window.klaroConfig"), run->display_name);
      return NULL;
    }
  if (g_str_equal (status, "both"))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                   _("%s: the file configures both vanilla-cookieconsent and Klaro; import "
                     "one configuration at a time"), run->display_name);
      return NULL;
    }
  if (!g_str_equal (status, "captured"))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                   _("%s: the library was given something other than a configuration "
                     "object"), run->display_name);
      return NULL;
    }

  library = json_object_get_string_member_with_default (result, "library", "");
  config = json_object_get_member (result, "config");
  if (!stk_interop_format_parse (library, &format, NULL) || config == NULL
      || !JSON_NODE_HOLDS_OBJECT (config))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_UNAVAILABLE,
                   _("%s: samtykke-import-js answered with something other than its "
                     "result: %s"), run->display_name, status);
      return NULL;
    }

  report = stk_interop_report_new (run->display_name);
  if (run->n_imports > 0)
    stk_interop_report_addf (report, STK_INTEROP_NOTE_INFO, 1, NULL,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "The file’s import declaration was not followed: "
                                          "nothing was fetched, and the library was stood in "
                                          "for",
                                          "The file’s %u import declarations were not "
                                          "followed: nothing was fetched, and the library was "
                                          "stood in for",
                                          run->n_imports),
                             run->n_imports);
  calls = json_object_get_int_member_with_default (result, "calls", 0);
  if (calls > 1)
    stk_interop_report_addf (report, STK_INTEROP_NOTE_WARNING, 0, NULL,
                             _("The library was started %u times; the first configuration was "
                               "imported"), (guint) MIN (calls, G_MAXUINT));
  if (json_object_get_boolean_member_with_default (result, "read_location", FALSE))
    stk_interop_report_add (report, STK_INTEROP_NOTE_WARNING, 0, NULL,
                            _("The file read the page’s address (location); it was run as on "
                              "an empty page, so what it made from the address is missing"));

  import = stk_interop_map_config (config, format, run->display_name, report, error);
  return import;
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) errors = NULL;
  g_autoptr(GError) error = NULL;
  StkConfigImport *import;

  g_clear_handle_id (&run->timeout_id, g_source_remove);

  if (!g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &output, &errors, &error))
    {
      g_subprocess_force_exit (run->child);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (run->timed_out
      || (g_subprocess_get_if_exited (run->child) && g_subprocess_get_exit_status (run->child) == 3))
    {
      g_task_return_new_error (task, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TIMEOUT,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s: the configuration ran longer than %u second "
                                            "and was stopped",
                                            "%s: the configuration ran longer than %u seconds "
                                            "and was stopped",
                                            run->time_limit),
                               run->display_name, run->time_limit);
      return;
    }
  if (g_subprocess_get_if_exited (run->child) && g_subprocess_get_exit_status (run->child) == 4)
    {
      g_task_return_new_error (task, STK_INTEROP_ERROR, STK_INTEROP_ERROR_MEMORY,
                               _("%s: the configuration took more than %u MiB of memory and "
                                 "was stopped"),
                               run->display_name, run->memory_limit);
      return;
    }
  if (!g_subprocess_get_if_exited (run->child) || g_subprocess_get_exit_status (run->child) != 0)
    {
      g_autofree char *said = NULL;

      if (errors != NULL && g_bytes_get_size (errors) > 0)
        said = g_utf8_make_valid (g_bytes_get_data (errors, NULL),
                                  MIN (g_bytes_get_size (errors), 400));
      g_task_return_new_error (task, STK_INTEROP_ERROR, STK_INTEROP_ERROR_UNAVAILABLE,
                               _("%s: samtykke-import-js stopped without a result (%s)%s%s"),
                               run->display_name,
                               g_subprocess_get_if_signaled (run->child)
                               ? g_strsignal (g_subprocess_get_term_sig (run->child))
                               : _("it failed"),
                               said != NULL ? ": " : "", said != NULL ? g_strstrip (said) : "");
      return;
    }

  import = read_result (run, output, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, g_object_unref);
}

/* The child stops itself at the time limit; this is for a child that cannot. */
static gboolean
timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timeout_id = 0;
  run->timed_out = TRUE;
  g_subprocess_force_exit (run->child);
  return G_SOURCE_REMOVE;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *end = NULL;

  if (length > STK_CONFIG_MAX_SIZE)
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB, the most Samtykke reads as a "
                     "configuration"), display_name, STK_CONFIG_MAX_SIZE >> 20);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      int line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_SYNTAX,
                   _("%s:%d: the file is not UTF-8 text"), display_name, line);
      return FALSE;
    }
  return TRUE;
}

/**
 * stk_config_importer_read_async:
 * @self: an importer
 * @data: the file's bytes
 * @display_name: the file's name, for the report and errors ("config.js")
 * @cancellable: (nullable): stops the import (and the child running a script)
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Reads a vanilla-cookieconsent 3 or Klaro 0.7 configuration, written as JSON (a `.json`
 * file, or any file that is a JSON object) or as JavaScript, which is run in samtykke-import-js
 * within the importer's limits. Nothing is changed: the result holds a new policy and a report.
 */
void
stk_config_importer_read_async (StkConfigImporter   *self,
                                GBytes              *data,
                                const char          *display_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) script = NULL;
  g_autofree char *rewritten = NULL;
  Run *run;
  gsize length = 0, rewritten_length = 0;
  const char *text;

  g_return_if_fail (STK_IS_CONFIG_IMPORTER (self));
  g_return_if_fail (data != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stk_config_importer_read_async);
  run = g_new0 (Run, 1);
  run->data = g_bytes_ref (data);
  run->display_name = g_strdup (display_name != NULL ? display_name : "config.js");
  run->time_limit = self->time_limit;
  run->memory_limit = self->memory_limit;
  g_task_set_task_data (task, run, run_free);

  text = g_bytes_get_data (data, &length);
  if (text == NULL)
    text = "";
  if (!check_text (text, length, run->display_name, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (stk_interop_is_json (text, length, run->display_name))
    {
      StkConfigImport *import = stk_interop_import_json (text, length, run->display_name, &error);

      if (import == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, import, g_object_unref);
      return;
    }

  rewritten = stk_interop_rewrite_imports (text, length, &rewritten_length, &run->n_imports);
  script = rewritten != NULL ? g_bytes_new_take (g_steal_pointer (&rewritten), rewritten_length)
                             : g_bytes_ref (data);

  g_ptr_array_add (argv, self->program != NULL ? g_strdup (self->program)
                                               : stk_config_importer_find_program ());
  g_ptr_array_add (argv, g_strdup ("--name"));
  g_ptr_array_add (argv, g_strdup (run->display_name));
  g_ptr_array_add (argv, g_strdup ("--time-limit"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", self->time_limit));
  g_ptr_array_add (argv, g_strdup ("--memory-limit"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", self->memory_limit));
  g_ptr_array_add (argv, NULL);

  run->child = g_subprocess_newv ((const char * const *) argv->pdata,
                                  G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                  | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                  &error);
  if (run->child == NULL)
    {
      g_task_return_new_error (task, STK_INTEROP_ERROR, STK_INTEROP_ERROR_UNAVAILABLE,
                               _("%s: JavaScript configurations are run by %s, which could not "
                                 "be started (%s); a configuration written as JSON can be "
                                 "imported without it"),
                               run->display_name, (const char *) g_ptr_array_index (argv, 0),
                               error->message);
      return;
    }

  /* A little longer than the child's own limit, which it keeps itself. */
  run->timeout_id = g_timeout_add_seconds (self->time_limit + 5, timeout_cb, run);
  g_subprocess_communicate_async (run->child, script, cancellable, communicate_cb,
                                  g_steal_pointer (&task));
}

/**
 * stk_config_importer_read_finish:
 * @self: an importer
 * @result: the result given to the callback
 * @error: why nothing could be imported: a file that is not a configuration, a script that
 *   threw, ran too long, took too much memory or configured nothing, a limit
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
StkConfigImport *
stk_config_importer_read_finish (StkConfigImporter  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

/**
 * stk_config_importer_read:
 * @self: an importer
 * @data: the file's bytes
 * @display_name: the file's name, for the report and errors
 * @cancellable: (nullable): stops the import
 * @error: as for stk_config_importer_read_finish()
 *
 * stk_config_importer_read_async(), waiting for the result in a main context of its own.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
StkConfigImport *
stk_config_importer_read (StkConfigImporter  *self,
                          GBytes             *data,
                          const char         *display_name,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Wait wait = { NULL };
  StkConfigImport *import;

  g_main_context_push_thread_default (context);
  stk_config_importer_read_async (self, data, display_name, cancellable, wait_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (context, TRUE);
  import = stk_config_importer_read_finish (self, wait.result, error);
  g_object_unref (wait.result);
  g_main_context_pop_thread_default (context);

  return import;
}
