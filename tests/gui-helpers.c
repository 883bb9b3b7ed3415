/* gui-helpers.c — what the GUI tests share: running the main loop until something happened
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A test waits for a condition, never for a fixed time: what it waits for (a worker thread, a
 * frame, the web process, the X server) takes as long as the machine needs, and a fixed pause
 * is either too short on a busy machine or wasted on a quiet one. */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-helpers.h"
#include "stk-core.h"

/* How long one turn of the loop waits for an event before the condition is checked again:
 * some conditions (a subprocess's exit, a file on disk) raise no event of their own. */
#define POLL_MS 2

gint64
stk_test_deadline (guint seconds)
{
  return g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
}

static gboolean
poll_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* One turn of the main loop, woken by whatever comes first: an event, or POLL_MS. Fails the
 * test, naming @waiting_for, once @deadline has passed. */
void
stk_test_iterate (gint64      deadline,
                  const char *waiting_for)
{
  gboolean polled = FALSE;
  guint source;

  if (g_get_monotonic_time () > deadline)
    g_error ("Timed out waiting for %s", waiting_for);

  source = g_timeout_add (POLL_MS, poll_cb, &polled);
  g_main_context_iteration (NULL, TRUE);
  if (!polled)
    g_source_remove (source);
}

/* Dispatches everything that is ready now, such as the idle work a change set off. */
void
stk_test_drain (void)
{
  gint64 deadline = stk_test_deadline (STK_TEST_WAIT_SECONDS);

  while (g_main_context_pending (NULL))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The main loop never ran dry");
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Runs the main loop for @ms milliseconds: only for a test that shows something stays as it is
 * for a while, or that spaces its steps in time on purpose. */
void
stk_test_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    stk_test_iterate (until + G_USEC_PER_SEC, "the time to pass");
}

/* GTK 4.8 warns "Trying to snapshot WIDGET without a current allocation" when a frame is drawn
 * between a widget being shown or changed and its next allocation, which a test that edits a
 * page while it is on screen can hit at any moment; the next frame draws it right. That one
 * message is printed and not fatal; every other warning stays fatal (G_DEBUG=fatal-warnings).
 * GTK logs structured messages, which only a writer function can let through. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 &&
      message != NULL && g_str_has_prefix (message, "Trying to snapshot ") &&
      g_str_has_suffix (message, " without a current allocation"))
    return g_log_writer_standard_streams (log_level & ~G_LOG_FLAG_FATAL, fields, n_fields,
                                          user_data);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Call first in main(), before anything logs. */
void
stk_test_gui_init (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
}

GFile *
stk_test_copy_example (const char *dir,
                       const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (EXAMPLES_DIR "/copenhagen.json", &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return g_file_new_for_path (path);
}

void
stk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        stk_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static guint hold_source;

static gboolean
hold_again_cb (gpointer user_data)
{
  /* Begun again before the last one ends, so that it never ends in between. */
  stk_progress_foreground_begin ();
  stk_progress_foreground_end ();

  return G_SOURCE_CONTINUE;
}

void
stk_test_hold_workers_begin (void)
{
  g_assert_cmpuint (hold_source, ==, 0);
  stk_progress_foreground_begin ();
  hold_source = g_timeout_add (50, hold_again_cb, NULL);
}

void
stk_test_hold_workers_end (void)
{
  g_assert_cmpuint (hold_source, !=, 0);
  g_clear_handle_id (&hold_source, g_source_remove);
  stk_progress_foreground_end ();
}

gboolean
stk_test_drop_file (GtkWidget *widget,
                    GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
          return accepted;
        }
    }

  g_error ("%s takes no drops", G_OBJECT_TYPE_NAME (widget));
}
