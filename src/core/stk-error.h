/* stk-error.h — the error domain of the policy model, and where a load error is
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "stk-path.h"

G_BEGIN_DECLS

#define STK_ERROR (stk_error_quark ())

typedef enum
{
  STK_ERROR_SYNTAX,        /* not JSON, not UTF-8, too deep, duplicate member */
  STK_ERROR_NOT_POLICY,    /* JSON, but no "format" marker of ours */
  STK_ERROR_NEWER_FORMAT,  /* written by a newer version */
  STK_ERROR_INVALID,       /* a member of the wrong type or value */
  STK_ERROR_INVALID_POLICY,/* validation found errors (export refuses) */
} StkError;

GQuark stk_error_quark (void);

/**
 * StkLocation:
 * @file: the name the document was loaded under (a file name)
 * @line: the line of the problem, from 1
 * @column: the column of the problem in characters, from 1
 * @path: (nullable): the member or element the problem is in or at, such as
 *   `providers[2].cookies[0].party`; the empty path for the document as a whole, %NULL when
 *   the place has no path (a member name holding `.`, `[` or `]`)
 * @message: what is wrong and what was expected, without the place
 *
 * Where a document could not be read, beside the error's message (which reads
 * `FILE:LINE:COL: message`), so that a program need not take the message apart.
 */
typedef struct
{
  char    *file;
  int      line;
  int      column;
  StkPath *path;
  char    *message;
} StkLocation;

#define STK_TYPE_LOCATION (stk_location_get_type ())

GType               stk_location_get_type   (void) G_GNUC_CONST;
StkLocation        *stk_location_copy       (const StkLocation *self);
void                stk_location_free       (StkLocation       *self);

const StkLocation  *stk_error_get_location  (const GError      *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StkLocation, stk_location_free)

G_END_DECLS
