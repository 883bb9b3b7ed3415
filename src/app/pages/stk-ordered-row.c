/* stk-ordered-row.c — one item of an ordered list: heading, move and remove, id and title
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-ordered-row.h"

typedef struct
{
  /* template widgets */
  GtkWidget     *handle;
  GtkLabel      *title_label;
  GtkWidget     *up_button;
  GtkWidget     *down_button;
  GtkWidget     *remove_button;
  GtkWidget     *grid;
  GtkWidget     *id_entry;
  StkTextEditor *title_editor;

  /* owned */
  GObject       *item;
  StkField      *id_field;
  GPtrArray     *editors;   /* the StkTextEditors of the item's texts, borrowed */
  char         **languages;
} StkOrderedRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (StkOrderedRow, stk_ordered_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PRIV(self) ((StkOrderedRowPrivate *) stk_ordered_row_get_instance_private (self))

static void
refresh (StkOrderedRow *self)
{
  StkOrderedRowPrivate *priv = PRIV (self);
  StkOrderedRowClass *klass = STK_ORDERED_ROW_GET_CLASS (self);
  StkNode *root = stk_node_get_root (STK_NODE (priv->item));
  const char *lang = STK_IS_POLICY (root) ? stk_policy_get_default_language (STK_POLICY (root))
                                          : NULL;
  const char *title = stk_text_lookup (klass->get_title (priv->item), lang);
  const char *id = klass->get_id (priv->item);

  if (title == NULL || *title == '\0')
    title = *id != '\0' ? id : _(klass->untitled);
  gtk_label_set_text (priv->title_label, title);
  stk_field_refresh (priv->id_field);

  if (klass->refresh != NULL)
    klass->refresh (self);
}

/* Moving and removing ---------------------------------------------------------------------- */

static void
move_up (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, -1);
}

static void
move_down (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, 1);
}

static void
remove_item (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* Drag and drop: a row is dragged by its handle and dropped on another row. */

static GdkContentProvider *
on_drag_prepare (StkOrderedRow *self)
{
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (PRIV (self)->item), PRIV (self)->item);
}

static void
on_drag_begin (StkOrderedRow *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
clear_drop_marks (StkOrderedRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "stk-drop-above");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "stk-drop-below");
}

static gboolean
is_above (StkOrderedRow *self,
          double         y)
{
  return y < gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static GdkDragAction
on_drop_motion (StkOrderedRow *self,
                double         x,
                double         y)
{
  clear_drop_marks (self);
  gtk_widget_add_css_class (GTK_WIDGET (self),
                            is_above (self, y) ? "stk-drop-above" : "stk-drop-below");

  return GDK_ACTION_MOVE;
}

static gboolean
on_drop (StkOrderedRow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GObject *dragged = g_value_get_object (value);
  StkNode *parent = stk_node_get_parent (STK_NODE (PRIV (self)->item));
  StkList *items = STK_IS_LIST (parent) ? STK_LIST (parent) : NULL;
  guint from, to;

  clear_drop_marks (self);

  if (items == NULL || dragged == NULL || !stk_list_find (items, dragged, &from)
      || !stk_list_find (items, PRIV (self)->item, &to))
    return FALSE;

  /* Dropping on the lower half of a row puts the item after it. */
  if (!is_above (self, y))
    to++;
  if (from < to)
    to--;
  if (from == to)
    return TRUE;

  stk_list_move (items, from, to);
  stk_seal_history_of (items);

  return TRUE;
}

static void
setup_dragging (StkOrderedRow *self)
{
  StkOrderedRowPrivate *priv = PRIV (self);
  GtkDragSource *drag_source = gtk_drag_source_new ();
  GtkDropTarget *drop_target = gtk_drop_target_new (G_OBJECT_TYPE (priv->item), GDK_ACTION_MOVE);

  gtk_widget_set_visible (priv->handle, TRUE);
  gtk_widget_set_cursor_from_name (priv->handle, "grab");

  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect_swapped (drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (priv->handle, GTK_EVENT_CONTROLLER (drag_source));

  g_signal_connect_swapped (drop_target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (drop_target, "leave", G_CALLBACK (clear_drop_marks), self);
  g_signal_connect_swapped (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

/* The row ------------------------------------------------------------------------------- */

static void
stk_ordered_row_constructed (GObject *object)
{
  StkOrderedRow *self = STK_ORDERED_ROW (object);
  StkOrderedRowPrivate *priv = PRIV (self);
  StkOrderedRowClass *klass = STK_ORDERED_ROW_GET_CLASS (self);

  G_OBJECT_CLASS (stk_ordered_row_parent_class)->constructed (object);

  g_return_if_fail (STK_IS_NODE (priv->item));

  priv->id_field = stk_field_new_string (priv->id_entry, klass->get_id, klass->set_id, NULL);
  stk_field_set_object (priv->id_field, priv->item);
  stk_ordered_row_bind_text (self, priv->title_editor, klass->get_title (priv->item));
  gtk_widget_set_tooltip_text (priv->remove_button, _(klass->remove_label));
  stk_set_accessible_label (priv->remove_button, _(klass->remove_label));
  if (klass->draggable)
    setup_dragging (self);
  if (klass->bind != NULL)
    klass->bind (self);

  g_signal_connect_object (priv->item, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

/* The template's children are all inside the row's child, and go with the row. Its template is
 * not disposed here: GTK 4.8 fails an assertion when a parent class disposes its template on
 * an instance of a subclass with a template of its own. */
static void
stk_ordered_row_dispose (GObject *object)
{
  StkOrderedRow *self = STK_ORDERED_ROW (object);
  StkOrderedRowPrivate *priv = PRIV (self);

  g_clear_object (&priv->id_field);
  g_clear_object (&priv->item);

  G_OBJECT_CLASS (stk_ordered_row_parent_class)->dispose (object);
}

static void
stk_ordered_row_finalize (GObject *object)
{
  StkOrderedRowPrivate *priv = PRIV (STK_ORDERED_ROW (object));

  g_clear_pointer (&priv->editors, g_ptr_array_unref);
  g_clear_pointer (&priv->languages, g_strfreev);

  G_OBJECT_CLASS (stk_ordered_row_parent_class)->finalize (object);
}

static void
stk_ordered_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StkOrderedRow *self = STK_ORDERED_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, PRIV (self)->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_ordered_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StkOrderedRow *self = STK_ORDERED_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      PRIV (self)->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_ordered_row_class_init (StkOrderedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stk_ordered_row_constructed;
  object_class->dispose = stk_ordered_row_dispose;
  object_class->finalize = stk_ordered_row_finalize;
  object_class->get_property = stk_ordered_row_get_property;
  object_class->set_property = stk_ordered_row_set_property;

  /**
   * StkOrderedRow:item:
   *
   * The model object the row edits, an item of a StkList.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STK_TYPE_NODE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StkOrderedRow::move:
   * @self: the row
   * @delta: -1 to move the item one place up, 1 one place down
   *
   * Asks the list to move the row's item.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * StkOrderedRow::remove:
   * @self: the row
   *
   * Asks the list to remove the row's item.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "ordered-row.move-up", NULL, move_up);
  gtk_widget_class_install_action (widget_class, "ordered-row.move-down", NULL, move_down);
  gtk_widget_class_install_action (widget_class, "ordered-row.remove", NULL, remove_item);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "ordered-row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "ordered-row.move-down", NULL);

  g_type_ensure (STK_TYPE_TEXT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-ordered-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, handle);
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, up_button);
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, down_button);
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, remove_button);
  gtk_widget_class_bind_template_child_internal_private (widget_class, StkOrderedRow, grid);
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, id_entry);
  gtk_widget_class_bind_template_child_private (widget_class, StkOrderedRow, title_editor);
}

static void
stk_ordered_row_init (StkOrderedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  PRIV (self)->editors = g_ptr_array_new ();
}

gpointer
stk_ordered_row_get_item (StkOrderedRow *self)
{
  g_return_val_if_fail (STK_IS_ORDERED_ROW (self), NULL);

  return PRIV (self)->item;
}

/* The title the row's heading shows. */
const char *
stk_ordered_row_get_heading (StkOrderedRow *self)
{
  g_return_val_if_fail (STK_IS_ORDERED_ROW (self), NULL);

  return gtk_label_get_text (PRIV (self)->title_label);
}

/* Shows @text, one of the item's, in @editor, a field of the row, in the row's languages. */
void
stk_ordered_row_bind_text (StkOrderedRow *self,
                           StkTextEditor *editor,
                           StkText       *text)
{
  StkOrderedRowPrivate *priv;

  g_return_if_fail (STK_IS_ORDERED_ROW (self));
  g_return_if_fail (STK_IS_TEXT_EDITOR (editor));

  priv = PRIV (self);
  stk_text_editor_set_languages (editor, (const char * const *) priv->languages);
  stk_text_editor_set_text (editor, text);
  g_ptr_array_add (priv->editors, editor);
}

/* The languages of the item's texts: the policy's. */
void
stk_ordered_row_set_languages (StkOrderedRow      *self,
                               const char * const *languages)
{
  StkOrderedRowPrivate *priv;

  g_return_if_fail (STK_IS_ORDERED_ROW (self));

  priv = PRIV (self);
  g_strfreev (priv->languages);
  priv->languages = g_strdupv ((char **) languages);
  for (guint i = 0; i < priv->editors->len; i++)
    stk_text_editor_set_languages (g_ptr_array_index (priv->editors, i), languages);
}

/* Whether the item can move up and down from where it is. */
void
stk_ordered_row_set_movable (StkOrderedRow *self,
                             gboolean       up,
                             gboolean       down)
{
  g_return_if_fail (STK_IS_ORDERED_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ordered-row.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ordered-row.move-down", down);
}

/**
 * stk_ordered_row_focus_path:
 * @self: a row
 * @path: a finding's path ("sections[1].title.da")
 * @i: the segment after the item's own ("title"); past the end for the item itself
 *
 * Returns: whether a field was focused
 */
gboolean
stk_ordered_row_focus_path (StkOrderedRow *self,
                            StkPath       *path,
                            guint          i)
{
  StkOrderedRowPrivate *priv;
  StkOrderedRowClass *klass;

  g_return_val_if_fail (STK_IS_ORDERED_ROW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  priv = PRIV (self);
  klass = STK_ORDERED_ROW_GET_CLASS (self);

  if (stk_path_has_name (path, i, "title"))
    return stk_text_editor_focus_language (priv->title_editor, stk_path_get_name (path, i + 1));
  if (stk_path_get_name (path, i) != NULL && klass->focus_member != NULL
      && klass->focus_member (self, path, i))
    return TRUE;

  return gtk_widget_grab_focus (priv->id_entry);
}

/* Focuses the id, with all of it selected when @select: a new item's id is to be replaced. */
void
stk_ordered_row_focus_id (StkOrderedRow *self,
                          gboolean       select)
{
  g_return_if_fail (STK_IS_ORDERED_ROW (self));

  gtk_widget_grab_focus (PRIV (self)->id_entry);
  if (select)
    gtk_editable_select_region (GTK_EDITABLE (PRIV (self)->id_entry), 0, -1);
}

void
stk_ordered_row_focus_remove (StkOrderedRow *self)
{
  g_return_if_fail (STK_IS_ORDERED_ROW (self));

  gtk_widget_grab_focus (PRIV (self)->remove_button);
}

/* After the row's item was moved by @delta (the row is new, at the new place), gives the focus
 * back to the same move button, or to the id when that button cannot move it further. */
void
stk_ordered_row_refocus_moved (StkOrderedRow *self,
                               int            delta)
{
  StkOrderedRowPrivate *priv;

  g_return_if_fail (STK_IS_ORDERED_ROW (self));

  priv = PRIV (self);
  if (delta < 0 && gtk_widget_get_sensitive (priv->up_button))
    gtk_widget_grab_focus (priv->up_button);
  else if (delta > 0 && gtk_widget_get_sensitive (priv->down_button))
    gtk_widget_grab_focus (priv->down_button);
  else
    gtk_widget_grab_focus (priv->id_entry);
}
