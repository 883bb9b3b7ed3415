/* stk-interop-config.c — reading another banner's configuration object, and reporting the rest
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mappings (stk-interop-vcc.c, stk-interop-klaro.c) take the members they understand
 * through these functions. Whatever no mapping took is what could not be carried over: the
 * reader walks the configuration at the end and reports each such member once, at the
 * outermost place (an unknown object is one note, not one per member inside it), and every
 * function as a callback.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-private.h"

/* Member names that start with "$" carry a second one (see stk-interop-private.h). */
const char *
stk_config_real_name (const char *member)
{
  return member[0] == '$' && member[1] == '$' ? member + 1 : member;
}

#define real_name stk_config_real_name

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_' && *name != '$')
    return FALSE;
  for (const char *p = name + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '$')
      return FALSE;
  return TRUE;
}

static char *
join_path (const char *parent,
           const char *member)
{
  const char *name = real_name (member);

  if (is_identifier (name) || (*name != '\0' && strpbrk (name, ".[]\"") == NULL
                               && g_utf8_validate (name, -1, NULL) && strchr (name, ' ') == NULL))
    return *parent == '\0' ? g_strdup (name) : g_strconcat (parent, ".", name, NULL);

  /* A name a path cannot hold plainly: "cookies[“a b”]". */
  return g_strdup_printf ("%s[“%s”]", parent, name);
}

void
stk_config_reader_init (StkConfigReader  *reader,
                        JsonNode         *root,
                        StkInteropReport *report)
{
  reader->report = report;
  reader->root = root;
  reader->paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reader->used = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  reader->html = FALSE;

  if (JSON_NODE_HOLDS_OBJECT (root))
    stk_config_enter_object (reader, root, "");
}

void
stk_config_reader_clear (StkConfigReader *reader)
{
  g_clear_pointer (&reader->paths, g_hash_table_unref);
  g_clear_pointer (&reader->used, g_hash_table_unref);
}

const char *
stk_config_path (StkConfigReader *reader,
                 gconstpointer    container)
{
  const char *path = g_hash_table_lookup (reader->paths, container);

  return path != NULL ? path : "";
}

char *
stk_config_member_path (StkConfigReader *reader,
                        JsonObject      *object,
                        const char      *member)
{
  return join_path (stk_config_path (reader, object), member);
}

JsonObject *
stk_config_enter_object (StkConfigReader *reader,
                         JsonNode        *node,
                         const char      *path)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (!g_hash_table_contains (reader->paths, object))
    {
      g_hash_table_insert (reader->paths, object, g_strdup (path));
      g_hash_table_insert (reader->used, object, g_hash_table_new (g_str_hash, g_str_equal));
    }
  return object;
}

JsonArray *
stk_config_enter_array (StkConfigReader *reader,
                        JsonNode        *node,
                        const char      *path)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (!g_hash_table_contains (reader->paths, array))
    g_hash_table_insert (reader->paths, array, g_strdup (path));
  return array;
}

static void
mark (StkConfigReader *reader,
      JsonObject      *object,
      const char      *member)
{
  GHashTable *used = g_hash_table_lookup (reader->used, object);

  if (used != NULL)
    g_hash_table_add (used, (gpointer) member);
}

void
stk_config_warn (StkConfigReader *reader,
                 const char      *path,
                 const char      *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  stk_interop_report_add (reader->report, STK_INTEROP_NOTE_WARNING, 0, path, message);
}

/* json_object_get_member() takes the name as JavaScript wrote it; a "$" gets its second one. */
static JsonNode *
lookup (JsonObject  *object,
        const char  *member,
        const char **stored)
{
  GList *names;
  JsonNode *node = NULL;
  g_autofree char *escaped = member[0] == '$' ? g_strconcat ("$", member, NULL) : NULL;
  const char *name = escaped != NULL ? escaped : member;

  if (!json_object_has_member (object, name))
    return NULL;

  /* The reader marks members by the object's own copy of the name, which lives as long as the
   * object does. */
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (g_str_equal (l->data, name))
      {
        *stored = l->data;
        node = json_object_get_member (object, name);
        break;
      }
  g_list_free (names);

  return node;
}

JsonNode *
stk_config_take (StkConfigReader *reader,
                 JsonObject      *object,
                 const char      *member)
{
  const char *stored = NULL;
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = lookup (object, member, &stored);
  if (node == NULL)
    return NULL;

  mark (reader, object, stored);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

void
stk_config_skip (StkConfigReader *reader,
                 JsonObject      *object,
                 const char      *member)
{
  stk_config_take (reader, object, member);
}

gboolean
stk_config_is_function (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
         && json_object_get_size (json_node_get_object (node)) == 1
         && json_object_has_member (json_node_get_object (node), "$function");
}

gboolean
stk_config_is_regexp (JsonNode    *node,
                      const char **source,
                      const char **flags)
{
  JsonObject *object, *inner;
  JsonNode *source_node, *flags_node;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  if (json_object_get_size (object) != 1 || !json_object_has_member (object, "$regexp")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "$regexp")))
    return FALSE;

  inner = json_node_get_object (json_object_get_member (object, "$regexp"));
  source_node = json_object_get_member (inner, "source");
  flags_node = json_object_get_member (inner, "flags");
  if (source_node == NULL || json_node_get_value_type (source_node) != G_TYPE_STRING)
    return FALSE;

  *source = json_node_get_string (source_node);
  *flags = flags_node != NULL && json_node_get_value_type (flags_node) == G_TYPE_STRING
           ? json_node_get_string (flags_node) : "";
  return TRUE;
}

static gboolean
is_marker (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  return json_object_get_size (object) == 1
         && (json_object_has_member (object, "$function")
             || json_object_has_member (object, "$regexp")
             || json_object_has_member (object, "$unsupported"));
}

/* What a value is, for a message about a value of the wrong type. */
static const char *
describe (JsonNode *node)
{
  if (stk_config_is_function (node))
    return _("a function");
  if (is_marker (node))
    return _("a special object");
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY:  return _("a list");
    case JSON_NODE_NULL:   return "null";
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return _("a text");
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return _("true or false");
      return _("a number");
    default:
      return "?";
    }
}

static void
wrong_type (StkConfigReader *reader,
            JsonObject      *object,
            const char      *member,
            JsonNode        *node,
            const char      *expected)
{
  g_autofree char *path = stk_config_member_path (reader, object, member);

  if (stk_config_is_function (node))
    stk_config_warn (reader, path,
                     _("This is made by a function, which Samtykke does not run; it was not "
                       "carried over"));
  else
    /* Translators: the first %s says what was expected ("a text"), the second what the
     * value is ("a number"). */
    stk_config_warn (reader, path, _("Expected %s, not %s; it was not carried over"),
                     expected, describe (node));
}

JsonObject *
stk_config_take_object (StkConfigReader *reader,
                        JsonObject      *object,
                        const char      *member)
{
  JsonNode *node = stk_config_take (reader, object, member);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node) || is_marker (node))
    {
      wrong_type (reader, object, member, node, _("an object"));
      return NULL;
    }

  path = stk_config_member_path (reader, object, member);
  return stk_config_enter_object (reader, node, path);
}

JsonArray *
stk_config_take_array (StkConfigReader *reader,
                       JsonObject      *object,
                       const char      *member)
{
  JsonNode *node = stk_config_take (reader, object, member);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (reader, object, member, node, _("a list"));
      return NULL;
    }

  path = stk_config_member_path (reader, object, member);
  return stk_config_enter_array (reader, node, path);
}

const char *
stk_config_take_string (StkConfigReader *reader,
                        JsonObject      *object,
                        const char      *member)
{
  JsonNode *node = stk_config_take (reader, object, member);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      wrong_type (reader, object, member, node, _("a text"));
      return NULL;
    }

  return json_node_get_string (node);
}

gboolean
stk_config_take_boolean (StkConfigReader *reader,
                         JsonObject      *object,
                         const char      *member,
                         gboolean        *value)
{
  JsonNode *node = stk_config_take (reader, object, member);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      wrong_type (reader, object, member, node, _("true or false"));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
stk_config_take_number (StkConfigReader *reader,
                        JsonObject      *object,
                        const char      *member,
                        double          *value)
{
  JsonNode *node = stk_config_take (reader, object, member);
  GType type;

  if (node == NULL)
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      wrong_type (reader, object, member, node, _("a number"));
      return FALSE;
    }

  *value = json_node_get_double (node);
  return TRUE;
}

char *
stk_config_plain_text (StkConfigReader *reader,
                       const char      *text,
                       const char      *path)
{
  gboolean had_markup = FALSE;
  char *plain;

  if (!reader->html)
    return g_strdup (text);

  plain = stk_interop_html_to_text (text, &had_markup);
  if (had_markup)
    stk_config_warn (reader, path,
                     _("The text held HTML markup, which was removed: Samtykke’s texts are "
                       "plain text"));
  return plain;
}

char *
stk_config_take_text (StkConfigReader *reader,
                      JsonObject      *object,
                      const char      *member)
{
  const char *text = stk_config_take_string (reader, object, member);
  g_autofree char *path = NULL;

  if (text == NULL)
    return NULL;

  path = stk_config_member_path (reader, object, member);
  return stk_config_plain_text (reader, text, path);
}

void
stk_config_take_policy_text (StkConfigReader *reader,
                             StkPolicy       *policy,
                             JsonObject      *object,
                             const char      *member,
                             const char      *key,
                             const char      *lang)
{
  g_autofree char *value = NULL;
  StkText *text = stk_policy_get_text (policy, key);
  const char *current = stk_text_get (text, lang);

  if (object == NULL)
    return;
  value = stk_config_take_text (reader, object, member);
  if (value == NULL || *value == '\0')
    return;
  if (current != NULL && *current != '\0')
    {
      if (!g_str_equal (current, value))
        {
          g_autofree char *path = stk_config_member_path (reader, object, member);

          stk_config_warn (reader, path,
                           _("Samtykke has one text for this button in the banner and in the "
                             "settings; “%s” was kept and “%s” was not carried over"),
                           current, value);
        }
      return;
    }
  stk_text_set (text, lang, value);
}

/* What is left */

static void report_object (StkConfigReader *reader, JsonObject *object);

static void
report_node (StkConfigReader *reader,
             JsonNode        *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node)
      && g_hash_table_contains (reader->used, json_node_get_object (node)))
    {
      report_object (reader, json_node_get_object (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node)
           && g_hash_table_contains (reader->paths, json_node_get_array (node)))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        report_node (reader, json_array_get_element (array, i));
    }
}

/* Functions anywhere below a member that was not carried over: each is worth naming, since
 * it is code the site ran. */
static guint
count_functions (JsonNode *node)
{
  guint n = 0;

  if (stk_config_is_function (node))
    return 1;
  if (JSON_NODE_HOLDS_OBJECT (node) && !is_marker (node))
    {
      JsonObjectIter iter;
      const char *name;   /* json-glib 1.6 stores the name unconditionally */
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        n += count_functions (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_functions (json_array_get_element (array, i));
    }
  return n;
}

static void
report_object (StkConfigReader *reader,
               JsonObject      *object)
{
  GHashTable *used = g_hash_table_lookup (reader->used, object);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      g_autofree char *path = NULL;
      guint functions;

      if (g_hash_table_contains (used, member))
        {
          report_node (reader, node);
          continue;
        }

      path = stk_config_member_path (reader, object, member);
      functions = count_functions (node);
      if (stk_config_is_function (node))
        stk_config_warn (reader, path,
                         _("A callback (a function): Samtykke runs no code from a "
                           "configuration; it was not carried over"));
      else if (functions > 0)
        stk_config_warn (reader, path,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Samtykke has no place for this, and it holds %u "
                                      "callback (a function); it was not carried over",
                                      "Samtykke has no place for this, and it holds %u "
                                      "callbacks (functions); it was not carried over",
                                      functions),
                         functions);
      else
        stk_config_warn (reader, path,
                         _("Samtykke has no place for this; it was not carried over"));
    }
}

void
stk_config_report_rest (StkConfigReader *reader)
{
  report_node (reader, reader->root);
}
