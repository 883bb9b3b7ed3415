/* stk-json-place.c — where in a JSON document a reader failed: the line, the column and the
 * path, and the error that names them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core-private.h"
#include "stk-error.h"
#include "stk-json.h"

/* Reads the value at @reader's position, appending to @path the members and elements down to
 * the innermost value that holds @at. Returns TRUE when the value holds @at, or when reading
 * stopped inside it: a broken document is broken at the place the walk stops. */
static gboolean
walk_to (StkJsonReader *reader,
         const char    *at,
         GString       *path)
{
  StkJsonToken token = stk_json_reader_peek (reader);
  gboolean object = token == STK_JSON_OBJECT;
  guint index = 0;

  if (token != STK_JSON_OBJECT && token != STK_JSON_ARRAY)
    return !stk_json_reader_skip (reader) || at < reader->pos;

  if (object ? !stk_json_reader_begin_object (reader) : !stk_json_reader_begin_array (reader))
    return TRUE;

  for (;;)
    {
      g_autofree char *key = NULL;
      const char *key_at;
      gsize length = path->len;

      if (object ? !stk_json_reader_next_member (reader, &key, &key_at)
                 : !stk_json_reader_next_element (reader))
        break;

      /* Before the value (on a member's name, a colon or a comma): the place is the
       * container's. */
      stk_json_reader_peek (reader);
      if (at < reader->pos)
        return TRUE;

      if (key == NULL)
        g_string_append_printf (path, "[%u]", index++);
      else if (length > 0)
        g_string_append_printf (path, ".%s", key);
      else
        g_string_append (path, key);
      if (walk_to (reader, at, path))
        return TRUE;
      g_string_truncate (path, length);
    }

  return reader->failed || at < reader->pos;
}

/* The path of the innermost member or element of @reader's document that holds @at; read
 * again from the start, since the readers keep no path while they read. */
static StkPath *
path_at (StkJsonReader *reader,
         const char    *at)
{
  StkJsonReader walker;
  g_autoptr(GString) path = g_string_new (NULL);

  if (stk_json_reader_init (&walker, reader->start, reader->end - reader->start, "", NULL))
    walk_to (&walker, at, path);

  return stk_path_parse (path->str);
}

static gboolean
fail_valist (StkJsonReader *reader,
             int            code,
             const char    *at,
             const char    *format,
             va_list        args)
{
  g_autofree char *message = NULL;
  g_autoptr(StkPath) path = NULL;
  int line, column;

  if (reader->failed)
    return FALSE;

  reader->failed = TRUE;
  /* A reader that reports nothing (one that locates a path) needs no message. */
  if (reader->error == NULL)
    return FALSE;

  message = g_strdup_vprintf (format, args);
  stk_json_reader_position (reader, at, &line, &column);
  path = path_at (reader, at);
  stk_set_located_error (reader->error, code, reader->name, line, column, path, message);

  return FALSE;
}

/**
 * stk_json_reader_fail_with_code:
 * @reader: a reader
 * @code: a #StkError code
 * @at: where in the text the problem is
 * @format: the message, without the place
 *
 * Sets the reader's error (once) as "NAME:LINE:COL: message", with the place beside it
 * (stk_error_get_location()). stk_json_reader_fail() is the same with %STK_ERROR_SYNTAX.
 *
 * Returns: %FALSE, always
 */
gboolean
stk_json_reader_fail_with_code (StkJsonReader *reader,
                                int            code,
                                const char    *at,
                                const char    *format,
                                ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (reader, code, at, format, args);
  va_end (args);

  return FALSE;
}

/**
 * stk_json_reader_position:
 * @reader: a reader
 * @at: a place in the text
 * @line: (out): its line, from 1
 * @column: (out): its column in characters, from 1
 */
void
stk_json_reader_position (StkJsonReader *reader,
                          const char    *at,
                          int           *line,
                          int           *column)
{
  const char *line_start = reader->start;
  const char *p = reader->start;
  int n = 1;

  if (at > reader->end)
    at = reader->end;

  while (p < at)
    {
      const char *nl = memchr (p, '\n', at - p);

      if (nl == NULL)
        break;
      n++;
      p = line_start = nl + 1;
    }

  *line = n;
  if (g_utf8_validate_len (line_start, at - line_start, NULL))
    *column = (int) g_utf8_strlen (line_start, at - line_start) + 1;
  else
    *column = (int) (at - line_start) + 1;
}
