/* stk-problems-page.h — the list of live validation findings of a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_PROBLEMS_PAGE (stk_problems_page_get_type ())
G_DECLARE_FINAL_TYPE (StkProblemsPage, stk_problems_page, STK, PROBLEMS_PAGE, GtkWidget)

GtkWidget  *stk_problems_page_new          (void);
GListModel *stk_problems_page_get_findings (StkProblemsPage *self);
void        stk_problems_page_set_findings (StkProblemsPage *self,
                                            GListModel      *findings);
/* Activates the finding at @position as if the user had chosen it. */
void        stk_problems_page_activate     (StkProblemsPage *self,
                                            guint            position);

G_END_DECLS
