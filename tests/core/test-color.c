/* test-color.c — reading CSS colours, and the contrast between two of them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "stk-core.h"

typedef struct
{
  const char *text;
  const char *hex;   /* as stk_color_to_hex() writes it, or NULL when @text is not a colour */
} ColorCase;

/* What Chromium paints for each of these: the same 8-bit value. */
static const ColorCase color_cases[] = {
  { "#0b5394", "#0b5394" },
  { "#0B5394", "#0b5394" },
  { "  #abc\n", "#aabbcc" },
  { "#abcd", "#aabbccdd" },
  { "#11223380", "#11223380" },
  { "#112233ff", "#112233" },
  { "rgb(11, 83, 148)", "#0b5394" },
  { "RGB(11,83,148)", "#0b5394" },
  { "rgba(11, 83, 148, 1)", "#0b5394" },
  { "rgba(11, 83, 148, 0.5)", "#0b539480" },
  { "rgb(11, 83, 148, 50%)", "#0b539480" },
  { "rgb(11 83 148)", "#0b5394" },
  { "rgb(11 83 148 / 1)", "#0b5394" },
  { "rgb(11 83 148 / 25%)", "#0b539440" },
  { "rgb(100%, 0%, 50%)", "#ff0080" },
  { "rgb(100% 0 50%)", "#ff0080" },
  { "rgb(300, -20, 127.5)", "#ff0080" },
  { "rgb(1e2, 0, .5e1)", "#640005" },
  { "hsl(0, 100%, 50%)", "#ff0000" },
  { "hsl(120deg 100% 25%)", "#008000" },
  { "hsl(240, 100%, 50%)", "#0000ff" },
  { "hsla(210, 50%, 40%, 0.5)", "#33669980" },
  { "hsl(0.5turn 100% 50%)", "#00ffff" },
  { "hsl(200grad 100% 50%)", "#00ffff" },
  { "hsl(3.14159265rad 100% 50%)", "#00ffff" },
  { "hsl(-120, 100%, 50%)", "#0000ff" },
  { "hsl(270 60 70)", "#b385e0" },
  { "hsl(0, 0%, 46.27%)", "#767676" },
  { "rebeccapurple", "#663399" },
  { "RebeccaPurple", "#663399" },
  { "grey", "#808080" },
  { "darkslategrey", "#2f4f4f" },
  { "lightgoldenrodyellow", "#fafad2" },
  { "transparent", "#00000000" },
  /* Not colours, or not in a form the stylesheet could be checked in. */
  { "", NULL },
  { "   ", NULL },
  { "#", NULL },
  { "#ab", NULL },
  { "#abcde", NULL },
  { "#abcdefabc", NULL },
  { "#ggg", NULL },
  { "0b5394", NULL },
  { "rgb(1, 2)", NULL },
  { "rgb(1, 2, 3", NULL },
  { "rgb(1, 2, 3))", NULL },
  { "rgb(1 2, 3)", NULL },
  { "rgb(1, 2 3)", NULL },
  { "rgb(1, 2, 3 / 1)", NULL },
  { "rgb(1 2 3 4)", NULL },
  { "rgb(1 2 3 / 0.5 / 1)", NULL },
  { "rgb(1%, 2, 3)", NULL },
  { "rgb(1px, 2, 3)", NULL },
  { "rgb(1deg, 2, 3)", NULL },
  { "rgb(., 2, 3)", NULL },
  { "rgb(1.e2, 2, 3)", NULL },
  { "hsl(10%, 50%, 50%)", NULL },
  { "hsl(10, 50, 50)", NULL },
  { "hsl(10, 50%, 50%) x", NULL },
  { "rgbx(1, 2, 3)", NULL },
  { "lab(50% 40 59)", NULL },
  { "color(srgb 1 0 0)", NULL },
  { "currentColor", NULL },
  { "inherit", NULL },
  { "red;", NULL },
  { "red blue", NULL },
  { "rgb(1, 2, 3);}body{", NULL },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (color_cases); i++)
    {
      const ColorCase *c = &color_cases[i];
      StkColor color;
      gboolean ok = stk_color_parse (c->text, &color);

      g_test_message ("“%s”", c->text);
      g_assert_cmpint (ok, ==, c->hex != NULL);
      if (ok)
        {
          g_autofree char *hex = stk_color_to_hex (&color);

          g_assert_cmpstr (hex, ==, c->hex);
        }
    }

  g_assert_false (stk_color_parse (NULL, NULL));
  g_assert_true (stk_color_parse ("red", NULL));
}

static void
assert_ratio (const char *fg,
              const char *bg,
              double      expected)
{
  double ratio = stk_contrast_ratio (fg, bg);

  g_test_message ("%s on %s: %f", fg, bg, ratio);
  g_assert_cmpfloat_with_epsilon (ratio, expected, 0.005);
  /* The ratio does not depend on which of the two is in front. */
  g_assert_cmpfloat_with_epsilon (stk_contrast_ratio (bg, fg), ratio, 1e-9);
}

static void
test_contrast (void)
{
  StkColor black, white;

  g_assert_true (stk_color_parse ("black", &black));
  g_assert_true (stk_color_parse ("white", &white));
  g_assert_cmpfloat (stk_color_luminance (&black), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (stk_color_luminance (&white), 1.0, 1e-12);

  /* Figures of the formula, worked by hand in another language. */
  assert_ratio ("#000", "#fff", 21.0);
  assert_ratio ("#fff", "#fff", 1.0);
  assert_ratio ("#767676", "#ffffff", 4.54);
  assert_ratio ("#777777", "#ffffff", 4.48);
  assert_ratio ("#0b5394", "#ffffff", 7.84);
  assert_ratio ("#8ab4f8", "#1e1e1e", 7.91);
  assert_ratio ("#1a1a1a", "#ffffff", 17.40);
  assert_ratio ("hsl(0, 100%, 50%)", "white", 4.00);

  /* Translucent text is painted over its background first. */
  g_assert_cmpfloat_with_epsilon (stk_contrast_ratio ("rgba(0, 0, 0, 0.5)", "#ffffff"),
                                  stk_contrast_ratio ("#808080", "#ffffff"), 1e-9);

  g_assert_cmpfloat (stk_contrast_ratio ("nothing", "#fff"), ==, 0.0);
  g_assert_cmpfloat (stk_contrast_ratio ("#fff", NULL), ==, 0.0);
}

static void
test_format (void)
{
  struct { double ratio; const char *text; } cases[] = {
    { 4.4999, "4.49:1" },
    { 4.5, "4.50:1" },
    { 4.54, "4.54:1" },
    { 3.0, "3.00:1" },
    { 21.0, "21.00:1" },
    { 1.0, "1.00:1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = stk_contrast_format (cases[i].ratio);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_suggest (void)
{
  struct { const char *fg, *bg; double minimum; } cases[] = {
    { "#777777", "#ffffff", STK_CONTRAST_TEXT },
    { "#ffd700", "#ffffff", STK_CONTRAST_TEXT },
    { "#0b5394", "#1e1e1e", STK_CONTRAST_TEXT },
    { "hsl(200, 80%, 50%)", "#ffffff", STK_CONTRAST_GRAPHIC },
    { "#808080", "#777777", STK_CONTRAST_TEXT },
    { "rgba(0, 0, 255, 0.2)", "#ffffff", STK_CONTRAST_TEXT },
  };
  g_autofree char *same = stk_contrast_suggest ("#0B5394", "#fff", STK_CONTRAST_TEXT);
  g_autofree char *grey = stk_contrast_suggest ("#777777", "#ffffff", STK_CONTRAST_TEXT);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fix = stk_contrast_suggest (cases[i].fg, cases[i].bg, cases[i].minimum);
      StkColor before, after;

      g_test_message ("%s on %s: %s", cases[i].fg, cases[i].bg, fix);
      g_assert_nonnull (fix);
      g_assert_cmpfloat (stk_contrast_ratio (fix, cases[i].bg), >=, cases[i].minimum);
      /* Only the lightness changes: the channels keep their order. */
      g_assert_true (stk_color_parse (cases[i].fg, &before));
      g_assert_true (stk_color_parse (fix, &after));
      g_assert_cmpfloat (after.alpha, ==, 1.0);
      if (before.red > before.blue)
        g_assert_cmpint (after.red, >=, after.blue);
      if (before.blue > before.red)
        g_assert_cmpint (after.blue, >=, after.red);
    }

  /* A passing colour stays, written as #rrggbb; a failing grey moves the least it must. */
  g_assert_cmpstr (same, ==, "#0b5394");
  g_assert_cmpstr (grey, ==, "#767676");

  g_assert_null (stk_contrast_suggest ("#777777", "#ffffff", 22.0));
  g_assert_null (stk_contrast_suggest ("nothing", "#ffffff", STK_CONTRAST_TEXT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/color/parse", test_parse);
  g_test_add_func ("/color/contrast", test_contrast);
  g_test_add_func ("/color/format", test_format);
  g_test_add_func ("/color/suggest", test_suggest);

  return g_test_run ();
}
