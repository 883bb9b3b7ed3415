/* editor-block.c — how long the main thread is blocked while a large policy opens and saves
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: editor-block [--rounds N] [--check] POLICY.json
 *
 * Opens a window on the bundled example, then, N times (default 3): opens POLICY.json in it
 * (File → Open Recent, as a user would), shows the Providers page and goes back, saves the
 * policy (Ctrl+S), and opens a small policy over it. Throughout, a high-priority timeout asks
 * to run every 2 ms and the window's frame clock ticks every frame; the longest gap between
 * two runs of the timeout is the longest time the main thread did not get back to its main
 * loop (blocked), the longest gap between two frames the longest time the window could not
 * draw. Each step is measured from the action until it is done (the document shown and no
 * longer busy, the frame after it drawn) and then for a further second, so that work left for
 * later counts too. The policy is copied to a temporary folder first; saving it writes the
 * same bytes again.
 *
 * The window is driven only through its actions and GObject properties, so that the same
 * program measures editors from before StkDocument (whose open and save block until done).
 * With --check the exit status is 1 when opening or saving blocks the main thread for more
 * than 50 ms. Run it under Xvfb (bench/editor/editor-open.sh does).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "stk-application.h"
#include "stk-window.h"

#define TICK_MS 2
#define SETTLE_MS 1000
#define TARGET_MS 50.0

typedef struct
{
  gint64 last_tick;
  gint64 longest_tick_gap;
  gint64 last_cpu;
  gint64 longest_cpu_gap;   /* the main thread's own processor time between two ticks */
  gint64 last_frame;
  gint64 longest_frame_gap;
  guint  n_frames;
  guint  n_stalls;  /* gaps between ticks over the target */
  gint64 started;   /* when the step began */
  guint  n_paints;  /* frames painted, and how many there were at the last tick */
  guint  last_paints;
  gboolean trace;   /* EDITOR_BLOCK_VERBOSE: print each gap over 30 ms */
} Monitor;

static Monitor monitor;

/* The processor time the calling thread has used, in microseconds. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  gint64 gap = now - monitor.last_tick;

  if (gap > monitor.longest_tick_gap)
    monitor.longest_tick_gap = gap;
  if (cpu - monitor.last_cpu > monitor.longest_cpu_gap)
    monitor.longest_cpu_gap = cpu - monitor.last_cpu;
  if (gap > TARGET_MS * 1000)
    monitor.n_stalls++;
  if (monitor.trace && gap > 30 * 1000)
    g_print ("  %6.0f ms in: blocked %5.1f ms, working %5.1f ms, %s\n",
             (monitor.last_tick - monitor.started) / 1000.0, gap / 1000.0,
             (cpu - monitor.last_cpu) / 1000.0,
             monitor.n_paints != monitor.last_paints ? "painted a frame" : "no frame painted");
  monitor.last_cpu = cpu;
  monitor.last_paints = monitor.n_paints;
  monitor.last_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  if (monitor.last_frame != 0 && now - monitor.last_frame > monitor.longest_frame_gap)
    monitor.longest_frame_gap = now - monitor.last_frame;
  monitor.last_frame = now;
  monitor.n_frames++;

  return G_SOURCE_CONTINUE;
}

static void
monitor_reset (void)
{
  gint64 now = g_get_monotonic_time ();

  monitor.started = now;
  monitor.last_tick = now;
  monitor.longest_tick_gap = 0;
  monitor.last_cpu = thread_cpu_us ();
  monitor.longest_cpu_gap = 0;
  monitor.last_frame = now;
  monitor.longest_frame_gap = 0;
  monitor.n_frames = 0;
  monitor.n_stalls = 0;
}

/* Closes the measurement: a gap still open counts up to now. */
static void
monitor_close (void)
{
  tick_cb (NULL);
}

static gboolean painted;
/* When the frame in progress began, and ended its layout and its paint (0: not in it). */
static gint64 phase_t[3];

static void
phase_cb (GdkFrameClock *clock,
          gpointer       data)
{
  int phase = GPOINTER_TO_INT (data);

  if (phase == 0)
    phase_t[1] = phase_t[2] = 0;
  phase_t[phase] = g_get_monotonic_time ();
}

/* Milliseconds from the frame's start to the end of @phase, or -1 when it had none. */
static double
phase_ms (int phase)
{
  return phase_t[phase] != 0 ? (phase_t[phase] - phase_t[0]) / 1000.0 : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
  monitor.n_paints++;
  /* A long frame: was it the layout (the main thread's own work) or the painting? */
  if (monitor.trace && g_get_monotonic_time () - phase_t[0] > 40000)
    g_print ("    a frame of %.1f ms: its layout ended after %.1f ms, its painting after %.1f ms\n",
             (g_get_monotonic_time () - phase_t[0]) / 1000.0, phase_ms (1), phase_ms (2));
}

static void
wait_frame (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The document of the window, or NULL in an editor from before StkDocument. */
static GObject *
document_of (StkWindow *window)
{
  GObject *document = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (window), "document") == NULL)
    return NULL;

  g_object_get (window, "document", &document, NULL);
  g_object_unref (document);  /* the window keeps it */

  return document;
}

static gboolean
is_busy (StkWindow *window)
{
  GObject *document = document_of (window);
  gboolean busy = FALSE;

  if (document != NULL)
    g_object_get (document, "busy", &busy, NULL);

  return busy;
}

static gboolean
shows_file (StkWindow *window,
            GFile     *file)
{
  GObject *document = document_of (window);
  g_autoptr(GFile) shown = NULL;

  g_object_get (document != NULL ? document : G_OBJECT (window), "file", &shown, NULL);

  return shown != NULL && g_file_equal (shown, file);
}

static void
fail (const char *what)
{
  g_printerr ("editor-block: %s\n", what);
  exit (1);
}

typedef struct
{
  const char *name;
  GArray     *stall_ms;   /* longest gap between ticks, per round */
  GArray     *cpu_ms;     /* most main-thread processor time between two ticks, per round */
  GArray     *frame_ms;   /* longest gap between frames, per round */
  GArray     *done_ms;    /* from the action until done, per round */
  GArray     *shown_ms;   /* from the action until drawn with the new content, per round */
} Step;

static void
step_init (Step       *step,
           const char *name)
{
  step->name = name;
  step->stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  step->cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  step->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  step->done_ms = g_array_new (FALSE, FALSE, sizeof (double));
  step->shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
step_clear (Step *step)
{
  g_array_unref (step->stall_ms);
  g_array_unref (step->cpu_ms);
  g_array_unref (step->frame_ms);
  g_array_unref (step->done_ms);
  g_array_unref (step->shown_ms);
}

static void
step_record (Step   *step,
             gint64  start,
             gint64  shown,
             gint64  done)
{
  double stall = monitor.longest_tick_gap / 1000.0;
  double cpu = monitor.longest_cpu_gap / 1000.0;
  double frame = monitor.longest_frame_gap / 1000.0;
  double until_shown = (shown - start) / 1000.0;
  double until_done = (done - start) / 1000.0;

  g_array_append_val (step->stall_ms, stall);
  g_array_append_val (step->cpu_ms, cpu);
  g_array_append_val (step->frame_ms, frame);
  g_array_append_val (step->shown_ms, until_shown);
  g_array_append_val (step->done_ms, until_done);
  if (monitor.trace)
    g_print ("  %-28s shown %7.1f ms, done %7.1f ms, longest block %6.1f ms (%u over %.0f ms), "
             "of it working %6.1f ms, frame gap %6.1f ms\n", step->name, until_shown, until_done,
             stall, monitor.n_stalls, TARGET_MS, cpu, frame);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_doubles);
  return g_array_index (sorted, double, sorted->len / 2);
}

static double
worst (GArray *values)
{
  double most = 0;

  for (guint i = 0; i < values->len; i++)
    most = MAX (most, g_array_index (values, double, i));

  return most;
}

static void
step_print (Step *step)
{
  g_print ("%-30s %7.0f %7.0f   %7.0f %7.0f   %7.1f %7.1f   %7.1f %7.1f   %7.1f %7.1f\n",
           step->name,
           median (step->shown_ms), worst (step->shown_ms),
           median (step->done_ms), worst (step->done_ms),
           median (step->stall_ms), worst (step->stall_ms),
           median (step->cpu_ms), worst (step->cpu_ms),
           median (step->frame_ms), worst (step->frame_ms));
}

static void
activate (StkWindow  *window,
          const char *action,
          GVariant   *target)
{
  if (!gtk_widget_activate_action_variant (GTK_WIDGET (window), action, target))
    fail ("an action is missing or disabled");
}

static void
wait_until_idle (StkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (is_busy (window))
    {
      if (g_get_monotonic_time () > deadline)
        fail ("the document was busy for two minutes");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Opens @file as File → Open Recent does: @shown gets the time the window has drawn it, the
 * return value the time it is idle (checked) and drawn. */
static gint64
open_file (StkWindow *window,
           GFile     *file,
           gint64    *shown)
{
  g_autofree char *uri = g_file_get_uri (file);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  activate (window, "win.open-recent", g_variant_new_string (uri));
  while (!shows_file (window, file))
    {
      if (g_get_monotonic_time () > deadline)
        fail ("the policy did not open within two minutes");
      g_main_context_iteration (NULL, TRUE);
    }
  wait_frame ();
  *shown = g_get_monotonic_time ();
  wait_until_idle (window);
  wait_frame ();

  return g_get_monotonic_time ();
}

static gint64
save (StkWindow *window)
{
  activate (window, "win.save", NULL);
  wait_until_idle (window);
  wait_frame ();

  return g_get_monotonic_time ();
}

static gint64
show_page (StkWindow  *window,
           const char *name)
{
  activate (window, "win.show-page", g_variant_new_string (name));
  wait_frame ();

  return g_get_monotonic_time ();
}

static GFile *
copy_to (const char *source,
         const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (source, &contents, &length, &error)
      || !g_file_set_contents (path, contents, length, &error))
    fail (error->message);

  return g_file_new_for_path (path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int rounds = 3;
  gboolean check = FALSE;
  const GOptionEntry options[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "How many times to open and save", "N" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Exit with 1 when a target is missed", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("POLICY.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(StkApplication) app = NULL;
  g_autoptr(GFile) large = NULL;
  g_autoptr(GFile) small = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *size = NULL;
  Step open_step, providers_step, save_step, replace_step;
  StkWindow *window;
  gboolean met;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || rounds < 1)
    {
      g_printerr ("Usage: editor-block [--rounds N] [--check] POLICY.json\n");
      return 2;
    }
  monitor.trace = g_getenv ("EDITOR_BLOCK_VERBOSE") != NULL;

  tmp_dir = g_dir_make_tmp ("editor-block-XXXXXX", &error);
  if (tmp_dir == NULL)
    fail (error->message);
  /* Recent files go below here rather than into the user's own list. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  /* Changes kept for recovery too. */
  g_setenv ("XDG_STATE_HOME", tmp_dir, TRUE);
  large = copy_to (argv[1], tmp_dir, "large.json");
  small = copy_to (EXAMPLES_DIR "/copenhagen.json", tmp_dir, "small.json");
  {
    g_autoptr(GFileInfo) info = g_file_query_info (large, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0,
                                                   NULL, NULL);

    size = g_format_size (info != NULL ? g_file_info_get_size (info) : 0);
  }

  g_set_prgname ("editor-block");
  gtk_init ();
  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    fail (error->message);

  window = stk_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  /* Connected after GTK's own: "layout" and "paint" run when GTK has laid out and painted. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (phase_cb), GINT_TO_POINTER (0));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                    G_CALLBACK (phase_cb), GINT_TO_POINTER (1));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint",
                    G_CALLBACK (phase_cb), GINT_TO_POINTER (2));
  wait_frame ();
  run_for (SETTLE_MS);

  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, NULL, NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), frame_cb, NULL, NULL);

  step_init (&open_step, "open the large policy");
  step_init (&providers_step, "then show its Providers page");
  step_init (&save_step, "save it");
  step_init (&replace_step, "open a small one over it");

  for (int i = 0; i < rounds; i++)
    {
      gint64 start, shown, done;

      if (monitor.trace)
        g_print ("round %d\n", i + 1);

      monitor_reset ();
      start = g_get_monotonic_time ();
      done = open_file (window, large, &shown);
      run_for (SETTLE_MS);
      monitor_close ();
      step_record (&open_step, start, shown, done);

      monitor_reset ();
      start = g_get_monotonic_time ();
      done = show_page (window, "providers");
      run_for (SETTLE_MS);
      show_page (window, "policy");
      run_for (SETTLE_MS);
      monitor_close ();
      step_record (&providers_step, start, done, done);

      monitor_reset ();
      start = g_get_monotonic_time ();
      done = save (window);
      run_for (SETTLE_MS);
      monitor_close ();
      step_record (&save_step, start, done, done);

      monitor_reset ();
      start = g_get_monotonic_time ();
      done = open_file (window, small, &shown);
      run_for (SETTLE_MS);
      monitor_close ();
      step_record (&replace_step, start, shown, done);
    }

  g_print ("policy: %s (%s), %d rounds, renderer: %s, %u CPUs\n", argv[1], size, rounds,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default",
           g_get_num_processors ());
  g_print ("shown: from the action until the window has drawn the result; done: until the\n"
           "document is idle again (checked, written) and drawn; blocked: the longest gap between\n"
           "runs of a %d ms high-priority timeout; working: the most processor time the main\n"
           "thread used between two runs (a busy machine does not inflate it); frames: the\n"
           "longest time between two frames\n\n", TICK_MS);
  g_print ("%-30s %7s %7s   %7s %7s   %7s %7s   %7s %7s   %7s %7s\n", "", "shown", "", "done",
           "", "blocked", "", "working", "", "frames", "");
  g_print ("%-30s %7s %7s   %7s %7s   %7s %7s   %7s %7s   %7s %7s\n", "ms", "median", "worst",
           "median", "worst", "median", "worst", "median", "worst", "median", "worst");
  step_print (&open_step);
  step_print (&providers_step);
  step_print (&save_step);
  step_print (&replace_step);

  met = worst (open_step.stall_ms) <= TARGET_MS && worst (save_step.stall_ms) <= TARGET_MS;
  g_print ("\ntarget: main thread never blocked over %.0f ms while opening or saving: %s "
           "(working: %s)\n", TARGET_MS, met ? "met" : "not met",
           worst (open_step.cpu_ms) <= TARGET_MS && worst (save_step.cpu_ms) <= TARGET_MS
           ? "met" : "not met");

  step_clear (&open_step);
  step_clear (&providers_step);
  step_clear (&save_step);
  step_clear (&replace_step);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp_dir);

  return check && !met ? 1 : 0;
}
