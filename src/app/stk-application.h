/* stk-application.h — the editor application: one window per open policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_APPLICATION (stk_application_get_type ())
G_DECLARE_FINAL_TYPE (StkApplication, stk_application, STK, APPLICATION, AdwApplication)

/* @flags are added to HANDLES_OPEN (tests pass NON_UNIQUE). */
StkApplication *stk_application_new          (GApplicationFlags  flags);
/* Returns: (transfer none) (nullable): the settings, or NULL when the schema is not installed. */
GSettings      *stk_application_get_settings (StkApplication    *self);
void            stk_application_offer_recovery (StkApplication  *self);

G_END_DECLS
