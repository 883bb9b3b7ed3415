/* test-export-web.c — the website exporters: file set, escaping, safe links, runtime policy form
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-core.h"

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static char *
page (StkPolicy  *policy,
      const char *lang)
{
  g_autoptr(GBytes) bytes = stk_export_page_html (policy, lang);

  return bytes_to_string (bytes);
}

static JsonObject *
runtime (StkPolicy  *policy,
         JsonParser *parser)
{
  g_autoptr(GBytes) bytes = stk_export_policy_json (policy);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
localized (JsonObject *object,
           const char *member,
           const char *lang)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), lang);
}

static void
test_file_set (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = stk_export_render (policy, STK_EXPORT_ALL, &error);
  const char *names[] = { "policy.json", "banner.html", "cookie-policy.da.html",
                          "cookie-policy.en.html", "samtykke.js", "samtykke.css" };

  g_assert_no_error (error);
  g_assert_nonnull (files);
  g_assert_cmpuint (g_hash_table_size (files), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GBytes *bytes = g_hash_table_lookup (files, names[i]);

      g_assert_nonnull (bytes);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 500);
    }

  /* The assets are the minified files of the build (data/web/meson.build), byte for byte:
   * never the readable sources. */
  for (guint i = 4; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("SAMTYKKE_BUILD_DIR"), "data", "web",
                                                names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GBytes) asset = stk_export_asset (names[i]);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (asset, NULL), g_bytes_get_size (asset));
    }
  g_assert_null (stk_export_asset ("policy.json"));
  g_assert_null (stk_export_asset ("../samtykke.js"));
}

static void
test_escaping (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkSection *section = stk_list_peek (stk_policy_get_sections (policy), 0);
  StkProvider *provider = stk_list_peek (stk_policy_get_providers (policy), 0);
  const char *evil = "<script>alert(\"x\")</script> & 'quote' \x01";
  g_autofree char *html = NULL;
  g_autoptr(GBytes) banner_bytes = NULL;
  g_autofree char *banner = NULL;
  const char *json_start, *json_end;

  stk_text_set (stk_section_get_title (section), "da", evil);
  stk_text_set (stk_policy_get_text (policy, "banner_title"), "da", evil);
  stk_provider_set_name (provider, evil);

  html = page (policy, "da");
  g_assert_null (strstr (html, "<script>alert"));
  g_assert_null (strstr (html, "\x01"));
  g_assert_nonnull (strstr (html, "<h2>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                                  "&#39;quote&#39; </h2>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"stk-t\">&lt;script&gt;"));

  banner_bytes = stk_export_banner_html (policy);
  banner = bytes_to_string (banner_bytes);
  g_assert_null (strstr (banner, "<script>alert"));
  json_start = strstr (banner, "<script type=\"application/json\" id=\"samtykke-policy\">");
  g_assert_nonnull (json_start);
  json_start += strlen ("<script type=\"application/json\" id=\"samtykke-policy\">");
  json_end = strstr (json_start, "</script>");
  g_assert_nonnull (json_end);
  g_assert_null (memchr (json_start, '<', json_end - json_start));
  g_assert_nonnull (g_strstr_len (json_start, json_end - json_start, "\\u003cscript>alert"));
}

static void
test_links (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkProvider *kk = stk_policy_find_provider (policy, "kk");
  StkProvider *youtube = stk_policy_find_provider (policy, "youtube");
  StkProvider *linkbot = stk_policy_find_provider (policy, "linkbot");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *html = NULL;
  g_autofree char *lower = NULL;
  JsonObject *root;
  JsonArray *providers;

  stk_text_set (stk_provider_get_website (kk), STK_TEXT_ANY_LANGUAGE, "javascript:alert(1)");
  stk_text_set (stk_provider_get_privacy_policy (kk), "da", " JaVaScRiPt:alert(2)");
  stk_text_set (stk_provider_get_privacy_policy (kk), "en", "data:text/html,<b>x</b>");
  stk_text_set (stk_provider_get_website (youtube), STK_TEXT_ANY_LANGUAGE, "https://yt\n.example/");
  /* Only Danish: the English page falls back to it (URLs alone do). */
  stk_text_set (stk_provider_get_privacy_policy (linkbot), STK_TEXT_ANY_LANGUAGE, NULL);
  stk_text_set (stk_provider_get_privacy_policy (linkbot), "da", "https://linkbot.example/da");
  stk_text_set (stk_provider_get_privacy_policy (linkbot), "en", NULL);

  html = page (policy, "en");
  lower = g_ascii_strdown (html, -1);
  g_assert_null (strstr (lower, "javascript:"));
  g_assert_null (strstr (html, "href=\"data:"));
  g_assert_null (strstr (html, "href=\"https://yt"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\">Københavns Kommune</th>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://linkbot.example/da\">"));
  g_assert_nonnull (strstr (html, "<a href=\"mailto:kontakt@kk.dk\">"));

  root = runtime (policy, parser);
  providers = json_object_get_array_member (root, "providers");
  g_assert_cmpstr (localized (json_array_get_object_element (providers, 0), "privacy_policy", "da"),
                   ==, "");
  g_assert_cmpstr (localized (json_array_get_object_element (providers, 0), "privacy_policy", "en"),
                   ==, "");
  g_assert_cmpstr (localized (json_array_get_object_element (providers, 2), "privacy_policy", "en"),
                   ==, "https://linkbot.example/da");
}

static void
test_runtime_form (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *cookie, *texts;
  JsonArray *categories, *providers;

  /* A missing translation stays missing: no text falls back to another language. */
  stk_text_set (stk_policy_get_text (policy, "banner_title"), "en", NULL);
  stk_policy_set_log_endpoint (policy, "//elsewhere.example/log");

  root = runtime (policy, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "samtykke-runtime");
  g_assert_cmpint (json_object_get_int_member (root, "revision"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "default_language"), ==, "da");
  g_assert_cmpstr (json_object_get_string_member (root, "log_endpoint"), ==, "");
  texts = json_object_get_object_member (root, "texts");
  g_assert_cmpstr (localized (texts, "banner_title", "da"), ==, "Vi bruger cookies");
  g_assert_cmpstr (localized (texts, "banner_title", "en"), ==, "");
  cookie = json_object_get_object_member (root, "cookie");
  g_assert_cmpstr (json_object_get_string_member (cookie, "name"), ==, "samtykke");
  g_assert_cmpint (json_object_get_int_member (cookie, "accept_days"), ==, 365);
  g_assert_cmpint (json_object_get_int_member (cookie, "decline_days"), ==, 14);

  categories = json_object_get_array_member (root, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (categories, 0),
                                                 "required"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (categories, 2),
                                                  "required"));

  /* Durations come formatted: plural, singular and session. */
  providers = json_object_get_array_member (root, "providers");
  {
    JsonArray *cookies = json_object_get_array_member (json_array_get_object_element (providers, 0),
                                                       "cookies");
    JsonObject *first = json_array_get_object_element (cookies, 0);
    JsonObject *second = json_array_get_object_element (cookies, 1);

    g_assert_cmpstr (localized (first, "duration", "da"), ==, "12 måneder");
    g_assert_cmpstr (localized (first, "duration", "en"), ==, "12 months");
    g_assert_cmpstr (localized (second, "duration", "da"), ==, "Sessionen");
  }
  stk_cookie_set_duration_value (stk_list_peek (stk_provider_get_cookies (
    stk_policy_find_provider (policy, "kk")), 0), 1);
  root = runtime (policy, parser);
  providers = json_object_get_array_member (root, "providers");
  {
    JsonArray *cookies = json_object_get_array_member (json_array_get_object_element (providers, 0),
                                                       "cookies");

    g_assert_cmpstr (localized (json_array_get_object_element (cookies, 0), "duration", "da"), ==,
                     "1 måned");
  }

  stk_policy_set_log_endpoint (policy, "/consent-log");
  root = runtime (policy, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "log_endpoint"), ==, "/consent-log");
}

static void
test_banner_csp (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GBytes) bytes = stk_export_banner_html (policy);
  g_autofree char *banner = bytes_to_string (bytes);
  g_autoptr(GBytes) js = stk_export_asset ("samtykke.js");
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *base64 = NULL;
  g_autofree char *source = NULL;
  g_autofree char *inline_script = NULL;

  g_checksum_update (checksum, g_bytes_get_data (js, NULL), g_bytes_get_size (js));
  g_checksum_get_digest (checksum, digest, &length);
  base64 = g_base64_encode (digest, length);
  source = g_strdup_printf ("script-src 'sha256-%s'", base64);
  g_assert_nonnull (strstr (banner, source));

  /* The hash is of exactly what stands between the tags. */
  inline_script = g_strdup_printf ("<script>%.*s</script>", (int) g_bytes_get_size (js),
                                   (const char *) g_bytes_get_data (js, NULL));
  g_assert_nonnull (strstr (banner, inline_script));

  /* The first layer is there for the first paint, with three equal buttons. */
  g_assert_nonnull (strstr (banner, "<samtykke-banner id=\"samtykke\" lang=\"da\" dir=\"ltr\">"));
  g_assert_nonnull (strstr (banner, "<button type=\"button\" data-stk=\"all\">Accepter alle"));
  g_assert_nonnull (strstr (banner, "<button type=\"button\" data-stk=\"none\">Afvis alle"));
  g_assert_nonnull (strstr (banner, "<button type=\"button\" data-stk=\"set\">Indstillinger"));
}

/* A policy with nothing in it yet (a new document in the editor) still renders, for the preview. */
static void
test_empty_policy (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  g_autoptr(GBytes) json = stk_export_policy_json (policy);
  g_autoptr(GBytes) banner = stk_export_banner_html (policy);
  g_autoptr(GBytes) page_bytes = stk_export_page_html (policy, "da");
  g_autofree char *html = bytes_to_string (page_bytes);

  g_assert_cmpuint (g_bytes_get_size (json), >, 0);
  g_assert_cmpuint (g_bytes_get_size (banner), >, 0);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"da\" dir=\"ltr\">"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-web/file-set", test_file_set);
  g_test_add_func ("/export-web/escaping", test_escaping);
  g_test_add_func ("/export-web/links", test_links);
  g_test_add_func ("/export-web/runtime-form", test_runtime_form);
  g_test_add_func ("/export-web/banner-csp", test_banner_csp);
  g_test_add_func ("/export-web/empty-policy", test_empty_policy);

  return g_test_run ();
}
