/* gui-helpers.h — what the GUI tests share: running the main loop until something happened
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "large-policy.h"

G_BEGIN_DECLS

/* How long a test waits for something before it fails. Generous: the sanitizers and a busy
 * machine make everything several times slower, and a test that passes does not wait it out. */
#define STK_TEST_WAIT_SECONDS 30

gint64 stk_test_deadline (guint       seconds);
void   stk_test_iterate  (gint64      deadline,
                          const char *waiting_for);
void   stk_test_drain    (void);
void   stk_test_run_for  (guint       ms);
void   stk_test_gui_init (void);

/* A copy of the Copenhagen example, as @name in the folder @dir. */
GFile *stk_test_copy_example (const char *dir,
                              const char *name);
/* Removes @path and everything in it. */
void   stk_test_remove_tree  (const char *path);


/* A frame "drawn" that never ends (begun again every 50 ms, within the longest wait,
 * stk-progress.c): the document's workers move on one report per 100 ms, slow enough to be
 * seen at work, until stk_test_hold_workers_end(). */
void   stk_test_hold_workers_begin (void);
void   stk_test_hold_workers_end   (void);

/* Runs the main loop until @cond holds; fails the test, naming @cond, after @seconds. */
#define STK_WAIT_UNTIL_WITHIN(cond, seconds) G_STMT_START {                                  \
  gint64 stk_deadline_ = stk_test_deadline (seconds);                                       \
  while (!(cond))                                                                            \
    stk_test_iterate (stk_deadline_, #cond);                                                 \
} G_STMT_END

#define STK_WAIT_UNTIL(cond) STK_WAIT_UNTIL_WITHIN (cond, STK_TEST_WAIT_SECONDS)

/* Drops @file on @widget as a file manager would; returns whether the drop was taken. */
gboolean stk_test_drop_file (GtkWidget *widget,
                             GFile     *file);

G_END_DECLS
