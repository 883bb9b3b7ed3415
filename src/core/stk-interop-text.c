/* stk-interop-text.c — values between Samtykke and other formats: strings, patterns, durations
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-interop-private.h"
#include "stk-json.h"
#include "stk-policy.h"

/* JavaScript */

static void
append_js_char (GString  *out,
                gunichar  c)
{
  switch (c)
    {
    case '"':  g_string_append (out, "\\\""); return;
    case '\\': g_string_append (out, "\\\\"); return;
    case '\n': g_string_append (out, "\\n"); return;
    case '\r': g_string_append (out, "\\r"); return;
    case '\t': g_string_append (out, "\\t"); return;
    default:   break;
    }

  /* "<" too, so that the text can never close a <script> it is pasted into. */
  if (c < 0x20 || c == '<' || (c >= 0x7f && c <= 0xffff))
    {
      g_string_append_printf (out, "\\u%04x", c);
    }
  else if (c > 0xffff)
    {
      gunichar v = c - 0x10000;

      g_string_append_printf (out, "\\u%04x\\u%04x", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    }
  else
    {
      g_string_append_c (out, (char) c);
    }
}

void
stk_js_append_string (GString    *out,
                      const char *text)
{
  const char *p = text != NULL ? text : "";

  g_string_append_c (out, '"');
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* A byte that starts no character (a script read from a file need not be UTF-8) stands
       * for U+FFFD, and only that byte is taken: stepping by its lead byte could pass the end. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          append_js_char (out, 0xfffd);
          p++;
          continue;
        }
      append_js_char (out, c);
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}

char *
stk_interop_pattern_to_regexp (const char *name,
                               gboolean    pattern)
{
  GString *out = g_string_new ("^");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (pattern && *p == '*')
        g_string_append (out, ".*");
      else
        {
          if (strchr ("\\^$.*+?()[]{}|/-", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '$');

  return g_string_free (out, FALSE);
}

void
stk_js_append_regexp (GString    *out,
                      const char *name,
                      gboolean    pattern)
{
  g_autofree char *source = stk_interop_pattern_to_regexp (name, pattern);

  g_string_append_c (out, '/');
  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A regular expression literal holds no line break; "/" is escaped already. */
      if (c < 0x20 || c >= 0x7f)
        append_js_char (out, c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '/');
}

/* What ".*" and friends stand for: any run of characters. */
static gboolean
take_wildcard (const char **p,
               gboolean    *approximate)
{
  const char *s = *p;

  if (s[0] == '.' && (s[1] == '*' || s[1] == '+'))
    {
      if (s[1] == '+')
        *approximate = TRUE;
      s += 2;
      if (*s == '?')
        s++;
      *p = s;
      return TRUE;
    }

  return FALSE;
}

char *
stk_interop_regexp_to_name (const char *source,
                            const char *flags,
                            gboolean   *pattern,
                            gboolean   *approximate)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *p = source;
  gboolean anchored_start = FALSE;
  gboolean anchored_end = FALSE;

  *pattern = FALSE;
  *approximate = flags != NULL && strchr (flags, 'i') != NULL;

  if (*p == '^')
    {
      anchored_start = TRUE;
      p++;
    }
  if (!anchored_start)
    g_string_append_c (name, '*');

  while (*p != '\0')
    {
      if (take_wildcard (&p, approximate))
        {
          if (name->len == 0 || name->str[name->len - 1] != '*')
            g_string_append_c (name, '*');
          continue;
        }
      if (*p == '$' && p[1] == '\0')
        {
          anchored_end = TRUE;
          p++;
          break;
        }
      if (*p == '\\')
        {
          /* An escaped punctuation character stands for itself; \d, \w, \s, \b ... do not. */
          if (p[1] == '\0' || g_ascii_isalnum (p[1]) || (guchar) p[1] >= 0x80)
            return NULL;
          g_string_append_c (name, p[1]);
          p += 2;
          continue;
        }
      if (strchr ("^$.*+?()[]{}|", *p) != NULL)
        return NULL;
      g_string_append_c (name, *p);
      p++;
    }

  if (!anchored_end && (name->len == 0 || name->str[name->len - 1] != '*'))
    g_string_append_c (name, '*');

  if (name->len == 0 || g_str_equal (name->str, "*")
      || !g_utf8_validate (name->str, name->len, NULL))
    return NULL;

  *pattern = strchr (name->str, '*') != NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* HTML */

void
stk_interop_append_html (GString    *out,
                         const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':  g_string_append (out, "&amp;"); break;
        case '<':  g_string_append (out, "&lt;"); break;
        case '>':  g_string_append (out, "&gt;"); break;
        case '"':  g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:   g_string_append_c (out, *p);
        }
    }
}

static const struct
{
  const char *name;
  gunichar    c;
} entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xa0 }, { "shy", 0xad }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
  { "hellip", 0x2026 }, { "laquo", 0xab }, { "raquo", 0xbb }, { "copy", 0xa9 },
  { "aelig", 0xe6 }, { "oslash", 0xf8 }, { "aring", 0xe5 },
  { "AElig", 0xc6 }, { "Oslash", 0xd8 }, { "Aring", 0xc5 },
  { "auml", 0xe4 }, { "ouml", 0xf6 }, { "uuml", 0xfc }, { "szlig", 0xdf },
  { "eacute", 0xe9 }, { "egrave", 0xe8 }, { "rsquo", 0x2019 }, { "lsquo", 0x2018 },
  { "rdquo", 0x201d }, { "ldquo", 0x201c },
};

/* Decodes the entity at @p (just after "&"); returns where it ends, or NULL. */
static const char *
decode_entity (const char *p,
               gunichar   *c)
{
  const char *end = strchr (p, ';');

  if (end == NULL || end - p > 10 || end == p)
    return NULL;

  if (*p == '#')
    {
      guint64 value;
      char *number_end = NULL;

      if (p[1] == 'x' || p[1] == 'X')
        value = g_ascii_strtoull (p + 2, &number_end, 16);
      else
        value = g_ascii_strtoull (p + 1, &number_end, 10);
      if (number_end != end || value == 0 || value > 0x10ffff
          || (value >= 0xd800 && value <= 0xdfff))
        return NULL;
      *c = (gunichar) value;
      return end + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == (gsize) (end - p) && strncmp (p, entities[i].name, end - p) == 0)
      {
        *c = entities[i].c;
        return end + 1;
      }

  return NULL;
}

char *
stk_interop_html_to_text (const char *html,
                          gboolean   *had_markup)
{
  GString *out = g_string_new (NULL);
  const char *p = html;

  *had_markup = FALSE;
  while (*p != '\0')
    {
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            {
              g_string_append (out, p);
              break;
            }
          *had_markup = TRUE;
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 && !g_ascii_isalpha (p[3]))
            g_string_append_c (out, '\n');
          p = end + 1;
        }
      else if (*p == '&')
        {
          gunichar c;
          const char *next = decode_entity (p + 1, &c);

          if (next != NULL)
            {
              g_string_append_unichar (out, c);
              p = next;
            }
          else
            {
              g_string_append_c (out, *p++);
            }
        }
      else
        {
          g_string_append_c (out, *p++);
        }
    }

  /* Markup leaves runs of white space where it stood. */
  if (*had_markup)
    {
      g_autofree char *text = g_string_free (out, FALSE);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      GString *joined = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t\r", -1);
          gboolean first = TRUE;

          if (i > 0)
            g_string_append_c (joined, '\n');
          for (guint j = 0; words[j] != NULL; j++)
            if (*words[j] != '\0')
              {
                if (!first)
                  g_string_append_c (joined, ' ');
                g_string_append (joined, words[j]);
                first = FALSE;
              }
        }
      return g_strstrip (g_string_free (joined, FALSE));
    }

  return g_string_free (out, FALSE);
}

/* Durations */

typedef struct
{
  StkUnit     unit;
  const char *words[8];  /* singular and plural in each language; NULL-terminated */
} UnitWords;

/* The first two words are the English singular and plural, the next two the Danish. */
static const UnitWords unit_words[] = {
  { STK_UNIT_SECONDS, { "second", "seconds", "sekund", "sekunder", "sec", NULL } },
  { STK_UNIT_MINUTES, { "minute", "minutes", "minut", "minutter", "min", NULL } },
  { STK_UNIT_HOURS,   { "hour", "hours", "time", "timer", NULL } },
  { STK_UNIT_DAYS,    { "day", "days", "dag", "dage", "døgn", NULL } },
  { STK_UNIT_WEEKS,   { "week", "weeks", "uge", "uger", NULL } },
  { STK_UNIT_MONTHS,  { "month", "months", "måned", "måneder", "mdr", NULL } },
  { STK_UNIT_YEARS,   { "year", "years", "år", "år", NULL } },
};

char *
stk_interop_duration_words (gint64      value,
                            StkUnit     unit,
                            const char *lang)
{
  gboolean danish = g_strcmp0 (lang, "da") == 0;

  if (unit == STK_UNIT_SESSION)
    return g_strdup ("session");

  for (guint i = 0; i < G_N_ELEMENTS (unit_words); i++)
    if (unit_words[i].unit == unit)
      return g_strdup_printf ("%" G_GINT64_FORMAT " %s", value,
                              unit_words[i].words[(danish ? 2 : 0) + (value == 1 ? 0 : 1)]);

  g_return_val_if_reached (NULL);
}

char *
stk_interop_duration_text (StkPolicy  *policy,
                           StkCookie  *cookie,
                           const char *lang)
{
  StkUnit unit = stk_cookie_get_duration_unit (cookie);
  gint64 value = stk_cookie_get_duration_value (cookie);
  g_autofree char *key = NULL;
  const char *text;
  g_auto(GStrv) forms = NULL;
  const char *form;
  g_autofree char *number = NULL;
  g_auto(GStrv) parts = NULL;

  if (unit == STK_UNIT_SESSION)
    {
      text = stk_text_lookup (stk_policy_get_text (policy, "duration_session"), lang);
      return g_strdup (text != NULL && *text != '\0' ? text : "session");
    }

  key = g_strdup_printf ("unit_%s", stk_unit_to_string (unit));
  text = stk_text_lookup (stk_policy_get_text (policy, key), lang);
  if (text == NULL || *text == '\0' || strstr (text, "{n}") == NULL)
    return stk_interop_duration_words (value, unit, lang);

  forms = g_strsplit (text, "|", 2);
  form = value == 1 || forms[1] == NULL ? forms[0] : forms[1];
  number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  parts = g_strsplit (form, "{n}", -1);
  return g_strjoinv (number, parts);
}

gboolean
stk_interop_duration_parse (const char *text,
                            gint64     *value,
                            StkUnit    *unit)
{
  g_autofree char *folded = NULL;
  const char *p;
  char *end = NULL;
  guint64 number;
  g_autofree char *word = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  folded = g_utf8_strdown (text, -1);
  g_strstrip (folded);

  if (g_str_equal (folded, "session") || g_str_equal (folded, "sessionen")
      || g_str_equal (folded, "sessions") || g_str_equal (folded, "browser session"))
    {
      *value = 0;
      *unit = STK_UNIT_SESSION;
      return TRUE;
    }

  p = folded;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  number = g_ascii_strtoull (p, &end, 10);
  if (end == p || number < 1 || number > G_MAXINT32)
    return FALSE;
  p = end;
  while (*p == ' ' || *p == '\t')
    p++;
  word = g_strdup (p);
  g_strstrip (word);
  if (g_str_has_suffix (word, "."))
    word[strlen (word) - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (unit_words); i++)
    {
      gboolean known = g_str_equal (word, stk_unit_to_string (unit_words[i].unit));

      for (guint j = 0; !known && unit_words[i].words[j] != NULL; j++)
        known = g_str_equal (word, unit_words[i].words[j]);
      if (known)
        {
          *value = (gint64) number;
          *unit = unit_words[i].unit;
          return TRUE;
        }
    }

  return FALSE;
}

/* Ids */

gboolean
stk_interop_id_is_valid (const char *id)
{
  if (id == NULL || !(g_ascii_islower (*id) || g_ascii_isdigit (*id)))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

char *
stk_interop_make_id (const char *wanted,
                     GHashTable *taken)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *candidate = NULL;

  for (const char *p = wanted != NULL ? wanted : ""; *p != '\0' && id->len < 64;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char_validated (p, -1));

      if (c < 0x80 && (g_ascii_isalnum (c) || ((c == '_' || c == '-') && id->len > 0)))
        g_string_append_c (id, (char) c);
      else if (c == 0xe6)
        g_string_append (id, "ae");
      else if (c == 0xf8)
        g_string_append (id, "oe");
      else if (c == 0xe5)
        g_string_append (id, "aa");
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }
  while (id->len > 0 && (id->str[id->len - 1] == '-' || id->str[id->len - 1] == '_'))
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "item");

  candidate = g_strdup (id->str);
  for (guint n = 2; g_hash_table_contains (taken, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", id->str, n);
    }
  g_hash_table_add (taken, g_strdup (candidate));

  return g_steal_pointer (&candidate);
}

/* Writing JavaScript */

/* Property names may be reserved words ("default") since ES5. */
static gboolean
js_is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_' && *name != '$')
    return FALSE;
  for (const char *p = name + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '$')
      return FALSE;
  return TRUE;
}

/* The layout is the policy file's (stk_json_write_node()); the strings are not: a JavaScript
 * string escapes "<" and everything outside ASCII, so that the text stays safe and the same
 * inside a <script> whatever its page's encoding. */
void
stk_js_write_node (GString  *out,
                   JsonNode *node,
                   int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (json_object_get_size (object) == 1 && json_object_has_member (object, "$regexp"))
          {
            JsonObject *regexp = json_object_get_object_member (object, "$regexp");

            g_string_append_printf (out, "/%s/", json_object_get_string_member (regexp, "source"));
            return;
          }
        if (json_object_get_size (object) == 1 && json_object_has_member (object, "$code"))
          {
            g_string_append (out, json_object_get_string_member (object, "$code"));
            return;
          }
        if (json_object_get_size (object) == 0)
          {
            g_string_append (out, "{}");
            return;
          }

        g_string_append (out, "{\n");
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append (out, ",\n");
            first = FALSE;
            stk_json_write_indent (out, depth + 1);
            if (js_is_identifier (name))
              g_string_append (out, name);
            else
              stk_js_append_string (out, name);
            g_string_append (out, ": ");
            stk_js_write_node (out, member, depth + 1);
          }
        g_string_append_c (out, '\n');
        stk_json_write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      return;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            return;
          }
        g_string_append (out, "[\n");
        for (guint i = 0; i < n; i++)
          {
            stk_json_write_indent (out, depth + 1);
            stk_js_write_node (out, json_array_get_element (array, i), depth + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        stk_json_write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      return;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          stk_js_append_string (out, json_node_get_string (node));
          return;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          return;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          return;
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                                  json_node_get_double (node)));
          }
          return;
        }

    default:
      g_assert_not_reached ();
    }
}

JsonNode *
stk_js_regexp_node (const char *name,
                    gboolean    pattern)
{
  g_autoptr(GString) literal = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  stk_js_append_regexp (literal, name, pattern);
  /* Without the slashes: the writer puts them back. */
  g_string_truncate (literal, literal->len - 1);
  g_string_erase (literal, 0, 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$regexp");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, literal->str);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
stk_js_code_node (const char *code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$code");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Storage kinds in words */

static const struct
{
  StkKind     kind;
  const char *words[6];
} kind_words[] = {
  { STK_KIND_COOKIE,          { "cookie", "http cookie", "http-cookie", "cookies", NULL } },
  { STK_KIND_LOCAL_STORAGE,   { "local storage", "localstorage", "local_storage", NULL } },
  { STK_KIND_SESSION_STORAGE, { "session storage", "sessionstorage", "session_storage", NULL } },
  { STK_KIND_INDEXEDDB,       { "indexeddb", "indexed db", NULL } },
  { STK_KIND_PIXEL,           { "pixel", "tracking pixel", "sporingspixel", "beacon", NULL } },
};

const char *
stk_interop_kind_words (StkKind kind)
{
  switch (kind)
    {
    case STK_KIND_COOKIE:          return "cookie";
    case STK_KIND_LOCAL_STORAGE:   return "local storage";
    case STK_KIND_SESSION_STORAGE: return "session storage";
    case STK_KIND_INDEXEDDB:       return "IndexedDB";
    case STK_KIND_PIXEL:           return "pixel";
    default:                       g_return_val_if_reached ("cookie");
    }
}

gboolean
stk_interop_kind_parse (const char *text,
                        StkKind    *kind)
{
  g_autofree char *folded = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  folded = g_utf8_strdown (text, -1);
  g_strstrip (folded);

  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (g_strv_contains (kind_words[i].words, folded))
      {
        *kind = kind_words[i].kind;
        return TRUE;
      }

  return FALSE;
}
