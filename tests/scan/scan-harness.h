/* scan-harness.h — runs samtykke-test-site and samtykke-scan for the scan tests, and reads
 * what the scanner wrote
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The limit of one run of the scanner, in seconds. Under the sanitizers every program is
 * slower: SCAN_SLOWDOWN (from the build) multiplies the limits. */
#define SCAN_TIMEOUT 90

/* The test site: samtykke-test-site, on 127.0.0.1, .2 and .3. */
typedef struct
{
  GSubprocess *process;
  char        *site;          /* "http://127.0.0.1:P/" */
  char        *third_party;
  char        *other;
  char        *log;
  char        *export_dir;
} TestSite;

/* One run of the scanner: its exit status, what it wrote, and its events. */
typedef struct
{
  int        status;       /* exit status, or -1 when it did not exit by itself */
  GPtrArray *lines;
  GPtrArray *events;       /* JsonObject */
  char      *err;
  double     seconds;
  double     end_after_cancel;   /* seconds from SIGTERM to the end event */
  double     exit_after_cancel;  /* seconds from SIGTERM to the exit */
} ScanRun;

void        test_site_free  (TestSite            *site);
TestSite   *test_site_start (gboolean             with_banner);
char       *site_url        (TestSite            *site,
                             const char          *path);
JsonArray  *site_log        (TestSite            *site);
guint       count_requests  (JsonArray           *log,
                             const char          *host,
                             const char          *path);

/* Called while the scanner runs, with its process. */
typedef void (*ScanHook) (GSubprocess *process,
                          gpointer     data);

void        scan_run_free   (ScanRun             *run);
ScanRun    *run_scan_full   (const char * const  *args,
                             char               **environment,
                             guint                cancel_after_pages,
                             ScanHook             before_cancel,
                             gpointer             hook_data);
ScanRun    *run_scan        (const char * const  *args);
double      scan_seconds    (void);

const char *event_name      (JsonObject          *event);
GPtrArray  *events_of       (ScanRun             *run,
                             const char          *name,
                             gint64               pass);
JsonObject *find_event      (ScanRun             *run,
                             const char          *name,
                             gint64               pass,
                             const char          *member,
                             const char          *value);
char       *members_of      (ScanRun             *run,
                             const char          *name,
                             gint64               pass,
                             const char          *member);
char       *page_paths      (ScanRun             *run,
                             TestSite            *site,
                             gint64               pass);
gboolean    is_null         (JsonObject          *object,
                             const char          *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanRun, scan_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSite, test_site_free)

G_END_DECLS
