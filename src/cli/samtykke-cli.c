/* samtykke-cli.c — check, format, create and export cookie-consent policies from scripts
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "stk-cli.h"

static int run_validate (const StkCliCommand *command, int argc, char **argv);
static int run_export   (const StkCliCommand *command, int argc, char **argv);
static int run_fmt      (const StkCliCommand *command, int argc, char **argv);
static int run_new      (const StkCliCommand *command, int argc, char **argv);
static int run_help     (const StkCliCommand *command, int argc, char **argv);

static const StkCliCommand commands[] = {
  {
    "validate",
    /* Translators: the arguments of "samtykke-cli validate", shown in its usage line. */
    N_("FILE…"),
    N_("Check policy files and list what is wrong or doubtful in them."),
    N_("Each finding is printed as\n"
       "  FILE:LINE:COL: error|warning: message [path]\n"
       "where path names the field, such as providers[3].cookies[1].purpose.en.\n"
       "\n"
       "With --json, one JSON document is printed instead:\n"
       "  {\"files\": [{\"file\": FILE, \"status\": \"checked\"|\"invalid\"|\"unreadable\",\n"
       "              \"errors\": N, \"warnings\": N, \"message\": TEXT (unreadable only),\n"
       "              \"findings\": [{\"severity\": \"error\"|\"warning\", \"rule\": ID,\n"
       "                            \"path\": PATH, \"line\": N, \"column\": N,\n"
       "                            \"message\": TEXT}]}],\n"
       "   \"errors\": N, \"warnings\": N}\n"
       "\"invalid\" is a file that is not a policy at all (not JSON, not UTF-8, ...); its one\n"
       "finding has the rule \"load\". Rules are stable identifiers; messages are translated.\n"
       "\n"
       "Exit status: 0 when no file has errors (warnings are allowed), 1 when a file has\n"
       "errors, 2 on bad usage or when a file cannot be read."),
    run_validate,
  },
  {
    "export",
    /* Translators: the arguments of "samtykke-cli export", shown in its usage line. */
    N_("FILE -o FOLDER"),
    N_("Write what the website runs into a folder."),
    N_("The files are policy.json, banner.html, cookie-policy.LANG.html (one for each\n"
       "language of the policy), samtykke.js and samtykke.css; --only chooses among them.\n"
       "\n"
       "--format writes one file for another banner instead: vanilla-cookieconsent\n"
       "(cookieconsent-config.js, included after the library's cookieconsent.umd.js) or\n"
       "klaro (klaro-config.js, included before klaro.js); what it cannot carry is listed.\n"
       "--format csv writes cookies.csv, a spreadsheet of the cookies (RFC 4180, UTF-8),\n"
       "also for a policy with errors; --csv-excel writes it for Excel in a Danish locale.\n"
       "\n"
       "--site-path names where the folder is published on the website, such as\n"
       "/cookies/: banner.html then finds policy.json and the declaration pages there\n"
       "from a page in any folder. Without it, they must stand beside the page.\n"
       "\n"
       "A policy with errors is not exported; its findings are listed instead.\n"
       "Every file is written completely before any is put in place, so a failure\n"
       "leaves no half-written folder.\n"
       "\n"
       "Exit status: 0 when the export was written, 1 when the policy has errors or the\n"
       "folder could not be written, 2 on bad usage or when the file cannot be read."),
    run_export,
  },
  {
    "fmt",
    /* Translators: the arguments of "samtykke-cli fmt", shown in its usage line. */
    N_("FILE…"),
    N_("Print a policy in its canonical form, or rewrite it in place."),
    N_("The canonical form is what the editor saves: stable member order, two-space\n"
       "indent and a final newline. Without options, the one FILE is printed.\n"
       "\n"
       "Exit status: 0 on success, 1 when a file is not a policy, cannot be written,\n"
       "or (with --check) is not in canonical form, 2 on bad usage or when a file\n"
       "cannot be read."),
    run_fmt,
  },
  {
    "new",
    /* Translators: the arguments of "samtykke-cli new", shown in its usage line. */
    N_("-o FILE"),
    N_("Create a new policy file from the bundled example."),
    N_("An existing file is not overwritten unless --force is given.\n"
       "\n"
       "Exit status: 0 when the file was written, 1 when it exists or cannot be written,\n"
       "2 on bad usage."),
    run_new,
  },
  {
    "audit",
    /* Translators: the arguments of "samtykke-cli audit", shown in its usage line. */
    N_("POLICY FILE.har…"),
    N_("Check the cookies that HAR files recorded from the site against the policy."),
    N_("HAR files as browsers save them (with cookies: in Chrome, turn on \"Allow to generate\n"
       "HAR with sensitive data\" in the DevTools settings) are read in the order of their\n"
       "entries. Each cookie is declared, not declared, or declared but not seen; it is set\n"
       "before consent when it appears, and its category is not required, before a request\n"
       "carries the policy's consent cookie granting that category. For undeclared cookies,\n"
       "the Open Cookie Database suggests a platform and a category. Each finding is printed\n"
       "as FILE:LINE:COL: error|note: message, pointing at the HAR entry or the declaration.\n"
       "\n"
       "With --json, one JSON document: {\"source\", \"clean\", \"counts\", \"pages\",\n"
       "\"third_parties\", \"warnings\", \"items\": [{\"name\", \"kind\", \"domain\", \"status\",\n"
       "\"before_consent\", \"suggestion\", ...}]}.\n"
       "\n"
       "Exit status: 0 when everything seen is declared and nothing is set before consent,\n"
       "1 when there are findings, 2 on bad usage or a file that cannot be read or parsed."),
    stk_cli_run_audit,
  },
  {
    "scan",
    /* Translators: the arguments of "samtykke-cli scan", shown in its usage line. */
    N_("POLICY URL…"),
    N_("Visit the site and check what it sets against the policy."),
    N_("The site is crawled from the URLs (same site only, breadth first) in a private web\n"
       "engine, first without consent, then, when the site runs the Samtykke banner, after\n"
       "accepting every category. Every cookie and localStorage or sessionStorage key is\n"
       "checked as audit checks HAR files; findings point at the policy. Ctrl+C stops the\n"
       "scan and reports what it found. It needs a display (use xvfb-run on a server).\n"
       "\n"
       "Exit status as for audit; 2 also when the scanner cannot run."),
    stk_cli_run_scan,
  },
  {
    "import",
    /* Translators: the arguments of "samtykke-cli import", shown in its usage line. */
    N_("FILE -o POLICY"),
    N_("Make a policy from another banner's configuration, or update one from a spreadsheet."),
    N_("A vanilla-cookieconsent 3 or Klaro 0.7 configuration, as JSON or as the .js file\n"
       "the site includes, becomes a new policy. A .js file is run without a browser (no\n"
       "page, no network) for at most 5 seconds; its callbacks are dropped. What could\n"
       "not be carried over is listed as FILE: warning: message [place]; texts the\n"
       "configuration lacks stay missing, and validation reports them.\n"
       "\n"
       "A spreadsheet (FILE.csv, as export --format csv writes it, or with the same\n"
       "columns in Danish or English in any order) adds and updates the cookies of the\n"
       "policy named with --into, which is then written to -o. Each bad row is listed\n"
       "as FILE.csv:LINE: message, and nothing is written when any row is bad.\n"
       "\n"
       "Exit status: 0 when the policy was written, 1 when nothing could be imported or\n"
       "written, 2 on bad usage or when a file cannot be read."),
    stk_cli_run_import,
  },
  {
    "help",
    /* Translators: the arguments of "samtykke-cli help", shown in its usage line. */
    N_("[COMMAND]"),
    N_("Show the help of a command."),
    NULL,
    run_help,
  },
};

static const StkCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static void
print_overview (FILE *stream)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n  samtykke-cli %s\n\n%s\n",
                          _("Usage:"),
                          /* Translators: the parameters of samtykke-cli itself. */
                          _("COMMAND [OPTION…] [ARGUMENT…]"),
                          _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *summary = g_strdup (_(commands[i].summary));
      char *newline = strchr (summary, '\n');

      /* Only the first line of the summary fits in the overview. */
      if (newline != NULL)
        *newline = '\0';
      g_string_append_printf (text, "  %-10s %s\n", commands[i].name, summary);
    }

  g_string_append_printf (text, "\n%s\n  -h, --help     %s\n  --version      %s\n\n%s\n",
                          _("Options:"),
                          _("Show this help"),
                          _("Show the version"),
                          _("Run “samtykke-cli help COMMAND” for the options of a command."));

  if (stream == stdout)
    g_print ("%s", text->str);
  else
    g_printerr ("%s", text->str);

  g_string_free (text, TRUE);
}

/* Where each finding stands in @contents, in one reading of it. */
static void
locate_findings (const char *contents,
                 gsize       length,
                 GListModel *findings,
                 int        *lines,
                 int        *columns)
{
  guint n = g_list_model_get_n_items (findings);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_full (n, g_object_unref);
  g_autofree const char **texts = g_new (const char *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      StkFinding *finding = g_list_model_get_item (findings, i);

      g_ptr_array_add (paths, finding);
      texts[i] = stk_finding_get_path (finding);
    }
  stk_cli_locate_many (contents, length, texts, n, lines, columns);
}

/* The severity word stays in English, like a compiler's, so that editors and CI systems that
 * recognise "FILE:LINE:COL: error:" lines find it whatever the language. */
static void
print_findings (const char *filename,
                const char *contents,
                gsize       length,
                GListModel *findings,
                gboolean    to_stderr)
{
  guint n = g_list_model_get_n_items (findings);
  g_autofree int *lines = g_new (int, MAX (n, 1));
  g_autofree int *columns = g_new (int, MAX (n, 1));

  locate_findings (contents, length, findings, lines, columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *line_text = NULL;

      line_text = g_strdup_printf ("%s:%d:%d: %s: %s [%s]\n", filename, lines[i], columns[i],
                                   stk_severity_to_string (stk_finding_get_severity (finding)),
                                   stk_finding_get_message (finding),
                                   stk_finding_get_path (finding));
      if (to_stderr)
        g_printerr ("%s", line_text);
      else
        g_print ("%s", line_text);
    }
}

/* validate */

static void
add_json_finding (JsonBuilder *builder,
                  const char  *severity,
                  const char  *rule,
                  const char  *path,
                  int          line,
                  int          column,
                  const char  *message)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, severity);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, rule);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, line);
  json_builder_set_member_name (builder, "column");
  json_builder_add_int_value (builder, column);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
}

static void
add_json_counts (JsonBuilder *builder,
                 guint        errors,
                 guint        warnings)
{
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, errors);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, warnings);
}

static int
validate_one (const char  *filename,
              JsonBuilder *builder,
              guint       *total_errors,
              guint       *total_warnings)
{
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *read_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint errors, warnings;
  int status;

  if (builder != NULL)
    {
      /* JSON strings must be UTF-8, which a file name need not be. */
      g_autofree char *display_name = g_filename_display_name (filename);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, display_name);
    }

  status = stk_cli_load_policy (filename, &policy, &contents, &length, &read_error, &load_error);

  if (status == EXIT_USAGE)
    {
      if (builder != NULL)
        {
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, "unreadable");
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, read_error);
          add_json_counts (builder, 0, 0);
          json_builder_set_member_name (builder, "findings");
          json_builder_begin_array (builder);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      return status;
    }

  if (status != EXIT_OK)
    {
      *total_errors += 1;

      if (builder != NULL)
        {
          const StkLocation *location = stk_error_get_location (load_error);
          int line = location != NULL ? location->line : 1;
          int column = location != NULL ? location->column : 1;
          const char *text = location != NULL ? location->message : load_error->message;

          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, "invalid");
          add_json_counts (builder, 1, 0);
          json_builder_set_member_name (builder, "findings");
          json_builder_begin_array (builder);
          add_json_finding (builder, "error", "load", "", line, column, text);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      return status;
    }

  findings = stk_policy_validate (policy);
  errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  warnings = stk_findings_count (findings, STK_SEVERITY_WARNING);
  *total_errors += errors;
  *total_warnings += warnings;

  if (builder == NULL)
    {
      print_findings (filename, contents, length, findings, FALSE);
    }
  else
    {
      guint n = g_list_model_get_n_items (findings);
      g_autofree int *lines = g_new (int, MAX (n, 1));
      g_autofree int *columns = g_new (int, MAX (n, 1));

      locate_findings (contents, length, findings, lines, columns);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "checked");
      add_json_counts (builder, errors, warnings);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

          add_json_finding (builder,
                            stk_severity_to_string (stk_finding_get_severity (finding)),
                            stk_finding_get_rule (finding),
                            stk_finding_get_path (finding),
                            lines[i], columns[i],
                            stk_finding_get_message (finding));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

static int
run_validate (const StkCliCommand  *command,
              int                  argc,
              char               **argv)
{
  gboolean show_help = FALSE;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the findings as one JSON document"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  g_autoptr(JsonBuilder) builder = NULL;
  guint errors = 0, warnings = 0;
  int status, worst = EXIT_OK;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (argc < 2)
    return stk_cli_usage_error (command->name, _("Name at least one policy file to check."));

  if (as_json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
    }

  for (int i = 1; i < argc; i++)
    {
      status = validate_one (argv[i], builder, &errors, &warnings);
      /* Unreadable (2) outranks errors (1), which outrank success (0). */
      worst = MAX (worst, status);
    }

  if (builder != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      gsize text_length = 0;

      json_builder_end_array (builder);
      add_json_counts (builder, errors, warnings);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, &text_length);
      fwrite (text, 1, text_length, stdout);
      fputc ('\n', stdout);
      fflush (stdout);
    }

  return worst;
}

/* export */

static int
run_export (const StkCliCommand  *command,
            int                  argc,
            char               **argv)
{
  gboolean show_help = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *only = NULL;
  g_autofree char *site_path = NULL;
  g_autofree char *site = NULL;
  g_autofree char *format = NULL;
  g_autofree char *csv_language = NULL;
  gboolean csv_excel = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write into (created when missing)"),
      /* Translators: placeholder of the --output option's value. */
      N_("FOLDER") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Write only these parts, separated by commas: json, banner, pages, assets"),
      /* Translators: placeholder of the --only option's value. */
      N_("PARTS") },
    { "site-path", 0, 0, G_OPTION_ARG_STRING, &site_path,
      N_("Where the folder is published on the website, such as /cookies/"),
      /* Translators: placeholder of the --site-path option's value. */
      N_("PATH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Write one file for another banner or a spreadsheet: vanilla-cookieconsent, klaro "
         "or csv"),
      /* Translators: placeholder of the --format option's value. */
      N_("FORMAT") },
    { "csv-excel", 0, 0, G_OPTION_ARG_NONE, &csv_excel,
      N_("With --format csv: for Excel in a Danish locale (a byte-order mark and “;”)"), NULL },
    { "csv-language", 0, 0, G_OPTION_ARG_STRING, &csv_language,
      N_("With --format csv: the language of the column names, da or en"),
      /* Translators: placeholder of the --csv-language option's value. */
      N_("LANG") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GFile) directory = NULL;
  StkInteropFormat interop = STK_INTEROP_CSV;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  StkExportParts parts = STK_EXPORT_ALL;
  gsize length = 0;
  guint errors;
  int status;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 2)
    return stk_cli_usage_error (command->name, _("Name exactly one policy file to export."));

  if (output == NULL || output[0] == '\0')
    return stk_cli_usage_error (command->name, _("Name the folder to export into with -o FOLDER."));

  if (only != NULL && !stk_export_parts_parse (only, &parts, &error))
    return stk_cli_usage_error (command->name, error->message);

  site = stk_export_site_path_normalize (site_path, &error);
  if (site == NULL)
    return stk_cli_usage_error (command->name, error->message);

  if (format != NULL && !stk_interop_format_parse (format, &interop, &error))
    return stk_cli_usage_error (command->name, error->message);
  if (format != NULL && only != NULL)
    return stk_cli_usage_error (command->name, _("--only and --format cannot be used together."));
  if ((csv_excel || csv_language != NULL) && (format == NULL || interop != STK_INTEROP_CSV))
    return stk_cli_usage_error (command->name,
                                _("--csv-excel and --csv-language go with --format csv."));

  status = stk_cli_load_policy (argv[1], &policy, &contents, &length, NULL, NULL);
  if (status != EXIT_OK)
    return status;

  findings = stk_policy_validate (policy);
  errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  print_findings (argv[1], contents, length, findings, TRUE);
  /* A spreadsheet is for reading, also of a policy that is not finished. */
  if (errors > 0 && !(format != NULL && interop == STK_INTEROP_CSV))
    {
      g_printerr (ngettext ("%s: not exported, because the policy has %u error\n",
                            "%s: not exported, because the policy has %u errors\n",
                            errors),
                  argv[1], errors);
      return EXIT_PROBLEMS;
    }

  if (format != NULL)
    return stk_cli_export_interop (argv[1], policy, contents, length, output, interop,
                                   csv_excel, csv_language, site);

  directory = g_file_new_for_commandline_arg (output);
  if (!stk_export_to_directory_at (policy, directory, parts, site, &error))
    {
      g_printerr (_("%s: not exported: %s\n"), output, error->message);
      return EXIT_PROBLEMS;
    }

  return EXIT_OK;
}

/* fmt */

static int
fmt_one (const char *filename,
         gboolean    rewrite,
         gboolean    check)
{
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GBytes) canonical = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean same;
  int status;

  status = stk_cli_load_policy (filename, &policy, &contents, &length, NULL, NULL);
  if (status != EXIT_OK)
    return status;

  canonical = stk_policy_to_bytes (policy);
  same = g_bytes_get_size (canonical) == length &&
         memcmp (g_bytes_get_data (canonical, NULL), contents, length) == 0;

  if (check)
    {
      if (same)
        return EXIT_OK;

      g_printerr (_("%s: not in canonical form; “samtykke-cli fmt --write %s” rewrites it\n"),
                  filename, filename);
      return EXIT_PROBLEMS;
    }

  if (rewrite)
    {
      g_autoptr(GFile) file = NULL;

      /* An unchanged file is left alone, so that its time stamp says nothing changed. */
      if (same)
        return EXIT_OK;

      file = g_file_new_for_commandline_arg (filename);
      if (!stk_policy_save_file (policy, file, &error))
        {
          g_printerr (_("%s: cannot be written: %s\n"), filename, error->message);
          return EXIT_PROBLEMS;
        }
      return EXIT_OK;
    }

  fwrite (g_bytes_get_data (canonical, NULL), 1, g_bytes_get_size (canonical), stdout);
  fflush (stdout);
  return EXIT_OK;
}

static int
run_fmt (const StkCliCommand  *command,
         int                  argc,
         char               **argv)
{
  gboolean show_help = FALSE;
  gboolean rewrite = FALSE;
  gboolean check = FALSE;
  GOptionEntry entries[] = {
    { "write", 'w', 0, G_OPTION_ARG_NONE, &rewrite,
      N_("Rewrite each file in place (atomically) instead of printing it"), NULL },
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("Change nothing; fail when a file is not in canonical form"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  int status, worst = EXIT_OK;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (rewrite && check)
    return stk_cli_usage_error (command->name, _("--write and --check cannot be used together."));

  if (argc < 2)
    return stk_cli_usage_error (command->name, _("Name the policy file to format."));

  if (!rewrite && !check && argc != 2)
    return stk_cli_usage_error (command->name,
                        _("Only one file can be printed; use --write or --check for several."));

  for (int i = 1; i < argc; i++)
    {
      status = fmt_one (argv[i], rewrite, check);
      worst = MAX (worst, status);
    }

  return worst;
}

/* new */

static int
run_new (const StkCliCommand  *command,
         int                  argc,
         char               **argv)
{
  gboolean show_help = FALSE;
  gboolean force = FALSE;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The policy file to create"),
      /* Translators: placeholder of the --output option's value. */
      N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the file when it exists"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = stk_cli_command_context (command, entries);
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = stk_cli_parse_options (command, context, &show_help, &argc, &argv);
  if (status >= 0)
    return status;

  if (output == NULL && argc == 2)
    output = g_strdup (argv[1]);
  else if (argc != 1)
    return stk_cli_usage_error (command->name, _("Name the file to create with -o FILE."));

  if (output == NULL || output[0] == '\0')
    return stk_cli_usage_error (command->name, _("Name the file to create with -o FILE."));

  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: exists already; use --force to overwrite it\n"), output);
      return EXIT_PROBLEMS;
    }

  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("%s: is a folder, not a policy file\n"), output);
      return EXIT_PROBLEMS;
    }

  policy = stk_policy_new_from_example ();
  file = g_file_new_for_commandline_arg (output);
  if (!stk_policy_save_file (policy, file, &error))
    {
      g_printerr (_("%s: cannot be written: %s\n"), output, error->message);
      return EXIT_PROBLEMS;
    }

  return EXIT_OK;
}

/* help */

static int
run_help (const StkCliCommand  *help,
          int                  argc,
          char               **argv)
{
  const StkCliCommand *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc < 2)
    {
      print_overview (stdout);
      return EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL || command->run == run_help)
    {
      g_autofree char *message = g_strdup_printf (_("There is no command “%s”."), argv[1]);

      return stk_cli_usage_error (help->name, message);
    }

  help_argv[0] = argv[1];
  return command->run (command, 2, help_argv);
}

int
main (int    argc,
      char **argv)
{
  const char *textdomaindir = g_getenv ("TEXTDOMAINDIR");
  const StkCliCommand *command;

  setlocale (LC_ALL, "");
  /* TEXTDOMAINDIR lets the tests use the catalogues of the build folder. */
  bindtextdomain (GETTEXT_PACKAGE,
                  textdomaindir != NULL && textdomaindir[0] != '\0' ? textdomaindir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("samtykke-cli");

  if (argc < 2)
    {
      print_overview (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_overview (stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("samtykke-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("samtykke-cli: there is no command “%s”.\n"), argv[1]);
      g_printerr (_("Run “samtykke-cli --help” for the list of commands.\n"));
      return EXIT_USAGE;
    }

  return command->run (command, argc - 1, argv + 1);
}
