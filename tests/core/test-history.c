/* test-history.c — every change to a policy can be undone and redone
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core.h"

static void
test_property_undo_redo (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);
  StkProvider *provider = stk_policy_find_provider (policy, "siteimprove");

  g_assert_false (stk_history_can_undo (history));
  g_assert_false (stk_history_get_modified (history));

  stk_provider_set_name (provider, "Siteimprove");
  g_assert_true (stk_history_get_modified (history));
  g_assert_true (stk_history_undo (history));
  g_assert_cmpstr (stk_provider_get_name (provider), ==, "Siteimprove A/S");
  g_assert_false (stk_history_get_modified (history));
  g_assert_true (stk_history_redo (history));
  g_assert_cmpstr (stk_provider_get_name (provider), ==, "Siteimprove");
  g_assert_true (stk_history_get_modified (history));
  g_assert_false (stk_history_redo (history));
}

static void
test_typing_merges_until_sealed (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);
  StkText *title = stk_policy_get_text (policy, "banner_title");

  stk_text_set (title, "da", "V");
  stk_text_set (title, "da", "Vi");
  stk_text_set (title, "da", "Vi b");
  stk_history_seal (history);
  stk_text_set (title, "da", "Vi bruger");
  stk_text_set (title, "en", "We");

  g_assert_true (stk_history_undo (history));   /* en */
  g_assert_cmpstr (stk_text_get (title, "en"), ==, "We use cookies");
  g_assert_cmpstr (stk_text_get (title, "da"), ==, "Vi bruger");
  g_assert_true (stk_history_undo (history));   /* the typing after the seal */
  g_assert_cmpstr (stk_text_get (title, "da"), ==, "Vi b");
  g_assert_true (stk_history_undo (history));   /* the three merged steps */
  g_assert_cmpstr (stk_text_get (title, "da"), ==, "Vi bruger cookies");
  g_assert_false (stk_history_can_undo (history));
  g_assert_false (stk_history_get_modified (history));
}

static void
test_saved_state (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);

  stk_policy_set_revision (policy, 2);
  stk_history_mark_saved (history);
  g_assert_false (stk_history_get_modified (history));

  /* An edit after saving does not merge into the saved step. */
  stk_policy_set_revision (policy, 3);
  g_assert_true (stk_history_get_modified (history));
  stk_history_undo (history);
  g_assert_cmpint (stk_policy_get_revision (policy), ==, 2);
  g_assert_false (stk_history_get_modified (history));
  stk_history_undo (history);
  g_assert_cmpint (stk_policy_get_revision (policy), ==, 1);
  g_assert_true (stk_history_get_modified (history));

  /* Editing away from an undone saved state loses it for good. */
  stk_policy_set_revision (policy, 5);
  g_assert_true (stk_history_get_modified (history));
  stk_history_undo (history);
  g_assert_true (stk_history_get_modified (history));
}

/* Recovered changes: modified from the start, and nothing undoes back to a saved state. */
static void
test_unsaved_state (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);

  g_assert_false (stk_history_get_modified (history));
  stk_history_mark_unsaved (history);
  g_assert_true (stk_history_get_modified (history));
  g_assert_false (stk_history_can_undo (history));

  stk_policy_set_revision (policy, 7);
  stk_history_undo (history);
  g_assert_true (stk_history_get_modified (history));

  stk_history_mark_saved (history);
  g_assert_false (stk_history_get_modified (history));
}

static void
test_list_changes (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);
  StkList *categories = stk_policy_get_categories (policy);
  StkList *providers = stk_policy_get_providers (policy);
  g_autoptr(StkProvider) added = stk_provider_new ();
  StkProvider *youtube = stk_policy_find_provider (policy, "youtube");
  StkList *cookies = stk_provider_get_cookies (youtube);
  g_autoptr(StkCookie) copy = NULL;

  stk_provider_set_id (added, "maps");
  stk_list_append (providers, added);
  g_assert_cmpuint (stk_list_get_n (providers), ==, 6);
  g_assert_true (stk_node_get_parent (STK_NODE (added)) == STK_NODE (providers));

  /* Edits inside the added provider are recorded too. */
  stk_provider_set_name (added, "Maps");
  stk_history_undo (history);
  g_assert_cmpstr (stk_provider_get_name (added), ==, "");
  stk_history_undo (history);
  g_assert_cmpuint (stk_list_get_n (providers), ==, 5);
  g_assert_null (stk_policy_find_provider (policy, "maps"));
  stk_history_redo (history);
  g_assert_true (stk_policy_find_provider (policy, "maps") == added);

  /* A move is one step. */
  stk_list_move (categories, 0, 2);
  g_assert_cmpstr (stk_category_get_id (stk_list_peek (categories, 2)), ==, "necessary");
  stk_history_undo (history);
  g_assert_cmpstr (stk_category_get_id (stk_list_peek (categories, 0)), ==, "necessary");
  g_assert_cmpstr (stk_category_get_id (stk_list_peek (categories, 2)), ==, "statistical");

  /* Duplicate a cookie, then remove the original. */
  copy = stk_cookie_copy (stk_list_peek (cookies, 0));
  g_assert_cmpstr (stk_cookie_get_name (copy), ==, "VISITOR_INFO1_LIVE");
  g_assert_cmpstr (stk_text_get (stk_cookie_get_purpose (copy), "en"), ==,
                   "Estimates your bandwidth to choose the video quality.");
  stk_list_insert (cookies, 1, copy);
  stk_list_remove (cookies, 0);
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 3);
  g_assert_true (stk_list_peek (cookies, 0) == (gpointer) copy);
  stk_history_undo (history);
  stk_history_undo (history);
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 3);
  g_assert_cmpstr (stk_cookie_get_name (stk_list_peek (cookies, 1)), ==, "YSC");
}

static void
test_group (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);
  StkCategory *functional = stk_policy_find_category (policy, "functional");

  stk_history_begin_group (history);
  stk_category_set_id (functional, "functionality");
  stk_text_set (stk_category_get_title (functional), "en", "Functionality");
  stk_category_set_signal (functional, "ad_storage", TRUE);
  stk_history_end_group (history);
  g_assert_cmpstrv (stk_category_get_consent_mode (functional),
                    ((const char *[]) { "ad_storage", "functionality_storage",
                                        "personalization_storage", NULL }));

  stk_history_undo (history);
  g_assert_cmpstr (stk_category_get_id (functional), ==, "functional");
  g_assert_cmpstr (stk_text_get (stk_category_get_title (functional), "en"), ==,
                   "Functional cookies");
  g_assert_false (stk_category_has_signal (functional, "ad_storage"));
  g_assert_false (stk_history_can_undo (history));
}

static void
count_changed (StkNode  *node,
               gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkProvider *youtube = stk_policy_find_provider (policy, "youtube");
  StkCookie *cookie = stk_list_peek (stk_provider_get_cookies (youtube), 0);
  guint n = 0;
  gulong id = g_signal_connect (policy, "changed", G_CALLBACK (count_changed), &n);

  stk_cookie_set_duration_value (cookie, 7);
  g_assert_cmpuint (n, ==, 1);
  stk_cookie_set_duration_value (cookie, 7);  /* no change, no signal */
  g_assert_cmpuint (n, ==, 1);
  stk_text_set (stk_cookie_get_purpose (cookie), "da", "Nyt formål");
  g_assert_cmpuint (n, ==, 2);
  stk_history_undo (stk_policy_get_history (policy));
  g_assert_cmpuint (n, ==, 3);
  g_signal_handler_disconnect (policy, id);
}

static void
test_no_leak (void)
{
  StkPolicy *policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);
  StkProvider *provider = stk_provider_new ();

  stk_policy_set_name (policy, "x");
  stk_list_append (stk_policy_get_providers (policy), provider);
  g_object_unref (provider);
  stk_list_remove (stk_policy_get_providers (policy), 0);
  stk_history_undo (history);
  g_assert_finalize_object (policy);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* Taking another policy's contents is one step: the policy then writes exactly as the other
 * did, and one undo gives back every byte of what it was. */
static void
test_replace_with (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(StkPolicy) other = stk_policy_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(StkCategory) category = stk_category_new ();
  StkHistory *history = stk_policy_get_history (policy);
  const char * const languages[] = { "en", NULL };

  stk_history_clear (history);
  stk_policy_set_name (other, "Imported");
  stk_policy_set_languages (other, languages);
  stk_policy_set_default_language (other, "en");
  stk_text_set (stk_policy_get_text (other, "banner_title"), "en", "Cookies here");
  stk_category_set_id (category, "statistics");
  stk_list_append (stk_policy_get_categories (other), category);
  stk_appearance_set_radius (stk_policy_get_appearance (other), 3);

  before = stk_policy_to_bytes (policy);
  expected = stk_policy_to_bytes (other);
  stk_policy_replace_with (policy, other);
  after = stk_policy_to_bytes (policy);
  assert_same_bytes (after, expected);
  g_assert_true (stk_list_peek (stk_policy_get_categories (policy), 0) == category);
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_categories (other)), ==, 0);
  g_assert_true (stk_history_get_modified (history));

  g_assert_true (stk_history_undo (history));
  g_assert_false (stk_history_can_undo (history));
  undone = stk_policy_to_bytes (policy);
  assert_same_bytes (undone, before);
  g_assert_false (stk_history_get_modified (history));

  g_assert_true (stk_history_redo (history));
  redone = stk_policy_to_bytes (policy);
  assert_same_bytes (redone, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/property", test_property_undo_redo);
  g_test_add_func ("/history/typing-merges", test_typing_merges_until_sealed);
  g_test_add_func ("/history/saved-state", test_saved_state);
  g_test_add_func ("/history/unsaved-state", test_unsaved_state);
  g_test_add_func ("/history/lists", test_list_changes);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/changed-signal", test_changed_signal);
  g_test_add_func ("/history/no-leak", test_no_leak);
  g_test_add_func ("/history/replace-with", test_replace_with);

  return g_test_run ();
}
