/* stk-cli.h — what the commands of samtykke-cli share
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-core.h"

G_BEGIN_DECLS

/* Exit statuses, the same for every command. */
enum {
  EXIT_OK = 0,        /* nothing wrong (warnings allowed) */
  EXIT_PROBLEMS = 1,  /* a policy has errors, or the command could not do its work */
  EXIT_USAGE = 2,     /* bad usage, or a file that cannot be read at all */
};

typedef struct _StkCliCommand StkCliCommand;

struct _StkCliCommand
{
  const char *name;
  const char *parameters;   /* untranslated, marked with N_() */
  const char *summary;      /* untranslated, marked with N_() */
  const char *description;  /* untranslated, marked with N_(), or NULL */
  int       (*run) (const StkCliCommand *command,
                    int                  argc,
                    char               **argv);
};

/* Every command parses its options the same way (stk-cli-common.c). */
GOptionContext *stk_cli_command_context    (const StkCliCommand  *command,
                                            GOptionEntry         *entries);
void            stk_cli_print_command_help (GOptionContext       *context);
int             stk_cli_usage_error        (const char           *command,
                                            const char           *message);
/* Returns -1 to go on, or the status to exit with. */
int             stk_cli_parse_options      (const StkCliCommand  *command,
                                            GOptionContext       *context,
                                            gboolean             *show_help,
                                            int                  *argc,
                                            char               ***argv);
gboolean        stk_cli_read_file          (const char           *filename,
                                            char                **contents,
                                            gsize                *length,
                                            char                **message);
int             stk_cli_load_policy        (const char           *filename,
                                            StkPolicy           **policy,
                                            char                **contents,
                                            gsize                *length,
                                            char                **read_error,
                                            GError              **load_error);
void            stk_cli_locate             (const char           *contents,
                                            gsize                 length,
                                            const char           *path,
                                            int                  *line,
                                            int                  *column);
void            stk_cli_locate_many        (const char           *contents,
                                            gsize                 length,
                                            const char * const   *paths,
                                            guint                 n_paths,
                                            int                  *lines,
                                            int                  *columns);

/* What a site really sets (stk-cli-audit.c). */
int             stk_cli_run_audit          (const StkCliCommand  *command,
                                            int                   argc,
                                            char                **argv);
int             stk_cli_run_scan           (const StkCliCommand  *command,
                                            int                   argc,
                                            char                **argv);

/* Other banners' configurations and spreadsheets (stk-cli-interop.c). */
int             stk_cli_run_import         (const StkCliCommand  *command,
                                            int                   argc,
                                            char                **argv);
int             stk_cli_export_interop     (const char           *filename,
                                            StkPolicy            *policy,
                                            const char           *contents,
                                            gsize                 length,
                                            const char           *output,
                                            StkInteropFormat      format,
                                            gboolean              csv_excel,
                                            const char           *csv_language,
                                            const char           *site_path);

G_END_DECLS
