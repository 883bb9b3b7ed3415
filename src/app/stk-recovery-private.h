/* stk-recovery-private.h — what the writing and the reading of recovery files share
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-recovery.h"

G_BEGIN_DECLS

/* The group of the key file written beside each policy. */
#define RECOVERY_GROUP "Recovery"

void _stk_recovery_adopt (StkDocument *document,
                          const char  *policy_path,
                          const char  *info_path,
                          gint64       edited);

G_END_DECLS
