/* stk-export-web-page.c — the declaration page: the policy, its categories and its cookies in HTML
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-export-web-private.h"

/* The declaration page ------------------------------------------------------------------------ */

/* Paragraphs split at blank lines; single line breaks kept as <br>. */
static void
append_prose (GString    *out,
              const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[i]));

      if (*stripped == '\0')
        continue;

      lines = g_strsplit (stripped, "\n", -1);
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>");
          stk_export_append_escaped (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

static void
append_link (GString    *out,
             const char *url,
             const char *label)
{
  if (url == NULL)
    {
      stk_export_append_escaped (out, label);
      return;
    }

  g_string_append (out, "<a href=\"");
  stk_export_append_escaped (out, url);
  g_string_append (out, "\">");
  stk_export_append_escaped (out, label);
  g_string_append (out, "</a>");
}

/* An id attribute value: the model's ids are checked by validation, but a page must stay valid
 * HTML whatever they hold, so anything but [A-Za-z0-9_-] becomes "-". */
static void
append_id (GString    *out,
           const char *prefix,
           const char *id)
{
  g_string_append (out, prefix);
  for (const char *p = id != NULL ? id : ""; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '_' || *p == '-' ? *p : '-');
}

static void
append_provider_table (GString     *out,
                       StkPolicy   *policy,
                       GPtrArray   *providers,
                       const char  *lang)
{
  g_string_append (out, "<table>\n<thead><tr>");
  g_string_append (out, "<th scope=\"col\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "col_provider", lang));
  g_string_append (out, "</th><th scope=\"col\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "col_purpose", lang));
  g_string_append (out, "</th><th scope=\"col\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "dpa_label", lang));
  g_string_append (out, "</th><th scope=\"col\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "country_label", lang));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");

  for (guint i = 0; i < providers->len; i++)
    {
      StkProvider *provider = g_ptr_array_index (providers, i);
      const char *website = stk_web_url_in (policy, stk_provider_get_website (provider), lang);
      const char *privacy = stk_web_url_in (policy, stk_provider_get_privacy_policy (provider),
                                            lang);

      g_string_append (out, "<tr><th scope=\"row\">");
      append_link (out, website, stk_provider_get_name (provider));
      g_string_append (out, "</th><td>");
      stk_export_append_escaped (out, stk_web_text_in (stk_provider_get_purpose (provider), lang));
      if (privacy != NULL)
        {
          g_string_append (out, " ");
          append_link (out, privacy, stk_web_policy_text (policy, "privacy_policy_link", lang));
        }
      g_string_append (out, "</td><td>");
      if (stk_provider_get_dpa (provider))
        {
          const char *date = stk_provider_get_dpa_date (provider);
          g_autofree char *yes = stk_web_substitute (stk_web_policy_text (policy, "dpa_yes", lang),
                                                     "date", date != NULL ? date : "");

          stk_export_append_escaped (out, yes);
        }
      else
        stk_export_append_escaped (out, stk_web_policy_text (policy, "dpa_no", lang));
      g_string_append (out, "</td><td>");
      stk_export_append_escaped (out, stk_provider_get_country (provider));
      if (stk_provider_get_outside_eea (provider))
        {
          g_string_append (out, " (");
          stk_export_append_escaped (out, stk_web_policy_text (policy, "outside_eea", lang));
          g_string_append (out, ")");
        }
      g_string_append (out, "</td></tr>\n");
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_cookie_table (GString    *out,
                     StkPolicy  *policy,
                     GPtrArray  *providers,
                     const char *lang)
{
  static const char * const columns[] = {
    "col_name", "col_provider", "col_purpose", "col_duration", "col_party", "col_kind"
  };
  guint n_cookies = 0;

  for (guint i = 0; i < providers->len; i++)
    n_cookies += stk_list_get_n (stk_provider_get_cookies (g_ptr_array_index (providers, i)));
  if (n_cookies == 0)
    return;

  g_string_append (out, "<table>\n<thead><tr>");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_string_append (out, "<th scope=\"col\">");
      stk_export_append_escaped (out, stk_web_policy_text (policy, columns[i], lang));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint i = 0; i < providers->len; i++)
    {
      StkProvider *provider = g_ptr_array_index (providers, i);
      StkList *cookies = stk_provider_get_cookies (provider);

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);
          g_autofree char *duration = stk_web_format_duration (policy, cookie, lang);
          gboolean first = stk_cookie_get_party (cookie) == STK_PARTY_FIRST;
          const char *kind = stk_web_kind_key (stk_cookie_get_kind (cookie));

          g_string_append (out, "<tr><th scope=\"row\"><code>");
          stk_export_append_escaped (out, stk_cookie_get_name (cookie));
          g_string_append (out, "</code></th><td>");
          stk_export_append_escaped (out, stk_provider_get_name (provider));
          g_string_append (out, "</td><td>");
          stk_export_append_escaped (out, stk_web_text_in (stk_cookie_get_purpose (cookie), lang));
          g_string_append (out, "</td><td>");
          stk_export_append_escaped (out, duration);
          g_string_append (out, "</td><td>");
          stk_export_append_escaped (out, stk_web_policy_text (policy, first ? "party_first"
                                                                     : "party_third", lang));
          g_string_append (out, "</td><td>");
          stk_export_append_escaped (out, stk_web_policy_text (policy, kind, lang));
          g_string_append (out, "</td></tr>\n");
        }
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_categories (GString    *out,
                   StkPolicy  *policy,
                   const char *lang)
{
  StkList *categories = stk_policy_get_categories (policy);
  StkList *providers = stk_policy_get_providers (policy);

  g_string_append (out, "<section id=\"providers\">\n<h2>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "providers_heading", lang));
  g_string_append (out, "</h2>\n");

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();

      for (guint j = 0; j < stk_list_get_n (providers); j++)
        {
          StkProvider *provider = stk_list_peek (providers, j);

          if (g_strcmp0 (stk_provider_get_category (provider),
                         stk_category_get_id (category)) == 0)
            g_ptr_array_add (members, provider);
        }

      g_string_append (out, "<section id=\"");
      append_id (out, "category-", stk_category_get_id (category));
      g_string_append (out, "\">\n<h3>");
      stk_export_append_escaped (out, stk_web_text_in (stk_category_get_title (category), lang));
      if (stk_category_get_required (category))
        {
          g_string_append (out, " <small>(");
          stk_export_append_escaped (out, stk_web_policy_text (policy, "always_on", lang));
          g_string_append (out, ")</small>");
        }
      g_string_append (out, "</h3>\n");
      append_prose (out, stk_web_text_in (stk_category_get_description (category), lang));
      if (members->len > 0)
        {
          append_provider_table (out, policy, members, lang);
          append_cookie_table (out, policy, members, lang);
        }
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</section>\n");
}

static void
append_controller (GString    *out,
                   StkPolicy  *policy,
                   const char *lang)
{
  const char *fields[] = {
    stk_policy_get_controller_name (policy),
    stk_policy_get_controller_address (policy),
  };
  const char *cvr = stk_policy_get_controller_cvr (policy);
  const char *email = stk_policy_get_controller_email (policy);
  const char *dpo_name = stk_policy_get_dpo_name (policy);
  const char *dpo_email = stk_policy_get_dpo_email (policy);

  g_string_append (out, "<section id=\"controller\">\n<h2>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "controller_label", lang));
  g_string_append (out, "</h2>\n<address>\n");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && *fields[i] != '\0')
      {
        stk_export_append_escaped (out, fields[i]);
        g_string_append (out, "<br>\n");
      }
  if (cvr != NULL && *cvr != '\0')
    {
      g_string_append (out, "CVR ");
      stk_export_append_escaped (out, cvr);
      g_string_append (out, "<br>\n");
    }
  if (email != NULL && *email != '\0')
    {
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

      append_link (out, stk_email_is_valid (email) ? mailto : NULL, email);
      g_string_append (out, "<br>\n");
    }
  if ((dpo_name != NULL && *dpo_name != '\0') || (dpo_email != NULL && *dpo_email != '\0'))
    {
      g_autofree char *mailto = g_strconcat ("mailto:", dpo_email ? dpo_email : "", NULL);

      stk_export_append_escaped (out, dpo_name);
      if (dpo_email != NULL && *dpo_email != '\0')
        {
          g_string_append (out, ": ");
          append_link (out, stk_email_is_valid (dpo_email) ? mailto : NULL, dpo_email);
        }
      g_string_append (out, "<br>\n");
    }
  g_string_append (out, "</address>\n</section>\n");
}

/* The page's own stylesheet: readable, printable, light and dark. The banner brings its own. */
static const char page_css[] =
  "body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}"
  "main,footer{max-width:60rem;margin:0 auto;padding:1rem}"
  "table{border-collapse:collapse;width:100%;margin:1rem 0}"
  "th,td{border:1px solid #767676;padding:.4rem;text-align:start;vertical-align:top}"
  "thead th{background:#eee}code{overflow-wrap:anywhere}a{color:#0645ad}"
  ".stk-status{border:1px solid #767676;padding:0 1rem}"
  "@media(max-width:40rem){table{display:block;overflow-x:auto}}"
  "@media(prefers-color-scheme:dark){body{color:#eee;background:#121212}thead th{background:#333}"
  "a{color:#8ab4f8}}";

/**
 * stk_export_page_html:
 * @policy: a policy
 * @lang: one of the policy's languages
 *
 * The declaration page in @lang: a whole HTML5 document, readable without JavaScript, with the
 * policy's sections in order (the categories with their providers and cookies follow the
 * section "types", or the last section when there is none), the controller, the revision and
 * date, the visitor's current choice (filled in by the component) and the consent-settings
 * link. It carries the banner too, so it works on its own.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
GBytes *
stk_export_page_html (StkPolicy  *policy,
                      const char *lang)
{
  g_autoptr(GString) css = stk_web_stylesheet (policy);
  GString *out;
  StkList *sections;
  guint n_sections;
  guint categories_after;
  const char *name;
  const char *updated;
  const char *checked;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  sections = stk_policy_get_sections (policy);
  n_sections = stk_list_get_n (sections);
  categories_after = n_sections > 0 ? n_sections - 1 : 0;
  for (guint i = 0; i < n_sections; i++)
    if (g_strcmp0 (stk_section_get_id (stk_list_peek (sections, i)), "types") == 0)
      categories_after = i;

  name = stk_policy_get_name (policy);
  updated = stk_policy_get_updated (policy);
  checked = stk_policy_get_checked (policy);

  out = g_string_new ("<!DOCTYPE html>\n<html lang=\"");
  stk_export_append_escaped (out, lang);
  g_string_append_printf (out, "\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                          stk_export_lang_is_rtl (lang) ? "rtl" : "ltr");
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\">\n<title>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "page_title", lang));
  if (name != NULL && *name != '\0')
    {
      g_string_append (out, " – ");
      stk_export_append_escaped (out, name);
    }
  g_string_append_printf (out, "</title>\n<style>%s</style>\n<style>", page_css);
  g_string_append_len (out, css->str, css->len);
  /* Without scripts the banner cannot record anything, so it only stands in the way. */
  g_string_append (out, "</style>\n<noscript><style>samtykke-banner{display:none}</style>"
                        "</noscript>\n</head>\n<body>\n");

  /* The page stands beside policy.json wherever the export is published. */
  stk_web_append_banner (out, policy, lang, "", FALSE, TRUE);

  g_string_append (out, "<main>\n<h1>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "page_title", lang));
  g_string_append (out, "</h1>\n<p>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "revision_label", lang));
  g_string_append_printf (out, " %d", stk_policy_get_revision (policy));
  if (updated != NULL && *updated != '\0')
    {
      g_string_append (out, " · ");
      stk_export_append_escaped (out, stk_web_policy_text (policy, "updated_label", lang));
      g_string_append (out, " <time datetime=\"");
      stk_export_append_escaped (out, updated);
      g_string_append (out, "\">");
      stk_export_append_escaped (out, updated);
      g_string_append (out, "</time>");
    }
  /* When the site was last held against the policy: only with a label in this language. */
  if (checked != NULL && *checked != '\0'
      && *stk_web_policy_text (policy, "checked_label", lang) != '\0')
    {
      g_string_append (out, " · ");
      stk_export_append_escaped (out, stk_web_policy_text (policy, "checked_label", lang));
      g_string_append (out, " <time datetime=\"");
      stk_export_append_escaped (out, checked);
      g_string_append (out, "\">");
      stk_export_append_escaped (out, checked);
      g_string_append (out, "</time>");
    }
  g_string_append (out, "</p>\n");
  append_prose (out, stk_web_text_in (stk_policy_get_revision_note (policy), lang));

  for (guint i = 0; i < n_sections; i++)
    {
      StkSection *section = stk_list_peek (sections, i);

      g_string_append (out, "<section id=\"");
      append_id (out, "section-", stk_section_get_id (section));
      g_string_append (out, "\">\n<h2>");
      stk_export_append_escaped (out, stk_web_text_in (stk_section_get_title (section), lang));
      g_string_append (out, "</h2>\n");
      append_prose (out, stk_web_text_in (stk_section_get_body (section), lang));
      g_string_append (out, "</section>\n");

      if (i == categories_after)
        append_categories (out, policy, lang);
    }
  if (n_sections == 0)
    append_categories (out, policy, lang);

  append_controller (out, policy, lang);

  /* The component fills this in: the current choice, consent id, change and withdraw. */
  g_string_append (out, "<section id=\"your-consent\">\n<h2>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "your_consent", lang));
  g_string_append (out, "</h2>\n<div class=\"stk stk-status\" data-samtykke-status></div>\n"
                        "</section>\n</main>\n<footer>\n<p><a href=\"#samtykke\" "
                        "data-samtykke-settings>");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "consent_settings_link", lang));
  g_string_append (out, "</a></p>\n</footer>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}
