/* stk-list.c — an ordered, undoable list of model objects (a GListModel)
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "stk-core-private.h"
#include "stk-list.h"
#include "stk-policy.h"

struct _StkList
{
  StkNode    parent_instance;

  GType      item_type;
  GPtrArray *items;       /* owned StkNode */
};

static void stk_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StkList, stk_list, STK_TYPE_NODE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, stk_list_model_init))

static void
detach_item (gpointer data)
{
  stk_node_set_parent (data, NULL);
  g_object_unref (data);
}

static GType
stk_list_get_item_type (GListModel *model)
{
  return STK_LIST (model)->item_type;
}

static guint
stk_list_get_n_items (GListModel *model)
{
  return STK_LIST (model)->items->len;
}

static gpointer
stk_list_get_item (GListModel *model,
                   guint       position)
{
  StkList *self = STK_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
stk_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = stk_list_get_item_type;
  iface->get_n_items = stk_list_get_n_items;
  iface->get_item = stk_list_get_item;
}

static void
stk_list_finalize (GObject *object)
{
  StkList *self = STK_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_list_parent_class)->finalize (object);
}

static void
stk_list_class_init (StkListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_list_finalize;
}

static void
stk_list_init (StkList *self)
{
  self->items = g_ptr_array_new_with_free_func (detach_item);
  self->item_type = STK_TYPE_NODE;
}

/**
 * stk_list_new:
 * @item_type: the #StkNode subtype the list holds
 *
 * Returns: (transfer full): an empty list
 */
StkList *
stk_list_new (GType item_type)
{
  StkList *self;

  g_return_val_if_fail (g_type_is_a (item_type, STK_TYPE_NODE), NULL);

  self = g_object_new (STK_TYPE_LIST, NULL);
  self->item_type = item_type;

  return self;
}

guint
stk_list_get_n (StkList *self)
{
  g_return_val_if_fail (STK_IS_LIST (self), 0);

  return self->items->len;
}

/**
 * stk_list_peek:
 * @self: a list
 * @position: an index below stk_list_get_n()
 *
 * Returns: (transfer none): the item at @position
 */
gpointer
stk_list_peek (StkList *self,
               guint    position)
{
  g_return_val_if_fail (STK_IS_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/**
 * stk_list_splice:
 * @self: a list
 * @position: where to start
 * @n_removals: how many items to remove there
 * @additions: (array length=n_additions) (transfer none): items to insert there
 * @n_additions: how many
 *
 * The one place a list changes: records the change for undo, then emits
 * #GListModel::items-changed and #StkNode::changed.
 */
void
stk_list_splice (StkList  *self,
                 guint     position,
                 guint     n_removals,
                 gpointer *additions,
                 guint     n_additions)
{
  StkChange *change;

  g_return_if_fail (STK_IS_LIST (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (position + n_removals <= self->items->len);

  if (n_removals == 0 && n_additions == 0)
    return;

  change = g_new0 (StkChange, 1);
  change->kind = STK_CHANGE_SPLICE;
  change->object = g_object_ref (G_OBJECT (self));
  change->position = position;
  change->removed = g_ptr_array_new_with_free_func (g_object_unref);
  change->added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_removals; i++)
    g_ptr_array_add (change->removed, g_object_ref (g_ptr_array_index (self->items, position + i)));
  g_ptr_array_remove_range (self->items, position, n_removals);

  for (guint i = 0; i < n_additions; i++)
    {
      StkNode *item = additions[i];

      g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));
      g_ptr_array_add (change->added, g_object_ref (item));
      g_ptr_array_insert (self->items, position + i, g_object_ref (item));
      stk_node_set_parent (item, STK_NODE (self));
    }

  stk_node_record (STK_NODE (self), change);
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
  stk_node_emit_changed (STK_NODE (self));
}

/**
 * stk_list_insert:
 * @self: a list
 * @position: where, at most stk_list_get_n()
 * @item: (transfer none): the item to insert
 */
void
stk_list_insert (StkList  *self,
                 guint     position,
                 gpointer  item)
{
  stk_list_splice (self, position, 0, &item, 1);
}

void
stk_list_append (StkList  *self,
                 gpointer  item)
{
  stk_list_splice (self, self->items->len, 0, &item, 1);
}

void
stk_list_remove (StkList *self,
                 guint    position)
{
  stk_list_splice (self, position, 1, NULL, 0);
}

/**
 * stk_list_move:
 * @self: a list
 * @from: the item's position
 * @to: its new position
 *
 * Moves an item, as one undoable step.
 */
void
stk_list_move (StkList *self,
               guint    from,
               guint    to)
{
  g_autoptr(GObject) item = NULL;
  StkNode *root;
  StkHistory *history = NULL;

  g_return_if_fail (STK_IS_LIST (self));
  g_return_if_fail (from < self->items->len && to < self->items->len);

  if (from == to)
    return;

  root = stk_node_get_root (STK_NODE (self));
  if (STK_IS_POLICY (root))
    history = stk_policy_get_history (STK_POLICY (root));

  item = g_object_ref (g_ptr_array_index (self->items, from));
  if (history)
    stk_history_begin_group (history);
  stk_list_splice (self, from, 1, NULL, 0);
  stk_list_splice (self, to, 0, (gpointer *) &item, 1);
  if (history)
    stk_history_end_group (history);
}

/**
 * stk_list_find:
 * @self: a list
 * @item: the item to look for
 * @position: (out) (optional): where it is
 *
 * Returns: whether @item is in the list
 */
gboolean
stk_list_find (StkList  *self,
               gpointer  item,
               guint    *position)
{
  g_return_val_if_fail (STK_IS_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

void
stk_list_take_items (StkList   *self,
                     GPtrArray *items)
{
  guint old_len = self->items->len;

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < items->len; i++)
    {
      StkNode *item = g_ptr_array_index (items, i);

      stk_node_set_parent (item, STK_NODE (self));
      g_ptr_array_add (self->items, item);
    }
  g_ptr_array_set_free_func (items, NULL);
  g_ptr_array_unref (items);

  if (old_len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
}
