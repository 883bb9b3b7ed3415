/* stk-sections-page.h — the editor page of the declaration page's own sections of prose
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_SECTIONS_PAGE (stk_sections_page_get_type ())
G_DECLARE_FINAL_TYPE (StkSectionsPage, stk_sections_page, STK, SECTIONS_PAGE, AdwBin)

GtkWidget *stk_sections_page_new        (void);
StkPolicy *stk_sections_page_get_policy (StkSectionsPage *self);
void       stk_sections_page_set_policy (StkSectionsPage *self,
                                         StkPolicy       *policy);
gboolean   stk_sections_page_focus_path (StkSectionsPage *self,
                                         const char      *path);
/* Appends a new section and focuses its id. */
void       stk_sections_page_add        (StkSectionsPage *self);
/* Moves the section at @position one place up (@delta -1) or down (+1). */
gboolean   stk_sections_page_move       (StkSectionsPage *self,
                                         guint            position,
                                         int              delta);

G_END_DECLS
