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

/* The paths to locate, as a tree of their segments, walked once along the document. */
typedef struct _Step Step;

struct _Step
{
  GHashTable *members;    /* member name -> Step */
  GHashTable *elements;   /* index -> Step */
  GArray     *ends;       /* guint: the paths that end here */
  const char *at;         /* where the walk found this step's value, or NULL */
};

static void
step_free (Step *step)
{
  g_clear_pointer (&step->members, g_hash_table_unref);
  g_clear_pointer (&step->elements, g_hash_table_unref);
  g_clear_pointer (&step->ends, g_array_unref);
  g_free (step);
}

static Step *
step_new (void)
{
  return g_new0 (Step, 1);
}

static Step *
step_child (Step          *step,
            const Segment *segment,
            gboolean       create)
{
  GHashTable **table = segment->name != NULL ? &step->members : &step->elements;
  gpointer key = segment->name != NULL ? (gpointer) segment->name
                                       : GINT_TO_POINTER (segment->index);
  Step *child;

  if (*table == NULL)
    {
      if (!create)
        return NULL;
      if (segment->name != NULL)
        *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) step_free);
      else
        *table = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) step_free);
    }

  child = g_hash_table_lookup (*table, key);
  if (child == NULL && create)
    {
      child = step_new ();
      g_hash_table_insert (*table,
                           segment->name != NULL ? g_strdup (segment->name) : key, child);
    }

  return child;
}

/* Walks the value at the reader's position, recording where each step of @step's subtree
 * stands; values no path goes into are skipped. */
static gboolean
walk (StkJsonReader *reader,
      Step          *step)
{
  /* A member named twice: the first one answers, as it does for the reader. */
  if (step->at != NULL)
    return stk_json_reader_skip (reader);

  stk_json_reader_peek (reader);
  step->at = reader->pos;

  if (step->members != NULL && stk_json_reader_peek (reader) == STK_JSON_OBJECT)
    {
      char *key;
      const char *key_at;

      stk_json_reader_begin_object (reader);
      while (stk_json_reader_next_member (reader, &key, &key_at))
        {
          Step *child = g_hash_table_lookup (step->members, key);

          g_free (key);
          if (!(child != NULL ? walk (reader, child) : stk_json_reader_skip (reader)))
            return FALSE;
        }
      return !reader->failed;
    }

  if (step->elements != NULL && stk_json_reader_peek (reader) == STK_JSON_ARRAY)
    {
      int n = 0;

      stk_json_reader_begin_array (reader);
      while (stk_json_reader_next_element (reader))
        {
          Step *child = g_hash_table_lookup (step->elements, GINT_TO_POINTER (n++));

          if (!(child != NULL ? walk (reader, child) : stk_json_reader_skip (reader)))
            return FALSE;
        }
      return !reader->failed;
    }

  return stk_json_reader_skip (reader);
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const char * const *places = user_data;
  const char *x = places[*(const guint *) a], *y = places[*(const guint *) b];

  return x < y ? -1 : x > y;
}

/**
 * stk_paths_locate:
 * @paths: (array length=n_paths): paths
 * @n_paths: how many
 * @data: a JSON document
 * @length: its length in bytes
 * @lines: (out caller-allocates) (array length=n_paths): the line of each path's value
 * @columns: (out caller-allocates) (array length=n_paths): its column in characters
 *
 * stk_path_locate() for many paths at once, in one walk of the document: for the findings of a
 * large policy, where locating each on its own would read the document once per finding.
 *
 * Returns: %FALSE when @data cannot be read at all (not UTF-8); every place is 1:1 then
 */
gboolean
stk_paths_locate (StkPath    **paths,
                  guint        n_paths,
                  const char  *data,
                  gsize        length,
                  int         *lines,
                  int         *columns)
{
  g_autoptr(GArray) order = NULL;
  g_autofree const char **places = NULL;
  StkJsonReader reader;
  Step *root;
  const char *counted;
  int line = 1, column = 1;

  g_return_val_if_fail (paths != NULL || n_paths == 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (guint i = 0; i < n_paths; i++)
    lines[i] = columns[i] = 1;
  if (!stk_json_reader_init (&reader, data != NULL ? data : "", length, "", NULL))
    return FALSE;

  root = step_new ();
  for (guint i = 0; i < n_paths; i++)
    {
      Step *step = root;

      for (guint s = 0; s < paths[i]->n_segments; s++)
        step = step_child (step, &paths[i]->segments[s], TRUE);
      if (step->ends == NULL)
        step->ends = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (step->ends, i);
    }

  walk (&reader, root);

  /* Each path answers with its deepest step the walk reached. */
  places = g_new0 (const char *, MAX (n_paths, 1));
  for (guint i = 0; i < n_paths; i++)
    {
      Step *step = root;

      places[i] = root->at != NULL ? root->at : reader.start;
      for (guint s = 0; s < paths[i]->n_segments; s++)
        {
          step = step_child (step, &paths[i]->segments[s], FALSE);
          if (step == NULL || step->at == NULL)
            break;
          places[i] = step->at;
        }
    }
  step_free (root);

  /* Lines and columns, counted once from the start, in the order of the places. */
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_paths);
  for (guint i = 0; i < n_paths; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_places, places);

  counted = reader.start;
  for (guint k = 0; k < n_paths; k++)
    {
      guint i = g_array_index (order, guint, k);
      const char *at = MIN (places[i], reader.end);

      while (counted < at)
        {
          guchar c = (guchar) *counted++;

          if (c == '\n')
            {
              line++;
              column = 1;
            }
          else if ((c & 0xC0) != 0x80)
            column++;
        }
      lines[i] = line;
      columns[i] = column;
    }

  return TRUE;
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
  g_return_val_if_fail (self != NULL, FALSE);

  return stk_paths_locate (&self, 1, data, length, line, column);
}
