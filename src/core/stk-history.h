/* stk-history.h — undo and redo of every change made to a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _StkChange StkChange;

#define STK_TYPE_HISTORY (stk_history_get_type ())
G_DECLARE_FINAL_TYPE (StkHistory, stk_history, STK, HISTORY, GObject)

StkHistory *stk_history_new            (void);
gboolean    stk_history_can_undo       (StkHistory *self);
gboolean    stk_history_can_redo       (StkHistory *self);
gboolean    stk_history_undo           (StkHistory *self);
gboolean    stk_history_redo           (StkHistory *self);
void        stk_history_begin_group    (StkHistory *self);
void        stk_history_end_group      (StkHistory *self);
void        stk_history_seal           (StkHistory *self);
void        stk_history_mark_saved     (StkHistory *self);
void        stk_history_mark_unsaved   (StkHistory *self);
gboolean    stk_history_get_modified   (StkHistory *self);
void        stk_history_clear          (StkHistory *self);
gboolean    stk_history_is_replaying   (StkHistory *self);

/* internal, for StkNode */
void        stk_history_push           (StkHistory *self,
                                        StkChange  *change);

G_END_DECLS
