/* stk-appearance.h — how the banner looks on the site: colours, corners, font, layout
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-node.h"

G_BEGIN_DECLS

typedef enum
{
  STK_LAYOUT_BAR,       /* across the bottom of the window */
  STK_LAYOUT_BOX,       /* a card in a bottom corner */
  STK_LAYOUT_CENTRED,   /* a card in the middle of a dimmed page */
} StkLayout;

typedef enum
{
  STK_SIDE_LEFT,
  STK_SIDE_RIGHT,
} StkSide;

/* The light and the dark colours (prefers-color-scheme). */
typedef enum
{
  STK_SCHEME_LIGHT,
  STK_SCHEME_DARK,
} StkScheme;

/* What each colour paints; the names are the file format's. */
typedef enum
{
  STK_COLOR_BACKGROUND,   /* the banner, the settings, the placeholders */
  STK_COLOR_TEXT,         /* their text, and the focus ring */
  STK_COLOR_ACCENT,       /* the buttons and their edges, the banner's edge, the switches */
  STK_COLOR_BUTTON_TEXT,  /* the text on the buttons */
  STK_COLOR_LINK,         /* links */
  STK_COLOR_BORDER,       /* lines between the categories, the placeholders' outline */
  STK_N_COLORS
} StkColorRole;

GType        stk_layout_get_type       (void);
GType        stk_side_get_type         (void);
GType        stk_scheme_get_type       (void);
GType        stk_color_role_get_type   (void);
#define STK_TYPE_LAYOUT (stk_layout_get_type ())
#define STK_TYPE_SIDE (stk_side_get_type ())
#define STK_TYPE_SCHEME (stk_scheme_get_type ())
#define STK_TYPE_COLOR_ROLE (stk_color_role_get_type ())

/* The names used in the file format ("bar", "right", "dark", "button_text", ...). */
const char  *stk_layout_to_string      (StkLayout     layout);
gboolean     stk_layout_from_string    (const char   *str,
                                        StkLayout    *layout);
const char  *stk_side_to_string        (StkSide       side);
gboolean     stk_side_from_string      (const char   *str,
                                        StkSide      *side);
const char  *stk_scheme_to_string      (StkScheme     scheme);
const char  *stk_color_role_to_string  (StkColorRole  role);

/* A pair of colours that must contrast, and by how much (WCAG 2.2 AA). */
typedef struct
{
  StkColorRole foreground;
  StkColorRole background;
  double       minimum;     /* STK_CONTRAST_TEXT or STK_CONTRAST_GRAPHIC */
  gboolean     required;    /* below @minimum is an error; otherwise a warning */
  const char  *label;       /* untranslated; pass through _() to show */
} StkContrastPair;

const StkContrastPair *stk_contrast_pairs (guint *n_pairs);

/* The largest corner radius that cuts into no text of a card (see docs/format.md). */
#define STK_RADIUS_MAX 36

/* A font family list is written into the exported stylesheet as it is: this says whether it
 * is one (names, quoted or not, separated by commas), or "inherit". */
gboolean     stk_font_family_is_valid  (const char   *family);

#define STK_TYPE_APPEARANCE (stk_appearance_get_type ())
G_DECLARE_FINAL_TYPE (StkAppearance, stk_appearance, STK, APPEARANCE, StkNode)

StkAppearance *stk_appearance_new                 (void);

StkLayout      stk_appearance_get_layout          (StkAppearance *self);
void           stk_appearance_set_layout          (StkAppearance *self,
                                                   StkLayout      layout);
StkSide        stk_appearance_get_position        (StkAppearance *self);
void           stk_appearance_set_position        (StkAppearance *self,
                                                   StkSide        side);
int            stk_appearance_get_radius          (StkAppearance *self);
void           stk_appearance_set_radius          (StkAppearance *self,
                                                   int            radius);
const char    *stk_appearance_get_font            (StkAppearance *self);
void           stk_appearance_set_font            (StkAppearance *self,
                                                   const char    *font);
gboolean       stk_appearance_get_reopen          (StkAppearance *self);
void           stk_appearance_set_reopen          (StkAppearance *self,
                                                   gboolean       reopen);
StkSide        stk_appearance_get_reopen_position (StkAppearance *self);
void           stk_appearance_set_reopen_position (StkAppearance *self,
                                                   StkSide        side);

const char    *stk_appearance_get_color           (StkAppearance *self,
                                                   StkScheme      scheme,
                                                   StkColorRole   role);
void           stk_appearance_set_color           (StkAppearance *self,
                                                   StkScheme      scheme,
                                                   StkColorRole   role,
                                                   const char    *color);
const char    *stk_appearance_get_default_color   (StkScheme      scheme,
                                                   StkColorRole   role);
const char    *stk_appearance_color_property      (StkScheme      scheme,
                                                   StkColorRole   role);
double         stk_appearance_get_contrast        (StkAppearance *self,
                                                   StkScheme      scheme,
                                                   const StkContrastPair *pair);

gboolean       stk_appearance_is_default          (StkAppearance *self);
void           stk_appearance_reset               (StkAppearance *self);
gboolean       stk_appearance_apply_site_color    (StkAppearance *self,
                                                   const char    *color);

/* Accessors of each colour by name, for the file format's table of members. */
#define STK_APPEARANCE_COLOR_ACCESSORS(scheme, role)                                         \
  const char *stk_appearance_get_##scheme##_##role (StkAppearance *self);                    \
  void        stk_appearance_set_##scheme##_##role (StkAppearance *self, const char *color);

STK_APPEARANCE_COLOR_ACCESSORS (light, background)
STK_APPEARANCE_COLOR_ACCESSORS (light, text)
STK_APPEARANCE_COLOR_ACCESSORS (light, accent)
STK_APPEARANCE_COLOR_ACCESSORS (light, button_text)
STK_APPEARANCE_COLOR_ACCESSORS (light, link)
STK_APPEARANCE_COLOR_ACCESSORS (light, border)
STK_APPEARANCE_COLOR_ACCESSORS (dark, background)
STK_APPEARANCE_COLOR_ACCESSORS (dark, text)
STK_APPEARANCE_COLOR_ACCESSORS (dark, accent)
STK_APPEARANCE_COLOR_ACCESSORS (dark, button_text)
STK_APPEARANCE_COLOR_ACCESSORS (dark, link)
STK_APPEARANCE_COLOR_ACCESSORS (dark, border)

#undef STK_APPEARANCE_COLOR_ACCESSORS

G_END_DECLS
