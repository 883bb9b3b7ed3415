/* test-path.c — a finding's path parsed into names and indices, and found in a file
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core.h"

/* Every path the validator and the loader write, segment by segment: a name, or "[N]". */
static const struct
{
  const char *text;
  const char *segments[7];
} good_paths[] = {
  { "", { NULL } },
  { "revision", { "revision", NULL } },
  { "languages[0]", { "languages", "[0]", NULL } },
  { "texts.banner_title.da", { "texts", "banner_title", "da", NULL } },
  { "categories[1].consent_mode[0]", { "categories", "[1]", "consent_mode", "[0]", NULL } },
  { "providers[2].cookies[0].purpose.en",
    { "providers", "[2]", "cookies", "[0]", "purpose", "en", NULL } },
  { "providers[10].privacy_policy.pt-BR",
    { "providers", "[10]", "privacy_policy", "pt-BR", NULL } },
  { "consent.log_endpoint", { "consent", "log_endpoint", NULL } },
  { "x[2147483647]", { "x", "[2147483647]", NULL } },
  { "a[0][1]", { "a", "[0]", "[1]", NULL } },
  { "æble.ø", { "æble", "ø", NULL } },
  { "x-top.x y", { "x-top", "x y", NULL } },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_paths); i++)
    {
      g_autoptr(StkPath) path = stk_path_parse (good_paths[i].text);
      g_autofree char *text = NULL;
      guint n = 0;

      g_test_message ("path: “%s”", good_paths[i].text);
      g_assert_nonnull (path);

      while (good_paths[i].segments[n] != NULL)
        n++;
      g_assert_cmpuint (stk_path_get_n_segments (path), ==, n);

      for (guint s = 0; s < n; s++)
        {
          const char *expected = good_paths[i].segments[s];

          if (expected[0] == '[')
            {
              g_assert_null (stk_path_get_name (path, s));
              g_assert_cmpint (stk_path_get_index (path, s), ==,
                               (int) g_ascii_strtoll (expected + 1, NULL, 10));
            }
          else
            {
              g_assert_cmpstr (stk_path_get_name (path, s), ==, expected);
              g_assert_cmpint (stk_path_get_index (path, s), ==, -1);
              g_assert_true (stk_path_has_name (path, s, expected));
            }
        }

      /* Past the end there is nothing. */
      g_assert_null (stk_path_get_name (path, n));
      g_assert_cmpint (stk_path_get_index (path, n), ==, -1);
      g_assert_false (stk_path_has_name (path, n, "x"));

      text = stk_path_to_string (path);
      g_assert_cmpstr (text, ==, good_paths[i].text);
    }
}

/* Texts that are not paths; none may crash, and each must be refused. */
static const char * const hostile_paths[] = {
  ".", "..", ".a", "a.", "a..b", "a.[0]", "[0]", "[0].a", "a[", "a[]", "a[x]", "a[-1]",
  "a[+1]", "a[ 1]", "a[1 ]", "a[01]", "a[00]", "a[1", "a[1]]", "a]", "a]b", "a[1]b",
  "a[2147483648]", "a[99999999999999999999999999]", "a[1].", "a[1]..b", "]", "[", "[]",
  "a.b[0].", "a\xff[0", "a[\xff]",
};

static void
test_hostile (void)
{
  GString *long_path = g_string_new ("a");

  for (guint i = 0; i < G_N_ELEMENTS (hostile_paths); i++)
    {
      g_test_message ("not a path: “%s”", hostile_paths[i]);
      g_assert_null (stk_path_parse (hostile_paths[i]));
    }
  g_assert_null (stk_path_parse (NULL));

  /* Long and deep: parsed in one pass, no recursion. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (long_path, i % 2 ? ".b" : "[7]");
  {
    g_autoptr(StkPath) path = stk_path_parse (long_path->str);
    g_autofree char *text = NULL;

    g_assert_nonnull (path);
    g_assert_cmpuint (stk_path_get_n_segments (path), ==, 100001);
    text = stk_path_to_string (path);
    g_assert_cmpstr (text, ==, long_path->str);
  }
  g_string_append_c (long_path, '.');
  g_assert_null (stk_path_parse (long_path->str));
  g_string_free (long_path, TRUE);

  /* Every byte after a valid start, and every prefix of a valid path: no crash, and what
   * parses writes back the same. */
  for (guint c = 1; c < 256; c++)
    {
      char text[] = { 'a', '[', '1', ']', (char) c, 'b', '\0' };

      for (gsize cut = 0; cut <= sizeof text - 1; cut++)
        {
          g_autofree char *prefix = g_strndup (text, cut);
          g_autoptr(StkPath) path = stk_path_parse (prefix);

          if (path != NULL)
            {
              g_autofree char *back = stk_path_to_string (path);

              g_assert_cmpstr (back, ==, prefix);
            }
        }
    }
}

static void
test_match (void)
{
  g_autoptr(StkPath) path = stk_path_parse ("providers[2].cookies[0].purpose.en");
  guint index = 99;

  g_assert_true (stk_path_match_index (path, 0, "providers", &index));
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (stk_path_match_index (path, 2, "cookies", &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (stk_path_match_index (path, 0, "providers", NULL));

  /* A wrong name, a name without an index, an index where a name should be: no match, and the
   * index is left alone. */
  index = 99;
  g_assert_false (stk_path_match_index (path, 0, "categories", &index));
  g_assert_false (stk_path_match_index (path, 4, "purpose", &index));
  g_assert_false (stk_path_match_index (path, 1, "providers", &index));
  g_assert_false (stk_path_match_index (path, 6, "providers", &index));
  g_assert_cmpuint (index, ==, 99);

  g_assert_true (stk_path_has_name (path, 4, "purpose"));
  g_assert_true (stk_path_has_name (path, 5, "en"));
  g_assert_false (stk_path_has_name (path, 5, "e"));
  g_assert_false (stk_path_has_name (path, 1, "providers"));
}

static void
test_boxed (void)
{
  g_autoptr(StkPath) path = stk_path_parse ("languages[1]");
  GValue value = G_VALUE_INIT;
  StkPath *copy;

  g_assert_true (G_TYPE_IS_BOXED (STK_TYPE_PATH));
  g_value_init (&value, STK_TYPE_PATH);
  g_value_set_boxed (&value, path);
  copy = g_value_dup_boxed (&value);
  g_assert_true (copy == path);
  g_assert_cmpint (stk_path_get_index (copy, 1), ==, 1);
  stk_path_unref (copy);
  g_value_unset (&value);
  g_assert_cmpstr (stk_path_get_name (path, 0), ==, "languages");
}

static void
test_locate (void)
{
  static const char document[] =
    "{\n"
    "  \"providers\": [\n"
    "    { \"id\": \"a\" },\n"
    "    {\n"
    "      \"cookies\": [ { \"purpose\": { \"da\": \"x\", \"en\": \"æøå\" } } ]\n"
    "    }\n"
    "  ],\n"
    "  \"languages\": [\"da\", \"en\"]\n"
    "}\n";
  static const struct
  {
    const char *path;
    int         line;
    int         column;
  } cases[] = {
    { "", 1, 1 },
    { "providers", 2, 16 },
    { "providers[0]", 3, 5 },
    { "providers[0].id", 3, 13 },
    { "providers[1].cookies[0].purpose.en", 5, 52 },
    { "languages[1]", 8, 23 },
    /* What the document does not hold: the last value on the way. */
    { "languages[2]", 8, 16 },
    { "providers[1].cookies[0].purpose.de", 5, 33 },
    { "providers[0][1]", 3, 5 },
    { "nothing.at.all", 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StkPath) path = stk_path_parse (cases[i].path);
      int line = 0, column = 0;

      g_test_message ("locate: %s", cases[i].path);
      g_assert_true (stk_path_locate (path, document, strlen (document), &line, &column));
      g_assert_cmpint (line, ==, cases[i].line);
      g_assert_cmpint (column, ==, cases[i].column);

      /* The text form answers the same. */
      g_assert_true (stk_json_locate (document, strlen (document), cases[i].path,
                                      &line, &column));
      g_assert_cmpint (line, ==, cases[i].line);
      g_assert_cmpint (column, ==, cases[i].column);
    }

  /* All at once, in one walk, in reverse order and with a path twice: the same places. */
  {
    StkPath *paths[G_N_ELEMENTS (cases) + 1];
    int lines[G_N_ELEMENTS (cases) + 1], columns[G_N_ELEMENTS (cases) + 1];
    guint n = G_N_ELEMENTS (cases);

    for (guint i = 0; i < n; i++)
      paths[i] = stk_path_parse (cases[n - 1 - i].path);
    paths[n] = stk_path_ref (paths[0]);
    g_assert_true (stk_paths_locate (paths, n + 1, document, strlen (document), lines, columns));
    for (guint i = 0; i <= n; i++)
      {
        guint c = i < n ? n - 1 - i : n - 1;

        g_assert_cmpint (lines[i], ==, cases[c].line);
        g_assert_cmpint (columns[i], ==, cases[c].column);
      }
    for (guint i = 0; i <= n; i++)
      stk_path_unref (paths[i]);
  }

  /* A member named twice: the first one is where it stands, as for the reader. */
  {
    const char *twice = "{\"a\": 1,\n \"a\": 2}";
    g_autoptr(StkPath) path = stk_path_parse ("a");
    int line = 0, column = 0;

    g_assert_true (stk_path_locate (path, twice, strlen (twice), &line, &column));
    g_assert_cmpint (line, ==, 1);
    g_assert_cmpint (column, ==, 7);
  }

  /* A text that is not a path stands for the document. */
  {
    int line = 0, column = 0;

    g_assert_true (stk_json_locate (document, strlen (document), "providers[", &line, &column));
    g_assert_cmpint (line, ==, 1);
    g_assert_cmpint (column, ==, 1);
  }

  /* Not UTF-8: not read at all. */
  {
    g_autoptr(StkPath) path = stk_path_parse ("a");
    int line = 0, column = 0;

    g_assert_false (stk_path_locate (path, "{\"a\": \"\xff\"}", 11, &line, &column));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/path/parse", test_parse);
  g_test_add_func ("/path/hostile", test_hostile);
  g_test_add_func ("/path/match", test_match);
  g_test_add_func ("/path/boxed", test_boxed);
  g_test_add_func ("/path/locate", test_locate);

  return g_test_run ();
}
