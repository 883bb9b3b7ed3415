/* stk-error.h — the error domain of the policy model
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
