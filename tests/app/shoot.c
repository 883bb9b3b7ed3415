/* shoot.c — shows one page of an editor window under Xvfb and takes a screenshot of it
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: [SHOOT_ACTION=win.ACTION] [SHOOT_OPEN=FILE] [SHOOT_AFTER_MS=N] shoot PAGE OUT.png
 *        [dark] [FILE]
 * Not a test: it makes the pictures in data/screenshots/ (see tests/app/shoot.sh).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "stk-application.h"
#include "stk-window.h"

static char **args;
static int n_args;

static gboolean
shoot_cb (gpointer user_data)
{
  StkWindow *window = user_data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int width = gdk_surface_get_width (surface);
  int height = gdk_surface_get_height (surface);
  g_autofree char *geometry = g_strdup_printf ("%dx%d+0+0", width, height);
  const char *argv[] = { "import", "-window", "root", "-crop", geometry, args[2], NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    g_printerr ("%s\n", error->message);
  g_application_quit (g_application_get_default ());

  return G_SOURCE_REMOVE;
}

/* Once the file has been read, when the window takes actions. */
static gboolean
act_cb (gpointer user_data)
{
  StkWindow *window = user_data;

  if (g_getenv ("SHOOT_ACTION") != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), g_getenv ("SHOOT_ACTION"), NULL);
  if (g_getenv ("SHOOT_OPEN") != NULL)
    {
      g_autoptr(GFile) open = g_file_new_for_commandline_arg (g_getenv ("SHOOT_OPEN"));

      stk_window_open_or_import (window, open);
    }

  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app)
{
  StkWindow *window;
  int width = 1100, height = 720;

  /* The shot is taken two seconds later, when a file has long been read. */
  if (n_args > 4)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[4]);

      window = stk_window_new_for_file (GTK_APPLICATION (app), file);
    }
  else
    {
      window = stk_window_new (GTK_APPLICATION (app));
    }

  /* SHOOT_SIZE=WIDTHxHEIGHT, e.g. 400x700 for the folded, phone-sized layout. */
  if (g_getenv ("SHOOT_SIZE") != NULL)
    sscanf (g_getenv ("SHOOT_SIZE"), "%dx%d", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (n_args > 3 && g_str_equal (args[3], "dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  stk_window_show_page (window, args[1]);
  if (g_str_equal (args[1], "problems"))
    stk_document_validate_now (stk_window_get_document (window));
  gtk_window_present (GTK_WINDOW (window));
  /* SHOOT_ACTION=win.export-as shows a dialog over the page; SHOOT_OPEN=FILE opens a file as
   * Open does (a configuration shows its import report). */
  if (g_getenv ("SHOOT_ACTION") != NULL || g_getenv ("SHOOT_OPEN") != NULL)
    g_timeout_add_seconds (1, act_cb, window);
  /* SHOOT_AFTER_MS=N takes the shot earlier or later, such as while a large file opens. */
  if (g_getenv ("SHOOT_AFTER_MS") != NULL)
    g_timeout_add (atoi (g_getenv ("SHOOT_AFTER_MS")), shoot_cb, window);
  else
    g_timeout_add_seconds (g_getenv ("SHOOT_ACTION") != NULL || g_getenv ("SHOOT_OPEN") != NULL
                           ? 3 : 2, shoot_cb, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StkApplication) app = NULL;

  if (argc < 3)
    {
      g_printerr ("Usage: shoot PAGE OUT.png [dark|light] [FILE]\n");
      return 2;
    }
  args = argv;
  n_args = argc;

  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
