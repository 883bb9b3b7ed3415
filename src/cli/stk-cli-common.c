/* stk-cli-common.c — what every samtykke-cli command shares: options, usage errors, reading
 * and loading policy files
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "stk-cli.h"

/* Every command parses its options the same way: an explicit --help (so the help can also be
 * printed by "samtykke-cli help COMMAND"), and usage errors that exit with EXIT_USAGE. */
GOptionContext *
stk_cli_command_context (const StkCliCommand *command,
                 GOptionEntry  *entries)
{
  g_autofree char *prgname = g_strdup_printf ("samtykke-cli %s", command->name);
  GOptionContext *context;

  /* The usage line names the command too: "samtykke-cli validate [OPTION…] FILE…". */
  g_set_prgname (prgname);
  context = g_option_context_new (command->parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  if (command->description != NULL)
    g_option_context_set_description (context, command->description);
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

void
stk_cli_print_command_help (GOptionContext *context)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_print ("%s", help);
}

int
stk_cli_usage_error (const char *command,
             const char *message)
{
  g_printerr ("samtykke-cli %s: %s\n", command, message);
  g_printerr (_("Run “samtykke-cli help %s” for help.\n"), command);
  return EXIT_USAGE;
}

/* Parses @argv with @context. Returns -1 to go on, or the status to exit with. */
int
stk_cli_parse_options (const StkCliCommand  *command,
               GOptionContext *context,
               gboolean       *show_help,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return stk_cli_usage_error (command->name, error->message);

  if (*show_help)
    {
      stk_cli_print_command_help (context);
      return EXIT_OK;
    }

  return -1;
}

/* Reading files */

/* Reads a policy file's bytes. A file that cannot be read at all (missing, a folder, a pipe,
 * no permission) gives FALSE and @message says why; what the bytes hold is the loader's
 * business. Pipes and devices are refused rather than read, since reading one may never end. */
gboolean
stk_cli_read_file (const char  *filename,
           char       **contents,
           gsize       *length,
           char       **message)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (g_stat (filename, &st) != 0)
    {
      int saved_errno = errno;

      *message = g_strdup_printf (_("%s: cannot read the file: %s"),
                                  filename, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      *message = g_strdup_printf (_("%s: is a folder, not a policy file"), filename);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      *message = g_strdup_printf (_("%s: is not a regular file"), filename);
      return FALSE;
    }

  if (st.st_size > STK_POLICY_MAX_SIZE)
    {
      *message = g_strdup_printf (_("%s:1:1: error: the file is larger than %d MiB, the most a "
                                    "policy file may be"),
                                  filename, STK_POLICY_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!g_file_get_contents (filename, contents, length, &error))
    {
      const char *reason = error->message;

      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
          g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM))
        reason = g_strerror (EACCES);

      *message = g_strdup_printf (_("%s: cannot read the file: %s"), filename, reason);
      return FALSE;
    }

  return TRUE;
}

/* Loads @filename; prints why when it cannot. Returns EXIT_OK with @policy set, or the status
 * to exit with: EXIT_USAGE when the file cannot be read (@read_error says why), EXIT_PROBLEMS
 * when it is not a policy (@load_error). @contents receives the file's bytes, for locating
 * findings. */
int
stk_cli_load_policy (const char  *filename,
             StkPolicy  **policy,
             char       **contents,
             gsize       *length,
             char       **read_error,
             GError     **load_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!stk_cli_read_file (filename, contents, length, &message))
    {
      g_printerr ("%s\n", message);
      if (read_error != NULL)
        *read_error = g_steal_pointer (&message);
      return EXIT_USAGE;
    }

  *policy = stk_policy_load_data (*contents, *length, filename, &error);
  if (*policy == NULL)
    {
      const StkLocation *location = stk_error_get_location (error);

      if (location != NULL)
        g_printerr ("%s:%d:%d: error: %s\n", filename, location->line, location->column,
                    location->message);
      else
        g_printerr ("%s: error: %s\n", filename, error->message);

      if (load_error != NULL)
        *load_error = g_steal_pointer (&error);
      return EXIT_PROBLEMS;
    }

  return EXIT_OK;
}

void
stk_cli_locate (const char *contents,
        gsize       length,
        const char *path,
        int        *line,
        int        *column)
{
  *line = 1;
  *column = 1;

  if (contents == NULL || !stk_json_locate (contents, length, path, line, column))
    {
      *line = 1;
      *column = 1;
    }
}

/* stk_cli_locate() for many paths, in one reading of @contents: a large policy's findings
 * would otherwise read it once each. */
void
stk_cli_locate_many (const char         *contents,
                     gsize               length,
                     const char * const *paths,
                     guint               n_paths,
                     int                *lines,
                     int                *columns)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_full (n_paths, (GDestroyNotify) stk_path_unref);

  for (guint i = 0; i < n_paths; i++)
    {
      StkPath *path = stk_path_parse (paths[i]);

      g_ptr_array_add (parsed, path != NULL ? path : stk_path_parse (""));
      lines[i] = columns[i] = 1;
    }

  if (contents != NULL && n_paths > 0 &&
      !stk_paths_locate ((StkPath **) parsed->pdata, n_paths, contents, length, lines, columns))
    for (guint i = 0; i < n_paths; i++)
      lines[i] = columns[i] = 1;
}
