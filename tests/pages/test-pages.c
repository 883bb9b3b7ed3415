/* test-pages.c — the editor pages drive the model, and follow it back after undo
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "stk-core.h"
#include "stk-categories-page.h"

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

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @page is on screen. */
static GtkWindow *
show_page (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gboolean expired = FALSE;
  guint timeout;

  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  timeout = g_timeout_add_seconds (10, timed_out, &expired);
  while (!gtk_widget_get_mapped (page) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (timeout);
  g_assert_true (gtk_widget_get_mapped (page));
  spin ();

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
  spin ();
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  spin ();
}


/* Depth-first search below @root for a widget of @type whose tooltip is @tooltip (any if NULL). */
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

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0))
        return child;

      found = find_widget (child, type, tooltip);
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
  spin ();
}

static const char *
category_id_at (StkPolicy *policy,
                guint      position)
{
  return stk_category_get_id (stk_list_peek (stk_policy_get_categories (policy), position));
}

/* Policy page ---------------------------------------------------------------------------- */

static void
test_policy_page_edit_undo (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_policy_page_new ();
  GtkWindow *window = show_page (page);
  g_autofree char *old_name = g_strdup (stk_policy_get_name (policy));
  GtkWidget *row, *spin_button;

  g_object_set (page, "policy", policy, NULL);
  spin ();

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
                   stk_policy_get_decline_days (policy));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 30);
  g_assert_cmpint (stk_policy_get_decline_days (policy), ==, 30);
  undo (policy);
  g_assert_cmpint (stk_policy_get_decline_days (policy), ==, 14);
  g_assert_cmpint ((int) gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==, 14);

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
}

static void
test_policy_page_languages (void)
{
  g_autoptr(StkPolicy) policy = load_example ();
  GtkWidget *page = stk_policy_page_new ();
  GtkWindow *window = show_page (page);
  GtkWidget *row;

  stk_policy_page_set_policy (STK_POLICY_PAGE (page), policy);
  spin ();

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "languages"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "d e");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "de");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (policy)), ==, 3);
  g_assert_cmpstr (stk_policy_get_languages (policy)[2], ==, "de");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  spin ();

  undo (policy);
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (policy)), ==, 2);

  g_assert_true (stk_policy_page_focus_path (STK_POLICY_PAGE (page), "domains"));
  row = focused_ancestor (page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "borger.kk.dk");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (stk_policy_get_domains (policy)[2], ==, "borger.kk.dk");

  close_window (window);
  g_object_unref (policy);
  policy = NULL;
}

/* Texts page ----------------------------------------------------------------------------- */

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
  spin ();
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
  g_assert_true (gtk_widget_is_ancestor (focus_of (page), stk_text_editor_get_field (editor, "en")));

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

  close_window (window);
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
  spin ();

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
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname ("samtykke-test");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pages/policy/edit-undo", test_policy_page_edit_undo);
  g_test_add_func ("/pages/policy/languages", test_policy_page_languages);
  g_test_add_func ("/pages/texts/edit-missing-undo", test_texts_page);
  g_test_add_func ("/pages/categories/edit-move-add-remove", test_categories_page);

  return g_test_run ();
}
