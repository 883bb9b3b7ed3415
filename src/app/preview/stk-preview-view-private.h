/* stk-preview-view-private.h — what the preview view's two files share
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "stk-preview-server.h"
#include "stk-preview-view.h"

G_BEGIN_DECLS

struct _StkPreviewView
{
  AdwBin                    parent_instance;

  /* owned */
  StkPolicy                *policy;
  char                     *language;
  char                     *error_message;
  StkPreviewServer         *server;
  WebKitNetworkSession     *session;
  WebKitUserContentManager *content_manager;
  GCancellable             *cancellable;
  guint                     render_id;

  /* borrowed: the clamp is the view's child and holds the web view */
  AdwClamp                 *clamp;
  GtkWidget                *web_view;

  guint                     n_renders;
  guint                     n_checks;          /* dialog checks not answered yet */
  gint64                    last_crash;
  guint                     reopen_settings : 1;
  guint                     load_failed : 1;   /* the load going on failed or was cut short */
  guint                     reload_asked : 1;  /* a reload was asked for and has not started */
  guint                     shows_policy : 1;  /* the web view shows a render of this policy */
  guint                     show_declaration : 1;
  guint                     phone : 1;
  guint                     dark : 1;
  guint                     needs_render : 1;
  guint                     retarget : 1;      /* the next render loads the chosen page */
};

/* stk-preview-view.c: the view's state */
char     *_stk_preview_view_dup_target_uri       (StkPreviewView *self);
void      _stk_preview_view_follow_uri           (StkPreviewView *self,
                                                  const char     *uri);

/* stk-preview-view-web.c: the web engine */
gboolean  _stk_preview_view_ensure_web_view      (StkPreviewView *self);
void      _stk_preview_view_apply_scheme         (StkPreviewView *self);
void      _stk_preview_view_apply_width          (StkPreviewView *self);
void      _stk_preview_view_reload_keeping_state (StkPreviewView *self);
void      _stk_preview_view_clear_data           (StkPreviewView *self);

G_END_DECLS
