/* test-export-sample.c — the preview's sample website: banner pasted in, escaping, direction,
 * embeds
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core.h"

static char *
sample (StkPolicy  *policy,
        const char *lang,
        GBytes     *banner)
{
  g_autoptr(GBytes) bytes = stk_export_sample_html (policy, lang, banner);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_nonnull (data);
  g_assert_true (g_utf8_validate (data, size, NULL));

  return g_strndup (data, size);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* The exported banner, byte for byte, right after <body>; the footer links to the declaration
 * page in the same language. */
static void
test_banner_pasted_in (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GBytes) banner = stk_export_banner_html (policy);
  g_autofree char *html = sample (policy, "en", banner);
  g_autofree char *without = sample (policy, "en", NULL);
  const char *body = strstr (html, "<body>\n");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_assert_nonnull (strstr (html, "<html lang=\"en\" dir=\"ltr\">"));
  g_assert_nonnull (strstr (html, "<title>Københavns Kommune – kk.dk</title>"));
  g_assert_nonnull (body);
  body += strlen ("<body>\n");
  g_assert_cmpmem (body, g_bytes_get_size (banner), g_bytes_get_data (banner, NULL),
                   g_bytes_get_size (banner));
  g_assert_cmpuint (count (html, "<samtykke-banner"), ==, 1);
  g_assert_nonnull (strstr (html, "<a href=\"cookie-policy.en.html\">Cookie policy</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#samtykke\" data-samtykke-settings>Consent "
                                  "settings</a>"));
  /* No placeholder is left over; the stylesheet's own at-rules stay. */
  g_assert_null (strstr (html, "@BANNER@"));
  g_assert_null (strstr (html, "@LANG@"));
  g_assert_nonnull (strstr (html, "@media(prefers-color-scheme:dark){"));

  /* Without a banner, the page is the same but for it. */
  g_assert_null (strstr (without, "<samtykke-banner"));
  g_assert_cmpuint (strlen (html), ==, strlen (without) + g_bytes_get_size (banner));

  /* A policy without a name yet is a sample website still. */
  stk_policy_set_name (policy, "");
  g_clear_pointer (&without, g_free);
  without = sample (policy, "da", NULL);
  g_assert_nonnull (strstr (without, "<title>Sample Website</title>"));
  g_assert_nonnull (strstr (without, "<a href=\"cookie-policy.da.html\">Cookiepolitik</a>"));
}

/* Every text from the policy is escaped as the exporters escape it, and nothing substituted is
 * read as a placeholder again. */
static void
test_escaping (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkProvider *youtube = stk_policy_find_provider (policy, "youtube");
  StkEmbed *embed;
  const char *evil = "<script>alert(\"x\")</script> & 'quote' \x01";
  const char *escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                        "&#39;quote&#39; ";
  g_autofree char *html = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *figure = NULL;

  g_assert_nonnull (youtube);
  embed = stk_list_peek (stk_provider_get_embeds (youtube), 0);
  g_assert_nonnull (embed);
  stk_policy_set_name (policy, evil);
  stk_text_set (stk_policy_get_text (policy, "page_title"), "da", evil);
  stk_text_set (stk_policy_get_text (policy, "consent_settings_link"), "da", "@BANNER@ @LANG@");
  stk_provider_set_name (youtube, evil);
  stk_embed_set_id (embed, "\"><img src=x onerror=alert(1)>");

  html = sample (policy, "da", NULL);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "\x01"));

  title = g_strdup_printf ("<title>%s</title>", escaped);
  g_assert_nonnull (strstr (html, title));
  g_assert_nonnull (strstr (html, "<header><div class=\"w\"><strong>&lt;script&gt;"));
  footer = g_strdup_printf ("<a href=\"cookie-policy.da.html\">%s</a><a href=\"#samtykke\" "
                            "data-samtykke-settings>@BANNER@ @LANG@</a>", escaped);
  g_assert_nonnull (strstr (html, footer));
  figure = g_strdup_printf ("<figure data-samtykke-embed=\"&quot;&gt;&lt;img src=x "
                            "onerror=alert(1)&gt;\"><template><div class=\"video\" role=\"img\" "
                            "aria-label=\"%s\">▶</div></template></figure>", escaped);
  g_assert_nonnull (strstr (html, figure));

  /* A language code is escaped too, though validation allows none like it. */
  g_clear_pointer (&html, g_free);
  html = sample (policy, "x\"y", NULL);
  g_assert_nonnull (strstr (html, "<html lang=\"x&quot;y\" dir=\"ltr\">"));
  g_assert_nonnull (strstr (html, "href=\"cookie-policy.x&quot;y.html\""));
}

/* Right-to-left languages get the direction the declaration page gets, with or without a
 * region. */
static void
test_direction (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  const char * const languages[] = { "da", "ar", "he-IL", "fa", "en-GB", NULL };
  const char * const directions[] = { "ltr", "rtl", "rtl", "rtl", "ltr" };

  stk_policy_set_languages (policy, languages);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *html = sample (policy, languages[i], NULL);
      g_autoptr(GBytes) page = stk_export_page_html (policy, languages[i]);
      g_autofree char *root = g_strdup_printf ("<html lang=\"%s\" dir=\"%s\">", languages[i],
                                               directions[i]);

      g_assert_nonnull (strstr (html, root));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page),
                                      root));
    }
}

/* One stand-in per embed of any provider, in the policy's order, and none once they are gone. */
static void
test_embeds (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkProvider *youtube = stk_policy_find_provider (policy, "youtube");
  StkProvider *first = stk_list_peek (stk_policy_get_providers (policy), 0);
  g_autoptr(StkEmbed) map = stk_embed_new ();
  g_autofree char *html = sample (policy, "da", NULL);
  const char *video;
  const char *kort;

  g_assert_nonnull (youtube);
  g_assert_cmpuint (count (html, "<figure "), ==, 1);
  g_assert_nonnull (strstr (html, "<figure data-samtykke-embed=\"youtube-video\"><template>"
                                  "<div class=\"video\" role=\"img\" aria-label=\"Google Ireland "
                                  "Limited (YouTube)\">▶</div></template></figure>\n"));

  g_assert_true (first != youtube);
  stk_embed_set_id (map, "kort");
  stk_list_append (stk_provider_get_embeds (first), map);
  g_clear_pointer (&html, g_free);
  html = sample (policy, "da", NULL);
  g_assert_cmpuint (count (html, "<figure "), ==, 2);
  kort = strstr (html, "data-samtykke-embed=\"kort\"");
  video = strstr (html, "data-samtykke-embed=\"youtube-video\"");
  g_assert_nonnull (kort);
  g_assert_nonnull (video);
  g_assert_true (kort < video);

  stk_list_remove (stk_policy_get_providers (policy), 0);
  stk_list_remove (stk_provider_get_embeds (youtube), 0);
  g_clear_pointer (&html, g_free);
  html = sample (policy, "da", NULL);
  g_assert_null (strstr (html, "<figure"));
  g_assert_null (strstr (html, "data-samtykke-embed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-sample/banner-pasted-in", test_banner_pasted_in);
  g_test_add_func ("/export-sample/escaping", test_escaping);
  g_test_add_func ("/export-sample/direction", test_direction);
  g_test_add_func ("/export-sample/embeds", test_embeds);

  return g_test_run ();
}
