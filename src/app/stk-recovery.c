/* stk-recovery.c — unsaved changes kept on disk, so that a crash loses none of them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where. $XDG_STATE_HOME/samtykke/recovery/ (g_get_user_state_dir()), private to the user.
 * Each running editor has a folder of its own there, INSTANCE/, and beside it a lock file,
 * INSTANCE.lock, which it holds locked (flock) for as long as it runs. Each document with
 * unsaved changes has two files in its editor's folder: N.info, a key file saying which policy
 * file the changes belong to (none: untitled), when they were last edited and the stamp of the
 * file they were made over; and N.json, the policy as the core writes it.
 *
 * Which editor is gone. An editor is running exactly while its lock is held: the kernel drops
 * a flock when the process ends, however it ends (a crash, SIGKILL, a power cut), so there is
 * no pid to be reused and no clock to compare. Another editor trying the lock without waiting
 * finds it taken and leaves that folder alone. flock locks belong to the open file, not to the
 * process, so an editor also finds its own folder taken. The lock file is made, and locked,
 * before its folder, so a folder whose lock file is missing was left half cleaned up, never
 * half made. An editor that finds a lock free keeps it while it offers the folder's changes,
 * so that two editors started together do not both offer them.
 *
 * When. A change restarts a pause of STK_RECOVERY_DELAY_MS; then the policy is serialised on
 * the main thread (a worker may not read a model that the user can edit meanwhile, and holding
 * off input while it did would drop keystrokes; see stk-document-io.c), in slices of
 * SERIALISE_SLICE_US while the window is idle, so that even a policy of 100,000 cookies (most
 * of a second to write) holds up typing by no more than a slice and the provider it ends on; a
 * change meanwhile starts it again. Both files are
 * written in a worker, each atomically (g_file_set_contents_full: a temporary file renamed
 * over the old), the key file first: a kill between the two leaves changes one pause older
 * under a newer time, never a record without changes but on the very first write, which the
 * reader drops. The files go when there is nothing unsaved any more (saved, undone back to the
 * saved state, reloaded, replaced by a new policy) and when the window closes, whatever the
 * user answered.
 *
 * Unreadable recovery files are kept. The user is told which file it is and why it cannot be
 * read, and may delete it from there; it is not deleted unasked, since what cannot be read may
 * still hold the only copy of a day's work that someone can rescue by hand.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "stk-recovery-private.h"

#define DATA_KEY "stk-recovery"

/* The editor's own folder ------------------------------------------------------------------ */

static char *instance_dir;
static int instance_lock = -1;
static guint next_entry;

char *
stk_recovery_dup_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "samtykke", "recovery", NULL);
}

static gboolean
ensure_instance (GError **error)
{
  g_autofree char *root = NULL;
  g_autofree char *lock_path = NULL;
  int fd;

  if (instance_dir != NULL)
    return TRUE;

  root = stk_recovery_dup_folder ();
  if (g_mkdir_with_parents (root, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", root,
                   g_strerror (saved));
      return FALSE;
    }

  lock_path = g_build_filename (root, "instance-XXXXXX.lock", NULL);
  fd = g_mkstemp_full (lock_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (lock_path);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", lock_path,
                   g_strerror (saved));
      return FALSE;
    }

  /* The folder is the lock file's name without ".lock". */
  lock_path[strlen (lock_path) - strlen (".lock")] = '\0';
  if (g_mkdir (lock_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", lock_path,
                   g_strerror (saved));
      close (fd);
      return FALSE;
    }

  instance_dir = g_steal_pointer (&lock_path);
  instance_lock = fd;

  return TRUE;
}

void
stk_recovery_shutdown (void)
{
  g_autofree char *lock_path = NULL;

  if (instance_dir == NULL)
    return;

  /* A document still open keeps its changes in the folder for the next start. */
  lock_path = g_strconcat (instance_dir, ".lock", NULL);
  if (g_rmdir (instance_dir) == 0)
    g_unlink (lock_path);
  close (instance_lock);
  instance_lock = -1;
  g_clear_pointer (&instance_dir, g_free);
}

/* Writing ---------------------------------------------------------------------------------- */

#define STK_TYPE_RECOVERY (stk_recovery_get_type ())
G_DECLARE_FINAL_TYPE (StkRecovery, stk_recovery, STK, RECOVERY, GObject)

struct _StkRecovery
{
  GObject       parent_instance;

  /* borrowed: the recovery lives as the document's data */
  StkDocument  *document;

  /* owned */
  GSignalGroup *policy_signals;
  char         *info_path;
  char         *policy_path;
  gint64        edited;        /* real time of the last change, µs */
  guint         write_source;
  StkPolicyWriter *serialiser; /* the policy written a slice at a time, when a write is due */
  guint         serialise_source;

  guint         on_disk : 1;
  guint         writing : 1;
  guint         write_again : 1;
  guint         remove_after : 1;
  guint         wait_idle : 1;
};

G_DEFINE_FINAL_TYPE (StkRecovery, stk_recovery, G_TYPE_OBJECT)

/* How long one slice of writing the policy may take on the main thread. */
#define SERIALISE_SLICE_US 5000

typedef struct
{
  char   *info_path;
  char   *policy_path;
  char   *info;
  GBytes *policy;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->info_path);
  g_free (job->policy_path);
  g_free (job->info);
  g_bytes_unref (job->policy);
  g_free (job);
}

static void
remove_files (StkRecovery *self)
{
  if (self->writing)
    {
      /* The worker would write them again: remove them when it is done. */
      self->remove_after = TRUE;
      return;
    }

  if (self->on_disk)
    {
      g_unlink (self->policy_path);
      g_unlink (self->info_path);
      self->on_disk = FALSE;
    }
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (job->info_path, job->info, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error)
      || !g_file_set_contents_full (job->policy_path, g_bytes_get_data (job->policy, NULL),
                                    g_bytes_get_size (job->policy),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void schedule_write (StkRecovery *self,
                            guint        delay_ms);

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  StkRecovery *self = STK_RECOVERY (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  /* Even a failed write may have left the key file. */
  self->on_disk = TRUE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not keep the unsaved changes for recovery: %s", error->message);

  if (self->remove_after || self->document == NULL)
    {
      self->remove_after = FALSE;
      remove_files (self);
    }
  else if (self->write_again)
    {
      self->write_again = FALSE;
      schedule_write (self, 0);
    }
}

static char *
make_info (StkRecovery *self)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  GFile *file = stk_document_get_file (self->document);
  g_autofree char *stamp = stk_document_dup_stamp (self->document);

  g_key_file_set_integer (info, RECOVERY_GROUP, "Version", 1);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, RECOVERY_GROUP, "File", uri);
    }
  if (stamp != NULL)
    g_key_file_set_string (info, RECOVERY_GROUP, "Stamp", stamp);
  g_key_file_set_int64 (info, RECOVERY_GROUP, "Edited", self->edited);
  g_key_file_set_int64 (info, RECOVERY_GROUP, "Pid", getpid ());

  return g_key_file_to_data (info, NULL, NULL);
}

/* Drops a write being prepared; TRUE when there was one. */
static gboolean
stop_serialising (StkRecovery *self)
{
  if (self->serialiser == NULL)
    return FALSE;

  g_clear_handle_id (&self->serialise_source, g_source_remove);
  g_clear_pointer (&self->serialiser, stk_policy_writer_free);

  return TRUE;
}

static gboolean serialise_step_cb (gpointer user_data);

static void
write_now (StkRecovery *self)
{
  StkPolicy *policy = stk_document_get_policy (self->document);
  g_autoptr(GError) error = NULL;

  if (policy == NULL || !stk_document_get_modified (self->document))
    {
      stop_serialising (self);
      remove_files (self);
      return;
    }

  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }

  /* A worker is reading the policy (saving, checking): it may not change meanwhile, but it
   * may not be read twice at once either (stk-document-io.c). */
  if (stk_document_get_busy (self->document))
    {
      self->wait_idle = TRUE;
      return;
    }

  if (!ensure_instance (&error))
    {
      g_warning ("Could not keep the unsaved changes for recovery: %s", error->message);
      return;
    }
  if (self->info_path == NULL)
    {
      guint n = ++next_entry;
      g_autofree char *info_name = g_strdup_printf ("%u.info", n);
      g_autofree char *policy_name = g_strdup_printf ("%u.json", n);

      self->info_path = g_build_filename (instance_dir, info_name, NULL);
      self->policy_path = g_build_filename (instance_dir, policy_name, NULL);
    }

  stop_serialising (self);
  self->serialiser = stk_policy_writer_new (policy);
  self->serialise_source = g_idle_add (serialise_step_cb, self);
  g_source_set_name_by_id (self->serialise_source, "[samtykke] write changes for recovery");
}

/* The policy is written while the window is idle, in slices of a few milliseconds: a large one
 * takes most of a second to write, which in one piece would hold up typing. Any change to the
 * policy meanwhile drops the slices written so far (stop_serialising). */
static void
serialised (StkRecovery *self,
            GBytes      *policy)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  job = g_new0 (WriteJob, 1);
  job->info_path = g_strdup (self->info_path);
  job->policy_path = g_strdup (self->policy_path);
  job->info = make_info (self);
  job->policy = policy;

  self->writing = TRUE;
  self->remove_after = FALSE;
  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, write_now);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_worker);
}

static gboolean
serialise_step_cb (gpointer user_data)
{
  StkRecovery *self = user_data;

  if (!stk_policy_writer_step (self->serialiser, SERIALISE_SLICE_US))
    return G_SOURCE_CONTINUE;

  self->serialise_source = 0;
  serialised (self, stk_policy_writer_free_to_bytes (g_steal_pointer (&self->serialiser)));

  return G_SOURCE_REMOVE;
}

static gboolean
write_timeout_cb (gpointer user_data)
{
  StkRecovery *self = user_data;

  self->write_source = 0;
  write_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_write (StkRecovery *self,
                guint        delay_ms)
{
  g_clear_handle_id (&self->write_source, g_source_remove);
  self->write_source = g_timeout_add (delay_ms, write_timeout_cb, self);
  g_source_set_name_by_id (self->write_source, "[samtykke] keep changes for recovery");
}

static void
policy_changed_cb (StkRecovery *self)
{
  self->edited = g_get_real_time ();
  self->remove_after = FALSE;
  stop_serialising (self);
  if (stk_document_get_modified (self->document))
    schedule_write (self, STK_RECOVERY_DELAY_MS);
}

static void
modified_changed_cb (StkRecovery *self)
{
  if (stk_document_get_modified (self->document))
    {
      if (self->edited == 0)
        self->edited = g_get_real_time ();
      if (self->write_source == 0)
        schedule_write (self, STK_RECOVERY_DELAY_MS);
    }
  else
    {
      g_clear_handle_id (&self->write_source, g_source_remove);
      stop_serialising (self);
      self->write_again = FALSE;
      remove_files (self);
    }
}

static void
document_policy_cb (StkRecovery *self)
{
  /* Slices of the policy that was there are no use. */
  if (stop_serialising (self))
    schedule_write (self, 0);
  g_signal_group_set_target (self->policy_signals, stk_document_get_policy (self->document));
  modified_changed_cb (self);
}

static void
busy_changed_cb (StkRecovery *self)
{
  /* A worker now reads the policy: it is not read on the main thread at the same time. */
  if (stk_document_get_busy (self->document) && stop_serialising (self))
    self->wait_idle = TRUE;

  if (self->wait_idle && !stk_document_get_busy (self->document))
    {
      self->wait_idle = FALSE;
      schedule_write (self, 0);
    }
}

static void
stk_recovery_finalize (GObject *object)
{
  StkRecovery *self = STK_RECOVERY (object);

  stop_serialising (self);
  g_clear_object (&self->policy_signals);
  g_clear_pointer (&self->info_path, g_free);
  g_clear_pointer (&self->policy_path, g_free);

  G_OBJECT_CLASS (stk_recovery_parent_class)->finalize (object);
}

static void
stk_recovery_class_init (StkRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_recovery_finalize;
}

static void
stk_recovery_init (StkRecovery *self)
{
  self->policy_signals = g_signal_group_new (STK_TYPE_POLICY);
  g_signal_group_connect_object (self->policy_signals, "changed",
                                 G_CALLBACK (policy_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The document is closed (or the recovery detached): its changes need keeping no longer. */
static void
recovery_release (gpointer data)
{
  StkRecovery *self = data;

  g_clear_handle_id (&self->write_source, g_source_remove);
  stop_serialising (self);
  g_signal_group_set_target (self->policy_signals, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->document = NULL;
  self->write_again = FALSE;
  remove_files (self);
  g_object_unref (self);
}

/**
 * stk_recovery_attach:
 * @document: a document shown in a window
 *
 * From now on, a moment after each change the unsaved changes of @document are written where
 * the next start finds them if this one does not end cleanly.
 */
void
stk_recovery_attach (StkDocument *document)
{
  StkRecovery *self;

  g_return_if_fail (STK_IS_DOCUMENT (document));

  if (g_object_get_data (G_OBJECT (document), DATA_KEY) != NULL)
    return;

  self = g_object_new (STK_TYPE_RECOVERY, NULL);
  self->document = document;
  g_signal_connect_object (document, "notify::policy", G_CALLBACK (document_policy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (modified_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Where the policy belongs, and the stamp it was made over, go into the record. */
  g_signal_connect_object (document, "notify::file", G_CALLBACK (modified_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (document), DATA_KEY, self, recovery_release);
  document_policy_cb (self);
}

/**
 * stk_recovery_is_preparing:
 * @document: a document
 *
 * Returns: whether @document's changes are being written out, a slice at a time, before they
 *   go to the recovery folder
 */
gboolean
stk_recovery_is_preparing (StkDocument *document)
{
  StkRecovery *self;

  g_return_val_if_fail (STK_IS_DOCUMENT (document), FALSE);

  self = g_object_get_data (G_OBJECT (document), DATA_KEY);

  return self != NULL && self->serialiser != NULL;
}

/**
 * stk_recovery_detach:
 * @document: a document
 *
 * The document is closed: its recovery files, if any, are removed.
 */
void
stk_recovery_detach (StkDocument *document)
{
  g_return_if_fail (STK_IS_DOCUMENT (document));

  g_object_set_data (G_OBJECT (document), DATA_KEY, NULL);
}

/* The files of changes restored into @document become its own: the changes are on disk all
 * along. Where they cannot be moved into this editor's folder they are written anew at once. */
void
_stk_recovery_adopt (StkDocument *document,
                     const char  *policy_path,
                     const char  *info_path,
                     gint64       edited)
{
  StkRecovery *recovery = g_object_get_data (G_OBJECT (document), DATA_KEY);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (recovery != NULL);

  recovery->edited = edited;
  if (!recovery->writing && ensure_instance (&error))
    {
      guint n = ++next_entry;
      g_autofree char *info_name = g_strdup_printf ("%u.info", n);
      g_autofree char *policy_name = g_strdup_printf ("%u.json", n);
      g_autofree char *own_info = g_build_filename (instance_dir, info_name, NULL);
      g_autofree char *own_policy = g_build_filename (instance_dir, policy_name, NULL);

      remove_files (recovery);
      if (g_rename (policy_path, own_policy) == 0 && g_rename (info_path, own_info) == 0)
        {
          g_free (recovery->info_path);
          g_free (recovery->policy_path);
          recovery->info_path = g_steal_pointer (&own_info);
          recovery->policy_path = g_steal_pointer (&own_policy);
          recovery->on_disk = TRUE;
          return;
        }
    }

  schedule_write (recovery, 0);
  g_unlink (policy_path);
  g_unlink (info_path);
}
