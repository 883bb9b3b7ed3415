/* stk-ordered-list.c — the ordered-list handling shared by the categories and sections pages
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-ordered-list.h"

/* A flat icon button of a row's header, its tooltip also its accessible name. */
GtkWidget *
stk_ordered_icon_button (const char *icon_name,
                         const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  stk_set_accessible_label (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* The dimmed caption in front of a row's field. */
GtkWidget *
stk_ordered_caption (const char *text,
                     GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_add_css_class (label, "dim-label");
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);

  return label;
}

/* Moves the item at @position one place up (@delta < 0) or down; returns whether it moved. */
gboolean
stk_ordered_list_move (StkList *items,
                       guint    position,
                       int      delta)
{
  guint n;

  if (items == NULL)
    return FALSE;

  n = stk_list_get_n (items);
  if (position >= n || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return FALSE;

  stk_list_move (items, position, delta < 0 ? position - 1 : position + 1);
  stk_seal_history_of (items);

  return TRUE;
}

/* Alt+Up and Alt+Down anywhere in @list_row call @callback with the delta (-1 or 1) as "i". */
void
stk_ordered_list_add_move_shortcuts (GtkWidget       *list_row,
                                     GtkShortcutFunc  callback)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                     gtk_callback_action_new (callback, NULL, NULL),
                                     "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                     gtk_callback_action_new (callback, NULL, NULL),
                                     "i", 1));
  gtk_widget_add_controller (list_row, shortcuts);
}

/* Shows the stack's "list" child when @items has any, else its "empty" child. */
void
stk_ordered_list_show_state (GtkStack *stack,
                             StkList  *items)
{
  guint n = items != NULL ? stk_list_get_n (items) : 0;

  gtk_stack_set_visible_child_name (stack, n > 0 ? "list" : "empty");
}

/* After a row was moved by @delta and rebuilt, gives the focus back to the same move button,
 * or to @fallback when that button is now insensitive. */
void
stk_ordered_refocus_moved (GtkWidget *up_button,
                           GtkWidget *down_button,
                           GtkWidget *fallback,
                           int        delta)
{
  if (delta < 0 && gtk_widget_get_sensitive (up_button))
    gtk_widget_grab_focus (up_button);
  else if (delta > 0 && gtk_widget_get_sensitive (down_button))
    gtk_widget_grab_focus (down_button);
  else
    gtk_widget_grab_focus (fallback);
}
