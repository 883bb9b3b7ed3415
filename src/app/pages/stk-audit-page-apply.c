/* stk-audit-page-apply.c — the Check Website page: adding the chosen findings to the policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-audit-page-private.h"

/* The policy has a cookie of the item's name and kind: an added item stays added until the
 * addition is undone. */
gboolean
_stk_audit_page_policy_declares (StkPolicy    *policy,
                                 StkAuditItem *item)
{
  StkList *providers = stk_policy_get_providers (policy);

  for (guint p = 0; p < stk_list_get_n (providers); p++)
    {
      StkList *cookies = stk_provider_get_cookies (stk_list_peek (providers, p));

      for (guint c = 0; c < stk_list_get_n (cookies); c++)
        {
          StkCookie *cookie = stk_list_peek (cookies, c);

          if (stk_cookie_get_kind (cookie) == stk_audit_item_get_kind (item)
              && g_strcmp0 (stk_cookie_get_name (cookie), stk_audit_item_get_name (item)) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
stk_audit_page_get_added (StkAuditPage *self,
                          StkAuditItem *item)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), FALSE);

  return self->policy != NULL && g_hash_table_contains (self->applied, item)
         && _stk_audit_page_policy_declares (self->policy, item);
}

/* Choosing and adding ---------------------------------------------------------------------- */

void
stk_audit_page_set_chosen (StkAuditPage *self,
                           StkAuditItem *item,
                           gboolean      chosen)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (STK_IS_AUDIT_ITEM (item));

  if (chosen && stk_audit_item_get_status (item) == STK_AUDIT_UNDECLARED)
    g_hash_table_add (self->chosen, g_object_ref (item));
  else
    g_hash_table_remove (self->chosen, item);
  _stk_audit_page_update_add_action (self);
}

gboolean
stk_audit_page_get_chosen (StkAuditPage *self,
                           StkAuditItem *item)
{
  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), FALSE);

  return g_hash_table_contains (self->chosen, item);
}

void
stk_audit_page_set_category (StkAuditPage *self,
                             StkAuditItem *item,
                             const char   *category)
{
  g_return_if_fail (STK_IS_AUDIT_PAGE (self));
  g_return_if_fail (STK_IS_AUDIT_ITEM (item));

  g_hash_table_replace (self->categories, g_object_ref (item), g_strdup (category));
}

const char *
stk_audit_page_get_category (StkAuditPage *self,
                             StkAuditItem *item)
{
  gpointer category;

  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), NULL);

  if (g_hash_table_lookup_extended (self->categories, item, NULL, &category))
    return category;

  return stk_audit_item_get_suggested_category (item);
}

static void
on_undo_toast_dismissed (AdwToast     *toast,
                         StkAuditPage *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

guint
stk_audit_page_add_chosen (StkAuditPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  GListModel *all;
  StkHistory *history;
  AdwToast *toast;
  guint added;

  g_return_val_if_fail (STK_IS_AUDIT_PAGE (self), 0);

  if (self->report == NULL || self->busy || g_hash_table_size (self->chosen) == 0)
    return 0;

  /* In the report's order, so that the new declarations follow what was seen first. */
  items = g_ptr_array_new ();
  categories = g_ptr_array_new ();
  all = stk_audit_report_get_items (self->report);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (all, i);
      const char *category;

      if (!g_hash_table_contains (self->chosen, item))
        continue;

      category = stk_audit_page_get_category (self, item);
      if (category == NULL || stk_policy_find_category (self->policy, category) == NULL)
        {
          g_autofree char *message =
            /* Translators: %s is a cookie's name */
            g_strdup_printf (_("Choose a category for “%s” before adding it"),
                             stk_audit_item_get_name (item));

          _stk_audit_page_show_toast (self, message, 5);
          return 0;
        }
      g_ptr_array_add (items, item);
      g_ptr_array_add (categories, (gpointer) category);
    }
  g_ptr_array_add (categories, NULL);

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  history = stk_policy_get_history (self->policy);

  self->applying = TRUE;
  stk_history_seal (history);
  added = stk_audit_report_apply (self->report, items, (const char * const *) categories->pdata,
                                  today);
  stk_history_seal (history);
  self->applying = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      StkAuditItem *item = g_ptr_array_index (items, i);
      gboolean declared = _stk_audit_page_policy_declares (self->policy, item);

      g_hash_table_replace (self->applied, g_object_ref (item), GINT_TO_POINTER (declared + 1));
    }
  g_hash_table_remove_all (self->chosen);
  _stk_audit_page_rebuild_rows (self);
  _stk_audit_page_update_add_action (self);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  title = g_strdup_printf (ngettext ("Added %u item to the policy",
                                     "Added %u items to the policy", added), added);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "audit.undo-add");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return added;
}

void
_stk_audit_page_add_selected_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  stk_audit_page_add_chosen (STK_AUDIT_PAGE (widget));
}

void
_stk_audit_page_undo_add_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  StkAuditPage *self = STK_AUDIT_PAGE (widget);

  if (self->policy != NULL)
    stk_history_undo (stk_policy_get_history (self->policy));
}

