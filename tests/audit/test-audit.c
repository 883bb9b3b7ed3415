/* test-audit.c — the Open Cookie Database lookup, HAR reading and matching against a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "stk-core.h"

static StkPolicy *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "data", "examples",
                                            "copenhagen.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_file (file, &error);

  g_assert_no_error (error);
  return policy;
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "tests", "audit", "har", name,
                           NULL);
}

static StkAuditItem *
find_item (StkAuditReport *report,
           const char     *name,
           StkAuditStatus  status)
{
  GListModel *items = stk_audit_report_get_items (report);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (stk_audit_item_get_name (item), name)
          && stk_audit_item_get_status (item) == status)
        return item;
    }

  return NULL;
}

/* The database ----------------------------------------------------------------------------- */

static void
test_ocd_exact (void)
{
  StkOcdEntry entry;

  g_assert_cmpuint (stk_ocd_get_n_entries (), >, 2000);

  g_assert_true (stk_ocd_lookup ("_ga", NULL, &entry));
  g_assert_cmpstr (entry.name, ==, "_ga");
  g_assert_false (entry.wildcard);
  g_assert_cmpstr (entry.platform, ==, "Google Analytics");
  g_assert_cmpint (entry.category, ==, STK_OCD_ANALYTICS);
  g_assert_cmpstr (entry.description, !=, "");
  g_assert_true (entry.duration_known);
  g_assert_cmpint (entry.duration_value, ==, 2);
  g_assert_cmpint (entry.duration_unit, ==, STK_UNIT_YEARS);

  g_assert_true (stk_ocd_lookup ("CookieConsent", NULL, &entry));
  g_assert_cmpstr (entry.platform, ==, "Cookiebot");
  g_assert_cmpint (entry.category, ==, STK_OCD_FUNCTIONAL);

  g_assert_false (stk_ocd_lookup ("samtykke-no-such-cookie", NULL, &entry));
  g_assert_false (stk_ocd_lookup ("", NULL, &entry));
  /* Names are case-sensitive, as cookies are. */
  g_assert_false (stk_ocd_lookup ("_GA", NULL, &entry));
}

static void
test_ocd_wildcard (void)
{
  StkOcdEntry entry;

  /* "_ga_" is a prefix for the per-property cookie of Google Analytics 4. */
  g_assert_true (stk_ocd_lookup ("_ga_ABC123XYZ", NULL, &entry));
  g_assert_true (entry.wildcard);
  g_assert_cmpstr (entry.name, ==, "_ga_");
  g_assert_cmpstr (entry.platform, ==, "Google Analytics");

  /* The longest prefix wins: "_gac_gb_" over "_gac_". */
  g_assert_true (stk_ocd_lookup ("_gac_gb_UA-1234", NULL, &entry));
  g_assert_cmpstr (entry.name, ==, "_gac_gb_");
  g_assert_true (stk_ocd_lookup ("_gac_UA-1234", NULL, &entry));
  g_assert_cmpstr (entry.name, ==, "_gac_");

  /* A prefix alone is not a name that merely starts like one. */
  g_assert_false (stk_ocd_lookup ("_g", NULL, &entry));
}

static void
test_ocd_domain (void)
{
  StkOcdEntry without, with;
  g_autofree char *first_platform = NULL;
  gboolean differs = FALSE;
  static const char * const shared[] = { "token", "uids", "pid", "optout", "euconsent", NULL };

  /* Names that several platforms use: the domain chooses. Find one where two rows differ in
   * their domain and check that each domain gives its own row. */
  for (guint i = 0; shared[i] != NULL && !differs; i++)
    {
      g_assert_true (stk_ocd_lookup (shared[i], NULL, &without));
      if (without.domain[0] == '\0')
        continue;
      g_assert_true (stk_ocd_lookup (shared[i], "www.example-not-in-db.test", &with));
      differs = TRUE;
    }

  /* Every row's own domain finds a row of that domain. */
  for (guint i = 0; shared[i] != NULL; i++)
    {
      StkOcdEntry any;

      if (!stk_ocd_lookup (shared[i], NULL, &any) || any.domain[0] == '\0')
        continue;
      {
        g_autofree char *domain = g_strdup (any.domain);
        char *cut = strpbrk (domain, " (");
        StkOcdEntry found;

        if (cut != NULL)
          *cut = '\0';
        g_assert_true (stk_ocd_lookup (shared[i], domain, &found));
        g_assert_cmpstr (found.domain, ==, any.domain);
      }
    }

  /* A row for a domain is chosen for that domain's subdomains too. */
  g_assert_true (stk_ocd_lookup ("li_gc", NULL, &without));
  if (g_str_has_prefix (without.domain, ".linkedin.com")
      || g_str_has_prefix (without.domain, "linkedin.com"))
    {
      g_assert_true (stk_ocd_lookup ("li_gc", "www.linkedin.com", &with));
      g_assert_cmpstr (with.platform, ==, without.platform);
    }
}

/* HAR files -------------------------------------------------------------------------------- */

static StkAuditReport *
audit_fixture (const char  *name,
               GError     **error)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autofree char *path = fixture (name);

  if (!stk_har_read (report, path, error))
    return NULL;

  stk_audit_report_finish (report);
  return g_steal_pointer (&report);
}

static void
test_har_consent_flow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkAuditReport) report = audit_fixture ("consent-flow.har", &error);
  StkAuditItem *item;
  const StkOcdEntry *suggestion;
  gint64 value;
  StkUnit unit;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (stk_audit_report_get_warnings (report)->len, ==, 0);

  /* Set by the first response, before any consent, and required: fine. */
  item = find_item (report, "ASP.NET_SessionId", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));
  g_assert_true (stk_audit_item_get_http_only (item));
  g_assert_cmpstr (stk_audit_item_get_same_site (item), ==, "lax");
  g_assert_cmpstr (stk_audit_item_get_policy_path (item), ==, "providers[0].cookies[1]");
  g_assert_cmpint (stk_audit_item_get_line (item), ==, 17);
  g_assert_cmpint (stk_audit_item_get_column (item), ==, 7);

  /* A statistics cookie set before anything was granted. */
  item = find_item (report, "nmstat", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_true (stk_audit_item_get_before_consent (item));
  g_assert_cmpstr (stk_audit_item_get_category (item), ==, "statistical");
  g_assert_cmpstr (stk_audit_item_get_domain (item), ==, "kk.dk");
  g_assert_true (stk_audit_item_get_duration (item, &value, &unit));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpint (unit, ==, STK_UNIT_YEARS);

  /* Unknown to the policy and to the database. */
  item = find_item (report, "_tracker", STK_AUDIT_UNDECLARED);
  g_assert_nonnull (item);
  g_assert_true (stk_audit_item_get_before_consent (item));
  g_assert_null (stk_audit_item_get_suggestion (item));
  g_assert_true (stk_audit_item_get_secure (item));

  /* The banner's own cookie, sent once the visitor had chosen. */
  item = find_item (report, "samtykke", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));

  /* Matched by the pattern "_ui_*"; set while only "functional" was granted. */
  item = find_item (report, "_ui_abc", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_cmpstr (stk_audit_item_get_policy_path (item), ==, "providers[4].cookies[0]");
  g_assert_true (stk_audit_item_get_before_consent (item));

  /* Functional, set after "functional" was granted. */
  item = find_item (report, "linkbot_session", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));

  /* Undeclared, but set only after everything was granted; the database knows it. */
  item = find_item (report, "_ga", STK_AUDIT_UNDECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));
  suggestion = stk_audit_item_get_suggestion (item);
  g_assert_nonnull (suggestion);
  g_assert_cmpstr (suggestion->platform, ==, "Google Analytics");
  g_assert_cmpstr (stk_audit_item_get_suggested_category (item), ==, "statistical");
  g_assert_true (stk_audit_item_get_duration (item, &value, &unit));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpint (unit, ==, STK_UNIT_YEARS);

  /* A third party's cookie, declared with its leading-dot domain. */
  item = find_item (report, "YSC", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_true (stk_audit_item_get_third_party (item));
  g_assert_true (stk_audit_item_get_duration (item, &value, &unit));
  g_assert_cmpint (unit, ==, STK_UNIT_SESSION);

  /* Declared cookies the file never shows; storage items are not in HAR files at all. */
  g_assert_nonnull (find_item (report, "VISITOR_INFO1_LIVE", STK_AUDIT_UNSEEN));
  g_assert_nonnull (find_item (report, "siteimproveses", STK_AUDIT_UNSEEN));
  g_assert_null (find_item (report, "yt-remote-*", STK_AUDIT_UNSEEN));
  g_assert_null (find_item (report, "linkbot_state", STK_AUDIT_UNSEEN));

  g_assert_cmpuint (stk_audit_report_count (report, STK_AUDIT_DECLARED), ==, 6);
  g_assert_cmpuint (stk_audit_report_count (report, STK_AUDIT_UNDECLARED), ==, 2);
  g_assert_cmpuint (stk_audit_report_count (report, STK_AUDIT_UNSEEN), ==, 2);
  g_assert_cmpuint (stk_audit_report_count_before_consent (report), ==, 3);
  g_assert_false (stk_audit_report_is_clean (report));
}

static void
test_har_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkAuditReport) report = audit_fixture ("consent-flow.har", &error);
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *items;
  gboolean saw_ga = FALSE;

  g_assert_no_error (error);
  json = stk_audit_report_to_json (report);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "har");
  g_assert_false (json_object_get_boolean_member (root, "clean"));
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 10);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_true (json_object_has_member (item, "name"));
      g_assert_true (json_object_has_member (item, "kind"));
      g_assert_true (json_object_has_member (item, "domain"));
      g_assert_true (json_object_has_member (item, "status"));
      g_assert_true (json_object_has_member (item, "before_consent"));
      if (g_str_equal (json_object_get_string_member (item, "name"), "_ga"))
        {
          JsonObject *suggestion = json_object_get_object_member (item, "suggestion");

          saw_ga = TRUE;
          g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "undeclared");
          g_assert_cmpstr (json_object_get_string_member (suggestion, "platform"), ==,
                           "Google Analytics");
          g_assert_cmpstr (json_object_get_string_member (suggestion, "category"), ==,
                           "statistical");
        }
    }
  g_assert_true (saw_ga);
}

/* A consent given during the visit (its "t") covers what appears after that moment, even
 * before any request carries the new consent cookie: a script that runs the instant the visitor
 * accepts. A consent older than the file does not reach back. */
static void
test_har_consent_time (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autoptr(GError) error = NULL;
  /* 2026-11-30T10:00:01.500Z and, for a consent given before the file, a day earlier */
  const gint64 given = G_GINT64_CONSTANT (1796032801500);
  g_autofree char *during = g_strdup_printf ("%%7B%%22c%%22%%3A%%5B%%22necessary%%22%%2C"
                                             "%%22statistical%%22%%5D%%2C%%22t%%22%%3A%"
                                             G_GINT64_FORMAT "%%7D", given);
  g_autofree char *har = NULL;
  StkAuditItem *item;

  har = g_strdup_printf (
    "{\"log\": {\"entries\": ["
    "{\"startedDateTime\": \"2026-11-30T10:00:00.000Z\", \"request\": {\"url\": "
    "\"https://www.kk.dk/\"}, \"response\": {\"cookies\": [{\"name\": \"early_stat\", "
    "\"value\": \"1\"}]}},"
    "{\"startedDateTime\": \"2026-11-30T10:00:02.000Z\", \"request\": {\"url\": "
    "\"https://www.kk.dk/stat.gif\"}, \"response\": {\"cookies\": [{\"name\": "
    "\"nmstat\", \"value\": \"1\"}]}},"
    "{\"startedDateTime\": \"2026-11-30T10:00:03.000Z\", \"request\": {\"url\": "
    "\"https://www.kk.dk/borger\", \"cookies\": [{\"name\": \"samtykke\", \"value\": "
    "\"%s\"}]}, \"response\": {}}"
    "]}}", during);

  g_assert_true (stk_har_read_data (report, har, strlen (har), "time.har", &error));
  g_assert_no_error (error);
  stk_audit_report_finish (report);

  /* Before the moment of consent: before consent. */
  item = find_item (report, "early_stat", STK_AUDIT_UNDECLARED);
  g_assert_nonnull (item);
  g_assert_true (stk_audit_item_get_before_consent (item));

  /* Half a second after it, though no request had carried it yet: after consent. */
  item = find_item (report, "nmstat", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));

  /* The same file with the consent a day older than the visit: it does not reach back. */
  {
    g_autoptr(StkAuditReport) again = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
    g_autofree char *older = g_strdup_printf ("%" G_GINT64_FORMAT, given - 86400000);
    g_autofree char *given_text = g_strdup_printf ("%" G_GINT64_FORMAT, given);
    g_autofree char *old_har = NULL;
    char *at = strstr (har, given_text);

    g_assert_nonnull (at);
    old_har = g_strdup_printf ("%.*s%s%s", (int) (at - har), har, older,
                               at + strlen (given_text));
    g_assert_true (stk_har_read_data (again, old_har, strlen (old_har), "old.har", &error));
    stk_audit_report_finish (again);
    item = find_item (again, "nmstat", STK_AUDIT_DECLARED);
    g_assert_nonnull (item);
    g_assert_true (stk_audit_item_get_before_consent (item));
  }
}

static void
test_har_without_cookies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkAuditReport) report = audit_fixture ("no-cookies.har", &error);
  GPtrArray *warnings;

  g_assert_no_error (error);
  warnings = stk_audit_report_get_warnings (report);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "sensitive data"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "no-cookies.har"));
}

static void
test_har_malformed (void)
{
  static const struct {
    const char *file;
    const char *expected;  /* a part of the message, after "FILE:LINE:COL: " */
    const char *place;
  } cases[] = {
    { "truncated.har", "never ends", ":144:24:" },
    { "not-a-har.json", "no “log” member", ":1:1:" },
    { "entries-not-array.har", "“entries” must be an array", ":4:16:" },
    { "cookie-not-object.har", "expected an object", ":1:76:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StkPolicy) policy = load_example ();
      g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_false (stk_har_read (report, path, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      /* The place is also there for programs, beside the message. */
      g_assert_nonnull (stk_error_get_location (error));
      g_assert_cmpstr (stk_error_get_location (error)->file, ==, path);
      g_assert_cmpint (stk_error_get_location (error)->line, >=, 1);
      if (cases[i].place != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].place));
      /* Nothing half-read reaches the report. */
      g_assert_cmpuint (g_list_model_get_n_items (stk_audit_report_get_items (report)), ==, 0);
    }
}

static void
test_har_missing_file (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autoptr(GError) error = NULL;

  g_assert_false (stk_har_read (report, "/nonexistent/samtykke.har", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* A file over the limit is refused before it is read; a sparse file takes no disk space. */
static void
test_har_too_large (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("samtykke-huge-XXXXXX.har", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) STK_HAR_MAX_SIZE + 1), ==, 0);
  close (fd);

  g_assert_false (stk_har_read (report, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "larger than 4 GiB"));
  g_assert_nonnull (stk_error_get_location (error));
  g_unlink (path);
}

/* A big HAR file (bodies of a megabyte each) is read to its end, its cookies found. */
static void
test_har_big (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  FILE *f;
  int fd;
#if defined(__SANITIZE_ADDRESS__)
  const guint n_entries = 40;
#else
  const guint n_entries = 300;
#endif
  const gsize body_size = 1024 * 1024;

  fd = g_file_open_tmp ("samtykke-big-XXXXXX.har", &path, &error);
  g_assert_no_error (error);
  f = fdopen (fd, "w");
  body = g_malloc (body_size + 1);
  memset (body, 'A', body_size);
  body[body_size] = '\0';

  fputs ("{\"log\": {\"version\": \"1.2\", \"entries\": [\n", f);
  for (guint i = 0; i < n_entries; i++)
    fprintf (f, "%s{\"startedDateTime\": \"2026-11-30T10:00:00Z\", "
             "\"request\": {\"url\": \"https://www.kk.dk/%u\", \"cookies\": []}, "
             "\"response\": {\"headers\": [{\"name\": \"set-cookie\", "
             "\"value\": \"big%u=1; Max-Age=60\"}], \"cookies\": [], "
             "\"content\": {\"text\": \"%s\"}}}\n", i > 0 ? "," : "", i, i % 7, body);
  fputs ("]}}\n", f);
  fclose (f);

  g_assert_true (stk_har_read (report, path, &error));
  g_assert_no_error (error);
  stk_audit_report_finish (report);
  /* big0 … big6, each undeclared */
  g_assert_cmpuint (stk_audit_report_count (report, STK_AUDIT_UNDECLARED), ==, 7);
  g_unlink (path);
}

/* More cookies than one file may show: refused with the limit named, nothing reported. */
static void
test_har_too_many (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("{\"log\": {\"entries\": [{\"request\": {\"url\": "
                                "\"https://www.kk.dk/\", \"headers\": [{\"name\": \"Cookie\", "
                                "\"value\": \"");

  for (guint i = 0; i <= STK_HAR_MAX_SIGHTINGS; i++)
    g_string_append (text, "a=1;");
  g_string_append (text, "\"}]}, \"response\": {}}]}}");

  g_assert_false (stk_har_read_data (report, text->str, text->len, "many.har", &error));
  g_assert_nonnull (strstr (error->message, "more than 1000000 cookies"));
  g_assert_cmpuint (g_list_model_get_n_items (stk_audit_report_get_items (report)), ==, 0);
  g_string_free (text, TRUE);
}

/* Scans: observations as the scanner reports them ------------------------------------------ */

static void
test_scan_observations (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_SCAN);
  static const char * const all[] = { "necessary", "functional", "statistical", NULL };
  StkObservation o = { 0 };
  StkAuditItem *item;

  /* Pass 1: no consent. */
  o.name = "linkbot_state";
  o.kind = STK_KIND_SESSION_STORAGE;
  o.domain = "www.kk.dk";
  o.page = "https://www.kk.dk/";
  o.expires = -1;
  stk_audit_report_observe (report, &o);

  o.name = "yt-remote-device-id";
  o.kind = STK_KIND_LOCAL_STORAGE;
  o.domain = "www.youtube.com";
  o.third_party = TRUE;
  stk_audit_report_observe (report, &o);

  /* Pass 2: everything granted. */
  o.name = "nmstat";
  o.kind = STK_KIND_COOKIE;
  o.domain = ".kk.dk";
  o.third_party = FALSE;
  o.expires = 0;
  o.granted = all;
  stk_audit_report_observe (report, &o);

  o.name = "_pk_id.1.a1b2";
  o.domain = ".kk.dk";
  stk_audit_report_observe (report, &o);

  stk_audit_report_finish (report);

  /* A functional storage key before consent is a finding. */
  item = find_item (report, "linkbot_state", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_true (stk_audit_item_get_before_consent (item));

  item = find_item (report, "yt-remote-device-id", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_cmpstr (stk_audit_item_get_policy_path (item), ==, "providers[1].cookies[2]");

  item = find_item (report, "nmstat", STK_AUDIT_DECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));

  item = find_item (report, "_pk_id.1.a1b2", STK_AUDIT_UNDECLARED);
  g_assert_nonnull (item);
  g_assert_false (stk_audit_item_get_before_consent (item));
  g_assert_nonnull (stk_audit_item_get_suggestion (item));
  g_assert_cmpint (stk_audit_item_get_suggestion (item)->category, ==, STK_OCD_ANALYTICS);
  g_assert_cmpstr (stk_audit_item_get_suggested_category (item), ==, "statistical");

  /* A scan sees storage too: the declared storage items it did not see are unseen. Nothing
   * of the kinds it cannot see (none in the example) would be. */
  g_assert_nonnull (find_item (report, "siteimproveses", STK_AUDIT_UNSEEN));
  g_assert_null (find_item (report, "linkbot_state", STK_AUDIT_UNSEEN));
}

/* Add to Policy: the chosen undeclared items become declarations in one undoable step. */
static void
test_apply (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
  g_autofree char *path = fixture ("consent-flow.har");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  StkHistory *history = stk_policy_get_history (policy);
  StkList *providers = stk_policy_get_providers (policy);
  guint n_providers = stk_list_get_n (providers);
  const char *categories[] = { NULL, "functional" };
  StkProvider *google = NULL, *other = NULL;
  StkCookie *cookie;

  g_assert_true (stk_har_read (report, path, &error));
  stk_audit_report_finish (report);
  before = stk_policy_to_bytes (policy);

  /* "_ga" with its suggestion, "_tracker" (unknown to the database) put in "functional". */
  g_ptr_array_add (chosen, find_item (report, "_ga", STK_AUDIT_UNDECLARED));
  g_ptr_array_add (chosen, find_item (report, "_tracker", STK_AUDIT_UNDECLARED));
  g_assert_cmpuint (stk_audit_report_apply (report, chosen, categories, "2026-11-30"), ==, 2);

  g_assert_cmpuint (stk_list_get_n (providers), ==, n_providers + 2);
  for (guint i = n_providers; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);

      if (g_str_equal (stk_provider_get_name (provider), "Google Analytics"))
        google = provider;
      else
        other = provider;
    }
  g_assert_nonnull (google);
  g_assert_cmpstr (stk_provider_get_id (google), ==, "google-analytics");
  g_assert_cmpstr (stk_provider_get_category (google), ==, "statistical");
  g_assert_cmpuint (stk_list_get_n (stk_provider_get_cookies (google)), ==, 1);
  cookie = stk_list_peek (stk_provider_get_cookies (google), 0);
  g_assert_cmpstr (stk_cookie_get_name (cookie), ==, "_ga");
  g_assert_cmpstr (stk_cookie_get_domain (cookie), ==, ".kk.dk");
  g_assert_cmpint (stk_cookie_get_duration_value (cookie), ==, 2);
  g_assert_cmpint (stk_cookie_get_duration_unit (cookie), ==, STK_UNIT_YEARS);
  g_assert_true (stk_cookie_get_delete_on_withdraw (cookie));
  /* English from the database; Danish left empty, to show as a missing translation. */
  g_assert_cmpstr (stk_text_get (stk_cookie_get_purpose (cookie), "en"), !=, "");
  g_assert_true (stk_text_get (stk_cookie_get_purpose (cookie), "da") == NULL
                 || *stk_text_get (stk_cookie_get_purpose (cookie), "da") == '\0');

  g_assert_nonnull (other);
  g_assert_cmpstr (stk_provider_get_name (other), ==, "kk.dk");
  g_assert_cmpstr (stk_provider_get_category (other), ==, "functional");
  cookie = stk_list_peek (stk_provider_get_cookies (other), 0);
  g_assert_cmpstr (stk_cookie_get_name (cookie), ==, "_tracker");
  g_assert_cmpstr (stk_policy_get_checked (policy), ==, "2026-11-30");
  /* The date is saved, after "updated", and read back. */
  {
    g_autoptr(GBytes) bytes = stk_policy_to_bytes (policy);
    g_autoptr(StkPolicy) reread = NULL;

    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "\"updated\": \"2026-11-01\",\n  \"checked\": \"2026-11-30\",\n"));
    reread = stk_policy_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   "again.json", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (stk_policy_get_checked (reread), ==, "2026-11-30");
  }

  /* The policy now declares them: a new audit of the same file finds them declared. */
  {
    g_autoptr(StkAuditReport) again = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);

    g_assert_true (stk_har_read (again, path, &error));
    stk_audit_report_finish (again);
    g_assert_cmpuint (stk_audit_report_count (again, STK_AUDIT_UNDECLARED), ==, 0);
  }

  /* One undo takes all of it back, to the same bytes. */
  g_assert_true (stk_history_undo (history));
  after = stk_policy_to_bytes (policy);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (stk_history_can_undo (history));
  g_assert_true (stk_history_redo (history));
  g_assert_cmpuint (stk_list_get_n (providers), ==, n_providers + 2);
}

/* A wildcard suggestion declares the pattern; an item joins the provider of its name and
 * category that the policy already has. */
static void
test_apply_pattern (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(StkAuditReport) report = stk_audit_report_new (policy, STK_AUDIT_SOURCE_SCAN);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  StkList *providers = stk_policy_get_providers (policy);
  StkProvider *siteimprove = stk_policy_find_provider (policy, "siteimprove");
  guint n_cookies = stk_list_get_n (stk_provider_get_cookies (siteimprove));
  guint n_providers = stk_list_get_n (providers);
  StkObservation o = { 0 };
  StkCookie *cookie;

  /* The database calls it "Google Analytics"; the example has no such provider. Make one,
   * then check that a second item joins it. */
  stk_provider_set_name (siteimprove, "Google Analytics");
  o.name = "_ga_ABC123";
  o.kind = STK_KIND_COOKIE;
  o.domain = ".kk.dk";
  o.expires = 0;
  o.page = "https://www.kk.dk/";
  stk_audit_report_observe (report, &o);
  stk_audit_report_finish (report);

  g_ptr_array_add (chosen, find_item (report, "_ga_ABC123", STK_AUDIT_UNDECLARED));
  g_assert_cmpuint (stk_audit_report_apply (report, chosen, NULL, NULL), ==, 1);
  g_assert_cmpuint (stk_list_get_n (providers), ==, n_providers);
  g_assert_cmpuint (stk_list_get_n (stk_provider_get_cookies (siteimprove)), ==, n_cookies + 1);
  cookie = stk_list_peek (stk_provider_get_cookies (siteimprove), n_cookies);
  g_assert_cmpstr (stk_cookie_get_name (cookie), ==, "_ga_*");
  g_assert_true (stk_cookie_get_pattern (cookie));
  g_assert_cmpint (stk_cookie_get_duration_unit (cookie), ==, STK_UNIT_SESSION);
  g_assert_cmpstr (stk_policy_get_checked (policy), ==, "");
}

/* Read against a copy (as a worker thread does), matched and applied against the original. */
static void
test_apply_other_policy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(GBytes) bytes = stk_policy_to_bytes (policy);
  g_autoptr(StkPolicy) copy = stk_policy_load_data (g_bytes_get_data (bytes, NULL),
                                                    g_bytes_get_size (bytes), "copy.json",
                                                    &error);
  g_autoptr(StkAuditReport) report = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree char *path = fixture ("consent-flow.har");
  guint n_providers = stk_list_get_n (stk_policy_get_providers (policy));
  StkAuditItem *nmstat;

  g_assert_no_error (error);
  report = stk_audit_report_new (copy, STK_AUDIT_SOURCE_HAR);
  g_assert_true (stk_har_read (report, path, &error));
  g_assert_no_error (error);
  stk_audit_report_set_policy (report, policy);
  stk_audit_report_finish (report);
  g_assert_true (stk_audit_report_get_policy (report) == policy);

  /* Declarations of the original, not of the copy. */
  nmstat = find_item (report, "nmstat", STK_AUDIT_DECLARED);
  g_assert_nonnull (nmstat);
  g_assert_true (stk_node_get_root (STK_NODE (stk_audit_item_get_cookie (nmstat)))
                 == STK_NODE (policy));

  g_ptr_array_add (chosen, find_item (report, "_ga", STK_AUDIT_UNDECLARED));
  g_assert_cmpuint (stk_audit_report_apply (report, chosen, NULL, NULL), ==, 1);
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (policy)), ==, n_providers + 1);
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (copy)), ==, n_providers);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocd/exact", test_ocd_exact);
  g_test_add_func ("/ocd/wildcard", test_ocd_wildcard);
  g_test_add_func ("/ocd/domain", test_ocd_domain);
  g_test_add_func ("/har/consent-flow", test_har_consent_flow);
  g_test_add_func ("/har/json", test_har_json);
  g_test_add_func ("/har/consent-time", test_har_consent_time);
  g_test_add_func ("/har/without-cookies", test_har_without_cookies);
  g_test_add_func ("/har/malformed", test_har_malformed);
  g_test_add_func ("/har/missing-file", test_har_missing_file);
  g_test_add_func ("/har/too-large", test_har_too_large);
  g_test_add_func ("/har/big", test_har_big);
  g_test_add_func ("/har/too-many", test_har_too_many);
  g_test_add_func ("/scan/observations", test_scan_observations);
  g_test_add_func ("/apply/other-policy", test_apply_other_policy);
  g_test_add_func ("/apply/one-step", test_apply);
  g_test_add_func ("/apply/pattern", test_apply_pattern);

  return g_test_run ();
}
