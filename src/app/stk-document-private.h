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

  /* what a worker is doing with the policy */
  guint         loading : 1;
  guint         saving : 1;
  guint         checking : 1;

  guint         modified : 1;
  guint         changed_while_busy : 1;
  guint         settings_looked_up : 1;
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

G_END_DECLS
