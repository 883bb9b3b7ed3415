/* stk-cli-interop.c — samtykke-cli import, and export to other banners' configurations and CSV
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "stk-cli.h"

/* The report's notes on standard error: the severity words stay in English, as validate's
 * do, for the tools that read them. */
static void
print_report (StkInteropReport *report)
{
  g_autofree char *text = stk_interop_report_to_string (report);

  g_printerr ("%s", text);
}

/* export --format */

int
stk_cli_export_interop (const char       *filename,
                        StkPolicy        *policy,
                        const char       *contents,
                        gsize             length,
                        const char       *output,
                        StkInteropFormat  format,
                        gboolean          csv_excel,
                        const char       *csv_language,
                        const char       *site_path)
{
  g_autoptr(StkInteropReport) notes = stk_interop_report_new (filename);
  g_autoptr(GFile) directory = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  StkInteropOptions options = { csv_excel, csv_language, site_path };

  if (!stk_interop_export_to_directory (policy, directory, format, &options, notes, &error))
    {
      g_printerr (_("%s: not exported: %s\n"), output, error->message);
      return EXIT_PROBLEMS;
    }

  stk_interop_report_locate (notes, contents, length);
  print_report (notes);
  return EXIT_OK;
}

/* import */

/* Reads @filename, refusing one larger than @max_size before reading it. */
static gboolean
read_limited (const char  *filename,
              gsize        max_size,
              char       **contents,
              gsize       *length,
              char       **message)
{
  GStatBuf st;

  if (g_stat (filename, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
    {
      *message = g_strdup_printf (_("%s: the file is larger than %u MiB, the most Samtykke "
                                    "imports"), filename, (guint) (max_size >> 20));
      return FALSE;
    }

  return stk_cli_read_file (filename, contents, length, message);
}

static gboolean
may_write (const char *output,
           const char *into,
           gboolean    force)
{
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("%s: is a folder, not a policy file\n"), output);
      return FALSE;
    }
  if (force || !g_file_test (output, G_FILE_TEST_EXISTS))
    return TRUE;
  if (into != NULL)
    {
      g_autoptr(GFile) a = g_file_new_for_commandline_arg (output);
      g_autoptr(GFile) b = g_file_new_for_commandline_arg (into);

      if (g_file_equal (a, b))
        return TRUE;
    }

  g_printerr (_("%s: exists already; use --force to overwrite it\n"), output);
  return FALSE;
}

static void
print_validation (const char *output,
                  StkPolicy  *policy)
{
  g_autoptr(GListModel) findings = stk_policy_validate (policy);
  guint errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  guint warnings = stk_findings_count (findings, STK_SEVERITY_WARNING);

  if (errors == 0 && warnings == 0)
    return;

  /* Translators: the first %u counts errors, the second warnings; the last %s is the file. */
  g_printerr (_("%s: the policy has %u errors and %u warnings to look at; "
                "“samtykke-cli validate %s” lists them\n"),
              output, errors, warnings, output);
}

static int
save (StkPolicy  *policy,
      const char *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;

  if (!stk_policy_save_file (policy, file, &error))
    {
      g_printerr (_("%s: cannot be written: %s\n"), output, error->message);
      return EXIT_PROBLEMS;
    }

  print_validation (output, policy);
  return EXIT_OK;
}

static int
import_csv (const StkCliCommand *command,
            const char          *filename,
            const char          *into,
            const char          *output,
            gboolean             force)
{
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *policy_contents = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize policy_length = 0, length = 0;
  int status;

  if (into == NULL)
    return stk_cli_usage_error (command->name,
                                _("A spreadsheet changes a policy: name it with --into "
                                  "POLICY.json."));
  if (!may_write (output, into, force))
    return EXIT_PROBLEMS;

  status = stk_cli_load_policy (into, &policy, &policy_contents, &policy_length, NULL, NULL);
  if (status != EXIT_OK)
    return status;

  if (!read_limited (filename, STK_CSV_MAX_SIZE, &contents, &length, &message))
    {
      g_printerr ("%s\n", message);
      return EXIT_USAGE;
    }

  import = stk_csv_import_read (policy, contents, length, filename);
  print_report (stk_csv_import_get_report (import));
  if (!stk_csv_import_apply (import, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }

  return save (policy, output);
}

static int
import_config (const char        *filename,
               const char        *output,
               gboolean           force,
               const char        *from)
{
  g_autoptr(StkConfigImporter) importer = stk_config_importer_new ();
  g_autoptr(StkConfigImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;
  StkInteropFormat expected;

  if (!may_write (output, NULL, force))
    return EXIT_PROBLEMS;

  if (!read_limited (filename, STK_CONFIG_MAX_SIZE, &contents, &length, &message))
    {
      g_printerr ("%s\n", message);
      return EXIT_USAGE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  import = stk_config_importer_read (importer, bytes, filename, NULL, &error);
  if (import == NULL)
    {
      g_printerr (_("%s\nnothing was imported\n"), error->message);
      return EXIT_PROBLEMS;
    }

  if (from != NULL && stk_interop_format_parse (from, &expected, NULL)
      && expected != stk_config_import_get_format (import))
    {
      g_printerr (_("%s: is a %s configuration, not %s; nothing was imported\n"), filename,
                  stk_interop_format_to_string (stk_config_import_get_format (import)), from);
      return EXIT_PROBLEMS;
    }

  print_report (stk_config_import_get_report (import));
  return save (stk_config_import_get_policy (import), output);
}

int
stk_cli_run_import (const StkCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  gboolean show_help = FALSE;
  gboolean force = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *into = NULL;
  g_autofree char *from = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The policy file to write"),
      /* Translators: placeholder of the --output option's value. */
      N_("FILE") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("The policy a spreadsheet adds to and updates (it is written to -o)"),
      /* Translators: placeholder of the --into option's value. */
      N_("POLICY") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("What FILE is: vanilla-cookieconsent, klaro or csv (found by itself otherwise)"),
      /* Translators: placeholder of the --from option's value. */
      N_("FORMAT") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the output file when it exists"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  g_autoptr(GError) error = NULL;
  StkInteropFormat format = STK_INTEROP_VANILLA_COOKIECONSENT;
  gboolean csv;
  int status;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 2)
    return stk_cli_usage_error (command->name, _("Name exactly one file to import."));
  if (output == NULL || output[0] == '\0')
    return stk_cli_usage_error (command->name, _("Name the policy file to write with -o FILE."));
  if (from != NULL && !stk_interop_format_parse (from, &format, &error))
    return stk_cli_usage_error (command->name, error->message);

  csv = from != NULL ? format == STK_INTEROP_CSV
                     : g_str_has_suffix (argv[1], ".csv") || g_str_has_suffix (argv[1], ".CSV");
  if (csv)
    return import_csv (command, argv[1], into, output, force);

  if (into != NULL)
    return stk_cli_usage_error (command->name,
                                _("--into is for spreadsheets; a configuration becomes a new "
                                  "policy."));
  return import_config (argv[1], output, force, from);
}
