/* large-policy.h — a policy of many providers, for the tests that need a large one
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-core.h"

G_BEGIN_DECLS

/* The example and @n_providers more providers of 20 cookies each, nothing to undo, nothing
 * unsaved. */
StkPolicy *stk_test_new_large_policy (guint n_providers);

G_END_DECLS
