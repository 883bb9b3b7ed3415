/* stk-path.c — a place in a policy file, such as providers[2].cookies[0].purpose.en, parsed
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A path is what a finding or a load error names: member names separated by ".", and array
 * indices in brackets, starting with a member of the policy object. The empty path is the
 * document itself. A name is any run of characters other than ".", "[" and "]"; an index is
 * a whole number written without sign or leading zeros. Anything else is not a path.
 */
#include "config.h"

#include <string.h>

#include "stk-json.h"
#include "stk-path.h"

typedef struct
{
  const char *name;    /* NULL for an index */
  int         index;   /* -1 for a name */
} Segment;

struct _StkPath
{
  gatomicrefcount ref_count;
  guint           n_segments;
  Segment         segments[];   /* followed by the names, each ending in NUL */
};

G_DEFINE_BOXED_TYPE (StkPath, stk_path, stk_path_ref, stk_path_unref)

/* Reads @text into @segments and @names when they are given, or only counts. Returns the
 * number of segments, or -1 when @text is not a path; *names_size receives the bytes the
 * names need. */
static int
scan (const char *text,
      Segment    *segments,
      char       *names,
      gsize      *names_size)
{
  const char *p = text;
  int n = 0;

  *names_size = 0;
  if (*p == '\0')
    return 0;

  for (;;)
    {
      if (*p == '[')
        {
          gint64 index = 0;

          if (n == 0)
            return -1;
          p++;
          if (!g_ascii_isdigit (*p) || (*p == '0' && g_ascii_isdigit (p[1])))
            return -1;
          for (; g_ascii_isdigit (*p); p++)
            {
              index = index * 10 + (*p - '0');
              if (index > G_MAXINT)
                return -1;
            }
          if (*p++ != ']')
            return -1;
          if (segments != NULL)
            segments[n] = (Segment) { NULL, (int) index };
        }
      else
        {
          /* A name: first in the path, or after a "." */
          gsize length;

          if (n > 0)
            {
              if (*p != '.')
                return -1;
              p++;
            }
          length = strcspn (p, ".[]");
          if (length == 0)
            return -1;
          if (segments != NULL)
            {
              memcpy (names + *names_size, p, length);
              names[*names_size + length] = '\0';
              segments[n] = (Segment) { names + *names_size, -1 };
            }
          *names_size += length + 1;
          p += length;
        }

      if (n == G_MAXINT)
        return -1;
      n++;

      if (*p == '\0')
        return n;
      if (*p == ']')
        return -1;
    }
}

/**
 * stk_path_parse:
 * @text: (nullable): a path such as `providers[2].cookies[0].purpose.en`, as a finding or a
 *   load error names it
 *
 * Parses @text once into its segments, each a member name or an array index. The empty
 * string is the path of the document itself. A path starts with a member name; names are
 * separated by `.`, and an index stands in brackets right after a name or another index.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL when @text is %NULL or not a path
 *   (`providers.[1]`, `a..b`, `a[01]`, `[0]`, `a[`, ...)
 */
StkPath *
stk_path_parse (const char *text)
{
  StkPath *self;
  gsize names_size;
  gsize segments_size;
  int n;

  if (text == NULL)
    return NULL;

  n = scan (text, NULL, NULL, &names_size);
  if (n < 0)
    return NULL;

  segments_size = (gsize) n * sizeof (Segment);
  self = g_malloc (sizeof (StkPath) + segments_size + names_size);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_segments = (guint) n;
  scan (text, self->segments, (char *) self->segments + segments_size, &names_size);

  return self;
}

/**
 * stk_path_ref:
 * @self: a path
 *
 * Returns: (transfer full): @self
 */
StkPath *
stk_path_ref (StkPath *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * stk_path_unref:
 * @self: (transfer full): a path
 *
 * Drops a reference; the last frees the path.
 */
void
stk_path_unref (StkPath *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

/**
 * stk_path_get_n_segments:
 * @self: a path
 *
 * Returns: how many names and indices @self has: 3 for `languages[0]`, none for the document
 */
guint
stk_path_get_n_segments (StkPath *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_segments;
}

/**
 * stk_path_get_name:
 * @self: a path
 * @i: a segment, from 0
 *
 * Returns: (transfer none) (nullable): the member name of segment @i, or %NULL when it is an
 *   index or there is no segment @i
 */
const char *
stk_path_get_name (StkPath *self,
                   guint    i)
{
  g_return_val_if_fail (self != NULL, NULL);

  return i < self->n_segments ? self->segments[i].name : NULL;
}

/**
 * stk_path_get_index:
 * @self: a path
 * @i: a segment, from 0
 *
 * Returns: the array index of segment @i, or -1 when it is a name or there is no segment @i
 */
int
stk_path_get_index (StkPath *self,
                    guint    i)
{
  g_return_val_if_fail (self != NULL, -1);

  return i < self->n_segments ? self->segments[i].index : -1;
}

/**
 * stk_path_has_name:
 * @self: a path
 * @i: a segment, from 0
 * @name: a member name
 *
 * Returns: whether segment @i is the member @name
 */
gboolean
stk_path_has_name (StkPath    *self,
                   guint       i,
                   const char *name)
{
  const char *own;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  own = stk_path_get_name (self, i);

  return own != NULL && strcmp (own, name) == 0;
}

/**
 * stk_path_match_index:
 * @self: a path
 * @i: a segment, from 0
 * @name: a member name, such as `providers`
 * @index: (out) (optional): where the index goes
 *
 * Matches an element of a list: segment @i is the member @name and segment @i + 1 an index,
 * as in `providers[2]` at @i = 0. A page that shows the list can thus take the element and go
 * on from segment @i + 2.
 *
 * Returns: whether the two segments match; @index is set only then
 */
gboolean
stk_path_match_index (StkPath    *self,
                      guint       i,
                      const char *name,
                      guint      *index)
{
  int found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!stk_path_has_name (self, i, name))
    return FALSE;

  found = stk_path_get_index (self, i + 1);
  if (found < 0)
    return FALSE;

  if (index != NULL)
    *index = (guint) found;

  return TRUE;
}

/**
 * stk_path_to_string:
 * @self: a path
 *
 * Returns: (transfer full): the path written out, as stk_path_parse() reads it
 */
char *
stk_path_to_string (StkPath *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->n_segments; i++)
    {
      const Segment *segment = &self->segments[i];

      if (segment->name == NULL)
        g_string_append_printf (out, "[%d]", segment->index);
      else if (i == 0)
        g_string_append (out, segment->name);
      else
        g_string_append_printf (out, ".%s", segment->name);
    }

  return g_string_free (out, FALSE);
}

/**
 * stk_path_locate:
 * @self: a path
 * @data: a JSON document
 * @length: its length in bytes
 * @line: (out): the line of the value at @self, or of the nearest enclosing value that exists,
 *   from 1
 * @column: (out): its column in characters, from 1
 *
 * Finds where the value @self names stands in the text of a document, so that a finding can
 * be reported as `FILE:LINE:COL`. Where the document does not hold the whole path (a missing
 * member, an index past the end), the last value on the way that it does hold answers.
 *
 * Returns: %FALSE when @data cannot be read at all (not UTF-8)
 */
gboolean
stk_path_locate (StkPath    *self,
                 const char *data,
                 gsize       length,
                 int        *line,
                 int        *column)
{
  StkJsonReader reader;
  const char *found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  *line = *column = 1;
  if (!stk_json_reader_init (&reader, data != NULL ? data : "", length, "", NULL))
    return FALSE;

  stk_json_reader_peek (&reader);
  found = reader.pos;

  for (guint i = 0; i < self->n_segments; i++)
    {
      const Segment *segment = &self->segments[i];
      gboolean matched = FALSE;

      if (segment->name != NULL && stk_json_reader_peek (&reader) == STK_JSON_OBJECT)
        {
          char *key;
          const char *key_at;

          stk_json_reader_begin_object (&reader);
          while (stk_json_reader_next_member (&reader, &key, &key_at))
            {
              gboolean hit = strcmp (key, segment->name) == 0;

              g_free (key);
              if (hit)
                {
                  matched = TRUE;
                  break;
                }
              if (!stk_json_reader_skip (&reader))
                break;
            }
        }
      else if (segment->name == NULL && stk_json_reader_peek (&reader) == STK_JSON_ARRAY)
        {
          int n = 0;

          stk_json_reader_begin_array (&reader);
          while (stk_json_reader_next_element (&reader))
            {
              if (n++ == segment->index)
                {
                  matched = TRUE;
                  break;
                }
              if (!stk_json_reader_skip (&reader))
                break;
            }
        }

      if (!matched || reader.failed)
        break;

      stk_json_reader_peek (&reader);
      found = reader.pos;
    }

  stk_json_reader_position (&reader, found, line, column);

  return TRUE;
}
