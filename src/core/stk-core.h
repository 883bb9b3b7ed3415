/* stk-core.h — everything of the policy model, for the editor, the CLI and the tests
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-error.h"
#include "stk-path.h"
#include "stk-rules.h"
#include "stk-node.h"
#include "stk-history.h"
#include "stk-list.h"
#include "stk-text.h"
#include "stk-texts.h"
#include "stk-color.h"
#include "stk-appearance.h"
#include "stk-cookie.h"
#include "stk-embed.h"
#include "stk-category.h"
#include "stk-provider.h"
#include "stk-section.h"
#include "stk-policy.h"
#include "stk-policy-io.h"
#include "stk-progress.h"
#include "stk-validate.h"
#include "stk-export.h"
#include "stk-ocd.h"
#include "stk-audit.h"
#include "stk-har.h"
#include "stk-scanner.h"
#include "stk-interop.h"
