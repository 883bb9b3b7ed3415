/* stk-json.c — a strict JSON reader that knows where it is
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "stk-core-private.h"
#include "stk-error.h"
#include "stk-json.h"
#include "stk-progress.h"

/* Where a failure is, and the error that says so: stk-json-place.c. The writer:
 * stk-json-write.c. */

static gboolean read_string (StkJsonReader  *reader,
                             char          **value);

/* g_utf8_validate_len() a megabyte at a time: an editor's worker reading a large file gives
 * way to its window between them (stk-progress.c). */
#define VALIDATE_STEP (1024 * 1024)

static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **bad)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      gsize n = MIN ((gsize) (end - p), VALIDATE_STEP);
      const char *stop;

      if (!g_utf8_validate_len (p, n, &stop))
        {
          /* A character the step cut in two: the next step starts with it. */
          if (p + n < end && stop > p && (gsize) (p + n - stop) < 4)
            {
              p = stop;
              continue;
            }
          *bad = stop;
          return FALSE;
        }
      p += n;
      stk_progress_report (0, 0);
    }

  return TRUE;
}

/**
 * stk_json_reader_init:
 * @reader: the reader to set up
 * @data: the document
 * @length: its length in bytes
 * @name: the name messages give the document (a file name)
 * @error: where failures go
 *
 * Returns: %FALSE when the document is not UTF-8 or starts with a byte-order mark
 */
gboolean
stk_json_reader_init (StkJsonReader  *reader,
                      const char     *data,
                      gsize           length,
                      const char     *name,
                      GError        **error)
{
  const char *bad = NULL;

  memset (reader, 0, sizeof *reader);
  reader->start = reader->pos = data;
  reader->end = data + length;
  reader->name = name;
  reader->error = error;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return stk_json_reader_fail (reader, data,
                                 _("the file starts with a byte-order mark; "
                                   "save it as UTF-8 without one"));

  if (!validate_utf8 (data, length, &bad))
    {
      if (*bad == '\0')
        return stk_json_reader_fail (reader, bad, _("unexpected NUL byte"));
      return stk_json_reader_fail (reader, bad,
                                   _("the file is not valid UTF-8 (byte 0x%02X)"),
                                   (guint) (guchar) *bad);
    }

  return TRUE;
}

static inline void
skip_space (StkJsonReader *reader)
{
  const char *p = reader->pos;

  while (p < reader->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  reader->pos = p;
}

/**
 * stk_json_reader_peek:
 * @reader: a reader
 *
 * Returns: the kind of the next value, without reading it
 */
StkJsonToken
stk_json_reader_peek (StkJsonReader *reader)
{
  skip_space (reader);

  if (reader->pos >= reader->end)
    return STK_JSON_END;

  switch (*reader->pos)
    {
    case '{': return STK_JSON_OBJECT;
    case '[': return STK_JSON_ARRAY;
    case '"': return STK_JSON_STRING;
    case 't': return STK_JSON_TRUE;
    case 'f': return STK_JSON_FALSE;
    case 'n': return STK_JSON_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return STK_JSON_NUMBER;
    default:
      return STK_JSON_INVALID;
    }
}

/**
 * stk_json_token_describe:
 * @token: a kind of value
 *
 * Returns: a translated phrase naming it ("a string", "an object", ...)
 */
const char *
stk_json_token_describe (StkJsonToken token)
{
  switch (token)
    {
    case STK_JSON_END: return _("the end of the file");
    case STK_JSON_OBJECT: return _("an object");
    case STK_JSON_ARRAY: return _("an array");
    case STK_JSON_STRING: return _("a string");
    case STK_JSON_NUMBER: return _("a number");
    case STK_JSON_TRUE: return "true";
    case STK_JSON_FALSE: return "false";
    case STK_JSON_NULL: return "null";
    case STK_JSON_INVALID: return _("something that is not JSON");
    default: return "";
    }
}

static gboolean
fail_unexpected (StkJsonReader *reader,
                 const char    *expected)
{
  StkJsonToken token = stk_json_reader_peek (reader);

  if (token == STK_JSON_END)
    return stk_json_reader_fail (reader, reader->pos,
                                 _("the file ends too early; expected %s"), expected);
  if (token == STK_JSON_INVALID)
    {
      gunichar c = g_utf8_get_char (reader->pos);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      return stk_json_reader_fail (reader, reader->pos,
                                   _("unexpected character “%s”; expected %s"),
                                   c < 0x20 ? "?" : buf, expected);
    }

  return stk_json_reader_fail (reader, reader->pos, _("expected %s, found %s"),
                               expected, stk_json_token_describe (token));
}

/**
 * stk_json_reader_expected:
 * @reader: a reader, before a value
 * @what: the member's name
 * @expected: what the value must be ("true or false")
 *
 * Fails with a message saying what the member's value must be and what it is.
 *
 * Returns: %FALSE, always
 */
gboolean
stk_json_reader_expected (StkJsonReader *reader,
                          const char    *what,
                          const char    *expected)
{
  StkJsonToken token = stk_json_reader_peek (reader);

  if (token == STK_JSON_END || token == STK_JSON_INVALID)
    return fail_unexpected (reader, expected);

  return stk_json_reader_fail_with_code (reader, STK_ERROR_INVALID, reader->pos,
                                         /* TRANSLATORS: e.g. “"required" must be true or
                                          * false, not a string” */
                                         _("“%s” must be %s, not %s"),
                                         what, expected, stk_json_token_describe (token));
}

static gboolean
enter (StkJsonReader *reader)
{
  if (reader->depth >= STK_JSON_MAX_DEPTH)
    return stk_json_reader_fail (reader, reader->pos,
                                 _("values are nested more than %d levels deep"),
                                 STK_JSON_MAX_DEPTH);
  reader->depth++;
  reader->first[reader->depth] = TRUE;
  reader->pos++;
  return TRUE;
}

gboolean
stk_json_reader_begin_object (StkJsonReader *reader)
{
  if (stk_json_reader_peek (reader) != STK_JSON_OBJECT)
    return fail_unexpected (reader, _("an object"));

  return enter (reader);
}

gboolean
stk_json_reader_begin_array (StkJsonReader *reader)
{
  if (stk_json_reader_peek (reader) != STK_JSON_ARRAY)
    return fail_unexpected (reader, _("an array"));

  return enter (reader);
}

static gboolean
next_item (StkJsonReader *reader,
           char           close)
{
  if (reader->failed)
    return FALSE;

  skip_space (reader);
  if (reader->pos < reader->end && *reader->pos == close)
    {
      reader->pos++;
      reader->depth--;
      return FALSE;
    }

  if (++reader->n_items > STK_JSON_MAX_ITEMS)
    return stk_json_reader_fail (reader, reader->pos,
                                 /* Translators: %u is a large number (16,000,000). */
                                 _("the document holds more than %u members and elements, "
                                   "the most one may hold"), (guint) STK_JSON_MAX_ITEMS);
  /* How far into the text the reader is, for a worker's progress bar, and where it gives way
   * to the window (stk-progress.c); a reader that only looks ahead, skipping most of what it
   * passes, gives way less often. */
  if (reader->shows_progress ? (reader->n_items & 255) == 0 : (reader->n_items & 4095) == 0)
    {
      if (reader->shows_progress)
        stk_progress_report (reader->pos - reader->start, reader->end - reader->start);
      else
        stk_progress_report (0, 0);
    }

  if (reader->first[reader->depth])
    {
      reader->first[reader->depth] = FALSE;
      return TRUE;
    }

  if (reader->pos >= reader->end || *reader->pos != ',')
    {
      if (close == '}')
        fail_unexpected (reader, _("“,” or “}”"));
      else
        fail_unexpected (reader, _("“,” or “]”"));
      return FALSE;
    }
  reader->pos++;
  skip_space (reader);
  if (reader->pos < reader->end && *reader->pos == close)
    {
      stk_json_reader_fail (reader, reader->pos, _("a comma before “%c” is not allowed"), close);
      return FALSE;
    }

  return TRUE;
}

gboolean
stk_json_reader_next_member (StkJsonReader  *reader,
                             char          **key,
                             const char    **key_at)
{
  if (!next_item (reader, '}'))
    return FALSE;

  *key_at = reader->pos;
  if (stk_json_reader_peek (reader) != STK_JSON_STRING)
    return fail_unexpected (reader, _("a member name in double quotes"));
  if (!stk_json_reader_string (reader, key))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->end || *reader->pos != ':')
    {
      g_clear_pointer (key, g_free);
      return fail_unexpected (reader, _("“:”"));
    }
  reader->pos++;

  return TRUE;
}

gboolean
stk_json_reader_next_element (StkJsonReader *reader)
{
  return next_item (reader, ']');
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (StkJsonReader *reader,
           const char    *p,
           gunichar      *out)
{
  gunichar value = 0;

  if (reader->end - p < 4)
    return stk_json_reader_fail (reader, p - 2, _("incomplete \\u escape"));

  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return stk_json_reader_fail (reader, p - 2, _("invalid \\u escape"));
      value = value * 16 + h;
    }

  *out = value;
  return TRUE;
}

/**
 * stk_json_reader_string:
 * @reader: a reader before a string
 * @value: (out) (transfer full): the decoded string
 *
 * Returns: %FALSE on error (the next value is not a valid string)
 */
gboolean
stk_json_reader_string (StkJsonReader  *reader,
                        char          **value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return read_string (reader, value);
}

/* Reads a string into @value, or, with @value %NULL, only past it: nothing is copied then, and
 * its length is not limited. */
static gboolean
read_string (StkJsonReader  *reader,
             char          **value)
{
  const char *p;
  const char *begin;
  GString *buffer = NULL;
  gboolean keep = value != NULL;

  if (stk_json_reader_peek (reader) != STK_JSON_STRING)
    return fail_unexpected (reader, _("a string"));

  begin = p = reader->pos + 1;
  for (;;)
    {
      /* Plain characters first: most strings have no escapes at all. Eight bytes at a time
       * while none of them is a quote, a backslash or a control character (a byte of a
       * multi-byte character has its high bit set and never matches), then byte by byte. */
      while (reader->end - p >= 8)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
          guint64 v, quote, backslash;

          memcpy (&v, p, sizeof v);
          quote = v ^ (ones * '"');
          backslash = v ^ (ones * '\\');
          if ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)
               | ((v - ones * 0x20) & ~v)) & highs)
            break;
          p += 8;
        }
      while (p < reader->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;

      if (p >= reader->end)
        {
          if (buffer)
            g_string_free (buffer, TRUE);
          return stk_json_reader_fail (reader, reader->pos,
                                       _("the string that starts here never ends"));
        }

      if (*p == '"')
        {
          if (keep && (gsize) (p - reader->pos - 1) > STK_JSON_MAX_STRING)
            {
              if (buffer)
                g_string_free (buffer, TRUE);
              return stk_json_reader_fail (reader, reader->pos,
                                           /* Translators: %d is a size in mebibytes. */
                                           _("this string is longer than %d MiB, the most a "
                                             "string may be"),
                                           STK_JSON_MAX_STRING / (1024 * 1024));
            }
          if (keep && buffer != NULL)
            {
              g_string_append_len (buffer, begin, p - begin);
              *value = g_string_free (buffer, FALSE);
            }
          else if (keep)
            *value = g_strndup (begin, p - begin);
          else if (buffer != NULL)
            g_string_free (buffer, TRUE);
          reader->pos = p + 1;
          return TRUE;
        }

      if ((guchar) *p < 0x20)
        {
          if (buffer)
            g_string_free (buffer, TRUE);
          return stk_json_reader_fail (reader, p,
                                       _("a control character inside a string must be "
                                         "written as an escape such as \\n"));
        }

      /* A backslash. Skipping, the escape is checked but nothing is kept. */
      if (buffer == NULL)
        buffer = g_string_sized_new (keep ? (gsize) (p - begin) + 16 : 16);
      if (keep)
        g_string_append_len (buffer, begin, p - begin);
      else
        g_string_truncate (buffer, 0);

      if (p + 1 >= reader->end)
        {
          g_string_free (buffer, TRUE);
          return stk_json_reader_fail (reader, p, _("the string that starts here never ends"));
        }

      switch (p[1])
        {
        case '"': g_string_append_c (buffer, '"'); p += 2; break;
        case '\\': g_string_append_c (buffer, '\\'); p += 2; break;
        case '/': g_string_append_c (buffer, '/'); p += 2; break;
        case 'b': g_string_append_c (buffer, '\b'); p += 2; break;
        case 'f': g_string_append_c (buffer, '\f'); p += 2; break;
        case 'n': g_string_append_c (buffer, '\n'); p += 2; break;
        case 'r': g_string_append_c (buffer, '\r'); p += 2; break;
        case 't': g_string_append_c (buffer, '\t'); p += 2; break;
        case 'u':
          {
            gunichar c;

            if (!read_hex4 (reader, p + 2, &c))
              {
                g_string_free (buffer, TRUE);
                return FALSE;
              }
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low;

                if (reader->end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
                    !read_hex4 (reader, p + 8, &low) || low < 0xDC00 || low > 0xDFFF)
                  {
                    g_string_free (buffer, TRUE);
                    reader->failed = FALSE;
                    g_clear_error (reader->error);
                    return stk_json_reader_fail (reader, p,
                                                 _("a \\u escape of half a surrogate pair"));
                  }
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              {
                g_string_free (buffer, TRUE);
                return stk_json_reader_fail (reader, p,
                                             _("a \\u escape of half a surrogate pair"));
              }
            else if (c == 0)
              {
                g_string_free (buffer, TRUE);
                return stk_json_reader_fail (reader, p, _("a string may not contain \\u0000"));
              }
            g_string_append_unichar (buffer, c);
            p += 6;
          }
          break;
        default:
          g_string_free (buffer, TRUE);
          return stk_json_reader_fail (reader, p, _("unknown escape “\\%c”"),
                                       g_ascii_isprint (p[1]) ? p[1] : '?');
        }
      begin = p;
    }
}

static gboolean
read_literal (StkJsonReader *reader,
              const char    *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (reader->end - reader->pos) < len || memcmp (reader->pos, literal, len) != 0 ||
      (reader->pos + len < reader->end && g_ascii_isalnum (reader->pos[len])))
    return stk_json_reader_fail (reader, reader->pos, _("unknown word; expected %s"), literal);

  reader->pos += len;
  return TRUE;
}

gboolean
stk_json_reader_boolean (StkJsonReader *reader,
                         gboolean      *value)
{
  switch ((int) stk_json_reader_peek (reader))
    {
    case STK_JSON_TRUE:
      *value = TRUE;
      return read_literal (reader, "true");
    case STK_JSON_FALSE:
      *value = FALSE;
      return read_literal (reader, "false");
    default:
      return fail_unexpected (reader, _("true or false"));
    }
}

/* Scans a number per RFC 8259; *integral says whether it has no fraction or exponent. */
static gboolean
scan_number (StkJsonReader *reader,
             const char   **number_end,
             gboolean      *integral)
{
  const char *p = reader->pos;

  *integral = TRUE;
  if (p < reader->end && *p == '-')
    p++;
  if (p >= reader->end || !g_ascii_isdigit (*p))
    return stk_json_reader_fail (reader, reader->pos, _("a number needs digits"));
  if (*p == '0' && p + 1 < reader->end && g_ascii_isdigit (p[1]))
    return stk_json_reader_fail (reader, reader->pos, _("a number may not start with 0"));
  while (p < reader->end && g_ascii_isdigit (*p))
    p++;
  if (p < reader->end && *p == '.')
    {
      *integral = FALSE;
      p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return stk_json_reader_fail (reader, reader->pos, _("a number needs digits after “.”"));
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      *integral = FALSE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return stk_json_reader_fail (reader, reader->pos, _("a number needs digits after “e”"));
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }

  *number_end = p;
  return TRUE;
}

gboolean
stk_json_reader_int64 (StkJsonReader *reader,
                       gint64        *value)
{
  const char *number_end;
  gboolean integral;

  if (stk_json_reader_peek (reader) != STK_JSON_NUMBER)
    return fail_unexpected (reader, _("a whole number"));
  if (!scan_number (reader, &number_end, &integral))
    return FALSE;
  if (!integral)
    return stk_json_reader_fail_with_code (reader, STK_ERROR_INVALID, reader->pos,
                                           _("expected a whole number"));

  /* The digits were checked by scan_number(): add them up here, with no dependence on the
   * C library's locale or errno, which another thread may be changing while a file loads. */
  {
    const char *p = reader->pos;
    gboolean negative = *p == '-';
    guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
    guint64 total = 0;

    if (negative)
      p++;
    for (; p < number_end; p++)
      {
        guint digit = *p - '0';

        if (total > (limit - digit) / 10)
          return stk_json_reader_fail_with_code (reader, STK_ERROR_INVALID, reader->pos,
                                                 _("the number is too large"));
        total = total * 10 + digit;
      }

    *value = negative ? (gint64) (0 - total) : (gint64) total;
  }

  reader->pos = number_end;
  return TRUE;
}

/**
 * stk_json_reader_node:
 * @reader: a reader before a value
 *
 * Reads the next value whole, as json-glib nodes (for members the model does not know).
 *
 * Returns: (transfer full) (nullable): the value, or %NULL on error
 */
JsonNode *
stk_json_reader_node (StkJsonReader *reader)
{
  switch ((int) stk_json_reader_peek (reader))
    {
    case STK_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        char *key;
        const char *key_at;

        if (!stk_json_reader_begin_object (reader))
          return NULL;
        while (stk_json_reader_next_member (reader, &key, &key_at))
          {
            JsonNode *member;

            if (json_object_has_member (object, key))
              {
                stk_json_reader_fail (reader, key_at, _("the member “%s” appears twice"), key);
                g_free (key);
                return NULL;
              }
            member = stk_json_reader_node (reader);
            if (member == NULL)
              {
                g_free (key);
                return NULL;
              }
            json_object_set_member (object, key, member);
            g_free (key);
          }
        if (reader->failed)
          return NULL;
        return json_node_init_object (json_node_alloc (), object);
      }

    case STK_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        if (!stk_json_reader_begin_array (reader))
          return NULL;
        while (stk_json_reader_next_element (reader))
          {
            JsonNode *element = stk_json_reader_node (reader);

            if (element == NULL)
              return NULL;
            json_array_add_element (array, element);
          }
        if (reader->failed)
          return NULL;
        return json_node_init_array (json_node_alloc (), array);
      }

    case STK_JSON_STRING:
      {
        g_autofree char *value = NULL;

        if (!stk_json_reader_string (reader, &value))
          return NULL;
        return json_node_init_string (json_node_alloc (), value);
      }

    case STK_JSON_NUMBER:
      {
        const char *number_end;
        gboolean integral;
        g_autofree char *text = NULL;
        gint64 i64;
        double d;

        if (!scan_number (reader, &number_end, &integral))
          return NULL;
        text = g_strndup (reader->pos, number_end - reader->pos);
        if (integral && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &i64, NULL))
          {
            reader->pos = number_end;
            return json_node_init_int (json_node_alloc (), i64);
          }
        d = g_ascii_strtod (text, NULL);
        /* Written back it would be "inf", which is not JSON: refuse it here instead. */
        if (!isfinite (d))
          {
            stk_json_reader_fail_with_code (reader, STK_ERROR_INVALID, reader->pos,
                                            _("the number is too large"));
            return NULL;
          }
        reader->pos = number_end;
        return json_node_init_double (json_node_alloc (), d);
      }

    case STK_JSON_TRUE:
    case STK_JSON_FALSE:
      {
        gboolean value;

        if (!stk_json_reader_boolean (reader, &value))
          return NULL;
        return json_node_init_boolean (json_node_alloc (), value);
      }

    case STK_JSON_NULL:
      if (!read_literal (reader, "null"))
        return NULL;
      return json_node_init_null (json_node_alloc ());

    default:
      fail_unexpected (reader, _("a value"));
      return NULL;
    }
}

/**
 * stk_json_reader_skip:
 * @reader: a reader before a value
 *
 * Reads over the next value, checking its syntax.
 *
 * Returns: %FALSE on error
 */
gboolean
stk_json_reader_skip (StkJsonReader *reader)
{
  switch ((int) stk_json_reader_peek (reader))
    {
    case STK_JSON_OBJECT:
      {
        char *key;
        const char *key_at;

        if (!stk_json_reader_begin_object (reader))
          return FALSE;
        while (stk_json_reader_next_member (reader, &key, &key_at))
          {
            g_free (key);
            if (!stk_json_reader_skip (reader))
              return FALSE;
          }
        return !reader->failed;
      }

    case STK_JSON_ARRAY:
      if (!stk_json_reader_begin_array (reader))
        return FALSE;
      while (stk_json_reader_next_element (reader))
        if (!stk_json_reader_skip (reader))
          return FALSE;
      return !reader->failed;

    case STK_JSON_STRING:
      return read_string (reader, NULL);

    case STK_JSON_NUMBER:
      {
        const char *number_end;
        gboolean integral;

        if (!scan_number (reader, &number_end, &integral))
          return FALSE;
        reader->pos = number_end;
        return TRUE;
      }

    case STK_JSON_TRUE:
      return read_literal (reader, "true");
    case STK_JSON_FALSE:
      return read_literal (reader, "false");
    case STK_JSON_NULL:
      return read_literal (reader, "null");

    default:
      return fail_unexpected (reader, _("a value"));
    }
}

/**
 * stk_json_reader_finish:
 * @reader: a reader after the document's value
 *
 * Returns: %FALSE when anything but white space follows
 */
gboolean
stk_json_reader_finish (StkJsonReader *reader)
{
  if (reader->failed)
    return FALSE;
  if (stk_json_reader_peek (reader) != STK_JSON_END)
    return stk_json_reader_fail (reader, reader->pos,
                                 _("unexpected text after the end of the document"));
  return TRUE;
}
