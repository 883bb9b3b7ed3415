/* stk-progress.c — how far a worker has come, and its giving way while a window draws
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A thread that reads, checks or writes a policy for the editor pushes a #StkProgress; the
 * long loops of the core (the JSON reader's arrays, the writer's items, the checks of the
 * providers) call stk_progress_report() as they go, and the editor reads the fraction from
 * the main thread to show a progress bar.
 *
 * The same calls are where such a thread gives way to the window. While the main thread draws
 * a frame (stk_progress_foreground_begin() … _end(), around the frame clock's paint), a
 * thread that has pushed a progress waits at its next report. On a machine without a
 * graphics processor a frame is drawn by the processor, by threads of the GL driver, and on
 * two cores a worker that keeps one of them busy made each frame wait for it: the window
 * stood still for 60–80 ms at a time while a large policy opened. Giving way costs the
 * worker the length of the frames it meets, which are few while it runs.
 *
 * A thread that has not pushed a progress (the command-line tool, the main thread itself, the
 * exporters' threads) never waits and pays one thread-local lookup per report. A wait ends
 * after WAIT_LIMIT_US at the latest, so a frame that never reports its end cannot stop the
 * work. */

#include "config.h"

#include "stk-progress.h"

#define WAIT_LIMIT_US (100 * 1000)

struct _StkProgress
{
  int permyriad;  /* atomic; -1 until the first report */
};

G_DEFINE_BOXED_TYPE (StkProgress, stk_progress, stk_progress_ref, stk_progress_unref)

static GPrivate current;       /* the calling thread's StkProgress, not owned */

static GMutex   foreground_mutex;
static GCond    foreground_cond;
static int      foreground;    /* atomic: how many begins wait for their end; under the mutex */
static gint64   foreground_since;
static guint    n_waits;       /* atomic */

/**
 * stk_progress_new:
 *
 * Returns: (transfer full): a progress at no fraction known yet
 */
StkProgress *
stk_progress_new (void)
{
  StkProgress *self = g_atomic_rc_box_new0 (StkProgress);

  self->permyriad = -1;

  return self;
}

StkProgress *
stk_progress_ref (StkProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
stk_progress_unref (StkProgress *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

/**
 * stk_progress_get_fraction:
 * @self: a progress
 *
 * May be called from any thread.
 *
 * Returns: how much of the work is done, from 0 to 1, or -1 before the worker said
 */
double
stk_progress_get_fraction (StkProgress *self)
{
  int permyriad;

  g_return_val_if_fail (self != NULL, -1);

  permyriad = g_atomic_int_get (&self->permyriad);

  return permyriad < 0 ? -1 : permyriad / 10000.0;
}

/**
 * stk_progress_push:
 * @self: a progress
 *
 * Makes the calling thread report to @self, and give way to frames, until stk_progress_pop().
 * The caller keeps @self alive until then. Pushes do not nest.
 */
void
stk_progress_push (StkProgress *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_private_get (&current) == NULL);

  g_private_set (&current, self);
}

void
stk_progress_pop (void)
{
  g_private_set (&current, NULL);
}

static void
give_way (void)
{
  g_mutex_lock (&foreground_mutex);
  if (foreground > 0)
    {
      gint64 deadline = foreground_since + WAIT_LIMIT_US;

      g_atomic_int_inc (&n_waits);
      while (foreground > 0 && g_get_monotonic_time () < deadline)
        g_cond_wait_until (&foreground_cond, &foreground_mutex, deadline);
    }
  g_mutex_unlock (&foreground_mutex);
}

/**
 * stk_progress_report:
 * @done: how much of the work is done
 * @total: how much there is; 0 reports nothing but still gives way
 *
 * Called by long loops, a few thousand times a second at most. Without a progress pushed on
 * the calling thread it does nothing.
 */
void
stk_progress_report (guint64 done,
                     guint64 total)
{
  StkProgress *self = g_private_get (&current);

  if (self == NULL)
    return;

  if (total > 0)
    g_atomic_int_set (&self->permyriad, (int) (MIN (done, total) * 10000 / total));

  if (G_UNLIKELY (g_atomic_int_get (&foreground) > 0))
    give_way ();
}

/**
 * stk_progress_foreground_begin:
 *
 * Says that the main thread draws a frame now: threads that have pushed a progress wait at
 * their next report until every begin has had its stk_progress_foreground_end(), or
 * WAIT_LIMIT_US after the last begin at the latest.
 */
void
stk_progress_foreground_begin (void)
{
  g_mutex_lock (&foreground_mutex);
  foreground_since = g_get_monotonic_time ();
  g_atomic_int_inc (&foreground);
  g_mutex_unlock (&foreground_mutex);
}

void
stk_progress_foreground_end (void)
{
  g_mutex_lock (&foreground_mutex);
  if (foreground > 0 && g_atomic_int_dec_and_test (&foreground))
    g_cond_broadcast (&foreground_cond);
  g_mutex_unlock (&foreground_mutex);
}

/**
 * stk_progress_get_n_waits:
 *
 * Returns: how many times a worker has given way so far, for tests and measurements
 */
guint
stk_progress_get_n_waits (void)
{
  return g_atomic_int_get (&n_waits);
}
