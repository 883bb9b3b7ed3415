/* test-rules.c — the shared rules, and that validation and the exported pages follow them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core.h"

/* The committed table of addresses that may and may not become links, which the web
 * component's rule is tested against too. */
static JsonArray *
url_cases (JsonParser **parser)
{
  const char *source_dir = g_getenv ("SAMTYKKE_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_nonnull (source_dir);
  path = g_build_filename (source_dir, "tests", "rules", "url-cases.json", NULL);
  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (*parser));
  return json_object_get_array_member (root, "cases");
}

static StkPolicy *
example (void)
{
  const char *source_dir = g_getenv ("SAMTYKKE_SOURCE_DIR");
  g_autofree char *path = g_build_filename (source_dir, "data", "examples", "copenhagen.json",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_file (file, &error);

  g_assert_no_error (error);
  return policy;
}

static void
test_url_cases (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *cases = url_cases (&parser);
  guint n = json_array_get_length (cases);
  guint safe = 0;

  g_assert_cmpuint (n, >=, 40);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      const char *url = json_object_get_string_member (item, "url");
      gboolean expected = json_object_get_boolean_member (item, "safe");
      StkUrlProblem problem = stk_url_check (url);

      g_test_message ("case %u: “%s” (%s): %d", i, url, expected ? "link" : "no link", problem);
      g_assert_cmpint (stk_url_is_link (url), ==, expected);
      g_assert_cmpint (problem == STK_URL_OK, ==, expected);
      safe += expected;
    }

  /* Both answers occur. */
  g_assert_cmpuint (safe, >, 0);
  g_assert_cmpuint (safe, <, n);
}

/* Validation reports exactly the addresses that may not be links, and the declaration page
 * links exactly those that may. */
static void
test_url_cases_followed (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *cases = url_cases (&parser);
  g_autoptr(StkPolicy) policy = example ();
  StkProvider *provider = stk_policy_find_provider (policy, "siteimprove");
  StkText *website;
  guint position = 0;
  g_autofree char *path = NULL;

  g_assert_nonnull (provider);
  g_assert_true (stk_list_find (stk_policy_get_providers (policy), provider, &position));
  path = g_strdup_printf ("providers[%u].website", position);
  website = stk_provider_get_website (provider);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      const char *url = json_object_get_string_member (item, "url");
      gboolean expected = json_object_get_boolean_member (item, "safe");
      g_autoptr(GListModel) findings = NULL;
      g_autoptr(GBytes) page = NULL;
      g_autoptr(GString) escaped = g_string_new ("<a href=\"");
      gboolean reported = FALSE;

      /* An empty address is no link, and no finding either: the field is simply not filled
       * in (a missing privacy policy has a rule of its own). */
      if (*url == '\0')
        continue;

      g_test_message ("case %u: “%s”", i, url);
      stk_text_set (website, STK_TEXT_ANY_LANGUAGE, url);

      findings = stk_policy_validate (policy);
      for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
        {
          g_autoptr(StkFinding) finding = g_list_model_get_item (findings, f);
          const char *rule = stk_finding_get_rule (finding);

          if (g_str_equal (stk_finding_get_path (finding), path) &&
              (g_str_equal (rule, "invalid-url") || g_str_equal (rule, "url-scheme")))
            reported = TRUE;
        }
      g_assert_cmpint (reported, ==, !expected);

      page = stk_export_page_html (policy, "da");
      for (const char *p = url; *p != '\0'; p++)
        {
          if (*p == '&')
            g_string_append (escaped, "&amp;");
          else if (*p == '"')
            g_string_append (escaped, "&quot;");
          else if (*p == '<')
            g_string_append (escaped, "&lt;");
          else if (*p == '>')
            g_string_append (escaped, "&gt;");
          else if (*p == '\'')
            g_string_append (escaped, "&#39;");
          else
            g_string_append_c (escaped, *p);
        }
      g_string_append (escaped, "\">");
      g_assert_cmpint (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page),
                                     escaped->str) != NULL, ==, expected);
    }
}

static void
test_url_problems (void)
{
  static const struct
  {
    const char    *url;
    StkUrlProblem  problem;
  } cases[] = {
    { NULL, STK_URL_EMPTY },
    { "", STK_URL_EMPTY },
    { "https://example.com/a b", STK_URL_FORBIDDEN_CHARACTERS },
    { "javascript:alert(\"x\")", STK_URL_FORBIDDEN_CHARACTERS },
    { "https://example.com/\x01", STK_URL_FORBIDDEN_CHARACTERS },
    { "www.kk.dk", STK_URL_NO_SCHEME },
    { "//evil.example/", STK_URL_NO_SCHEME },
    { "1https://x/", STK_URL_NO_SCHEME },
    { "javascript:alert(1)", STK_URL_BAD_SCHEME },
    { "file:///etc/passwd", STK_URL_BAD_SCHEME },
    { "https+x://example.com/", STK_URL_BAD_SCHEME },
    { "https://", STK_URL_NO_HOST },
    { "https:example.com", STK_URL_NO_HOST },
    { "https://example.com:abc/", STK_URL_NO_HOST },
    { "https://example.com/%zz", STK_URL_NO_HOST },
    { "https://%20/", STK_URL_NO_HOST },
    { "mailto:", STK_URL_NO_ADDRESS },
    { "mailto:nobody", STK_URL_NO_ADDRESS },
    { "mailto:a@kk.dk,nobody", STK_URL_NO_ADDRESS },
    { "mailto:a@kk.dk,b@kk.dk", STK_URL_OK },
    { "mailto:a@kk.dk#x", STK_URL_OK },
    { "Http://example.com", STK_URL_OK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("url: “%s”", cases[i].url != NULL ? cases[i].url : "(null)");
      g_assert_cmpint (stk_url_check (cases[i].url), ==, cases[i].problem);
    }
}

static void
test_endpoint (void)
{
  static const struct
  {
    const char         *endpoint;
    StkEndpointProblem  problem;
  } cases[] = {
    { NULL, STK_ENDPOINT_EMPTY },
    { "", STK_ENDPOINT_EMPTY },
    { "/", STK_ENDPOINT_OK },
    { "/api/consent", STK_ENDPOINT_OK },
    { "https://kk.dk/api/consent", STK_ENDPOINT_OK },
    { "HTTPS://log.kk.dk/x", STK_ENDPOINT_OK },
    { "https://collector.example.com/log", STK_ENDPOINT_OK },
    { "http://kk.dk/api/consent", STK_ENDPOINT_NOT_SITE },
    { "mailto:log@kk.dk", STK_ENDPOINT_NOT_SITE },
    { "javascript:alert(1)", STK_ENDPOINT_NOT_SITE },
    { "api/consent", STK_ENDPOINT_NOT_SITE },
    { "//evil.example/log", STK_ENDPOINT_NOT_SITE },
    { "/\\evil.example/log", STK_ENDPOINT_NOT_SITE },
    { "/api/con sent", STK_ENDPOINT_FORBIDDEN_CHARACTERS },
    { "/api/\"x", STK_ENDPOINT_FORBIDDEN_CHARACTERS },
    { "https://kk.dk/a b", STK_ENDPOINT_FORBIDDEN_CHARACTERS },
    { "https://", STK_ENDPOINT_NO_HOST },
    { "https:///log", STK_ENDPOINT_NO_HOST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("endpoint: “%s”", cases[i].endpoint != NULL ? cases[i].endpoint : "(null)");
      g_assert_cmpint (stk_endpoint_check (cases[i].endpoint), ==, cases[i].problem);
    }
}

static void
test_dates (void)
{
  static const struct
  {
    const char     *date;
    StkDateProblem  problem;
  } cases[] = {
    { "2026-11-01", STK_DATE_OK },
    { "2028-02-29", STK_DATE_OK },
    { "2000-02-29", STK_DATE_OK },
    { "2026-04-30", STK_DATE_OK },
    { "0001-01-01", STK_DATE_OK },
    { "9999-12-31", STK_DATE_OK },
    { NULL, STK_DATE_EMPTY },
    { "", STK_DATE_EMPTY },
    { "2026-02-29", STK_DATE_NO_SUCH_DAY },
    { "1900-02-29", STK_DATE_NO_SUCH_DAY },
    { "2026-13-01", STK_DATE_NO_SUCH_DAY },
    { "2026-00-10", STK_DATE_NO_SUCH_DAY },
    { "2026-04-31", STK_DATE_NO_SUCH_DAY },
    { "2026-11-00", STK_DATE_NO_SUCH_DAY },
    { "0000-01-01", STK_DATE_NO_SUCH_DAY },
    { "2026-1-01", STK_DATE_BAD_FORM },
    { "2026-11-1", STK_DATE_BAD_FORM },
    { "26-11-01", STK_DATE_BAD_FORM },
    { "2026/11/01", STK_DATE_BAD_FORM },
    { "2026-11-01x", STK_DATE_BAD_FORM },
    { "2026-11-01 ", STK_DATE_BAD_FORM },
    { " 2026-11-01", STK_DATE_BAD_FORM },
    { "2026-11-01T00:00", STK_DATE_BAD_FORM },
    { "2026-+1-01", STK_DATE_BAD_FORM },
    { "2026- 1-01", STK_DATE_BAD_FORM },
    { "+026-11-01", STK_DATE_BAD_FORM },
    { "20261101", STK_DATE_BAD_FORM },
    { "today", STK_DATE_BAD_FORM },
    { "\xef\xbc\x92" "026-11-01", STK_DATE_BAD_FORM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("date: “%s”", cases[i].date != NULL ? cases[i].date : "(null)");
      g_assert_cmpint (stk_date_check (cases[i].date), ==, cases[i].problem);
    }
}

static void
test_emails (void)
{
  static const struct
  {
    const char      *address;
    StkEmailProblem  problem;
  } cases[] = {
    { "dpo@kk.dk", STK_EMAIL_OK },
    { "kontakt@kk.dk", STK_EMAIL_OK },
    { "first.last+cookies@sub.example.com", STK_EMAIL_OK },
    { "æble@kk.dk", STK_EMAIL_OK },
    { NULL, STK_EMAIL_EMPTY },
    { "", STK_EMAIL_EMPTY },
    { "nobody", STK_EMAIL_NOT_ADDRESS },
    { "@kk.dk", STK_EMAIL_NOT_ADDRESS },
    { "dpo@", STK_EMAIL_NOT_ADDRESS },
    { "a@b@kk.dk", STK_EMAIL_NOT_ADDRESS },
    { "a b@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "dpo@kk.dk ", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "dpo@kk.dk\n", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "a\t@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "a<b@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "\"a\"@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "a,b@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "a?b@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
    { "a#b@kk.dk", STK_EMAIL_FORBIDDEN_CHARACTERS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *address = cases[i].address;
      g_autofree char *mailto = g_strconcat ("mailto:", address, NULL);

      g_test_message ("e-mail: “%s”", address != NULL ? address : "(null)");
      g_assert_cmpint (stk_email_check (address), ==, cases[i].problem);
      g_assert_cmpint (stk_email_is_valid (address), ==, cases[i].problem == STK_EMAIL_OK);

      /* An address is valid exactly when mailto: and it may be a link. */
      if (address != NULL)
        g_assert_cmpint (stk_url_is_link (mailto), ==, cases[i].problem == STK_EMAIL_OK);
    }
}

static void
test_languages (void)
{
  static const struct
  {
    const char         *code;
    StkLanguageProblem  problem;
  } cases[] = {
    { "da", STK_LANGUAGE_OK },
    { "en", STK_LANGUAGE_OK },
    { "kl", STK_LANGUAGE_OK },
    { "fil", STK_LANGUAGE_OK },
    { "pt-BR", STK_LANGUAGE_OK },
    { "zh-Hant", STK_LANGUAGE_OK },
    { "zh-Hant-TW", STK_LANGUAGE_OK },
    { "en-GB-oxendict", STK_LANGUAGE_OK },
    { "es-419", STK_LANGUAGE_OK },
    { "de-1", STK_LANGUAGE_OK },
    { NULL, STK_LANGUAGE_EMPTY },
    { "", STK_LANGUAGE_EMPTY },
    { "EN", STK_LANGUAGE_BAD_LANGUAGE },
    { "En", STK_LANGUAGE_BAD_LANGUAGE },
    { "english", STK_LANGUAGE_BAD_LANGUAGE },
    { "d", STK_LANGUAGE_BAD_LANGUAGE },
    { "da_DK", STK_LANGUAGE_BAD_LANGUAGE },
    { "-da", STK_LANGUAGE_BAD_LANGUAGE },
    { " da", STK_LANGUAGE_BAD_LANGUAGE },
    { "da ", STK_LANGUAGE_BAD_LANGUAGE },
    { "  ", STK_LANGUAGE_BAD_LANGUAGE },
    { "dæ", STK_LANGUAGE_BAD_LANGUAGE },
    { "da-", STK_LANGUAGE_BAD_SUBTAG },
    { "da--DK", STK_LANGUAGE_BAD_SUBTAG },
    { "da-DK-", STK_LANGUAGE_BAD_SUBTAG },
    { "da-toolongsub", STK_LANGUAGE_BAD_SUBTAG },
    { "da-DK!", STK_LANGUAGE_BAD_SUBTAG },
    { "da-D_K", STK_LANGUAGE_BAD_SUBTAG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("language: “%s”", cases[i].code != NULL ? cases[i].code : "(null)");
      g_assert_cmpint (stk_language_check (cases[i].code), ==, cases[i].problem);
    }
}

static void
test_cookie_names (void)
{
  static const struct
  {
    const char           *name;
    StkCookieNameProblem  problem;
  } cases[] = {
    { "samtykke", STK_COOKIE_NAME_OK },
    { "kk_consent-v2", STK_COOKIE_NAME_OK },
    { "_ga_*", STK_COOKIE_NAME_OK },
    { "__Host-id", STK_COOKIE_NAME_OK },
    { "a!#$%&'*+.^`|~", STK_COOKIE_NAME_OK },
    { NULL, STK_COOKIE_NAME_EMPTY },
    { "", STK_COOKIE_NAME_EMPTY },
    { "  \t", STK_COOKIE_NAME_EMPTY },
    { "my consent", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { " samtykke", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a=b", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a;b", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a,b", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a\"b", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a/b", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a{b}", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a\x7f", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "a\x01", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
    { "samtykke-æ", STK_COOKIE_NAME_FORBIDDEN_CHARACTERS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cookie name: “%s”", cases[i].name != NULL ? cases[i].name : "(null)");
      g_assert_cmpint (stk_cookie_name_check (cases[i].name), ==, cases[i].problem);
    }
}

static void
test_cookie_patterns (void)
{
  static const struct
  {
    const char *name;
    gboolean    pattern;
    const char *candidate;
    gboolean    matches;
  } cases[] = {
    { "_ga", FALSE, "_ga", TRUE },
    { "_ga", FALSE, "_gat", FALSE },
    { "_ga", FALSE, "_GA", FALSE },
    { "_ga_*", FALSE, "_ga_X1Y2", FALSE },
    { "_ga_*", FALSE, "_ga_*", TRUE },
    { "_ga_*", TRUE, "_ga_", TRUE },
    { "_ga_*", TRUE, "_ga_X1Y2", TRUE },
    { "_ga_*", TRUE, "_gat", FALSE },
    { "_ga_*", TRUE, "x_ga_1", FALSE },
    { "_ga_*", TRUE, "_GA_1", FALSE },
    { "*", TRUE, "", TRUE },
    { "*", TRUE, "anything", TRUE },
    { "", TRUE, "", TRUE },
    { "", TRUE, "x", FALSE },
    { "**", TRUE, "x", TRUE },
    { "a*b*c", TRUE, "abc", TRUE },
    { "a*b*c", TRUE, "aXbYc", TRUE },
    { "a*b*c", TRUE, "aXbY", FALSE },
    { "a*b", TRUE, "abab", TRUE },
    { "a*b", TRUE, "abba", FALSE },
    { "a**b", TRUE, "ab", TRUE },
    { "*_hj*Session*", TRUE, "x_hjSessionUser_123", TRUE },
    { "*_hj*Session*", TRUE, "x_hjSesion", FALSE },
    { "a.b", TRUE, "aXb", FALSE },
    { "a.b", TRUE, "a.b", TRUE },
    { "a?", TRUE, "ab", FALSE },
    { "a[bc]", TRUE, "ab", FALSE },
    { "a[bc]", TRUE, "a[bc]", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”%s against “%s”", cases[i].name,
                      cases[i].pattern ? " (pattern)" : "", cases[i].candidate);
      g_assert_cmpint (stk_cookie_name_matches (cases[i].name, cases[i].pattern,
                                                cases[i].candidate), ==, cases[i].matches);
    }

  /* Many stars against a long name that almost matches: quick, not exponential. */
  {
    g_autofree char *stars = g_strnfill (200, '*');
    g_autofree char *name = g_strconcat ("a", stars, "b", NULL);
    g_autofree char *candidate = g_strnfill (100000, 'a');

    g_assert_false (stk_cookie_name_matches (name, TRUE, candidate));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/url/cases", test_url_cases);
  g_test_add_func ("/rules/url/cases-followed", test_url_cases_followed);
  g_test_add_func ("/rules/url/problems", test_url_problems);
  g_test_add_func ("/rules/endpoint", test_endpoint);
  g_test_add_func ("/rules/date", test_dates);
  g_test_add_func ("/rules/email", test_emails);
  g_test_add_func ("/rules/language", test_languages);
  g_test_add_func ("/rules/cookie-name", test_cookie_names);
  g_test_add_func ("/rules/cookie-pattern", test_cookie_patterns);

  return g_test_run ();
}
