/* stk-policy.h — a website's cookie-consent policy: the root of the model
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-list.h"
#include "stk-history.h"
#include "stk-text.h"
#include "stk-appearance.h"
#include "stk-category.h"
#include "stk-provider.h"
#include "stk-section.h"

G_BEGIN_DECLS

#define STK_FORMAT_MARKER "samtykke-policy"
#define STK_FORMAT_VERSION 1

#define STK_TYPE_POLICY (stk_policy_get_type ())
G_DECLARE_FINAL_TYPE (StkPolicy, stk_policy, STK, POLICY, StkNode)

StkPolicy          *stk_policy_new                     (void);
StkHistory         *stk_policy_get_history             (StkPolicy          *self);

const char         *stk_policy_get_name                (StkPolicy          *self);
void                stk_policy_set_name                (StkPolicy          *self,
                                                        const char         *name);
int                 stk_policy_get_revision            (StkPolicy          *self);
void                stk_policy_set_revision            (StkPolicy          *self,
                                                        int                 revision);
StkText            *stk_policy_get_revision_note       (StkPolicy          *self);
/* ISO 8601 date (YYYY-MM-DD). */
const char         *stk_policy_get_updated             (StkPolicy          *self);
void                stk_policy_set_updated             (StkPolicy          *self,
                                                        const char         *updated);
/* ISO 8601 date (YYYY-MM-DD) the site was last checked against the policy (a scan or HAR
 * audit whose findings were applied); empty when never. */
const char         *stk_policy_get_checked             (StkPolicy          *self);
void                stk_policy_set_checked             (StkPolicy          *self,
                                                        const char         *checked);
const char * const *stk_policy_get_languages           (StkPolicy          *self);
void                stk_policy_set_languages           (StkPolicy          *self,
                                                        const char * const *languages);
const char         *stk_policy_get_default_language    (StkPolicy          *self);
void                stk_policy_set_default_language    (StkPolicy          *self,
                                                        const char         *lang);

const char         *stk_policy_get_controller_name     (StkPolicy          *self);
void                stk_policy_set_controller_name     (StkPolicy          *self,
                                                        const char         *value);
const char         *stk_policy_get_controller_address  (StkPolicy          *self);
void                stk_policy_set_controller_address  (StkPolicy          *self,
                                                        const char         *value);
const char         *stk_policy_get_controller_cvr      (StkPolicy          *self);
void                stk_policy_set_controller_cvr      (StkPolicy          *self,
                                                        const char         *value);
const char         *stk_policy_get_controller_email    (StkPolicy          *self);
void                stk_policy_set_controller_email    (StkPolicy          *self,
                                                        const char         *value);
const char         *stk_policy_get_dpo_name            (StkPolicy          *self);
void                stk_policy_set_dpo_name            (StkPolicy          *self,
                                                        const char         *value);
const char         *stk_policy_get_dpo_email           (StkPolicy          *self);
void                stk_policy_set_dpo_email           (StkPolicy          *self,
                                                        const char         *value);

const char * const *stk_policy_get_domains             (StkPolicy          *self);
void                stk_policy_set_domains             (StkPolicy          *self,
                                                        const char * const *domains);

const char         *stk_policy_get_cookie_name         (StkPolicy          *self);
void                stk_policy_set_cookie_name         (StkPolicy          *self,
                                                        const char         *value);
const char         *stk_policy_get_cookie_domain       (StkPolicy          *self);
void                stk_policy_set_cookie_domain       (StkPolicy          *self,
                                                        const char         *value);
int                 stk_policy_get_accept_days         (StkPolicy          *self);
void                stk_policy_set_accept_days         (StkPolicy          *self,
                                                        int                 days);
int                 stk_policy_get_decline_days        (StkPolicy          *self);
void                stk_policy_set_decline_days        (StkPolicy          *self,
                                                        int                 days);
const char         *stk_policy_get_log_endpoint        (StkPolicy          *self);
void                stk_policy_set_log_endpoint        (StkPolicy          *self,
                                                        const char         *url);

/* The policy's texts by key (see stk-texts.h); the text is created empty when absent. */
StkText            *stk_policy_get_text                (StkPolicy          *self,
                                                        const char         *key);
/* Keys of every text the policy holds, known ones first in their fixed order. */
GPtrArray          *stk_policy_dup_text_keys           (StkPolicy          *self);

/* How the banner looks; always there, today's look unless the file says otherwise. */
StkAppearance      *stk_policy_get_appearance          (StkPolicy          *self);

/* StkList of StkSection, StkCategory and StkProvider. */
StkList            *stk_policy_get_sections            (StkPolicy          *self);
StkList            *stk_policy_get_categories          (StkPolicy          *self);
StkList            *stk_policy_get_providers           (StkPolicy          *self);

/* stk-policy-replace.c */
void                stk_policy_replace_with            (StkPolicy          *self,
                                                        StkPolicy          *source);

gboolean            stk_policy_honours_gpc             (StkPolicy          *self);

StkCategory        *stk_policy_find_category           (StkPolicy          *self,
                                                        const char         *id);
StkProvider        *stk_policy_find_provider           (StkPolicy          *self,
                                                        const char         *id);

G_END_DECLS
