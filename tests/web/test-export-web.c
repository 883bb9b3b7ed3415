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
  g_assert_cmpint (json_object_get_int_member (cookie, "decline_days"), ==, 182);

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
  g_assert_nonnull (strstr (banner, "<samtykke-banner id=\"samtykke\" lang=\"da\" dir=\"ltr\" "
                                    "src=\"policy.json\">"));
  g_assert_nonnull (strstr (banner, "<a href=\"cookie-policy.da.html\">"));
  g_assert_nonnull (strstr (banner, "<button type=\"button\" data-stk=\"all\">Accepter alle"));
  g_assert_nonnull (strstr (banner, "<button type=\"button\" data-stk=\"none\">Afvis alle"));
  g_assert_nonnull (strstr (banner, "<button type=\"button\" data-stk=\"set\">Indstillinger"));
}

/* The JSON block of a banner fragment, parsed. */
static JsonObject *
inline_policy (GBytes     *banner_bytes,
               JsonParser *parser)
{
  static const char marker[] = "<script type=\"application/json\" id=\"samtykke-policy\">";
  g_autofree char *banner = bytes_to_string (banner_bytes);
  const char *start = strstr (banner, marker);
  const char *end;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (start);
  start += strlen (marker);
  end = strstr (start, "</script>");
  g_assert_nonnull (end);
  json_parser_load_from_data (parser, start, end - start, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
category_at (JsonObject *root,
             guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, "categories"), index);
}

/* The regular expression and the paths that withdrawing a category applies to one kind. */
static char *
removal (JsonObject *category,
         const char *kind)
{
  JsonObject *remove = json_object_get_object_member (category, "remove");
  JsonArray *entry;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!json_object_has_member (remove, kind))
    return NULL;
  entry = json_object_get_array_member (remove, kind);
  for (guint i = 0; i < json_array_get_length (entry); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", json_array_get_string_element (entry, i));

  return g_strdup (out->str);
}

/* The fragment carries what a page view needs, and policy.json everything: both have the
 * categories with what withdrawal deletes, and the embeds. */
static void
test_inline_form (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GBytes) banner = stk_export_banner_html (policy);
  g_autoptr(JsonParser) inline_parser = json_parser_new ();
  g_autoptr(JsonParser) full_parser = json_parser_new ();
  JsonObject *small = inline_policy (banner, inline_parser);
  JsonObject *full = runtime (policy, full_parser);
  JsonObject *texts, *embed;
  g_autofree char *functional_cookies = NULL;
  g_autofree char *functional_local = NULL;
  g_autofree char *functional_session = NULL;
  g_autofree char *statistical_cookies = NULL;
  g_autofree char *statistical_local = NULL;

  g_assert_cmpint (json_object_get_int_member (small, "version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (full, "version"), ==, 2);

  /* The providers and their cookies only in policy.json. */
  g_assert_false (json_object_has_member (small, "providers"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (full, "providers")), ==,
                    5);

  /* The banner's and the settings' texts inline, the declaration page's only in policy.json. */
  texts = json_object_get_object_member (small, "texts");
  g_assert_cmpstr (localized (texts, "banner_title", "en"), ==, "We use cookies");
  g_assert_cmpstr (localized (texts, "show_details", "da"), ==, "Vis leverandører og cookies");
  g_assert_cmpstr (localized (texts, "withdraw_consent", "en"), ==, "Withdraw your consent");
  g_assert_false (json_object_has_member (texts, "col_name"));
  g_assert_false (json_object_has_member (texts, "unit_days"));
  g_assert_true (json_object_has_member (json_object_get_object_member (full, "texts"),
                                         "col_name"));

  /* Withdrawal: names and patterns by kind; a required category has nothing to delete, and
   * the third-party cookies (not deleted on withdrawal) are left out. */
  g_assert_false (json_object_has_member (category_at (small, 0), "remove"));
  functional_cookies = removal (category_at (small, 1), "cookie");
  functional_local = removal (category_at (small, 1), "localStorage");
  functional_session = removal (category_at (small, 1), "sessionStorage");
  statistical_cookies = removal (category_at (small, 2), "cookie");
  statistical_local = removal (category_at (small, 2), "localStorage");
  g_assert_cmpstr (functional_cookies, ==, "^(?:VISITOR_INFO1_LIVE|YSC|linkbot_session)$ /");
  g_assert_cmpstr (functional_local, ==, "^(?:yt\\-remote\\-.*)$");
  g_assert_cmpstr (functional_session, ==, "^(?:linkbot_state)$");
  g_assert_cmpstr (statistical_cookies, ==, "^(?:nmstat|siteimproveses|_ui_.*)$ /");
  g_assert_null (statistical_local);
  g_assert_true (json_node_equal (json_object_get_member (category_at (small, 1), "remove"),
                                  json_object_get_member (category_at (full, 1), "remove")));

  /* An embed brings what its placeholder shows. */
  embed = json_array_get_object_element (json_object_get_array_member (small, "embeds"), 0);
  g_assert_cmpstr (json_object_get_string_member (embed, "id"), ==, "youtube-video");
  g_assert_cmpstr (json_object_get_string_member (embed, "category"), ==, "functional");
  g_assert_cmpstr (json_object_get_string_member (embed, "provider"), ==,
                   "Google Ireland Limited (YouTube)");
  g_assert_cmpstr (localized (embed, "placeholder", "en"), ==,
                   "The video is shown from YouTube, which sets cookies when you play it. "
                   "Accept functional cookies to watch it.");
  g_assert_true (g_str_has_prefix (localized (embed, "purpose", "da"), "Viser videoer fra YouTube"));
}

/* Names become exact regular expressions whatever they hold; each name once; each cookie path
 * of the category is tried, "/" first. */
static void
test_removal_names (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkProvider *siteimprove = stk_policy_find_provider (policy, "siteimprove");
  StkList *cookies;
  const struct
  {
    const char *name;
    gboolean    pattern;
    StkKind     kind;
    const char *path;
    gboolean    delete;
  } added[] = {
    { "a.b(c)|d*[e]^$", FALSE, STK_KIND_COOKIE, "/shop", TRUE },
    { "x+*?y", TRUE, STK_KIND_COOKIE, "/", TRUE },
    { "nmstat", FALSE, STK_KIND_COOKIE, "/", TRUE },           /* already listed */
    { "æøå \\/", FALSE, STK_KIND_LOCAL_STORAGE, "", TRUE },
    { "kept", FALSE, STK_KIND_COOKIE, "/kept", FALSE },        /* not deleted on withdrawal */
    { "db", FALSE, STK_KIND_INDEXEDDB, "", TRUE },             /* out of the page's reach */
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) banner = NULL;
  JsonObject *root;
  g_autofree char *cookie_removal = NULL;
  g_autofree char *local_removal = NULL;

  g_assert_nonnull (siteimprove);
  cookies = stk_provider_get_cookies (siteimprove);
  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autoptr(StkCookie) cookie = stk_cookie_new ();

      stk_cookie_set_name (cookie, added[i].name);
      stk_cookie_set_pattern (cookie, added[i].pattern);
      stk_cookie_set_kind (cookie, added[i].kind);
      stk_cookie_set_path (cookie, added[i].path);
      stk_cookie_set_delete_on_withdraw (cookie, added[i].delete);
      stk_list_append (cookies, cookie);
    }

  banner = stk_export_banner_html (policy);
  root = inline_policy (banner, parser);
  cookie_removal = removal (category_at (root, 2), "cookie");
  local_removal = removal (category_at (root, 2), "localStorage");
  g_assert_cmpstr (cookie_removal, ==,
                   "^(?:nmstat|siteimproveses|a\\.b\\(c\\)\\|d\\*\\[e\\]\\^\\$|x\\+.*\\?y|_ui_.*)$ "
                   "/ /shop");
  g_assert_cmpstr (local_removal, ==, "^(?:æøå \\\\\\/)$");
  g_assert_false (json_object_has_member (json_object_get_object_member (category_at (root, 2),
                                                                         "remove"),
                                          "indexeddb"));
}

/* Where the export is published: the fragment names policy.json and the pages there. */
static void
test_site_path (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  const struct
  {
    const char *given;
    const char *normalized;
  } cases[] = {
    { NULL, "" }, { "", "" }, { "/", "/" }, { "/cookies", "/cookies/" },
    { "/a/b/", "/a/b/" }, { "/k%C3%B8b/", "/k%C3%B8b/" },
    { "cookies/", NULL }, { "//cdn.example/", NULL }, { "/\\x/", NULL },
    { "https://kk.dk/", NULL }, { "/a b/", NULL }, { "/a\"b/", NULL }, { "/a?x", NULL },
    { "/a#x", NULL }, { "/a<b", NULL }, { "/a\tb", NULL },
  };
  g_autoptr(GBytes) banner_bytes = NULL;
  g_autofree char *banner = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page_html = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) case_error = NULL;
      g_autofree char *normalized = stk_export_site_path_normalize (cases[i].given, &case_error);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      if (cases[i].normalized == NULL)
        {
          g_assert_error (case_error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
          g_assert_nonnull (strstr (case_error->message, cases[i].given));
        }
      else
        g_assert_no_error (case_error);
    }

  banner_bytes = stk_export_banner_html_at (policy, "/cookies/");
  banner = bytes_to_string (banner_bytes);
  g_assert_nonnull (strstr (banner, "<samtykke-banner id=\"samtykke\" lang=\"da\" dir=\"ltr\" "
                                    "src=\"/cookies/policy.json\">"));
  g_assert_nonnull (strstr (banner, "<a href=\"/cookies/cookie-policy.da.html\">"));

  files = stk_export_render_at (policy, STK_EXPORT_ALL, "/cookies", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (g_hash_table_lookup (files, "banner.html"), banner_bytes));
  /* The declaration page stands beside policy.json wherever that is. */
  page_html = bytes_to_string (g_hash_table_lookup (files, "cookie-policy.da.html"));
  g_assert_nonnull (strstr (page_html, "src=\"policy.json\">"));
  g_clear_pointer (&files, g_hash_table_unref);

  files = stk_export_render_at (policy, STK_EXPORT_ALL, "cookies/", &error);
  g_assert_null (files);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
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

/* The stylesheet an export writes, as text. */
static char *
stylesheet (StkPolicy *policy)
{
  g_autoptr(GBytes) bytes = stk_export_stylesheet (policy);

  return bytes_to_string (bytes);
}

/* What the exporter writes after samtykke.css for the policy's look; NULL when the stylesheet
 * is not samtykke.css followed by something. */
static char *
look_of (StkPolicy *policy)
{
  g_autoptr(GBytes) asset = stk_export_asset ("samtykke.css");
  g_autofree char *base = bytes_to_string (asset);
  g_autofree char *css = stylesheet (policy);

  g_assert_true (g_str_has_prefix (css, base));
  return g_strdup (css + strlen (base));
}

/* The policy's colours become the component's custom properties, as #rrggbb, for light and in
 * a dark media query; corners and font follow; today's look adds nothing at all. */
static void
test_look_stylesheet (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  g_autofree char *look = look_of (policy);
  g_autofree char *banner = NULL;
  g_autofree char *html = NULL;
  g_autofree char *css = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (look, ==, "");

  stk_appearance_set_radius (appearance, 12);
  g_clear_pointer (&look, g_free);
  look = look_of (policy);
  g_assert_cmpstr (look, ==, "samtykke-banner,.stk{--r:12px}");

  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_ACCENT, "rgb(46 107 209)");
  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_BACKGROUND, "#000");
  stk_appearance_set_font (appearance, "'KBH Tekst', Georgia, serif");
  g_clear_pointer (&look, g_free);
  look = look_of (policy);
  g_assert_cmpstr (look, ==,
                   "samtykke-banner,.stk{--b:#ffffff;--f:#1a1a1a;--a:#2e6bd1;--t:#ffffff;"
                   "--k:#0b5394;--l:#767676;--r:12px}"
                   "@media (prefers-color-scheme:dark){samtykke-banner,.stk{--b:#000000;"
                   "--f:#f0f0f0;--a:#8ab4f8;--t:#1e1e1e;--k:#8ab4f8;--l:#a0a0a0}}"
                   "samtykke-banner,.stk-s,.stk-o{font-family:'KBH Tekst', Georgia, serif}");

  /* The same text in every file that carries the stylesheet. */
  files = stk_export_render (policy, STK_EXPORT_ALL, &error);
  g_assert_no_error (error);
  css = bytes_to_string (g_hash_table_lookup (files, "samtykke.css"));
  banner = bytes_to_string (g_hash_table_lookup (files, "banner.html"));
  html = bytes_to_string (g_hash_table_lookup (files, "cookie-policy.en.html"));
  g_assert_true (g_str_has_suffix (css, look));
  g_assert_nonnull (strstr (banner, look));
  g_assert_nonnull (strstr (html, look));

  /* A font list that could end the rule never reaches the stylesheet. */
  stk_appearance_set_font (appearance, "x}body{display:none");
  g_clear_pointer (&look, g_free);
  look = look_of (policy);
  g_assert_null (strstr (look, "font-family"));
  g_assert_null (strstr (look, "display"));
}

/* The content a Content-Security-Policy hash must cover: the inline stylesheet with the look. */
static void
test_look_csp (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autofree char *css = NULL;
  g_autofree char *banner = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *base64 = NULL;

  stk_appearance_set_color (stk_policy_get_appearance (policy), STK_SCHEME_LIGHT,
                            STK_COLOR_LINK, "#00f");
  css = stylesheet (policy);
  bytes = stk_export_banner_html (policy);
  banner = bytes_to_string (bytes);
  expected = g_strdup_printf ("<style>%s</style>", css);
  g_assert_nonnull (strstr (banner, expected));

  g_checksum_update (checksum, (const guchar *) css, strlen (css));
  g_checksum_get_digest (checksum, digest, &length);
  base64 = g_base64_encode (digest, length);
  g_free (expected);
  expected = g_strdup_printf ("style-src 'sha256-%s'", base64);
  g_assert_nonnull (strstr (banner, expected));
}

/* The layout is a class on the banner; a declaration page never has the centred card. */
static void
test_look_layout (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  static const struct {
    StkLayout layout;
    StkSide side;
    const char *banner;
    const char *page;
  } cases[] = {
    { STK_LAYOUT_BAR, STK_SIDE_RIGHT, "<samtykke-banner id=\"samtykke\" lang=",
      "<samtykke-banner id=\"samtykke\" lang=" },
    { STK_LAYOUT_BOX, STK_SIDE_LEFT, "<samtykke-banner id=\"samtykke\" class=\"stk-box\" lang=",
      "<samtykke-banner id=\"samtykke\" class=\"stk-box\" lang=" },
    { STK_LAYOUT_BOX, STK_SIDE_RIGHT,
      "<samtykke-banner id=\"samtykke\" class=\"stk-box stk-r\" lang=",
      "<samtykke-banner id=\"samtykke\" class=\"stk-box stk-r\" lang=" },
    { STK_LAYOUT_CENTRED, STK_SIDE_RIGHT,
      "<samtykke-banner id=\"samtykke\" class=\"stk-mid\" lang=",
      "<samtykke-banner id=\"samtykke\" lang=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *banner = NULL;
      g_autofree char *html = NULL;

      stk_appearance_set_layout (appearance, cases[i].layout);
      stk_appearance_set_position (appearance, cases[i].side);
      bytes = stk_export_banner_html (policy);
      banner = bytes_to_string (bytes);
      html = page (policy, "da");
      g_assert_nonnull (strstr (banner, cases[i].banner));
      g_assert_nonnull (strstr (html, cases[i].page));
    }
}

/* The reopen button stands after the banner, hidden until the component shows it. */
static void
test_reopen_button (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *banner = NULL;
  g_autofree char *html = NULL;

  g_assert_true (stk_appearance_get_reopen (appearance));
  stk_text_set (stk_policy_get_text (policy, "reopen_button"), "da", "Cookies & <valg>");
  bytes = stk_export_banner_html (policy);
  banner = bytes_to_string (bytes);
  g_assert_nonnull (strstr (banner, "</samtykke-banner>\n<button type=\"button\" "
                                    "class=\"stk stk-o\" data-samtykke-settings hidden>"
                                    "Cookies &amp; &lt;valg&gt;</button>\n<script>"));

  stk_appearance_set_reopen_position (appearance, STK_SIDE_RIGHT);
  html = page (policy, "en");
  g_assert_nonnull (strstr (html, "<button type=\"button\" class=\"stk stk-o stk-r\" "
                                  "data-samtykke-settings hidden>Cookie settings</button>"));

  stk_appearance_set_reopen (appearance, FALSE);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_free (banner);
  bytes = stk_export_banner_html (policy);
  banner = bytes_to_string (bytes);
  g_assert_null (strstr (banner, "class=\"stk stk-o"));
}

/* The declaration pages say when the site was last checked against the policy, once it has
 * been, and only in a language that has the label. */
static void
test_checked_date (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *before = page (policy, "da");
  g_autofree char *da = NULL;
  g_autofree char *en = NULL;

  g_assert_true (stk_policy_get_checked (policy) == NULL
                 || *stk_policy_get_checked (policy) == '\0');
  g_assert_null (strstr (before, "Sidst kontrolleret"));

  stk_policy_set_checked (policy, "2026-11-28");
  da = page (policy, "da");
  g_assert_nonnull (strstr (da, " · Sidst kontrolleret på sitet <time datetime=\"2026-11-28\">"
                                "2026-11-28</time></p>"));

  /* Without the English label, the English page leaves the date out, and validation says the
   * label is missing. */
  stk_text_set (stk_policy_get_text (policy, "checked_label"), "en", "");
  en = page (policy, "en");
  g_assert_null (strstr (en, "2026-11-28"));
  findings = stk_policy_validate (policy);
  {
    gboolean reported = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

        if (g_str_has_prefix (stk_finding_get_path (finding), "texts.checked_label"))
          reported = TRUE;
      }
    g_assert_true (reported);
  }
}

/* The runtime form says whether Global Privacy Control answers the banner. */
static void
test_runtime_gpc (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) refusing_parser = json_parser_new ();
  JsonObject *root = runtime (policy, parser);

  g_assert_true (json_object_get_boolean_member (root, "gpc"));

  /* One optional category that ignores it, and the banner asks as before. */
  stk_category_set_gpc (stk_policy_find_category (policy, "statistical"), FALSE);
  root = runtime (policy, refusing_parser);
  g_assert_false (json_object_get_boolean_member (root, "gpc"));
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
  g_test_add_func ("/export-web/inline-form", test_inline_form);
  g_test_add_func ("/export-web/removal-names", test_removal_names);
  g_test_add_func ("/export-web/site-path", test_site_path);
  g_test_add_func ("/export-web/empty-policy", test_empty_policy);
  g_test_add_func ("/export-web/look/stylesheet", test_look_stylesheet);
  g_test_add_func ("/export-web/look/csp", test_look_csp);
  g_test_add_func ("/export-web/look/layout", test_look_layout);
  g_test_add_func ("/export-web/reopen-button", test_reopen_button);
  g_test_add_func ("/export-web/runtime-gpc", test_runtime_gpc);
  g_test_add_func ("/export-web/checked-date", test_checked_date);

  return g_test_run ();
}
