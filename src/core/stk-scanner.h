/* stk-scanner.h — runs samtykke-scan on a site and gathers what it finds into a report
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crawl itself happens in a child process (samtykke-scan, WebKitGTK), so that a web page
 * that crashes or hangs cannot take the editor or the command-line tool with it. The child
 * writes one JSON object per line (docs/scan.md); this object reads them as they come,
 * reports progress through its properties, and ends with an StkAuditReport.
 */
#pragma once

#include "stk-audit.h"

G_BEGIN_DECLS

#define STK_TYPE_SCANNER (stk_scanner_get_type ())
G_DECLARE_FINAL_TYPE (StkScanner, stk_scanner, STK, SCANNER, GObject)

/* Where samtykke-scan is: $SAMTYKKE_SCAN when set, else beside the running program in the
 * build folder, else the installed one.
 * Returns: (transfer full): the path. */
char           *stk_scanner_find_program     (void);

StkScanner     *stk_scanner_new              (StkPolicy           *policy);
/* The program to run instead of the one found by stk_scanner_find_program(). */
void            stk_scanner_set_program      (StkScanner          *self,
                                              const char          *program);
/* At most this many pages in each pass (default 25). */
void            stk_scanner_set_max_pages    (StkScanner          *self,
                                              guint                max_pages);
void            stk_scanner_set_page_timeout (StkScanner          *self,
                                              guint                seconds);
/* Further arguments for the child (e.g. "--settle", "200"). */
void            stk_scanner_set_extra_args   (StkScanner          *self,
                                              const char * const  *args);

/* Pages finished so far (both passes), items found so far, the pass running (0 before the
 * start). Each is a property with notify, for a progress display. */
guint           stk_scanner_get_pages_done   (StkScanner          *self);
guint           stk_scanner_get_items_found  (StkScanner          *self);
guint           stk_scanner_get_pass         (StkScanner          *self);
/* The page being scanned, or NULL. */
const char     *stk_scanner_get_current_page (StkScanner          *self);

/* Starts the child on @urls. The scan ends by itself, or early after stk_scanner_stop(); either
 * way the result is the report of what was found (a stopped scan says so in its warnings). */
void            stk_scanner_run_async        (StkScanner          *self,
                                              const char * const  *urls,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (transfer full): the finished report, or NULL with @error when the scanner could
 * not run (not installed, no display, a start URL it refused) or broke off. */
StkAuditReport *stk_scanner_run_finish       (StkScanner          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Asks the child to stop (SIGTERM); it ends the scan with what it has found. */
void            stk_scanner_stop             (StkScanner          *self);

G_END_DECLS
