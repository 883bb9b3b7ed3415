/* stk-policy-page.h — the editor page of the policy's own fields: owner, languages, consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_POLICY_PAGE (stk_policy_page_get_type ())
G_DECLARE_FINAL_TYPE (StkPolicyPage, stk_policy_page, STK, POLICY_PAGE, AdwBin)

GtkWidget *stk_policy_page_new        (void);
StkPolicy *stk_policy_page_get_policy (StkPolicyPage *self);
void       stk_policy_page_set_policy (StkPolicyPage *self,
                                       StkPolicy     *policy);
gboolean   stk_policy_page_focus_path (StkPolicyPage *self,
                                       const char    *path);

G_END_DECLS
