/* stk-progress.h — how far a worker has come, and its giving way while a window draws
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STK_TYPE_PROGRESS (stk_progress_get_type ())

typedef struct _StkProgress StkProgress;

GType        stk_progress_get_type          (void) G_GNUC_CONST;

StkProgress *stk_progress_new               (void);
StkProgress *stk_progress_ref               (StkProgress *self);
void         stk_progress_unref             (StkProgress *self);
double       stk_progress_get_fraction      (StkProgress *self);

void         stk_progress_push              (StkProgress *self);
void         stk_progress_pop               (void);
void         stk_progress_report            (guint64      done,
                                             guint64      total);

void         stk_progress_foreground_begin  (void);
void         stk_progress_foreground_end    (void);
guint        stk_progress_get_n_waits       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StkProgress, stk_progress_unref)

G_END_DECLS
