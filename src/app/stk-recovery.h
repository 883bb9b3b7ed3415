/* stk-recovery.h — unsaved changes kept on disk, so that a crash loses none of them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "stk-document.h"

G_BEGIN_DECLS

/* A pause after the last edit before the changes go to disk. */
#define STK_RECOVERY_DELAY_MS 2000

#define STK_TYPE_RECOVERY_ENTRY (stk_recovery_entry_get_type ())
G_DECLARE_FINAL_TYPE (StkRecoveryEntry, stk_recovery_entry, STK, RECOVERY_ENTRY, GObject)

/* Writing: from when a window shows @document until it closes. */
void         stk_recovery_attach              (StkDocument          *document);
void         stk_recovery_detach              (StkDocument          *document);
/* The process ends cleanly: its folder of recovery files goes too, when empty. */
void         stk_recovery_shutdown            (void);
/* Returns: (transfer full): the folder the recovery files are in */
char        *stk_recovery_dup_folder          (void);
gboolean     stk_recovery_is_preparing        (StkDocument          *document);

/* Reading what an editor that stopped left behind. */
void         stk_recovery_find_async          (GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* Returns: (transfer full) (element-type StkRecoveryEntry): what was found */
GPtrArray   *stk_recovery_find_finish         (GAsyncResult         *result,
                                               GError              **error);

GFile       *stk_recovery_entry_get_file      (StkRecoveryEntry     *self);
GDateTime   *stk_recovery_entry_get_edited    (StkRecoveryEntry     *self);
StkPolicy   *stk_recovery_entry_get_policy    (StkRecoveryEntry     *self);
const char  *stk_recovery_entry_get_error     (StkRecoveryEntry     *self);
const char  *stk_recovery_entry_get_path      (StkRecoveryEntry     *self);
/* Puts the changes into @document, a new document, and its recovery files in place of the
 * entry's, so that they are never only in memory. */
void         stk_recovery_entry_restore       (StkRecoveryEntry     *self,
                                               StkDocument          *document);
void         stk_recovery_entry_discard       (StkRecoveryEntry     *self);

/* Returns: (transfer full): "today at 14:03", "yesterday at 09:15", "3 November 2026 at 17:40" */
char        *stk_recovery_format_time         (GDateTime            *time);

G_END_DECLS
