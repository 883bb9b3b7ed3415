/* fuzz-har.c — libFuzzer target: arbitrary bytes through the HAR reader and the audit matching
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides not crashing, the target checks what the reader promises: a refused file comes with
 * a located message and leaves the report empty; a read one gives a report whose items all
 * have a name and whose JSON parses.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "stk-core.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static StkPolicy *policy;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  policy = stk_policy_new_from_example ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *json = NULL;
  GListModel *items;

  if (!stk_har_read_data (report, (const char *) data, size, "fuzz.har", &error))
    {
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.har:")
          || g_list_model_get_n_items (stk_audit_report_get_items (report)) != 0)
        {
          g_printerr ("refused without a located message, or with items left behind\n");
          abort ();
        }
      return 0;
    }

  stk_audit_report_finish (report);
  items = stk_audit_report_get_items (report);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (items, i);

      if (stk_audit_item_get_name (item) == NULL)
        abort ();
    }

  json = stk_audit_report_to_json (report);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    {
      g_printerr ("the report is not JSON:\n%s\n", json);
      abort ();
    }

  return 0;
}
