/* stk-document.h — one open policy: its file, unsaved changes, findings, loading and saving
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "stk-core.h"

G_BEGIN_DECLS

/**
 * StkDiskChange:
 * @STK_DISK_CHANGE_NONE: the file is as the document last read or saved it, or the user chose
 *   to keep their version over the change
 * @STK_DISK_CHANGE_CHANGED: another program changed the file
 * @STK_DISK_CHANGE_DELETED: another program deleted the file (saving creates it again)
 *
 * What happened to a document's file on disk since it was read or saved.
 */
typedef enum
{
  STK_DISK_CHANGE_NONE,
  STK_DISK_CHANGE_CHANGED,
  STK_DISK_CHANGE_DELETED,
} StkDiskChange;

#define STK_TYPE_DISK_CHANGE (stk_disk_change_get_type ())
GType stk_disk_change_get_type (void);

#define STK_TYPE_DOCUMENT (stk_document_get_type ())
G_DECLARE_FINAL_TYPE (StkDocument, stk_document, STK, DOCUMENT, GObject)

StkDocument *stk_document_new                    (void);

StkPolicy   *stk_document_get_policy             (StkDocument          *self);
GFile       *stk_document_get_file               (StkDocument          *self);
char        *stk_document_dup_title              (StkDocument          *self);
gboolean     stk_document_get_modified           (StkDocument          *self);
GListModel  *stk_document_get_findings           (StkDocument          *self);
gboolean     stk_document_get_busy               (StkDocument          *self);
gboolean     stk_document_get_loading            (StkDocument          *self);
gboolean     stk_document_get_saving             (StkDocument          *self);
double       stk_document_get_progress           (StkDocument          *self);
const char  *stk_document_get_activity           (StkDocument          *self);
const char  *stk_document_get_load_error         (StkDocument          *self);
GFile       *stk_document_get_load_file          (StkDocument          *self);
StkDiskChange stk_document_get_disk_change       (StkDocument          *self);
void         stk_document_keep_mine              (StkDocument          *self);
void         stk_document_check_disk             (StkDocument          *self);
void         stk_document_set_recovered          (StkDocument          *self,
                                                  StkPolicy            *policy,
                                                  GFile                *file,
                                                  const char           *stamp);
char        *stk_document_dup_stamp              (StkDocument          *self);

void         stk_document_set_policy             (StkDocument          *self,
                                                  StkPolicy            *policy,
                                                  GFile                *file);
void         stk_document_load_async             (StkDocument          *self,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     stk_document_load_finish            (StkDocument          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void         stk_document_save_async             (StkDocument          *self,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     stk_document_save_finish            (StkDocument          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void         stk_document_validate_now           (StkDocument          *self);

GFile       *stk_document_dup_export_folder      (StkDocument          *self);
void         stk_document_remember_export_folder (StkDocument          *self,
                                                  GFile                *folder);
const char  *stk_document_get_accepted_warnings  (StkDocument          *self);
void         stk_document_set_accepted_warnings  (StkDocument          *self,
                                                  const char           *warnings);

G_END_DECLS
