/* stk-settings.c — the editor's settings, when their schema is installed
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-settings.h"

/**
 * stk_settings_new:
 *
 * Every user of the settings (the application, each window, each document) holds its own
 * #GSettings; they share one backend, so they all see the same values.
 *
 * Returns: (transfer full) (nullable): the settings, or NULL when the schema is not installed
 *   (running from the build folder): the editor then works and remembers nothing
 */
GSettings *
stk_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

/**
 * stk_settings_has:
 * @settings: (nullable): settings from stk_settings_new()
 * @key: a key name
 *
 * An installed schema may be older than the editor; a key it lacks is left alone.
 *
 * Returns: whether @settings exist and know @key
 */
gboolean
stk_settings_has (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}
