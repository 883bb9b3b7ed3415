/* stk-json-write.c — the canonical JSON writer: two spaces of indent, strings escaped only where
 * JSON requires it
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "stk-core-private.h"
#include "stk-json.h"

void
stk_json_write_indent (GString *out,
                       int      depth)
{
  for (int i = 0; i < depth; i++)
    g_string_append_len (out, "  ", 2);
}

/**
 * stk_json_write_string:
 * @out: where to write
 * @value: (nullable): UTF-8 text; %NULL writes ""
 *
 * Writes @value as a JSON string: quotes, backslashes and control characters escaped, all
 * other characters as they are.
 */
void
stk_json_write_string (GString    *out,
                       const char *value)
{
  const char *p = value ? value : "";
  const char *run = p;

  g_string_append_c (out, '"');
  for (; *p; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append_len (out, "\\\"", 2); break;
        case '\\': g_string_append_len (out, "\\\\", 2); break;
        case '\n': g_string_append_len (out, "\\n", 2); break;
        case '\r': g_string_append_len (out, "\\r", 2); break;
        case '\t': g_string_append_len (out, "\\t", 2); break;
        case '\b': g_string_append_len (out, "\\b", 2); break;
        case '\f': g_string_append_len (out, "\\f", 2); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/**
 * stk_json_write_node:
 * @out: where to write
 * @node: a json-glib value
 * @depth: the indentation of the line the value starts on
 *
 * Writes @node in the canonical layout (members in their order, two-space indent).
 */
void
stk_json_write_node (GString  *out,
                     JsonNode *node,
                     int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append (out, "{\n");
        for (GList *l = members; l; l = l->next)
          {
            stk_json_write_indent (out, depth + 1);
            stk_json_write_string (out, l->data);
            g_string_append (out, ": ");
            stk_json_write_node (out, json_object_get_member (object, l->data), depth + 1);
            g_string_append (out, l->next ? ",\n" : "\n");
          }
        stk_json_write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append (out, "[\n");
        for (guint i = 0; i < n; i++)
          {
            stk_json_write_indent (out, depth + 1);
            stk_json_write_node (out, json_array_get_element (array, i), depth + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        stk_json_write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            double value = json_node_get_double (node);

            /* The shortest form that reads back as the same number: 0.1, not
             * 0.10000000000000001. */
            for (int precision = 1; precision <= 17; precision++)
              {
                char format[8];

                g_snprintf (format, sizeof format, "%%.%dg", precision);
                g_ascii_formatd (buf, sizeof buf, format, value);
                if (g_ascii_strtod (buf, NULL) == value)
                  break;
              }
            g_string_append (out, buf);
            /* Keep it a fraction ("1.0", "-0.0"), or it would read back as a whole number
             * and the next save would differ. */
            if (strpbrk (buf, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          stk_json_write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    default:
      g_assert_not_reached ();
    }
}
