/* stk-page.h — what the window asks of each of its pages: show a policy, focus a place in it
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_PAGE (stk_page_get_type ())
G_DECLARE_INTERFACE (StkPage, stk_page, STK, PAGE, GtkWidget)

struct _StkPageInterface
{
  GTypeInterface parent_iface;

  /* Shows @policy (NULL for none). */
  void     (*set_policy) (StkPage   *self,
                          StkPolicy *policy);
  /* Whether the place @path names is edited on this page. */
  gboolean (*owns_path)  (StkPage   *self,
                          StkPath   *path);
  /* Shows and focuses the field @path names, or the nearest control there is for it. */
  gboolean (*focus_path) (StkPage   *self,
                          StkPath   *path);
};

void     stk_page_set_policy (StkPage   *self,
                              StkPolicy *policy);
gboolean stk_page_owns_path  (StkPage   *self,
                              StkPath   *path);
gboolean stk_page_focus_path (StkPage   *self,
                              StkPath   *path);

G_END_DECLS
