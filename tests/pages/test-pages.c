/* test-pages.c — the editor pages drive the model, and follow it back after undo
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "stk-core.h"
#include "gui-helpers.h"
#include "stk-appearance-page.h"
#include "stk-categories-page.h"
#include "stk-providers-page.h"
#include "stk-row-model.h"
#include "stk-sections-page.h"

#include "stk-policy-page.h"


#include "stk-text-editor.h"
#include "stk-texts-page.h"

static StkPolicy *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"),
                                            "data", "examples", "copenhagen.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (policy);

  return policy;
}

/* Runs the main loop until @page is on screen. */
static GtkWindow *
show_page (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  STK_WAIT_UNTIL (gtk_widget_get_mapped (page));
  stk_test_drain ();

  return window;
}

static GtkWidget *
focus_of (GtkWidget *page)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (page));

  g_assert_nonnull (focus);
  return focus;
}

static GtkWidget *
focused_ancestor (GtkWidget *page,
                  GType      type)
{
  GtkWidget *widget = gtk_widget_get_ancestor (focus_of (page), type);

  g_assert_nonnull (widget);
  return widget;
}

static void
undo (StkPolicy *policy)
{
  StkHistory *history = stk_policy_get_history (policy);

  stk_history_seal (history);
  g_assert_true (stk_history_undo (history));
  stk_test_drain ();
}

/* Takes the policy away from the window's page (it must let go of it and show its empty
 * state), then closes the window. */
static void
close_window (GtkWindow *window)
{
  GtkWidget *page = gtk_window_get_child (window);

  g_object_set (page, "policy", NULL, NULL);
  stk_test_drain ();
  gtk_window_destroy (window);
  stk_test_drain ();
}


/* Depth-first search below @root, outside popovers, for a widget of @type whose tooltip is
 * @tooltip (any if NULL). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      /* Drop-downs keep their own search entries and lists in popovers. */
      if (GTK_IS_POPOVER (child))
        continue;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0))
        return child;

      found = find_widget (child, type, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The status page titled @title below @root, when it is on screen. */
static GtkWidget *
find_mapped_status_page (GtkWidget  *root,
                         const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_STATUS_PAGE (child) && gtk_widget_get_mapped (child)
          && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (child)), title) == 0)
        return child;

      found = find_mapped_status_page (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        n++;
      n += count_widgets (child, type);
    }

  return n;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  stk_test_drain ();
}

/* Runs the action of @widget's own shortcut for @keyval with @modifiers, as pressing it would. */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                            widget,
                                                            gtk_shortcut_get_arguments (shortcut));
              stk_test_drain ();
              return done;
            }
        }
    }

  return FALSE;
}

static const char *
category_id_at (StkPolicy *policy,
                guint      position)
{
  return stk_category_get_id (stk_list_peek (stk_policy_get_categories (policy), position));
}

/* Which page a finding's path belongs to --------------------------------------------------- */

static void
test_page_owns_path (void)
{
  static const struct
  {
    const char *path;
    int         page;   /* the index in pages[] below, -1 for none */
  } cases[] = {
    { "", 0 },
    { "name", 0 },
    { "controller.email", 0 },
    { "consent.log_endpoint", 0 },
    { "languages[1]", 0 },
    { "revision_note.en", 0 },
    { "texts.banner_title.da", 1 },
    { "texts", 1 },
    { "categories[1].description.en", 2 },
    { "categories", 2 },
    { "providers[3].cookies[1].purpose.en", 3 },
    { "providers", 3 },
    { "sections[0].body.da", 4 },
    { "format", -1 },
    { "textsx", -1 },
    { "provider[0]", -1 },
  };
  GtkWidget *pages[] = {
    stk_policy_page_new (), stk_texts_page_new (), stk_categories_page_new (),
    stk_providers_page_new (), stk_sections_page_new (),
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_object_ref_sink (pages[i]);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(StkPath) path = stk_path_parse (cases[c].path);

      g_assert_nonnull (path);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          gboolean owns = stk_page_owns_path (STK_PAGE (pages[i]), path);

          if (owns != ((int) i == cases[c].page))
            g_error ("page %u %s “%s”", i, owns ? "claims" : "does not claim", cases[c].path);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_finalize_object (pages[i]);
}

/* Policy page ---------------------------------------------------------------------------- */

static void
test_policy_page_edit_undo (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_policy_page_new ();
  GtkWindow *window = show_page (page);
  g_autofree char *old_name = g_strdup (stk_policy_get_name (policy));
  int old_decline_days = stk_policy_get_decline_days (policy);
  GtkWidget *row, *spin_button;

  g_object_set (page, "policy", policy, NULL);
  stk_test_drain ();

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "name"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_name);

  gtk_editable_set_text (GTK_EDITABLE (row), "Aarhus Kommune");
  g_assert_cmpstr (stk_policy_get_name (policy), ==, "Aarhus Kommune");
  undo (policy);
  g_assert_cmpstr (stk_policy_get_name (policy), ==, old_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_name);

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "controller.email"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   stk_policy_get_controller_email (policy));
  gtk_editable_set_text (GTK_EDITABLE (row), "not an address");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "cookies@kk.dk");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (stk_policy_get_controller_email (policy), ==, "cookies@kk.dk");

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "consent.decline_days"));
  spin_button = focused_ancestor (page, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint ((int) gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==,
                   old_decline_days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 30);
  g_assert_cmpint (stk_policy_get_decline_days (policy), ==, 30);
  undo (policy);
  g_assert_cmpint (stk_policy_get_decline_days (policy), ==, old_decline_days);
  g_assert_cmpint ((int) gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==,
                   old_decline_days);

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "consent.log_endpoint"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "javascript:alert(1)");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "https://www.kk.dk/consent-log");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "revision_note.en"));
  g_assert_true (GTK_IS_EDITABLE (focus_of (page)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus_of (page))), ==,
                   stk_text_get (stk_policy_get_revision_note (policy), "en"));

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

static void
test_policy_page_languages (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_policy_page_new ();
  GtkWindow *window = show_page (page);
  GtkWidget *row;

  stk_policy_page_set_policy (STK_POLICY_PAGE (page), policy);
  stk_test_drain ();

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "languages"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "d e");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "de");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (policy)), ==, 3);
  g_assert_cmpstr (stk_policy_get_languages (policy)[2], ==, "de");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  stk_test_drain ();

  undo (policy);
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (policy)), ==, 2);

  /* The default language: a drop-down of the policy's languages; it cannot be removed. */
  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "default_language"));
  row = focused_ancestor (page, ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpstr (stk_policy_get_default_language (policy), ==, "en");
  stk_test_drain ();
  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "languages[1]"));
  row = focused_ancestor (page, ADW_TYPE_ACTION_ROW);
  g_assert_false (gtk_widget_is_sensitive (find_widget (row, GTK_TYPE_BUTTON, NULL)));
  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "languages[0]"));
  row = focused_ancestor (page, ADW_TYPE_ACTION_ROW);
  click (find_widget (row, GTK_TYPE_BUTTON, NULL));
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (policy)), ==, 1);
  undo (policy);
  undo (policy);
  g_assert_cmpstr (stk_policy_get_default_language (policy), ==, "da");
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (policy)), ==, 2);

  /* Today. */
  click (find_widget (page, GTK_TYPE_BUTTON, "Set the date to today"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (stk_policy_get_updated (policy), ==, today);
  }

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "domains"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "borger.kk.dk");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (stk_policy_get_domains (policy)[2], ==, "borger.kk.dk");

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

/* Texts page ----------------------------------------------------------------------------- */

/* The @nth (from 0) row below @root titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title,
          guint      *nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0
          && (*nth)-- == 0)
        return child;

      found = find_row (child, title, nth);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The subtitle of the contrast row of @label, in light (@nth 0) or dark (1). */
static const char *
contrast_shown (GtkWidget  *page,
                const char *label,
                guint       nth)
{
  GtkWidget *row = find_row (page, label, &nth);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_appearance_page (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  GtkWidget *page = stk_appearance_page_new ();
  GtkWindow *window = show_page (page);
  const char *text_pair = "Text and focus ring on the background";
  GtkWidget *row, *drop, *site;
  guint nth = 0;

  g_object_set (page, "policy", policy, NULL);
  stk_test_drain ();
  g_assert_true (g_str_has_prefix (contrast_shown (page, text_pair, 0), "17."));
  g_assert_nonnull (strstr (contrast_shown (page, text_pair, 0), "meets the 4.5:1"));

  /* A colour typed in: the model follows, and the pair's contrast with it, with the fix. */
  g_assert_true (stk_appearance_page_focus_path (STK_APPEARANCE_PAGE (page),
                                                 "appearance.light.text"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Text");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "#1a1a1a");
  gtk_editable_set_text (GTK_EDITABLE (row), "#777");
  stk_test_drain ();
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_TEXT), ==,
                   "#777");
  g_assert_cmpstr (contrast_shown (page, text_pair, 0), ==,
                   "4.47:1, below the 4.5:1 of WCAG 2.2 AA: #767676 would reach it");
  /* Dark mode is another pair. */
  g_assert_nonnull (strstr (contrast_shown (page, text_pair, 1), "meets"));
  undo (policy);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "#1a1a1a");
  g_assert_nonnull (strstr (contrast_shown (page, text_pair, 0), "meets"));

  gtk_editable_set_text (GTK_EDITABLE (row), "#12345");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  stk_test_drain ();
  g_assert_cmpstr (contrast_shown (page, text_pair, 0), ==,
                   "Not measured: one of the two is not an opaque colour");
  gtk_editable_set_text (GTK_EDITABLE (row), "#1a1a1a");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* The layout; the corner only means something for the box. */
  g_assert_true (stk_appearance_page_focus_path (STK_APPEARANCE_PAGE (page), "appearance.layout"));
  drop = focused_ancestor (page, GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), STK_LAYOUT_CENTRED);
  stk_test_drain ();
  g_assert_cmpint (stk_appearance_get_layout (appearance), ==, STK_LAYOUT_CENTRED);
  nth = 0;
  g_assert_false (gtk_widget_get_sensitive (find_row (page, "Corner of the box", &nth)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), STK_LAYOUT_BOX);
  stk_test_drain ();
  nth = 0;
  g_assert_true (gtk_widget_get_sensitive (find_row (page, "Corner of the box", &nth)));
  undo (policy);
  g_assert_cmpint (stk_appearance_get_layout (appearance), ==, STK_LAYOUT_CENTRED);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop)), ==, STK_LAYOUT_CENTRED);

  /* The site's colour: one step, every pair passing. */
  nth = 0;
  site = find_row (page, "Use the site’s colour (paste a CSS colour)", &nth);
  gtk_editable_set_text (GTK_EDITABLE (site), "not a colour");
  g_signal_emit_by_name (site, "apply");
  g_assert_true (gtk_widget_has_css_class (site, "error"));
  gtk_editable_set_text (GTK_EDITABLE (site), "#e30613");
  g_signal_emit_by_name (site, "apply");
  stk_test_drain ();
  g_assert_false (gtk_widget_has_css_class (site, "error"));
  g_assert_cmpstr (stk_appearance_get_color (appearance, STK_SCHEME_LIGHT, STK_COLOR_ACCENT), !=,
                   "#0b5394");
  for (guint i = 0; i < 2; i++)
    {
      guint n_pairs = 0;
      const StkContrastPair *pairs = stk_contrast_pairs (&n_pairs);

      for (guint j = 0; j < n_pairs; j++)
        g_assert_nonnull (strstr (contrast_shown (page, pairs[j].label, i), "meets"));
    }

  /* Today's look, in one step. */
  nth = 0;
  click (find_widget (find_row (page, "Today’s look", &nth), GTK_TYPE_BUTTON, NULL));
  g_assert_true (stk_appearance_is_default (appearance));
  undo (policy);
  g_assert_false (stk_appearance_is_default (appearance));
  g_assert_cmpint (stk_appearance_get_layout (appearance), ==, STK_LAYOUT_CENTRED);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

static void
test_texts_page (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_texts_page_new ();
  GtkWindow *window = show_page (page);
  StkText *title = stk_policy_get_text (policy, "banner_title");
  g_autofree char *old_en = g_strdup (stk_text_get (title, "en"));
  GtkWidget *field;
  StkTextEditor *editor;

  stk_texts_page_set_policy (STK_TEXTS_PAGE (page), policy);
  stk_test_drain ();
  g_assert_cmpuint (stk_texts_page_count_missing (STK_TEXTS_PAGE (page)), ==, 0);

  g_assert_true (stk_texts_page_focus_path (STK_TEXTS_PAGE (page), "texts.banner_title.en"));
  field = focus_of (page);
  g_assert_true (GTK_IS_EDITABLE (field));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, old_en);
  editor = STK_TEXT_EDITOR (gtk_widget_get_ancestor (field, STK_TYPE_TEXT_EDITOR));
  g_assert_true (stk_text_editor_get_text (editor) == title);

  /* Clearing the English title makes it a missing translation, marked as such. */
  gtk_editable_set_text (GTK_EDITABLE (field), "");
  g_assert_true (stk_text_is_missing (title, "en"));
  g_assert_true (stk_text_editor_is_marked_missing (editor, "en"));
  g_assert_false (stk_text_editor_is_marked_missing (editor, "da"));
  g_assert_cmpuint (stk_texts_page_count_missing (STK_TEXTS_PAGE (page)), ==, 1);

  /* The next-missing control finds it from anywhere. */
  g_assert_true (stk_texts_page_focus_path (STK_TEXTS_PAGE (page), "texts.close.da"));
  g_assert_true (stk_texts_page_focus_next_missing (STK_TEXTS_PAGE (page)));
  g_assert_true (gtk_widget_is_ancestor (focus_of (page),
                                         stk_text_editor_get_field (editor, "en")));

  /* Typing in one field is one undo step; undo shows the old value and its mark again. */
  stk_history_seal (stk_policy_get_history (policy));
  gtk_editable_set_text (GTK_EDITABLE (field), "Cookies");
  gtk_editable_set_text (GTK_EDITABLE (field), "Cookies on kk.dk");
  g_assert_cmpstr (stk_text_get (title, "en"), ==, "Cookies on kk.dk");
  g_assert_false (stk_text_editor_is_marked_missing (editor, "en"));
  undo (policy);
  g_assert_true (stk_text_is_missing (title, "en"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "");
  g_assert_true (stk_text_editor_is_marked_missing (editor, "en"));
  undo (policy);
  g_assert_cmpstr (stk_text_get (title, "en"), ==, old_en);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, old_en);

  /* A paragraph text is a multi-line view. */
  g_assert_true (stk_texts_page_focus_path (STK_TEXTS_PAGE (page), "texts.banner_body.da"));
  g_assert_true (GTK_IS_TEXT_VIEW (focus_of (page)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus_of (page))),
                            "Vi bruger cookies.", -1);
  g_assert_cmpstr (stk_text_get (stk_policy_get_text (policy, "banner_body"), "da"), ==,
                   "Vi bruger cookies.");

  /* A new language gets a column of missing translations. */
  {
    const char * const three[] = { "da", "en", "de", NULL };
    guint n_keys;

    stk_text_keys (&n_keys);
    stk_policy_set_languages (policy, three);
    stk_test_drain ();
    g_assert_true (stk_texts_page_focus_path (STK_TEXTS_PAGE (page), "texts.banner_title.de"));
    editor = STK_TEXT_EDITOR (gtk_widget_get_ancestor (focus_of (page), STK_TYPE_TEXT_EDITOR));
    g_assert_true (stk_text_editor_is_marked_missing (editor, "de"));
    g_assert_cmpuint (stk_texts_page_count_missing (STK_TEXTS_PAGE (page)), >=, n_keys);
    undo (policy);
    g_assert_true (stk_texts_page_focus_path (STK_TEXTS_PAGE (page), "texts.banner_title.en"));
    editor = STK_TEXT_EDITOR (gtk_widget_get_ancestor (focus_of (page), STK_TYPE_TEXT_EDITOR));
    g_assert_null (stk_text_editor_get_field (editor, "de"));
  }

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}


/* Categories page ------------------------------------------------------------------------ */

static void
test_categories_page (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  StkList *categories = stk_policy_get_categories (policy);
  GtkWidget *page = stk_categories_page_new ();
  GtkWindow *window = show_page (page);
  GtkWidget *row, *entry, *toggle, *drop_target = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  guint n = stk_list_get_n (categories);
  g_autofree char *first = g_strdup (category_id_at (policy, 0));
  g_autofree char *second = g_strdup (category_id_at (policy, 1));
  g_autofree char *third = g_strdup (category_id_at (policy, 2));

  g_assert_cmpuint (n, ==, 3);
  stk_categories_page_set_policy (STK_CATEGORIES_PAGE (page), policy);
  stk_test_drain ();

  /* A path without an index names the list: its add button; one past the end, nothing. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focused_ancestor (page, GTK_TYPE_BUTTON)), ==,
                   "Add a category");
  g_assert_false (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories[3]"));
  g_assert_false (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "sections[0]"));
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                 "categories[2].preselected"));
  focused_ancestor (page, GTK_TYPE_SWITCH);
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                 "categories[2].description.en"));
  g_assert_true (GTK_IS_TEXT_VIEW (focus_of (page)));

  /* A new language: every text of every row gets a field for it. */
  {
    const char * const three[] = { "da", "en", "de", NULL };
    StkTextEditor *editor;

    stk_policy_set_languages (policy, three);
    stk_test_drain ();
    g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                   "categories[1].description.de"));
    editor = STK_TEXT_EDITOR (gtk_widget_get_ancestor (focus_of (page), STK_TYPE_TEXT_EDITOR));
    g_assert_true (focus_of (page) == stk_text_editor_get_field (editor, "de"));
    g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                   "categories[1].title.de"));
    editor = STK_TEXT_EDITOR (gtk_widget_get_ancestor (focus_of (page), STK_TYPE_TEXT_EDITOR));
    g_assert_true (gtk_widget_is_ancestor (focus_of (page),
                                           stk_text_editor_get_field (editor, "de"))
                   || focus_of (page) == stk_text_editor_get_field (editor, "de"));
    undo (policy);
    g_assert_null (stk_text_editor_get_field (editor, "de"));
  }

  /* The id of the second category. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories[1].id"));
  entry = focused_ancestor (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, second);
  gtk_editable_set_text (GTK_EDITABLE (entry), "preferences");
  g_assert_cmpstr (category_id_at (policy, 1), ==, "preferences");
  undo (policy);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, second);

  /* The title's fields, by language. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                 "categories[2].title.en"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus_of (page))), ==,
                   stk_text_get (stk_category_get_title (stk_list_peek (categories, 2)), "en"));

  /* Required switch. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                 "categories[1].required"));
  toggle = focused_ancestor (page, GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (stk_category_get_required (stk_list_peek (categories, 1)));
  undo (policy);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* Consent Mode signals. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page),
                                                 "categories[1].consent_mode"));
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  toggle = find_widget (row, GTK_TYPE_CHECK_BUTTON, "ad_storage");
  g_assert_false (stk_category_has_signal (stk_list_peek (categories, 1), "ad_storage"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  g_assert_true (stk_category_has_signal (stk_list_peek (categories, 1), "ad_storage"));
  undo (policy);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (toggle)));

  /* No control to turn a category on by default: one switch (required) per category and one
   * check per Consent Mode signal, nothing else. */
  g_assert_cmpuint (count_widgets (page, GTK_TYPE_SWITCH), ==, n);
  g_assert_cmpuint (count_widgets (page, GTK_TYPE_CHECK_BUTTON), ==,
                    n * g_strv_length ((char **) stk_consent_mode_signals ()));

  /* Move down with the row's button, and up again with the page's function. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories[0]"));
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  g_assert_false (gtk_widget_is_sensitive (find_widget (row, GTK_TYPE_BUTTON, "Move up (Alt+Up)")));
  click (find_widget (row, GTK_TYPE_BUTTON, "Move down (Alt+Down)"));
  g_assert_cmpstr (category_id_at (policy, 0), ==, second);
  g_assert_cmpstr (category_id_at (policy, 1), ==, first);
  g_assert_true (stk_categories_page_move (STK_CATEGORIES_PAGE (page), 1, -1));
  g_assert_cmpstr (category_id_at (policy, 0), ==, first);
  g_assert_false (stk_categories_page_move (STK_CATEGORIES_PAGE (page), 0, -1));
  undo (policy);
  g_assert_cmpstr (category_id_at (policy, 0), ==, second);
  undo (policy);
  g_assert_cmpstr (category_id_at (policy, 0), ==, first);

  /* Alt+Down on a row moves its category down. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories[0].id"));
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (press_shortcut (row, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (category_id_at (policy, 1), ==, first);
  undo (policy);
  g_assert_cmpstr (category_id_at (policy, 0), ==, first);

  /* Drop the third category on the upper half of the first row. */
  g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories[0]"));
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop_target = (GtkWidget *) controller;
    }
  g_assert_nonnull (drop_target);
  /* Where the drop lands depends on the row's height: let it be laid out. */
  STK_WAIT_UNTIL (gtk_widget_get_height (row) >= 10);
  g_value_init (&value, STK_TYPE_CATEGORY);
  g_value_set_object (&value, stk_list_peek (categories, 2));
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 1.0, &dropped);
  g_assert_true (dropped);
  g_assert_cmpstr (category_id_at (policy, 0), ==, third);
  g_assert_cmpstr (category_id_at (policy, 1), ==, first);
  undo (policy);
  g_assert_cmpstr (category_id_at (policy, 2), ==, third);

  /* Add, then remove. */
  click (find_widget (page, GTK_TYPE_BUTTON, "Add a category"));
  g_assert_cmpuint (stk_list_get_n (categories), ==, n + 1);
  g_assert_cmpstr (category_id_at (policy, n), ==, "category");
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  click (find_widget (row, GTK_TYPE_BUTTON, "Remove category"));
  g_assert_cmpuint (stk_list_get_n (categories), ==, n);

  /* Removing every category shows the empty state. */
  while (stk_list_get_n (categories) > 0)
    {
      g_assert_true (stk_categories_page_focus_path (STK_CATEGORIES_PAGE (page), "categories[0]"));
      row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
      click (find_widget (row, GTK_TYPE_BUTTON, "Remove category"));
    }
  g_assert_true (gtk_widget_get_mapped (find_widget (page, ADW_TYPE_STATUS_PAGE, NULL)));
  undo (policy);
  g_assert_cmpuint (stk_list_get_n (categories), ==, 1);
  g_assert_false (gtk_widget_get_mapped (find_widget (page, ADW_TYPE_STATUS_PAGE, NULL)));

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}


/* Row model ------------------------------------------------------------------------------ */

typedef struct {
  guint position, removed, added, calls;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
count_call (guint *calls)
{
  (*calls)++;
}

/* Every row shows the source's item at its place. */
static void
assert_rows_follow (StkRowModel *rows,
                    GListModel  *source)
{
  guint n = g_list_model_get_n_items (source);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autoptr(GObject) item = g_list_model_get_item (source, i);

      g_assert_true (stk_row_get_item (row) == item);
    }
}

static void
test_row_model (void)
{
  g_autoptr(GListStore) source = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(StkRowModel) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(StkRow) first = NULL;
  Change change = { 0 };
  guint notified = 0, position;

  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));
  for (guint i = 0; i < 5; i++)
    g_list_store_append (source, items->pdata[i]);

  rows = stk_row_model_new (G_LIST_MODEL (source));
  g_signal_connect (rows, "items-changed", G_CALLBACK (record_change), &change);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_signal_connect_swapped (first, "notify::item", G_CALLBACK (count_call), &notified);

  /* The first item replaced: the row stays, shows the new item and says so; the model itself
   * reports nothing, as its rows are the same. */
  g_list_store_splice (source, 0, 1, &items->pdata[10], 1);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  g_assert_cmpuint (change.calls, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (stk_row_get_item (first) == items->pdata[10]);

  /* Two items inserted at the front: every row shows another item, two rows come at the end. */
  g_list_store_splice (source, 0, 0, &items->pdata[11], 2);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_cmpuint (notified, ==, 2);

  /* Three removed from the middle: the last three rows go. */
  g_list_store_splice (source, 2, 3, NULL, 0);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_true (stk_row_get_item (first) == items->pdata[11]);

  g_assert_true (stk_row_model_find_item (rows, items->pdata[11], &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (stk_row_model_find_item (rows, items->pdata[39], NULL));

  /* Any splice at all: the rows follow. */
  for (guint round = 0; round < 300; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (source));
      guint at = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, n - at + 1);
      guint added = g_rand_int_range (rand, 0, 8);
      guint from = g_rand_int_range (rand, 0, items->len - added + 1);

      g_list_store_splice (source, at, removed, &items->pdata[from], added);
      assert_rows_follow (rows, G_LIST_MODEL (source));
    }

  /* A row the model dropped still holds its item for whoever holds the row. */
  g_list_store_remove_all (source);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 0);
  g_assert_nonnull (stk_row_get_item (first));
}

/* Rows past eager-rows wait, and the model says so; the rows there are follow the source
 * meanwhile, and catching up or a shrinking source ends the wait. */
static void
test_row_model_eager (void)
{
  g_autoptr(GListStore) source = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(StkRowModel) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Change change = { 0 };
  guint waiting_notified = 0;

  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));
  g_list_store_append (source, items->pdata[0]);
  rows = stk_row_model_new (G_LIST_MODEL (source));
  stk_row_model_set_eager_rows (rows, 3);
  g_signal_connect (rows, "items-changed", G_CALLBACK (record_change), &change);
  g_signal_connect_swapped (rows, "notify::waiting", G_CALLBACK (count_call), &waiting_notified);
  g_assert_false (stk_row_model_get_waiting (rows));

  /* One item becomes seven: three rows at once, the other four wait. */
  g_list_store_splice (source, 1, 0, &items->pdata[1], 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 3);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_true (stk_row_model_get_waiting (rows));
  g_assert_cmpuint (waiting_notified, ==, 1);

  /* Meanwhile the rows there are follow the source, and more items wait. */
  g_list_store_splice (source, 0, 1, &items->pdata[9], 1);
  g_list_store_append (source, items->pdata[8]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 3);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (waiting_notified, ==, 1);
  {
    g_autoptr(StkRow) row = g_list_model_get_item (G_LIST_MODEL (rows), 0);

    g_assert_true (stk_row_get_item (row) == items->pdata[9]);
  }

  /* Catching up adds the waiting rows in one change. */
  stk_row_model_catch_up (rows);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.added, ==, 5);
  g_assert_false (stk_row_model_get_waiting (rows));
  g_assert_cmpuint (waiting_notified, ==, 2);

  /* A source that shrinks while rows wait leaves nothing waiting. */
  g_list_store_remove_all (source);
  g_list_store_splice (source, 0, 0, items->pdata, 10);
  g_assert_true (stk_row_model_get_waiting (rows));
  g_list_store_splice (source, 2, 8, NULL, 0);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  g_assert_false (stk_row_model_get_waiting (rows));
  g_assert_cmpuint (waiting_notified, ==, 4);

  /* As does one that shrinks to just the rows there are. */
  g_list_store_splice (source, 2, 0, &items->pdata[2], 5);
  g_assert_true (stk_row_model_get_waiting (rows));
  g_list_store_splice (source, 3, 4, NULL, 0);
  assert_rows_follow (rows, G_LIST_MODEL (source));
  g_assert_false (stk_row_model_get_waiting (rows));
  g_assert_cmpuint (waiting_notified, ==, 6);
}

/* Providers page ------------------------------------------------------------------------- */

static StkProvider *
shown_provider (StkProvidersPage *page,
                guint             position)
{
  g_autoptr(StkProvider) provider = g_list_model_get_item (stk_providers_page_get_shown (page),
                                                           position);
  return provider;
}

/* Spins the main loop until the focus is inside a widget of @type (cells appear after layout). */
static GtkWidget *
wait_for_focus (GtkWidget *page,
                GType      type)
{
  GtkWidget *focus = NULL;

  STK_WAIT_UNTIL ((focus = gtk_root_get_focus (gtk_widget_get_root (page))) != NULL
                  && (G_TYPE_CHECK_INSTANCE_TYPE (focus, type)
                      || gtk_widget_get_ancestor (focus, type) != NULL));

  return G_TYPE_CHECK_INSTANCE_TYPE (focus, type) ? focus : gtk_widget_get_ancestor (focus, type);
}

/* The list view below @root whose items are the rows of a row model. */
static GtkWidget *
find_rows_list (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        {
          GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (child));

          if (GTK_IS_SINGLE_SELECTION (model)
              && STK_IS_ROW_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
            return child;
        }

      found = find_rows_list (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The provider list's row widgets, in order: each a list item widget around an inscription. */
static GPtrArray *
list_row_widgets (GtkWidget *page)
{
  GtkWidget *list = find_rows_list (page);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_INSCRIPTION (gtk_widget_get_first_child (child)))
      g_ptr_array_add (rows, child);

  return rows;
}

static const char *
row_widget_text (GtkWidget *row)
{
  return gtk_inscription_get_text (GTK_INSCRIPTION (gtk_widget_get_first_child (row)));
}

/* What the provider list's row widgets show: the first line of each, in order, joined with
 * "|", and the index of the row drawn as selected (-1 for none). */
static char *
list_rows_text (GtkWidget *page,
                int       *selected)
{
  g_autoptr(GPtrArray) rows = list_row_widgets (page);
  GString *text = g_string_new (NULL);

  *selected = -1;
  for (guint i = 0; i < rows->len; i++)
    {
      const char *shown = row_widget_text (rows->pdata[i]);

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append_len (text, shown, strcspn (shown, "\n"));
      if (gtk_widget_get_state_flags (rows->pdata[i]) & GTK_STATE_FLAG_SELECTED)
        {
          g_assert_cmpint (*selected, ==, -1);
          *selected = (int) i;
        }
    }

  return g_string_free (text, FALSE);
}

/* The whole text of the provider list's row widget at @index. */
static const char *
list_row_text (GtkWidget *page,
               guint      index)
{
  g_autoptr(GPtrArray) rows = list_row_widgets (page);

  g_assert_cmpuint (index, <, rows->len);

  return row_widget_text (rows->pdata[index]);
}

/* The names of the providers the search lets through, joined as list_rows_text() does. */
static char *
shown_names (StkProvidersPage *page)
{
  GListModel *shown = stk_providers_page_get_shown (page);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, stk_provider_get_name (shown_provider (page, i)));
    }

  return g_string_free (text, FALSE);
}

/* The row widgets show the providers the search lets through, and the selected row is the one
 * with the provider in the details (@selected), or none. */
static void
assert_list_rows (StkProvidersPage *page,
                  int               selected)
{
  g_autofree char *expected = shown_names (page);
  g_autofree char *rows = NULL;
  int selected_row;

  rows = list_rows_text (GTK_WIDGET (page), &selected_row);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpint (selected_row, ==, selected);
}

static void
test_providers_filter (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_providers_page_new ();
  GtkWindow *window = show_page (page);
  StkProvidersPage *providers_page = STK_PROVIDERS_PAGE (page);
  GListModel *shown = stk_providers_page_get_shown (providers_page);

  stk_providers_page_set_policy (providers_page, policy);
  stk_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  g_assert_cmpstr (stk_provider_get_id (stk_providers_page_get_selected (providers_page)), ==,
                   "kk");
  assert_list_rows (providers_page, 0);

  /* By name, case-insensitively. The provider in the details stays there, its row gone. */
  stk_providers_page_set_filter (providers_page, "LINK-bot");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (stk_provider_get_id (shown_provider (providers_page, 0)), ==, "linkbot");
  g_assert_cmpstr (stk_provider_get_id (stk_providers_page_get_selected (providers_page)), ==,
                   "kk");
  assert_list_rows (providers_page, -1);

  /* By cookie name. */
  stk_providers_page_set_filter (providers_page, "ysc");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (stk_provider_get_id (shown_provider (providers_page, 0)), ==, "youtube");
  assert_list_rows (providers_page, -1);

  /* Back to every provider: the one in the details is selected again, in its own row; a
   * provider picked from a search stays selected when the search is cleared. */
  stk_providers_page_set_filter (providers_page, "");
  assert_list_rows (providers_page, 0);
  stk_providers_page_set_filter (providers_page, "ysc");
  stk_providers_page_select (providers_page, shown_provider (providers_page, 0));
  assert_list_rows (providers_page, 0);
  stk_providers_page_set_filter (providers_page, "");
  g_assert_cmpstr (stk_provider_get_id (stk_providers_page_get_selected (providers_page)), ==,
                   "youtube");
  assert_list_rows (providers_page, 1);
  stk_providers_page_set_filter (providers_page, "statistical");
  assert_list_rows (providers_page, -1);
  stk_providers_page_select (providers_page, shown_provider (providers_page, 1));
  assert_list_rows (providers_page, 1);
  stk_providers_page_set_filter (providers_page, "");
  assert_list_rows (providers_page, 4);
  stk_providers_page_select (providers_page, shown_provider (providers_page, 0));

  /* By category id and by category title. */
  stk_providers_page_set_filter (providers_page, "statistical");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  stk_providers_page_set_filter (providers_page, "Funktionelle");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* Nothing matches: the list says so. */
  stk_providers_page_set_filter (providers_page, "no such thing");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  stk_test_drain ();
  g_assert_nonnull (find_mapped_status_page (page, "No Match"));

  /* A renamed provider is found by its new name, and its row says so. */
  stk_providers_page_set_filter (providers_page, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  assert_list_rows (providers_page, 0);

  /* A renamed category: the rows of its providers say so. */
  g_assert_cmpstr (list_row_text (page, 3), ==, "Siteimprove A/S\nStatistiske cookies · 2 cookies");
  stk_text_set (stk_category_get_title (stk_policy_find_category (policy, "statistical")), "da",
                "Statistik");
  g_assert_cmpstr (list_row_text (page, 3), ==, "Siteimprove A/S\nStatistik · 2 cookies");
  undo (policy);
  g_assert_cmpstr (list_row_text (page, 3), ==, "Siteimprove A/S\nStatistiske cookies · 2 cookies");

  stk_provider_set_name (stk_list_peek (stk_policy_get_providers (policy), 4), "Zebra Analytics");
  assert_list_rows (providers_page, 0);
  stk_providers_page_set_filter (providers_page, "zebra");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  assert_list_rows (providers_page, -1);

  /* The search entry drives the same filter. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "siteimprove");
  STK_WAIT_UNTIL (g_list_model_get_n_items (shown) == 1
                  && g_strcmp0 (stk_provider_get_id (shown_provider (providers_page, 0)),
                                "siteimprove") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (stk_provider_get_id (shown_provider (providers_page, 0)), ==, "siteimprove");

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

/* Runs the main loop until @rows has @n rows. */
static void
wait_for_rows (GListModel *rows,
               guint       n)
{
  STK_WAIT_UNTIL (g_list_model_get_n_items (rows) == n);
}

/* A search that matched nothing, cleared on a list of 100 providers: a screenful of rows comes
 * at once, the rest once the window has drawn them; picking a provider that waits for its row
 * brings the rest at once. */
static void
test_providers_many (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  StkList *providers = stk_policy_get_providers (policy);
  GtkWidget *page = stk_providers_page_new ();
  GtkWindow *window = show_page (page);
  StkProvidersPage *providers_page = STK_PROVIDERS_PAGE (page);
  GListModel *rows;

  for (guint i = stk_list_get_n (providers); i < 100; i++)
    {
      g_autoptr(StkProvider) provider = stk_provider_new ();
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      g_autofree char *name = g_strdup_printf ("Extra %u", i);

      stk_provider_set_id (provider, id);
      stk_provider_set_name (provider, name);
      stk_provider_set_category (provider, "necessary");
      stk_list_append (providers, provider);
    }
  /* A policy opened: the same, from no providers to 100. */
  stk_providers_page_set_policy (providers_page, policy);
  rows = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (
           gtk_list_view_get_model (GTK_LIST_VIEW (find_rows_list (page)))));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 64);
  wait_for_rows (rows, 100);
  assert_list_rows (providers_page, 0);

  stk_providers_page_set_filter (providers_page, "qqqq");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  stk_providers_page_set_filter (providers_page, "");
  g_assert_cmpuint (g_list_model_get_n_items (stk_providers_page_get_shown (providers_page)), ==,
                    100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 64);

  wait_for_rows (rows, 100);
  assert_list_rows (providers_page, 0);

  /* A search for nothing in a scrolled list (GTK warns if the list is asked to scroll to a row
   * it does not have, and warnings are fatal here). */
  stk_providers_page_select (providers_page, stk_list_peek (providers, 63));
  stk_test_drain ();
  stk_providers_page_set_filter (providers_page, "qqqq");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  /* The provider in the details is removed while rows wait: its neighbour, whose row waited,
   * takes its place. */
  stk_providers_page_set_filter (providers_page, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 64);
  g_assert_cmpstr (stk_provider_get_id (stk_providers_page_get_selected (providers_page)), ==,
                   "extra-63");
  stk_providers_page_remove_provider (providers_page);
  g_assert_cmpstr (stk_provider_get_id (stk_providers_page_get_selected (providers_page)), ==,
                   "extra-64");
  assert_list_rows (providers_page, 63);
  undo (policy);
  g_assert_cmpuint (stk_list_get_n (providers), ==, 100);

  stk_providers_page_set_filter (providers_page, "qqqq");
  stk_providers_page_set_filter (providers_page, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 64);
  stk_providers_page_select (providers_page, stk_list_peek (providers, 90));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 100);
  g_assert_cmpstr (stk_provider_get_id (stk_providers_page_get_selected (providers_page)), ==,
                   "extra-90");
  assert_list_rows (providers_page, 90);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

static void
test_providers_detail (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  StkList *providers = stk_policy_get_providers (policy);
  GtkWidget *page = stk_providers_page_new ();
  GtkWindow *window = show_page (page);
  StkProvidersPage *providers_page = STK_PROVIDERS_PAGE (page);
  StkProvider *youtube = stk_list_peek (providers, 1);
  GtkWidget *row, *field, *toggle;
  guint n = stk_list_get_n (providers);

  stk_providers_page_set_policy (providers_page, policy);
  stk_test_drain ();

  /* Name. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].name"));
  g_assert_true (stk_providers_page_get_selected (providers_page) == youtube);
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, stk_provider_get_name (youtube));
  gtk_editable_set_text (GTK_EDITABLE (row), "Google LLC");
  g_assert_cmpstr (stk_provider_get_name (youtube), ==, "Google LLC");
  undo (policy);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "Google Ireland Limited (YouTube)");

  /* Category: a drop-down of the existing categories. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].category"));
  row = focused_ancestor (page, ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==,
                    3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpstr (stk_provider_get_category (youtube), ==, "statistical");
  undo (policy);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);

  /* Website: validated as typed. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].website"));
  field = focused_ancestor (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "https://www.youtube.com/");
  gtk_editable_set_text (GTK_EDITABLE (field), "javascript:alert(1)");
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  gtk_editable_set_text (GTK_EDITABLE (field), "https://www.youtube.com/about/");
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  g_assert_cmpstr (stk_text_get (stk_provider_get_website (youtube), STK_TEXT_ANY_LANGUAGE), ==,
                   "https://www.youtube.com/about/");

  /* Privacy policy held per language: one field each. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[0].privacy_policy.en"));
  field = focused_ancestor (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==,
                   stk_text_get (stk_provider_get_privacy_policy (stk_list_peek (providers, 0)),
                                 "en"));

  /* Data-processor agreement. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[0].dpa"));
  toggle = focused_ancestor (page, GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (stk_provider_get_dpa (stk_list_peek (providers, 0)));
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[0].dpa_date"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-13-40");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-10-01");
  g_assert_cmpstr (stk_provider_get_dpa_date (stk_list_peek (providers, 0)), ==, "2026-10-01");

  /* Embedded content: the YouTube video's placeholder. */
  g_assert_true (stk_providers_page_focus_path (providers_page,
                                                "providers[1].embeds[0].placeholder.da"));
  field = focused_ancestor (page, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (field);

  /* Add embedded content, then remove it. */
  {
    StkList *embeds = stk_provider_get_embeds (youtube);
    guint n_embeds = stk_list_get_n (embeds);
    GtkWidget *embed_row;

    stk_providers_page_select (providers_page, youtube);
    click (find_widget (page, GTK_TYPE_BUTTON, "Add embedded content"));
    g_assert_cmpuint (stk_list_get_n (embeds), ==, n_embeds + 1);
    embed_row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
    gtk_editable_set_text (GTK_EDITABLE (focused_ancestor (page, GTK_TYPE_ENTRY)), "youtube-short");
    g_assert_cmpstr (stk_embed_get_id (stk_list_peek (embeds, n_embeds)), ==, "youtube-short");
    click (find_widget (embed_row, GTK_TYPE_BUTTON, "Remove the embedded content"));
    g_assert_cmpuint (stk_list_get_n (embeds), ==, n_embeds);
  }

  /* Add and remove providers. */
  click (find_widget (page, GTK_TYPE_BUTTON, "Add a provider"));
  g_assert_cmpuint (stk_list_get_n (providers), ==, n + 1);
  g_assert_true (stk_providers_page_get_selected (providers_page) == stk_list_peek (providers, n));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "Kortforsyningen");
  g_assert_cmpstr (stk_provider_get_name (stk_list_peek (providers, n)), ==, "Kortforsyningen");
  click (find_widget (page, GTK_TYPE_BUTTON, "Remove the provider"));
  g_assert_cmpuint (stk_list_get_n (providers), ==, n);
  undo (policy);
  g_assert_cmpuint (stk_list_get_n (providers), ==, n + 1);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

static void
test_providers_cookies (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_providers_page_new ();
  GtkWindow *window = show_page (page);
  StkProvidersPage *providers_page = STK_PROVIDERS_PAGE (page);
  StkProvider *youtube = stk_list_peek (stk_policy_get_providers (policy), 1);
  StkList *cookies = stk_provider_get_cookies (youtube);
  StkCookie *cookie;
  GtkWidget *cell;

  stk_providers_page_set_policy (providers_page, policy);
  stk_test_drain ();
  stk_providers_page_select (providers_page, youtube);
  stk_test_drain ();
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 3);

  /* Duplicate the second cookie: the copy follows it. */
  stk_providers_page_set_cookie_position (providers_page, 1);
  click (find_widget (page, GTK_TYPE_BUTTON, "Duplicate the cookie"));
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 4);
  g_assert_cmpstr (stk_cookie_get_name (stk_list_peek (cookies, 2)), ==, "YSC");
  g_assert_true (stk_list_peek (cookies, 2) != stk_list_peek (cookies, 1));
  g_assert_cmpuint (stk_providers_page_get_cookie_position (providers_page), ==, 2);

  /* Remove it again. */
  click (find_widget (page, GTK_TYPE_BUTTON, "Remove the cookie"));
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 3);

  /* Add one; its name is edited in place, in the table. */
  click (find_widget (page, GTK_TYPE_BUTTON, "Add a cookie"));
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 4);
  cookie = stk_list_peek (cookies, 3);
  g_assert_cmpstr (stk_cookie_get_domain (cookie), ==, "kk.dk");
  cell = wait_for_focus (page, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (cell), "yt-player-volume");
  g_assert_cmpstr (stk_cookie_get_name (cookie), ==, "yt-player-volume");

  /* Purpose per language, in place, and followed back on undo. */
  g_assert_true (stk_providers_page_focus_path (providers_page,
                                                "providers[1].cookies[0].purpose.en"));
  cell = wait_for_focus (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==,
                   stk_text_get (stk_cookie_get_purpose (stk_list_peek (cookies, 0)), "en"));
  stk_history_seal (stk_policy_get_history (policy));
  gtk_editable_set_text (GTK_EDITABLE (cell), "");
  g_assert_true (stk_text_is_missing (stk_cookie_get_purpose (stk_list_peek (cookies, 0)), "en"));
  g_assert_true (gtk_widget_has_css_class (cell, "stk-missing"));
  undo (policy);
  g_assert_false (gtk_widget_has_css_class (cell, "stk-missing"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==,
                   stk_text_get (stk_cookie_get_purpose (stk_list_peek (cookies, 0)), "en"));

  /* The party drop-down. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].cookies[0].party"));
  cell = wait_for_focus (page, GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cell)), ==,
                    stk_cookie_get_party (stk_list_peek (cookies, 0)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), STK_PARTY_FIRST);
  g_assert_cmpint (stk_cookie_get_party (stk_list_peek (cookies, 0)), ==, STK_PARTY_FIRST);

  /* Undo the add: the table follows. */
  while (stk_list_get_n (cookies) > 3)
    undo (policy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL))))), ==, 3);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}


/* Each part of the page focuses its own part of a path. */
static void
test_providers_focus_path (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_providers_page_new ();
  GtkWindow *window = show_page (page);
  StkProvidersPage *providers_page = STK_PROVIDERS_PAGE (page);
  StkProvider *youtube = stk_list_peek (stk_policy_get_providers (policy), 1);
  GtkWidget *focus;

  stk_providers_page_set_policy (providers_page, policy);
  stk_test_drain ();

  g_assert_false (stk_providers_page_focus_path (providers_page, "categories[0]"));
  g_assert_false (stk_providers_page_focus_path (providers_page, "providers[9].name"));
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers"));
  g_assert_nonnull (gtk_widget_get_ancestor (focus_of (page), GTK_TYPE_LIST_VIEW));

  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].country"));
  g_assert_true (stk_providers_page_get_selected (providers_page) == youtube);
  focus = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "IE");
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].outside_eea"));
  focused_ancestor (page, GTK_TYPE_SWITCH);

  /* The date of an agreement not signed cannot take the focus: the switch takes it. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[0].dpa_date"));
  g_assert_false (stk_provider_get_dpa (stk_list_peek (stk_policy_get_providers (policy), 0)));
  focused_ancestor (page, GTK_TYPE_SWITCH);
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].dpa_date"));
  focus = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==,
                   stk_provider_get_dpa_date (youtube));

  /* Embedded content: by index, or the add button when there is none such. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].embeds[0]"));
  focus = focused_ancestor (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "youtube-video");
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].embeds[4].id"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focused_ancestor (page, GTK_TYPE_BUTTON)), ==,
                   "Add embedded content");
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].embeds"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focused_ancestor (page, GTK_TYPE_BUTTON)), ==,
                   "Add embedded content");

  /* Cookies: the cell of the member named, or the add button. */
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].cookies[2].domain"));
  focus = wait_for_focus (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "www.youtube.com");
  g_assert_cmpuint (stk_providers_page_get_cookie_position (providers_page), ==, 2);
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].cookies[1]"));
  focus = wait_for_focus (page, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "YSC");
  g_assert_true (stk_providers_page_focus_path (providers_page, "providers[1].cookies[99]"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focused_ancestor (page, GTK_TYPE_BUTTON)), ==,
                   "Add a cookie");

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}


/* Sections page -------------------------------------------------------------------------- */

static const char *
section_id_at (StkPolicy *policy,
               guint      position)
{
  return stk_section_get_id (stk_list_peek (stk_policy_get_sections (policy), position));
}

static void
test_sections_page (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  StkList *sections = stk_policy_get_sections (policy);
  GtkWidget *page = stk_sections_page_new ();
  GtkWindow *window = show_page (page);
  StkSectionsPage *sections_page = STK_SECTIONS_PAGE (page);
  guint n = stk_list_get_n (sections);
  g_autofree char *first = g_strdup (section_id_at (policy, 0));
  g_autofree char *second = g_strdup (section_id_at (policy, 1));
  GtkTextBuffer *buffer;
  GtkWidget *row, *field;

  g_assert_cmpuint (n, >=, 3);
  g_object_set (page, "policy", policy, NULL);
  stk_test_drain ();

  /* The body is multi-line, per language. */
  g_assert_true (stk_sections_page_focus_path (sections_page, "sections[0].body.en"));
  field = focused_ancestor (page, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_set_text (buffer, "First line.\nSecond line.", -1);
  g_assert_cmpstr (stk_text_get (stk_section_get_body (stk_list_peek (sections, 0)), "en"), ==,
                   "First line.\nSecond line.");
  undo (policy);
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==,
                     stk_text_get (stk_section_get_body (stk_list_peek (sections, 0)), "en"));
    g_assert_cmpstr (shown, !=, "First line.\nSecond line.");
  }

  /* Title. */
  g_assert_true (stk_sections_page_focus_path (sections_page, "sections[1].title.da"));
  field = focus_of (page);
  gtk_editable_set_text (GTK_EDITABLE (field), "Sådan siger du nej");
  g_assert_cmpstr (stk_text_get (stk_section_get_title (stk_list_peek (sections, 1)), "da"), ==,
                   "Sådan siger du nej");

  /* Move down and up. */
  g_assert_true (stk_sections_page_focus_path (sections_page, "sections[0]"));
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  click (find_widget (row, GTK_TYPE_BUTTON, "Move down (Alt+Down)"));
  g_assert_cmpstr (section_id_at (policy, 0), ==, second);
  g_assert_cmpstr (section_id_at (policy, 1), ==, first);
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  click (find_widget (row, GTK_TYPE_BUTTON, "Move up (Alt+Up)"));
  g_assert_cmpstr (section_id_at (policy, 0), ==, first);

  /* Alt+Up on the second section moves it to the top. */
  g_assert_true (stk_sections_page_focus_path (sections_page, "sections[1].title.en"));
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (press_shortcut (row, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpstr (section_id_at (policy, 0), ==, second);
  undo (policy);
  g_assert_cmpstr (section_id_at (policy, 0), ==, first);

  /* Add and remove. */
  click (find_widget (page, GTK_TYPE_BUTTON, "Add a section"));
  g_assert_cmpuint (stk_list_get_n (sections), ==, n + 1);
  g_assert_cmpstr (section_id_at (policy, n), ==, "section");
  row = focused_ancestor (page, GTK_TYPE_LIST_BOX_ROW);
  click (find_widget (row, GTK_TYPE_BUTTON, "Remove section"));
  g_assert_cmpuint (stk_list_get_n (sections), ==, n);
  undo (policy);
  g_assert_cmpuint (stk_list_get_n (sections), ==, n + 1);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&policy));
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname ("samtykke-test");
  stk_test_gui_init ();
  /* Draw with cairo: under Xvfb the GL renderer runs in Mesa's JIT, which is slow and whose
   * allocations the leak checker cannot attribute. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pages/page/owns-path", test_page_owns_path);
  g_test_add_func ("/pages/policy/edit-undo", test_policy_page_edit_undo);
  g_test_add_func ("/pages/policy/languages", test_policy_page_languages);
  g_test_add_func ("/pages/appearance", test_appearance_page);
  g_test_add_func ("/pages/texts/edit-missing-undo", test_texts_page);
  g_test_add_func ("/pages/categories/edit-move-add-remove", test_categories_page);
  g_test_add_func ("/pages/row-model", test_row_model);
  g_test_add_func ("/pages/row-model/eager", test_row_model_eager);
  g_test_add_func ("/pages/providers/filter", test_providers_filter);
  g_test_add_func ("/pages/providers/many", test_providers_many);
  g_test_add_func ("/pages/providers/detail", test_providers_detail);
  g_test_add_func ("/pages/providers/cookies", test_providers_cookies);
  g_test_add_func ("/pages/providers/focus-path", test_providers_focus_path);
  g_test_add_func ("/pages/sections/edit-move-add-remove", test_sections_page);

  return g_test_run ();
}
