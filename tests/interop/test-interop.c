/* test-interop.c — other banners' configurations and spreadsheets: export, import, round trips
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The configurations written as JavaScript are run by the built samtykke-import-js, which
 * $SAMTYKKE_IMPORT_JS names. The files under configs/ and csv/ are the test's inputs.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "stk-core.h"

static char *
data_path (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, folder, name, NULL);
}

static GBytes *
read_data (const char *folder,
           const char *name)
{
  g_autofree char *path = data_path (folder, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static StkPolicy *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "data",
                                            "examples", "copenhagen.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_file (file, &error);

  g_assert_no_error (error);
  return policy;
}

static char *
render (StkPolicy        *policy,
        StkInteropFormat  format,
        StkInteropReport *notes)
{
  StkInteropOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = stk_interop_render (policy, format, &options, notes, &error);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  return g_strndup (data, length);
}

static StkConfigImport *
import_bytes (GBytes      *bytes,
              const char  *name,
              guint        time_limit,
              guint        memory_limit,
              GError     **error)
{
  g_autoptr(StkConfigImporter) importer = stk_config_importer_new ();

  if (time_limit > 0)
    stk_config_importer_set_time_limit (importer, time_limit);
  if (memory_limit > 0)
    stk_config_importer_set_memory_limit (importer, memory_limit);
  return stk_config_importer_read (importer, bytes, name, NULL, error);
}

static StkConfigImport *
import_text (const char *text,
             const char *name,
             GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return import_bytes (bytes, name, 0, 0, error);
}

static StkConfigImport *
import_file (const char *name,
             GError    **error)
{
  g_autoptr(GBytes) bytes = read_data ("configs", name);

  return import_bytes (bytes, name, 0, 0, error);
}

static gboolean
report_mentions (StkInteropReport *report,
                 const char       *needle)
{
  g_autofree char *text = stk_interop_report_to_string (report);

  return strstr (text, needle) != NULL;
}

static StkCategory *
find_category (StkPolicy  *policy,
               const char *id)
{
  StkList *categories = stk_policy_get_categories (policy);

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    if (g_str_equal (stk_category_get_id (stk_list_peek (categories, i)), id))
      return stk_list_peek (categories, i);
  return NULL;
}

static StkProvider *
find_provider (StkPolicy  *policy,
               const char *name)
{
  StkList *providers = stk_policy_get_providers (policy);

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    if (g_str_equal (stk_provider_get_name (stk_list_peek (providers, i)), name))
      return stk_list_peek (providers, i);
  return NULL;
}

static StkCookie *
find_cookie (StkPolicy  *policy,
             const char *name)
{
  StkList *providers = stk_policy_get_providers (policy);

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkList *cookies = stk_provider_get_cookies (stk_list_peek (providers, i));

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        if (g_str_equal (stk_cookie_get_name (stk_list_peek (cookies, j)), name))
          return stk_list_peek (cookies, j);
    }
  return NULL;
}

static void
assert_text_equal (StkText    *expected,
                   StkText    *actual,
                   const char *what)
{
  const char *langs[] = { "da", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      const char *want = stk_text_get (expected, langs[i]);
      const char *got = stk_text_get (actual, langs[i]);

      if (g_strcmp0 (want, got) != 0)
        g_error ("%s (%s): expected “%s”, got “%s”", what, langs[i], want, got);
    }
}

/* Exporting */

static void
test_export_vcc (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkInteropReport) notes = stk_interop_report_new ("copenhagen.json");
  g_autofree char *js = render (policy, STK_INTEROP_VANILLA_COOKIECONSENT, notes);

  g_assert_nonnull (strstr (js, "CookieConsent.run("));
  g_assert_nonnull (strstr (js, "readOnly: true"));
  g_assert_nonnull (strstr (js, "autoClear"));
  g_assert_nonnull (strstr (js, "equalWeightButtons"));
  g_assert_nonnull (strstr (js, "revision"));
  /* Patterns become RegExp literals, and the file is ASCII whatever the page declares. */
  g_assert_nonnull (strstr (js, "/^_ui_.*$/"));
  for (const char *p = js; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, <, 0x80);
  g_assert_true (stk_interop_report_count (notes, STK_INTEROP_NOTE_WARNING) > 0);
  g_assert_false (stk_interop_report_has_errors (notes));
}

static void
test_export_klaro (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkInteropReport) notes = stk_interop_report_new ("copenhagen.json");
  g_autofree char *js = render (policy, STK_INTEROP_KLARO, notes);

  g_assert_nonnull (strstr (js, "window.klaroConfig"));
  g_assert_nonnull (strstr (js, "mustConsent: false"));
  g_assert_nonnull (strstr (js, "hideDeclineAll: false"));
  g_assert_nonnull (strstr (js, "cookieExpiresAfterDays"));
  g_assert_nonnull (strstr (js, "\"^_ui_.*$\""));
  for (const char *p = js; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, <, 0x80);
  g_assert_false (stk_interop_report_has_errors (notes));
}

/* import (export (example)) keeps every category, provider, cookie and banner text. */
static void
check_round_trip (StkInteropFormat format)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkInteropReport) notes = stk_interop_report_new ("copenhagen.json");
  g_autofree char *js = render (policy, format, notes);
  g_autoptr(GError) error = NULL;
  g_autoptr(StkConfigImport) import = import_text (js, "config.js", &error);
  StkPolicy *back;
  StkList *categories = stk_policy_get_categories (policy);
  StkList *providers = stk_policy_get_providers (policy);
  static const char * const common_texts[] = {
    "banner_title", "banner_body", "accept_all", "reject_all", "settings", "save_choices",
    "close", "settings_title", "settings_body", "policy_link", NULL
  };
  static const char * const vcc_texts[] = {
    "col_name", "col_provider", "col_purpose", "col_duration", "col_kind", NULL
  };
  static const char * const klaro_texts[] = { "always_on", NULL };
  const char * const *own_texts = format == STK_INTEROP_KLARO ? klaro_texts : vcc_texts;

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpint (stk_config_import_get_format (import), ==, format);
  back = stk_config_import_get_policy (import);

  g_assert_cmpuint (stk_list_get_n (stk_policy_get_categories (back)), ==,
                    stk_list_get_n (categories));
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *want = stk_list_peek (categories, i);
      StkCategory *got = find_category (back, stk_category_get_id (want));

      g_assert_nonnull (got);
      g_assert_cmpint (stk_category_get_required (got), ==, stk_category_get_required (want));
      assert_text_equal (stk_category_get_title (want), stk_category_get_title (got),
                         stk_category_get_id (want));
      assert_text_equal (stk_category_get_description (want),
                         stk_category_get_description (got), stk_category_get_id (want));
    }

  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (back)), ==,
                    stk_list_get_n (providers));
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *want = stk_list_peek (providers, i);
      StkProvider *got = find_provider (back, stk_provider_get_name (want));
      StkList *cookies = stk_provider_get_cookies (want);

      g_assert_nonnull (got);
      g_assert_cmpstr (stk_provider_get_category (got), ==, stk_provider_get_category (want));
      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);
          StkCookie *found = find_cookie (back, stk_cookie_get_name (cookie));

          g_assert_nonnull (found);
          g_assert_cmpint (stk_cookie_get_pattern (found), ==, stk_cookie_get_pattern (cookie));
        }
    }

  /* Every text of the banner and the settings the format has a place for. */
  for (guint i = 0; common_texts[i] != NULL; i++)
    assert_text_equal (stk_policy_get_text (policy, common_texts[i]),
                       stk_policy_get_text (back, common_texts[i]), common_texts[i]);
  for (guint i = 0; own_texts[i] != NULL; i++)
    assert_text_equal (stk_policy_get_text (policy, own_texts[i]),
                       stk_policy_get_text (back, own_texts[i]), own_texts[i]);
}

static void
test_round_trip_vcc (void)
{
  check_round_trip (STK_INTEROP_VANILLA_COOKIECONSENT);
}

static void
test_round_trip_klaro (void)
{
  check_round_trip (STK_INTEROP_KLARO);
}

/* Importing the formats' own documented shapes */

static void
test_import_vcc_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkConfigImport) import = import_file ("vcc-example.js", &error);
  StkInteropReport *report;
  StkPolicy *policy;
  StkCookie *ga;

  g_assert_no_error (error);
  g_assert_cmpint (stk_config_import_get_format (import), ==, STK_INTEROP_VANILLA_COOKIECONSENT);
  policy = stk_config_import_get_policy (import);
  report = stk_config_import_get_report (import);

  g_assert_nonnull (find_category (policy, "necessary"));
  g_assert_true (stk_category_get_required (find_category (policy, "necessary")));
  g_assert_nonnull (find_category (policy, "analytics"));
  ga = find_cookie (policy, "_ga_*");
  g_assert_nonnull (ga);
  g_assert_true (stk_cookie_get_pattern (ga));
  g_assert_cmpstr (stk_text_get (stk_policy_get_text (policy, "accept_all"), "en"), ==,
                   "Accept all");
  /* The configuration's languages become the policy's, and what a translation lacks stays
   * missing: nothing is made up from another language. */
  g_assert_true (g_strv_contains (stk_policy_get_languages (policy), "de"));
  g_assert_false (g_strv_contains (stk_policy_get_languages (policy), "da"));
  g_assert_cmpstr (stk_text_get (stk_policy_get_text (policy, "accept_all"), "de"), ==,
                   "Alle akzeptieren");
  g_assert_null (stk_text_get (stk_policy_get_text (policy, "banner_body"), "de"));
  g_assert_true (report_mentions (report, "import declaration"));
  /* The callbacks are dropped and said so. */
  g_assert_true (report_mentions (report, "onConsent"));
}

static void
test_import_vcc_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkConfigImport) import = import_file ("vcc-example.json", &error);
  StkPolicy *policy;

  g_assert_no_error (error);
  policy = stk_config_import_get_policy (import);
  g_assert_nonnull (find_category (policy, "necessary"));
  g_assert_nonnull (find_cookie (policy, "_ga"));
  g_assert_true (report_mentions (stk_config_import_get_report (import), "unknownKey"));
}

static void
test_import_klaro (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkConfigImport) import = import_file ("klaro-example.js", &error);
  StkPolicy *policy;
  StkProvider *matomo;

  g_assert_no_error (error);
  g_assert_cmpint (stk_config_import_get_format (import), ==, STK_INTEROP_KLARO);
  policy = stk_config_import_get_policy (import);
  g_assert_nonnull (find_category (policy, "analytics"));
  matomo = find_provider (policy, "Matomo");
  g_assert_nonnull (matomo);
  g_assert_cmpstr (stk_provider_get_category (matomo), ==, "analytics");
  g_assert_nonnull (find_cookie (policy, "_pk_id*"));
  g_assert_true (stk_cookie_get_pattern (find_cookie (policy, "_pk_id*")));
  g_assert_true (report_mentions (stk_config_import_get_report (import), "callback"));
}

/* Hostile and broken files get a clear error, and the process that reads them survives. */

static void
check_refused (const char *script,
               guint       time_limit,
               guint       memory_limit,
               int         code,
               const char *words)
{
  g_autoptr(GBytes) bytes = g_bytes_new (script, strlen (script));
  g_autoptr(GError) error = NULL;
  g_autoptr(StkConfigImport) import = import_bytes (bytes, "hostile.js", time_limit,
                                                    memory_limit, &error);

  g_assert_null (import);
  g_assert_error (error, STK_INTEROP_ERROR, code);
  g_assert_nonnull (strstr (error->message, "hostile.js"));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” lacks “%s”", error->message, words);
}

static void
test_hostile (void)
{
  gint64 start = g_get_monotonic_time ();

  check_refused ("for (;;) {}", 1, 0, STK_INTEROP_ERROR_TIMEOUT, "1 second");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
  check_refused ("throw new Error ('no config here')", 0, 0, STK_INTEROP_ERROR_THREW,
                 "no config here");
  check_refused ("fetch ('https://example.com/config.json').then (r => r.json ())", 0, 0,
                 STK_INTEROP_ERROR_THREW, "fetch");
  check_refused ("var r = new XMLHttpRequest (); r.open ('GET', '/x');", 0, 0,
                 STK_INTEROP_ERROR_THREW, "XMLHttpRequest");
  check_refused ("document.cookie = 'a=b';", 0, 0, STK_INTEROP_ERROR_THREW, "document");
  check_refused ("var a = []; for (;;) a.push ('x'.repeat (4096) + a.length);", 10, 64,
                 STK_INTEROP_ERROR_MEMORY, "64 MiB");
  check_refused ("var nothing = 1;", 0, 0, STK_INTEROP_ERROR_NOTHING_CAPTURED,
                 "CookieConsent.run");
  check_refused ("CookieConsent.run ({ categories: {", 0, 0, STK_INTEROP_ERROR_SYNTAX, "");
}

/* A captured object too large for the bounds is refused, not read. */
static void
test_huge_object (void)
{
  /* Past the bound of entries in one object (20,000), and given time on a busy machine. */
  check_refused ("var c = {}; for (var i = 0; i < 30000; i++) c['k' + i] = i;"
                 "CookieConsent.run ({ categories: c });", 30, 0, STK_INTEROP_ERROR_TOO_LARGE,
                 "20000 entries");
}

static void
test_not_config_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkConfigImport) import = import_text ("{\"hello\": [1, 2]}", "x.json", &error);

  g_assert_null (import);
  g_assert_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG);
}

/* Spreadsheets */

static char *
csv_of (StkPolicy  *policy,
        gboolean    excel,
        const char *language)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  StkInteropOptions options = { excel, language, NULL };
  gsize length;
  const char *data;

  bytes = stk_interop_render (policy, STK_INTEROP_CSV, &options, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  return g_strndup (data, length);
}

static void
test_csv_export (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autofree char *plain = csv_of (policy, FALSE, "en");
  g_autofree char *excel = csv_of (policy, TRUE, "da");

  g_assert_true (g_str_has_prefix (plain, "Provider,Category,Name,Pattern,Domain,Duration,"));
  g_assert_nonnull (strstr (plain, "\r\n"));
  g_assert_true (g_str_has_prefix (excel, "\xef\xbb\xbfLeverandør;Kategori;Navn;"));
}

static StkCsvImport *
csv_read (StkPolicy  *policy,
          const char *name)
{
  g_autoptr(GBytes) bytes = read_data ("csv", name);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return stk_csv_import_read (policy, data, length, name);
}

static void
test_csv_round_trip (void)
{
  const gboolean excel[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (excel); i++)
    {
      g_autoptr(StkPolicy) policy = load_example ();
      g_autofree char *csv = csv_of (policy, excel[i], NULL);
      g_autoptr(StkCsvImport) import = stk_csv_import_read (policy, csv, strlen (csv), "c.csv");

      g_assert_true (stk_csv_import_can_apply (import));
      g_assert_cmpuint (stk_csv_import_get_n_added (import), ==, 0);
      g_assert_cmpuint (stk_csv_import_get_n_updated (import), ==, 0);
      g_assert_cmpuint (stk_csv_import_get_n_unchanged (import), ==, 10);
    }
}

static void
test_csv_adds_and_updates (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkCsvImport) import = csv_read (policy, "good-crlf-bom.csv");
  g_autoptr(GError) error = NULL;
  StkCookie *cookie;

  g_assert_true (stk_csv_import_can_apply (import));
  g_assert_cmpuint (stk_csv_import_get_n_added (import), ==, 2);
  g_assert_cmpuint (stk_csv_import_get_n_updated (import), ==, 1);
  g_assert_null (find_cookie (policy, "_hjSession_*"));

  g_assert_true (stk_csv_import_apply (import, &error));
  g_assert_no_error (error);
  cookie = find_cookie (policy, "_hjSession_*");
  g_assert_nonnull (cookie);
  g_assert_true (stk_cookie_get_pattern (cookie));
  g_assert_cmpint (stk_cookie_get_duration_unit (cookie), ==, STK_UNIT_MINUTES);
  g_assert_cmpint (stk_cookie_get_duration_value (cookie), ==, 30);
  /* A quoted field keeps its comma, its doubled quote and its line break. */
  g_assert_cmpstr (stk_text_get (stk_cookie_get_purpose (cookie), "en"), ==,
                   "Keeps a \"session\", for 30 minutes,\nacross pages.");
  g_assert_nonnull (find_provider (policy, "Hotjar Ltd."));

  /* One undoable step. */
  g_assert_true (stk_history_undo (stk_policy_get_history (policy)));
  g_assert_null (find_cookie (policy, "_hjSession_*"));
  g_assert_null (find_provider (policy, "Hotjar Ltd."));
}

static void
check_csv_bad (const char *name,
               const char *expected)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(GBytes) before = stk_policy_to_bytes (policy);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(StkCsvImport) import = csv_read (policy, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = stk_interop_report_to_string (stk_csv_import_get_report (import));

  g_assert_false (stk_csv_import_can_apply (import));
  if (strstr (text, expected) == NULL)
    g_error ("%s: report lacks “%s”:\n%s", name, expected, text);
  g_assert_false (stk_csv_import_apply (import, &error));
  g_assert_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_BAD_ROWS);
  after = stk_policy_to_bytes (policy);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_csv_bad (void)
{
  check_csv_bad ("bad-duration.csv", "bad-duration.csv:3: ");
  check_csv_bad ("bad-category.csv", "bad-category.csv:2: ");
  check_csv_bad ("bad-quote.csv", "bad-quote.csv:3: ");
  check_csv_bad ("no-name-column.csv", "no-name-column.csv:1: ");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interop/export/vanilla-cookieconsent", test_export_vcc);
  g_test_add_func ("/interop/export/klaro", test_export_klaro);
  g_test_add_func ("/interop/round-trip/vanilla-cookieconsent", test_round_trip_vcc);
  g_test_add_func ("/interop/round-trip/klaro", test_round_trip_klaro);
  g_test_add_func ("/interop/import/vanilla-cookieconsent-module", test_import_vcc_module);
  g_test_add_func ("/interop/import/vanilla-cookieconsent-json", test_import_vcc_json);
  g_test_add_func ("/interop/import/klaro", test_import_klaro);
  g_test_add_func ("/interop/import/hostile", test_hostile);
  g_test_add_func ("/interop/import/huge-object", test_huge_object);
  g_test_add_func ("/interop/import/not-config", test_not_config_json);
  g_test_add_func ("/interop/csv/export", test_csv_export);
  g_test_add_func ("/interop/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/interop/csv/adds-and-updates", test_csv_adds_and_updates);
  g_test_add_func ("/interop/csv/bad", test_csv_bad);

  return g_test_run ();
}
