/* stk-page-path.c — a finding's path taken one step at a time, for the pages' focus_path
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-page-path.h"

/**
 * stk_page_step_parse:
 * @path: a finding's path, or the rest of one
 * @step: (out caller-allocates): the first step of @path
 *
 * Reads the first step of @path: a member name, optionally followed by an index in brackets.
 *
 * Returns: whether @path starts with a step: %FALSE for an empty path, an empty name or an
 *   index that is not a number in brackets
 */
gboolean
stk_page_step_parse (const char  *path,
                     StkPageStep *step)
{
  const char *after;
  char *end;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  step->name = path;
  step->name_len = strcspn (path, ".[");
  step->has_index = FALSE;
  step->index = 0;
  if (step->name_len == 0)
    return FALSE;

  after = path + step->name_len;
  if (*after == '[')
    {
      if (!g_ascii_isdigit (after[1]))
        return FALSE;
      step->index = (guint) g_ascii_strtoull (after + 1, &end, 10);
      if (*end != ']')
        return FALSE;
      step->has_index = TRUE;
      after = end + 1;
    }

  step->rest = *after == '.' ? after + 1 : after;

  return TRUE;
}

/* Whether the step's member is @name. */
gboolean
stk_page_step_is (const StkPageStep *step,
                  const char        *name)
{
  return strlen (name) == step->name_len && strncmp (step->name, name, step->name_len) == 0;
}

const char *
stk_page_step_lang (const StkPageStep *step)
{
  return *step->rest != '\0' ? step->rest : NULL;
}
