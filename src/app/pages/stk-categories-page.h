/* stk-categories-page.h — the editor page of the consent categories, in their order
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_CATEGORIES_PAGE (stk_categories_page_get_type ())
G_DECLARE_FINAL_TYPE (StkCategoriesPage, stk_categories_page, STK, CATEGORIES_PAGE, AdwBin)

GtkWidget *stk_categories_page_new        (void);
StkPolicy *stk_categories_page_get_policy (StkCategoriesPage *self);
void       stk_categories_page_set_policy (StkCategoriesPage *self,
                                           StkPolicy         *policy);
gboolean   stk_categories_page_focus_path (StkCategoriesPage *self,
                                           const char        *path);
/* Appends a new category and focuses its id. */
void       stk_categories_page_add        (StkCategoriesPage *self);
/* Moves the category at @position one place up (@delta -1) or down (+1). */
gboolean   stk_categories_page_move       (StkCategoriesPage *self,
                                           guint              position,
                                           int                delta);

G_END_DECLS
