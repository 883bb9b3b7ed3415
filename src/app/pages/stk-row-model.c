/* stk-row-model.c — list rows that keep their identity while the items they show change
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list view builds a row widget for each item it keeps (about 200 in GTK 4.8) and throws the
 * widget away when its item leaves the model. A search that changes which providers are shown
 * replaces nearly every item, so each keystroke would destroy and build some 200 widgets and
 * compute their styles anew. This model sits between the filtered list and the list view: its
 * items are rows, the Nth row always shows the source's Nth item. When the source changes, the
 * rows keep their place and are told (notify::item) what they show now; only when the number
 * of items changes does the model itself report added or removed rows, at its end. The list
 * view then keeps its widgets and only binds them to other providers.
 *
 * Rows still have to be built when a short list becomes a long one (a search that matched
 * nothing is cleared). With eager-rows set, a list shorter than that grows at once only to that
 * many rows, enough to fill the screen; the rest wait (StkRowModel:waiting) until the owner
 * calls stk_row_model_catch_up(), after the window has drawn the keystroke.
 */
#include "config.h"

#include "stk-row-model.h"

struct _StkRow
{
  GObject   parent_instance;
  GObject  *item;
};

enum { ROW_PROP_0, ROW_PROP_ITEM, ROW_N_PROPS };
static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (StkRow, stk_row, G_TYPE_OBJECT)

static void
stk_row_finalize (GObject *object)
{
  StkRow *self = STK_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (stk_row_parent_class)->finalize (object);
}

static void
stk_row_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  StkRow *self = STK_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_row_class_init (StkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_row_finalize;
  object_class->get_property = stk_row_get_property;

  /**
   * StkRow:item:
   *
   * The item of the source model this row shows now.
   */
  row_properties[ROW_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
stk_row_init (StkRow *self)
{
}

/**
 * stk_row_get_item:
 * @self: a row
 *
 * Returns: (transfer none) (type GObject): the item the row shows now
 */
gpointer
stk_row_get_item (StkRow *self)
{
  g_return_val_if_fail (STK_IS_ROW (self), NULL);

  return self->item;
}

/* Takes @item (a new reference). The old item lives until the row has told its watchers, so a
 * watcher can still disconnect from it. */
static void
stk_row_take_item (StkRow  *self,
                   GObject *item)
{
  GObject *old = self->item;

  if (old == item)
    {
      g_clear_object (&item);
      return;
    }

  self->item = item;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
  g_clear_object (&old);
}

/* The model ------------------------------------------------------------------------------- */

struct _StkRowModel
{
  GObject     parent_instance;
  GListModel *source;
  GPtrArray  *rows;         /* StkRow, one per item of the source, the last ones maybe later */
  guint       eager_rows;
};

enum { MODEL_PROP_0, MODEL_PROP_WAITING, MODEL_N_PROPS };
static GParamSpec *model_properties[MODEL_N_PROPS];

static GType
stk_row_model_get_item_type (GListModel *model)
{
  return STK_TYPE_ROW;
}

static guint
stk_row_model_get_n_items (GListModel *model)
{
  return STK_ROW_MODEL (model)->rows->len;
}

static gpointer
stk_row_model_get_item (GListModel *model,
                        guint       position)
{
  StkRowModel *self = STK_ROW_MODEL (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
stk_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = stk_row_model_get_item_type;
  iface->get_n_items = stk_row_model_get_n_items;
  iface->get_item = stk_row_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StkRowModel, stk_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      stk_row_model_list_model_init))

/* Rows for the source's items up to @n, reported as added. */
static void
add_rows (StkRowModel *self,
          guint        n)
{
  guint old_n = self->rows->len;

  if (n <= old_n)
    return;

  for (guint i = old_n; i < n; i++)
    {
      StkRow *row = g_object_new (STK_TYPE_ROW, NULL);

      row->item = g_list_model_get_item (self->source, i);
      g_ptr_array_add (self->rows, row);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
}

static void
notify_waiting (StkRowModel *self,
                gboolean     was_waiting)
{
  if (was_waiting != stk_row_model_get_waiting (self))
    g_object_notify_by_pspec (G_OBJECT (self), model_properties[MODEL_PROP_WAITING]);
}

static void
on_source_items_changed (StkRowModel *self,
                         guint        position,
                         guint        removed,
                         guint        added)
{
  guint old_n = self->rows->len;
  guint new_n = g_list_model_get_n_items (self->source);
  guint kept = MIN (old_n, new_n);
  /* Past the change, items only moved; when as many came as went, they stayed put. */
  guint end = removed == added ? MIN (position + added, kept) : kept;
  /* Whether items waited for rows before this change: the source had more than the rows. */
  gboolean was_waiting = old_n < new_n - added + removed;

  for (guint i = position; i < end; i++)
    stk_row_take_item (g_ptr_array_index (self->rows, i), g_list_model_get_item (self->source, i));

  if (new_n > old_n)
    {
      if (self->eager_rows > 0 && old_n <= self->eager_rows && new_n > self->eager_rows)
        add_rows (self, self->eager_rows);
      else
        add_rows (self, new_n);
    }
  else if (new_n < old_n)
    {
      /* The views hold their own references to the rows they show. */
      g_ptr_array_remove_range (self->rows, new_n, old_n - new_n);
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
    }

  notify_waiting (self, was_waiting);
}

static void
stk_row_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StkRowModel *self = STK_ROW_MODEL (object);

  switch (prop_id)
    {
    case MODEL_PROP_WAITING:
      g_value_set_boolean (value, stk_row_model_get_waiting (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_row_model_dispose (GObject *object)
{
  StkRowModel *self = STK_ROW_MODEL (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, on_source_items_changed, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_row_model_parent_class)->dispose (object);
}

static void
stk_row_model_class_init (StkRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_row_model_dispose;
  object_class->get_property = stk_row_model_get_property;

  /**
   * StkRowModel:waiting:
   *
   * Whether items of the source wait for their rows (see stk_row_model_set_eager_rows()).
   */
  model_properties[MODEL_PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, MODEL_N_PROPS, model_properties);
}

static void
stk_row_model_init (StkRowModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * stk_row_model_new:
 * @source: (transfer none): the model whose items the rows show
 *
 * Returns: (transfer full): a model of one #StkRow per item of @source
 */
StkRowModel *
stk_row_model_new (GListModel *source)
{
  StkRowModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (STK_TYPE_ROW_MODEL, NULL);
  self->source = g_object_ref (source);
  add_rows (self, g_list_model_get_n_items (source));
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (on_source_items_changed), self);

  return self;
}

/**
 * stk_row_model_set_eager_rows:
 * @self: a row model
 * @eager_rows: how many rows a growing short list gets at once; 0 for all
 *
 * A list shorter than @eager_rows that grows past it gets that many rows at once; the rest
 * wait, and #StkRowModel:waiting says so, until stk_row_model_catch_up() adds them.
 */
void
stk_row_model_set_eager_rows (StkRowModel *self,
                              guint        eager_rows)
{
  g_return_if_fail (STK_IS_ROW_MODEL (self));

  self->eager_rows = eager_rows;
}

/**
 * stk_row_model_catch_up:
 * @self: a row model
 *
 * Adds the rows that were to come later, so there is one for every item of the source.
 */
void
stk_row_model_catch_up (StkRowModel *self)
{
  guint n;

  g_return_if_fail (STK_IS_ROW_MODEL (self));

  n = g_list_model_get_n_items (self->source);
  if (n > self->rows->len)
    {
      add_rows (self, n);
      notify_waiting (self, TRUE);
    }
}

/**
 * stk_row_model_get_waiting:
 * @self: a row model
 *
 * Returns: whether items of the source wait for their rows
 */
gboolean
stk_row_model_get_waiting (StkRowModel *self)
{
  g_return_val_if_fail (STK_IS_ROW_MODEL (self), FALSE);

  return self->rows->len < g_list_model_get_n_items (self->source);
}

/**
 * stk_row_model_find_item:
 * @self: a row model
 * @item: an item of the source
 * @position: (out) (optional): where the row showing @item is
 *
 * Returns: whether a row shows @item
 */
gboolean
stk_row_model_find_item (StkRowModel *self,
                         gpointer     item,
                         guint       *position)
{
  g_return_val_if_fail (STK_IS_ROW_MODEL (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (((StkRow *) g_ptr_array_index (self->rows, i))->item == item)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}
