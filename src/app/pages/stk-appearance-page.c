/* stk-appearance-page.c — the editor page of the banner's look: layout, corners, font, colours
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-appearance-page.h"
#include "stk-color.h"
#include "stk-field.h"

/* The widgets of one scheme's colours: an entry and a colour button for each colour, and a row
 * for each pair whose contrast validation checks. */
typedef struct
{
  GtkWidget *entries[STK_N_COLORS];   /* borrowed: in the group */
  GtkWidget *buttons[STK_N_COLORS];   /* borrowed: suffixes of the entries */
  GPtrArray *contrast_rows;           /* owned array of borrowed rows, stk_contrast_pairs() order */
} SchemeWidgets;

struct _StkAppearancePage
{
  StkEditorPage        parent_instance;

  /* template widgets */
  AdwPreferencesPage  *preferences;
  GtkWidget           *site_color_row;
  GtkWidget           *layout_drop;
  GtkWidget           *position_row;
  GtkWidget           *position_drop;
  GtkWidget           *radius_spin;
  GtkWidget           *font_row;
  GtkWidget           *reopen_switch;
  GtkWidget           *reopen_position_row;
  GtkWidget           *reopen_position_drop;
  AdwPreferencesGroup *light_group;
  AdwPreferencesGroup *dark_group;

  /* borrowed */
  StkPolicy           *policy;      /* the page's */
  StkAppearance       *appearance;  /* the policy's */

  /* owned */
  GPtrArray           *fields;      /* StkFields of the appearance */
  SchemeWidgets        schemes[2];
};

static void stk_appearance_page_page_init (StkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StkAppearancePage, stk_appearance_page, STK_TYPE_EDITOR_PAGE,
                               G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE,
                                                      stk_appearance_page_page_init))

STK_DEFINE_EDITOR_PAGE_FUNCTIONS (StkAppearancePage, stk_appearance_page)

/* The model's getters and setters, widened for the field bindings. */
static gint64 get_layout (gpointer a) { return stk_appearance_get_layout (a); }
static void set_layout (gpointer a, gint64 v) { stk_appearance_set_layout (a, (StkLayout) v); }
static gint64 get_position (gpointer a) { return stk_appearance_get_position (a); }
static void set_position (gpointer a, gint64 v) { stk_appearance_set_position (a, (StkSide) v); }
static gint64 get_radius (gpointer a) { return stk_appearance_get_radius (a); }
static void set_radius (gpointer a, gint64 v) { stk_appearance_set_radius (a, (int) v); }
static gint64 get_reopen_position (gpointer a) { return stk_appearance_get_reopen_position (a); }
static void set_reopen_position (gpointer a, gint64 v)
{
  stk_appearance_set_reopen_position (a, (StkSide) v);
}

/* Each colour's accessors, by scheme and role. */
static const struct
{
  StkGetString get;
  StkSetString set;
} color_accessors[2][STK_N_COLORS] = {
#define ACCESSORS(scheme, role) \
  { (StkGetString) stk_appearance_get_##scheme##_##role, \
    (StkSetString) stk_appearance_set_##scheme##_##role }
  {
    ACCESSORS (light, background), ACCESSORS (light, text), ACCESSORS (light, accent),
    ACCESSORS (light, button_text), ACCESSORS (light, link), ACCESSORS (light, border),
  },
  {
    ACCESSORS (dark, background), ACCESSORS (dark, text), ACCESSORS (dark, accent),
    ACCESSORS (dark, button_text), ACCESSORS (dark, link), ACCESSORS (dark, border),
  },
#undef ACCESSORS
};

static const char * const color_titles[STK_N_COLORS] = {
  [STK_COLOR_BACKGROUND] = N_("Background"),
  [STK_COLOR_TEXT] = N_("Text"),
  [STK_COLOR_ACCENT] = N_("Buttons"),
  [STK_COLOR_BUTTON_TEXT] = N_("Button text"),
  [STK_COLOR_LINK] = N_("Links"),
  [STK_COLOR_BORDER] = N_("Lines"),
};

static const char * const color_button_labels[STK_N_COLORS] = {
  [STK_COLOR_BACKGROUND] = N_("Pick the background colour"),
  [STK_COLOR_TEXT] = N_("Pick the text colour"),
  [STK_COLOR_ACCENT] = N_("Pick the buttons’ colour"),
  [STK_COLOR_BUTTON_TEXT] = N_("Pick the button text colour"),
  [STK_COLOR_LINK] = N_("Pick the links’ colour"),
  [STK_COLOR_BORDER] = N_("Pick the lines’ colour"),
};

static const char *
check_color (const char *value)
{
  StkColor color;

  if (!stk_color_parse (value, &color))
    return _("Write a colour as #rrggbb, rgb(), hsl() or a CSS colour name");
  if (color.alpha < 1.0)
    return _("The colour must not be translucent");

  return NULL;
}

static const char *
check_font (const char *value)
{
  if (!stk_font_family_is_valid (value))
    return _("Write font names separated by commas, or “inherit”");

  return NULL;
}

/* A WCAG threshold as it is written: "4.5:1", "3:1". */
static char *
format_threshold (double ratio)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s:1", g_ascii_formatd (number, sizeof number, "%g", ratio));
}

static void
refresh_contrast_row (StkAppearancePage     *self,
                      StkScheme              scheme,
                      const StkContrastPair *pair,
                      AdwActionRow          *row)
{
  const char *foreground = stk_appearance_get_color (self->appearance, scheme, pair->foreground);
  const char *background = stk_appearance_get_color (self->appearance, scheme, pair->background);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "stk-icon");
  g_autofree char *needed = format_threshold (pair->minimum);
  g_autofree char *subtitle = NULL;
  const char *icon_name = "emblem-ok-symbolic";
  const char *state = "success";
  StkColor f, b;

  if (!stk_color_parse (foreground, &f) || !stk_color_parse (background, &b)
      || f.alpha < 1.0 || b.alpha < 1.0)
    {
      subtitle = g_strdup (_("Not measured: one of the two is not an opaque colour"));
      icon_name = "dialog-warning-symbolic";
      state = "error";
    }
  else
    {
      double ratio = stk_appearance_get_contrast (self->appearance, scheme, pair);
      g_autofree char *shown = stk_contrast_format (ratio);

      if (ratio >= pair->minimum)
        /* Translators: two contrast ratios, such as "7.12:1" and "4.5:1". */
        subtitle = g_strdup_printf (_("%s, meets the %s of WCAG 2.2 AA"), shown, needed);
      else
        {
          g_autofree char *fix = stk_contrast_suggest (foreground, background, pair->minimum);

          subtitle = fix != NULL
            /* Translators: two contrast ratios, such as "3.12:1" and "4.5:1", then a colour
             * such as "#0b5394". */
            ? g_strdup_printf (_("%s, below the %s of WCAG 2.2 AA: %s would reach it"),
                               shown, needed, fix)
            /* Translators: two contrast ratios, such as "3.12:1" and "4.5:1". */
            : g_strdup_printf (_("%s, below the %s of WCAG 2.2 AA"), shown, needed);
          icon_name = "dialog-warning-symbolic";
          state = pair->required ? "error" : "warning";
        }
    }

  adw_action_row_set_subtitle (row, subtitle);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_remove_css_class (icon, "success");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_add_css_class (icon, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle, -1);
}

static void
refresh (StkAppearancePage *self)
{
  const StkContrastPair *pairs;
  guint n_pairs = 0;

  stk_fields_refresh (self->fields);
  if (self->appearance == NULL)
    return;

  gtk_widget_set_sensitive (self->position_row,
                            stk_appearance_get_layout (self->appearance) == STK_LAYOUT_BOX);
  gtk_widget_set_sensitive (self->reopen_position_row,
                            stk_appearance_get_reopen (self->appearance));

  pairs = stk_contrast_pairs (&n_pairs);
  for (guint s = STK_SCHEME_LIGHT; s <= STK_SCHEME_DARK; s++)
    {
      SchemeWidgets *widgets = &self->schemes[s];

      for (guint r = 0; r < STK_N_COLORS; r++)
        {
          StkColor color;
          GdkRGBA rgba;

          if (!stk_color_parse (stk_appearance_get_color (self->appearance, s, r), &color))
            continue;
          rgba = (GdkRGBA) { color.red / 255.0f, color.green / 255.0f, color.blue / 255.0f,
                             (float) color.alpha };
          gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (widgets->buttons[r]), &rgba);
        }
      for (guint i = 0; i < n_pairs; i++)
        refresh_contrast_row (self, s, &pairs[i], g_ptr_array_index (widgets->contrast_rows, i));
    }
}

static void
stk_appearance_page_policy_changed (StkEditorPage *page,
                                    StkPolicy     *old)
{
  StkAppearancePage *self = STK_APPEARANCE_PAGE (page);

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  self->policy = stk_editor_page_get_policy (page);
  self->appearance = self->policy != NULL ? stk_policy_get_appearance (self->policy) : NULL;
  if (self->policy != NULL)
    g_signal_connect_swapped (self->policy, "changed", G_CALLBACK (refresh), self);

  stk_fields_set_object (self->fields, self->appearance);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preferences), self->policy != NULL);
  refresh (self);
}

/* A colour picked with a colour button: one step to undo, as #rrggbb. */
static void
on_color_set (GtkColorButton *button,
              gpointer        data)
{
  StkAppearancePage *self = STK_APPEARANCE_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                          STK_TYPE_APPEARANCE_PAGE));
  guint index = GPOINTER_TO_UINT (data);
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  if (self == NULL || self->appearance == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255.0f + 0.5f),
                         (guint) (rgba.green * 255.0f + 0.5f), (guint) (rgba.blue * 255.0f + 0.5f));
  stk_appearance_set_color (self->appearance, index / STK_N_COLORS, index % STK_N_COLORS, hex);
  stk_seal_history_of (self->appearance);
}

static void
on_reset_clicked (StkAppearancePage *self)
{
  if (self->appearance == NULL)
    return;

  stk_appearance_reset (self->appearance);
  stk_seal_history_of (self->appearance);
}

static void
on_site_color_apply (StkAppearancePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->site_color_row));

  if (self->appearance == NULL)
    return;

  if (!stk_appearance_apply_site_color (self->appearance, text))
    {
      stk_mark_invalid (self->site_color_row, check_color (text));
      return;
    }
  stk_mark_invalid (self->site_color_row, NULL);
  stk_seal_history_of (self->appearance);
}

static gboolean
stk_appearance_page_iface_owns_path (StkPage *page,
                                     StkPath *path)
{
  return stk_path_has_name (path, 0, "appearance");
}

/* @path: a finding's path ("appearance.radius", "appearance.dark.link", ...) */
static gboolean
stk_appearance_page_iface_focus_path (StkPage *page,
                                      StkPath *parsed)
{
  static const struct
  {
    const char *path;
    gsize       offset;
  } simple[] = {
    { "appearance.layout", G_STRUCT_OFFSET (StkAppearancePage, layout_drop) },
    { "appearance.position", G_STRUCT_OFFSET (StkAppearancePage, position_drop) },
    { "appearance.radius", G_STRUCT_OFFSET (StkAppearancePage, radius_spin) },
    { "appearance.font", G_STRUCT_OFFSET (StkAppearancePage, font_row) },
    { "appearance.reopen.show", G_STRUCT_OFFSET (StkAppearancePage, reopen_switch) },
    { "appearance.reopen.position", G_STRUCT_OFFSET (StkAppearancePage, reopen_position_drop) },
    { "appearance.reopen", G_STRUCT_OFFSET (StkAppearancePage, reopen_switch) },
  };
  StkAppearancePage *self = STK_APPEARANCE_PAGE (page);
  g_autofree char *path = NULL;

  if (!stk_path_has_name (parsed, 0, "appearance"))
    return FALSE;
  path = stk_path_to_string (parsed);

  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    if (g_str_equal (path, simple[i].path))
      return gtk_widget_grab_focus (G_STRUCT_MEMBER (GtkWidget *, self, simple[i].offset));

  for (guint s = STK_SCHEME_LIGHT; s <= STK_SCHEME_DARK; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      {
        g_autofree char *color_path = g_strdup_printf ("appearance.%s.%s", stk_scheme_to_string (s),
                                                       stk_color_role_to_string (r));

        if (g_str_equal (path, color_path))
          return gtk_widget_grab_focus (self->schemes[s].entries[r]);
      }

  return gtk_widget_grab_focus (self->layout_drop);
}

static void
stk_appearance_page_page_init (StkPageInterface *iface)
{
  iface->owns_path = stk_appearance_page_iface_owns_path;
  iface->focus_path = stk_appearance_page_iface_focus_path;
}

static void
stk_appearance_page_finalize (GObject *object)
{
  StkAppearancePage *self = STK_APPEARANCE_PAGE (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  for (guint s = 0; s < G_N_ELEMENTS (self->schemes); s++)
    g_clear_pointer (&self->schemes[s].contrast_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_appearance_page_parent_class)->finalize (object);
}

static void
stk_appearance_page_class_init (StkAppearancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stk_appearance_page_finalize;
  STK_EDITOR_PAGE_CLASS (klass)->policy_changed = stk_appearance_page_policy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-appearance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, preferences);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, site_color_row);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, layout_drop);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, position_row);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, position_drop);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, radius_spin);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, font_row);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, reopen_position_row);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, reopen_position_drop);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, light_group);
  gtk_widget_class_bind_template_child (widget_class, StkAppearancePage, dark_group);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_site_color_apply);
}

/* One scheme's colour rows, then its contrast rows. */
static void
build_scheme (StkAppearancePage   *self,
              StkScheme            scheme,
              AdwPreferencesGroup *group)
{
  SchemeWidgets *widgets = &self->schemes[scheme];
  const StkContrastPair *pairs;
  guint n_pairs = 0;

  for (guint r = 0; r < STK_N_COLORS; r++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *button = gtk_color_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(color_titles[r]));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
      stk_set_accessible_label (button, _(color_button_labels[r]));
      g_signal_connect (button, "color-set", G_CALLBACK (on_color_set),
                        GUINT_TO_POINTER (scheme * STK_N_COLORS + r));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      adw_preferences_group_add (group, row);

      widgets->entries[r] = row;
      widgets->buttons[r] = button;
      g_ptr_array_add (self->fields, stk_field_new_string (row, color_accessors[scheme][r].get,
                                                           color_accessors[scheme][r].set,
                                                           check_color));
    }

  widgets->contrast_rows = g_ptr_array_new ();
  pairs = stk_contrast_pairs (&n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(pairs[i].label));
      gtk_widget_add_css_class (row, "property");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "stk-icon", icon);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (widgets->contrast_rows, row);
    }
}

static void
stk_appearance_page_init (StkAppearancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (self->fields, stk_field_new_choice (self->layout_drop, get_layout, set_layout));
  g_ptr_array_add (self->fields,
                   stk_field_new_choice (self->position_drop, get_position, set_position));
  g_ptr_array_add (self->fields, stk_field_new_number (self->radius_spin, get_radius, set_radius));
  g_ptr_array_add (self->fields,
                   stk_field_new_string (self->font_row, (StkGetString) stk_appearance_get_font,
                                         (StkSetString) stk_appearance_set_font, check_font));
  g_ptr_array_add (self->fields,
                   stk_field_new_boolean (self->reopen_switch,
                                          (StkGetBoolean) stk_appearance_get_reopen,
                                          (StkSetBoolean) stk_appearance_set_reopen));
  g_ptr_array_add (self->fields, stk_field_new_choice (self->reopen_position_drop,
                                                       get_reopen_position, set_reopen_position));

  build_scheme (self, STK_SCHEME_LIGHT, self->light_group);
  build_scheme (self, STK_SCHEME_DARK, self->dark_group);

  refresh (self);
}
