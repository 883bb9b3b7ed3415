/* test-appearance.c — the banner's look in the model and in the file, and the later members
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core.h"

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static StkPolicy *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_data (text, strlen (text), "look.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (policy);
  return policy;
}

static char *
save (StkPolicy *policy)
{
  g_autoptr(GBytes) bytes = stk_policy_to_bytes (policy);

  return bytes_to_string (bytes);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_changed (guint *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  g_autofree char *text = save (policy);
  const StkContrastPair *pairs;
  guint n_pairs = 0;

  g_assert_true (stk_appearance_is_default (appearance));
  g_assert_cmpint (stk_appearance_get_layout (appearance), ==, STK_LAYOUT_BAR);
  g_assert_cmpint (stk_appearance_get_radius (appearance), ==, 4);
  g_assert_cmpstr (stk_appearance_get_font (appearance), ==, "system-ui, sans-serif");
  g_assert_false (stk_appearance_get_reopen (appearance));
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_ACCENT), ==,
                   "#0b5394");
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_DARK, STK_COLOR_BUTTON_TEXT),
                   ==, "#1e1e1e");
  g_assert_null (strstr (text, "appearance"));

  /* Today's look passes every pair, in light and in dark. */
  pairs = stk_contrast_pairs (&n_pairs);
  g_assert_cmpuint (n_pairs, >=, 4);
  for (guint s = STK_SCHEME_LIGHT; s <= STK_SCHEME_DARK; s++)
    for (guint i = 0; i < n_pairs; i++)
      g_assert_cmpfloat (stk_appearance_get_contrast (appearance, s, &pairs[i]), >=,
                         pairs[i].minimum);
}

static void
test_properties_and_undo (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  StkHistory *history = stk_policy_get_history (policy);
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  const char *name = stk_appearance_color_property (STK_SCHEME_DARK, STK_COLOR_LINK);
  g_autofree char *detail = g_strconcat ("notify::", name, NULL);
  g_autofree char *link = NULL;
  guint notified = 0;
  guint changed = 0;

  g_assert_cmpstr (name, ==, "dark-link");
  g_signal_connect (appearance, detail, G_CALLBACK (count_notify), &notified);
  g_signal_connect_swapped (policy, "changed", G_CALLBACK (count_changed), &changed);

  g_object_set (appearance, name, "#aaccff", NULL);
  g_object_get (appearance, name, &link, NULL);
  g_assert_cmpstr (link, ==, "#aaccff");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  stk_appearance_set_color (appearance, STK_SCHEME_DARK, STK_COLOR_LINK, "#aaccff");
  g_assert_cmpuint (notified, ==, 1);
  stk_history_seal (history);

  stk_appearance_set_layout (appearance, STK_LAYOUT_CENTRED);
  g_assert_true (stk_history_undo (history));
  g_assert_cmpint (stk_appearance_get_layout (appearance), ==, STK_LAYOUT_BAR);
  g_assert_true (stk_history_undo (history));
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_DARK, STK_COLOR_LINK), ==,
                   "#8ab4f8");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (stk_history_get_modified (history));

  /* A preset is one step. */
  g_assert_true (stk_appearance_apply_site_color (appearance, "#e4007c"));
  g_assert_true (stk_history_undo (history));
  g_assert_false (stk_history_get_modified (history));
  stk_appearance_set_radius (appearance, 12);
  stk_appearance_set_font (appearance, "inherit");
  stk_appearance_reset (appearance);
  g_assert_true (stk_appearance_get_reopen (stk_policy_get_appearance (policy)) == FALSE);
  g_assert_true (stk_history_undo (history));
  g_assert_cmpstr (stk_appearance_get_font (appearance), ==, "inherit");
  g_assert_true (stk_appearance_get_reopen (appearance));

  g_assert_false (stk_appearance_apply_site_color (appearance, "not a colour"));
  g_assert_cmpstr (stk_appearance_get_font (appearance), ==, "inherit");
  g_signal_handlers_disconnect_by_data (appearance, &notified);
  g_signal_handlers_disconnect_by_data (policy, &changed);
}

static void
test_site_color (void)
{
  const char *colors[] = { "#e4007c", "yellow", "hsl(200, 90%, 60%)", "#000", "white", "#777" };
  const StkContrastPair *pairs;
  guint n_pairs = 0;

  pairs = stk_contrast_pairs (&n_pairs);
  for (guint c = 0; c < G_N_ELEMENTS (colors); c++)
    {
      g_autoptr(StkAppearance) appearance = stk_appearance_new ();

      g_assert_true (stk_appearance_apply_site_color (appearance, colors[c]));
      for (guint s = STK_SCHEME_LIGHT; s <= STK_SCHEME_DARK; s++)
        for (guint i = 0; i < n_pairs; i++)
          {
            g_test_message ("%s, %s: %s", colors[c], stk_scheme_to_string (s), pairs[i].label);
            g_assert_cmpfloat (stk_appearance_get_contrast (appearance, s, &pairs[i]), >=,
                               pairs[i].minimum);
          }
    }
}

static void
test_font_family (void)
{
  const char *valid[] = {
    "inherit", "system-ui, sans-serif", "Georgia,serif", "Open Sans, Arial", "\"Gill Sans MT\"",
    "'KBH Tekst', sans-serif", "Søndergaard", "-apple-system, BlinkMacSystemFont",
  };
  const char *invalid[] = {
    "", " ", ",", "Arial,", ", Arial", "Arial;", "Arial}body{color:red", "\"Open Sans",
    "\"a\\\"b\"", "'a\"b'", "\"\"", "Arial</style>", "Arial  Black", "1Font", "--x", "-1x",
    "url(x)", "Arial !important", "a\nb",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (stk_font_family_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("“%s”", invalid[i]);
      g_assert_false (stk_font_family_is_valid (invalid[i]));
    }
  g_assert_false (stk_font_family_is_valid (NULL));
}

static const char with_look[] =
  "{\n"
  "  \"format\": \"samtykke-policy\",\n"
  "  \"version\": 1,\n"
  "  \"appearance\": {\n"
  "    \"layout\": \"box\",\n"
  "    \"position\": \"left\",\n"
  "    \"radius\": 12,\n"
  "    \"font\": \"inherit\",\n"
  "    \"light\": {\n"
  "      \"accent\": \"rgb(0, 80, 40)\",\n"
  "      \"x_gradient\": true\n"
  "    },\n"
  "    \"reopen\": {\n"
  "      \"show\": true\n"
  "    }\n"
  "  },\n"
  "  \"categories\": [\n"
  "    {\n"
  "      \"id\": \"statistical\",\n"
  "      \"gpc\": false\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"functional\",\n"
  "      \"gpc\": true\n"
  "    }\n"
  "  ],\n"
  "  \"texts\": {\n"
  "    \"reopen_button\": {\n"
  "      \"da\": \"Cookies\"\n"
  "    }\n"
  "  }\n"
  "}\n";

static void
test_file_format (void)
{
  g_autoptr(StkPolicy) policy = load (with_look);
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  StkCategory *statistical = stk_policy_find_category (policy, "statistical");
  g_autofree char *text = save (policy);
  g_autoptr(StkPolicy) again = load (text);
  g_autofree char *text_again = save (again);

  g_assert_cmpint (stk_appearance_get_layout (appearance), ==, STK_LAYOUT_BOX);
  g_assert_cmpint (stk_appearance_get_position (appearance), ==, STK_SIDE_LEFT);
  g_assert_cmpint (stk_appearance_get_radius (appearance), ==, 12);
  g_assert_cmpstr (stk_appearance_get_font (appearance), ==, "inherit");
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_ACCENT), ==,
                   "rgb(0, 80, 40)");
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_TEXT), ==,
                   "#1a1a1a");
  g_assert_true (stk_appearance_get_reopen (appearance));
  g_assert_cmpint (stk_appearance_get_reopen_position (appearance), ==, STK_SIDE_LEFT);
  g_assert_false (stk_category_get_gpc (statistical));
  g_assert_true (stk_category_get_gpc (stk_policy_find_category (policy, "functional")));
  g_assert_false (stk_policy_honours_gpc (policy));

  /* Written whole, after "consent", the colour as it was written, the unknown member kept;
   * "gpc" only where it is not what its absence means. */
  g_assert_nonnull (strstr (text, "    \"log_endpoint\": \"\"\n  },\n  \"appearance\": {\n"
                                  "    \"layout\": \"box\",\n    \"position\": \"left\",\n"
                                  "    \"radius\": 12,\n    \"font\": \"inherit\",\n"
                                  "    \"light\": {\n      \"background\": \"#ffffff\",\n"));
  g_assert_nonnull (strstr (text, "      \"accent\": \"rgb(0, 80, 40)\",\n"));
  g_assert_nonnull (strstr (text, "      \"border\": \"#767676\",\n      \"x_gradient\": true\n"
                                  "    },\n    \"dark\": {\n"));
  g_assert_nonnull (strstr (text, "    \"reopen\": {\n      \"show\": true,\n"
                                  "      \"position\": \"left\"\n    }\n  },\n  \"texts\": {\n"));
  g_assert_nonnull (strstr (text, "\"consent_mode\": [],\n      \"gpc\": false\n    },"));
  g_assert_nonnull (strstr (text, "\"consent_mode\": []\n    }\n  ],"));
  g_assert_nonnull (strstr (text, "    \"reopen_button\": {\n      \"da\": \"Cookies\"\n    },\n"));
  g_assert_null (strstr (text, "gpc_note"));
  g_assert_cmpstr (text, ==, text_again);
}

/* A file that writes out today's look, or nothing new, is read as today's look; saving it
 * writes no "appearance", which is what its absence means. */
static void
test_default_left_out (void)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  g_autofree char *blank = save (policy);
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  g_autofree char *with_block = NULL;
  g_autofree char *unknown = NULL;

  stk_appearance_set_reopen (appearance, TRUE);
  with_block = save (policy);
  g_assert_nonnull (strstr (with_block, "\"appearance\": {"));
  g_assert_nonnull (strstr (with_block, "\"dark\": {"));
  stk_appearance_set_reopen (appearance, FALSE);
  g_assert_true (stk_appearance_is_default (appearance));
  {
    g_autofree char *text = save (policy);

    g_assert_cmpstr (text, ==, blank);
  }

  /* Read back as written, the block means today's look and goes. */
  {
    g_autoptr(StkPolicy) loaded = load (with_block);
    g_autofree char *text = NULL;

    stk_appearance_set_reopen (stk_policy_get_appearance (loaded), FALSE);
    text = save (loaded);
    g_assert_cmpstr (text, ==, blank);
  }

  /* Unless it holds what this version does not know. */
  {
    g_autoptr(StkPolicy) loaded = load ("{\"format\": \"samtykke-policy\", \"version\": 1, "
                                        "\"appearance\": {\"reopen\": {\"x\": 1}}}");

    unknown = save (loaded);
    g_assert_nonnull (strstr (unknown, "      \"position\": \"left\",\n      \"x\": 1\n"));
  }

  /* An optional text with a language, even an empty one, is kept. */
  stk_text_set (stk_policy_get_text (policy, "gpc_note"), "da", "");
  {
    g_autofree char *text = save (policy);

    g_assert_nonnull (strstr (text, "\"gpc_note\": {\n      \"da\": \"\"\n    },"));
  }
}

typedef struct
{
  const char *name;
  const char *text;
  const char *expect;
} BadCase;

static const BadCase bad_cases[] = {
  { "layout", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"appearance\": "
    "{\"layout\": \"top\"}}", "look.json:2:27: “layout” must be one of bar, box, centred" },
  { "position", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"appearance\": "
    "{\"reopen\": {\"position\": \"middle\"}}}",
    "look.json:2:40: “position” must be “left” or “right”" },
  { "radius", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"appearance\": "
    "{\"radius\": \"4px\"}}", "look.json:2:27: “radius” must be a whole number, not a string" },
  { "colour", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"appearance\": "
    "{\"dark\": {\"text\": 0}}}", "look.json:2:34: “text” must be a string" },
  { "not an object", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"appearance\": "
    "\"box\"}", "look.json:2:16: “appearance” must be an object" },
  { "twice", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"appearance\": "
    "{\"font\": \"a\", \"font\": \"b\"}}", "look.json:2:30: the member “font” appears twice" },
  { "gpc", "{\"format\": \"samtykke-policy\", \"version\": 1,\n \"categories\": "
    "[{\"gpc\": \"yes\"}]}", "look.json:2:25: “gpc” must be true or false" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = stk_policy_load_data (c->text, strlen (c->text), "look.json",
                                                      &error);

  g_assert_null (policy);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, c->expect));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/appearance/defaults", test_defaults);
  g_test_add_func ("/appearance/properties-and-undo", test_properties_and_undo);
  g_test_add_func ("/appearance/site-color", test_site_color);
  g_test_add_func ("/appearance/font-family", test_font_family);
  g_test_add_func ("/appearance/file-format", test_file_format);
  g_test_add_func ("/appearance/default-left-out", test_default_left_out);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/appearance/bad-input/%s", bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
