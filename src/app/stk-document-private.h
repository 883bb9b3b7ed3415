/* stk-document-private.h — what the files of StkDocument share: its fields and inner steps
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-document.h"

G_BEGIN_DECLS

struct _StkDocument
{
  GObject       parent_instance;

  /* owned */
  StkPolicy    *policy;
  GFile        *file;
  GListStore   *findings;
  GSignalGroup *policy_signals;
  GSignalGroup *history_signals;
  char         *title;
  char         *load_error;
  GFile        *load_file;
  GSettings    *settings;
  GFile        *export_folder;
  char         *accepted_warnings;
  guint         validate_source;
  char         *reading;        /* what a reader (stk-document-read.c) is doing, or NULL */
  StkProgress  *progress;       /* the worker's, while loading or saving */
  guint         progress_source;
  double        fraction;

  /* watching the file on disk (stk-document-watch.c); a stamp is NULL when not known */
  GFileMonitor *monitor;
  GFile        *monitored;
  GCancellable *check_cancellable;
  char         *known_stamp;    /* the file as it was loaded or saved */
  char         *disk_stamp;     /* the file as it was last seen */
  char         *kept_stamp;     /* the change the user chose to keep their version over */
  guint         check_source;
  StkDiskChange disk_change;

  /* what a worker is doing with the policy */
  guint         loading : 1;
  guint         saving : 1;
  guint         checking : 1;

  guint         modified : 1;
  guint         changed_while_busy : 1;
  guint         settings_looked_up : 1;
  guint         kept_set : 1;
  guint         recheck_when_idle : 1;
};

gboolean _stk_document_files_equal         (GFile       *a,
                                            GFile       *b);
void     _stk_document_ensure_texts        (StkPolicy   *policy);
void     _stk_document_set_activity        (StkDocument *self,
                                            gboolean     loading,
                                            gboolean     saving,
                                            gboolean     checking);
void     _stk_document_update_modified     (StkDocument *self);
void     _stk_document_set_load_error      (StkDocument *self,
                                            const char  *message);
void     _stk_document_set_file            (StkDocument *self,
                                            GFile       *file);
void     _stk_document_set_findings        (StkDocument *self,
                                            GListModel  *findings);
void     _stk_document_schedule_validation (StkDocument *self,
                                            guint        delay_ms);
void     _stk_document_take_policy         (StkDocument *self,
                                            StkPolicy   *policy,
                                            GFile       *file);
void     _stk_document_release_policy      (StkPolicy   *policy);
void     _stk_document_begin_progress      (StkDocument *self,
                                            StkProgress *progress);
void     _stk_document_end_progress        (StkDocument *self);

/* stk-document-watch.c */
char    *_stk_document_query_stamp         (GFile       *file);
void     _stk_document_set_disk_change     (StkDocument *self,
                                            StkDiskChange change);
void     _stk_document_watch_file          (StkDocument *self);
void     _stk_document_watch_loaded        (StkDocument *self,
                                            const char  *stamp);
void     _stk_document_watch_saved         (StkDocument *self,
                                            const char  *stamp);
void     _stk_document_watch_conflict      (StkDocument *self,
                                            const char  *stamp);
void     _stk_document_watch_idle          (StkDocument *self);
void     _stk_document_watch_dispose       (StkDocument *self);

G_END_DECLS
