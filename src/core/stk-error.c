/* stk-error.c — the error domain of the policy model
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-error.h"

G_DEFINE_QUARK (stk-error-quark, stk_error)
