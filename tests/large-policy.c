/* large-policy.c — a policy of many providers, for the tests that need a large one
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "large-policy.h"

StkPolicy *
stk_test_new_large_policy (guint n_providers)
{
  StkPolicy *policy = stk_policy_new_from_example ();
  StkList *providers = stk_policy_get_providers (policy);

  for (guint i = 0; i < n_providers; i++)
    {
      g_autoptr(StkProvider) provider = stk_provider_new ();
      g_autofree char *id = g_strdup_printf ("provider-%u", i);
      g_autofree char *name = g_strdup_printf ("Leverandør %u A/S", i);

      stk_provider_set_id (provider, id);
      stk_provider_set_name (provider, name);
      stk_provider_set_category (provider, "statistical");
      stk_text_set (stk_provider_get_purpose (provider), "da", "måler besøg på siderne.");
      stk_text_set (stk_provider_get_purpose (provider), "en", "measures visits to the pages.");
      for (guint j = 0; j < 20; j++)
        {
          g_autoptr(StkCookie) cookie = stk_cookie_new ();
          g_autofree char *cookie_name = g_strdup_printf ("_stk_%u_%u", i, j);

          stk_cookie_set_name (cookie, cookie_name);
          stk_text_set (stk_cookie_get_purpose (cookie), "da", "Skelner mellem besøgende.");
          stk_text_set (stk_cookie_get_purpose (cookie), "en", "Tells visitors apart.");
          stk_list_append (stk_provider_get_cookies (provider), cookie);
        }
      stk_list_append (providers, provider);
    }
  stk_history_clear (stk_policy_get_history (policy));
  stk_history_mark_saved (stk_policy_get_history (policy));

  return policy;
}
