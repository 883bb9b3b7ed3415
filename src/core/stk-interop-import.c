/* stk-interop-import.c — reading another banner's configuration into a new policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A configuration written as JSON is read here. One written as JavaScript is run by
 * samtykke-import-js, a child process: a hostile or broken file can then loop, throw, eat
 * memory or crash the engine without touching the editor, and the child is stopped at the
 * time limit whatever it does. Either way the result is the configuration object, which the
 * mapping of its library (stk-interop-vcc.c, stk-interop-klaro.c) turns into a new policy and
 * a report of what it could not carry over.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-core-private.h"
#include "stk-interop-private.h"
#include "stk-json.h"
#include "stk-policy.h"

/* StkConfigImport */

struct _StkConfigImport
{
  GObject           parent_instance;

  StkInteropFormat  format;
  StkInteropReport *report;
  StkPolicy        *policy;
};

G_DEFINE_FINAL_TYPE (StkConfigImport, stk_config_import, G_TYPE_OBJECT)

static void
stk_config_import_finalize (GObject *object)
{
  StkConfigImport *self = STK_CONFIG_IMPORT (object);

  g_clear_object (&self->report);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (stk_config_import_parent_class)->finalize (object);
}

static void
stk_config_import_class_init (StkConfigImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_config_import_finalize;
}

static void
stk_config_import_init (StkConfigImport *self)
{
}

/**
 * stk_config_import_get_format:
 * @self: an import
 *
 * Returns: the library whose configuration was read
 */
StkInteropFormat
stk_config_import_get_format (StkConfigImport *self)
{
  g_return_val_if_fail (STK_IS_CONFIG_IMPORT (self), STK_INTEROP_VANILLA_COOKIECONSENT);
  return self->format;
}

/**
 * stk_config_import_get_report:
 * @self: an import
 *
 * Returns: (transfer none): what could not be carried over, and a summary of what was
 */
StkInteropReport *
stk_config_import_get_report (StkConfigImport *self)
{
  g_return_val_if_fail (STK_IS_CONFIG_IMPORT (self), NULL);
  return self->report;
}

/**
 * stk_config_import_get_policy:
 * @self: an import
 *
 * The policy the configuration describes, with an empty history. Texts the configuration does
 * not have are missing, never filled in: validation reports them.
 *
 * Returns: (transfer none): the new policy
 */
StkPolicy *
stk_config_import_get_policy (StkConfigImport *self)
{
  g_return_val_if_fail (STK_IS_CONFIG_IMPORT (self), NULL);
  return self->policy;
}

/* From the configuration object to the policy */

/* Member names that start with "$" get a second one, as samtykke-import-js writes them, so
 * that a JSON file's members can never pass for its markers. */
static JsonNode *
escape_names (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *escaped = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_autofree char *key = name[0] == '$' ? g_strconcat ("$", name, NULL)
                                                : g_strdup (name);

          json_object_set_member (escaped, key, escape_names (member));
        }
      json_node_take_object (result, escaped);
      return result;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *escaped = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (escaped, escape_names (json_array_get_element (array, i)));
      json_node_take_array (result, escaped);
      return result;
    }

  return json_node_copy (node);
}

/* Which library a configuration object is for, by the members only it has. */
static gboolean
guess_format (JsonObject       *config,
              StkInteropFormat *format)
{
  JsonNode *categories = json_object_get_member (config, "categories");
  JsonNode *language = json_object_get_member (config, "language");
  JsonNode *services = json_object_get_member (config, "services");
  JsonNode *apps = json_object_get_member (config, "apps");

  if ((services != NULL && JSON_NODE_HOLDS_ARRAY (services))
      || (apps != NULL && JSON_NODE_HOLDS_ARRAY (apps)))
    {
      *format = STK_INTEROP_KLARO;
      return TRUE;
    }
  if ((categories != NULL && JSON_NODE_HOLDS_OBJECT (categories))
      || (language != NULL && JSON_NODE_HOLDS_OBJECT (language)))
    {
      *format = STK_INTEROP_VANILLA_COOKIECONSENT;
      return TRUE;
    }
  return FALSE;
}

static void
count_policy (StkPolicy *policy,
              guint     *n_cookies)
{
  StkList *providers = stk_policy_get_providers (policy);

  *n_cookies = 0;
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    *n_cookies += stk_list_get_n (stk_provider_get_cookies (stk_list_peek (providers, i)));
}

static StkConfigImport *
map_config (JsonNode          *root,
            StkInteropFormat   format,
            const char        *display_name,
            StkInteropReport  *report,
            GError           **error)
{
  g_autoptr(StkConfigImport) import = NULL;
  StkConfigReader reader;
  StkPolicy *policy;
  g_autofree char *languages = NULL;
  guint n_cookies;

  stk_config_reader_init (&reader, root, report);
  if (format == STK_INTEROP_KLARO)
    policy = stk_interop_klaro_read (&reader, json_node_get_object (root), error);
  else
    policy = stk_interop_vcc_read (&reader, json_node_get_object (root), error);
  if (policy == NULL)
    {
      g_prefix_error (error, "%s: ", display_name);
      stk_config_reader_clear (&reader);
      return NULL;
    }
  stk_config_report_rest (&reader);
  stk_config_reader_clear (&reader);

  stk_history_clear (stk_policy_get_history (policy));

  count_policy (policy, &n_cookies);
  languages = g_strjoinv (", ", (char **) stk_policy_get_languages (policy));
  stk_interop_report_addf (report, STK_INTEROP_NOTE_INFO, 0, NULL,
                           /* Translators: the numbers of categories, providers and cookies
                            * read, the list of language codes ("da, en"), and the library. */
                           _("Read %u categories, %u providers and %u cookies in %s from the "
                             "%s configuration"),
                           stk_list_get_n (stk_policy_get_categories (policy)),
                           stk_list_get_n (stk_policy_get_providers (policy)),
                           n_cookies, languages, stk_interop_format_to_string (format));

  import = g_object_new (STK_TYPE_CONFIG_IMPORT, NULL);
  import->format = format;
  import->report = g_object_ref (report);
  import->policy = policy;
  return g_steal_pointer (&import);
}

static StkConfigImport *
import_json (const char  *data,
             gsize        length,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(StkInteropReport) report = stk_interop_report_new (display_name);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  StkConfigImport *import;
  StkJsonReader reader;
  StkInteropFormat format;

  if (!stk_json_reader_init (&reader, data, length, display_name, &local_error)
      || (parsed = stk_json_reader_node (&reader)) == NULL
      || !stk_json_reader_finish (&reader))
    {
      g_set_error_literal (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_SYNTAX,
                           local_error != NULL ? local_error->message : display_name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (parsed) || !guess_format (json_node_get_object (parsed), &format))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                   _("%s: neither a vanilla-cookieconsent nor a Klaro configuration: it has "
                     "no categories, language or services"), display_name);
      return NULL;
    }

  root = escape_names (parsed);
  import = map_config (root, format, display_name, report, error);
  if (import != NULL)
    stk_interop_report_locate (report, data, length);
  return import;
}

/* Whether @data is a JSON document rather than a script: what a .json file always is, and a
 * script never starts with "{" and parses as JSON. */
static gboolean
is_json (const char *data,
         gsize       length,
         const char *display_name)
{
  StkJsonReader reader;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize i = 0;

  if (g_str_has_suffix (display_name, ".json") || g_str_has_suffix (display_name, ".JSON"))
    return TRUE;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || data[i] != '{')
    return FALSE;

  if (!stk_json_reader_init (&reader, data, length, display_name, &error))
    return FALSE;
  node = stk_json_reader_node (&reader);
  return node != NULL && stk_json_reader_finish (&reader);
}

/* StkConfigImporter */

struct _StkConfigImporter
{
  GObject  parent_instance;

  char    *program;
  guint    time_limit;
  guint    memory_limit;
};

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

  import = map_config (config, format, run->display_name, report, error);
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

  if (is_json (text, length, run->display_name))
    {
      StkConfigImport *import = import_json (text, length, run->display_name, &error);

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
  stk_config_importer_read_async (STK_CONFIG_IMPORTER (g_task_get_source_object (task)), bytes,
                                  g_task_get_task_data (task), g_task_get_cancellable (task),
                                  forward_cb, g_steal_pointer (&task));
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
