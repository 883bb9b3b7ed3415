/* stk-page-path.h — a finding's path taken one step at a time, for the pages' focus_path
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One step of a path such as "providers[3].cookies[1].purpose.en": a member name, the index
 * that follows it if any, and the steps after it. Points into the path it was read from. */
typedef struct
{
  const char *name;       /* name_len bytes, not nul-terminated */
  gsize       name_len;
  gboolean    has_index;
  guint       index;
  const char *rest;       /* the steps after this one, without the dot; "" after the last */
} StkPageStep;

gboolean    stk_page_step_parse (const char        *path,
                                 StkPageStep       *step);
gboolean    stk_page_step_is    (const StkPageStep *step,
                                 const char        *name);
/* What follows the step when it is a text member: the language, or NULL for none. */
const char *stk_page_step_lang  (const StkPageStep *step);

G_END_DECLS
