/* stk-section.h — one section of prose on the cookie-declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-text.h"

G_BEGIN_DECLS

#define STK_TYPE_SECTION (stk_section_get_type ())
G_DECLARE_FINAL_TYPE (StkSection, stk_section, STK, SECTION, StkNode)

StkSection *stk_section_new       (void);
const char *stk_section_get_id    (StkSection *self);
void        stk_section_set_id    (StkSection *self,
                                   const char *id);
StkText    *stk_section_get_title (StkSection *self);
StkText    *stk_section_get_body  (StkSection *self);

G_END_DECLS
