/* pages-demo.c — shows one editor page on the bundled example, for looking at it
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: pages-demo PAGE [light|dark] [focus-cookie]
 * (PAGE: policy, appearance, texts, categories, providers, sections)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "stk-core.h"
#include "stk-appearance-page.h"
#include "stk-categories-page.h"
#include "stk-policy-page.h"
#include "stk-providers-page.h"
#include "stk-sections-page.h"
#include "stk-texts-page.h"

static gboolean
focus_cookies (gpointer page)
{
  stk_providers_page_focus_path (page, "providers[1].cookies[2].name");
  return G_SOURCE_REMOVE;
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  const char * const *args = user_data;
  const char *name = args[0];
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = NULL;

  if (g_strcmp0 (args[1], "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  if (g_str_equal (name, "policy"))
    page = stk_policy_page_new ();
  else if (g_str_equal (name, "appearance"))
    {
      page = stk_appearance_page_new ();
      /* Show what a pair below WCAG's contrast looks like. */
      stk_appearance_set_color (stk_policy_get_appearance (policy), STK_SCHEME_LIGHT,
                                STK_COLOR_LINK, "#4a90d9");
    }
  else if (g_str_equal (name, "texts"))
    {
      page = stk_texts_page_new ();
      /* Show what a missing translation looks like. */
      stk_text_set (stk_policy_get_text (policy, "settings_title"), "en", "");
    }
  else if (g_str_equal (name, "categories"))
    page = stk_categories_page_new ();
  else if (g_str_equal (name, "providers"))
    page = stk_providers_page_new ();
  else
    page = stk_sections_page_new ();

  g_object_set (page, "policy", policy, NULL);
  if (STK_IS_PROVIDERS_PAGE (page))
    {
      stk_providers_page_select (STK_PROVIDERS_PAGE (page),
                                 stk_policy_find_provider (policy, "youtube"));
      if (g_strcmp0 (args[2], "focus-cookie") == 0)
        g_timeout_add_full (G_PRIORITY_DEFAULT, 800, focus_cookies, g_object_ref (page),
                            g_object_unref);
    }

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Samtykke", stk_policy_get_name (policy)));
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280,
                               STK_IS_PROVIDERS_PAGE (page) ? 1000
                               : STK_IS_APPEARANCE_PAGE (page) ? 1650 : 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_maximize (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const char *args[3] = {
    argc > 1 ? argv[1] : "policy", argc > 2 ? argv[2] : NULL, argc > 3 ? argv[3] : NULL
  };

  app = adw_application_new ("io.github.samtykke.Samtykke.PagesDemo", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), args);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
