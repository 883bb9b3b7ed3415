/* test-cli.c — runs the built samtykke-cli: exit statuses, messages and the files it writes
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "stk-core.h"

static const char *cli_path;

typedef struct
{
  char *dir;   /* a fresh temporary folder for each test */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("samtykke-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_remove (child);
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* For running the program as another user: the superuser reads every file whatever its
 * mode, so a test of an unreadable file runs the program as "nobody" instead. */
static uid_t run_as_uid;
static gid_t run_as_gid;

static void
drop_privileges (gpointer data)
{
  if (setgroups (0, NULL) != 0 || setgid (run_as_gid) != 0 || setuid (run_as_uid) != 0)
    _exit (127);
}

/* Runs samtykke-cli with @args (NULL-terminated) and @language as LANGUAGE (NULL: English). */
static void
run_cli_full (Run                *run,
              const char         *language,
              gboolean            as_nobody,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *po_dir = NULL;

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  po_dir = g_build_filename (g_getenv ("SAMTYKKE_BUILD_DIR"), "po", NULL);
  g_subprocess_launcher_setenv (launcher, "TEXTDOMAINDIR", po_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language ? language : "en", TRUE);
  if (as_nobody)
    g_subprocess_launcher_set_child_setup (launcher, drop_privileges, NULL, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("samtykke-cli %s -> %d\nstdout: %s\nstderr: %s",
                  args[0] ? args[0] : "", run->status, run->out, run->err);
}

static void
run_cli_lang (Run                *run,
              const char         *language,
              const char * const *args)
{
  run_cli_full (run, language, FALSE, args);
}

#define run_cli(run, ...) \
  run_cli_lang ((run), NULL, (const char * const []) { __VA_ARGS__, NULL })

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"),
                           "data", "examples", "copenhagen.json", NULL);
}

static StkPolicy *
load_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_file (file, &error);

  g_assert_no_error (error);
  return policy;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_policy (Fixture    *fixture,
              const char *name,
              StkPolicy  *policy)
{
  g_autoptr(GBytes) bytes = stk_policy_to_bytes (policy);

  return write_file (fixture, name, g_bytes_get_data (bytes, NULL),
                     (gssize) g_bytes_get_size (bytes));
}

/* A policy with one error: a non-required category that is on by default. */
static char *
write_policy_with_error (Fixture  *fixture,
                         char    **expected_line)
{
  g_autoptr(StkPolicy) policy = load_example ();
  StkCategory *category = stk_policy_find_category (policy, "statistical");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint position = 0;
  int line = 0, column = 0;
  g_autofree char *field = NULL;

  g_assert_true (stk_list_find (stk_policy_get_categories (policy), category, &position));
  stk_category_set_preselected (category, TRUE);
  path = write_policy (fixture, "error.json", policy);

  field = g_strdup_printf ("categories[%u].preselected", position);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (stk_json_locate (contents, length, field, &line, &column));
  *expected_line = g_strdup_printf ("%s:%d:%d: error: ", path, line, column);

  return g_steal_pointer (&path);
}

/* A policy with one warning and no error: a DPA with no date. */
static char *
write_policy_with_warning (Fixture *fixture)
{
  g_autoptr(StkPolicy) policy = load_example ();

  stk_provider_set_dpa_date (stk_policy_find_provider (policy, "youtube"), "");
  return write_policy (fixture, "warning.json", policy);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* General */

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "samtykke-cli " PACKAGE_VERSION "\n");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *names[] = { "validate", "export", "fmt", "new", NULL };

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "--help");
    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; names[i] != NULL; i++)
      g_assert_nonnull (strstr (run.out, names[i]));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", "--help");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "samtykke-cli validate"));
    g_assert_nonnull (strstr (run.out, "--json"));
    g_assert_nonnull (strstr (run.out, "\"findings\""));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "help", "export");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--only"));
    g_assert_nonnull (strstr (run.out, "--output"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", "-h");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--check"));
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *example = example_path ();

  {
    g_auto(Run) run = { 0 };

    run_cli_lang (&run, NULL, (const char * const []) { NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "validate"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "frobnicate");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", "--bogus", example);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--bogus"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate");
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "help", "nothing");
    g_assert_cmpint (run.status, ==, 2);
  }
}

/* validate */

static void
test_validate_example (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", example);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nothing-here.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: ", path);
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
}

static void
test_validate_directory (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%s: ", fixture->dir);
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", fixture->dir);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
}

static void
test_validate_no_permission (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *contents = read_text (example);
  g_autofree char *path = write_file (fixture, "secret.json", contents, -1);
  g_autofree char *expected = g_strdup_printf ("%s: ", path);
  g_auto(Run) run = { 0 };
  gboolean as_nobody = FALSE;

  /* The superuser reads any file whatever its mode: run the program as "nobody", who may
   * look into the folder but not read the file. */
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      if (nobody == NULL || nobody->pw_uid == 0)
        {
          g_test_skip ("running as root, and there is no unprivileged user to run as");
          return;
        }
      run_as_uid = nobody->pw_uid;
      run_as_gid = nobody->pw_gid;
      as_nobody = TRUE;
      g_assert_cmpint (g_chmod (fixture->dir, 0711), ==, 0);
    }

  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  run_cli_full (&run, NULL, as_nobody, (const char * const []) { "validate", path, NULL });
  if (as_nobody && run.status == 127)
    {
      g_test_skip ("cannot run the program as an unprivileged user here");
      return;
    }
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
  /* Not a finding about the contents: the file was never read. */
  g_assert_cmpstr (run.out, ==, "");
}

/* A named pipe is readable for root too, but is no policy file: refused, not read (reading it
 * would wait for a writer forever). */
static void
test_validate_fifo (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: ", path);
  g_auto(Run) run = { 0 };

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  run_cli (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
}

/* Not JSON, not UTF-8, not a policy, empty: files with errors, located. */
static void
test_validate_malformed (Fixture       *fixture,
                         gconstpointer  data)
{
  struct {
    const char *name;
    const char *contents;
  } cases[] = {
    { "truncated.json", "{\n  \"format\": \"samtykke-policy\",\n  \"version\": " },
    { "latin1.json",
      "{\n  \"format\": \"samtykke-policy\",\n  \"name\": \"K\xf8" "benhavn\"\n}\n" },
    { "array.json", "[1, 2, 3]\n" },
    { "other.json", "{\n  \"hello\": \"world\"\n}\n" },
    { "empty.json", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (fixture, cases[i].name, cases[i].contents, -1);
      g_autoptr(GRegex) regex = NULL;
      g_autofree char *pattern = NULL;
      g_autofree char *quoted = g_regex_escape_string (path, -1);
      g_auto(Run) run = { 0 };

      run_cli (&run, "validate", path);
      g_assert_cmpint (run.status, ==, 1);

      pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: error: .+\n$", quoted);
      regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
      g_assert_nonnull (regex);
      if (!g_regex_match (regex, run.err, 0, NULL))
        g_error ("%s: “%s” does not read FILE:LINE:COL: error: …", cases[i].name, run.err);
    }

  {
    /* The truncated file ends on line 3. */
    g_autofree char *path = g_build_filename (fixture->dir, "truncated.json", NULL);
    g_autofree char *expected = g_strdup_printf ("%s:3:", path);
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", path);
    g_assert_true (g_str_has_prefix (run.err, expected));
  }
}

static void
test_validate_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *path = write_policy_with_error (fixture, &expected);
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_nonnull (strstr (run.out, "].preselected]\n"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_warning_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = write_policy_with_warning (fixture);
  g_autofree char *expected = g_strdup_printf ("%s:", path);
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_nonnull (strstr (run.out, ": warning: "));
  g_assert_null (strstr (run.out, ": error: "));
  g_assert_nonnull (strstr (run.out, "dpa_date]"));
}

/* The worst file decides: unreadable (2) over errors (1) over clean (0). */
static void
test_validate_several (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *expected = NULL;
  g_autofree char *bad = write_policy_with_error (fixture, &expected);
  g_autofree char *warning = write_policy_with_warning (fixture);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", example, warning);
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", bad, example);
    g_assert_cmpint (run.status, ==, 1);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", missing, bad);
    g_assert_cmpint (run.status, ==, 2);
    /* The readable file is still checked. */
    g_assert_true (g_str_has_prefix (run.out, expected));
  }
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_validate_json (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *expected = NULL;
  g_autofree char *bad = write_policy_with_error (fixture, &expected);
  g_autofree char *broken = write_file (fixture, "broken.json", "{\n  \"format\":", -1);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *file, *finding;
  JsonArray *files, *findings;
  int line = 0, column = 0;

  run_cli (&run, "validate", "--json", example, bad, broken, missing);
  g_assert_cmpint (run.status, ==, 2);

  root = parse_object (parser, run.out);
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 4);
  g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "warnings"), ==, 0);

  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "file"), ==, example);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "checked");
  g_assert_cmpint (json_object_get_int_member (file, "errors"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "findings")),
                    ==, 0);

  file = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "checked");
  g_assert_cmpint (json_object_get_int_member (file, "errors"), ==, 1);
  findings = json_object_get_array_member (file, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==, "preselected-category");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (finding, "path"),
                                   "].preselected"));
  g_assert_cmpstr (json_object_get_string_member (finding, "message"), !=, "");
  g_assert_true (sscanf (expected + strlen (bad), ":%d:%d:", &line, &column) == 2);
  g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, line);
  g_assert_cmpint (json_object_get_int_member (finding, "column"), ==, column);

  file = json_array_get_object_element (files, 2);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "invalid");
  findings = json_object_get_array_member (file, "findings");
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==, "load");
  g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, 2);

  file = json_array_get_object_element (files, 3);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "unreadable");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (file, "message"), missing));
}

/* export */

static void
test_export_writes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "site", "cookies", NULL);
  g_autoptr(StkPolicy) policy = load_example ();
  g_autoptr(GBytes) expected_json = stk_export_policy_json (policy);
  const char *names[] = { "policy.json", "banner.html", "cookie-policy.da.html",
                          "cookie-policy.en.html", "samtykke.js", "samtykke.css", NULL };
  g_auto(Run) run = { 0 };

  run_cli (&run, "export", example, "-o", out);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_test_message ("expecting %s", path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 0);

      /* The same bytes the editor's export writes. */
      if (i == 0)
        g_assert_cmpmem (contents, length, g_bytes_get_data (expected_json, NULL),
                         g_bytes_get_size (expected_json));
    }
  g_assert_cmpuint (count_entries (out), ==, 6);
}

static void
test_export_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *json = g_build_filename (out, "policy.json", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", example, "-o", out, "--only", "json");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpuint (count_entries (out), ==, 1);
  }

  {
    g_autofree char *other = g_build_filename (fixture->dir, "other", NULL);
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", example, "-o", other, "--only", "json,sparkles");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* --site-path: the fragment names policy.json and the pages where the folder is published; a
 * path that is not one from the site's root is a usage error, and nothing is written. */
static void
test_export_site_path (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *banner_path = g_build_filename (out, "banner.html", NULL);
  g_autofree char *banner = NULL;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", example, "-o", out, "--only", "banner", "--site-path", "/cookies");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (banner_path, &banner, NULL, NULL));
    g_assert_nonnull (strstr (banner, " src=\"/cookies/policy.json\">"));
    g_assert_nonnull (strstr (banner, "<a href=\"/cookies/cookie-policy.da.html\">"));
  }

  {
    g_autofree char *other = g_build_filename (fixture->dir, "other", NULL);
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", example, "-o", other, "--site-path", "https://kk.dk/cookies/");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "https://kk.dk/cookies/"));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_refuses_errors (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *bad = write_policy_with_error (fixture, &expected);
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_auto(Run) run = { 0 };

  run_cli (&run, "export", bad, "-o", out);
  g_assert_cmpint (run.status, ==, 1);
  /* It says why: the finding itself, then the refusal. */
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_nonnull (strstr (run.err, "not exported"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_export_refuses_into_existing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *bad = write_policy_with_error (fixture, &expected);
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *old = NULL;
  g_autofree char *kept = NULL;
  g_auto(Run) run = { 0 };

  /* A folder from an earlier export stays as it was. */
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  old = g_build_filename (out, "policy.json", NULL);
  g_assert_true (g_file_set_contents (old, "earlier\n", -1, NULL));

  run_cli (&run, "export", bad, "-o", out);
  g_assert_cmpint (run.status, ==, 1);
  kept = read_text (old);
  g_assert_cmpstr (kept, ==, "earlier\n");
  g_assert_cmpuint (count_entries (out), ==, 1);
}

/* A folder that cannot be made (a file stands in its place): a failure, and the file stays. */
static void
test_export_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *blocker = write_file (fixture, "out", "not a folder\n", -1);
  g_autofree char *kept = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: ", blocker);
  g_auto(Run) run = { 0 };

  run_cli (&run, "export", example, "-o", blocker);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  kept = read_text (blocker);
  g_assert_cmpstr (kept, ==, "not a folder\n");
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_export_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", example);
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", missing, "-o", out);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_autofree char *broken = write_file (fixture, "broken.json", "{", -1);
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", broken, "-o", out);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* fmt */

static void
test_fmt_print (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *contents = read_text (example);
  g_auto(Run) run = { 0 };

  run_cli (&run, "fmt", example);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, contents);
}

/* The example, written by another JSON writer: compact, other indentation. */
static char *
write_untidy_example (Fixture *fixture)
{
  g_autofree char *example = example_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 4);
  text = json_generator_to_data (generator, NULL);

  return write_file (fixture, "untidy.json", text, -1);
}

static void
test_fmt_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *canonical = read_text (example);
  g_autofree char *untidy = write_untidy_example (fixture);
  g_autofree char *before = read_text (untidy);

  g_assert_cmpstr (before, !=, canonical);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", untidy);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, canonical);
  }

  {
    g_autofree char *unchanged = NULL;
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", "--check", untidy);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, untidy));
    unchanged = read_text (untidy);
    g_assert_cmpstr (unchanged, ==, before);
  }

  {
    g_autofree char *after = NULL;
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", "--write", untidy);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    after = read_text (untidy);
    g_assert_cmpstr (after, ==, canonical);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", "--check", untidy, example);
    g_assert_cmpint (run.status, ==, 0);
  }
}

static void
test_fmt_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *broken = write_file (fixture, "broken.json", "{\"format\": 1", -1);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);

  {
    g_autofree char *after = NULL;
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", "--write", broken);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, broken));
    after = read_text (broken);
    g_assert_cmpstr (after, ==, "{\"format\": 1");
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", missing);
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", "--write", "--check", example);
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "fmt", example, example);
    g_assert_cmpint (run.status, ==, 2);
  }
}

/* new */

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "kommune.json", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *canonical = read_text (example);

  {
    g_autofree char *written = NULL;
    g_auto(Run) run = { 0 };

    run_cli (&run, "new", "-o", path);
    g_assert_cmpint (run.status, ==, 0);
    written = read_text (path);
    g_assert_cmpstr (written, ==, canonical);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", path);
    g_assert_cmpint (run.status, ==, 0);
  }

  g_assert_true (g_file_set_contents (path, "mine\n", -1, NULL));

  {
    g_autofree char *kept = NULL;
    g_auto(Run) run = { 0 };

    run_cli (&run, "new", "-o", path);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, path));
    kept = read_text (path);
    g_assert_cmpstr (kept, ==, "mine\n");
  }

  {
    g_autofree char *written = NULL;
    g_auto(Run) run = { 0 };

    run_cli (&run, "new", "--force", "-o", path);
    g_assert_cmpint (run.status, ==, 0);
    written = read_text (path);
    g_assert_cmpstr (written, ==, canonical);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "new");
    g_assert_cmpint (run.status, ==, 2);
  }
}

/* Danish */

static void
test_danish (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *po_dir = g_build_filename (g_getenv ("SAMTYKKE_BUILD_DIR"), "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "da", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);
  const char *msgid = "%s: is a folder, not a policy file";
  g_autofree char *translated = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) english = { 0 };

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the Danish catalogue is not built");
      return;
    }

  /* What the catalogue says, looked up here the way the program does. */
  g_setenv ("LANGUAGE", "da", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  translated = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_message ("Danish: %s", translated);
  g_assert_cmpstr (translated, !=, msgid);

  run_cli_lang (&run, "da", (const char * const []) { "validate", fixture->dir, NULL });
  g_assert_cmpint (run.status, ==, 2);
  expected = g_strdup_printf ("%s: ", fixture->dir);
  g_assert_true (g_str_has_prefix (run.err, expected));

  run_cli (&english, "validate", fixture->dir);
  g_assert_cmpstr (run.err, !=, english.err);
  g_assert_nonnull (strstr (run.err, translated + strlen ("%s: ")));
}

/* audit */

static char *
har_path (const char *name)
{
  return g_build_filename (g_getenv ("SAMTYKKE_SOURCE_DIR"), "tests", "audit", "har", name,
                           NULL);
}

static void
test_audit_findings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *policy = example_path ();
  g_autofree char *har = har_path ("consent-flow.har");
  g_autofree char *contents = NULL;
  g_autofree char *note = NULL;
  const char *cookie;
  int line = 1;
  g_auto(Run) run = { 0 };

  /* The line of the cookie's object: the one before its name. */
  g_assert_true (g_file_get_contents (policy, &contents, NULL, NULL));
  cookie = strstr (contents, "\"name\": \"VISITOR_INFO1_LIVE\"");
  g_assert_nonnull (cookie);
  for (const char *p = contents; p < cookie; p++)
    line += *p == '\n';
  note = g_strdup_printf ("copenhagen.json:%d:9: note: “VISITOR_INFO1_LIVE”", line - 1);

  run_cli (&run, "audit", policy, har);
  g_assert_cmpint (run.status, ==, 1);
  /* Located at the HAR entry that showed it, in the compiler's form. */
  g_assert_nonnull (strstr (run.out, "consent-flow.har:17:7: error: “_tracker” (cookie, "
                                     "www.kk.dk) is not declared"));
  g_assert_nonnull (strstr (run.out, "“nmstat” (cookie, kk.dk) of the category “statistical” "
                                     "is set before the visitor consents"));
  g_assert_nonnull (strstr (run.out, "note: the Open Cookie Database suggests for “_ga”: "
                                     "Google Analytics"));
  /* Unseen declarations point at the policy. */
  g_assert_nonnull (strstr (run.out, note));
  g_assert_nonnull (strstr (run.err, "3 set before consent"));
}

static void
test_audit_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *policy = example_path ();
  g_autofree char *har = har_path ("consent-flow.har");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *items;
  guint before = 0, undeclared = 0;

  run_cli (&run, "audit", "--json", policy, har);
  g_assert_cmpint (run.status, ==, 1);
  root = parse_object (parser, run.out);
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 10);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_true (json_object_has_member (item, "kind"));
      g_assert_true (json_object_has_member (item, "domain"));
      before += json_object_get_boolean_member (item, "before_consent");
      undeclared += g_str_equal (json_object_get_string_member (item, "status"), "undeclared");
    }
  g_assert_cmpuint (before, ==, 3);
  g_assert_cmpuint (undeclared, ==, 2);
}

/* A HAR file that declares and sets only what is declared, after consent: exit 0. */
static void
test_audit_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *policy = example_path ();
  g_autofree char *har = write_file (fixture, "clean.har",
    "{\"log\": {\"version\": \"1.2\", \"entries\": [{\"request\": {\"url\": "
    "\"https://www.kk.dk/\", \"cookies\": []}, \"response\": {\"cookies\": ["
    "{\"name\": \"ASP.NET_SessionId\", \"value\": \"a\"}]}}]}}", -1);
  g_auto(Run) run = { 0 };

  run_cli (&run, "audit", policy, har);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "error:"));
  /* The declarations it did not see are notes, not failures. */
  g_assert_nonnull (strstr (run.out, "note:"));
}

static void
test_audit_bad_input (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *policy = example_path ();
  g_autofree char *truncated = har_path ("truncated.har");
  g_autofree char *no_cookies = har_path ("no-cookies.har");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.har", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:144:24: error: ", truncated);
  g_auto(Run) run = { 0 };

  run_cli (&run, "audit", policy, truncated);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
  run_clear (&run);

  run_cli (&run, "audit", policy, missing);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* A HAR without cookies is a finding: it proves nothing. */
  run_cli (&run, "audit", policy, no_cookies);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "sensitive data"));
  run_clear (&run);

  run_cli (&run, "audit", policy);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (&run, "scan", policy, "ftp://example.com/");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "not a web address"));
}

/* export --format and import: other banners' configurations and spreadsheets. Each run of
 * the program counts under the sanitizers: what tests/interop covers in the core is not
 * repeated here. */

static void
test_export_format (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *vcc = g_build_filename (out, "cookieconsent-config.js", NULL);
  g_autofree char *klaro = g_build_filename (out, "klaro-config.js", NULL);
  g_autofree char *csv = g_build_filename (out, "cookies.csv", NULL);

  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_cli (&run, "export", example, "-o", out, "--format", "vanilla-cookieconsent");
    g_assert_cmpint (run.status, ==, 0);
    text = read_text (vcc);
    g_assert_nonnull (strstr (text, "CookieConsent.run("));
    /* What the library has no place for is listed at its place in the policy. */
    g_assert_nonnull (strstr (run.err, "copenhagen.json:"));
    g_assert_nonnull (strstr (run.err, ": warning: "));
    /* Only the one file. */
    g_assert_false (g_file_test (klaro, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_cli (&run, "export", example, "-o", out, "--format", "csv", "--csv-excel");
    g_assert_cmpint (run.status, ==, 0);
    text = read_text (csv);
    g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "Leverandør;Kategori;Navn;"));
  }
}

static void
test_export_format_usage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  const char * const bad[][9] = {
    { "export", example, "-o", out, "--format", "tarteaucitron", NULL },
    { "export", example, "-o", out, "--format", "klaro", "--only", "policy" },
    { "export", example, "-o", out, "--format", "klaro", "--csv-excel", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli_lang (&run, NULL, bad[i]);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* A configuration with one category and one service, written as the site includes it. */
static const char vcc_config[] =
  "CookieConsent.run({\n"
  "  categories: {\n"
  "    necessary: { readOnly: true },\n"
  "    analytics: { services: { ga: { label: 'Google Analytics',\n"
  "                                   cookies: [{ name: /^_ga_.*$/ }] } } }\n"
  "  },\n"
  "  onConsent: function () {},\n"
  "  language: { default: 'en', translations: { en: {\n"
  "    consentModal: { title: 'Cookies', acceptAllBtn: 'Accept all' } } } }\n"
  "});\n";

static void
test_import_config (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *config = write_file (fixture, "config.js", vcc_config, -1);
  g_autofree char *out = g_build_filename (fixture->dir, "policy.json", NULL);

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GFile) file = g_file_new_for_path (out);
    g_autoptr(StkPolicy) policy = NULL;
    g_autoptr(GError) error = NULL;

    run_cli (&run, "import", config, "-o", out);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "config.js: warning: "));
    g_assert_nonnull (strstr (run.err, "[onConsent]"));
    policy = stk_policy_load_file (file, &error);
    g_assert_no_error (error);
    g_assert_nonnull (stk_policy_find_category (policy, "analytics"));
    g_assert_cmpstr (stk_text_get (stk_policy_get_text (policy, "banner_title"), "en"), ==,
                     "Cookies");
  }

  {
    g_auto(Run) run = { 0 };

    /* An existing policy is not overwritten without --force. */
    run_cli (&run, "import", config, "-o", out);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "--force"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import", config, "-o", out, "--from", "klaro", "--force");
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "vanilla-cookieconsent"));
  }
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *throws = write_file (fixture, "throws.js",
                                        "var x = 1;\nthrow new TypeError ('broken');\n", -1);
  g_autofree char *empty = write_file (fixture, "empty.json", "{}", -1);
  g_autofree char *out = g_build_filename (fixture->dir, "policy.json", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import", throws, "-o", out);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "throws.js:2:"));
    g_assert_nonnull (strstr (run.err, "broken"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import", empty, "-o", out);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import", throws);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StkPolicy) example = load_example ();
  g_autofree char *policy = write_policy (fixture, "policy.json", example);
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *good = write_file (fixture, "good.csv",
                                      "Navn,Leverandør,Varighed,Mønster\r\n"
                                      "_ui_new,Userindex ApS,3 måneder,nej\r\n", -1);
  g_autofree char *bad = write_file (fixture, "bad.csv",
                                     "Provider,Name,Duration\n"
                                     "Userindex ApS,_ui_a,3 months\n"
                                     "Userindex ApS,_ui_b,forever\n"
                                     "Nobody Ltd.,_x,session\n", -1);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import", bad, "--into", policy, "-o", out);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.csv:3: "));
    g_assert_nonnull (strstr (run.err, "bad.csv:4: "));
    g_assert_null (strstr (run.err, "bad.csv:2: "));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GFile) file = g_file_new_for_path (out);
    g_autoptr(StkPolicy) result = NULL;
    g_autoptr(GError) error = NULL;
    StkList *providers;
    gboolean found = FALSE;

    run_cli (&run, "import", good, "--into", policy, "-o", out);
    g_assert_cmpint (run.status, ==, 0);
    result = stk_policy_load_file (file, &error);
    g_assert_no_error (error);
    providers = stk_policy_get_providers (result);
    for (guint i = 0; i < stk_list_get_n (providers); i++)
      {
        StkList *cookies = stk_provider_get_cookies (stk_list_peek (providers, i));

        for (guint j = 0; j < stk_list_get_n (cookies); j++)
          found |= g_str_equal (stk_cookie_get_name (stk_list_peek (cookies, j)), "_ui_new");
      }
    g_assert_true (found);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import", good, "-o", out, "--force");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--into"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The program to test comes as the one argument left after the test framework's own. */
  if (argc < 2)
    g_error ("usage: test-cli [TEST OPTION…] PATH-TO-SAMTYKKE-CLI");
  cli_path = argv[1];

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/cli/version", test_version);
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/validate/example", test_validate_example);
  ADD ("/cli/validate/missing", test_validate_missing);
  ADD ("/cli/validate/directory", test_validate_directory);
  ADD ("/cli/validate/no-permission", test_validate_no_permission);
  ADD ("/cli/validate/fifo", test_validate_fifo);
  ADD ("/cli/validate/malformed", test_validate_malformed);
  ADD ("/cli/validate/errors", test_validate_errors);
  ADD ("/cli/validate/warning-only", test_validate_warning_only);
  ADD ("/cli/validate/several", test_validate_several);
  ADD ("/cli/validate/json", test_validate_json);
  ADD ("/cli/export/writes", test_export_writes);
  ADD ("/cli/export/only", test_export_only);
  ADD ("/cli/export/site-path", test_export_site_path);
  ADD ("/cli/export/refuses-errors", test_export_refuses_errors);
  ADD ("/cli/export/keeps-earlier", test_export_refuses_into_existing);
  ADD ("/cli/export/fails", test_export_fails);
  ADD ("/cli/export/usage", test_export_usage);
  ADD ("/cli/export/format", test_export_format);
  ADD ("/cli/export/format-usage", test_export_format_usage);
  ADD ("/cli/import/config", test_import_config);
  ADD ("/cli/import/refused", test_import_refused);
  ADD ("/cli/import/csv", test_import_csv);
  ADD ("/cli/fmt/print", test_fmt_print);
  ADD ("/cli/fmt/round-trip", test_fmt_round_trip);
  ADD ("/cli/fmt/errors", test_fmt_errors);
  ADD ("/cli/new", test_new);
  ADD ("/cli/danish", test_danish);
  ADD ("/cli/audit/findings", test_audit_findings);
  ADD ("/cli/audit/json", test_audit_json);
  ADD ("/cli/audit/clean", test_audit_clean);
  ADD ("/cli/audit/bad-input", test_audit_bad_input);

#undef ADD

  return g_test_run ();
}
