/* stk-document-watch.c — noticing when another program changes or deletes a document's file
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A file's stamp is what identifies one version of it without reading it: its entity tag
 * (modification time to the microsecond), size, inode and device. Saving atomically (our own
 * saves, git, most editors) gives the file a new inode, so even a rewrite within the same
 * microsecond and of the same size shows.
 *
 * The document remembers the stamp of the file as it read or saved it (the stamp is taken in
 * the worker, before reading and after writing, so a change in between shows as a change).
 * A monitor on the file wakes a check a moment after the last event; the check takes the
 * stamp again, off the main thread, and compares. The events of our own saves find the stamp
 * the save noted and so change nothing. The monitor watches moves too: a file renamed over
 * ours (how atomic savers write) is reported as a rename to our name, a file renamed away as
 * one from it; either way the check looks at what is on disk now.
 *
 * Saving to the document's own file checks the stamp again in the worker, just before
 * writing: a file that changed since it was read, and that the user did not choose to keep
 * their version over ("Keep Mine"), is not overwritten; the save fails with
 * G_IO_ERROR_WRONG_ETAG and the window asks. A deleted file is simply written again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-document-private.h"

#define STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                         G_FILE_ATTRIBUTE_UNIX_INODE "," G_FILE_ATTRIBUTE_UNIX_DEVICE

/* Writing a file raises several events; one check after the last. */
#define CHECK_DELAY_MS 100

static char *
stamp_from_info (GFileInfo *info)
{
  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT "/%" G_GUINT64_FORMAT "/%u",
                          g_file_info_get_etag (info) != NULL ? g_file_info_get_etag (info) : "",
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE));
}

/* For workers. Returns: (transfer full) (nullable): @file's stamp; NULL when it does not exist
 * or cannot be looked at. */
char *
_stk_document_query_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, STAMP_ATTRIBUTES,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? stamp_from_info (info) : NULL;
}

static void
set_stamp (char       **where,
           const char  *stamp)
{
  if (*where != stamp)
    {
      g_free (*where);
      *where = g_strdup (stamp);
    }
}

/* What the stamp on disk means, given what the document knows. */
static void
judge (StkDocument *self)
{
  if (self->known_stamp == NULL)
    return;

  if (g_strcmp0 (self->disk_stamp, self->known_stamp) == 0
      || (self->kept_set && g_strcmp0 (self->disk_stamp, self->kept_stamp) == 0))
    _stk_document_set_disk_change (self, STK_DISK_CHANGE_NONE);
  else if (self->disk_stamp == NULL)
    _stk_document_set_disk_change (self, STK_DISK_CHANGE_DELETED);
  else
    _stk_document_set_disk_change (self, STK_DISK_CHANGE_CHANGED);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StkDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, &error);
  g_autofree char *stamp = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->check_cancellable);

  /* The answer is about a file the document no longer has. */
  if (!_stk_document_files_equal (G_FILE (object), self->file))
    return;

  /* A load or save sets the stamp itself when it ends; look again after it. */
  if (stk_document_get_busy (self))
    {
      self->recheck_when_idle = TRUE;
      return;
    }

  if (info != NULL)
    stamp = stamp_from_info (info);
  set_stamp (&self->disk_stamp, stamp);
  judge (self);
}

/**
 * stk_document_check_disk:
 * @self: a document
 *
 * Looks at the document's file now, off the main thread, instead of waiting for the file
 * monitor; #StkDocument:disk-change follows.
 */
void
stk_document_check_disk (StkDocument *self)
{
  g_return_if_fail (STK_IS_DOCUMENT (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);

  if (self->file == NULL)
    return;

  self->check_cancellable = g_cancellable_new ();
  g_file_query_info_async (self->file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->check_cancellable, checked_cb,
                           g_object_ref (self));
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  StkDocument *self = user_data;

  self->check_source = 0;
  stk_document_check_disk (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    StkDocument       *self)
{
  /* Only what can change the contents, or replace or remove the file. */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED
      || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT
      || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
  g_source_set_name_by_id (self->check_source, "[samtykke] check the file on disk");
}

/* Follows the document's file: called whenever it may have changed. */
void
_stk_document_watch_file (StkDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (_stk_document_files_equal (self->monitored, self->file))
    return;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_set_object (&self->monitored, self->file);
  g_clear_pointer (&self->known_stamp, g_free);
  g_clear_pointer (&self->disk_stamp, g_free);
  g_clear_pointer (&self->kept_stamp, g_free);
  self->kept_set = FALSE;
  _stk_document_set_disk_change (self, STK_DISK_CHANGE_NONE);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* The document works without; only changes by others go unnoticed until a save. */
      g_debug ("Not watching the policy's file: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

static void
forget_change (StkDocument *self,
               const char  *stamp)
{
  set_stamp (&self->known_stamp, stamp);
  set_stamp (&self->disk_stamp, stamp);
  g_clear_pointer (&self->kept_stamp, g_free);
  self->kept_set = FALSE;
  self->recheck_when_idle = FALSE;
  _stk_document_set_disk_change (self, STK_DISK_CHANGE_NONE);
}

/* The document has read its file, which had @stamp just before. */
void
_stk_document_watch_loaded (StkDocument *self,
                            const char  *stamp)
{
  forget_change (self, stamp);
}

/* The document has written its file, which has @stamp since. */
void
_stk_document_watch_saved (StkDocument *self,
                           const char  *stamp)
{
  forget_change (self, stamp);
}

/* A save found the file changed on disk, to @stamp, and left it. */
void
_stk_document_watch_conflict (StkDocument *self,
                              const char  *stamp)
{
  set_stamp (&self->disk_stamp, stamp);
  judge (self);
}

/* The document is no longer busy. */
void
_stk_document_watch_idle (StkDocument *self)
{
  if (self->recheck_when_idle)
    {
      self->recheck_when_idle = FALSE;
      stk_document_check_disk (self);
    }
}

void
_stk_document_watch_dispose (StkDocument *self)
{
  g_clear_object (&self->file);
  _stk_document_watch_file (self);
  g_clear_object (&self->monitored);
}

/**
 * stk_document_get_disk_change:
 * @self: a document
 *
 * Returns: what another program did to the document's file that the user has not answered
 */
StkDiskChange
stk_document_get_disk_change (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), STK_DISK_CHANGE_NONE);

  return self->disk_change;
}

/**
 * stk_document_keep_mine:
 * @self: a document
 *
 * Sets the change on disk aside: #StkDocument:disk-change goes back to none, and saving
 * replaces the file as it is now without asking. A later change on disk counts again.
 */
void
stk_document_keep_mine (StkDocument *self)
{
  g_return_if_fail (STK_IS_DOCUMENT (self));

  set_stamp (&self->kept_stamp, self->disk_stamp);
  self->kept_set = TRUE;
  _stk_document_set_disk_change (self, STK_DISK_CHANGE_NONE);
}

/**
 * stk_document_dup_stamp:
 * @self: a document
 *
 * Returns: (transfer full) (nullable): the stamp of the file as the document read or saved it,
 *   for stk_document_set_recovered(); NULL when not known
 */
char *
stk_document_dup_stamp (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return g_strdup (self->known_stamp);
}

/**
 * stk_document_set_recovered:
 * @self: a document that is not busy
 * @policy: changes recovered after the editor stopped
 * @file: (nullable): the file they belong to, NULL for an untitled policy
 * @stamp: (nullable): the stamp of @file the changes were made over (stk_document_dup_stamp())
 *
 * Holds @policy as changes not saved to @file: saving writes them there. When @file changed on
 * disk since @stamp, #StkDocument:disk-change says so, and saving asks first.
 */
void
stk_document_set_recovered (StkDocument *self,
                            StkPolicy   *policy,
                            GFile       *file,
                            const char  *stamp)
{
  g_return_if_fail (STK_IS_DOCUMENT (self));
  g_return_if_fail (STK_IS_POLICY (policy));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (!stk_document_get_busy (self));

  stk_history_mark_unsaved (stk_policy_get_history (policy));
  _stk_document_take_policy (self, policy, file);
  _stk_document_schedule_validation (self, 0);
  set_stamp (&self->known_stamp, stamp);
  if (file != NULL && stamp != NULL)
    stk_document_check_disk (self);
}
