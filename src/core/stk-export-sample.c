/* stk-export-sample.c — the neutral sample website the editor's preview shows the banner on
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-core-private.h"
#include "stk-core-resources.h"
#include "stk-export.h"

#define TEMPLATE_PATH "/io/github/samtykke/Samtykke/core/stk-export-sample.html"

/* A text in @lang; a missing translation is shown as missing (empty), as the exporters do. */
static const char *
policy_text (StkPolicy  *policy,
             const char *key,
             const char *lang)
{
  StkText *text = stk_policy_get_text (policy, key);
  const char *value = text != NULL ? stk_text_get (text, lang) : NULL;

  return value != NULL ? value : "";
}

/* One stand-in per embed the policy's providers serve, for the component to hold back until
 * consent. What the site would load then stays a local picture: the sample fetches nothing from
 * the provider. */
static void
append_embeds (GString   *out,
               StkPolicy *policy)
{
  StkList *providers = stk_policy_get_providers (policy);

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkList *embeds = stk_provider_get_embeds (provider);

      for (guint j = 0; j < stk_list_get_n (embeds); j++)
        {
          StkEmbed *embed = stk_list_peek (embeds, j);

          g_string_append (out, "<figure data-samtykke-embed=\"");
          stk_export_append_escaped (out, stk_embed_get_id (embed));
          g_string_append (out, "\"><template><div class=\"video\" role=\"img\" aria-label=\"");
          stk_export_append_escaped (out, stk_provider_get_name (provider));
          g_string_append (out, "\">▶</div></template></figure>\n");
        }
    }
}

/* Appends what the template's placeholder @key stands for; FALSE when @key is none. */
static gboolean
append_placeholder (GString    *out,
                    const char *key,
                    StkPolicy  *policy,
                    const char *lang,
                    GBytes     *banner)
{
  if (g_str_equal (key, "LANG"))
    stk_export_append_escaped (out, lang);
  else if (g_str_equal (key, "DIR"))
    g_string_append (out, stk_export_lang_is_rtl (lang) ? "rtl" : "ltr");
  else if (g_str_equal (key, "SITE"))
    {
      const char *name = stk_policy_get_name (policy);

      stk_export_append_escaped (out, name != NULL && *name != '\0' ? name
                                                                    : _("Sample Website"));
    }
  else if (g_str_equal (key, "PAGE_TITLE"))
    stk_export_append_escaped (out, policy_text (policy, "page_title", lang));
  else if (g_str_equal (key, "SETTINGS_LINK"))
    stk_export_append_escaped (out, policy_text (policy, "consent_settings_link", lang));
  else if (g_str_equal (key, "EMBEDS"))
    append_embeds (out, policy);
  else if (g_str_equal (key, "BANNER"))
    {
      gsize size = 0;
      const char *data = banner != NULL ? g_bytes_get_data (banner, &size) : NULL;

      if (data != NULL)
        g_string_append_len (out, data, size);
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * stk_export_sample_html:
 * @policy: a policy
 * @lang: one of the policy's languages
 * @banner: (nullable): the banner fragment to paste in, as stk_export_banner_html() returns it
 *
 * A neutral sample website in @lang, for the editor's preview: grey blocks where a site's
 * content would be, a stand-in for every embed the policy's providers serve (so that the
 * banner's click-to-load can be tried), and a footer with the declaration page's link and the
 * consent-settings link. @banner is pasted in unchanged right after `<body>`, as a site
 * template would have it, so the preview shows the exported bytes. The site's name, the texts
 * and the embeds' ids are escaped as in every export; the page's writing direction is the one
 * the exporters give @lang. It loads nothing but what it links to by relative name
 * (`cookie-policy.LANG.html`); an export does not write it.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
GBytes *
stk_export_sample_html (StkPolicy  *policy,
                        const char *lang,
                        GBytes     *banner)
{
  g_autoptr(GBytes) template = NULL;
  const char *data;
  const char *end;
  const char *p;
  gsize size = 0;
  GString *out;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  /* Through the bundle itself, as the exporters load the component's files. */
  template = g_resource_lookup_data (stk_core_get_resource (), TEMPLATE_PATH,
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (template != NULL);
  data = g_bytes_get_data (template, &size);
  end = data + size;

  /* One pass, so that nothing substituted is looked at again: a text holding "@BANNER@" stays
   * that text. */
  out = g_string_sized_new (size + (banner != NULL ? g_bytes_get_size (banner) : 0));
  p = data;
  while (p < end)
    {
      const char *at = memchr (p, '@', end - p);
      const char *close = at != NULL ? memchr (at + 1, '@', end - at - 1) : NULL;
      g_autofree char *key = NULL;

      if (at == NULL || close == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, at - p);
      key = g_strndup (at + 1, close - at - 1);

      if (append_placeholder (out, key, policy, lang, banner))
        p = close + 1;
      else
        {
          /* Not a placeholder (a stylesheet's "@media"): keep the first "@" and look on from
           * the second. */
          g_string_append_c (out, '@');
          p = at + 1;
        }
    }

  return g_string_free_to_bytes (out);
}
