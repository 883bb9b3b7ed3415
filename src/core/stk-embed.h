/* stk-embed.h — content a provider serves into the page (a video, a map), blocked until consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-text.h"

G_BEGIN_DECLS

#define STK_TYPE_EMBED (stk_embed_get_type ())
G_DECLARE_FINAL_TYPE (StkEmbed, stk_embed, STK, EMBED, StkNode)

StkEmbed   *stk_embed_new             (void);
const char *stk_embed_get_id          (StkEmbed   *self);
void        stk_embed_set_id          (StkEmbed   *self,
                                       const char *id);
StkText    *stk_embed_get_placeholder (StkEmbed   *self);

G_END_DECLS
