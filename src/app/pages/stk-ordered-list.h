/* stk-ordered-list.h — the ordered-list handling shared by the categories and sections pages
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-field.h"

G_BEGIN_DECLS

GtkWidget *stk_ordered_icon_button             (const char      *icon_name,
                                                const char      *tooltip);
GtkWidget *stk_ordered_caption                 (const char      *text,
                                                GtkWidget       *mnemonic_widget);
gboolean   stk_ordered_list_move               (StkList         *items,
                                                guint            position,
                                                int              delta);
void       stk_ordered_list_add_move_shortcuts (GtkWidget       *list_row,
                                                GtkShortcutFunc  callback);
void       stk_ordered_list_show_state         (GtkStack        *stack,
                                                StkList         *items);
void       stk_ordered_refocus_moved           (GtkWidget       *up_button,
                                                GtkWidget       *down_button,
                                                GtkWidget       *fallback,
                                                int              delta);

G_END_DECLS
