/* stk-audit-apply.c — adding what a scan or a HAR file found to the policy, as one step
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chosen undeclared item becomes a cookie (or storage item) of a provider: the provider
 * the Open Cookie Database names when the policy has one of that name and category, a new
 * one of that name otherwise; without a suggestion, a provider named after the domain that
 * set the item. The purpose is the database's English description, in English only: the
 * other languages stay empty, so that they show as missing translations until a person writes
 * them. Nothing else is invented.
 */
#include "config.h"

#include <string.h>

#include "stk-audit-private.h"
#include "stk-rules.h"

/* A readable name for a provider known only by the domain that set the item. */
static char *
name_from_domain (const char *domain)
{
  while (*domain == '.')
    domain++;
  if (g_str_has_prefix (domain, "www."))
    domain += 4;

  return g_strdup (*domain != '\0' ? domain : "?");
}

/* An id for a new provider: the name in lower case letters, digits and dashes, made unique. */
static char *
unique_provider_id (StkPolicy  *policy,
                    GHashTable *taken,
                    const char *name)
{
  g_autofree char *folded = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *candidate;

  for (const char *p = folded != NULL ? folded : name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "provider");

  base = g_string_free (id, FALSE);
  candidate = g_strdup (base);
  for (guint n = 2; stk_policy_find_provider (policy, candidate) != NULL
                    || g_hash_table_contains (taken, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, candidate);

  return g_strdup (candidate);
}

static StkProvider *
find_provider (StkList    *providers,
               const char *name,
               const char *category)
{
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);

      if (g_utf8_collate (stk_provider_get_name (provider), name) == 0
          && g_strcmp0 (stk_provider_get_category (provider), category) == 0)
        return provider;
    }

  return NULL;
}

static StkCookie *
cookie_for (StkPolicy    *policy,
            StkAuditItem *item,
            const char   *category)
{
  const StkOcdEntry *suggestion = stk_audit_item_get_suggestion (item);
  StkCookie *cookie = stk_cookie_new ();
  const char * const *languages = stk_policy_get_languages (policy);
  gint64 value;
  StkUnit unit;

  /* A name the database knows only as a prefix ("_ga_") stands for a family of names: the
   * declaration is the pattern, so that every site-specific name of it is declared. */
  if (suggestion != NULL && suggestion->wildcard
      && g_str_has_prefix (item->name, suggestion->name))
    {
      g_autofree char *pattern = g_strconcat (suggestion->name, "*", NULL);

      stk_cookie_set_name (cookie, pattern);
      stk_cookie_set_pattern (cookie, TRUE);
    }
  else
    stk_cookie_set_name (cookie, item->name);

  stk_cookie_set_kind (cookie, item->kind);
  stk_cookie_set_domain (cookie, item->domain);
  if (item->path != NULL && *item->path != '\0')
    stk_cookie_set_path (cookie, item->path);
  stk_cookie_set_party (cookie, item->third_party ? STK_PARTY_THIRD : STK_PARTY_FIRST);
  if (stk_audit_item_get_duration (item, &value, &unit))
    {
      stk_cookie_set_duration_unit (cookie, unit);
      stk_cookie_set_duration_value (cookie, unit == STK_UNIT_SESSION ? 0 : value);
    }
  stk_cookie_set_delete_on_withdraw (cookie, !(category != NULL
                                               && stk_policy_find_category (policy, category)
                                               && stk_category_get_required (
                                                    stk_policy_find_category (policy, category))));

  /* The database's description is English: it goes to English only. */
  if (suggestion != NULL && *suggestion->description != '\0' && languages != NULL
      && g_strv_contains (languages, "en"))
    stk_text_set (stk_cookie_get_purpose (cookie), "en", suggestion->description);

  return cookie;
}

/**
 * stk_audit_report_apply:
 * @self: a finished report
 * @items: (element-type StkAuditItem): the undeclared items to declare
 * @categories: (nullable) (array zero-terminated=0): for each of @items, the id of the
 *   category it goes to; a %NULL array or entry means the suggested one
 * @checked: (nullable): the date of the check (YYYY-MM-DD) to record in the policy, or %NULL
 *
 * Declares @items in the report's policy as one undoable step. Items without a category
 * (none given, none suggested) and items that are not undeclared are left out.
 *
 * Returns: how many items were declared
 */
guint
stk_audit_report_apply (StkAuditReport     *self,
                        GPtrArray          *items,
                        const char * const *categories,
                        const char         *checked)
{
  StkPolicy *policy;
  StkHistory *history;
  StkList *providers;
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  guint added = 0;

  g_return_val_if_fail (STK_IS_AUDIT_REPORT (self), 0);
  g_return_val_if_fail (self->finished, 0);
  g_return_val_if_fail (items != NULL, 0);

  policy = self->policy;
  history = stk_policy_get_history (policy);
  providers = stk_policy_get_providers (policy);

  /* Everything is built first, away from the policy, so that the step holds only the
   * additions: new providers with their cookies, and cookies for existing providers. */
  for (guint i = 0; i < items->len; i++)
    {
      StkAuditItem *item = g_ptr_array_index (items, i);
      const char *category = categories != NULL && categories[i] != NULL
                             ? categories[i] : item->suggested_category;
      const StkOcdEntry *suggestion = stk_audit_item_get_suggestion (item);
      g_autofree char *name = NULL;
      StkProvider *provider;

      if (item->status != STK_AUDIT_UNDECLARED || category == NULL
          || stk_policy_find_category (policy, category) == NULL)
        continue;

      name = suggestion != NULL && *suggestion->platform != '\0'
             ? g_strdup (suggestion->platform) : name_from_domain (item->domain);

      provider = find_provider (providers, name, category);
      if (provider == NULL)
        {
          for (guint k = 0; k < created->len && provider == NULL; k++)
            {
              StkProvider *candidate = g_ptr_array_index (created, k);

              if (g_utf8_collate (stk_provider_get_name (candidate), name) == 0
                  && g_strcmp0 (stk_provider_get_category (candidate), category) == 0)
                provider = candidate;
            }
        }
      if (provider == NULL)
        {
          g_autofree char *id = unique_provider_id (policy, taken, name);

          provider = stk_provider_new ();
          stk_provider_set_id (provider, id);
          stk_provider_set_name (provider, name);
          stk_provider_set_category (provider, category);
          if (suggestion != NULL && stk_url_is_link (suggestion->privacy_url))
            stk_text_set (stk_provider_get_privacy_policy (provider), STK_TEXT_ANY_LANGUAGE,
                          suggestion->privacy_url);
          g_ptr_array_add (created, provider);
        }

      g_ptr_array_add (additions, cookie_for (policy, item, category));
      g_ptr_array_add (targets, provider);
      added++;
    }

  if (added == 0 && checked == NULL)
    return 0;

  stk_history_seal (history);
  stk_history_begin_group (history);

  /* Cookies of new providers go in before the providers join the policy (not recorded on
   * their own); the others are appended to their provider, each a change of the step. */
  for (guint i = 0; i < additions->len; i++)
    {
      StkProvider *provider = g_ptr_array_index (targets, i);

      if (g_ptr_array_find (created, provider, NULL))
        stk_list_append (stk_provider_get_cookies (provider), g_ptr_array_index (additions, i));
    }
  for (guint i = 0; i < created->len; i++)
    stk_list_append (providers, g_ptr_array_index (created, i));
  for (guint i = 0; i < additions->len; i++)
    {
      StkProvider *provider = g_ptr_array_index (targets, i);

      if (!g_ptr_array_find (created, provider, NULL))
        stk_list_append (stk_provider_get_cookies (provider), g_ptr_array_index (additions, i));
    }

  if (checked != NULL)
    stk_policy_set_checked (policy, checked);

  stk_history_end_group (history);
  stk_history_seal (history);

  return added;
}
