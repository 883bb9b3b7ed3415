/* stk-export-as-dialog.h — choosing what to export and where, and writing it in the background
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-document.h"

G_BEGIN_DECLS

typedef enum
{
  STK_EXPORT_AS_WEBSITE,                /* what Export writes */
  STK_EXPORT_AS_VANILLA_COOKIECONSENT,  /* cookieconsent-config.js */
  STK_EXPORT_AS_KLARO,                  /* klaro-config.js */
  STK_EXPORT_AS_CSV,                    /* cookies.csv */
} StkExportAsFormat;

#define STK_TYPE_EXPORT_AS_DIALOG (stk_export_as_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StkExportAsDialog, stk_export_as_dialog, STK, EXPORT_AS_DIALOG, AdwWindow)

/* @parent provides the actions win.focus-path(s), win.show-page(s), win.toast((sss)) and
 * win.show-folder(s), as for stk-export-flow.h. */
StkExportAsDialog *stk_export_as_dialog_new        (GtkWindow          *parent,
                                                    StkDocument        *document);
StkExportAsFormat  stk_export_as_dialog_get_format (StkExportAsDialog  *self);
gboolean           stk_export_as_dialog_get_excel  (StkExportAsDialog  *self);
GFile             *stk_export_as_dialog_get_folder (StkExportAsDialog  *self);
void               stk_export_as_dialog_choose     (StkExportAsDialog  *self,
                                                    StkExportAsFormat   format,
                                                    gboolean            excel,
                                                    GFile              *folder);
void               stk_export_as_dialog_export     (StkExportAsDialog  *self);

G_END_DECLS
