/* stk-window.h — a document window: the pages of one policy, its sidebar, title and badges
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"
#include "stk-document.h"

G_BEGIN_DECLS

#define STK_TYPE_WINDOW (stk_window_get_type ())
G_DECLARE_FINAL_TYPE (StkWindow, stk_window, STK, WINDOW, AdwApplicationWindow)

/* A window holding the bundled example as an untitled document. */
StkWindow   *stk_window_new                (GtkApplication *application);
/* A window that opens @file; when it does not load, the message and the bundled example. */
StkWindow   *stk_window_new_for_file       (GtkApplication *application,
                                            GFile          *file);
/* A window showing @document, which may still be loading; when its first load fails, the
 * message and the bundled example. */
StkWindow   *stk_window_new_for_document   (GtkApplication *application,
                                            StkDocument    *document);

StkDocument *stk_window_get_document       (StkWindow      *self);
void         stk_window_add_toast          (StkWindow      *self,
                                            AdwToast       *toast);
/* @name: policy, texts, categories, providers, sections, preview or problems. */
void         stk_window_show_page          (StkWindow      *self,
                                            const char     *name);
const char  *stk_window_get_visible_page   (StkWindow      *self);
/* Shows the page of a finding's path and focuses its field. */
gboolean     stk_window_focus_path         (StkWindow      *self,
                                            const char     *path);
/* As a user would: asks Save / Discard / Cancel first when there are unsaved changes, then
 * loads @file in the background; on failure the message shows and the document stays. */
void         stk_window_open_file          (StkWindow      *self,
                                            GFile          *file);
/* Imports a banner's configuration instead (a .js file, or JSON that is no policy), showing
 * its report first; opens anything else as stk_window_open_file() does. */
void         stk_window_open_or_import     (StkWindow      *self,
                                            GFile          *file);
/* Asks first when there are unsaved changes; @from_example starts from the bundled example. */
void         stk_window_new_document       (StkWindow      *self,
                                            gboolean        from_example);

G_END_DECLS
