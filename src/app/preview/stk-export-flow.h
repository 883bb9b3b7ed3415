/* stk-export-flow.h — export a document: checks, folder, writing, and the banner snippet
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-document.h"

G_BEGIN_DECLS

/* @parent is the window the dialogs belong to; it provides the actions win.focus-path(s),
 * win.show-page(s), win.toast((sss)), win.show-folder(s) and win.banner-help. */

/* Runs once the checks before an export let it go ahead. */
typedef void (*StkExportFlowProceed) (GtkWindow   *parent,
                                      StkDocument *document,
                                      gpointer     data);

void       stk_export_flow_check             (GtkWindow            *parent,
                                              StkDocument          *document,
                                              StkExportFlowProceed  proceed,
                                              gpointer              data,
                                              GDestroyNotify        data_free);
void       stk_export_flow_export            (GtkWindow   *parent,
                                              StkDocument *document,
                                              gboolean     again);
void       stk_export_flow_copy_snippet      (GtkWindow   *parent,
                                              StkDocument *document);
void       stk_export_flow_show_install_help (GtkWindow   *parent);
GtkWidget *stk_export_flow_new_refusal       (GtkWindow   *parent,
                                              GListModel  *findings);

G_END_DECLS
