/* stk-provider-list.h — the providers: a list to search, with the provider being edited chosen
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_PROVIDER_LIST (stk_provider_list_get_type ())
G_DECLARE_FINAL_TYPE (StkProviderList, stk_provider_list, STK, PROVIDER_LIST, AdwBin)

void         stk_provider_list_set_policy   (StkProviderList *self,
                                             StkPolicy       *policy);
void         stk_provider_list_set_filter   (StkProviderList *self,
                                             const char      *text);
GListModel  *stk_provider_list_get_shown    (StkProviderList *self);
StkProvider *stk_provider_list_get_provider (StkProviderList *self);
void         stk_provider_list_select       (StkProviderList *self,
                                             StkProvider     *provider);
void         stk_provider_list_add          (StkProviderList *self);
void         stk_provider_list_remove       (StkProviderList *self);
gboolean     stk_provider_list_focus_list   (StkProviderList *self);

G_END_DECLS
