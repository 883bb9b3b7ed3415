/* stk-window-private.h — the window's fields, shared by stk-window*.c
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-document.h"
#include "stk-problems-page.h"
#include "stk-window.h"

G_BEGIN_DECLS

/* The stack's page while the window's first document is being read. */
#define OPENING_PAGE "opening"

typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_OPEN,
  PENDING_NEW_EMPTY,
  PENDING_NEW_EXAMPLE,
} PendingKind;

enum {
  PAGE_POLICY,
  PAGE_TEXTS,
  PAGE_CATEGORIES,
  PAGE_PROVIDERS,
  PAGE_SECTIONS,
  PAGE_APPEARANCE,
  PAGE_PREVIEW,
  N_EDIT_PAGES
};

struct _StkWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkLabel             *missing_label;
  GtkLabel             *categories_count;
  GtkLabel             *providers_count;
  GtkLabel             *sections_count;
  GtkLabel             *problems_badge;
  AdwWindowTitle       *window_title;
  GtkSpinner           *busy_spinner;
  GtkProgressBar       *busy_progress;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GMenu                *recent_section;

  /* borrowed: the stack holds the pages */
  GtkWidget            *pages[N_EDIT_PAGES];
  gboolean              page_stale[N_EDIT_PAGES];
  StkProblemsPage      *problems_page;
  AdwStatusPage        *opening_page;
  GtkProgressBar       *opening_progress;
  AdwMessageDialog     *question;
  GtkInfoBar           *disk_bar;
  GtkLabel             *disk_title;
  GtkLabel             *disk_label;
  GtkWidget            *reload_button;
  GtkWidget            *keep_button;
  AdwMessageDialog     *disk_question;

  /* owned */
  StkDocument          *document;
  GSettings            *settings;
  GSignalGroup         *policy_signals;
  GSignalGroup         *history_signals;
  GtkFileChooserNative *chooser;
  GFile                *pending_file;
  char                 *wanted_page;
  PendingKind           pending;
  guint                 answer_source;
  int                   answer;
  guint                 busy_source;
  gboolean              busy_shown;
  gboolean              progress_shown;  /* this busy time shows a progress bar */
  GdkFrameClock        *paced_clock;     /* whose paint workers give way to */
  gulong                before_paint_id;
  gulong                after_paint_id;
  gboolean              holding_workers;  /* from the frame's start, or a busy change, to its end */
  guint                 hold_source;
  guint                 missing_cursor;
  gboolean              close_confirmed;
  gboolean              close_when_idle;
};

/* stk-window.c */
void     _stk_window_update_actions       (StkWindow   *self);
void     _stk_window_show_error           (StkWindow   *self,
                                           const char  *title,
                                           const char  *message);
char    *_stk_window_dup_document_name    (StkWindow   *self);
GFile   *_stk_window_dup_last_folder      (StkWindow   *self);
void     _stk_window_remember_file        (StkWindow   *self,
                                           GFile       *file);
void     _stk_window_close_when_idle      (StkWindow   *self);
gboolean _stk_window_is_opening           (StkWindow   *self);
void     _stk_window_update_title         (StkWindow   *self);
void     _stk_window_update_busy          (StkWindow   *self);

/* stk-window-pages.c: the pages, handing them the document, showing and focusing them */
void     _stk_window_pages_init           (StkWindow   *self);
void     _stk_window_pages_dispose        (StkWindow   *self);
void     _stk_window_pages_follow_policy  (StkWindow   *self);
void     _stk_window_pages_follow_file    (StkWindow   *self);
void     _stk_window_select_sidebar_row   (StkWindow   *self,
                                           const char  *name);

/* stk-window-actions.c: the actions, the unsaved-changes question, the choosers, recent files */
void     _stk_window_class_actions_init   (StkWindowClass *klass);
void     _stk_window_actions_init         (StkWindow   *self);
void     _stk_window_actions_dispose      (StkWindow   *self);
/* Runs @pending at once when nothing would be lost, otherwise after the user's answer. */
void     _stk_window_ask_then             (StkWindow   *self,
                                           PendingKind  pending,
                                           GFile       *file);

/* stk-window-disk.c: the bar about changes on disk, reloading, overwriting */
void     _stk_window_disk_init            (StkWindow   *self);
void     _stk_window_disk_dispose         (StkWindow   *self);
void     _stk_window_ask_overwrite        (StkWindow   *self);

/* stk-window-dnd.c: dropping a policy file on the window */
void     _stk_window_dnd_init             (StkWindow   *self);

/* stk-window-busy.c */
void     _stk_window_busy_changed      (StkWindow                *self);
void     _stk_window_busy_realize      (StkWindow                *self);
void     _stk_window_busy_unrealize    (StkWindow                *self);
gboolean _stk_window_hold_input_cb     (GtkEventControllerLegacy *controller,
                                        GdkEvent                 *event,
                                        StkWindow                *self);

G_END_DECLS
