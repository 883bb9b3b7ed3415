/* stk-interop-import-private.h — the configuration importer, shared by the files that read
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-core-private.h"
#include "stk-interop-private.h"
#include "stk-json.h"
#include "stk-policy.h"

G_BEGIN_DECLS

struct _StkConfigImporter
{
  GObject  parent_instance;

  char    *program;
  guint    time_limit;
  guint    memory_limit;
};

/* stk-interop-import.c: from a configuration object to a policy */
StkConfigImport *stk_interop_map_config  (JsonNode          *root,
                                          StkInteropFormat   format,
                                          const char        *display_name,
                                          StkInteropReport  *report,
                                          GError           **error);
StkConfigImport *stk_interop_import_json (const char        *data,
                                          gsize              length,
                                          const char        *display_name,
                                          GError           **error);
gboolean         stk_interop_is_json     (const char        *data,
                                          gsize              length,
                                          const char        *display_name);

G_END_DECLS
