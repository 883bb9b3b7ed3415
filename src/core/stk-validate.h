/* stk-validate.h — finding what is wrong or doubtful in a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "stk-policy.h"

G_BEGIN_DECLS

typedef enum
{
  STK_SEVERITY_ERROR,
  STK_SEVERITY_WARNING,
} StkSeverity;

GType stk_severity_get_type (void);
#define STK_TYPE_SEVERITY (stk_severity_get_type ())

#define STK_TYPE_FINDING (stk_finding_get_type ())
G_DECLARE_FINAL_TYPE (StkFinding, stk_finding, STK, FINDING, GObject)

StkFinding  *stk_finding_new          (StkSeverity  severity,
                                       const char  *rule,
                                       const char  *path,
                                       const char  *message);
StkSeverity  stk_finding_get_severity (StkFinding *self);
/* The field's path in the file: "providers[3].cookies[1].purpose.en". */
const char  *stk_finding_get_path     (StkFinding *self);
/* Translated message. */
const char  *stk_finding_get_message  (StkFinding *self);
/* A stable identifier of the rule ("duplicate-id", "missing-translation", ...). */
const char  *stk_finding_get_rule     (StkFinding *self);

/* Returns: (transfer full): a GListModel of StkFinding, errors first, then in file order. */
GListModel  *stk_policy_validate      (StkPolicy  *policy);
guint        stk_findings_count       (GListModel *findings,
                                       StkSeverity severity);
/* "error" or "warning", untranslated (for machine-readable output). */
const char  *stk_severity_to_string   (StkSeverity severity);

G_END_DECLS
