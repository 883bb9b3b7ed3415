/* stk-policy-io.h — reading and writing the policy file format
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "stk-policy.h"
#include "stk-error.h"

G_BEGIN_DECLS

/* The most a policy may be: the size of its file, and the objects it holds (providers,
 * cookies, categories, sections and embeds together). A file beyond either is refused with a
 * message naming the limit; the 100,000-cookie policy the benchmarks use is well within both.
 * The JSON reader's own limits (stk-json.h) hold too. */
#define STK_POLICY_MAX_SIZE (256 * 1024 * 1024)
#define STK_POLICY_MAX_OBJECTS 1000000

/* @display_name is used in error messages: "display_name:LINE:COL: message". */
StkPolicy *stk_policy_load_data  (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  GError     **error);
StkPolicy *stk_policy_load_file  (GFile       *file,
                                  GError     **error);
GBytes    *stk_policy_to_bytes   (StkPolicy   *self);
gboolean   stk_policy_save_file  (StkPolicy   *self,
                                  GFile       *file,
                                  GError     **error);
/* Writing a policy a slice at a time, for the main thread, which may not hand a policy that
 * the user can edit to a worker: each step writes for about @budget_us (whole members and
 * whole items of the policy's lists; a negative budget writes everything) and returns whether
 * the policy is all written. The bytes are those of stk_policy_to_bytes() as long as the policy
 * does not change between the steps; when it does, start again. */
typedef struct _StkPolicyWriter StkPolicyWriter;

StkPolicyWriter *stk_policy_writer_new           (StkPolicy       *policy);
gboolean         stk_policy_writer_step          (StkPolicyWriter *self,
                                                  gint64           budget_us);
GBytes          *stk_policy_writer_free_to_bytes (StkPolicyWriter *self);
void             stk_policy_writer_free          (StkPolicyWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StkPolicyWriter, stk_policy_writer_free)

/* A new policy holding the bundled example (compiled in). */
StkPolicy *stk_policy_new_from_example (void);
GBytes    *stk_policy_example_bytes    (void);

/* Where a JSON path ("providers[3].cookies[1].purpose.en") stands in a document; the nearest
 * enclosing member that exists when the path itself does not. Line and column count from 1. */
gboolean   stk_json_locate       (const char  *data,
                                  gsize        length,
                                  const char  *path,
                                  int         *line,
                                  int         *column);

G_END_DECLS
