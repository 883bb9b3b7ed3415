/* stk-document-read.c — reading a document's policy in a worker thread, such as for an export
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An export of a policy with 100,000 cookies takes a second or more, too long to hold the
 * window. It reads the model the window shows, so it follows the rule stk-document-io.c
 * describes for checking and saving: while the worker runs the document is busy, and the
 * window holds off every input that could edit and disables the actions that edit or replace
 * the document. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-document-private.h"
#include "stk-document-read.h"

typedef struct
{
  StkPolicy           *policy;
  StkDocumentReadFunc  func;
  gpointer             data;
  GDestroyNotify       data_free;
  GDestroyNotify       result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_object (&job->policy);
  g_free (job);
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gpointer result;

  result = job->func (job->policy, job->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StkDocument *self = STK_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer value;

  g_clear_pointer (&self->reading, g_free);
  _stk_document_set_activity (self, FALSE, FALSE, FALSE);
  if (self->changed_while_busy)
    _stk_document_schedule_validation (self, 0);

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, job->result_free);
}

/**
 * stk_document_read_async:
 * @self: a document that holds a policy
 * @doing: what the reading is for, as the window says it while busy (“Exporting…”)
 * @func: what reads the policy, in a worker thread
 * @data: (nullable): for @func
 * @data_free: (nullable): frees @data once the worker is done
 * @result_free: (nullable): frees what @func returns, when nobody takes it
 * @cancellable: (nullable): handed to @func
 * @callback: called on the main thread when @func has returned
 * @user_data: for @callback
 *
 * Runs @func on the document's policy in a worker thread; the document is busy meanwhile, so
 * that nothing changes the policy while it is read.
 *
 * Fails with %G_IO_ERROR_BUSY while the document is loading, saving or being read.
 */
void
stk_document_read_async (StkDocument          *self,
                         const char           *doing,
                         StkDocumentReadFunc   func,
                         gpointer              data,
                         GDestroyNotify        data_free,
                         GDestroyNotify        result_free,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *worker;
  ReadJob *job;

  g_return_if_fail (STK_IS_DOCUMENT (self));
  g_return_if_fail (doing != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReadJob, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stk_document_read_async);

  if (stk_document_get_busy (self) || self->policy == NULL)
    {
      read_job_free (job);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The policy is being opened or saved"));
      return;
    }

  job->policy = g_object_ref (self->policy);
  _stk_document_ensure_texts (self->policy);
  self->changed_while_busy = FALSE;
  self->reading = g_strdup (doing);
  _stk_document_set_activity (self, FALSE, FALSE, TRUE);

  worker = g_task_new (self, cancellable, read_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, read_worker);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (worker, read_worker);
  g_object_unref (worker);
}

/**
 * stk_document_read_finish:
 * @self: a document
 * @result: the result handed to the callback
 * @error: where the reader's failure goes
 *
 * Returns: (transfer full) (nullable): what the reader returned, or %NULL with @error set
 */
gpointer
stk_document_read_finish (StkDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stk_document_read_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
