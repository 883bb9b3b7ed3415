/* test-scan-output.c — samtykke-scan's output lines are JSON whatever a page names its
 * cookies and keys: quotes, backslashes, control characters, bytes that are not UTF-8
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "stk-scan-output.h"

/* Runs @emit with standard output going to a file, and returns what it wrote. */
static char *
capture (void (*emit) (gconstpointer data),
         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  int saved, fd;

  fd = g_file_open_tmp ("samtykke-scan-output-XXXXXX", &path, &error);
  g_assert_no_error (error);
  fflush (stdout);
  saved = dup (STDOUT_FILENO);
  g_assert_cmpint (dup2 (fd, STDOUT_FILENO), ==, STDOUT_FILENO);
  close (fd);

  emit (data);

  fflush (stdout);
  g_assert_cmpint (dup2 (saved, STDOUT_FILENO), ==, STDOUT_FILENO);
  close (saved);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_unlink (path);

  return contents;
}

/* Checks that @text is one line of UTF-8 JSON and returns its object. */
static JsonObject *
parse_line (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (length, >, 1);
  g_assert_cmpint (text[length - 1], ==, '\n');
  g_assert_null (memchr (text, '\n', length - 1));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
emit_cookie (gconstpointer data)
{
  SoupCookie *cookie = (SoupCookie *) data;

  stk_scan_emit_cookie (1, cookie, TRUE, "http://example.com/a\"b");
}

static void
test_cookie_names (void)
{
  static const struct
  {
    const char *name;      /* as the cookie store holds it */
    const char *reported;  /* as a JSON reader reads it */
  } cases[] = {
    { "plain", "plain" },
    { "q\"uote", "q\"uote" },
    { "back\\slash", "back\\slash" },
    { "line\nbreak\r\ttab", "line\nbreak\r\ttab" },
    { "ctl\001\037\177", "ctl\001\037\177" },
    { "bad\377\376name", "bad\357\277\275\357\277\275name" },
    { "latin\346", "latin\357\277\275" },
    { "cut\360\237", "cut\357\277\275\357\277\275" },
    { "emoji\360\237\215\252", "emoji\360\237\215\252" },
    { "sep\342\200\250", "sep\342\200\250" },
    { "</script>", "</script>" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SoupCookie *cookie = soup_cookie_new (cases[i].name, "v\"\377", "example.com", "/p\377",
                                            3600);
      g_autofree char *line = NULL;
      g_autoptr(JsonObject) event = NULL;

      soup_cookie_set_same_site_policy (cookie, SOUP_SAME_SITE_POLICY_STRICT);
      line = capture (emit_cookie, cookie);
      event = parse_line (line);
      g_assert_cmpstr (json_object_get_string_member (event, "event"), ==, "cookie");
      g_assert_cmpstr (json_object_get_string_member (event, "name"), ==, cases[i].reported);
      g_assert_cmpstr (json_object_get_string_member (event, "domain"), ==, "example.com");
      g_assert_cmpstr (json_object_get_string_member (event, "path"), ==, "/p\357\277\275");
      g_assert_cmpstr (json_object_get_string_member (event, "same_site"), ==, "strict");
      g_assert_true (json_object_get_boolean_member (event, "third_party"));
      g_assert_cmpstr (json_object_get_string_member (event, "page"), ==,
                       "http://example.com/a\"b");
      /* The value is not part of the report. */
      g_assert_false (json_object_has_member (event, "value"));
      soup_cookie_free (cookie);
    }
}

static void
emit_storage (gconstpointer data)
{
  stk_scan_emit_storage (2, STK_SCAN_STORAGE_SESSION, data, "http://127.0.0.1:8080",
                         "http://127.0.0.1:8080/");
}

static void
test_storage_names (void)
{
  g_autofree char *line = capture (emit_storage, "k\"\\\n\001\377");
  g_autoptr(JsonObject) event = parse_line (line);

  g_assert_cmpstr (json_object_get_string_member (event, "name"), ==, "k\"\\\n\001\357\277\275");
  g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "session_storage");
  g_assert_cmpint (json_object_get_int_member (event, "pass"), ==, 2);
}

static void
emit_page (gconstpointer data)
{
  stk_scan_emit_page (1, "http://example.com/", NULL, 0, data, 3);
}

static void
test_page_nulls (void)
{
  g_autofree char *line = capture (emit_page, "Timed \"out\"");
  g_autoptr(JsonObject) event = parse_line (line);

  g_assert_true (json_object_get_null_member (event, "final_url"));
  g_assert_true (json_object_get_null_member (event, "status"));
  g_assert_cmpstr (json_object_get_string_member (event, "error"), ==, "Timed \"out\"");
  g_assert_cmpint (json_object_get_int_member (event, "index"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan-output/cookie-names", test_cookie_names);
  g_test_add_func ("/scan-output/storage-names", test_storage_names);
  g_test_add_func ("/scan-output/page-nulls", test_page_nulls);

  return g_test_run ();
}
