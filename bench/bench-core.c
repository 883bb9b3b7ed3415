/* bench-core.c — times loading, validating and saving a policy against json-glib's bare parse
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time: every phase runs ROUNDS times in this process, interleaved with the bare parse of the
 * same bytes, and the median and the fastest round are reported, in wall-clock time and in the
 * processor time the process used (which other work on a shared machine does not inflate).
 *
 * Memory: a process's peak resident size only ever grows, so one process cannot tell the peak of
 * each phase apart. Each figure therefore comes from a fresh child (this program run again with
 * --memory PHASE), which reads its own peak (VmHWM) before touching the file and again at the
 * end; the difference is what the phase needed, the file's bytes in memory included.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stk-core.h"

typedef enum
{
  PHASE_PARSE,          /* json_parser_load_from_data: the reference */
  PHASE_LOAD,           /* stk_policy_load_data */
  PHASE_VALIDATE,       /* stk_policy_validate of a loaded policy */
  PHASE_SAVE,           /* stk_policy_save_file of a loaded policy */
  PHASE_ALL,            /* load + validate + save, one after the other */
  N_PHASES
} Phase;

static const char * const phase_names[N_PHASES] = {
  "parse", "load", "validate", "save", "all",
};

static const char * const memory_labels[N_PHASES] = {
  "read + json-glib parse",
  "read + load",
  "read + load + validate",
  "read + load + validate + save",
  "read + load + validate + save",
};

static const char * const phase_labels[N_PHASES] = {
  "json-glib parse (reference)",
  "load",
  "validate",
  "save",
  "load + validate + save",
};

/* Peak resident set size of this process so far, in bytes, from /proc/self/status; 0 when the
 * kernel does not say. */
static gsize
read_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return 0;

  return (gsize) g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10) * 1024;
}

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("bench-core: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static StkPolicy *
load_policy (const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  StkPolicy *policy = stk_policy_load_data (data, length, "bench.json", &error);

  if (policy == NULL)
    fail ("load", error);

  return policy;
}

static void
save_policy (StkPolicy *policy,
             GFile     *target)
{
  g_autoptr(GError) error = NULL;

  if (!stk_policy_save_file (policy, target, &error))
    fail ("save", error);
}

static void
parse_bare (const char *data,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    fail ("json-glib parse", error);
}

/* The child's side of a memory measurement: prints one line, "PEAK_BEFORE PEAK_AFTER". */
static int
measure_memory (Phase       phase,
                const char *path,
                GFile      *target)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GListModel) findings = NULL;
  gsize length;
  gsize before;

  /* Make the core's types and json-glib's exist before the baseline, as in a running program. */
  g_type_ensure (STK_TYPE_POLICY);
  g_type_ensure (JSON_TYPE_PARSER);
  before = read_peak_rss ();

  if (!g_file_get_contents (path, &data, &length, &error))
    fail (path, error);

  switch (phase)
    {
    case PHASE_PARSE:
      parse_bare (data, length);
      break;
    case PHASE_LOAD:
      policy = load_policy (data, length);
      break;
    case PHASE_VALIDATE:
      policy = load_policy (data, length);
      findings = stk_policy_validate (policy);
      break;
    case PHASE_SAVE:
    case PHASE_ALL:
      policy = load_policy (data, length);
      findings = stk_policy_validate (policy);
      save_policy (policy, target);
      break;
    case N_PHASES:
    default:
      g_assert_not_reached ();
    }

  g_print ("%" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\n", before, read_peak_rss ());
  return 0;
}

static gboolean
run_child (Phase       phase,
           const char *path,
           const char *target,
           gsize      *peak)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--memory", phase_names[phase], "--target", target, path, NULL };
  guint64 before, after;
  char *end;
  int status;

  if (self == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-core: memory of %s: %s\n", phase_names[phase],
                  error != NULL ? error->message : "cannot run myself");
      return FALSE;
    }

  before = g_ascii_strtoull (out, &end, 10);
  after = g_ascii_strtoull (end, NULL, 10);
  if (after == 0)
    return FALSE;

  *peak = (gsize) (after - MIN (before, after));
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static double
minimum (double *values,
         guint   n)
{
  double m = values[0];

  for (guint i = 1; i < n; i++)
    m = MIN (m, values[i]);
  return m;
}

/* Wall-clock time, and the processor time this process used (which other work on a shared
 * machine does not inflate). */
typedef struct
{
  double wall;
  double cpu;
} Clock;

static Clock
clock_now (void)
{
  struct timespec ts;
  Clock now;

  now.wall = g_get_monotonic_time () / (double) G_USEC_PER_SEC;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  now.cpu = ts.tv_sec + ts.tv_nsec / 1e9;
  return now;
}

static void
clock_since (Clock   start,
             double *wall,
             double *cpu)
{
  Clock now = clock_now ();

  *wall = now.wall - start.wall;
  *cpu = now.cpu - start.cpu;
}

int
main (int   argc,
      char *argv[])
{
  int rounds = 5;
  g_autofree char *memory_phase = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *generator = NULL;
  gboolean no_memory = FALSE;
  gboolean check = FALSE;
  gboolean time_met;
  gboolean memory_met = TRUE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *target_name = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GListModel) findings = NULL;
  double times[N_PHASES][64];
  double cpu_times[N_PHASES][64];
  double med[N_PHASES], best[N_PHASES], cpu_med[N_PHASES];
  gsize peaks[N_PHASES] = { 0 };
  gboolean have_peak[N_PHASES] = { FALSE };
  gsize length;
  guint n_cookies = 0;
  StkList *providers;
  const GOptionEntry entries[] = {
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Rounds of each phase (1–64)", "N" },
    { "no-memory", 0, 0, G_OPTION_ARG_NONE, &no_memory, "Do not measure peak memory", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Exit with 1 when a target is not met", NULL },
    { "generate", 0, 0, G_OPTION_ARG_FILENAME, &generator,
      "Make a missing POLICY.json by running PROGRAM POLICY.json first", "PROGRAM" },
    { "memory", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &memory_phase, NULL, NULL },
    { "target", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &target_path, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("POLICY.json — time the core against json-glib");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2 || rounds < 1 || rounds > 64)
    {
      g_printerr ("Usage: %s [--rounds N] [--no-memory] [--generate PROGRAM] POLICY.json\n",
                  g_get_prgname ());
      return 2;
    }

  if (memory_phase != NULL)
    {
      g_autoptr(GFile) child_target = g_file_new_for_path (target_path != NULL ? target_path
                                                                               : "/dev/null");

      for (guint p = 0; p < N_PHASES; p++)
        if (g_str_equal (memory_phase, phase_names[p]))
          return measure_memory ((Phase) p, argv[1], child_target);
      g_printerr ("Unknown phase %s\n", memory_phase);
      return 2;
    }

  if (generator != NULL && !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      const char *gen_argv[] = { generator, argv[1], NULL };
      int status;

      if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                         &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        fail (generator, error);
    }

  if (!g_file_get_contents (argv[1], &data, &length, &error))
    fail (argv[1], error);

  tmpdir = g_dir_make_tmp ("samtykke-bench-XXXXXX", &error);
  if (tmpdir == NULL)
    fail ("temporary folder", error);
  target_name = g_build_filename (tmpdir, "policy.json", NULL);
  target = g_file_new_for_path (target_name);

  /* One untimed round warms the caches and checks that the file is what it should be. */
  parse_bare (data, length);
  policy = load_policy (data, length);
  findings = stk_policy_validate (policy);
  save_policy (policy, target);
  {
    g_autofree char *saved = NULL;
    gsize saved_length;

    if (!g_file_get_contents (target_name, &saved, &saved_length, &error))
      fail (target_name, error);
    if (saved_length != length || memcmp (saved, data, length) != 0)
      g_printerr ("bench-core: warning: saving does not give back the same bytes "
                  "(the input is not in canonical form)\n");
  }
  providers = stk_policy_get_providers (policy);
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    n_cookies += stk_list_get_n (stk_provider_get_cookies (stk_list_peek (providers, i)));

  g_print ("file: %s\n", argv[1]);
  g_print ("size: %.1f MB (%" G_GSIZE_FORMAT " bytes); %u providers, %u cookies\n",
           length / 1e6, length, stk_list_get_n (providers), n_cookies);
  g_print ("findings: %u errors, %u warnings\n",
           stk_findings_count (findings, STK_SEVERITY_ERROR),
           stk_findings_count (findings, STK_SEVERITY_WARNING));
  g_clear_object (&findings);
  g_clear_object (&policy);

  for (guint r = 0; r < (guint) rounds; r++)
    {
      Clock start;

      start = clock_now ();
      parse_bare (data, length);
      clock_since (start, &times[PHASE_PARSE][r], &cpu_times[PHASE_PARSE][r]);

      start = clock_now ();
      policy = load_policy (data, length);
      clock_since (start, &times[PHASE_LOAD][r], &cpu_times[PHASE_LOAD][r]);

      start = clock_now ();
      findings = stk_policy_validate (policy);
      clock_since (start, &times[PHASE_VALIDATE][r], &cpu_times[PHASE_VALIDATE][r]);

      start = clock_now ();
      save_policy (policy, target);
      clock_since (start, &times[PHASE_SAVE][r], &cpu_times[PHASE_SAVE][r]);

      times[PHASE_ALL][r] = cpu_times[PHASE_ALL][r] = 0;
      for (guint p = PHASE_LOAD; p <= PHASE_SAVE; p++)
        {
          times[PHASE_ALL][r] += times[p][r];
          cpu_times[PHASE_ALL][r] += cpu_times[p][r];
        }

      /* Freeing is outside the timed phases, for the core as for the reference parse. */
      g_clear_object (&findings);
      g_clear_object (&policy);
    }

  for (guint p = 0; p < N_PHASES; p++)
    {
      med[p] = median (times[p], (guint) rounds);
      best[p] = minimum (times[p], (guint) rounds);
      cpu_med[p] = median (cpu_times[p], (guint) rounds);
    }

  if (!no_memory)
    {
      for (guint p = 0; p < N_PHASES; p++)
        if (p != PHASE_SAVE) /* the "all" child is the one that saves */
          have_peak[p] = run_child ((Phase) p, argv[1], target_name, &peaks[p]);
    }

  g_print ("\n%-30s %10s %10s %10s %10s %10s\n", "wall-clock time", "median s", "best s",
           "x parse", "cpu s", "x parse");
  for (guint p = 0; p < N_PHASES; p++)
    g_print ("%-30s %10.3f %10.3f %10.2f %10.3f %10.2f\n", phase_labels[p], med[p], best[p],
             med[p] / med[PHASE_PARSE], cpu_med[p], cpu_med[p] / cpu_med[PHASE_PARSE]);

  if (!no_memory)
    {
      /* Each child runs the phases up to the one named, so its peak is that of a program that
       * has done all of them; the file's bytes are counted too. */
      g_print ("\n%-30s %10s %10s\n", "peak memory, file included", "MB", "x file");
      for (guint p = 0; p < N_PHASES; p++)
        if (have_peak[p])
          g_print ("%-30s %10.1f %10.2f\n", memory_labels[p], peaks[p] / 1e6,
                   (double) peaks[p] / length);
    }

  time_met = med[PHASE_ALL] <= 2 * med[PHASE_PARSE];
  g_print ("\ntarget: load + validate + save within 2x the bare parse: %.2fx — %s\n",
           med[PHASE_ALL] / med[PHASE_PARSE], time_met ? "met" : "NOT met");
  if (have_peak[PHASE_ALL])
    {
      memory_met = peaks[PHASE_ALL] <= 4 * length;
      g_print ("target: peak memory within 4x the file size: %.2fx — %s\n",
               (double) peaks[PHASE_ALL] / length, memory_met ? "met" : "NOT met");
    }

  g_unlink (target_name);
  g_rmdir (tmpdir);

  if (check && !(time_met && memory_met))
    return 1;

  return 0;
}
