/* stk-provider-detail.h — every field of one provider: who, what for, cookies, agreement
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-cookie-table.h"

G_BEGIN_DECLS

#define STK_TYPE_PROVIDER_DETAIL (stk_provider_detail_get_type ())
G_DECLARE_FINAL_TYPE (StkProviderDetail, stk_provider_detail, STK, PROVIDER_DETAIL, AdwBin)

void            stk_provider_detail_set_policy       (StkProviderDetail *self,
                                                      StkPolicy         *policy);
void            stk_provider_detail_set_provider     (StkProviderDetail *self,
                                                      StkProvider       *provider);
StkCookieTable *stk_provider_detail_get_cookie_table (StkProviderDetail *self);
void            stk_provider_detail_add_embed        (StkProviderDetail *self);
void            stk_provider_detail_focus_name       (StkProviderDetail *self);
gboolean        stk_provider_detail_focus_path       (StkProviderDetail *self,
                                                      StkPath           *path,
                                                      guint              i);

G_END_DECLS
