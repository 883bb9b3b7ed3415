/* stk-recovery-entry.c — finding the changes of editors that did not end cleanly, and
 * restoring or discarding them
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the folders are told apart, and what is in them: stk-recovery.c. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "stk-recovery-private.h"

/* Reading ---------------------------------------------------------------------------------- */

/* A folder left by an editor that is gone; locked while its changes are offered. */
typedef struct
{
  char *path;
  char *lock_path;
  int   lock;
  gboolean ours;   /* its editor is gone, and no other editor is offering it */
} Orphan;

static void
orphan_clear (Orphan *orphan)
{
  /* Gone once its last entry was restored or discarded; otherwise offered next time. */
  if (orphan->ours && g_rmdir (orphan->path) == 0)
    g_unlink (orphan->lock_path);
  if (orphan->lock >= 0)
    close (orphan->lock);
  g_free (orphan->path);
  g_free (orphan->lock_path);
}

static void
orphan_unref (Orphan *orphan)
{
  g_rc_box_release_full (orphan, (GDestroyNotify) orphan_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Orphan, orphan_unref)

struct _StkRecoveryEntry
{
  GObject    parent_instance;

  Orphan    *orphan;
  char      *info_path;
  char      *policy_path;
  GFile     *file;
  GDateTime *edited;
  char      *stamp;
  StkPolicy *policy;
  char      *error;
};

G_DEFINE_FINAL_TYPE (StkRecoveryEntry, stk_recovery_entry, G_TYPE_OBJECT)

static void
stk_recovery_entry_finalize (GObject *object)
{
  StkRecoveryEntry *self = STK_RECOVERY_ENTRY (object);

  g_clear_pointer (&self->orphan, orphan_unref);
  g_clear_pointer (&self->info_path, g_free);
  g_clear_pointer (&self->policy_path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->edited, g_date_time_unref);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_object (&self->policy);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (stk_recovery_entry_parent_class)->finalize (object);
}

static void
stk_recovery_entry_class_init (StkRecoveryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_recovery_entry_finalize;
}

static void
stk_recovery_entry_init (StkRecoveryEntry *self)
{
}

/* In a worker: one entry of @orphan, from its key file @name. */
static StkRecoveryEntry *
read_entry (Orphan     *orphan,
            const char *name)
{
  StkRecoveryEntry *self = g_object_new (STK_TYPE_RECOVERY_ENTRY, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".info"));
  g_autofree char *policy_name = g_strconcat (stem, ".json", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) policy_file = NULL;
  gint64 edited;

  self->orphan = g_rc_box_acquire (orphan);
  self->info_path = g_build_filename (orphan->path, name, NULL);
  self->policy_path = g_build_filename (orphan->path, policy_name, NULL);

  if (!g_key_file_load_from_file (info, self->info_path, G_KEY_FILE_NONE, &error))
    {
      self->error = g_strdup_printf ("%s: %s", self->info_path, error->message);
      return self;
    }

  edited = g_key_file_get_int64 (info, RECOVERY_GROUP, "Edited", &error);
  if (error != NULL)
    {
      self->error = g_strdup_printf ("%s: %s", self->info_path, error->message);
      return self;
    }
  self->edited = g_date_time_new_from_unix_local (edited / G_USEC_PER_SEC);
  uri = g_key_file_get_string (info, RECOVERY_GROUP, "File", NULL);
  if (uri != NULL)
    self->file = g_file_new_for_uri (uri);
  self->stamp = g_key_file_get_string (info, RECOVERY_GROUP, "Stamp", NULL);

  policy_file = g_file_new_for_path (self->policy_path);
  self->policy = stk_policy_load_file (policy_file, &error);
  if (self->policy == NULL)
    self->error = g_strdup (error->message);

  return self;
}

static void
read_orphan (const char *root,
             const char *name,
             GPtrArray  *entries)
{
  g_autoptr(Orphan) orphan = g_rc_box_new0 (Orphan);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *child;

  orphan->path = g_build_filename (root, name, NULL);
  orphan->lock_path = g_strconcat (orphan->path, ".lock", NULL);
  orphan->lock = open (orphan->lock_path, O_RDWR | O_CLOEXEC);
  if (orphan->lock < 0 && errno != ENOENT)
    return;
  if (orphan->lock >= 0 && flock (orphan->lock, LOCK_EX | LOCK_NB) != 0)
    return;   /* its editor is running (this one's own folder too) */
  orphan->ours = TRUE;

  dir = g_dir_open (orphan->path, 0, NULL);
  if (dir == NULL)
    return;
  while ((child = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (child));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);

      if (g_str_has_suffix (file_name, ".info"))
        {
          g_autofree char *stem = g_strndup (file_name, strlen (file_name) - strlen (".info"));
          g_autofree char *policy_name = g_strconcat (stem, ".json", NULL);
          g_autofree char *policy_path = g_build_filename (orphan->path, policy_name, NULL);

          /* The first write was cut short before the changes: there is nothing to offer. */
          if (!g_file_test (policy_path, G_FILE_TEST_EXISTS))
            {
              g_autofree char *info_path = g_build_filename (orphan->path, file_name, NULL);

              g_unlink (info_path);
              continue;
            }
          g_ptr_array_add (entries, read_entry (orphan, file_name));
        }
    }
}

static void
find_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *root = stk_recovery_dup_folder ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        read_orphan (root, name, entries);
      else if (g_str_has_suffix (name, ".lock"))
        {
          /* A lock without its folder: left when a clean exit was cut short. */
          g_autofree char *folder = g_strndup (path, strlen (path) - strlen (".lock"));
          int fd;

          if (g_file_test (folder, G_FILE_TEST_EXISTS))
            continue;
          fd = open (path, O_RDWR | O_CLOEXEC);
          if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) == 0)
            g_unlink (path);
          if (fd >= 0)
            close (fd);
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * stk_recovery_find_async:
 * @cancellable: (nullable): a cancellable
 * @callback: called with what was found
 * @user_data: for @callback
 *
 * Looks, in a worker, for the changes that editors no longer running left behind, and reads
 * them. The folders they are in stay locked, for this editor alone, until their entries are
 * freed.
 */
void
stk_recovery_find_async (GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, stk_recovery_find_async);
  g_task_run_in_thread (task, find_worker);
}

GPtrArray *
stk_recovery_find_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer none) (nullable): the policy file the changes belong to; NULL: untitled */
GFile *
stk_recovery_entry_get_file (StkRecoveryEntry *self)
{
  g_return_val_if_fail (STK_IS_RECOVERY_ENTRY (self), NULL);

  return self->file;
}

/* Returns: (transfer none) (nullable): when the changes were last edited */
GDateTime *
stk_recovery_entry_get_edited (StkRecoveryEntry *self)
{
  g_return_val_if_fail (STK_IS_RECOVERY_ENTRY (self), NULL);

  return self->edited;
}

/* Returns: (transfer none) (nullable): the changes; NULL when they could not be read */
StkPolicy *
stk_recovery_entry_get_policy (StkRecoveryEntry *self)
{
  g_return_val_if_fail (STK_IS_RECOVERY_ENTRY (self), NULL);

  return self->policy;
}

/* Returns: (nullable): why the changes could not be read, naming the file */
const char *
stk_recovery_entry_get_error (StkRecoveryEntry *self)
{
  g_return_val_if_fail (STK_IS_RECOVERY_ENTRY (self), NULL);

  return self->error;
}

/* Returns: the recovery file of the changes themselves */
const char *
stk_recovery_entry_get_path (StkRecoveryEntry *self)
{
  g_return_val_if_fail (STK_IS_RECOVERY_ENTRY (self), NULL);

  return self->policy_path;
}

void
stk_recovery_entry_restore (StkRecoveryEntry *self,
                            StkDocument      *document)
{
  g_return_if_fail (STK_IS_RECOVERY_ENTRY (self));
  g_return_if_fail (STK_IS_DOCUMENT (document));
  g_return_if_fail (self->policy != NULL);

  stk_recovery_attach (document);
  stk_document_set_recovered (document, self->policy, self->file, self->stamp);
  _stk_recovery_adopt (document, self->policy_path, self->info_path,
                       g_date_time_to_unix (self->edited) * G_USEC_PER_SEC);
}

void
stk_recovery_entry_discard (StkRecoveryEntry *self)
{
  g_return_if_fail (STK_IS_RECOVERY_ENTRY (self));

  g_unlink (self->policy_path);
  g_unlink (self->info_path);
}

/* Showing when -------------------------------------------------------------------------------- */

char *
stk_recovery_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  int y, m, d;
  int ny, nm, nd;
  int yy, ym, yd;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (now, &ny, &nm, &nd);
  g_date_time_get_ymd (yesterday, &yy, &ym, &yd);

  if (y == ny && m == nm && d == nd)
    /* Translators: when changes were last edited, as a g_date_time_format() format. */
    return g_date_time_format (local, _("today at %H:%M"));
  if (y == yy && m == ym && d == yd)
    /* Translators: when changes were last edited, as a g_date_time_format() format. */
    return g_date_time_format (local, _("yesterday at %H:%M"));
  /* Translators: when changes were last edited, as a g_date_time_format() format. */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}
