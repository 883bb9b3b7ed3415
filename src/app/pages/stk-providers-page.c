/* stk-providers-page.c — the editor page of the providers: a searchable list and its details
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-field.h"
#include "stk-provider-detail.h"
#include "stk-provider-list.h"
#include "stk-providers-page.h"

struct _StkProvidersPage
{
  StkEditorPage      parent_instance;

  /* template widgets */
  AdwLeaflet        *leaflet;
  StkProviderList   *list;
  StkProviderDetail *detail;
};

static void stk_providers_page_page_init (StkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StkProvidersPage, stk_providers_page, STK_TYPE_EDITOR_PAGE,
                               G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE,
                                                      stk_providers_page_page_init))

STK_DEFINE_EDITOR_PAGE_FUNCTIONS (StkProvidersPage, stk_providers_page)

static void
on_provider_chosen (StkProvidersPage *self)
{
  stk_provider_detail_set_provider (self->detail, stk_provider_list_get_provider (self->list));
}

static void
show_details (StkProvidersPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
on_show_details (StkProvidersPage *self)
{
  show_details (self);
  stk_provider_detail_focus_name (self->detail);
}

static void
show_list (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  adw_leaflet_navigate (STK_PROVIDERS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
stk_providers_page_policy_changed (StkEditorPage *page,
                                   StkPolicy     *old)
{
  StkProvidersPage *self = STK_PROVIDERS_PAGE (page);
  StkPolicy *policy = stk_editor_page_get_policy (page);

  /* The details learn the languages and categories before the list chooses a provider. */
  stk_provider_detail_set_policy (self->detail, policy);
  stk_provider_list_set_policy (self->list, policy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), policy != NULL);
}

static gboolean
stk_providers_page_iface_owns_path (StkPage *page,
                                    StkPath *path)
{
  return stk_path_has_name (path, 0, "providers");
}

/* @path: a finding's path ("providers[3].cookies[1].purpose.en", "providers[2].website") */
static gboolean
stk_providers_page_iface_focus_path (StkPage *page,
                                     StkPath *path)
{
  StkProvidersPage *self = STK_PROVIDERS_PAGE (page);
  StkPolicy *policy = stk_editor_page_get_policy (STK_EDITOR_PAGE (page));
  StkList *providers;
  guint index;

  if (policy == NULL || !stk_path_has_name (path, 0, "providers"))
    return FALSE;

  if (!stk_path_match_index (path, 0, "providers", &index))
    return stk_provider_list_focus_list (self->list);

  providers = stk_policy_get_providers (policy);
  if (index >= stk_list_get_n (providers))
    return FALSE;

  stk_provider_list_select (self->list, stk_list_peek (providers, index));
  show_details (self);

  return stk_provider_detail_focus_path (self->detail, path, 2);
}

static void
stk_providers_page_page_init (StkPageInterface *iface)
{
  iface->owns_path = stk_providers_page_iface_owns_path;
  iface->focus_path = stk_providers_page_iface_focus_path;
}

static void
stk_providers_page_class_init (StkProvidersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StkEditorPageClass *page_class = STK_EDITOR_PAGE_CLASS (klass);

  page_class->policy_changed = stk_providers_page_policy_changed;

  gtk_widget_class_install_action (widget_class, "providers.show-list", NULL, show_list);

  g_type_ensure (STK_TYPE_PROVIDER_LIST);
  g_type_ensure (STK_TYPE_PROVIDER_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-providers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, list);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_show_details);
}

static void
stk_providers_page_init (StkProvidersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), FALSE);
}

void
stk_providers_page_set_filter (StkProvidersPage *self,
                               const char       *text)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_provider_list_set_filter (self->list, text);
}

GListModel *
stk_providers_page_get_shown (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), NULL);

  return stk_provider_list_get_shown (self->list);
}

StkProvider *
stk_providers_page_get_selected (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), NULL);

  return stk_provider_list_get_provider (self->list);
}

void
stk_providers_page_select (StkProvidersPage *self,
                           StkProvider      *provider)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_provider_list_select (self->list, provider);
}

void
stk_providers_page_add_provider (StkProvidersPage *self)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_provider_list_add (self->list);
}

void
stk_providers_page_remove_provider (StkProvidersPage *self)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_provider_list_remove (self->list);
}

/* The cookies of the provider shown ------------------------------------------------------- */

static StkCookieTable *
cookie_table (StkProvidersPage *self)
{
  return stk_provider_detail_get_cookie_table (self->detail);
}

void
stk_providers_page_add_cookie (StkProvidersPage *self)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_cookie_table_add (cookie_table (self));
}

void
stk_providers_page_duplicate_cookie (StkProvidersPage *self)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_cookie_table_duplicate (cookie_table (self));
}

void
stk_providers_page_remove_cookie (StkProvidersPage *self)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_cookie_table_remove (cookie_table (self));
}

guint
stk_providers_page_get_cookie_position (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), GTK_INVALID_LIST_POSITION);

  return stk_cookie_table_get_position (cookie_table (self));
}

void
stk_providers_page_set_cookie_position (StkProvidersPage *self,
                                        guint             position)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stk_cookie_table_set_position (cookie_table (self), position);
}
