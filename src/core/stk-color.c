/* stk-color.c — CSS colours: reading them, and the contrast between two of them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colours of a policy's appearance are written by people, often pasted from a site's
 * stylesheet, so they are read in the forms CSS gives them: #rgb, #rgba, #rrggbb, #rrggbbaa,
 * rgb() and rgba(), hsl() and hsla() (with commas, or with spaces and "/ alpha"), and the
 * named colours. Each becomes the 8-bit sRGB value a browser would paint and the exporter
 * writes, so that the contrast computed here is the contrast a visitor sees. The contrast
 * ratio and relative luminance are WCAG 2.2's.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "stk-color.h"

/* The named colours of CSS Color Module Level 4, in alphabetical order. */
static const struct
{
  const char *name;
  guint32     rgb;
} named_colors[] = {
  { "aliceblue", 0xf0f8ff }, { "antiquewhite", 0xfaebd7 }, { "aqua", 0x00ffff },
  { "aquamarine", 0x7fffd4 }, { "azure", 0xf0ffff }, { "beige", 0xf5f5dc },
  { "bisque", 0xffe4c4 }, { "black", 0x000000 }, { "blanchedalmond", 0xffebcd },
  { "blue", 0x0000ff }, { "blueviolet", 0x8a2be2 }, { "brown", 0xa52a2a },
  { "burlywood", 0xdeb887 }, { "cadetblue", 0x5f9ea0 }, { "chartreuse", 0x7fff00 },
  { "chocolate", 0xd2691e }, { "coral", 0xff7f50 }, { "cornflowerblue", 0x6495ed },
  { "cornsilk", 0xfff8dc }, { "crimson", 0xdc143c }, { "cyan", 0x00ffff },
  { "darkblue", 0x00008b }, { "darkcyan", 0x008b8b }, { "darkgoldenrod", 0xb8860b },
  { "darkgray", 0xa9a9a9 }, { "darkgreen", 0x006400 }, { "darkgrey", 0xa9a9a9 },
  { "darkkhaki", 0xbdb76b }, { "darkmagenta", 0x8b008b }, { "darkolivegreen", 0x556b2f },
  { "darkorange", 0xff8c00 }, { "darkorchid", 0x9932cc }, { "darkred", 0x8b0000 },
  { "darksalmon", 0xe9967a }, { "darkseagreen", 0x8fbc8f }, { "darkslateblue", 0x483d8b },
  { "darkslategray", 0x2f4f4f }, { "darkslategrey", 0x2f4f4f }, { "darkturquoise", 0x00ced1 },
  { "darkviolet", 0x9400d3 }, { "deeppink", 0xff1493 }, { "deepskyblue", 0x00bfff },
  { "dimgray", 0x696969 }, { "dimgrey", 0x696969 }, { "dodgerblue", 0x1e90ff },
  { "firebrick", 0xb22222 }, { "floralwhite", 0xfffaf0 }, { "forestgreen", 0x228b22 },
  { "fuchsia", 0xff00ff }, { "gainsboro", 0xdcdcdc }, { "ghostwhite", 0xf8f8ff },
  { "gold", 0xffd700 }, { "goldenrod", 0xdaa520 }, { "gray", 0x808080 },
  { "green", 0x008000 }, { "greenyellow", 0xadff2f }, { "grey", 0x808080 },
  { "honeydew", 0xf0fff0 }, { "hotpink", 0xff69b4 }, { "indianred", 0xcd5c5c },
  { "indigo", 0x4b0082 }, { "ivory", 0xfffff0 }, { "khaki", 0xf0e68c },
  { "lavender", 0xe6e6fa }, { "lavenderblush", 0xfff0f5 }, { "lawngreen", 0x7cfc00 },
  { "lemonchiffon", 0xfffacd }, { "lightblue", 0xadd8e6 }, { "lightcoral", 0xf08080 },
  { "lightcyan", 0xe0ffff }, { "lightgoldenrodyellow", 0xfafad2 }, { "lightgray", 0xd3d3d3 },
  { "lightgreen", 0x90ee90 }, { "lightgrey", 0xd3d3d3 }, { "lightpink", 0xffb6c1 },
  { "lightsalmon", 0xffa07a }, { "lightseagreen", 0x20b2aa }, { "lightskyblue", 0x87cefa },
  { "lightslategray", 0x778899 }, { "lightslategrey", 0x778899 },
  { "lightsteelblue", 0xb0c4de }, { "lightyellow", 0xffffe0 }, { "lime", 0x00ff00 },
  { "limegreen", 0x32cd32 }, { "linen", 0xfaf0e6 }, { "magenta", 0xff00ff },
  { "maroon", 0x800000 }, { "mediumaquamarine", 0x66cdaa }, { "mediumblue", 0x0000cd },
  { "mediumorchid", 0xba55d3 }, { "mediumpurple", 0x9370db }, { "mediumseagreen", 0x3cb371 },
  { "mediumslateblue", 0x7b68ee }, { "mediumspringgreen", 0x00fa9a },
  { "mediumturquoise", 0x48d1cc }, { "mediumvioletred", 0xc71585 },
  { "midnightblue", 0x191970 }, { "mintcream", 0xf5fffa }, { "mistyrose", 0xffe4e1 },
  { "moccasin", 0xffe4b5 }, { "navajowhite", 0xffdead }, { "navy", 0x000080 },
  { "oldlace", 0xfdf5e6 }, { "olive", 0x808000 }, { "olivedrab", 0x6b8e23 },
  { "orange", 0xffa500 }, { "orangered", 0xff4500 }, { "orchid", 0xda70d6 },
  { "palegoldenrod", 0xeee8aa }, { "palegreen", 0x98fb98 }, { "paleturquoise", 0xafeeee },
  { "palevioletred", 0xdb7093 }, { "papayawhip", 0xffefd5 }, { "peachpuff", 0xffdab9 },
  { "peru", 0xcd853f }, { "pink", 0xffc0cb }, { "plum", 0xdda0dd },
  { "powderblue", 0xb0e0e6 }, { "purple", 0x800080 }, { "rebeccapurple", 0x663399 },
  { "red", 0xff0000 }, { "rosybrown", 0xbc8f8f }, { "royalblue", 0x4169e1 },
  { "saddlebrown", 0x8b4513 }, { "salmon", 0xfa8072 }, { "sandybrown", 0xf4a460 },
  { "seagreen", 0x2e8b57 }, { "seashell", 0xfff5ee }, { "sienna", 0xa0522d },
  { "silver", 0xc0c0c0 }, { "skyblue", 0x87ceeb }, { "slateblue", 0x6a5acd },
  { "slategray", 0x708090 }, { "slategrey", 0x708090 }, { "snow", 0xfffafa },
  { "springgreen", 0x00ff7f }, { "steelblue", 0x4682b4 }, { "tan", 0xd2b48c },
  { "teal", 0x008080 }, { "thistle", 0xd8bfd8 }, { "tomato", 0xff6347 },
  { "turquoise", 0x40e0d0 }, { "violet", 0xee82ee }, { "wheat", 0xf5deb3 },
  { "white", 0xffffff }, { "whitesmoke", 0xf5f5f5 }, { "yellow", 0xffff00 },
  { "yellowgreen", 0x9acd32 },
};

static guint8
channel (double value)
{
  return (guint8) floor (CLAMP (value, 0.0, 255.0) + 0.5);
}

static gboolean
parse_hex (const char *p,
           StkColor   *color)
{
  guint digits[8];
  gsize n = 0;

  for (; *p != '\0'; p++, n++)
    {
      if (n == G_N_ELEMENTS (digits) || !g_ascii_isxdigit (*p))
        return FALSE;
      digits[n] = g_ascii_xdigit_value (*p);
    }

  switch (n)
    {
    case 3:
    case 4:
      color->red = digits[0] * 17;
      color->green = digits[1] * 17;
      color->blue = digits[2] * 17;
      color->alpha = n == 4 ? digits[3] * 17 / 255.0 : 1.0;
      return TRUE;

    case 6:
    case 8:
      color->red = digits[0] * 16 + digits[1];
      color->green = digits[2] * 16 + digits[3];
      color->blue = digits[4] * 16 + digits[5];
      color->alpha = n == 8 ? (digits[6] * 16 + digits[7]) / 255.0 : 1.0;
      return TRUE;

    default:
      return FALSE;
    }
}

typedef enum
{
  UNIT_NONE,     /* a plain number */
  UNIT_PERCENT,
  UNIT_DEG,
  UNIT_GRAD,
  UNIT_RAD,
  UNIT_TURN,
} Unit;

typedef struct
{
  double value;
  Unit   unit;
} Component;

/* A CSS number: an optional sign, digits with an optional fraction (or a fraction alone), an
 * optional exponent; then a unit, when one of those a colour function takes follows. */
static gboolean
scan_component (const char **pos,
                Component   *component)
{
  const char *p = *pos;
  const char *start = p;
  g_autofree char *number = NULL;
  static const struct { const char *name; Unit unit; } units[] = {
    { "%", UNIT_PERCENT }, { "deg", UNIT_DEG }, { "grad", UNIT_GRAD }, { "rad", UNIT_RAD },
    { "turn", UNIT_TURN },
  };
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if ((*p == 'e' || *p == 'E') &&
      (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      p += 2;
      while (g_ascii_isdigit (*p))
        p++;
    }

  number = g_strndup (start, p - start);
  component->value = g_ascii_strtod (number, NULL);
  if (!isfinite (component->value))
    return FALSE;

  component->unit = UNIT_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize length = strlen (units[i].name);

      if (g_ascii_strncasecmp (p, units[i].name, length) == 0 &&
          !g_ascii_isalnum (p[length]))
        {
          component->unit = units[i].unit;
          p += length;
          break;
        }
    }
  if (g_ascii_isalpha (*p))
    return FALSE;

  *pos = p;
  return TRUE;
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
    p++;
  return p;
}

static double
hue_degrees (const Component *hue)
{
  switch (hue->unit)
    {
    case UNIT_GRAD: return hue->value * 0.9;
    case UNIT_RAD: return hue->value * 180.0 / G_PI;
    case UNIT_TURN: return hue->value * 360.0;
    case UNIT_NONE:
    case UNIT_DEG:
    case UNIT_PERCENT:
    default:
      return hue->value;
    }
}

static double
hsl_channel (double hue,
             double saturation,
             double lightness,
             double offset)
{
  double k = fmod (offset + hue / 30.0, 12.0);
  double a = saturation * MIN (lightness, 1.0 - lightness);

  return lightness - a * MAX (-1.0, MIN (MIN (k - 3.0, 9.0 - k), 1.0));
}

/* rgb(), rgba(), hsl() and hsla(): the legacy form with commas throughout, or the modern one
 * with spaces and an optional "/ alpha". */
static gboolean
parse_function (const char *p,
                StkColor   *color)
{
  const char *name = p;
  gboolean hsl;
  Component parts[4];
  guint n = 0;
  gboolean commas = FALSE;
  gboolean slash = FALSE;
  double alpha = 1.0;

  while (g_ascii_isalpha (*p))
    p++;
  if (*p != '(')
    return FALSE;
  if ((p - name == 3 || p - name == 4) && g_ascii_strncasecmp (name, "rgba", p - name) == 0)
    hsl = FALSE;
  else if ((p - name == 3 || p - name == 4) && g_ascii_strncasecmp (name, "hsla", p - name) == 0)
    hsl = TRUE;
  else
    return FALSE;
  p = skip_space (p + 1);

  for (;;)
    {
      const char *before;

      if (n == G_N_ELEMENTS (parts) || !scan_component (&p, &parts[n]))
        return FALSE;
      n++;
      before = p;
      p = skip_space (p);

      if (*p == ')')
        break;
      if (*p == ',')
        {
          if (n > 1 && !commas)
            return FALSE;
          commas = TRUE;
          p = skip_space (p + 1);
        }
      else if (*p == '/')
        {
          if (commas || n != 3)
            return FALSE;
          slash = TRUE;
          p = skip_space (p + 1);
        }
      else if (commas || slash || p == before)
        return FALSE;
    }
  if (*skip_space (p + 1) != '\0')
    return FALSE;
  if (n < 3 || (n == 4 && !commas && !slash))
    return FALSE;

  if (n == 4)
    {
      if (parts[3].unit != UNIT_NONE && parts[3].unit != UNIT_PERCENT)
        return FALSE;
      alpha = parts[3].unit == UNIT_PERCENT ? parts[3].value / 100.0 : parts[3].value;
    }

  if (hsl)
    {
      double hue, saturation, lightness;

      if (parts[0].unit == UNIT_PERCENT)
        return FALSE;
      for (guint i = 1; i < 3; i++)
        if (parts[i].unit != UNIT_PERCENT && (commas || parts[i].unit != UNIT_NONE))
          return FALSE;

      hue = fmod (hue_degrees (&parts[0]), 360.0);
      if (hue < 0)
        hue += 360.0;
      saturation = CLAMP (parts[1].value / 100.0, 0.0, 1.0);
      lightness = CLAMP (parts[2].value / 100.0, 0.0, 1.0);
      color->red = channel (255.0 * hsl_channel (hue, saturation, lightness, 0));
      color->green = channel (255.0 * hsl_channel (hue, saturation, lightness, 8));
      color->blue = channel (255.0 * hsl_channel (hue, saturation, lightness, 4));
    }
  else
    {
      double values[3];

      for (guint i = 0; i < 3; i++)
        {
          if (parts[i].unit != UNIT_NONE && parts[i].unit != UNIT_PERCENT)
            return FALSE;
          /* The legacy form takes numbers throughout or percentages throughout. */
          if (commas && parts[i].unit != parts[0].unit)
            return FALSE;
          values[i] = parts[i].unit == UNIT_PERCENT ? parts[i].value * 255.0 / 100.0
                                                     : parts[i].value;
        }
      color->red = channel (values[0]);
      color->green = channel (values[1]);
      color->blue = channel (values[2]);
    }

  color->alpha = CLAMP (alpha, 0.0, 1.0);
  return TRUE;
}

/**
 * stk_color_parse:
 * @text: a CSS colour: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`, `rgba()`, `hsl()`,
 *   `hsla()`, a named colour such as `rebeccapurple`, or `transparent`; letter case and the
 *   white space around it do not matter
 * @color: (out) (optional): where the colour goes, in 8-bit sRGB as a browser paints it
 *
 * Reads a colour as a site's stylesheet would give it. Values out of range are clamped as CSS
 * clamps them. Other forms of CSS (`currentColor`, `color()`, `lab()`, system colours) are not
 * read: the exported stylesheet could not be checked against them.
 *
 * Returns: whether @text is a colour
 */
gboolean
stk_color_parse (const char *text,
                 StkColor   *color)
{
  g_autofree char *trimmed = NULL;
  StkColor result = { 0, 0, 0, 1.0 };
  gboolean ok = FALSE;

  if (text == NULL)
    return FALSE;

  trimmed = g_strdup (skip_space (text));
  for (gsize n = strlen (trimmed); n > 0 && strchr (" \t\n\r\f", trimmed[n - 1]); n--)
    trimmed[n - 1] = '\0';

  if (trimmed[0] == '#')
    ok = parse_hex (trimmed + 1, &result);
  else if (strchr (trimmed, '(') != NULL)
    ok = parse_function (trimmed, &result);
  else if (g_ascii_strcasecmp (trimmed, "transparent") == 0)
    {
      result.alpha = 0.0;
      ok = TRUE;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (named_colors) && !ok; i++)
        if (g_ascii_strcasecmp (trimmed, named_colors[i].name) == 0)
          {
            result.red = named_colors[i].rgb >> 16;
            result.green = (named_colors[i].rgb >> 8) & 0xff;
            result.blue = named_colors[i].rgb & 0xff;
            ok = TRUE;
          }
    }

  if (ok && color != NULL)
    *color = result;

  return ok;
}

/**
 * stk_color_to_hex:
 * @color: a colour
 *
 * Returns: (transfer full): `#rrggbb` in lower case, or `#rrggbbaa` when @color is not opaque
 */
char *
stk_color_to_hex (const StkColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  if (color->alpha >= 1.0)
    return g_strdup_printf ("#%02x%02x%02x", color->red, color->green, color->blue);

  return g_strdup_printf ("#%02x%02x%02x%02x", color->red, color->green, color->blue,
                          channel (color->alpha * 255.0));
}

static double
linear (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * stk_color_luminance:
 * @color: an opaque colour
 *
 * Returns: the relative luminance WCAG 2.2 defines, from 0 (black) to 1 (white)
 */
double
stk_color_luminance (const StkColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) +
         0.0722 * linear (color->blue);
}

/**
 * stk_color_contrast:
 * @foreground: text, a line or a focus ring
 * @background: what it stands on, taken as opaque
 *
 * A translucent @foreground is laid over @background first, as the browser paints it.
 *
 * Returns: the contrast ratio WCAG 2.2 defines, from 1 to 21
 */
double
stk_color_contrast (const StkColor *foreground,
                    const StkColor *background)
{
  StkColor painted;
  double a, b;

  g_return_val_if_fail (foreground != NULL && background != NULL, 1.0);

  painted = *foreground;
  if (foreground->alpha < 1.0)
    {
      double alpha = CLAMP (foreground->alpha, 0.0, 1.0);

      painted.red = channel (foreground->red * alpha + background->red * (1.0 - alpha));
      painted.green = channel (foreground->green * alpha + background->green * (1.0 - alpha));
      painted.blue = channel (foreground->blue * alpha + background->blue * (1.0 - alpha));
      painted.alpha = 1.0;
    }

  a = stk_color_luminance (&painted);
  b = stk_color_luminance (background);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/**
 * stk_contrast_ratio:
 * @foreground: a CSS colour (stk_color_parse())
 * @background: a CSS colour
 *
 * The figure validation checks and the editor shows beside each pair of colours.
 *
 * Returns: the contrast ratio from 1 to 21, or 0 when either is not a colour
 */
double
stk_contrast_ratio (const char *foreground,
                    const char *background)
{
  StkColor fg, bg;

  if (!stk_color_parse (foreground, &fg) || !stk_color_parse (background, &bg))
    return 0.0;

  return stk_color_contrast (&fg, &bg);
}

/**
 * stk_contrast_format:
 * @ratio: a contrast ratio
 *
 * Writes @ratio as people read it, "4.48:1", with two decimals rounded down: a pair just
 * short of a threshold never reads as reaching it.
 *
 * Returns: (transfer full): the ratio as text
 */
char *
stk_contrast_format (double ratio)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.2f", floor (ratio * 100.0 + 1e-9) / 100.0);
  return g_strdup_printf ("%s:1", number);
}

/* @color with its lightness in HSL changed to @lightness, hue and saturation kept. */
static StkColor
with_lightness (const StkColor *color,
                double          lightness)
{
  double r = color->red / 255.0, g = color->green / 255.0, b = color->blue / 255.0;
  double max = MAX (r, MAX (g, b)), min = MIN (r, MIN (g, b));
  double l = (max + min) / 2.0;
  double hue = 0.0, saturation = 0.0;
  StkColor result;

  if (max > min)
    {
      double d = max - min;

      saturation = d / (1.0 - fabs (2.0 * l - 1.0));
      if (max == r)
        hue = 60.0 * fmod ((g - b) / d + 6.0, 6.0);
      else if (max == g)
        hue = 60.0 * ((b - r) / d + 2.0);
      else
        hue = 60.0 * ((r - g) / d + 4.0);
    }
  saturation = CLAMP (saturation, 0.0, 1.0);

  result.red = channel (255.0 * hsl_channel (hue, saturation, lightness, 0));
  result.green = channel (255.0 * hsl_channel (hue, saturation, lightness, 8));
  result.blue = channel (255.0 * hsl_channel (hue, saturation, lightness, 4));
  result.alpha = 1.0;

  return result;
}

/**
 * stk_contrast_suggest:
 * @foreground: a CSS colour that does not contrast enough with @background
 * @background: a CSS colour
 * @minimum: the ratio to reach, such as %STK_CONTRAST_TEXT
 *
 * What to change when a pair fails: the colour nearest to @foreground, of the same hue and
 * saturation, only lighter or darker, whose contrast with @background reaches @minimum. Of a
 * lighter and a darker one that both do, the one closer to @foreground.
 *
 * Returns: (transfer full) (nullable): the colour as `#rrggbb`; @foreground itself (written
 *   so) when it already reaches @minimum; %NULL when either is not a colour or no lightness
 *   reaches @minimum
 */
char *
stk_contrast_suggest (const char *foreground,
                      const char *background,
                      double      minimum)
{
  StkColor fg, bg, opaque;
  double best_distance = G_MAXDOUBLE;
  StkColor best;
  gboolean found = FALSE;

  if (!stk_color_parse (foreground, &fg) || !stk_color_parse (background, &bg))
    return NULL;

  opaque = fg;
  opaque.alpha = 1.0;
  if (stk_color_contrast (&opaque, &bg) >= minimum)
    return stk_color_to_hex (&opaque);

  /* Lightness in steps of a thousandth, outwards from the colour's own. */
  for (int step = 0; step <= 1000; step++)
    {
      StkColor candidate = with_lightness (&opaque, step / 1000.0);
      double distance;

      if (stk_color_contrast (&candidate, &bg) < minimum)
        continue;
      distance = fabs ((double) candidate.red - opaque.red) +
                 fabs ((double) candidate.green - opaque.green) +
                 fabs ((double) candidate.blue - opaque.blue);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = candidate;
          found = TRUE;
        }
    }

  return found ? stk_color_to_hex (&best) : NULL;
}
