/* test-io.c — loading and saving policy files, good and bad
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "stk-core.h"
#include "stk-json.h"

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("SAMTYKKE_SOURCE_DIR");
  GString *path = g_string_new (root ? root : ".");
  va_list args;

  va_start (args, first);
  for (const char *part = first; part; part = va_arg (args, const char *))
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
    }
  va_end (args);

  return g_string_free (path, FALSE);
}

static void
assert_round_trip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  policy = stk_policy_load_data (contents, length, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (policy);

  saved = stk_policy_to_bytes (policy);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), contents, length);
  g_assert_false (stk_history_get_modified (stk_policy_get_history (policy)));
}

static void
test_round_trip_examples (void)
{
  g_autofree char *dir_path = source_path ("data", "examples", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      assert_round_trip (path);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_round_trip_golden (void)
{
  g_autofree char *dir_path = source_path ("tests", "core", "golden", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_test_message ("golden file %s", name);
      assert_round_trip (path);
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

/* Written a member or an item at a time (a budget of nothing), every golden file and the
 * example come out as the whole file written at once, and as they were read. */
static void
test_writer_in_steps (void)
{
  g_autofree char *dir_path = source_path ("tests", "core", "golden", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) policies = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  g_ptr_array_add (policies, stk_policy_new_from_example ());
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      StkPolicy *policy;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      policy = stk_policy_load_file (file, &error);
      g_assert_no_error (error);
      g_ptr_array_add (policies, policy);
    }
  g_assert_cmpuint (policies->len, >=, 4);

  for (guint i = 0; i < policies->len; i++)
    {
      StkPolicy *policy = g_ptr_array_index (policies, i);
      g_autoptr(GBytes) whole = stk_policy_to_bytes (policy);
      g_autoptr(GBytes) stepped = NULL;
      StkPolicyWriter *writer = stk_policy_writer_new (policy);
      guint steps = 1;
      guint items = stk_list_get_n (stk_policy_get_providers (policy))
                    + stk_list_get_n (stk_policy_get_categories (policy));

      while (!stk_policy_writer_step (writer, 0))
        steps++;
      /* Past its end a writer writes nothing more. */
      g_assert_true (stk_policy_writer_step (writer, 0));
      stepped = stk_policy_writer_free_to_bytes (writer);

      g_assert_cmpmem (g_bytes_get_data (stepped, NULL), g_bytes_get_size (stepped),
                       g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));
      /* One step for each list item at least: the slices are really small. */
      g_assert_cmpuint (steps, >, items);
    }

  /* A writer dropped half way frees what it wrote. */
  {
    g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
    g_autoptr(StkPolicyWriter) writer = stk_policy_writer_new (policy);

    g_assert_false (stk_policy_writer_step (writer, 0));
  }
}

static void
test_example_content (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkProvider *youtube;
  StkCategory *necessary;

  g_assert_cmpuint (stk_list_get_n (stk_policy_get_categories (policy)), ==, 3);
  necessary = stk_policy_find_category (policy, "necessary");
  g_assert_nonnull (necessary);
  g_assert_true (stk_category_get_required (necessary));
  g_assert_nonnull (stk_policy_find_provider (policy, "siteimprove"));
  g_assert_nonnull (stk_policy_find_provider (policy, "userindex"));
  g_assert_nonnull (stk_policy_find_provider (policy, "linkbot"));
  youtube = stk_policy_find_provider (policy, "youtube");
  g_assert_nonnull (youtube);
  g_assert_cmpuint (stk_list_get_n (stk_provider_get_embeds (youtube)), ==, 1);
  g_assert_true (stk_provider_get_dpa (youtube));
  g_assert_cmpstr (stk_text_get (stk_policy_get_text (policy, "consent_settings_link"), "da"),
                   ==, "Samtykkeindstillinger");
  g_assert_cmpstr (stk_text_lookup (stk_provider_get_website (youtube), "en"), ==,
                   "https://www.youtube.com/");
  g_assert_true (stk_text_is_uniform (stk_provider_get_website (youtube)));
  g_assert_finalize_object (g_steal_pointer (&policy));
}

static const char unknown_members[] =
  "{\n"
  "  \"format\": \"samtykke-policy\",\n"
  "  \"version\": 1,\n"
  "  \"x-top\": {\n    \"nested\": [\n      1,\n      0.1,\n      true,\n      null\n    ]\n  },\n"
  "  \"categories\": [\n    {\n      \"id\": \"necessary\",\n      \"x-cat\": \"kept\"\n    }\n  ],\n"
  "  \"consent\": {\n    \"x-consent\": []\n  }\n"
  "}\n";

static void
test_unknown_members_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkPolicy) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  const char *text;

  policy = stk_policy_load_data (unknown_members, strlen (unknown_members), "u.json", &error);
  g_assert_no_error (error);
  saved = stk_policy_to_bytes (policy);
  text = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (text, "\"x-top\": {\n    \"nested\": [\n      1,\n      0.1,\n"
                                  "      true,\n      null\n    ]\n  }\n}\n"));
  g_assert_nonnull (strstr (text, "\"x-cat\": \"kept\""));
  g_assert_nonnull (strstr (text, "\"log_endpoint\": \"\",\n    \"x-consent\": []\n  }"));

  /* And the canonical form is stable. */
  again = stk_policy_load_data (text, g_bytes_get_size (saved), "u2.json", &error);
  g_assert_no_error (error);
  saved_again = stk_policy_to_bytes (again);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

typedef struct
{
  const char *name;
  const char *text;
  const char *expect;  /* a part of the message, with its place */
  int         code;
  const char *path;    /* the path of the location, when the case checks it */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", "bad.json:1:1: the file is empty", STK_ERROR_SYNTAX, "" },
  { "spaces only", "  \n ", "bad.json:2:2: the file is empty", STK_ERROR_SYNTAX },
  { "truncated", "{\n  \"format\": \"samtykke-policy\",\n  \"version\": 1,\n  \"name\": \"x",
    "bad.json:4:11: the string that starts here never ends", STK_ERROR_SYNTAX, "name" },
  { "truncated object", "{\n  \"format\": \"samtykke-policy\",\n  \"version\": 1,\n",
    "bad.json:4:1: the file ends too early", STK_ERROR_SYNTAX },
  { "bom", "\xEF\xBB\xBF{}", "bad.json:1:1: the file starts with a byte-order mark",
    STK_ERROR_SYNTAX },
  { "invalid utf-8", "{\n  \"name\": \"caf\xE9\"\n}", "bad.json:2:15: the file is not valid UTF-8",
    STK_ERROR_SYNTAX },
  { "nul byte", "{\"a\": 1}\0", "unexpected NUL byte", STK_ERROR_SYNTAX },
  { "not an object", "[1, 2]", "bad.json:1:1: this is not a Samtykke policy",
    STK_ERROR_NOT_POLICY, "" },
  { "other json", "{\"hello\": \"world\"}", "this is not a Samtykke policy",
    STK_ERROR_NOT_POLICY },
  { "newer version", "{\"format\": \"samtykke-policy\",\n \"version\": 7}",
    "bad.json:2:13: the file is of format version 7, written by a newer Samtykke",
    STK_ERROR_NEWER_FORMAT, "version" },
  { "no version", "{\"format\": \"samtykke-policy\"}", "“version” is missing",
    STK_ERROR_SYNTAX, "" },
  { "duplicate key", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"name\": \"a\", "
    "\"name\": \"b\"}", "bad.json:2:15: the member “name” appears twice", STK_ERROR_SYNTAX, "" },
  { "duplicate unknown key", "{\"format\": \"samtykke-policy\", \"version\": 1, \"x\": 1, "
    "\"x\": 2}", "the member “x” appears twice", STK_ERROR_SYNTAX },
  { "duplicate language", "{\"format\": \"samtykke-policy\", \"version\": 1, "
    "\"revision_note\": {\"da\": \"a\", \"da\": \"b\"}}", "the member “da” appears twice",
    STK_ERROR_SYNTAX, "revision_note" },
  { "wrong type top", "{\"format\": \"samtykke-policy\", \"version\": 1,\n  \"revision\": \"2\"}",
    "bad.json:2:15: “revision” must be a whole number, not a string",
    STK_ERROR_INVALID, "revision" },
  { "wrong type bool",
    "{\"format\": \"samtykke-policy\", \"version\": 1, \"categories\": [\n"
    "  {\"id\": \"a\",\n   \"required\": \"yes\"}]}",
    "bad.json:3:16: “required” must be true or false, not a string",
    STK_ERROR_INVALID, "categories[0].required" },
  { "wrong type list", "{\"format\": \"samtykke-policy\", \"version\": 1, \"providers\": {}}",
    "“providers” must be an array, not an object", STK_ERROR_INVALID, "providers" },
  { "wrong type text",
    "{\"format\": \"samtykke-policy\", \"version\": 1, \"texts\": {\"banner_title\": 3}}",
    "“texts.banner_title” must be an object of texts by language, not a number",
    STK_ERROR_INVALID, "texts.banner_title" },
  { "wrong type text value",
    "{\"format\": \"samtykke-policy\", \"version\": 1, \"texts\": {\"close\": {\"da\": false}}}",
    "“texts.close.da” must be a string, not false", STK_ERROR_INVALID, "texts.close.da" },
  { "wrong type cookie",
    "{\"format\": \"samtykke-policy\", \"version\": 1, \"providers\": [{\"cookies\": [\n"
    "{\"duration\": {\"value\": 1.5, \"unit\": \"days\"}}]}]}",
    "bad.json:2:24: expected a whole number",
    STK_ERROR_INVALID, "providers[0].cookies[0].duration.value" },
  { "bad enum", "{\"format\": \"samtykke-policy\", \"version\": 1, \"providers\": [{\"cookies\": "
    "[{\"party\": \"second\"}]}]}", "“party” must be “first” or “third”",
    STK_ERROR_SYNTAX, "providers[0].cookies[0].party" },
  { "bad unit", "{\"format\": \"samtykke-policy\", \"version\": 1, \"providers\": [{\"cookies\": "
    "[{\"duration\": {\"unit\": \"fortnights\"}}]}]}", "“duration.unit” must be one of",
    STK_ERROR_SYNTAX, "providers[0].cookies[0].duration.unit" },
  { "trailing comma", "{\"format\": \"samtykke-policy\", \"version\": 1,}",
    "a comma before “}” is not allowed", STK_ERROR_SYNTAX, "" },
  { "trailing text", "{\"format\": \"samtykke-policy\", \"version\": 1} x",
    "bad.json:1:45: unexpected text after the end of the document", STK_ERROR_SYNTAX },
  { "bad escape", "{\"format\": \"samtykke-policy\", \"version\": 1, \"name\": \"\\q\"}",
    "unknown escape", STK_ERROR_SYNTAX, "name" },
  { "lone surrogate", "{\"format\": \"samtykke-policy\", \"version\": 1, \"name\": \"\\ud800\"}",
    "half a surrogate pair", STK_ERROR_SYNTAX },
  { "raw newline in string", "{\"format\": \"samtykke-policy\", \"version\": 1, \"name\": \"a\nb\"}",
    "a control character inside a string", STK_ERROR_SYNTAX },
  { "leading zero", "{\"format\": \"samtykke-policy\", \"version\": 01}",
    "a number may not start with 0", STK_ERROR_SYNTAX },
  { "bare word", "{\"format\": \"samtykke-policy\", \"version\": 1, \"name\": yes}",
    "unexpected character “y”", STK_ERROR_SYNTAX },
  { "number overflow", "{\"format\": \"samtykke-policy\", \"version\": 1, \"x\": 1e999}",
    "bad.json:1:50: the number is too large", STK_ERROR_INVALID, "x" },
  { "integer overflow", "{\"format\": \"samtykke-policy\", \"version\": 1, "
    "\"revision\": 9223372036854775808}", "bad.json:1:57: the number is too large",
    STK_ERROR_INVALID },
  { "single quotes", "{'format': 1}", "expected a member name in double quotes",
    STK_ERROR_SYNTAX },
  { "no unit", "{\"format\": \"samtykke-policy\", \"version\": 1, \"providers\": [{\"cookies\": "
    "[{\"duration\": {\"value\": 3}}]}]}", "bad.json:1:85: “duration” needs a “unit”",
    STK_ERROR_SYNTAX, "providers[0].cookies[0].duration" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  gsize length = strlen (bad->text);
  StkPolicy *policy;

  if (g_str_equal (bad->name, "nul byte"))
    length += 1;

  policy = stk_policy_load_data (bad->text, length, "bad.json", &error);
  g_assert_null (policy);
  g_assert_error (error, STK_ERROR, bad->code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, bad->expect) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, bad->expect);
  g_assert_true (g_str_has_prefix (error->message, "bad.json:"));

  /* The place, beside the message: the same as the message's, and kept by a copy. */
  {
    const StkLocation *location = stk_error_get_location (error);
    g_autofree char *message = NULL;
    g_autoptr(GError) copy = g_error_copy (error);
    const StkLocation *copied = stk_error_get_location (copy);

    g_assert_nonnull (location);
    g_assert_cmpstr (location->file, ==, "bad.json");
    message = g_strdup_printf ("%s:%d:%d: %s", location->file, location->line,
                               location->column, location->message);
    g_assert_cmpstr (message, ==, error->message);
    if (bad->path != NULL)
      {
        g_autofree char *path = NULL;

        g_assert_nonnull (location->path);
        path = stk_path_to_string (location->path);
        g_assert_cmpstr (path, ==, bad->path);
      }

    g_assert_nonnull (copied);
    g_assert_true (copied != location);
    g_assert_cmpint (copied->line, ==, location->line);
    g_assert_cmpint (copied->column, ==, location->column);
    g_assert_cmpstr (copied->message, ==, location->message);
  }
}

static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  GString *text = g_string_new ("{\"format\": \"samtykke-policy\", \"version\": 1, \"x\": ");
  g_autoptr(GError) error = NULL;
  StkPolicy *policy;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  policy = stk_policy_load_data (text->str, text->len, "deep.json", &error);
  g_assert_null (policy);
  g_assert_error (error, STK_ERROR, STK_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than"));
  g_string_free (text, TRUE);
}

static void
test_huge_string (void)
{
  gsize size = 50 * 1024 * 1024;
  GString *text = g_string_sized_new (size + 128);
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;

  g_string_append (text, "{\"format\": \"samtykke-policy\", \"version\": 1, \"name\": \"");
  for (gsize i = 0; i < size / 8; i++)
    g_string_append_len (text, "abcdæøå", 10);
  g_string_append (text, "\"}");

  policy = stk_policy_load_data (text->str, text->len, "huge.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (stk_policy_get_name (policy)), ==, size / 8 * 10);
  g_string_free (text, TRUE);
}

/* Strings are scanned several bytes at a time: an escape, the closing quote, a control character
 * or a multi-byte character must be found at every position within and across those blocks. */
static void
test_string_positions (void)
{
  static const char filler[] = "abcdefghijklmnopqrstuvwxyz0123456789";

  for (gsize at = 0; at < 24; at++)
    {
      const char *marks[] = { "\\\"", "\\\\", "\\n", "\\u00e6", "æ", "€", "\x01" };
      const char *decoded[] = { "\"", "\\", "\n", "æ", "æ", "€", NULL };

      for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
        {
          g_autofree char *value = g_strdup_printf ("%.*s%s%s", (int) at, filler, marks[m],
                                                    filler + at);
          g_autofree char *text = g_strdup_printf ("{\"format\": \"samtykke-policy\", "
                                                   "\"version\": 1, \"name\": \"%s\"}", value);
          g_autoptr(GError) error = NULL;
          g_autoptr(StkPolicy) policy = stk_policy_load_data (text, strlen (text), "pos.json",
                                                              &error);

          if (decoded[m] == NULL)
            {
              /* The control character's own column: 1 + the text before the string's value. */
              g_autofree char *where = g_strdup_printf ("pos.json:1:%zu:",
                                                        strlen ("{\"format\": \"samtykke-policy\", "
                                                                "\"version\": 1, \"name\": \"")
                                                        + at + 1);

              g_assert_null (policy);
              g_assert_error (error, STK_ERROR, STK_ERROR_SYNTAX);
              if (!g_str_has_prefix (error->message, where))
                g_error ("“%s” does not start with “%s”", error->message, where);
            }
          else
            {
              g_autofree char *expected = g_strdup_printf ("%.*s%s%s", (int) at, filler,
                                                           decoded[m], filler + at);

              g_assert_no_error (error);
              g_assert_cmpstr (stk_policy_get_name (policy), ==, expected);
            }
        }
    }
}

static void
test_load_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("samtykke-test-XXXXXX", NULL);
  g_autoptr(GFile) missing = g_file_new_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  StkPolicy *policy;

  policy = stk_policy_load_file (missing, &error);
  g_assert_null (policy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  policy = stk_policy_load_file (folder, &error);
  g_assert_null (policy);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  g_rmdir (dir);
}

static guint
count_entries_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("samtykke-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "policy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GBytes) expected = stk_policy_to_bytes (policy);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize length;

  g_assert_true (stk_policy_save_file (policy, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  /* A folder we may not write in: the save fails and the file stays as it was. Root may
   * write anywhere, so for root the failing case is a target that cannot be replaced. */
  stk_policy_set_name (policy, "Changed");
  if (getuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (stk_policy_save_file (policy, file, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    }
  {
    g_autofree char *blocker = g_build_filename (dir, "blocked.json", NULL);
    g_autoptr(GFile) blocked = g_file_new_for_path (blocker);

    /* A folder where the file should be cannot be replaced by a file. */
    g_assert_cmpint (g_mkdir (blocker, 0755), ==, 0);
    g_assert_false (stk_policy_save_file (policy, blocked, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "blocked.json"));
    g_clear_error (&error);
    g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_DIR));
    g_rmdir (blocker);
  }

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);

  /* No temporary file is left beside it. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)))
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* A full disk: a tiny tmpfs, when the test may mount one (root in a sandbox that allows it). */
static void
test_save_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samtykke-test-XXXXXX", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *path = g_build_filename (dir, "policy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  int status = -1;

  cmd = g_strdup_printf ("mount -t tmpfs -o size=12k tmpfs %s", dir);
  if (getuid () != 0 || !g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL) ||
      status != 0)
    {
      g_rmdir (dir);
      g_test_skip ("cannot mount a small tmpfs here");
      return;
    }

  /* A small original that fits, then a save that does not. */
  g_assert_true (g_file_set_contents (path, "original\n", -1, NULL));
  g_assert_false (stk_policy_save_file (policy, file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (g_str_equal (after, "original\n"));
  g_assert_nonnull (strstr (error->message, "no room left"));
  /* Nothing is left beside it: the unwritten file was never given a name. */
  g_assert_cmpuint (count_entries_in (dir), ==, 1);

  g_free (cmd);
  cmd = g_strdup_printf ("umount %s", dir);
  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  g_rmdir (dir);
}


/* Saving through a symbolic link replaces the file it points to and keeps the link; the file
 * keeps its permissions. */
static void
test_save_link_and_mode (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samtykke-test-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "repo", NULL);
  g_autofree char *target = g_build_filename (real_dir, "policy.json", NULL);
  g_autofree char *link = g_build_filename (dir, "policy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GBytes) expected = stk_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *link_target = NULL;
  gsize length;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("repo/policy.json", link), ==, 0);

  g_assert_true (stk_policy_save_file (policy, file, &error));
  g_assert_no_error (error);

  /* The link is still a link, to the same place, and the target has the new contents. */
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_target = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_target, ==, "repo/policy.json");
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_entries_in (real_dir), ==, 1);
  g_assert_cmpuint (count_entries_in (dir), ==, 2);

  g_unlink (link);
  g_unlink (target);
  g_rmdir (real_dir);
  g_rmdir (dir);
}

/* What a killed save of an older version, or of this one between its last two steps, left
 * behind is removed by the next save; other files are not touched, nor are hidden files of
 * ours that are too new to be left over. */
static void
test_save_removes_stale_temps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samtykke-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "policy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GError) error = NULL;
  static const char * const stale[] = {
    ".policy.json.samtykke-a1B2c3", ".policy.json.Xy12Zq", NULL
  };
  static const char * const kept[] = {
    ".policy.json.bak", "policy.json.orig", ".other.json.samtykke-a1B2c3",
    ".policy.json.samtykke-toolong", NULL
  };

  for (guint i = 0; stale[i] != NULL; i++)
    {
      g_autofree char *p = g_build_filename (dir, stale[i], NULL);
      struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

      g_assert_true (g_file_set_contents (p, "left over", -1, NULL));
      g_assert_cmpint (utime (p, &old), ==, 0);
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *p = g_build_filename (dir, kept[i], NULL);
      struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

      g_assert_true (g_file_set_contents (p, "mine", -1, NULL));
      g_assert_cmpint (utime (p, &old), ==, 0);
    }
  /* One of ours, but from a save that may still be running. */
  {
    g_autofree char *p = g_build_filename (dir, ".policy.json.samtykke-Fresh1", NULL);

    g_assert_true (g_file_set_contents (p, "busy", -1, NULL));
  }

  g_assert_true (stk_policy_save_file (policy, file, &error));
  g_assert_no_error (error);

  for (guint i = 0; stale[i] != NULL; i++)
    {
      g_autofree char *p = g_build_filename (dir, stale[i], NULL);

      g_assert_false (g_file_test (p, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *p = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (p, G_FILE_TEST_EXISTS));
      g_unlink (p);
    }
  {
    g_autofree char *p = g_build_filename (dir, ".policy.json.samtykke-Fresh1", NULL);

    g_assert_true (g_file_test (p, G_FILE_TEST_EXISTS));
    g_unlink (p);
  }
  g_assert_cmpuint (count_entries_in (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* A read-only file system: the save fails, says why, and the file stays as it was. */
static void
test_save_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samtykke-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "policy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *after = NULL;
  int status = -1;

  cmd = g_strdup_printf ("mount -t tmpfs -o size=1m tmpfs %s", dir);
  if (getuid () != 0 || !g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL) ||
      status != 0)
    {
      g_rmdir (dir);
      g_test_skip ("cannot mount a tmpfs here");
      return;
    }
  g_assert_true (g_file_set_contents (path, "original\n", -1, NULL));
  g_free (cmd);
  cmd = g_strdup_printf ("mount -o remount,ro %s", dir);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);

  g_assert_false (stk_policy_save_file (policy, file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "the file was not changed"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "original\n");
  g_assert_cmpuint (count_entries_in (dir), ==, 1);

  g_free (cmd);
  cmd = g_strdup_printf ("umount %s", dir);
  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  g_rmdir (dir);
}


/* The limits (docs/format.md): each is refused with a message naming it, at the place it was
 * passed, without first taking the memory. */
static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  const char *head = "{\"format\": \"samtykke-policy\", \"version\": 1, ";
  GString *text;

#if defined(__SANITIZE_ADDRESS__)
  /* A million objects, and sixteen million members, each allocated under the sanitizers'
   * bookkeeping, take longer than the suite may: the plain build checks these two limits. */
  g_test_message ("the object and member limits are checked in the plain build");
#else
  /* More objects than a policy may hold. */
  text = g_string_new (head);
  g_string_append (text, "\"providers\": [{\"id\": \"p\", \"cookies\": [");
  for (guint i = 0; i <= STK_POLICY_MAX_OBJECTS; i++)
    g_string_append (text, i > 0 ? ",{}" : "{}");
  g_string_append (text, "]}]}");
  policy = stk_policy_load_data (text->str, text->len, "many.json", &error);
  g_assert_null (policy);
  g_assert_nonnull (strstr (error->message, "more than 1000000 providers, cookies"));
  g_assert_cmpint (stk_error_get_location (error)->line, ==, 1);
  g_assert_cmpint (stk_error_get_location (error)->column, >, (int) (text->len - 10));
  g_string_free (text, TRUE);
  g_clear_error (&error);

  /* More members and elements than a document may hold, in a member kept as it is. */
  text = g_string_new (head);
  g_string_append (text, "\"unknown\": [0");
  for (guint i = 0; i < STK_JSON_MAX_ITEMS; i++)
    g_string_append (text, ",0");
  g_string_append (text, "]}");
  policy = stk_policy_load_data (text->str, text->len, "items.json", &error);
  g_assert_null (policy);
  g_assert_nonnull (strstr (error->message, "more than 16000000 members and elements"));
  g_string_free (text, TRUE);
  g_clear_error (&error);
#endif

  /* A string longer than a kept string may be. */
  text = g_string_new (head);
  g_string_append (text, "\"name\": \"");
  g_string_set_size (text, text->len + STK_JSON_MAX_STRING + 1);
  memset (text->str + text->len - STK_JSON_MAX_STRING - 1, 'x', STK_JSON_MAX_STRING + 1);
  g_string_append (text, "\"}");
  policy = stk_policy_load_data (text->str, text->len, "long.json", &error);
  g_assert_null (policy);
  g_assert_nonnull (strstr (error->message, "longer than 64 MiB"));
  g_assert_cmpint (stk_error_get_location (error)->column, ==, (int) strlen (head) + 9);
  g_string_free (text, TRUE);
  g_clear_error (&error);
}

/* A file larger than a policy may be is refused before it is read: a sparse file takes no
 * room on the disk, and is never loaded into memory. */
static void
test_limit_file_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  int fd;

  fd = g_file_open_tmp ("samtykke-large-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) STK_POLICY_MAX_SIZE + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  policy = stk_policy_load_file (file, &error);
  g_assert_null (policy);
  g_assert_nonnull (strstr (error->message, "larger than 256 MiB"));
  g_assert_nonnull (stk_error_get_location (error));
  g_unlink (path);
}

/* Inputs the fuzzer found: each is refused with a message, or loads and then saves to a form
 * that loads again and saves to the same bytes. */
static void
test_fuzz_findings (void)
{
  g_autofree char *dir_path = source_path ("tests", "fuzz", "crashes", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GError) error = NULL;
      g_autoptr(StkPolicy) policy = NULL;
      g_autoptr(StkPolicy) again = NULL;
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;
      g_autoptr(GListModel) findings = NULL;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      n++;
      policy = stk_policy_load_data (contents, length, name, &error);
      if (policy == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, name));
          continue;
        }
      findings = stk_policy_validate (policy);
      first = stk_policy_to_bytes (policy);
      again = stk_policy_load_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                    "saved.json", &error);
      g_assert_no_error (error);
      second = stk_policy_to_bytes (again);
      g_assert_true (g_bytes_equal (first, second));
    }
  g_assert_cmpuint (n, >=, 1);
}

static void
test_locate (void)
{
  g_autoptr(GBytes) bytes = stk_policy_example_bytes ();
  const char *data = g_bytes_get_data (bytes, NULL);
  gsize size = g_bytes_get_size (bytes);
  int line, column;
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);

  g_assert_true (stk_json_locate (data, size, "providers[1].cookies[0].purpose.en",
                                  &line, &column));
  g_assert_true (g_str_has_prefix (lines[line - 1] + column - 1,
                                   "\"Estimates your bandwidth"));
  g_assert_true (g_str_has_prefix (lines[line - 2], "            \"da\": \"Måler"));

  g_assert_true (stk_json_locate (data, size, "texts.banner_title", &line, &column));
  g_assert_true (g_str_has_prefix (lines[line - 1], "    \"banner_title\": {"));
  g_assert_cmpint (column, ==, 21);

  /* A path that does not exist points at the nearest value that does. */
  g_assert_true (stk_json_locate (data, size, "providers[1].nothing", &line, &column));
  g_assert_true (g_str_has_prefix (lines[line - 1], "    {"));
  g_assert_true (stk_json_locate (data, size, "", &line, &column));
  g_assert_cmpint (line, ==, 1);
  g_assert_cmpint (column, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/round-trip/examples", test_round_trip_examples);
  g_test_add_func ("/io/round-trip/golden", test_round_trip_golden);
  g_test_add_func ("/io/writer-in-steps", test_writer_in_steps);
  g_test_add_func ("/io/example-content", test_example_content);
  g_test_add_func ("/io/unknown-members", test_unknown_members_kept);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/io/bad-input/%s", bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/io/bad-input/deep-nesting", test_deep_nesting);
  g_test_add_func ("/io/huge-string", test_huge_string);
  g_test_add_func ("/io/string-positions", test_string_positions);
  g_test_add_func ("/io/load-file-errors", test_load_file_errors);
  g_test_add_func ("/io/save-atomic", test_save_atomic);
  g_test_add_func ("/io/save-full-disk", test_save_full_disk);
  g_test_add_func ("/io/save-link-and-mode", test_save_link_and_mode);
  g_test_add_func ("/io/save-removes-stale-temps", test_save_removes_stale_temps);
  g_test_add_func ("/io/save-read-only", test_save_read_only);
  g_test_add_func ("/io/limits", test_limits);
  g_test_add_func ("/io/limit-file-size", test_limit_file_size);
  g_test_add_func ("/io/locate", test_locate);
  g_test_add_func ("/io/fuzz-findings", test_fuzz_findings);

  return g_test_run ();
}
