/* stk-report-list.h — the notes of an import or export report, as a list that scrolls
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

GtkWidget  *stk_report_list_new          (StkInteropReport *report);
GListModel *stk_report_list_get_notes    (GtkWidget        *list);
char       *stk_report_list_dup_place    (StkInteropNote   *note);

G_END_DECLS
