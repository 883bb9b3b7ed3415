/* fuzz-export.c — libFuzzer target: policies from arbitrary bytes through every exporter
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a policy's texts hold, the exported HTML must not carry it as markup. The seeds and
 * the dictionary hold the marker "<x-fuzz"; escaped, it appears as "&lt;x-fuzz" (or "\u003c" in
 * the embedded JSON), so a literal "<x-fuzz" in any HTML file is text that became markup.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stk-core.h"

#define MARKER "<x-fuzz"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static gboolean
contains_marker (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize len = strlen (MARKER);

  for (gsize i = 0; i + len <= size; i++)
    if (g_ascii_strncasecmp (data + i, MARKER, len) == 0)
      return TRUE;

  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer name, bytes;

  policy = stk_policy_load_data ((const char *) data, size, "fuzz.json", NULL);
  if (policy == NULL)
    return 0;

  files = stk_export_render (policy, STK_EXPORT_ALL, &error);
  if (files == NULL)
    {
      if (error == NULL)
        {
          g_printerr ("the export was refused without a message\n");
          abort ();
        }
      return 0;
    }

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    if (g_str_has_suffix (name, ".html") && contains_marker (bytes))
      {
        g_printerr ("%s carries text of the policy as markup\n", (const char *) name);
        abort ();
      }

  return 0;
}
