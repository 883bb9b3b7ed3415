/* test-model.c — the policy model's objects, properties and lists
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  g_ptr_array_add (user_data, (gpointer) g_param_spec_get_name (pspec));
}

static void
test_properties_notify (void)
{
  g_autoptr(StkCookie) cookie = stk_cookie_new ();
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();
  g_autofree char *name = NULL;

  g_signal_connect (cookie, "notify", G_CALLBACK (on_notify), notified);
  stk_cookie_set_name (cookie, "_ga");
  stk_cookie_set_name (cookie, "_ga");
  g_object_set (cookie, "party", STK_PARTY_THIRD, "duration-unit", STK_UNIT_MONTHS, NULL);
  g_object_set (cookie, "party", STK_PARTY_THIRD, NULL);

  g_assert_cmpuint (notified->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (notified, 0), ==, "name");
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "party", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "duration-unit", g_str_equal,
                                                   NULL));
  g_object_get (cookie, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "_ga");
  g_assert_cmpint (stk_cookie_get_party (cookie), ==, STK_PARTY_THIRD);
}

static void
test_enums (void)
{
  StkUnit unit;
  StkKind kind;
  StkParty party;

  g_assert_true (stk_unit_from_string ("months", &unit));
  g_assert_cmpint (unit, ==, STK_UNIT_MONTHS);
  g_assert_false (stk_unit_from_string ("fortnights", &unit));
  g_assert_true (stk_kind_from_string ("local_storage", &kind));
  g_assert_cmpstr (stk_kind_to_string (kind), ==, "local_storage");
  g_assert_true (stk_party_from_string ("third", &party));
  g_assert_cmpint (stk_unit_seconds (STK_UNIT_DAYS), ==, 86400);
  g_assert_cmpint (stk_unit_seconds (STK_UNIT_SESSION), ==, 0);
}

static void
test_text (void)
{
  g_autoptr(StkText) text = stk_text_new ();
  g_auto(GStrv) langs = NULL;

  g_assert_true (stk_text_is_empty (text));
  g_assert_true (stk_text_is_missing (text, "da"));
  stk_text_set (text, "en", "Hello");
  stk_text_set (text, "da", "");
  g_assert_true (stk_text_is_missing (text, "da"));
  g_assert_false (stk_text_is_missing (text, "en"));
  langs = stk_text_dup_languages (text);
  g_assert_cmpstrv (langs, ((const char *[]) { "en", "da", NULL }));
  stk_text_set (text, "en", NULL);
  g_assert_null (stk_text_get (text, "en"));

  stk_text_set (text, "da", NULL);
  stk_text_set (text, STK_TEXT_ANY_LANGUAGE, "https://example.org/");
  g_assert_true (stk_text_is_uniform (text));
  g_assert_cmpstr (stk_text_lookup (text, "en"), ==, "https://example.org/");
  stk_text_set (text, "en", "https://example.org/en");
  g_assert_false (stk_text_is_uniform (text));
  g_assert_cmpstr (stk_text_lookup (text, "en"), ==, "https://example.org/en");
  g_assert_cmpstr (stk_text_lookup (text, "da"), ==, "https://example.org/");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *calls = user_data;

  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

static void
test_list_model (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  GListModel *model = G_LIST_MODEL (stk_policy_get_sections (policy));
  g_autoptr(StkSection) section = stk_section_new ();
  g_autoptr(GObject) item = NULL;
  guint calls[4] = { 0 };

  g_assert_true (g_list_model_get_item_type (model) == STK_TYPE_SECTION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  item = g_list_model_get_item (model, 4);
  g_assert_cmpstr (stk_section_get_id (STK_SECTION (item)), ==, "external-links");
  g_assert_null (g_list_model_get_item (model, 6));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), calls);
  stk_list_insert (STK_LIST (model), 1, section);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[1], ==, 1);
  g_assert_cmpuint (calls[2], ==, 0);
  g_assert_cmpuint (calls[3], ==, 1);
  g_assert_true (stk_node_get_root (STK_NODE (stk_section_get_title (section))) ==
                 STK_NODE (policy));
}

static void
test_new_policy_saves (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  g_autoptr(GBytes) bytes = stk_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) again = NULL;
  g_autoptr(GBytes) bytes_again = NULL;

  again = stk_policy_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                "new.json", &error);
  g_assert_no_error (error);
  bytes_again = stk_policy_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
  g_assert_cmpstrv (stk_policy_get_languages (again), ((const char *[]) { "da", "en", NULL }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/properties-notify", test_properties_notify);
  g_test_add_func ("/model/enums", test_enums);
  g_test_add_func ("/model/text", test_text);
  g_test_add_func ("/model/list-model", test_list_model);
  g_test_add_func ("/model/new-policy-saves", test_new_policy_saves);

  return g_test_run ();
}
