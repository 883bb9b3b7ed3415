/* stk-provider.h — a supplier whose cookies or content the site uses
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-list.h"
#include "stk-cookie.h"
#include "stk-embed.h"

G_BEGIN_DECLS

#define STK_TYPE_PROVIDER (stk_provider_get_type ())
G_DECLARE_FINAL_TYPE (StkProvider, stk_provider, STK, PROVIDER, StkNode)

StkProvider *stk_provider_new                (void);
const char  *stk_provider_get_id             (StkProvider *self);
void         stk_provider_set_id             (StkProvider *self,
                                              const char  *id);
const char  *stk_provider_get_name           (StkProvider *self);
void         stk_provider_set_name           (StkProvider *self,
                                              const char  *name);
/* The id of the provider's category. */
const char  *stk_provider_get_category       (StkProvider *self);
void         stk_provider_set_category       (StkProvider *self,
                                              const char  *category);
StkText     *stk_provider_get_purpose        (StkProvider *self);
StkText     *stk_provider_get_website        (StkProvider *self);
StkText     *stk_provider_get_privacy_policy (StkProvider *self);
gboolean     stk_provider_get_dpa            (StkProvider *self);
void         stk_provider_set_dpa            (StkProvider *self,
                                              gboolean     dpa);
/* ISO 8601 date (YYYY-MM-DD) or "". */
const char  *stk_provider_get_dpa_date       (StkProvider *self);
void         stk_provider_set_dpa_date       (StkProvider *self,
                                              const char  *date);
/* ISO 3166-1 alpha-2 code. */
const char  *stk_provider_get_country        (StkProvider *self);
void         stk_provider_set_country        (StkProvider *self,
                                              const char  *country);
gboolean     stk_provider_get_outside_eea    (StkProvider *self);
void         stk_provider_set_outside_eea    (StkProvider *self,
                                              gboolean     outside_eea);
/* StkList of StkEmbed and of StkCookie. */
StkList     *stk_provider_get_embeds         (StkProvider *self);
StkList     *stk_provider_get_cookies        (StkProvider *self);

G_END_DECLS
