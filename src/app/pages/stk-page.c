/* stk-page.c — what the window asks of each of its pages: show a policy, focus a place in it
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window knows its pages only through this interface: it hands each the policy, and a
 * finding's path, parsed once, to the page that says the path is its own. A page that edits
 * nothing a path can name (the preview) leaves owns_path and focus_path unset. */

#include "config.h"

#include "stk-page.h"

G_DEFINE_INTERFACE (StkPage, stk_page, GTK_TYPE_WIDGET)

static void
stk_page_default_init (StkPageInterface *iface)
{
}

/**
 * stk_page_set_policy:
 * @self: a page
 * @policy: (nullable): the policy to show, or %NULL for none
 */
void
stk_page_set_policy (StkPage   *self,
                     StkPolicy *policy)
{
  g_return_if_fail (STK_IS_PAGE (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  STK_PAGE_GET_IFACE (self)->set_policy (self, policy);
}

/**
 * stk_page_owns_path:
 * @self: a page
 * @path: a finding's path, parsed
 *
 * Returns: whether the place @path names is edited on @self
 */
gboolean
stk_page_owns_path (StkPage *self,
                    StkPath *path)
{
  StkPageInterface *iface;

  g_return_val_if_fail (STK_IS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  iface = STK_PAGE_GET_IFACE (self);

  return iface->owns_path != NULL && iface->owns_path (self, path);
}

/**
 * stk_page_focus_path:
 * @self: a page
 * @path: a finding's path, parsed ("providers[3].cookies[1].purpose.en")
 *
 * Shows and focuses the field @path names, or the nearest control there is for it.
 *
 * Returns: whether something took the focus
 */
gboolean
stk_page_focus_path (StkPage *self,
                     StkPath *path)
{
  StkPageInterface *iface;

  g_return_val_if_fail (STK_IS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  iface = STK_PAGE_GET_IFACE (self);

  return iface->focus_path != NULL && iface->focus_path (self, path);
}
