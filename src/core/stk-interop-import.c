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
 *
 * This file holds StkConfigImport and the way from a configuration object to it;
 * stk-interop-import-js.c reads a configuration's text (running a script in the child), and
 * stk-interop-importer.c holds StkConfigImporter's settings and the reading of a file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-import-private.h"

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

StkConfigImport *
stk_interop_map_config (JsonNode          *root,
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

StkConfigImport *
stk_interop_import_json (const char  *data,
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
  import = stk_interop_map_config (root, format, display_name, report, error);
  if (import != NULL)
    stk_interop_report_locate (report, data, length);
  return import;
}

/* Whether @data is a JSON document rather than a script: what a .json file always is, and a
 * script never starts with "{" and parses as JSON. */
gboolean
stk_interop_is_json (const char *data,
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
