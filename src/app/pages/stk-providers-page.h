/* stk-providers-page.h — the editor page of the providers: a searchable list and its details
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-editor-page.h"

G_BEGIN_DECLS

/* stk_providers_page_new(), _get_policy(), _set_policy() and _focus_path()
 * ("providers[3].cookies[1].purpose.en"): see STK_DECLARE_EDITOR_PAGE(). */
#define STK_TYPE_PROVIDERS_PAGE (stk_providers_page_get_type ())
STK_DECLARE_EDITOR_PAGE (StkProvidersPage, stk_providers_page, STK, PROVIDERS_PAGE)

/* Narrows the list at once to providers whose name, category or cookie names contain @text
 * (what the search entry does, without its typing delay). */
void         stk_providers_page_set_filter        (StkProvidersPage *self,
                                                   const char       *text);
/* The filtered list the sidebar shows (a GListModel of StkProvider). */
GListModel  *stk_providers_page_get_shown         (StkProvidersPage *self);
StkProvider *stk_providers_page_get_selected      (StkProvidersPage *self);
void         stk_providers_page_select            (StkProvidersPage *self,
                                                   StkProvider      *provider);

void         stk_providers_page_add_provider      (StkProvidersPage *self);
void         stk_providers_page_remove_provider   (StkProvidersPage *self);
void         stk_providers_page_add_cookie        (StkProvidersPage *self);
void         stk_providers_page_duplicate_cookie  (StkProvidersPage *self);
void         stk_providers_page_remove_cookie     (StkProvidersPage *self);
/* The position of the selected cookie of the provider shown, or GTK_INVALID_LIST_POSITION. */
guint        stk_providers_page_get_cookie_position (StkProvidersPage *self);
void         stk_providers_page_set_cookie_position (StkProvidersPage *self,
                                                     guint             position);

G_END_DECLS
