/* stk-export-flow.h — export from the window: checks, folder, writing, and the banner snippet
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-window.h"

G_BEGIN_DECLS

/* Exports the window's policy: refuses it with a list of its errors, asks before exporting one
 * with warnings, asks for the folder (or, with @again, uses the one the policy was last
 * exported to) and writes every file there, then shows a notification to open the folder. */
void       stk_export_flow_export          (StkWindow  *window,
                                            gboolean    again);
/* Copies banner.html to the clipboard and tells how to install it. */
void       stk_export_flow_copy_snippet    (StkWindow  *window);

/* Returns: (transfer full) (nullable): the folder the window's policy was last exported to. */
GFile     *stk_export_flow_dup_folder      (StkWindow  *window);
/* Remembers @folder as the export folder of the window's policy (per policy file). */
void       stk_export_flow_remember_folder (StkWindow  *window,
                                            GFile      *folder);
/* Returns: (transfer floating): the dialog, not yet shown, that refuses an export of a policy
 * with errors: it lists the errors of @findings and offers the Problems page. */
GtkWidget *stk_export_flow_new_refusal     (StkWindow  *window,
                                            GListModel *findings);

G_END_DECLS
