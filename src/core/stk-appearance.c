/* stk-appearance.c — how the banner looks on the site: colours, corners, font, layout
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The appearance holds what a site may choose; everything else about the banner is fixed, on
 * purpose: the three choices of the first layer have one style between them, and there is no
 * member that could style them apart. The defaults are the look the banner had before sites
 * could choose, so that a policy without an "appearance" member means that look.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-core-private.h"
#include "stk-appearance.h"
#include "stk-color.h"
#include "stk-policy.h"

#define DEFAULT_FONT "system-ui, sans-serif"
#define DEFAULT_RADIUS 4

struct _StkAppearance
{
  StkNode    parent_instance;

  char      *colors[2][STK_N_COLORS];   /* by scheme and role */
  char      *font;
  int        layout;                    /* StkLayout */
  int        position;                  /* StkSide */
  int        radius;
  int        reopen_position;           /* StkSide */
  gboolean   reopen;
};

G_DEFINE_FINAL_TYPE (StkAppearance, stk_appearance, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_POSITION,
  PROP_RADIUS,
  PROP_FONT,
  PROP_REOPEN,
  PROP_REOPEN_POSITION,
  PROP_COLOR_FIRST,
  N_PROPS = PROP_COLOR_FIRST + 2 * STK_N_COLORS
};

static GParamSpec *properties[N_PROPS];

/* Today's look: the colours of data/web/src/samtykke.css. */
static const char * const default_colors[2][STK_N_COLORS] = {
  [STK_SCHEME_LIGHT] = {
    [STK_COLOR_BACKGROUND] = "#ffffff",
    [STK_COLOR_TEXT] = "#1a1a1a",
    [STK_COLOR_ACCENT] = "#0b5394",
    [STK_COLOR_BUTTON_TEXT] = "#ffffff",
    [STK_COLOR_LINK] = "#0b5394",
    [STK_COLOR_BORDER] = "#767676",
  },
  [STK_SCHEME_DARK] = {
    [STK_COLOR_BACKGROUND] = "#1e1e1e",
    [STK_COLOR_TEXT] = "#f0f0f0",
    [STK_COLOR_ACCENT] = "#8ab4f8",
    [STK_COLOR_BUTTON_TEXT] = "#1e1e1e",
    [STK_COLOR_LINK] = "#8ab4f8",
    [STK_COLOR_BORDER] = "#a0a0a0",
  },
};

/* GObject property names of the colours: "light-background", "dark-button-text", ... */
static const char * const color_properties[2][STK_N_COLORS] = {
  [STK_SCHEME_LIGHT] = {
    "light-background", "light-text", "light-accent", "light-button-text", "light-link",
    "light-border",
  },
  [STK_SCHEME_DARK] = {
    "dark-background", "dark-text", "dark-accent", "dark-button-text", "dark-link",
    "dark-border",
  },
};

static const StkContrastPair contrast_pairs[] = {
  { STK_COLOR_TEXT, STK_COLOR_BACKGROUND, STK_CONTRAST_TEXT, TRUE,
    /* The focus ring is drawn in the text colour: reaching 4.5:1 covers its 3:1. */
    N_("Text and focus ring on the background") },
  { STK_COLOR_LINK, STK_COLOR_BACKGROUND, STK_CONTRAST_TEXT, TRUE,
    N_("Links on the background") },
  { STK_COLOR_BUTTON_TEXT, STK_COLOR_ACCENT, STK_CONTRAST_TEXT, TRUE,
    N_("Button text on the buttons") },
  { STK_COLOR_ACCENT, STK_COLOR_BACKGROUND, STK_CONTRAST_GRAPHIC, TRUE,
    N_("Buttons and switches on the background") },
  { STK_COLOR_BORDER, STK_COLOR_BACKGROUND, STK_CONTRAST_GRAPHIC, FALSE,
    N_("Lines on the background") },
};

/**
 * stk_contrast_pairs:
 * @n_pairs: (out): how many pairs there are
 *
 * The pairs of an appearance's colours that validation checks in light and in dark, in the
 * order it reports them: the editor shows the same pairs with their ratio.
 *
 * Returns: (transfer none) (array length=n_pairs): the pairs
 */
const StkContrastPair *
stk_contrast_pairs (guint *n_pairs)
{
  if (n_pairs != NULL)
    *n_pairs = G_N_ELEMENTS (contrast_pairs);
  return contrast_pairs;
}

/* Enumerations: the nick of each value is its name in the file format. */

static const GEnumValue layout_values[] = {
  { STK_LAYOUT_BAR, "STK_LAYOUT_BAR", "bar" },
  { STK_LAYOUT_BOX, "STK_LAYOUT_BOX", "box" },
  { STK_LAYOUT_CENTRED, "STK_LAYOUT_CENTRED", "centred" },
  { 0, NULL, NULL }
};

static const GEnumValue side_values[] = {
  { STK_SIDE_LEFT, "STK_SIDE_LEFT", "left" },
  { STK_SIDE_RIGHT, "STK_SIDE_RIGHT", "right" },
  { 0, NULL, NULL }
};

static const GEnumValue scheme_values[] = {
  { STK_SCHEME_LIGHT, "STK_SCHEME_LIGHT", "light" },
  { STK_SCHEME_DARK, "STK_SCHEME_DARK", "dark" },
  { 0, NULL, NULL }
};

static const GEnumValue color_role_values[] = {
  { STK_COLOR_BACKGROUND, "STK_COLOR_BACKGROUND", "background" },
  { STK_COLOR_TEXT, "STK_COLOR_TEXT", "text" },
  { STK_COLOR_ACCENT, "STK_COLOR_ACCENT", "accent" },
  { STK_COLOR_BUTTON_TEXT, "STK_COLOR_BUTTON_TEXT", "button_text" },
  { STK_COLOR_LINK, "STK_COLOR_LINK", "link" },
  { STK_COLOR_BORDER, "STK_COLOR_BORDER", "border" },
  { 0, NULL, NULL }
};

#define DEFINE_ENUM_TYPE(TypeName, type_name, values)                              \
  GType                                                                            \
  type_name##_get_type (void)                                                      \
  {                                                                                \
    static gsize type = 0;                                                         \
    if (g_once_init_enter (&type))                                                 \
      g_once_init_leave (&type, g_enum_register_static (#TypeName, values));       \
    return type;                                                                   \
  }                                                                                \
  const char *                                                                     \
  type_name##_to_string (TypeName value)                                           \
  {                                                                                \
    for (guint i = 0; values[i].value_nick; i++)                                   \
      if (values[i].value == (int) value)                                          \
        return values[i].value_nick;                                               \
    return NULL;                                                                   \
  }

#define DEFINE_ENUM_FROM_STRING(TypeName, type_name, values)                       \
  gboolean                                                                         \
  type_name##_from_string (const char *str,                                        \
                           TypeName   *value)                                      \
  {                                                                                \
    for (guint i = 0; str && values[i].value_nick; i++)                            \
      if (strcmp (values[i].value_nick, str) == 0)                                 \
        {                                                                          \
          *value = values[i].value;                                                \
          return TRUE;                                                             \
        }                                                                          \
    return FALSE;                                                                  \
  }

DEFINE_ENUM_TYPE (StkLayout, stk_layout, layout_values)
DEFINE_ENUM_FROM_STRING (StkLayout, stk_layout, layout_values)
DEFINE_ENUM_TYPE (StkSide, stk_side, side_values)
DEFINE_ENUM_FROM_STRING (StkSide, stk_side, side_values)
DEFINE_ENUM_TYPE (StkScheme, stk_scheme, scheme_values)
DEFINE_ENUM_TYPE (StkColorRole, stk_color_role, color_role_values)

/* Font families */

static gboolean
is_name_char (const char *p)
{
  return g_ascii_isalnum (*p) || *p == '-' || *p == '_' || (guchar) *p >= 0x80;
}

/**
 * stk_font_family_is_valid:
 * @family: a font family list, as CSS's font-family takes it
 *
 * The exported stylesheet carries the family as it is, so only the plain form is taken: names
 * separated by commas, each either words of letters, digits, "-" and "_" (`Open Sans`,
 * `system-ui`) or a quoted string without quotes, backslashes or line breaks in it
 * (`"Gill Sans MT"`); or the single word `inherit`, which takes the site's own font. Nothing
 * that could end the rule or the stylesheet (`;`, `{`, `}`, `<`) gets through.
 *
 * Returns: whether @family may be written into the banner's stylesheet
 */
gboolean
stk_font_family_is_valid (const char *family)
{
  const char *p = family;

  if (family == NULL)
    return FALSE;

  for (;;)
    {
      while (*p == ' ')
        p++;
      if (*p == '"' || *p == '\'')
        {
          char quote = *p++;
          const char *start = p;

          while (*p != quote && *p != '\0' && *p != '\\' && *p != '\n' && *p != '\r' &&
                 *p != '<' && *p != '"' && *p != '\'')
            p++;
          if (*p != quote || p == start)
            return FALSE;
          p++;
        }
      else
        {
          const char *start = p;

          /* Words separated by single spaces; a word may not start with a digit or "--". */
          while (is_name_char (p))
            {
              if (g_ascii_isdigit (*p) || (p[0] == '-' && p[1] == '-') ||
                  (p[0] == '-' && g_ascii_isdigit (p[1])))
                return FALSE;
              while (is_name_char (p))
                p++;
              if (*p == ' ' && is_name_char (p + 1))
                p++;
            }
          if (p == start)
            return FALSE;
        }
      while (*p == ' ')
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != ',')
        return FALSE;
      p++;
    }
}

/* The object */

static void
stk_appearance_finalize (GObject *object)
{
  StkAppearance *self = STK_APPEARANCE (object);

  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      g_free (self->colors[s][r]);
  g_free (self->font);

  G_OBJECT_CLASS (stk_appearance_parent_class)->finalize (object);
}

static void
stk_appearance_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StkAppearance *self = STK_APPEARANCE (object);

  switch (prop_id)
    {
    case PROP_LAYOUT: g_value_set_enum (value, self->layout); break;
    case PROP_POSITION: g_value_set_enum (value, self->position); break;
    case PROP_RADIUS: g_value_set_int (value, self->radius); break;
    case PROP_FONT: g_value_set_string (value, self->font); break;
    case PROP_REOPEN: g_value_set_boolean (value, self->reopen); break;
    case PROP_REOPEN_POSITION: g_value_set_enum (value, self->reopen_position); break;
    default:
      if (prop_id >= PROP_COLOR_FIRST && prop_id < N_PROPS)
        {
          guint index = prop_id - PROP_COLOR_FIRST;

          g_value_set_string (value, self->colors[index / STK_N_COLORS][index % STK_N_COLORS]);
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_appearance_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StkAppearance *self = STK_APPEARANCE (object);

  switch (prop_id)
    {
    case PROP_LAYOUT: stk_appearance_set_layout (self, g_value_get_enum (value)); break;
    case PROP_POSITION: stk_appearance_set_position (self, g_value_get_enum (value)); break;
    case PROP_RADIUS: stk_appearance_set_radius (self, g_value_get_int (value)); break;
    case PROP_FONT: stk_appearance_set_font (self, g_value_get_string (value)); break;
    case PROP_REOPEN: stk_appearance_set_reopen (self, g_value_get_boolean (value)); break;
    case PROP_REOPEN_POSITION:
      stk_appearance_set_reopen_position (self, g_value_get_enum (value));
      break;
    default:
      if (prop_id >= PROP_COLOR_FIRST && prop_id < N_PROPS)
        {
          guint index = prop_id - PROP_COLOR_FIRST;

          stk_appearance_set_color (self, index / STK_N_COLORS, index % STK_N_COLORS,
                                    g_value_get_string (value));
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
stk_appearance_class_init (StkAppearanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_appearance_finalize;
  object_class->get_property = stk_appearance_get_property;
  object_class->set_property = stk_appearance_set_property;

  properties[PROP_LAYOUT] = g_param_spec_enum ("layout", NULL, NULL, STK_TYPE_LAYOUT,
                                               STK_LAYOUT_BAR, RW);
  /**
   * StkAppearance:position:
   *
   * The bottom corner the box layout takes.
   */
  properties[PROP_POSITION] = g_param_spec_enum ("position", NULL, NULL, STK_TYPE_SIDE,
                                                 STK_SIDE_RIGHT, RW);
  /**
   * StkAppearance:radius:
   *
   * The corner radius of the buttons in CSS pixels; cards and the settings round theirs by
   * half as much again. Validation refuses more than %STK_RADIUS_MAX.
   */
  properties[PROP_RADIUS] = g_param_spec_int ("radius", NULL, NULL, G_MININT, G_MAXINT,
                                              DEFAULT_RADIUS, RW);
  /**
   * StkAppearance:font:
   *
   * A CSS font family list, or "inherit" for the site's own font.
   */
  properties[PROP_FONT] = g_param_spec_string ("font", NULL, NULL, DEFAULT_FONT, RW);
  /**
   * StkAppearance:reopen:
   *
   * Whether a small button stays on every page after a choice, to open the settings again:
   * withdrawing consent should be as easy as giving it.
   */
  properties[PROP_REOPEN] = g_param_spec_boolean ("reopen", NULL, NULL, FALSE, RW);
  properties[PROP_REOPEN_POSITION] = g_param_spec_enum ("reopen-position", NULL, NULL,
                                                        STK_TYPE_SIDE, STK_SIDE_LEFT, RW);

  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      properties[PROP_COLOR_FIRST + s * STK_N_COLORS + r] =
        g_param_spec_string (color_properties[s][r], NULL, NULL, default_colors[s][r], RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_appearance_init (StkAppearance *self)
{
  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      self->colors[s][r] = g_strdup (default_colors[s][r]);
  self->font = g_strdup (DEFAULT_FONT);
  self->layout = STK_LAYOUT_BAR;
  self->position = STK_SIDE_RIGHT;
  self->radius = DEFAULT_RADIUS;
  self->reopen_position = STK_SIDE_LEFT;
}

/**
 * stk_appearance_new:
 *
 * Returns: (transfer full): the banner's look as it was before sites could choose one
 */
StkAppearance *
stk_appearance_new (void)
{
  return g_object_new (STK_TYPE_APPEARANCE, NULL);
}

#define ENUM_ACCESSORS(field, Type, PROP)                                          \
  Type                                                                             \
  stk_appearance_get_##field (StkAppearance *self)                                 \
  {                                                                                \
    g_return_val_if_fail (STK_IS_APPEARANCE (self), 0);                            \
    return self->field;                                                            \
  }                                                                                \
  void                                                                             \
  stk_appearance_set_##field (StkAppearance *self,                                 \
                              Type           value)                                \
  {                                                                                \
    g_return_if_fail (STK_IS_APPEARANCE (self));                                   \
    stk_node_set_enum (STK_NODE (self), &self->field, value, properties[PROP]);    \
  }

ENUM_ACCESSORS (layout, StkLayout, PROP_LAYOUT)
ENUM_ACCESSORS (position, StkSide, PROP_POSITION)
ENUM_ACCESSORS (reopen_position, StkSide, PROP_REOPEN_POSITION)

int
stk_appearance_get_radius (StkAppearance *self)
{
  g_return_val_if_fail (STK_IS_APPEARANCE (self), DEFAULT_RADIUS);
  return self->radius;
}

void
stk_appearance_set_radius (StkAppearance *self,
                           int            radius)
{
  g_return_if_fail (STK_IS_APPEARANCE (self));
  stk_node_set_int (STK_NODE (self), &self->radius, radius, properties[PROP_RADIUS]);
}

const char *
stk_appearance_get_font (StkAppearance *self)
{
  g_return_val_if_fail (STK_IS_APPEARANCE (self), NULL);
  return self->font;
}

void
stk_appearance_set_font (StkAppearance *self,
                         const char    *font)
{
  g_return_if_fail (STK_IS_APPEARANCE (self));
  stk_node_set_string (STK_NODE (self), &self->font, font, properties[PROP_FONT]);
}

gboolean
stk_appearance_get_reopen (StkAppearance *self)
{
  g_return_val_if_fail (STK_IS_APPEARANCE (self), FALSE);
  return self->reopen;
}

void
stk_appearance_set_reopen (StkAppearance *self,
                           gboolean       reopen)
{
  g_return_if_fail (STK_IS_APPEARANCE (self));
  stk_node_set_boolean (STK_NODE (self), &self->reopen, reopen, properties[PROP_REOPEN]);
}

/**
 * stk_appearance_get_color:
 * @self: an appearance
 * @scheme: light or dark
 * @role: what the colour paints
 *
 * Returns: (transfer none): the colour as written, which validation checks is one
 */
const char *
stk_appearance_get_color (StkAppearance *self,
                          StkScheme      scheme,
                          StkColorRole   role)
{
  g_return_val_if_fail (STK_IS_APPEARANCE (self), NULL);
  g_return_val_if_fail (scheme <= STK_SCHEME_DARK && role < STK_N_COLORS, NULL);

  return self->colors[scheme][role];
}

/**
 * stk_appearance_set_color:
 * @self: an appearance
 * @scheme: light or dark
 * @role: what the colour paints
 * @color: a CSS colour, kept as written (stk_color_parse() reads it)
 *
 * Changes one colour, undoably; the property stk_appearance_color_property() names notifies.
 */
void
stk_appearance_set_color (StkAppearance *self,
                          StkScheme      scheme,
                          StkColorRole   role,
                          const char    *color)
{
  g_return_if_fail (STK_IS_APPEARANCE (self));
  g_return_if_fail (scheme <= STK_SCHEME_DARK && role < STK_N_COLORS);

  stk_node_set_string (STK_NODE (self), &self->colors[scheme][role], color,
                       properties[PROP_COLOR_FIRST + scheme * STK_N_COLORS + role]);
}

/**
 * stk_appearance_get_default_color:
 * @scheme: light or dark
 * @role: what the colour paints
 *
 * Returns: (transfer none): the colour of today's look, as `#rrggbb`
 */
const char *
stk_appearance_get_default_color (StkScheme    scheme,
                                  StkColorRole role)
{
  g_return_val_if_fail (scheme <= STK_SCHEME_DARK && role < STK_N_COLORS, NULL);

  return default_colors[scheme][role];
}

/**
 * stk_appearance_color_property:
 * @scheme: light or dark
 * @role: what the colour paints
 *
 * Returns: (transfer none): the name of the colour's property, such as "dark-button-text",
 *   for binding a view to it
 */
const char *
stk_appearance_color_property (StkScheme    scheme,
                               StkColorRole role)
{
  g_return_val_if_fail (scheme <= STK_SCHEME_DARK && role < STK_N_COLORS, NULL);

  return color_properties[scheme][role];
}

/**
 * stk_appearance_get_contrast:
 * @self: an appearance
 * @scheme: light or dark
 * @pair: one of stk_contrast_pairs()
 *
 * Returns: the pair's contrast ratio in @scheme (stk_contrast_ratio()), 0 when either colour
 *   is not one
 */
double
stk_appearance_get_contrast (StkAppearance         *self,
                             StkScheme              scheme,
                             const StkContrastPair *pair)
{
  g_return_val_if_fail (STK_IS_APPEARANCE (self), 0.0);
  g_return_val_if_fail (pair != NULL, 0.0);

  return stk_contrast_ratio (stk_appearance_get_color (self, scheme, pair->foreground),
                             stk_appearance_get_color (self, scheme, pair->background));
}

#define COLOR_ACCESSORS(scheme, role, SCHEME, ROLE)                                          \
  const char *                                                                               \
  stk_appearance_get_##scheme##_##role (StkAppearance *self)                                 \
  {                                                                                          \
    return stk_appearance_get_color (self, SCHEME, ROLE);                                    \
  }                                                                                          \
  void                                                                                       \
  stk_appearance_set_##scheme##_##role (StkAppearance *self,                                 \
                                        const char    *color)                                \
  {                                                                                          \
    stk_appearance_set_color (self, SCHEME, ROLE, color);                                    \
  }

COLOR_ACCESSORS (light, background, STK_SCHEME_LIGHT, STK_COLOR_BACKGROUND)
COLOR_ACCESSORS (light, text, STK_SCHEME_LIGHT, STK_COLOR_TEXT)
COLOR_ACCESSORS (light, accent, STK_SCHEME_LIGHT, STK_COLOR_ACCENT)
COLOR_ACCESSORS (light, button_text, STK_SCHEME_LIGHT, STK_COLOR_BUTTON_TEXT)
COLOR_ACCESSORS (light, link, STK_SCHEME_LIGHT, STK_COLOR_LINK)
COLOR_ACCESSORS (light, border, STK_SCHEME_LIGHT, STK_COLOR_BORDER)
COLOR_ACCESSORS (dark, background, STK_SCHEME_DARK, STK_COLOR_BACKGROUND)
COLOR_ACCESSORS (dark, text, STK_SCHEME_DARK, STK_COLOR_TEXT)
COLOR_ACCESSORS (dark, accent, STK_SCHEME_DARK, STK_COLOR_ACCENT)
COLOR_ACCESSORS (dark, button_text, STK_SCHEME_DARK, STK_COLOR_BUTTON_TEXT)
COLOR_ACCESSORS (dark, link, STK_SCHEME_DARK, STK_COLOR_LINK)
COLOR_ACCESSORS (dark, border, STK_SCHEME_DARK, STK_COLOR_BORDER)

/**
 * stk_appearance_is_default:
 * @self: an appearance
 *
 * Returns: whether every value is that of today's look, written the same way
 */
gboolean
stk_appearance_is_default (StkAppearance *self)
{
  g_return_val_if_fail (STK_IS_APPEARANCE (self), TRUE);

  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      if (g_strcmp0 (self->colors[s][r], default_colors[s][r]) != 0)
        return FALSE;

  return self->layout == STK_LAYOUT_BAR && self->position == STK_SIDE_RIGHT &&
         self->radius == DEFAULT_RADIUS && g_strcmp0 (self->font, DEFAULT_FONT) == 0 &&
         !self->reopen && self->reopen_position == STK_SIDE_LEFT;
}

/* Several changes as one step of the policy's history, when @self is in a policy. */
static StkHistory *
begin_step (StkAppearance *self)
{
  StkNode *root = stk_node_get_root (STK_NODE (self));
  StkHistory *history = STK_IS_POLICY (root) ? stk_policy_get_history (STK_POLICY (root)) : NULL;

  if (history != NULL)
    stk_history_begin_group (history);
  return history;
}

static void
end_step (StkHistory *history)
{
  if (history != NULL)
    stk_history_end_group (history);
}

/**
 * stk_appearance_reset:
 * @self: an appearance
 *
 * The preset "today's look": every colour, the corners, the font, the layout and the reopen
 * button as they were before sites could choose. One step to undo.
 */
void
stk_appearance_reset (StkAppearance *self)
{
  StkHistory *history;

  g_return_if_fail (STK_IS_APPEARANCE (self));

  history = begin_step (self);
  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      stk_appearance_set_color (self, s, r, default_colors[s][r]);
  stk_appearance_set_layout (self, STK_LAYOUT_BAR);
  stk_appearance_set_position (self, STK_SIDE_RIGHT);
  stk_appearance_set_radius (self, DEFAULT_RADIUS);
  stk_appearance_set_font (self, DEFAULT_FONT);
  stk_appearance_set_reopen (self, FALSE);
  stk_appearance_set_reopen_position (self, STK_SIDE_LEFT);
  end_step (history);
}

/**
 * stk_appearance_apply_site_color:
 * @self: an appearance
 * @color: the site's own colour, as CSS writes it (stk_color_parse())
 *
 * The preset "use the site's colours": the buttons, their edges and the links take @color in
 * both schemes, made only as much darker (light) or lighter (dark) as the contrast with the
 * background and with the button text needs; the background, text and lines keep today's
 * colours. Every pair then passes. One step to undo; the layout, corners and font stay.
 *
 * Returns: %FALSE, changing nothing, when @color is not a colour
 */
gboolean
stk_appearance_apply_site_color (StkAppearance *self,
                                 const char    *color)
{
  StkHistory *history;
  StkColor parsed;

  g_return_val_if_fail (STK_IS_APPEARANCE (self), FALSE);

  if (!stk_color_parse (color, &parsed))
    return FALSE;

  history = begin_step (self);
  for (guint s = 0; s < 2; s++)
    {
      const char *background = default_colors[s][STK_COLOR_BACKGROUND];
      /* The button text is the background colour, so one contrast serves both the button's
       * text (on the accent) and its edge (against the background). */
      g_autofree char *accent = stk_contrast_suggest (color, background, STK_CONTRAST_TEXT);

      for (guint r = 0; r < STK_N_COLORS; r++)
        if (r != STK_COLOR_ACCENT && r != STK_COLOR_LINK && r != STK_COLOR_BUTTON_TEXT)
          stk_appearance_set_color (self, s, r, default_colors[s][r]);
      stk_appearance_set_color (self, s, STK_COLOR_ACCENT, accent);
      stk_appearance_set_color (self, s, STK_COLOR_LINK, accent);
      stk_appearance_set_color (self, s, STK_COLOR_BUTTON_TEXT, background);
    }
  end_step (history);

  return TRUE;
}
