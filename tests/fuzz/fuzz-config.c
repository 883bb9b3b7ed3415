/* fuzz-config.c — libFuzzer target: arbitrary bytes as a banner configuration written as JSON
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes go through the configuration importer as a .json file, which it maps without
 * running anything, and through the scanner that rewrites a script's import declarations.
 * Besides not crashing, the target checks what they promise: a refused file comes with a
 * message that names it; an imported policy is written and loads again; the rewritten script
 * keeps every line where it was.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stk-core.h"
#include "stk-interop-private.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static StkConfigImporter *importer;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  importer = stk_config_importer_new ();
  /* A .json file is never run; should that change, nothing is started either. */
  stk_config_importer_set_program (importer, "/nonexistent/samtykke-import-js");
  return 0;
}

static gsize
count_lines (const char *text,
             gsize       length)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += text[i] == '\n';
  return n;
}

static void
check_rewrite (const char *data,
               gsize       size)
{
  g_autofree char *rewritten = NULL;
  gsize length = 0;
  guint n_imports = 0;

  rewritten = stk_interop_rewrite_imports (data, size, &length, &n_imports);
  if (rewritten == NULL)
    return;
  if (n_imports == 0 || count_lines (rewritten, length) != count_lines (data, size))
    {
      g_printerr ("the rewritten script moved lines or rewrote nothing\n");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StkConfigImport) import = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(StkPolicy) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  check_rewrite ((const char *) data, size);

  import = stk_config_importer_read (importer, bytes, "fuzz.json", NULL, &error);
  if (import == NULL)
    {
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.json")
          || g_error_matches (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_UNAVAILABLE))
        {
          g_printerr ("refused without a message that names the file, or tried to run it: %s\n",
                      error != NULL ? error->message : "(no error)");
          abort ();
        }
      return 0;
    }

  written = stk_policy_to_bytes (stk_config_import_get_policy (import));
  reloaded = stk_policy_load_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                   "imported.json", &error);
  if (reloaded == NULL)
    {
      g_printerr ("the imported policy does not load: %s\n%.*s\n", error->message,
                  (int) g_bytes_get_size (written), (const char *) g_bytes_get_data (written, NULL));
      abort ();
    }

  return 0;
}
