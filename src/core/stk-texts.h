/* stk-texts.h — the texts every policy holds: banner, settings dialog, declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STK_TEXT_GROUP_BANNER,
  STK_TEXT_GROUP_SETTINGS,
  STK_TEXT_GROUP_PAGE,
  STK_TEXT_GROUP_CONSENT,
  STK_TEXT_GROUP_EMBED,
} StkTextGroup;

typedef struct
{
  const char   *key;        /* member name in the file's "texts" object */
  StkTextGroup  group;
  gboolean      required;   /* the banner cannot work without it */
  const char   *label;      /* untranslated; pass through _() to show */
  const char   *hint;       /* untranslated; placeholders the text may use, or NULL */
  gboolean      optional;   /* came after the first files: written only when it holds a text,
                             * so that files without it keep their bytes (docs/format.md) */
} StkTextKey;

const StkTextKey *stk_text_keys          (guint       *n_keys);
const StkTextKey *stk_text_key_lookup    (const char  *key);
const char       *stk_text_group_label   (StkTextGroup group);

G_END_DECLS
