/* fuzz-csv.c — libFuzzer target: arbitrary bytes through the spreadsheet reader into a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides not crashing, the target checks what the reader promises: every error is on a line
 * of the file; a spreadsheet with an error changes nothing; one without applies, the policy
 * it gives is written and loads again, and undoing the import gives back the policy as it was.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "stk-core.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GBytes *example;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  example = stk_policy_example_bytes ();
  return 0;
}

static void
fail (const char *what,
      const char *report)
{
  g_printerr ("%s\n%s", what, report != NULL ? report : "");
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkCsvImport) import = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(StkPolicy) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  StkInteropReport *report;
  GListModel *notes;
  gboolean can_apply, applied;

  policy = stk_policy_load_data (g_bytes_get_data (example, NULL), g_bytes_get_size (example),
                                 "example.json", NULL);
  before = stk_policy_to_bytes (policy);
  import = stk_csv_import_read (policy, (const char *) data, size, "fuzz.csv");
  report = stk_csv_import_get_report (import);
  text = stk_interop_report_to_string (report);
  notes = stk_interop_report_get_notes (report);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(StkInteropNote) note = g_list_model_get_item (notes, i);

      if (stk_interop_note_get_severity (note) == STK_INTEROP_NOTE_ERROR
          && stk_interop_note_get_line (note) < 1)
        fail ("an error without a line", text);
    }

  can_apply = stk_csv_import_can_apply (import);
  applied = stk_csv_import_apply (import, &error);
  if (applied != can_apply
      || applied != !stk_interop_report_has_errors (report))
    fail ("applied when it should not, or not when it should", text);

  after = stk_policy_to_bytes (policy);
  if (!applied)
    {
      if (error == NULL || !g_bytes_equal (before, after))
        fail ("a refused spreadsheet changed the policy or gave no error", text);
      return 0;
    }

  reloaded = stk_policy_load_data (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                   "after.json", &error);
  if (reloaded == NULL)
    fail (error->message, text);

  if (stk_csv_import_get_n_added (import) + stk_csv_import_get_n_updated (import) > 0)
    {
      if (!stk_history_undo (stk_policy_get_history (policy)))
        fail ("the import cannot be undone", text);
      undone = stk_policy_to_bytes (policy);
      if (!g_bytes_equal (before, undone))
        fail ("undoing the import does not give back the policy", text);
    }

  return 0;
}
