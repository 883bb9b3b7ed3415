/* stk-policy-page.h — the editor page of the policy's own fields: owner, languages, consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-editor-page.h"

G_BEGIN_DECLS

/* stk_policy_page_new(), _get_policy(), _set_policy() and _focus_path() ("controller.email"):
 * see STK_DECLARE_EDITOR_PAGE(). */
#define STK_TYPE_POLICY_PAGE (stk_policy_page_get_type ())
STK_DECLARE_EDITOR_PAGE (StkPolicyPage, stk_policy_page, STK, POLICY_PAGE)

G_END_DECLS
