/* stk-json.h — a strict JSON reader that knows where it is, and a canonical writer
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader pulls one value at a time, so the loader can build the model straight from the
 * text with no tree in between, and every message can name the line and column. It refuses
 * what RFC 8259 refuses, and also duplicate members, a byte-order mark and nesting deeper than
 * STK_JSON_MAX_DEPTH.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "stk-error.h"

G_BEGIN_DECLS

/* Limits every document read is held to, so that no input can exhaust memory: how deep values
 * nest, how long a string that is kept may be (strings that are skipped are not copied and
 * not limited), and how many members and elements a document may hold in all. */
#define STK_JSON_MAX_DEPTH 256
#define STK_JSON_MAX_STRING (64 * 1024 * 1024)
#define STK_JSON_MAX_ITEMS 16000000

typedef struct
{
  const char  *start;
  const char  *pos;
  const char  *end;
  const char  *name;        /* for messages */
  int          depth;
  guint8       first[STK_JSON_MAX_DEPTH + 1]; /* no member or element read yet at this depth */
  GError     **error;
  gboolean     failed;
  guint        n_items;     /* members and elements read so far */
  gboolean     shows_progress; /* its position is a worker's progress (stk-progress.h) */
} StkJsonReader;

typedef enum
{
  STK_JSON_END,
  STK_JSON_OBJECT,
  STK_JSON_ARRAY,
  STK_JSON_STRING,
  STK_JSON_NUMBER,
  STK_JSON_TRUE,
  STK_JSON_FALSE,
  STK_JSON_NULL,
  STK_JSON_INVALID,
} StkJsonToken;

gboolean      stk_json_reader_init        (StkJsonReader  *reader,
                                           const char     *data,
                                           gsize           length,
                                           const char     *name,
                                           GError        **error);
StkJsonToken  stk_json_reader_peek        (StkJsonReader  *reader);
const char   *stk_json_token_describe     (StkJsonToken    token);
gboolean      stk_json_reader_fail_with_code (StkJsonReader *reader,
                                              int            code,
                                              const char    *at,
                                              const char    *format,
                                              ...) G_GNUC_PRINTF (4, 5);
/* Fails with a syntax error (STK_ERROR_SYNTAX) at @at: "NAME:LINE:COL: message". */
#define stk_json_reader_fail(reader, at, ...) \
  stk_json_reader_fail_with_code ((reader), STK_ERROR_SYNTAX, (at), __VA_ARGS__)
/* Fails with '"what" must be EXPECTED' at the next value. */
gboolean      stk_json_reader_expected    (StkJsonReader  *reader,
                                           const char     *what,
                                           const char     *expected);

gboolean      stk_json_reader_begin_object (StkJsonReader *reader);
/* Returns FALSE at the end of the object (or on error: check reader->failed). *key is owned by
 * the caller; *key_at points at the member's name in the text. */
gboolean      stk_json_reader_next_member  (StkJsonReader  *reader,
                                            char          **key,
                                            const char    **key_at);
gboolean      stk_json_reader_begin_array  (StkJsonReader  *reader);
gboolean      stk_json_reader_next_element (StkJsonReader  *reader);

gboolean      stk_json_reader_string       (StkJsonReader  *reader,
                                            char          **value);
gboolean      stk_json_reader_boolean      (StkJsonReader  *reader,
                                            gboolean       *value);
gboolean      stk_json_reader_int64        (StkJsonReader  *reader,
                                            gint64         *value);
gboolean      stk_json_reader_skip         (StkJsonReader  *reader);
JsonNode     *stk_json_reader_node         (StkJsonReader  *reader);
gboolean      stk_json_reader_finish       (StkJsonReader  *reader);
void          stk_json_reader_position     (StkJsonReader  *reader,
                                            const char     *at,
                                            int            *line,
                                            int            *column);

/* Writer: two-space indent, ": " after names, UTF-8 kept as is. */
void          stk_json_write_string        (GString        *out,
                                            const char     *value);
void          stk_json_write_indent        (GString        *out,
                                            int             depth);
void          stk_json_write_node          (GString        *out,
                                            JsonNode       *node,
                                            int             depth);

G_END_DECLS
