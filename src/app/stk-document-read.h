/* stk-document-read.h — reading a document's policy in a worker thread, such as for an export
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-document.h"

G_BEGIN_DECLS

/**
 * StkDocumentReadFunc:
 * @policy: the document's policy, which nothing changes while the function runs
 * @data: what the caller gave
 * @cancellable: (nullable): the caller's cancellable
 * @error: where a failure goes
 *
 * Runs in a worker thread; it may only read @policy.
 *
 * Returns: (transfer full) (nullable): a result for stk_document_read_finish(), or %NULL with
 *   @error set
 */
typedef gpointer (*StkDocumentReadFunc) (StkPolicy     *policy,
                                         gpointer       data,
                                         GCancellable  *cancellable,
                                         GError       **error);

void     stk_document_read_async  (StkDocument          *self,
                                   const char           *doing,
                                   StkDocumentReadFunc   func,
                                   gpointer              data,
                                   GDestroyNotify        data_free,
                                   GDestroyNotify        result_free,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gpointer stk_document_read_finish (StkDocument          *self,
                                   GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
