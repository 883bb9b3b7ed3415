/* stk-import-flow.h — importing another banner's configuration or a spreadsheet into a window
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-document.h"

G_BEGIN_DECLS

/* Runs when a file given to stk_import_flow_open() turns out to be a policy (or nothing an
 * import can read): open it as a policy, which reports why it did not load. */
typedef void (*StkImportFlowOpenPolicy) (GFile    *file,
                                         gpointer  user_data);

/* @parent is the window the dialogs belong to; it provides the actions win.toast((sss)) and
 * win.undo. */

void     stk_import_flow_import_config  (GtkWindow               *parent,
                                         StkDocument             *document,
                                         GFile                   *file);
void     stk_import_flow_import_csv     (GtkWindow               *parent,
                                         StkDocument             *document,
                                         GFile                   *file);
void     stk_import_flow_open           (GtkWindow               *parent,
                                         StkDocument             *document,
                                         GFile                   *file,
                                         StkImportFlowOpenPolicy  open_policy,
                                         gpointer                 user_data,
                                         GDestroyNotify           user_data_free);
gboolean stk_import_flow_is_script_name (GFile                   *file);

G_END_DECLS
