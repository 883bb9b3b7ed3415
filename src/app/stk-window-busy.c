/* stk-window-busy.c — how a StkWindow shows that its document is busy, and holds off input
 * and the document's workers meanwhile
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-window-private.h"

/* How long the document is busy before the window shows it. */
#define BUSY_SHOW_DELAY_MS 250

/* The longest the window holds the workers for one frame. */
#define HOLD_LIMIT_MS 100

/* Showing it ------------------------------------------------------------------------------- */

static gboolean
busy_shown_cb (gpointer user_data)
{
  StkWindow *self = user_data;

  self->busy_source = 0;
  self->busy_shown = TRUE;
  _stk_window_update_busy (self);

  return G_SOURCE_REMOVE;
}

/* Busy: the busy cursor, and a progress bar along the top of the page while a file is read or
 * written (it stays until the check that follows reading ends), or a spinner in the header bar
 * for other work, show when the document stays busy for a moment: a policy of ordinary size
 * saves in a few milliseconds, and a flash of them would only distract. The bar moves a few
 * times a second (StkDocument:progress), where a spinner would ask for a frame sixty times a
 * second, and on a processor drawing without a graphics processor each frame takes time
 * from the worker and waits for it. */
void
_stk_window_update_busy (StkWindow *self)
{
  gboolean busy, opening, spinning;
  double fraction;
  const char *doing = NULL;

  /* A window being taken down has no widgets left to show it. */
  if (self->busy_progress == NULL || self->opening_progress == NULL)
    return;

  busy = stk_document_get_busy (self->document);
  opening = _stk_window_is_opening (self);
  fraction = stk_document_get_progress (self->document);

  if (!busy)
    {
      g_clear_handle_id (&self->busy_source, g_source_remove);
      self->busy_shown = FALSE;
      self->progress_shown = FALSE;
    }
  else if (!self->busy_shown && self->busy_source == 0)
    {
      self->busy_source = g_timeout_add (BUSY_SHOW_DELAY_MS, busy_shown_cb, self);
      g_source_set_name_by_id (self->busy_source, "[samtykke] show busy");
    }

  doing = stk_document_get_activity (self->document);

  if (self->busy_shown
      && (stk_document_get_loading (self->document) || stk_document_get_saving (self->document)))
    self->progress_shown = TRUE;

  /* A reading or writing that has not reported yet shows an empty bar; the check after
   * reading shows it full. */
  if (fraction < 0)
    fraction = stk_document_get_loading (self->document)
               || stk_document_get_saving (self->document) ? 0 : 1;
  gtk_progress_bar_set_fraction (self->busy_progress, fraction);
  gtk_progress_bar_set_fraction (self->opening_progress, fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_progress), self->progress_shown && !opening);
  if (doing != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->busy_progress),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, doing,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->busy_spinner),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, doing,
                                      -1);
    }

  /* The page that says the window is opening its document has its own bar. */
  spinning = self->busy_shown && !self->progress_shown && !opening;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), spinning);
  gtk_spinner_set_spinning (self->busy_spinner, spinning);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->busy_spinner), doing);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->busy_shown ? "wait" : NULL);
}

/* Holding the workers during frames -------------------------------------------------------- */

/* While the window draws a frame, the document's workers wait (stk-progress.c): on a machine
 * that draws without a graphics processor, a frame competing with them for the processor
 * kept the window from its input for 60–80 ms while a large policy opened. The hold
 * lasts from the frame's start, or from the change that will be drawn, to the frame's end. */

static void
release_workers (StkWindow *self)
{
  g_clear_handle_id (&self->hold_source, g_source_remove);
  if (self->holding_workers)
    stk_progress_foreground_end ();
  self->holding_workers = FALSE;
}

static gboolean
hold_ended_cb (gpointer user_data)
{
  StkWindow *self = user_data;

  self->hold_source = 0;
  release_workers (self);

  return G_SOURCE_REMOVE;
}

/* From a frame's start: its after-paint ends the hold. */
static void
hold_workers (StkWindow *self)
{
  if (self->holding_workers)
    return;

  stk_progress_foreground_begin ();
  self->holding_workers = TRUE;
}

/* The worker just started waits for the frame that shows the busy state; a frame that does
 * not come (a hidden window) holds no one for long. */
void
_stk_window_busy_changed (StkWindow *self)
{
  if (!stk_document_get_busy (self->document) || self->before_paint_id == 0
      || self->holding_workers)
    return;

  hold_workers (self);
  self->hold_source = g_timeout_add (HOLD_LIMIT_MS, hold_ended_cb, self);
  g_source_set_name_by_id (self->hold_source, "[samtykke] end holding workers");
}

/* The first frames of a window are mostly its own work of styling and laying out every
 * widget, on the main thread's processor, while a worker may already read the file on the
 * other: they would gain little from the worker's waiting and cost the worker much. So the
 * workers give way from the frame after the first. */
static void
first_frame_cb (GdkFrameClock *clock,
                StkWindow     *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->before_paint_id = g_signal_connect_swapped (clock, "before-paint",
                                                    G_CALLBACK (hold_workers), self);
  self->after_paint_id = g_signal_connect_swapped (clock, "after-paint",
                                                   G_CALLBACK (release_workers), self);
}

void
_stk_window_busy_realize (StkWindow *self)
{
  self->paced_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->after_paint_id = g_signal_connect (self->paced_clock, "after-paint",
                                           G_CALLBACK (first_frame_cb), self);
}

void
_stk_window_busy_unrealize (StkWindow *self)
{
  release_workers (self);
  if (self->paced_clock != NULL)
    {
      g_clear_signal_handler (&self->before_paint_id, self->paced_clock);
      g_clear_signal_handler (&self->after_paint_id, self->paced_clock);
      g_clear_object (&self->paced_clock);
    }
}

/* Holding off input while busy ------------------------------------------------------------- */

gboolean
_stk_window_hold_input_cb (GtkEventControllerLegacy *controller,
                           GdkEvent                 *event,
                           StkWindow                *self)
{
  if (!stk_document_get_busy (self->document))
    return GDK_EVENT_PROPAGATE;

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
    case GDK_TOUCHPAD_HOLD:
    case GDK_PAD_BUTTON_PRESS:
    case GDK_PAD_BUTTON_RELEASE:
    case GDK_PAD_RING:
    case GDK_PAD_STRIP:
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}
