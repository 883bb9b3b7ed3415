/* stk-file.c — writing files so that a failure never leaves a half-written one
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stk-core-private.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s",
               path, g_strerror (saved));
  return FALSE;
}

/**
 * stk_file_write_temp:
 * @directory: the folder of the final file
 * @name: the final file's name
 * @bytes: the contents
 * @error: where a failure goes, naming the final file
 *
 * Writes @bytes to a new hidden file in @directory and syncs it to disk. The final name is
 * left alone; the caller renames the returned file over it when everything is ready.
 *
 * Returns: (transfer full) (nullable): the temporary file's path, or %NULL (nothing is left
 *   behind on failure)
 */
char *
stk_file_write_temp (const char  *directory,
                     const char  *name,
                     GBytes      *bytes,
                     GError     **error)
{
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", directory, name);
  g_autofree char *final_path = g_build_filename (directory, name, NULL);
  const guint8 *data;
  gsize size;
  int fd;

  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_errno_error (error, errno, final_path);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  while (size > 0)
    {
      ssize_t n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (template);
          set_errno_error (error, saved, final_path);
          return NULL;
        }
      data += n;
      size -= n;
    }

  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (template);
      set_errno_error (error, saved, final_path);
      return NULL;
    }
  if (close (fd) != 0)
    {
      int saved = errno;

      g_unlink (template);
      set_errno_error (error, saved, final_path);
      return NULL;
    }

  return g_steal_pointer (&template);
}

/**
 * stk_file_replace:
 * @path: the file to write
 * @bytes: its new contents
 * @error: where a failure goes
 *
 * Replaces @path atomically: the old contents stay until the new ones are completely on disk.
 * An existing file's permissions are kept.
 *
 * Returns: whether the file was written
 */
gboolean
stk_file_replace (const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *temp = NULL;
  GStatBuf st;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_errno_error (error, EISDIR, path);

  temp = stk_file_write_temp (directory, name, bytes, error);
  if (temp == NULL)
    return FALSE;

  if (g_stat (path, &st) == 0)
    g_chmod (temp, st.st_mode & 07777);

  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved, path);
    }

  return TRUE;
}
