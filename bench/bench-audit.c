/* bench-audit.c — how fast the Open Cookie Database answers, and how fast HAR files are read
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-audit [--rounds N] [--har-mb N]
 *
 * Lookups: 10,000 names, a third of them names the database holds, a third names that only a
 * wildcard prefix of it matches (the prefix and a random tail), a third unknown to it; each
 * round looks them all up, with a domain. HAR: a generated file of N megabytes (bodies of
 * 256 KiB, a Set-Cookie header in every entry) is read and matched against the example
 * policy. The figures are the median, minimum and maximum over the rounds.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "stk-core.h"
#include "stk-ocd-private.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times,
        const char *unit)
{
  g_array_sort (times, compare_doubles);
  g_print ("%-44s median %8.2f %s  (min %.2f, max %.2f, %u rounds)\n", what,
           g_array_index (times, double, times->len / 2), unit,
           g_array_index (times, double, 0), g_array_index (times, double, times->len - 1),
           times->len);
}

static GPtrArray *
make_names (guint n)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (20261130);

  for (guint i = 0; i < n; i++)
    {
      switch (i % 3)
        {
        case 0:
          g_ptr_array_add (names, g_strdup (stk_ocd_pool
                                            + stk_ocd_rows[g_rand_int_range (rand, 0, (gint32) stk_ocd_n_rows)].name));
          break;
        case 1:
          {
            guint w = stk_ocd_wildcards[g_rand_int_range (rand, 0, (gint32) stk_ocd_n_wildcards)];

            g_ptr_array_add (names, g_strdup_printf ("%s%08x", stk_ocd_pool + stk_ocd_rows[w].name,
                                                     g_rand_int (rand)));
          }
          break;
        default:
          g_ptr_array_add (names, g_strdup_printf ("site_cookie_%08x_%u", g_rand_int (rand), i));
        }
    }

  g_rand_free (rand);
  return names;
}

static char *
make_har (guint megabytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  char *path = NULL;
  gsize body_size = 256 * 1024;
  guint entries = megabytes * 4;
  FILE *f;
  int fd;

  fd = g_file_open_tmp ("samtykke-bench-XXXXXX.har", &path, &error);
  g_assert_no_error (error);
  f = fdopen (fd, "w");
  body = g_malloc (body_size + 1);
  memset (body, 'x', body_size);
  body[body_size] = '\0';

  fputs ("{\"log\": {\"version\": \"1.2\", \"entries\": [\n", f);
  for (guint i = 0; i < entries; i++)
    fprintf (f, "%s{\"startedDateTime\": \"2026-11-30T10:00:00Z\", "
             "\"request\": {\"url\": \"https://www.kk.dk/side/%u\", "
             "\"cookies\": [{\"name\": \"ASP.NET_SessionId\", \"value\": \"a\"}]}, "
             "\"response\": {\"headers\": [{\"name\": \"Set-Cookie\", "
             "\"value\": \"c%u=1; Domain=kk.dk; Max-Age=600\"}], \"cookies\": [], "
             "\"content\": {\"text\": \"%s\"}}}\n", i > 0 ? "," : "", i, i % 50, body);
  fputs ("]}}\n", f);
  fclose (f);

  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) lookup_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) har_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();
  g_autofree char *har = NULL;
  int rounds = 9, har_mb = 200;
  guint found = 0;
  const GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds of each measurement (9)", "N" },
    { "har-mb", 0, 0, G_OPTION_ARG_INT, &har_mb, "Size of the HAR file read (200)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  rounds = MAX (rounds, 1);

  names = make_names (10000);
  for (int r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      found = 0;
      for (guint i = 0; i < names->len; i++)
        {
          StkOcdEntry entry;

          found += stk_ocd_lookup (g_ptr_array_index (names, i), "www.kk.dk", &entry);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (lookup_times, ms);
    }
  report ("10,000 lookups in the cookie database", lookup_times, "ms");
  g_print ("  (%u of 10,000 names matched; %u rows, %u wildcard prefixes)\n", found,
           stk_ocd_n_rows, stk_ocd_n_wildcards);

  if (har_mb > 0)
    {
      har = make_har ((guint) har_mb);
      for (int r = 0; r < MIN (rounds, 5); r++)
        {
          g_autoptr(StkAuditReport) audit = stk_audit_report_new (policy, STK_AUDIT_SOURCE_HAR);
          gint64 start = g_get_monotonic_time ();
          double seconds;

          if (!stk_har_read (audit, har, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          stk_audit_report_finish (audit);
          seconds = (g_get_monotonic_time () - start) / 1e6;
          seconds = har_mb / seconds;
          g_array_append_val (har_times, seconds);
        }
      {
        g_autofree char *what = g_strdup_printf ("reading a %d MB HAR file", har_mb);

        report (what, har_times, "MB/s");
      }
      g_unlink (har);
    }

  return 0;
}
