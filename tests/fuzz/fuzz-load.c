/* fuzz-load.c — libFuzzer target: arbitrary bytes through the policy loader, writer and validator
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides not crashing, the target checks what the format promises: a refused file comes with
 * an error message and its place, and what the writer produces loads again and is written back
 * unchanged. The same bytes go through the path parser, and every finding's path with them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>

#include "stk-core.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning from the core means it was handed something it did not expect. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* Whether @path holds only names of letters, digits, "_" and "-", and indices. */
static gboolean
is_plain_path (const char *path)
{
  const char *p = path;

  do
    {
      if (*p == '.')
        p++;
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
      while (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        p++;
      while (*p == '[' && g_ascii_isdigit (p[1]))
        {
          for (p++; g_ascii_isdigit (*p); p++)
            ;
          if (*p++ != ']')
            return FALSE;
        }
    }
  while (*p == '.');

  return *p == '\0';
}

/* Any text is a path or not, without a crash; a path reads back as the same text. */
static void
check_path_text (const char *data,
                 size_t      size)
{
  g_autofree char *text = g_strndup (data, MIN (size, 4096));
  g_autoptr(StkPath) path = stk_path_parse (text);
  g_autofree char *back = NULL;

  if (path == NULL)
    return;

  back = stk_path_to_string (path);
  if (!g_str_equal (back, text))
    {
      g_printerr ("the path %s reads back as %s\n", text, back);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(StkPolicy) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree int *lines = NULL;
  g_autofree int *columns = NULL;
  guint n;
  const char *saved;
  gsize saved_size;

  check_path_text ((const char *) data, size);

  policy = stk_policy_load_data ((const char *) data, size, "fuzz.json", &error);
  if (policy == NULL)
    {
      const StkLocation *location;
      g_autofree char *placed = NULL;

      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        {
          g_printerr ("refused without a message\n");
          abort ();
        }

      /* The place beside the message is the one in it. */
      location = stk_error_get_location (error);
      if (location == NULL)
        {
          g_printerr ("refused without a location: %s\n", error->message);
          abort ();
        }
      placed = g_strdup_printf ("%s:%d:%d: %s", location->file, location->line,
                                location->column, location->message);
      if (!g_str_equal (placed, error->message) || location->line < 1 || location->column < 1)
        {
          g_printerr ("the location “%s” is not that of “%s”\n", placed, error->message);
          abort ();
        }
      return 0;
    }
  g_assert_no_error (error);

  findings = stk_policy_validate (policy);
  n = g_list_model_get_n_items (findings);
  paths = g_ptr_array_new_with_free_func ((GDestroyNotify) stk_path_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);
      g_autoptr(StkPath) path = stk_path_parse (stk_finding_get_path (finding));

      /* A finding's path parses, and reads back the same; only a member name taken from the
       * file (a language of a localized URL may be any text) may keep it from parsing. */
      if (path != NULL)
        {
          g_autofree char *text = stk_path_to_string (path);

          if (!g_str_equal (text, stk_finding_get_path (finding)))
            {
              g_printerr ("the path %s reads back as %s\n", stk_finding_get_path (finding), text);
              abort ();
            }
          g_ptr_array_add (paths, g_steal_pointer (&path));
        }
      else if (is_plain_path (stk_finding_get_path (finding)))
        {
          g_printerr ("the path %s does not parse\n", stk_finding_get_path (finding));
          abort ();
        }
    }

  /* All the findings located in one walk stand where each located alone stands. */
  lines = g_new0 (int, paths->len + 1);
  columns = g_new0 (int, paths->len + 1);
  if (stk_paths_locate ((StkPath **) paths->pdata, paths->len, (const char *) data, size,
                        lines, columns))
    for (guint i = 0; i < paths->len; i++)
      {
        int line = 0, column = 0;

        if (lines[i] < 1 || columns[i] < 1)
          {
            g_printerr ("located a finding at %d:%d\n", lines[i], columns[i]);
            abort ();
          }
        /* Alone, only the first few: each reads the whole document. */
        if (i < 8 &&
            (!stk_path_locate (g_ptr_array_index (paths, i), (const char *) data, size,
                               &line, &column) ||
             line != lines[i] || column != columns[i]))
          {
            g_printerr ("located at %d:%d alone, at %d:%d with the others\n",
                        line, column, lines[i], columns[i]);
            abort ();
          }
      }

  bytes = stk_policy_to_bytes (policy);
  saved = g_bytes_get_data (bytes, &saved_size);
  again = stk_policy_load_data (saved, saved_size, "saved.json", &error);
  if (again == NULL)
    {
      g_printerr ("the written policy does not load: %s\n", error->message);
      abort ();
    }

  bytes_again = stk_policy_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      g_printerr ("writing the loaded output gives different bytes\n");
      abort ();
    }

  return 0;
}
