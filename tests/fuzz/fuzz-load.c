/* fuzz-load.c — libFuzzer target: arbitrary bytes through the policy loader, writer and validator
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides not crashing, the target checks what the format promises: a refused file comes with
 * an error message, and what the writer produces loads again and is written back unchanged.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>

#include "stk-core.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning from the core means it was handed something it did not expect. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkPolicy) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GListModel) findings = NULL;
  const char *saved;
  gsize saved_size;

  policy = stk_policy_load_data ((const char *) data, size, "fuzz.json", &error);
  if (policy == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        {
          g_printerr ("refused without a message\n");
          abort ();
        }
      return 0;
    }
  g_assert_no_error (error);

  findings = stk_policy_validate (policy);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);
      int line = 0, column = 0;

      if (stk_json_locate ((const char *) data, size, stk_finding_get_path (finding),
                           &line, &column) &&
          (line < 1 || column < 1))
        {
          g_printerr ("located %s at %d:%d\n", stk_finding_get_path (finding), line, column);
          abort ();
        }
    }

  bytes = stk_policy_to_bytes (policy);
  saved = g_bytes_get_data (bytes, &saved_size);
  again = stk_policy_load_data (saved, saved_size, "saved.json", &error);
  if (again == NULL)
    {
      g_printerr ("the written policy does not load: %s\n", error->message);
      abort ();
    }

  bytes_again = stk_policy_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      g_printerr ("writing the loaded output gives different bytes\n");
      abort ();
    }

  return 0;
}
