/* stk-ordered-list.c — a list of items in the order the user gives them, one row class each
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-ordered-list.h"

enum {
  PROP_0,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_HINT,
  PROP_ADD_LABEL,
  PROP_ADD_TOOLTIP,
  PROP_LIST_LABEL,
  PROP_ID_PREFIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _StkOrderedList
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkWidget  *add_button;
  GtkListBox *list_box;

  /* owned */
  StkList    *items;
  StkPolicy  *policy;            /* the items' root, whose languages the rows show */
  char      **languages;
  char       *texts[N_PROPS];    /* what the string properties say, by property id */
  StkOrderedRowClass *row_class; /* of the rows it makes */
};

G_DEFINE_FINAL_TYPE (StkOrderedList, stk_ordered_list, ADW_TYPE_BIN)

static StkOrderedRow *
row_at (StkOrderedList *self,
        guint           position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) position);

  return row != NULL ? STK_ORDERED_ROW (row) : NULL;
}

static guint
row_position (StkOrderedList *self,
              StkOrderedRow  *row)
{
  guint position;

  if (self->items == NULL
      || !stk_list_find (self->items, stk_ordered_row_get_item (row), &position))
    return GTK_INVALID_LIST_POSITION;

  return position;
}

gboolean
stk_ordered_list_move (StkOrderedList *self,
                       guint           position,
                       int             delta)
{
  guint n;

  g_return_val_if_fail (STK_IS_ORDERED_LIST (self), FALSE);

  if (self->items == NULL)
    return FALSE;

  n = stk_list_get_n (self->items);
  if (position >= n || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return FALSE;

  stk_list_move (self->items, position, delta < 0 ? position - 1 : position + 1);
  stk_seal_history_of (self->items);

  return TRUE;
}

static void
on_row_move (StkOrderedList *self,
             int             delta,
             StkOrderedRow  *row)
{
  guint position = row_position (self, row);
  StkOrderedRow *moved;

  if (position == GTK_INVALID_LIST_POSITION || !stk_ordered_list_move (self, position, delta))
    return;

  /* The row was made again at its new place. */
  moved = row_at (self, delta < 0 ? position - 1 : position + 1);
  if (moved != NULL)
    stk_ordered_row_refocus_moved (moved, delta);
}

static void
on_row_remove (StkOrderedList *self,
               StkOrderedRow  *row)
{
  guint position = row_position (self, row);
  StkOrderedRow *next;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  stk_list_remove (self->items, position);
  stk_seal_history_of (self->items);

  next = row_at (self, position);
  if (next == NULL && position > 0)
    next = row_at (self, position - 1);
  if (next != NULL)
    stk_ordered_row_focus_remove (next);
  else
    gtk_widget_grab_focus (self->add_button);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StkOrderedList *self = user_data;
  StkOrderedRow *row = g_object_new (G_TYPE_FROM_CLASS (self->row_class), "item", item, NULL);

  stk_ordered_row_set_languages (row, (const char * const *) self->languages);
  g_signal_connect_swapped (row, "move", G_CALLBACK (on_row_move), self);
  g_signal_connect_swapped (row, "remove", G_CALLBACK (on_row_remove), self);

  return GTK_WIDGET (row);
}

static void
on_items_changed (StkOrderedList *self)
{
  guint n = self->items != NULL ? stk_list_get_n (self->items) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  for (guint i = 0; i < n; i++)
    {
      StkOrderedRow *row = row_at (self, i);

      if (row != NULL)
        stk_ordered_row_set_movable (row, i > 0, i + 1 < n);
    }
}

/* Without items the list shows its empty state, insensitive. */
static void
update_state (StkOrderedList *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), self->items != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ordered-list.add", self->items != NULL);
  on_items_changed (self);
}

static void
on_policy_changed (StkOrderedList *self)
{
  const char * const *languages = stk_policy_get_languages (self->policy);
  guint n;

  if (self->languages != NULL && languages != NULL
      && g_strv_equal ((const char * const *) self->languages, languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);

  n = stk_list_get_n (self->items);
  for (guint i = 0; i < n; i++)
    {
      StkOrderedRow *row = row_at (self, i);

      if (row != NULL)
        stk_ordered_row_set_languages (row, languages);
    }
}

/**
 * stk_ordered_list_set_items:
 * @self: a list
 * @items: (nullable): the items to show, in a policy; %NULL for none
 *
 * Shows a row of the list's row type for each item, in the languages of the policy the items
 * belong to.
 */
void
stk_ordered_list_set_items (StkOrderedList *self,
                            StkList        *items)
{
  StkNode *root;
  StkPolicy *policy;

  g_return_if_fail (STK_IS_ORDERED_LIST (self));
  g_return_if_fail (items == NULL || STK_IS_LIST (items));

  if (self->items == items)
    return;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  g_set_object (&self->items, items);
  root = items != NULL ? stk_node_get_root (STK_NODE (items)) : NULL;
  policy = STK_IS_POLICY (root) ? STK_POLICY (root) : NULL;
  g_set_object (&self->policy, policy);
  g_clear_pointer (&self->languages, g_strfreev);

  if (self->policy != NULL)
    {
      self->languages = g_strdupv ((char **) stk_policy_get_languages (self->policy));
      g_signal_connect_swapped (self->policy, "changed", G_CALLBACK (on_policy_changed), self);
    }
  if (items != NULL)
    {
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (items), create_row, self, NULL);
      g_signal_connect_swapped (items, "items-changed", G_CALLBACK (on_items_changed), self);
    }

  update_state (self);
}

void
stk_ordered_list_set_row_type (StkOrderedList *self,
                               GType           row_type)
{
  g_return_if_fail (STK_IS_ORDERED_LIST (self));
  g_return_if_fail (g_type_is_a (row_type, STK_TYPE_ORDERED_ROW));

  g_clear_pointer (&self->row_class, g_type_class_unref);
  self->row_class = g_type_class_ref (row_type);
}

static gboolean
id_taken (StkOrderedList *self,
          const char     *id)
{
  guint n = stk_list_get_n (self->items);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (self->row_class->get_id (stk_list_peek (self->items, i)), id) == 0)
      return TRUE;

  return FALSE;
}

/**
 * stk_ordered_list_add:
 * @self: a list
 *
 * Adds an item at the end, with an id made of the id prefix that no other item has, and puts
 * the cursor in its id.
 */
void
stk_ordered_list_add (StkOrderedList *self)
{
  const char *prefix;
  g_autofree char *id = NULL;
  g_autoptr(GObject) item = NULL;
  StkOrderedRow *row;

  g_return_if_fail (STK_IS_ORDERED_LIST (self));

  if (self->items == NULL)
    return;

  prefix = self->texts[PROP_ID_PREFIX] != NULL ? self->texts[PROP_ID_PREFIX] : "item";
  for (guint i = 1; id == NULL || id_taken (self, id); i++)
    {
      g_free (id);
      id = i == 1 ? g_strdup (prefix) : g_strdup_printf ("%s-%u", prefix, i);
    }

  item = g_object_new (g_list_model_get_item_type (G_LIST_MODEL (self->items)), NULL);
  self->row_class->set_id (item, id);
  stk_list_append (self->items, item);
  stk_seal_history_of (self->items);

  row = row_at (self, stk_list_get_n (self->items) - 1);
  if (row != NULL)
    stk_ordered_row_focus_id (row, TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  stk_ordered_list_add (STK_ORDERED_LIST (widget));
}

/**
 * stk_ordered_list_focus_path:
 * @self: a list
 * @path: a finding's path ("categories[1].title.da")
 * @i: the segment that names the list ("categories")
 *
 * Focuses the field of the item @path names, or the add button when it names no item.
 *
 * Returns: whether something was focused
 */
gboolean
stk_ordered_list_focus_path (StkOrderedList *self,
                             StkPath        *path,
                             guint           i)
{
  StkOrderedRow *row;
  int index;

  g_return_val_if_fail (STK_IS_ORDERED_LIST (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->items == NULL)
    return FALSE;

  index = stk_path_get_index (path, i + 1);
  if (index < 0)
    return gtk_widget_grab_focus (gtk_widget_get_visible (self->add_button)
                                  && stk_list_get_n (self->items) > 0
                                  ? self->add_button : GTK_WIDGET (self->stack));

  row = row_at (self, index);

  return row != NULL && stk_ordered_row_focus_path (row, path, i + 2);
}

static void
stk_ordered_list_dispose (GObject *object)
{
  StkOrderedList *self = STK_ORDERED_LIST (object);

  stk_ordered_list_set_items (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_ORDERED_LIST);

  G_OBJECT_CLASS (stk_ordered_list_parent_class)->dispose (object);
}

static void
stk_ordered_list_finalize (GObject *object)
{
  StkOrderedList *self = STK_ORDERED_LIST (object);

  for (guint i = 0; i < N_PROPS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->row_class, g_type_class_unref);

  G_OBJECT_CLASS (stk_ordered_list_parent_class)->finalize (object);
}

static void
stk_ordered_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StkOrderedList *self = STK_ORDERED_LIST (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
stk_ordered_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StkOrderedList *self = STK_ORDERED_LIST (object);
  const char *text = g_value_get_string (value);

  if (prop_id <= PROP_0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (g_strcmp0 (self->texts[prop_id], text) == 0)
    return;

  g_free (self->texts[prop_id]);
  self->texts[prop_id] = g_strdup (text);
  if (prop_id == PROP_LIST_LABEL)
    stk_set_accessible_label (GTK_WIDGET (self->list_box), text);
  g_object_notify_by_pspec (object, pspec);
}

static void
stk_ordered_list_class_init (StkOrderedListClass *klass)
{
  /* What the string properties are for, in the order of their ids. */
  static const char * const names[N_PROPS] = {
    NULL,
    "empty-icon-name",    /* the empty state's icon */
    "empty-title",        /* its title */
    "empty-description",  /* and what it says */
    "hint",               /* what the list says above its rows */
    "add-label",          /* the add buttons' label, with a mnemonic */
    "add-tooltip",        /* the add button's tooltip */
    "list-label",         /* the list's accessible name */
    "id-prefix",          /* the id of a new item, before a number that makes it unique */
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_ordered_list_dispose;
  object_class->finalize = stk_ordered_list_finalize;
  object_class->get_property = stk_ordered_list_get_property;
  object_class->set_property = stk_ordered_list_set_property;

  /* Labels are never NULL, which a button's content does not take. */
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL,
                                         i == PROP_EMPTY_ICON_NAME ? NULL : "",
                                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                          | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "ordered-list.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-ordered-list.ui");
  gtk_widget_class_bind_template_child (widget_class, StkOrderedList, stack);
  gtk_widget_class_bind_template_child (widget_class, StkOrderedList, add_button);
  gtk_widget_class_bind_template_child (widget_class, StkOrderedList, list_box);
}

static void
stk_ordered_list_init (StkOrderedList *self)
{
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    self->texts[i] = g_strdup (G_PARAM_SPEC_STRING (properties[i])->default_value);

  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}
