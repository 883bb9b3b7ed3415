/* test-field-rules.c — the editor's field checks agree with the core's rules
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field marks a value as wrong exactly when validation would report it, with the field's
 * own words. No widget is made, so no display is needed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"

static void
test_url (void)
{
  const char *source_dir = g_getenv ("SAMTYKKE_SOURCE_DIR");
  g_autofree char *path = g_build_filename (source_dir, "tests", "rules", "url-cases.json",
                                            NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      const char *url = json_object_get_string_member (item, "url");
      gboolean safe = json_object_get_boolean_member (item, "safe");

      g_test_message ("case %u: “%s”", i, url);
      /* An empty field is not wrong: it is not filled in. */
      if (*url == '\0')
        g_assert_null (stk_check_url (url));
      else if (safe)
        g_assert_null (stk_check_url (url));
      else
        g_assert_nonnull (stk_check_url (url));
    }

  /* Each problem in the field's own words. */
  g_assert_cmpstr (stk_check_url ("javascript:alert(1)"), ==,
                   "Only https:, http: and mailto: addresses are allowed");
  g_assert_cmpstr (stk_check_url ("www.kk.dk"), ==,
                   "Only https:, http: and mailto: addresses are allowed");
  g_assert_cmpstr (stk_check_url ("https://"), ==,
                   "This address is not complete: it needs a host name");
  g_assert_cmpstr (stk_check_url ("mailto:nobody"), ==,
                   "A mailto: address needs an e-mail address after the colon");
  g_assert_cmpstr (stk_check_url ("https://example.com/a b"), ==,
                   "An address cannot hold spaces, line breaks or the characters \" < > \\ `; "
                   "write a space as %20");
  g_assert_null (stk_check_url (NULL));
}

static void
test_date (void)
{
  const char *values[] = { "", "2026-11-01", "2028-02-29", "2026-02-29", "2026-13-01",
                           "2026-1-01", "2026-+1-01", "2026- 1-01", "2026-11-01x", "0000-01-01",
                           "today", NULL };

  for (guint i = 0; values[i] != NULL; i++)
    {
      gboolean accepted = *values[i] == '\0' || stk_date_check (values[i]) == STK_DATE_OK;

      g_test_message ("date: “%s”", values[i]);
      if (accepted)
        g_assert_null (stk_check_date (values[i]));
      else
        g_assert_cmpstr (stk_check_date (values[i]), ==,
                         "Write the date as YYYY-MM-DD, for example 2026-11-01");
    }
}

static void
test_email (void)
{
  const char *values[] = { "", "dpo@kk.dk", "nobody", "@kk.dk", "dpo@", "a b@kk.dk",
                           "a@b@kk.dk", "a<b@kk.dk", "dpo@kk.dk\n", "æble@kk.dk", NULL };

  for (guint i = 0; values[i] != NULL; i++)
    {
      gboolean accepted = *values[i] == '\0' || stk_email_is_valid (values[i]);

      g_test_message ("e-mail: “%s”", values[i]);
      if (accepted)
        g_assert_null (stk_check_email (values[i]));
      else
        g_assert_cmpstr (stk_check_email (values[i]), ==, "This is not an e-mail address");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field-rules/url", test_url);
  g_test_add_func ("/field-rules/date", test_date);
  g_test_add_func ("/field-rules/email", test_email);

  return g_test_run ();
}
