/* stk-color.h — CSS colours: reading them, and the contrast between two of them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A colour in sRGB, each channel 0 to 255 as the exported stylesheet writes it, and its
 * opacity from 0 (transparent) to 1. */
typedef struct
{
  guint8 red;
  guint8 green;
  guint8 blue;
  double alpha;
} StkColor;

/* WCAG 2.2 AA: text against its background, and the edges of buttons and focus rings. */
#define STK_CONTRAST_TEXT 4.5
#define STK_CONTRAST_GRAPHIC 3.0

gboolean  stk_color_parse       (const char     *text,
                                 StkColor       *color);
char     *stk_color_to_hex      (const StkColor *color);
double    stk_color_luminance   (const StkColor *color);
double    stk_color_contrast    (const StkColor *foreground,
                                 const StkColor *background);

double    stk_contrast_ratio    (const char     *foreground,
                                 const char     *background);
char     *stk_contrast_format   (double          ratio);
char     *stk_contrast_suggest  (const char     *foreground,
                                 const char     *background,
                                 double          minimum);

G_END_DECLS
