/* stk-window.h — a document window: one policy, its pages, undo and redo, saving
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_WINDOW (stk_window_get_type ())
G_DECLARE_FINAL_TYPE (StkWindow, stk_window, STK, WINDOW, AdwApplicationWindow)

/* A window holding the bundled example as an untitled document. */
StkWindow  *stk_window_new                (GtkApplication *application);
/* A window showing @file; when it does not load, the message and the bundled example. */
StkWindow  *stk_window_new_for_file       (GtkApplication *application,
                                           GFile          *file);

void        stk_window_add_toast          (StkWindow      *self,
                                           AdwToast       *toast);
/* @name: policy, texts, categories, providers, sections, preview or problems. */
void        stk_window_show_page          (StkWindow      *self,
                                           const char     *name);
const char *stk_window_get_visible_page   (StkWindow      *self);
StkPolicy  *stk_window_get_policy         (StkWindow      *self);
GFile      *stk_window_get_file           (StkWindow      *self);
/* The live validation findings (StkFinding), recomputed shortly after each change. */
GListModel *stk_window_get_findings       (StkWindow      *self);
gboolean    stk_window_get_modified       (StkWindow      *self);

/* Shows the page of a finding's path and focuses its field. */
gboolean    stk_window_focus_path         (StkWindow      *self,
                                           const char     *path);
/* Replaces the document without asking; @file may be NULL for an untitled policy. */
void        stk_window_set_document       (StkWindow      *self,
                                           StkPolicy      *policy,
                                           GFile          *file);
/* Loads @file over the current document without asking. On failure the message is shown in
 * the window, the current document stays, and FALSE is returned. */
gboolean    stk_window_load_file          (StkWindow      *self,
                                           GFile          *file,
                                           GError        **error);
/* As a user would: asks Save / Discard / Cancel first when there are unsaved changes. */
void        stk_window_open_file          (StkWindow      *self,
                                           GFile          *file);
/* Asks first when there are unsaved changes; @from_example starts from the bundled example. */
void        stk_window_new_document       (StkWindow      *self,
                                           gboolean        from_example);
/* Saves to @file and makes it the document's file. */
gboolean    stk_window_save_to_file       (StkWindow      *self,
                                           GFile          *file,
                                           GError        **error);
/* Runs the pending validation at once (instead of waiting for the pause after an edit). */
void        stk_window_validate_now       (StkWindow      *self);
/* The message shown when a file failed to load, or NULL. */
const char *stk_window_get_load_error     (StkWindow      *self);

G_END_DECLS
