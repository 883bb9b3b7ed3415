/* stk-category.h — a purpose for which the visitor gives or refuses consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-text.h"

G_BEGIN_DECLS

/* The Google Consent Mode v2 signals a category may grant, in the order the file writes them. */
const char * const *stk_consent_mode_signals (void);

#define STK_TYPE_CATEGORY (stk_category_get_type ())
G_DECLARE_FINAL_TYPE (StkCategory, stk_category, STK, CATEGORY, StkNode)

StkCategory        *stk_category_new              (void);
const char         *stk_category_get_id           (StkCategory        *self);
void                stk_category_set_id           (StkCategory        *self,
                                                   const char         *id);
StkText            *stk_category_get_title        (StkCategory        *self);
StkText            *stk_category_get_description  (StkCategory        *self);
gboolean            stk_category_get_required     (StkCategory        *self);
void                stk_category_set_required     (StkCategory        *self,
                                                   gboolean            required);
gboolean            stk_category_get_preselected  (StkCategory        *self);
void                stk_category_set_preselected  (StkCategory        *self,
                                                   gboolean            preselected);
gboolean            stk_category_get_gpc          (StkCategory        *self);
void                stk_category_set_gpc          (StkCategory        *self,
                                                   gboolean            gpc);
const char * const *stk_category_get_consent_mode (StkCategory        *self);
void                stk_category_set_consent_mode (StkCategory        *self,
                                                   const char * const *signals);
gboolean            stk_category_has_signal       (StkCategory        *self,
                                                   const char         *signal);
void                stk_category_set_signal       (StkCategory        *self,
                                                   const char         *signal,
                                                   gboolean            granted);

G_END_DECLS
