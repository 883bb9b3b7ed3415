/* stk-embed-row.h — one piece of a provider's embedded content: its id and placeholder
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_EMBED_ROW (stk_embed_row_get_type ())
G_DECLARE_FINAL_TYPE (StkEmbedRow, stk_embed_row, STK, EMBED_ROW, GtkListBoxRow)

GtkWidget *stk_embed_row_new        (StkEmbed           *embed,
                                     const char * const *languages);
void       stk_embed_row_focus_id   (StkEmbedRow        *self);
gboolean   stk_embed_row_focus_path (StkEmbedRow        *self,
                                     StkPath            *path,
                                     guint               i);

G_END_DECLS
