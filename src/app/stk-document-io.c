/* stk-document-io.c — reading and saving a StkDocument's policy in worker threads
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Threads. Reading a file, the first check of what was read, and saving run in worker threads,
 * so that the window stays responsive with a policy of 100,000 cookies (reading it takes about
 * a second, checking it 0.1–0.2 s, writing it 0.5–1 s). The model is plain GObjects without
 * locks, so one rule holds: a worker reads a policy only while nothing on the main thread can
 * change it.
 *
 * - Reading builds a new model in the worker. Nothing else can reach it until the worker has
 *   finished and the main thread takes it.
 * - Checking a freshly read policy, and saving, read the model the window shows. While they
 *   run the document is busy: the window holds off every input that could edit and disables
 *   its actions (stk-window.c), and the document refuses to load, save or take another policy.
 *   The main thread may read meanwhile (pages, preview, a check after an earlier edit): readers
 *   do not disturb each other, and the one getter that creates something,
 *   stk_policy_get_text() for a text the policy lacks, has been called for every text before
 *   any worker starts, so that from then on it only looks up.
 * - Checks after an edit run on the main thread, after a pause in typing. A worker would need
 *   the edits held off for as long as it runs, and holding off the keyboard whenever the user
 *   pauses would lose keystrokes, which is worse than a short delay.
 *
 * Saving writes to a temporary file, flushes it to disk and renames it over the old one
 * (stk_policy_save_file()), so the file on disk is always a whole policy.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-document-private.h"

typedef struct
{
  GFile       *file;
  char        *stamp;     /* the file's stamp just before it was read (stk-document-watch.c) */
  StkProgress *progress;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_free (job->stamp);
  g_clear_pointer (&job->progress, stk_progress_unref);
  g_free (job);
}

typedef struct
{
  StkPolicy *policy;
  GFile     *file;
  /* Saving over the document's own file: the stamps it may have (stk-document-watch.c). */
  gboolean   check_stamp;
  char      *known_stamp;
  char      *kept_stamp;
  gboolean   kept_set;
  char      *stamp;       /* the file's stamp after writing, or the one that stopped it */
  StkProgress *progress;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->policy);
  g_clear_object (&job->file);
  g_free (job->known_stamp);
  g_free (job->kept_stamp);
  g_free (job->stamp);
  g_clear_pointer (&job->progress, stk_progress_unref);
  g_free (job);
}

/* Loading ---------------------------------------------------------------------------------- */

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  StkPolicy *policy;

  job->stamp = _stk_document_query_stamp (job->file);
  /* The reader reports how far it has come, and gives way while the window draws. */
  stk_progress_push (job->progress);
  policy = stk_policy_load_file (job->file, &error);
  stk_progress_pop ();
  if (policy == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The new model is this thread's alone until the main thread takes it. */
  _stk_document_ensure_texts (policy);
  g_task_return_pointer (task, policy, g_object_unref);
}

static void
check_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(StkProgress) progress = stk_progress_new ();
  GListModel *findings;

  /* No one shows how far the check has come; it gives way to the window's frames. */
  stk_progress_push (progress);
  findings = stk_policy_validate (STK_POLICY (task_data));
  stk_progress_pop ();

  g_task_return_pointer (task, findings, g_object_unref);
}

static void
load_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StkDocument *self = STK_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) findings = g_task_propagate_pointer (G_TASK (result), NULL);

  _stk_document_set_findings (self, findings);
  _stk_document_set_activity (self, FALSE, FALSE, FALSE);
  if (self->changed_while_busy)
    _stk_document_schedule_validation (self, 0);

  g_task_return_boolean (task, TRUE);
}

static void
load_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StkDocument *self = STK_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = g_task_propagate_pointer (G_TASK (result), &error);
  GTask *check;

  if (policy == NULL)
    {
      /* The current policy stays, with the reason the file did not open. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _stk_document_set_load_error (self, error->message);
      _stk_document_set_activity (self, FALSE, FALSE, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The window shows the new policy now; checking it takes a moment more, and edits wait for
   * that (the document stays busy). */
  self->changed_while_busy = FALSE;
  _stk_document_set_activity (self, TRUE, FALSE, TRUE);
  _stk_document_take_policy (self, policy, self->load_file);
  _stk_document_watch_loaded (self, ((ReadJob *) g_task_get_task_data (G_TASK (result)))->stamp);
  _stk_document_set_load_error (self, NULL);
  _stk_document_set_activity (self, FALSE, FALSE, TRUE);

  check = g_task_new (self, NULL, load_checked_cb, g_steal_pointer (&task));
  g_task_set_source_tag (check, check_worker);
  g_task_set_task_data (check, g_object_ref (policy), g_object_unref);
  /* Not deferred to an idle moment: while the window animates (a spinner) on a slow
   * renderer, frames can follow each other without one, and the document would stay busy. */
  g_task_run_in_thread (check, check_worker);
  g_object_unref (check);
}

/**
 * stk_document_load_async:
 * @self: a document
 * @file: the policy file to read
 * @cancellable: (nullable): cancels the load before the policy is replaced
 * @callback: called when the document holds the file's policy, checked, or has failed
 * @user_data: for @callback
 *
 * Reads @file in a worker thread. On success the document holds the new policy, untouched,
 * with @file as its file; it then checks the policy in a worker too, and @callback runs when
 * the findings are in and the document may be edited. On failure the current policy stays and
 * #StkDocument:load-error holds the reason, naming the file, line and column.
 *
 * Fails with %G_IO_ERROR_BUSY while the document is loading or saving.
 */
void
stk_document_load_async (StkDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *read;
  ReadJob *job;

  g_return_if_fail (STK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stk_document_load_async);

  if (stk_document_get_busy (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The policy is being opened or saved"));
      return;
    }

  g_set_object (&self->load_file, file);
  _stk_document_set_activity (self, TRUE, FALSE, FALSE);

  read = g_task_new (self, cancellable, load_read_cb, g_steal_pointer (&task));
  g_task_set_source_tag (read, read_worker);
  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  job->progress = stk_progress_new ();
  _stk_document_begin_progress (self, job->progress);
  g_task_set_task_data (read, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (read, read_worker);
  g_object_unref (read);
}

/**
 * stk_document_load_finish:
 * @self: a document
 * @result: the result handed to the callback
 * @error: where to put the reason the file did not load
 *
 * Returns: whether the document now holds the file's policy
 */
gboolean
stk_document_load_finish (StkDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stk_document_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Letting go of a policy ------------------------------------------------------------------- */

static gpointer
release_worker (gpointer data)
{
  g_object_unref (data);

  return NULL;
}

/* Drops the document's previous @policy. Freeing a policy of 100,000 cookies takes a few
 * hundred milliseconds, so when the document held the last reference it is freed in a thread
 * of its own: the pages have let go of it by then (they follow StkDocument:policy), and
 * nothing on the main thread can reach it any more. A policy someone else still holds stays
 * theirs to free. */
void
_stk_document_release_policy (StkPolicy *policy)
{
  GThread *thread;

  if (policy == NULL)
    return;

  if (g_atomic_int_get (&G_OBJECT (policy)->ref_count) > 1)
    {
      g_object_unref (policy);
      return;
    }

  thread = g_thread_try_new ("stk-release", release_worker, policy, NULL);
  if (thread == NULL)
    g_object_unref (policy);
  else
    g_thread_unref (thread);
}

/* Saving ----------------------------------------------------------------------------------- */

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (job->check_stamp)
    {
      job->stamp = _stk_document_query_stamp (job->file);
      if (job->stamp != NULL && g_strcmp0 (job->stamp, job->known_stamp) != 0
          && !(job->kept_set && g_strcmp0 (job->stamp, job->kept_stamp) == 0))
        {
          g_autofree char *name = g_file_get_basename (job->file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   /* Translators: %s is a file name. */
                                   _("“%s” changed on disk since it was opened"), name);
          return;
        }
    }

  stk_progress_push (job->progress);
  saved = stk_policy_save_file (job->policy, job->file, &error);
  stk_progress_pop ();
  if (!saved)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_free (job->stamp);
      job->stamp = _stk_document_query_stamp (job->file);
      g_task_return_boolean (task, TRUE);
    }
}

static void
save_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StkDocument *self = STK_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SaveJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        _stk_document_watch_conflict (self, job->stamp);
      _stk_document_set_activity (self, FALSE, FALSE, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _stk_document_set_file (self, job->file);
  _stk_document_watch_saved (self, job->stamp);
  /* The file holds the policy as it was when the save began, which is how it still is. */
  if (!self->changed_while_busy)
    stk_history_mark_saved (stk_policy_get_history (job->policy));
  _stk_document_update_modified (self);
  _stk_document_set_activity (self, FALSE, FALSE, FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * stk_document_save_async:
 * @self: a document that holds a policy
 * @file: (nullable): where to save; NULL for the document's own file
 * @cancellable: (nullable): unused: a save, once begun, runs to its end so that its result
 *   tells what is on disk
 * @callback: called when the file is written or writing it failed
 * @user_data: for @callback
 *
 * Writes the policy in a worker thread, atomically: a temporary file, flushed to disk, renamed
 * over @file. The document is busy meanwhile. On success @file becomes the document's file and
 * the policy counts as saved.
 *
 * Fails with %G_IO_ERROR_BUSY while the document is loading or saving, and with
 * %G_IO_ERROR_WRONG_ETAG, writing nothing, when @file is the document's own file and another
 * program changed it since it was read or saved, unless stk_document_keep_mine() set that
 * change aside (stk-document-watch.c).
 */
void
stk_document_save_async (StkDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *write;
  SaveJob *job;

  g_return_if_fail (STK_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stk_document_save_async);
  g_task_set_check_cancellable (task, FALSE);

  if (stk_document_get_busy (self) || self->policy == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The policy is being opened or saved"));
      return;
    }

  job = g_new0 (SaveJob, 1);
  job->policy = g_object_ref (self->policy);
  job->file = g_object_ref (file != NULL ? file : self->file);
  job->check_stamp = _stk_document_files_equal (job->file, self->file)
                     && self->known_stamp != NULL;
  job->known_stamp = g_strdup (self->known_stamp);
  job->kept_stamp = g_strdup (self->kept_stamp);
  job->kept_set = self->kept_set;
  job->progress = stk_progress_new ();

  _stk_document_ensure_texts (self->policy);
  self->changed_while_busy = FALSE;
  _stk_document_set_activity (self, FALSE, TRUE, FALSE);
  _stk_document_begin_progress (self, job->progress);

  write = g_task_new (self, NULL, save_written_cb, g_steal_pointer (&task));
  g_task_set_source_tag (write, save_worker);
  g_task_set_task_data (write, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (write, save_worker);
  g_object_unref (write);
}

/**
 * stk_document_save_finish:
 * @self: a document
 * @result: the result handed to the callback
 * @error: where to put the reason the file was not written
 *
 * Returns: whether the file was written
 */
gboolean
stk_document_save_finish (StkDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stk_document_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
