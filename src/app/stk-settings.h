/* stk-settings.h — the editor's settings, when their schema is installed
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *stk_settings_new (void);
gboolean   stk_settings_has (GSettings  *settings,
                             const char *key);

G_END_DECLS
