/* test-validate.c — every validation rule, once triggered and once not
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-core.h"

/* Helpers */

static void
dump_findings (GListModel *findings)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      g_test_message ("finding: %s %s [%s] %s",
                      stk_severity_to_string (stk_finding_get_severity (finding)),
                      stk_finding_get_rule (finding),
                      stk_finding_get_path (finding),
                      stk_finding_get_message (finding));
    }
}

/* Returns: (transfer full) (nullable): the first finding of @rule, at @path unless NULL. */
static StkFinding *
lookup (GListModel *findings,
        const char *rule,
        const char *path)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (stk_finding_get_rule (finding), rule) &&
          (path == NULL || g_str_equal (stk_finding_get_path (finding), path)))
        return g_steal_pointer (&finding);
    }

  return NULL;
}

static void
assert_found (StkPolicy   *policy,
              const char  *rule,
              const char  *path,
              StkSeverity  severity)
{
  g_autoptr(GListModel) findings = stk_policy_validate (policy);
  g_autoptr(StkFinding) finding = lookup (findings, rule, path);

  if (finding == NULL)
    {
      dump_findings (findings);
      g_test_message ("expected %s at %s", rule, path);
    }
  g_assert_nonnull (finding);
  g_assert_cmpint (stk_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (stk_finding_get_message (finding), !=, "");
  g_assert_nonnull (stk_finding_get_message (finding));
}

/* @path NULL: the rule is not reported anywhere. */
static void
assert_not_found (StkPolicy  *policy,
                  const char *rule,
                  const char *path)
{
  g_autoptr(GListModel) findings = stk_policy_validate (policy);
  g_autoptr(StkFinding) finding = lookup (findings, rule, path);

  if (finding != NULL)
    dump_findings (findings);
  g_assert_null (finding);
}

/* The bundled example, read from the source tree. */
static StkPolicy *
example (void)
{
  const char *source_dir = g_getenv ("SAMTYKKE_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  StkPolicy *policy;

  g_assert_nonnull (source_dir);
  path = g_build_filename (source_dir, "data", "examples", "copenhagen.json", NULL);
  file = g_file_new_for_path (path);
  policy = stk_policy_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (policy);

  return policy;
}

static StkProvider *
provider_at (StkPolicy   *policy,
             const char  *id,
             char       **path)
{
  StkProvider *provider = stk_policy_find_provider (policy, id);
  guint position = 0;

  g_assert_nonnull (provider);
  g_assert_true (stk_list_find (stk_policy_get_providers (policy), provider, &position));
  *path = g_strdup_printf ("providers[%u]", position);
  return provider;
}

static StkCategory *
category_at (StkPolicy   *policy,
             const char  *id,
             char       **path)
{
  StkCategory *category = stk_policy_find_category (policy, id);
  guint position = 0;

  g_assert_nonnull (category);
  g_assert_true (stk_list_find (stk_policy_get_categories (policy), category, &position));
  *path = g_strdup_printf ("categories[%u]", position);
  return category;
}

static char *
join (const char *a,
      const char *b)
{
  return g_strdup_printf ("%s.%s", a, b);
}

static const StkTextKey *
first_key (gboolean required)
{
  const StkTextKey *keys;
  guint n = 0;

  keys = stk_text_keys (&n);
  for (guint i = 0; i < n; i++)
    if (keys[i].required == required)
      return &keys[i];

  g_assert_not_reached ();
  return NULL;
}

/* The example */

static void
test_example_clean (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autoptr(GListModel) findings = stk_policy_validate (policy);

  dump_findings (findings);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_cmpuint (stk_findings_count (findings, STK_SEVERITY_ERROR), ==, 0);
  g_assert_true (g_list_model_get_item_type (findings) == STK_TYPE_FINDING);
}

static void
on_changed (gpointer  object,
            guint    *count)
{
  (*count)++;
}

/* Validation only reads: a text it looks at must not be created, nor anything recorded. */
static void
test_leaves_policy_alone (void)
{
  /* A policy holding none of the texts exercises every missing-text path. */
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GListModel) findings = NULL;
  guint changes = 0;

  before = stk_policy_to_bytes (policy);
  g_signal_connect (policy, "changed", G_CALLBACK (on_changed), &changes);

  findings = stk_policy_validate (policy);
  g_assert_cmpuint (stk_findings_count (findings, STK_SEVERITY_ERROR), >, 0);

  after = stk_policy_to_bytes (policy);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (stk_history_can_undo (stk_policy_get_history (policy)));
}

static void
test_finding_object (void)
{
  StkFinding *finding = stk_finding_new (STK_SEVERITY_WARNING, "some-rule", "a.b[1]", "Text");
  g_autofree char *rule = NULL;
  StkSeverity severity = STK_SEVERITY_ERROR;

  g_assert_cmpint (stk_finding_get_severity (finding), ==, STK_SEVERITY_WARNING);
  g_assert_cmpstr (stk_finding_get_rule (finding), ==, "some-rule");
  g_assert_cmpstr (stk_finding_get_path (finding), ==, "a.b[1]");
  g_assert_cmpstr (stk_finding_get_message (finding), ==, "Text");
  g_object_get (finding, "rule", &rule, "severity", &severity, NULL);
  g_assert_cmpstr (rule, ==, "some-rule");
  g_assert_cmpint (severity, ==, STK_SEVERITY_WARNING);
  g_assert_cmpstr (stk_severity_to_string (STK_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (stk_severity_to_string (STK_SEVERITY_WARNING), ==, "warning");
  g_assert_finalize_object (finding);
}

/* Errors come first; within a severity, the order of the file. */
static void
test_order (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *kk = NULL;
  g_autofree char *youtube = NULL;
  StkProvider *first = provider_at (policy, "kk", &kk);
  StkProvider *second = provider_at (policy, "youtube", &youtube);
  gboolean seen_warning = FALSE;
  int error_a = -1, error_b = -1, warning_a = -1;
  guint n;

  /* In file order: warning (country of kk), error (name of kk), error (name of youtube). */
  stk_provider_set_country (first, "dk");
  stk_provider_set_name (first, "");
  stk_provider_set_name (second, "");

  findings = stk_policy_validate (policy);
  n = g_list_model_get_n_items (findings);
  dump_findings (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *kk_name = join (kk, "name");
      g_autofree char *youtube_name = join (youtube, "name");

      if (stk_finding_get_severity (finding) == STK_SEVERITY_WARNING)
        seen_warning = TRUE;
      else
        g_assert_false (seen_warning);

      if (g_str_equal (stk_finding_get_path (finding), kk_name))
        error_a = (int) i;
      if (g_str_equal (stk_finding_get_path (finding), youtube_name))
        error_b = (int) i;
      if (g_str_equal (stk_finding_get_rule (finding), "invalid-country"))
        warning_a = (int) i;
    }

  g_assert_cmpint (error_a, >=, 0);
  g_assert_cmpint (error_b, >, error_a);
  g_assert_cmpint (warning_a, >, error_b);
  g_assert_cmpuint (stk_findings_count (findings, STK_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (stk_findings_count (findings, STK_SEVERITY_WARNING), ==, 1);
}

/* Duplicate ids */

static void
test_duplicate_category (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkList *categories = stk_policy_get_categories (policy);
  StkCategory *second = stk_list_peek (categories, 1);
  StkCategory *first = stk_list_peek (categories, 0);

  /* A provider may share an id with a category: they are different lists. */
  stk_provider_set_id (stk_list_peek (stk_policy_get_providers (policy), 0),
                       stk_category_get_id (first));
  assert_not_found (policy, "duplicate-id", NULL);

  stk_category_set_id (second, stk_category_get_id (first));
  assert_found (policy, "duplicate-id", "categories[1].id", STK_SEVERITY_ERROR);
  assert_not_found (policy, "duplicate-id", "categories[0].id");
}

static void
test_duplicate_provider (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkList *providers = stk_policy_get_providers (policy);

  assert_not_found (policy, "duplicate-id", NULL);
  stk_provider_set_id (stk_list_peek (providers, 2),
                       stk_provider_get_id (stk_list_peek (providers, 1)));
  assert_found (policy, "duplicate-id", "providers[2].id", STK_SEVERITY_ERROR);
}

static void
test_duplicate_section (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkList *sections = stk_policy_get_sections (policy);

  g_assert_cmpuint (stk_list_get_n (sections), >=, 2);
  assert_not_found (policy, "duplicate-id", NULL);
  stk_section_set_id (stk_list_peek (sections, 1),
                      stk_section_get_id (stk_list_peek (sections, 0)));
  assert_found (policy, "duplicate-id", "sections[1].id", STK_SEVERITY_ERROR);
}

static void
test_duplicate_embed (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *youtube_path = NULL;
  g_autofree char *kk_path = NULL;
  g_autofree char *expected = NULL;
  StkProvider *youtube = provider_at (policy, "youtube", &youtube_path);
  StkProvider *kk = provider_at (policy, "kk", &kk_path);
  StkList *embeds = stk_provider_get_embeds (youtube);
  StkEmbed *original = stk_list_peek (embeds, 0);
  g_autoptr(StkEmbed) twin = stk_embed_new ();
  g_autoptr(StkEmbed) other = stk_embed_new ();

  stk_text_copy_from (stk_embed_get_placeholder (twin), stk_embed_get_placeholder (original));
  stk_text_copy_from (stk_embed_get_placeholder (other), stk_embed_get_placeholder (original));

  /* The same embed id under two providers is allowed. */
  stk_embed_set_id (other, stk_embed_get_id (original));
  stk_list_append (stk_provider_get_embeds (kk), other);
  assert_not_found (policy, "duplicate-id", NULL);

  stk_embed_set_id (twin, stk_embed_get_id (original));
  stk_list_append (embeds, twin);
  expected = g_strdup_printf ("%s.embeds[%u].id", youtube_path, stk_list_get_n (embeds) - 1);
  assert_found (policy, "duplicate-id", expected, STK_SEVERITY_ERROR);
}

static void
test_duplicate_cookie (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *expected = NULL;
  StkProvider *youtube = provider_at (policy, "youtube", &path);
  StkProvider *kk = provider_at (policy, "kk", &other_path);
  StkList *cookies = stk_provider_get_cookies (youtube);
  StkCookie *original = stk_list_peek (cookies, 0);
  g_autoptr(StkCookie) other_domain = stk_cookie_copy (original);
  g_autoptr(StkCookie) elsewhere = stk_cookie_copy (original);
  g_autoptr(StkCookie) twin = stk_cookie_copy (original);
  g_autofree char *bare = NULL;

  /* Same name on another domain, or under another provider: different cookies. */
  stk_cookie_set_domain (other_domain, "example.org");
  stk_list_append (cookies, other_domain);
  stk_list_append (stk_provider_get_cookies (kk), elsewhere);
  assert_not_found (policy, "duplicate-cookie", NULL);

  /* ".youtube.com" and "youtube.com" name the same cookie. */
  bare = g_strdup (stk_cookie_get_domain (original));
  stk_cookie_set_domain (twin, bare[0] == '.' ? bare + 1 : bare);
  stk_list_append (cookies, twin);
  expected = g_strdup_printf ("%s.cookies[%u].name", path, stk_list_get_n (cookies) - 1);
  assert_found (policy, "duplicate-cookie", expected, STK_SEVERITY_WARNING);
}

/* Categories */

static void
test_unknown_category (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  StkProvider *provider = provider_at (policy, "siteimprove", &path);

  expected = join (path, "category");
  stk_provider_set_category (provider, "necessary");
  assert_not_found (policy, "unknown-category", NULL);

  stk_provider_set_category (provider, "marketing");
  assert_found (policy, "unknown-category", expected, STK_SEVERITY_ERROR);

  stk_provider_set_category (provider, "");
  assert_found (policy, "unknown-category", expected, STK_SEVERITY_ERROR);
}

static void
test_no_required_category (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *necessary_path = NULL;
  g_autofree char *functional_path = NULL;
  StkCategory *necessary = category_at (policy, "necessary", &necessary_path);
  StkCategory *functional = category_at (policy, "functional", &functional_path);

  /* Any one required category is enough. */
  stk_category_set_required (functional, TRUE);
  stk_category_set_required (necessary, FALSE);
  assert_not_found (policy, "no-required-category", NULL);

  stk_category_set_required (functional, FALSE);
  assert_found (policy, "no-required-category", "categories", STK_SEVERITY_ERROR);
}

static void
test_preselected_category (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *necessary_path = NULL;
  g_autofree char *statistical_path = NULL;
  g_autofree char *expected = NULL;
  StkCategory *necessary = category_at (policy, "necessary", &necessary_path);
  StkCategory *statistical = category_at (policy, "statistical", &statistical_path);

  /* A required category is on anyway. */
  stk_category_set_preselected (necessary, TRUE);
  assert_not_found (policy, "preselected-category", NULL);

  stk_category_set_preselected (statistical, TRUE);
  expected = join (statistical_path, "preselected");
  assert_found (policy, "preselected-category", expected, STK_SEVERITY_ERROR);
}

/* Texts and translations */

static void
test_missing_translation_banner (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const StkTextKey *key = first_key (TRUE);
  StkText *text = stk_policy_get_text (policy, key->key);
  g_autofree char *path = g_strdup_printf ("texts.%s.en", key->key);

  assert_not_found (policy, "missing-translation", NULL);

  stk_text_set (text, "en", "   ");
  assert_found (policy, "missing-translation", path, STK_SEVERITY_ERROR);
  assert_not_found (policy, "missing-text", NULL);
}

static void
test_missing_translation_page_text (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const StkTextKey *key = first_key (FALSE);
  StkText *text = stk_policy_get_text (policy, key->key);
  g_autofree char *path = g_strdup_printf ("texts.%s.da", key->key);

  stk_text_set (text, "da", "");
  assert_found (policy, "missing-translation", path, STK_SEVERITY_WARNING);
}

static void
test_missing_translation_model (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *cookie_path = NULL;
  g_autofree char *embed_path = NULL;
  g_autofree char *purpose_path = NULL;
  g_autofree char *category_path = NULL;
  g_autofree char *description_path = NULL;
  StkProvider *youtube = provider_at (policy, "youtube", &path);
  StkCategory *statistical = category_at (policy, "statistical", &category_path);
  StkCookie *cookie = stk_list_peek (stk_provider_get_cookies (youtube), 1);
  StkEmbed *embed = stk_list_peek (stk_provider_get_embeds (youtube), 0);
  StkSection *section = stk_list_peek (stk_policy_get_sections (policy), 2);

  /* A value written for every language counts in each of them. */
  stk_text_set (stk_provider_get_purpose (youtube), "da", NULL);
  stk_text_set (stk_provider_get_purpose (youtube), "en", "");
  stk_text_set (stk_provider_get_purpose (youtube), STK_TEXT_ANY_LANGUAGE, "Video");
  assert_not_found (policy, "missing-translation", NULL);

  stk_text_set (stk_provider_get_purpose (youtube), STK_TEXT_ANY_LANGUAGE, "");
  stk_text_set (stk_provider_get_purpose (youtube), "da", "Video");
  purpose_path = join (path, "purpose.en");
  assert_found (policy, "missing-translation", purpose_path, STK_SEVERITY_WARNING);

  stk_text_set (stk_cookie_get_purpose (cookie), "da", "");
  cookie_path = g_strdup_printf ("%s.cookies[1].purpose.da", path);
  assert_found (policy, "missing-translation", cookie_path, STK_SEVERITY_WARNING);

  stk_text_set (stk_embed_get_placeholder (embed), "en", "");
  embed_path = g_strdup_printf ("%s.embeds[0].placeholder.en", path);
  assert_found (policy, "missing-translation", embed_path, STK_SEVERITY_WARNING);

  stk_text_set (stk_category_get_description (statistical), "en", "");
  description_path = join (category_path, "description.en");
  assert_found (policy, "missing-translation", description_path, STK_SEVERITY_WARNING);

  stk_text_set (stk_section_get_title (section), "en", "");
  stk_text_set (stk_section_get_body (section), "da", "");
  assert_found (policy, "missing-translation", "sections[2].title.en", STK_SEVERITY_WARNING);
  assert_found (policy, "missing-translation", "sections[2].body.da", STK_SEVERITY_WARNING);

  stk_text_set (stk_policy_get_revision_note (policy), "en", "");
  assert_found (policy, "missing-translation", "revision_note.en", STK_SEVERITY_WARNING);
}

static void
test_missing_translation_new_language (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const char *languages[] = { "da", "en", "de", NULL };
  const StkTextKey *key = first_key (TRUE);
  g_autofree char *path = g_strdup_printf ("texts.%s.de", key->key);

  stk_policy_set_languages (policy, languages);
  assert_found (policy, "missing-translation", path, STK_SEVERITY_ERROR);
  assert_found (policy, "missing-translation", "sections[0].title.de", STK_SEVERITY_WARNING);
  assert_not_found (policy, "missing-translation", "sections[0].title.da");
}

static void
test_missing_banner_text (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const StkTextKey *key = first_key (TRUE);
  const StkTextKey *optional = first_key (FALSE);
  StkText *text = stk_policy_get_text (policy, key->key);
  g_autofree char *path = g_strdup_printf ("texts.%s", key->key);
  g_autofree char *optional_path = g_strdup_printf ("texts.%s", optional->key);

  assert_not_found (policy, "missing-text", NULL);

  stk_text_set (text, "da", "");
  stk_text_set (text, "en", "");
  assert_found (policy, "missing-text", path, STK_SEVERITY_ERROR);
  /* One finding for the whole text, not one per language. */
  assert_not_found (policy, "missing-translation", NULL);

  stk_text_set (stk_policy_get_text (policy, optional->key), "da", "");
  stk_text_set (stk_policy_get_text (policy, optional->key), "en", "");
  assert_found (policy, "missing-text", optional_path, STK_SEVERITY_WARNING);
}

static void
test_missing_banner_text_absent (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  const StkTextKey *key = first_key (TRUE);
  g_autofree char *path = g_strdup_printf ("texts.%s", key->key);
  const char *languages[] = { "da", NULL };

  stk_policy_set_languages (policy, languages);
  stk_policy_set_default_language (policy, "da");
  assert_found (policy, "missing-text", path, STK_SEVERITY_ERROR);
}

/* Empty names and ids */

static void
test_empty_names (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *category_path = NULL;
  g_autofree char *name_path = NULL;
  g_autofree char *cookie_path = NULL;
  g_autofree char *title_da = NULL;
  g_autofree char *title_en = NULL;
  g_autofree char *id_path = NULL;
  StkProvider *provider = provider_at (policy, "linkbot", &path);
  StkCategory *category = category_at (policy, "functional", &category_path);

  assert_not_found (policy, "empty-name", NULL);
  assert_not_found (policy, "empty-id", NULL);

  /* A title missing in another than the default language is only a missing translation. */
  stk_text_set (stk_category_get_title (category), "en", "");
  title_en = join (category_path, "title.en");
  assert_not_found (policy, "empty-name", NULL);
  assert_found (policy, "missing-translation", title_en, STK_SEVERITY_WARNING);

  stk_text_set (stk_category_get_title (category), "da", "");
  title_da = join (category_path, "title.da");
  assert_found (policy, "empty-name", title_da, STK_SEVERITY_ERROR);
  assert_not_found (policy, "missing-translation", title_da);

  stk_provider_set_name (provider, " ");
  name_path = join (path, "name");
  assert_found (policy, "empty-name", name_path, STK_SEVERITY_ERROR);

  stk_cookie_set_name (stk_list_peek (stk_provider_get_cookies (provider), 0), "");
  cookie_path = g_strdup_printf ("%s.cookies[0].name", path);
  assert_found (policy, "empty-name", cookie_path, STK_SEVERITY_ERROR);

  stk_provider_set_id (provider, "");
  id_path = join (path, "id");
  assert_found (policy, "empty-id", id_path, STK_SEVERITY_ERROR);

  stk_section_set_id (stk_list_peek (stk_policy_get_sections (policy), 0), "");
  assert_found (policy, "empty-id", "sections[0].id", STK_SEVERITY_ERROR);
}

static void
test_invalid_id (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *id_path = NULL;
  StkCategory *category = category_at (policy, "statistical", &path);
  const char *good[] = { "x_1-2", "9lives", "a", NULL };
  const char *bad[] = { "Statistical", "-x", "_x", "a b", "søg", "a.b", NULL };

  id_path = join (path, "id");
  for (guint i = 0; good[i] != NULL; i++)
    {
      stk_category_set_id (category, good[i]);
      assert_not_found (policy, "invalid-id", NULL);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_test_message ("id: %s", bad[i]);
      stk_category_set_id (category, bad[i]);
      assert_found (policy, "invalid-id", id_path, STK_SEVERITY_ERROR);
    }
}

/* URLs */

static void
test_url_scheme (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *website = NULL;
  g_autofree char *privacy_da = NULL;
  StkProvider *provider = provider_at (policy, "siteimprove", &path);
  StkText *site = stk_provider_get_website (provider);
  StkText *privacy = stk_provider_get_privacy_policy (provider);
  const char *good[] = { "https://example.com/", "http://example.com/a?b=c",
                         "mailto:dpo@example.com", "HTTPS://EXAMPLE.COM/", NULL };
  const char *bad_scheme[] = { "javascript:alert(1)", "ftp://example.com/",
                               "data:text/html,hi", "file:///etc/passwd", NULL };

  website = join (path, "website");
  privacy_da = join (path, "privacy_policy.da");

  for (guint i = 0; good[i] != NULL; i++)
    {
      stk_text_set (site, STK_TEXT_ANY_LANGUAGE, good[i]);
      assert_not_found (policy, "url-scheme", NULL);
      assert_not_found (policy, "invalid-url", NULL);
    }

  for (guint i = 0; bad_scheme[i] != NULL; i++)
    {
      g_test_message ("url: %s", bad_scheme[i]);
      stk_text_set (site, STK_TEXT_ANY_LANGUAGE, bad_scheme[i]);
      assert_found (policy, "url-scheme", website, STK_SEVERITY_ERROR);
    }

  stk_text_set (site, STK_TEXT_ANY_LANGUAGE, "https://example.com/");
  stk_text_set (privacy, "da", "vbscript:x");
  assert_found (policy, "url-scheme", privacy_da, STK_SEVERITY_ERROR);

  stk_text_set (privacy, "da", "www.example.com/privacy");
  assert_found (policy, "invalid-url", privacy_da, STK_SEVERITY_ERROR);

  stk_text_set (privacy, "da", "https://");
  assert_found (policy, "invalid-url", privacy_da, STK_SEVERITY_ERROR);

  /* A mailto: link needs a recipient with an "@", as the exported pages do to link it. */
  stk_text_set (privacy, "da", "mailto:nobody");
  assert_found (policy, "invalid-url", privacy_da, STK_SEVERITY_ERROR);
  stk_text_set (privacy, "da", "mailto:dpo@kk.dk?subject=Cookies");
  assert_not_found (policy, "invalid-url", NULL);
}

static void
test_url_languages (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *privacy = NULL;
  g_autofree char *privacy_en = NULL;
  g_autofree char *website = NULL;
  StkProvider *provider = provider_at (policy, "siteimprove", &path);
  StkText *text = stk_provider_get_privacy_policy (provider);

  privacy = join (path, "privacy_policy");
  privacy_en = join (path, "privacy_policy.en");

  /* One address for every language is complete. */
  stk_text_set (text, "da", NULL);
  stk_text_set (text, "en", NULL);
  stk_text_set (text, STK_TEXT_ANY_LANGUAGE, "https://www.siteimprove.com/privacy/");
  assert_not_found (policy, "missing-translation", NULL);
  assert_not_found (policy, "missing-url", NULL);

  stk_text_set (text, STK_TEXT_ANY_LANGUAGE, NULL);
  stk_text_set (text, "da", "https://www.siteimprove.com/da-dk/privatlivspolitik/");
  assert_found (policy, "missing-translation", privacy_en, STK_SEVERITY_WARNING);
  assert_not_found (policy, "missing-url", NULL);

  stk_text_set (text, "da", "");
  assert_found (policy, "missing-url", privacy, STK_SEVERITY_WARNING);
  assert_not_found (policy, "missing-translation", NULL);

  /* A provider's website may be left out. */
  website = join (path, "website");
  stk_text_set (stk_provider_get_website (provider), STK_TEXT_ANY_LANGUAGE, NULL);
  assert_not_found (policy, "missing-url", website);
  assert_not_found (policy, "missing-translation", NULL);
}

static void
test_log_endpoint (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const char *good[] = { "", "/api/consent", "https://kk.dk/api/consent",
                         "https://www.kk.dk/consent", "https://log.kk.dk/x", NULL };
  const char *bad[] = { "http://kk.dk/api/consent", "//evil.example/log", "api/consent",
                        "javascript:alert(1)", "mailto:log@kk.dk", "/\\evil.example/log",
                        NULL };
  const char *unusable[] = { "/api/con sent", "https://kk.dk/a b", "https://", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_test_message ("endpoint: %s", good[i]);
      stk_policy_set_log_endpoint (policy, good[i]);
      assert_not_found (policy, "log-endpoint", NULL);
      assert_not_found (policy, "log-endpoint-foreign", NULL);
      assert_not_found (policy, "url-scheme", NULL);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_test_message ("endpoint: %s", bad[i]);
      stk_policy_set_log_endpoint (policy, bad[i]);
      assert_found (policy, "log-endpoint", "consent.log_endpoint", STK_SEVERITY_ERROR);
    }

  /* On the site, but not an address the component could send to. */
  for (guint i = 0; unusable[i] != NULL; i++)
    {
      g_test_message ("endpoint: %s", unusable[i]);
      stk_policy_set_log_endpoint (policy, unusable[i]);
      assert_found (policy, "invalid-url", "consent.log_endpoint", STK_SEVERITY_ERROR);
      assert_not_found (policy, "log-endpoint", NULL);
    }

  /* A host that merely ends in the domain's letters is not below it. */
  stk_policy_set_log_endpoint (policy, "https://notkk.dk/log");
  assert_found (policy, "log-endpoint-foreign", "consent.log_endpoint", STK_SEVERITY_WARNING);
  stk_policy_set_log_endpoint (policy, "https://collector.example.com/log");
  assert_found (policy, "log-endpoint-foreign", "consent.log_endpoint", STK_SEVERITY_WARNING);
}

/* Durations and lifetimes */

static void
test_cookie_duration (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  StkProvider *provider = provider_at (policy, "siteimprove", &path);
  StkCookie *cookie = stk_list_peek (stk_provider_get_cookies (provider), 0);

  expected = g_strdup_printf ("%s.cookies[0].duration", path);

  stk_cookie_set_duration_unit (cookie, STK_UNIT_SESSION);
  stk_cookie_set_duration_value (cookie, 0);
  assert_not_found (policy, "cookie-duration", NULL);

  stk_cookie_set_duration_unit (cookie, STK_UNIT_DAYS);
  stk_cookie_set_duration_value (cookie, 1000);
  assert_not_found (policy, "cookie-duration", NULL);
  assert_not_found (policy, "cookie-duration-long", NULL);

  stk_cookie_set_duration_value (cookie, -1);
  assert_found (policy, "cookie-duration", expected, STK_SEVERITY_ERROR);

  stk_cookie_set_duration_value (cookie, 0);
  assert_found (policy, "cookie-duration", expected, STK_SEVERITY_ERROR);

  stk_cookie_set_duration_unit (cookie, STK_UNIT_YEARS);
  stk_cookie_set_duration_value (cookie, 5);
  assert_not_found (policy, "cookie-duration-long", NULL);

  stk_cookie_set_duration_value (cookie, 6);
  assert_found (policy, "cookie-duration-long", expected, STK_SEVERITY_WARNING);
  assert_not_found (policy, "cookie-duration", NULL);

  stk_cookie_set_duration_value (cookie, 25);
  assert_not_found (policy, "cookie-duration", NULL);

  stk_cookie_set_duration_value (cookie, 26);
  assert_found (policy, "cookie-duration", expected, STK_SEVERITY_ERROR);

  /* No overflow on the way to seconds. */
  stk_cookie_set_duration_value (cookie, G_MAXINT64);
  assert_found (policy, "cookie-duration", expected, STK_SEVERITY_ERROR);
}

static void
test_consent_lifetime (void)
{
  g_autoptr(StkPolicy) policy = example ();

  stk_policy_set_accept_days (policy, 395);
  stk_policy_set_decline_days (policy, 395);
  assert_not_found (policy, "consent-lifetime", NULL);
  assert_not_found (policy, "consent-lifetime-long", NULL);

  stk_policy_set_decline_days (policy, 396);
  assert_found (policy, "consent-lifetime", "consent.decline_days", STK_SEVERITY_ERROR);

  stk_policy_set_decline_days (policy, 0);
  assert_found (policy, "consent-lifetime", "consent.decline_days", STK_SEVERITY_ERROR);

  stk_policy_set_decline_days (policy, 14);
  stk_policy_set_accept_days (policy, -5);
  assert_found (policy, "consent-lifetime", "consent.accept_days", STK_SEVERITY_ERROR);

  stk_policy_set_accept_days (policy, 730);
  assert_found (policy, "consent-lifetime-long", "consent.accept_days", STK_SEVERITY_WARNING);
  assert_not_found (policy, "consent-lifetime", NULL);

  /* Accepted: at most 13 months, 395 days. */
  stk_policy_set_accept_days (policy, 396);
  assert_found (policy, "consent-lifetime-long", "consent.accept_days", STK_SEVERITY_WARNING);
  stk_policy_set_accept_days (policy, 395);
  assert_not_found (policy, "consent-lifetime-long", NULL);
}

/* A refusal remembered for less than six months: the visitor is asked again too soon. */
static void
test_refusal_lifetime (void)
{
  g_autoptr(StkPolicy) policy = example ();

  g_assert_cmpint (stk_policy_get_decline_days (policy), ==, 182);
  g_assert_cmpint (stk_policy_get_accept_days (policy), ==, 365);
  assert_not_found (policy, "consent-lifetime-short", NULL);

  stk_policy_set_decline_days (policy, 180);
  assert_not_found (policy, "consent-lifetime-short", NULL);
  stk_policy_set_decline_days (policy, 179);
  assert_found (policy, "consent-lifetime-short", "consent.decline_days", STK_SEVERITY_WARNING);
  stk_policy_set_decline_days (policy, 14);
  assert_found (policy, "consent-lifetime-short", "consent.decline_days", STK_SEVERITY_WARNING);

  /* A refusal kept longer than consent is the error, not this warning. */
  stk_policy_set_accept_days (policy, 10);
  assert_found (policy, "consent-lifetime", "consent.decline_days", STK_SEVERITY_ERROR);
  assert_not_found (policy, "consent-lifetime-short", NULL);
}

/* The message of the first finding of @rule at @path. */
static char *
message_of (StkPolicy  *policy,
            const char *rule,
            const char *path)
{
  g_autoptr(GListModel) findings = stk_policy_validate (policy);
  g_autoptr(StkFinding) finding = lookup (findings, rule, path);

  g_assert_nonnull (finding);
  return g_strdup (stk_finding_get_message (finding));
}

static void
test_appearance_contrast (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  g_autoptr(GBytes) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GHashTable) files = NULL;

  assert_not_found (policy, "low-contrast", NULL);

  /* #777 on white is 4.48:1: text needs 4.5. */
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_TEXT, "#777");
  assert_found (policy, "low-contrast", "appearance.light.text", STK_SEVERITY_ERROR);
  message = message_of (policy, "low-contrast", "appearance.light.text");
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "4.47:1"));
  g_assert_nonnull (strstr (message, "below the 4.5:1"));
  g_assert_nonnull (strstr (message, "#767676"));
  g_assert_nonnull (strstr (message, "light"));

  /* Refused by export too. */
  files = stk_export_render (policy, STK_EXPORT_ALL, &error);
  g_assert_null (files);
  g_assert_error (error, STK_ERROR, STK_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, "appearance.light.text"));

  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_TEXT, "#767676");
  assert_not_found (policy, "low-contrast", NULL);

  /* Each pair, in dark too: links and button text need 4.5, the buttons' edges 3. */
  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_LINK, "#3366cc");
  assert_found (policy, "low-contrast", "appearance.dark.link", STK_SEVERITY_ERROR);
  g_free (message);
  message = message_of (policy, "low-contrast", "appearance.dark.link");
  g_assert_nonnull (strstr (message, "dark"));
  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_LINK, "#8ab4f8");

  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_BUTTON_TEXT, "#6fa8dc");
  assert_found (policy, "low-contrast", "appearance.light.button_text", STK_SEVERITY_ERROR);
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_BUTTON_TEXT, "white");
  assert_not_found (policy, "low-contrast", NULL);

  /* A pale accent: dark button text reads on it (4.5), but the buttons do not stand out from
   * the white background (3). */
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_ACCENT, "#a4c2f4");
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_BUTTON_TEXT, "#1a1a1a");
  assert_found (policy, "low-contrast", "appearance.light.accent", STK_SEVERITY_ERROR);
  assert_not_found (policy, "low-contrast", "appearance.light.button_text");
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_ACCENT, "#2e6bd1");
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_BUTTON_TEXT, "#fff");
  assert_not_found (policy, "low-contrast", NULL);

  /* The lines only separate: a warning. */
  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_BORDER, "#444");
  assert_found (policy, "low-contrast", "appearance.dark.border", STK_SEVERITY_WARNING);
  export = stk_export_banner_html (policy);
  g_assert_nonnull (export);
}

static void
test_appearance_values (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);

  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_BACKGROUND, "#fffff");
  assert_found (policy, "invalid-color", "appearance.light.background", STK_SEVERITY_ERROR);
  /* No contrast is measured against a colour that is not one. */
  assert_not_found (policy, "low-contrast", NULL);
  stk_appearance_set_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_BACKGROUND, "White");
  assert_not_found (policy, "invalid-color", NULL);

  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_BACKGROUND,
                            "rgba(0, 0, 0, 0.8)");
  assert_found (policy, "translucent-color", "appearance.dark.background", STK_SEVERITY_ERROR);
  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_BACKGROUND, "rgb(0 0 0 / 1)");
  assert_not_found (policy, "translucent-color", NULL);

  stk_appearance_set_radius (appearance, STK_RADIUS_MAX);
  assert_not_found (policy, "layout-hides-content", NULL);
  stk_appearance_set_radius (appearance, STK_RADIUS_MAX + 1);
  assert_found (policy, "layout-hides-content", "appearance.radius", STK_SEVERITY_ERROR);
  stk_appearance_set_radius (appearance, -1);
  assert_found (policy, "radius", "appearance.radius", STK_SEVERITY_ERROR);
  stk_appearance_set_radius (appearance, 0);
  assert_not_found (policy, "radius", NULL);
  assert_not_found (policy, "layout-hides-content", NULL);

  stk_appearance_set_font (appearance, "Arial;} body { display: none");
  assert_found (policy, "invalid-font", "appearance.font", STK_SEVERITY_ERROR);
  stk_appearance_set_font (appearance, "inherit");
  assert_not_found (policy, "invalid-font", NULL);
}

/* The texts that came after the first files are asked for only where they are shown. */
static void
test_later_texts (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  StkText *reopen = stk_policy_get_text (policy, "reopen_button");
  StkText *note = stk_policy_get_text (policy, "gpc_note");

  g_assert_true (stk_appearance_get_reopen (appearance));
  stk_text_set (reopen, "en", "");
  assert_found (policy, "missing-translation", "texts.reopen_button.en", STK_SEVERITY_ERROR);
  stk_text_set (reopen, "da", NULL);
  assert_found (policy, "missing-text", "texts.reopen_button", STK_SEVERITY_ERROR);
  stk_appearance_set_reopen (appearance, FALSE);
  assert_not_found (policy, "missing-text", NULL);
  assert_not_found (policy, "missing-translation", NULL);

  stk_text_set (note, "da", "");
  assert_found (policy, "missing-translation", "texts.gpc_note.da", STK_SEVERITY_WARNING);
  stk_text_set (note, "en", "");
  assert_found (policy, "missing-text", "texts.gpc_note", STK_SEVERITY_WARNING);

  /* When a category ignores the signal, the settings never show the sentence: no finding for
   * it, but one for the category. */
  stk_category_set_gpc (stk_policy_find_category (policy, "functional"), FALSE);
  assert_not_found (policy, "missing-text", NULL);
  assert_found (policy, "gpc-not-honoured", "categories[1].gpc", STK_SEVERITY_WARNING);
  /* A required category cannot be refused: nothing to honour. */
  stk_category_set_gpc (stk_policy_find_category (policy, "functional"), TRUE);
  stk_category_set_gpc (stk_policy_find_category (policy, "necessary"), FALSE);
  assert_not_found (policy, "gpc-not-honoured", NULL);
}

/* A file written before appearance and Global Privacy Control: what it meets, and nothing
 * more. */
static void
test_older_file (void)
{
  static const char *older =
    "{\"format\": \"samtykke-policy\", \"version\": 1, \"updated\": \"2026-01-01\",\n"
    " \"consent\": {\"accept_days\": 365, \"decline_days\": 182},\n"
    " \"categories\": [{\"id\": \"necessary\", \"required\": true,\n"
    "   \"title\": {\"da\": \"Nødvendige\", \"en\": \"Necessary\"},\n"
    "   \"description\": {\"da\": \"d\", \"en\": \"d\"}},\n"
    "  {\"id\": \"statistical\", \"title\": {\"da\": \"Statistik\", \"en\": \"Statistics\"},\n"
    "   \"description\": {\"da\": \"d\", \"en\": \"d\"}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = stk_policy_load_data (older, strlen (older), "older.json",
                                                      &error);
  g_autoptr(GListModel) findings = NULL;
  guint n;

  g_assert_no_error (error);
  /* Give it every text the example has, except the two that came later. */
  {
    g_autoptr(StkPolicy) full = example ();
    g_autoptr(GPtrArray) keys = stk_policy_dup_text_keys (full);

    for (guint i = 0; i < keys->len; i++)
      {
        const char *key = g_ptr_array_index (keys, i);

        if (!g_str_equal (key, "gpc_note") && !g_str_equal (key, "reopen_button"))
          stk_text_copy_from (stk_policy_get_text (policy, key), stk_policy_get_text (full, key));
      }
    stk_text_copy_from (stk_policy_get_revision_note (policy),
                        stk_policy_get_revision_note (full));
  }

  findings = stk_policy_validate (policy);
  dump_findings (findings);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, ==, 1);
  assert_found (policy, "missing-text", "texts.gpc_note", STK_SEVERITY_WARNING);
}

static void
test_consent_cookie_name (void)
{
  g_autoptr(StkPolicy) policy = example ();

  stk_policy_set_cookie_name (policy, "kk_consent-v2");
  assert_not_found (policy, "empty-name", NULL);
  assert_not_found (policy, "invalid-cookie-name", NULL);

  stk_policy_set_cookie_name (policy, "");
  assert_found (policy, "empty-name", "consent.cookie_name", STK_SEVERITY_ERROR);

  stk_policy_set_cookie_name (policy, "my consent");
  assert_found (policy, "invalid-cookie-name", "consent.cookie_name", STK_SEVERITY_ERROR);

  stk_policy_set_cookie_name (policy, "a=b");
  assert_found (policy, "invalid-cookie-name", "consent.cookie_name", STK_SEVERITY_ERROR);
}

static void
test_consent_cookie_domain (void)
{
  g_autoptr(StkPolicy) policy = example ();

  assert_not_found (policy, "invalid-domain", NULL);
  stk_policy_set_cookie_domain (policy, ".kk.dk");
  assert_not_found (policy, "invalid-domain", NULL);
  stk_policy_set_cookie_domain (policy, "");
  assert_not_found (policy, "invalid-domain", NULL);

  /* It ends up inside the cookie string the banner writes. */
  stk_policy_set_cookie_domain (policy, "kk.dk; Secure");
  assert_found (policy, "invalid-domain", "consent.cookie_domain", STK_SEVERITY_ERROR);
  stk_policy_set_cookie_domain (policy, "kk..dk");
  assert_found (policy, "invalid-domain", "consent.cookie_domain", STK_SEVERITY_ERROR);
}

static void
test_url_characters (void)
{
  g_autoptr(StkPolicy) policy = example ();
  StkProvider *provider = stk_policy_find_provider (policy, "siteimprove");

  stk_text_set (stk_provider_get_website (provider), STK_TEXT_ANY_LANGUAGE,
                "https://www.siteimprove.com/a%20b?x=%22");
  assert_not_found (policy, "invalid-url", NULL);
  stk_text_set (stk_provider_get_website (provider), STK_TEXT_ANY_LANGUAGE,
                "https://www.siteimprove.com/\"><script>");
  assert_found (policy, "invalid-url", "providers[3].website", STK_SEVERITY_ERROR);
  stk_text_set (stk_provider_get_website (provider), STK_TEXT_ANY_LANGUAGE,
                "https://www.siteimprove.com/a b");
  assert_found (policy, "invalid-url", "providers[3].website", STK_SEVERITY_ERROR);
}

static void
test_emails (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const char *bad[] = { "kontakt", "@kk.dk", "kontakt@", "kontakt@kk.dk ", "a b@kk.dk",
                        "a@b@kk.dk", "<kontakt@kk.dk>", NULL };

  assert_not_found (policy, "invalid-email", NULL);

  /* Not filled in: nothing to say (the page leaves it out). */
  stk_policy_set_controller_email (policy, "");
  stk_policy_set_dpo_email (policy, "");
  assert_not_found (policy, "invalid-email", NULL);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_test_message ("e-mail: “%s”", bad[i]);
      stk_policy_set_controller_email (policy, bad[i]);
      assert_found (policy, "invalid-email", "controller.email", STK_SEVERITY_WARNING);
      stk_policy_set_controller_email (policy, "kontakt@kk.dk");
      stk_policy_set_dpo_email (policy, bad[i]);
      assert_found (policy, "invalid-email", "controller.dpo_email", STK_SEVERITY_WARNING);
      assert_not_found (policy, "invalid-email", "controller.email");
      stk_policy_set_dpo_email (policy, "");
    }
}

/* Revision, dates and languages */

static void
test_revision (void)
{
  g_autoptr(StkPolicy) policy = example ();

  stk_policy_set_revision (policy, 7);
  assert_not_found (policy, "revision", NULL);

  stk_policy_set_revision (policy, 0);
  assert_found (policy, "revision", "revision", STK_SEVERITY_ERROR);

  stk_policy_set_revision (policy, -3);
  assert_found (policy, "revision", "revision", STK_SEVERITY_ERROR);
}

static void
test_dates (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *date_path = NULL;
  StkProvider *provider = provider_at (policy, "youtube", &path);
  const char *bad[] = { "", "2026-13-01", "2026-02-30", "26-11-01", "2026-1-01", "2026/11/01",
                        "2026-11-01T00:00", "today", NULL };

  date_path = join (path, "dpa_date");

  stk_policy_set_updated (policy, "2024-02-29");
  stk_provider_set_dpa_date (provider, "2000-12-31");
  assert_not_found (policy, "invalid-date", NULL);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_test_message ("date: %s", bad[i]);
      stk_policy_set_updated (policy, bad[i]);
      assert_found (policy, "invalid-date", "updated", STK_SEVERITY_ERROR);
    }
  stk_policy_set_updated (policy, "2026-11-01");

  stk_provider_set_dpa_date (provider, "2023-02-29");
  assert_found (policy, "invalid-date", date_path, STK_SEVERITY_ERROR);

  /* No agreement, no date: nothing to say. An agreement without a date: a warning. */
  stk_provider_set_dpa_date (provider, "");
  stk_provider_set_dpa (provider, FALSE);
  assert_not_found (policy, "invalid-date", NULL);
  assert_not_found (policy, "dpa-date-missing", NULL);
  stk_provider_set_dpa (provider, TRUE);
  assert_found (policy, "dpa-date-missing", date_path, STK_SEVERITY_WARNING);
}

static void
test_languages (void)
{
  g_autoptr(StkPolicy) policy = example ();
  const char *none[] = { NULL };
  const char *twice[] = { "da", "en", "da", NULL };
  const char *region[] = { "da", "en", "pt-BR", "zh-Hant", NULL };
  const char *bad[] = { "EN", "english", "d", "da_DK", "da-", "", NULL };

  stk_policy_set_languages (policy, region);
  assert_not_found (policy, "invalid-language", NULL);
  assert_not_found (policy, "no-languages", NULL);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      const char *languages[] = { "da", "en", bad[i], NULL };

      g_test_message ("language: “%s”", bad[i]);
      stk_policy_set_languages (policy, languages);
      assert_found (policy, "invalid-language", "languages[2]", STK_SEVERITY_ERROR);
    }

  stk_policy_set_languages (policy, twice);
  assert_found (policy, "duplicate-language", "languages[2]", STK_SEVERITY_ERROR);

  stk_policy_set_languages (policy, none);
  assert_found (policy, "no-languages", "languages", STK_SEVERITY_ERROR);
}

static void
test_default_language (void)
{
  g_autoptr(StkPolicy) policy = example ();

  stk_policy_set_default_language (policy, "en");
  assert_not_found (policy, "default-language", NULL);

  stk_policy_set_default_language (policy, "de");
  assert_found (policy, "default-language", "default_language", STK_SEVERITY_ERROR);

  stk_policy_set_default_language (policy, "");
  assert_found (policy, "default-language", "default_language", STK_SEVERITY_ERROR);
}

/* Providers */

static void
test_outside_eea (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *dpa_path = NULL;
  StkProvider *provider = provider_at (policy, "userindex", &path);

  dpa_path = join (path, "dpa");

  /* Inside the EEA, no agreement is no warning (the site's owner is its own provider). */
  stk_provider_set_dpa (provider, FALSE);
  stk_provider_set_dpa_date (provider, "");
  assert_not_found (policy, "no-dpa-outside-eea", NULL);

  stk_provider_set_country (provider, "US");
  stk_provider_set_outside_eea (provider, TRUE);
  assert_found (policy, "no-dpa-outside-eea", dpa_path, STK_SEVERITY_WARNING);

  stk_provider_set_dpa (provider, TRUE);
  stk_provider_set_dpa_date (provider, "2025-05-05");
  assert_not_found (policy, "no-dpa-outside-eea", NULL);
}

static void
test_country (void)
{
  g_autoptr(StkPolicy) policy = example ();
  g_autofree char *path = NULL;
  g_autofree char *country_path = NULL;
  StkProvider *provider = provider_at (policy, "userindex", &path);

  country_path = join (path, "country");

  stk_provider_set_country (provider, "");
  assert_not_found (policy, "invalid-country", NULL);
  stk_provider_set_country (provider, "SE");
  assert_not_found (policy, "invalid-country", NULL);

  stk_provider_set_country (provider, "Denmark");
  assert_found (policy, "invalid-country", country_path, STK_SEVERITY_WARNING);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/example", test_example_clean);
  g_test_add_func ("/validate/read-only", test_leaves_policy_alone);
  g_test_add_func ("/validate/finding", test_finding_object);
  g_test_add_func ("/validate/order", test_order);
  g_test_add_func ("/validate/duplicate-id/category", test_duplicate_category);
  g_test_add_func ("/validate/duplicate-id/provider", test_duplicate_provider);
  g_test_add_func ("/validate/duplicate-id/section", test_duplicate_section);
  g_test_add_func ("/validate/duplicate-id/embed", test_duplicate_embed);
  g_test_add_func ("/validate/duplicate-cookie", test_duplicate_cookie);
  g_test_add_func ("/validate/unknown-category", test_unknown_category);
  g_test_add_func ("/validate/no-required-category", test_no_required_category);
  g_test_add_func ("/validate/preselected-category", test_preselected_category);
  g_test_add_func ("/validate/missing-translation/banner", test_missing_translation_banner);
  g_test_add_func ("/validate/missing-translation/page-text",
                   test_missing_translation_page_text);
  g_test_add_func ("/validate/missing-translation/model", test_missing_translation_model);
  g_test_add_func ("/validate/missing-translation/new-language",
                   test_missing_translation_new_language);
  g_test_add_func ("/validate/missing-text", test_missing_banner_text);
  g_test_add_func ("/validate/missing-text/absent", test_missing_banner_text_absent);
  g_test_add_func ("/validate/empty-name", test_empty_names);
  g_test_add_func ("/validate/invalid-id", test_invalid_id);
  g_test_add_func ("/validate/url-scheme", test_url_scheme);
  g_test_add_func ("/validate/url-languages", test_url_languages);
  g_test_add_func ("/validate/log-endpoint", test_log_endpoint);
  g_test_add_func ("/validate/cookie-duration", test_cookie_duration);
  g_test_add_func ("/validate/consent-lifetime", test_consent_lifetime);
  g_test_add_func ("/validate/refusal-lifetime", test_refusal_lifetime);
  g_test_add_func ("/validate/appearance/contrast", test_appearance_contrast);
  g_test_add_func ("/validate/appearance/values", test_appearance_values);
  g_test_add_func ("/validate/later-texts", test_later_texts);
  g_test_add_func ("/validate/older-file", test_older_file);
  g_test_add_func ("/validate/consent-cookie-name", test_consent_cookie_name);
  g_test_add_func ("/validate/consent-cookie-domain", test_consent_cookie_domain);
  g_test_add_func ("/validate/url-characters", test_url_characters);
  g_test_add_func ("/validate/emails", test_emails);
  g_test_add_func ("/validate/revision", test_revision);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/languages", test_languages);
  g_test_add_func ("/validate/default-language", test_default_language);
  g_test_add_func ("/validate/no-dpa-outside-eea", test_outside_eea);
  g_test_add_func ("/validate/country", test_country);

  return g_test_run ();
}
