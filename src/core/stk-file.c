/* stk-file.c — writing files so that a failure or a kill never leaves a half-written one
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is written in two steps. First its contents go into an unnamed file in the target's
 * folder (O_TMPFILE), synced to disk: if the program dies while writing, the file system
 * forgets it, and nothing is left in the folder. Then it is given a hidden name and renamed
 * over the target in one go, so the target holds either its old or its new contents. Only a
 * death between those two system calls can leave the hidden file behind; saving the same file
 * again removes it. Where the file system has no O_TMPFILE, the contents are written under the
 * hidden name from the start, and the same clean-up removes what a killed save left.
 *
 * The target of a symbolic link is replaced, not the link, and an existing file keeps its
 * permissions.
 */
/* O_TMPFILE */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stk-progress.h"

#include "stk-core-private.h"

/* The hidden names: ".NAME.samtykke-XXXXXX". Older versions wrote ".NAME.XXXXXX". */
#define TEMP_TAG ".samtykke-"
/* A hidden file of ours older than this is a leftover of a save that was killed. */
#define STALE_SECONDS 10

/* How much is read or written at a time. */
#define FILE_CHUNK (1024 * 1024)

struct _StkPendingFile
{
  char *final_path;   /* the file to replace, links resolved */
  char *directory;
  char *name;
  int   fd;           /* the unnamed file (O_TMPFILE), or -1 */
  char *temp_path;    /* the hidden file written directly, without O_TMPFILE */
};

static gboolean
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  switch (saved)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file's path. */
                   _("%s: there is no room left on the disk; the file was not changed"), path);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file's path; %s the system's reason. */
                   _("%s: you may not write here (%s); the file was not changed"),
                   path, g_strerror (saved));
      break;

    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s",
                   path, g_strerror (saved));
    }

  return FALSE;
}

/* @path with its symbolic links followed, as far as they lead; a link to a file that does not
 * exist yet gives that file's path. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (int hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *directory = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      directory = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (directory, target, NULL);
    }

  return g_steal_pointer (&current);
}

static gboolean
is_our_temp_name (const char *entry,
                  const char *name)
{
  gsize name_len = strlen (name);
  const char *rest;
  gsize rest_len;

  if (entry[0] != '.' || strncmp (entry + 1, name, name_len) != 0 || entry[1 + name_len] != '.')
    return FALSE;

  rest = entry + 1 + name_len;
  if (g_str_has_prefix (rest, TEMP_TAG))
    rest += strlen (TEMP_TAG);
  else
    rest += 1;  /* ".NAME.XXXXXX", the older naming */

  rest_len = strlen (rest);
  if (rest_len != 6)
    return FALSE;
  for (gsize i = 0; i < rest_len; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;

  return TRUE;
}

/**
 * stk_file_remove_stale_temps:
 * @directory: a folder
 * @name: a file's name in it
 *
 * Removes the hidden files that an earlier save of @name was killed before it could rename
 * (".NAME.samtykke-XXXXXX", and ".NAME.XXXXXX" of older versions), when they are older than a
 * save takes. Other files are never touched.
 */
void
stk_file_remove_stale_temps (const char *directory,
                             const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_our_temp_name (entry, name))
        continue;
      path = g_build_filename (directory, entry, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode)
          && now - (gint64) st.st_mtime >= STALE_SECONDS)
        g_unlink (path);
    }
}

static gboolean
write_all (int           fd,
           GBytes       *bytes)
{
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  while (size > 0)
    {
      /* A megabyte at a time: an editor's worker gives way to its window between them. */
      ssize_t n = write (fd, data, MIN (size, FILE_CHUNK));

      stk_progress_report (0, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      size -= n;
    }

  return TRUE;
}

void
stk_pending_file_free (StkPendingFile *self)
{
  if (self == NULL)
    return;

  /* Closing an unnamed file discards it; a hidden one is removed. */
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);

  g_free (self->final_path);
  g_free (self->directory);
  g_free (self->name);
  g_free (self->temp_path);
  g_free (self);
}

/**
 * stk_pending_file_write:
 * @path: the file to replace (or create); a symbolic link is followed to its target
 * @bytes: the new contents
 * @error: where a failure goes, naming @path
 *
 * Writes @bytes beside the target and syncs them to disk, without touching the target: see
 * stk_pending_file_commit(). Freeing the result without committing it leaves no trace.
 *
 * Returns: (transfer full) (nullable): the written file, not yet in place
 */
StkPendingFile *
stk_pending_file_write (const char  *path,
                        GBytes      *bytes,
                        GError     **error)
{
  g_autoptr(StkPendingFile) self = g_new0 (StkPendingFile, 1);
  mode_t mode = 0644;
  GStatBuf st;

  self->fd = -1;
  self->final_path = resolve_links (path);
  self->directory = g_path_get_dirname (self->final_path);
  self->name = g_path_get_basename (self->final_path);

  if (g_stat (self->final_path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR, path);
          return NULL;
        }
      mode = st.st_mode & 07777;
    }

  stk_file_remove_stale_temps (self->directory, self->name);

  self->fd = open (self->directory, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      g_autofree char *template = g_strdup_printf ("%s/.%s" TEMP_TAG "XXXXXX",
                                                   self->directory, self->name);
      int saved = errno;

      /* No unnamed files here (an older kernel, some file systems): a hidden name instead.
       * Permission and space problems are the same either way. */
      if (saved == EACCES || saved == EPERM || saved == EROFS || saved == ENOSPC
          || saved == EDQUOT || saved == ENOENT || saved == ENOTDIR)
        {
          set_errno_error (error, saved, path);
          return NULL;
        }

      self->fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0600);
      if (self->fd < 0)
        {
          set_errno_error (error, errno, path);
          return NULL;
        }
      self->temp_path = g_steal_pointer (&template);
    }

  if (!write_all (self->fd, bytes) || fchmod (self->fd, mode) != 0 || fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Syncs the folder, so that the rename itself survives a power cut. */
static void
sync_directory (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * stk_pending_file_commit:
 * @self: a file written by stk_pending_file_write()
 * @error: where a failure goes
 *
 * Puts the file in place of its target, atomically: the target is its old self until the
 * rename, and its new self after.
 *
 * Returns: whether the file is in place
 */
gboolean
stk_pending_file_commit (StkPendingFile  *self,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->temp_path == NULL)
    {
      g_autofree char *fd_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);
      gboolean linked = FALSE;

      /* An unnamed file gets a hidden name only now, for the rename. */
      for (int attempt = 0; attempt < 100 && !linked; attempt++)
        {
          g_autofree char *candidate = NULL;
          char suffix[7];

          for (guint i = 0; i < 6; i++)
            suffix[i] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        [g_random_int_range (0, 62)];
          suffix[6] = '\0';
          candidate = g_strdup_printf ("%s/.%s" TEMP_TAG "%s", self->directory, self->name,
                                       suffix);
          if (linkat (AT_FDCWD, fd_path, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0)
            {
              self->temp_path = g_steal_pointer (&candidate);
              linked = TRUE;
            }
          else if (errno != EEXIST)
            return set_errno_error (error, errno, self->final_path);
        }
      if (!linked)
        return set_errno_error (error, EEXIST, self->final_path);
    }

  if (g_rename (self->temp_path, self->final_path) != 0)
    return set_errno_error (error, errno, self->final_path);

  g_clear_pointer (&self->temp_path, g_free);
  sync_directory (self->directory);

  return TRUE;
}

/**
 * stk_file_replace:
 * @path: the file to write; a symbolic link is followed to its target
 * @bytes: its new contents
 * @error: where a failure goes
 *
 * Replaces @path atomically: the old contents stay until the new ones are completely on disk,
 * and a failure (no room, no permission) or a kill at any moment leaves the old file and no
 * other. An existing file's permissions are kept.
 *
 * Returns: whether the file was written
 */
gboolean
stk_file_replace (const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(StkPendingFile) pending = stk_pending_file_write (path, bytes, error);

  return pending != NULL && stk_pending_file_commit (pending, error);
}

/**
 * stk_file_load_contents:
 * @file: a file
 * @contents: (out): its contents, with a NUL after them
 * @length: (out): their length
 * @error: where a failure goes, as g_file_load_contents() gives it
 *
 * g_file_load_contents() a megabyte at a time, where an editor's worker gives way to its
 * window (stk-progress.c).
 */
gboolean
stk_file_load_contents (GFile   *file,
                        char   **contents,
                        gsize   *length,
                        GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) buffer = NULL;
  gsize size = 0;

  if (stream == NULL)
    return FALSE;

  buffer = g_byte_array_sized_new (FILE_CHUNK + 1);
  for (;;)
    {
      gssize n;

      g_byte_array_set_size (buffer, size + FILE_CHUNK + 1);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + size, FILE_CHUNK, NULL,
                               error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      size += n;
      stk_progress_report (0, 0);
    }

  g_byte_array_set_size (buffer, size + 1);
  buffer->data[size] = '\0';
  *length = size;
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);

  return TRUE;
}
