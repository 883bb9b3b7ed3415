/* stk-node.c — base class of every policy model object: parent links, change signals, undo
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-history.h"
#include "stk-policy.h"

typedef struct
{
  StkNode    *parent;   /* borrowed: the parent owns us */
  GHashTable *extras;   /* where -> JsonObject of members this version does not know */
} StkNodePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (StkNode, stk_node, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stk_node_finalize (GObject *object)
{
  StkNodePrivate *priv = stk_node_get_instance_private (STK_NODE (object));

  g_clear_pointer (&priv->extras, g_hash_table_unref);

  G_OBJECT_CLASS (stk_node_parent_class)->finalize (object);
}

static void
stk_node_class_init (StkNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_node_finalize;

  /**
   * StkNode::changed:
   *
   * Emitted after anything in this node or below it changed, on the node itself and then on
   * each of its ancestors, so that a listener on the policy hears every edit.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
stk_node_init (StkNode *self)
{
}

/**
 * stk_node_get_parent:
 * @self: a node
 *
 * Returns: (transfer none) (nullable): the node that holds @self
 */
StkNode *
stk_node_get_parent (StkNode *self)
{
  StkNodePrivate *priv = stk_node_get_instance_private (self);

  g_return_val_if_fail (STK_IS_NODE (self), NULL);

  return priv->parent;
}

/**
 * stk_node_get_root:
 * @self: a node
 *
 * Returns: (transfer none): the top of the tree @self is in (the policy, when attached)
 */
StkNode *
stk_node_get_root (StkNode *self)
{
  StkNode *node = self;
  StkNode *parent;

  g_return_val_if_fail (STK_IS_NODE (self), NULL);

  while ((parent = stk_node_get_parent (node)) != NULL)
    node = parent;

  return node;
}

/**
 * stk_node_set_parent:
 * @self: a node
 * @parent: (nullable): the new holder of @self
 *
 * Links @self under @parent. The parent keeps its own reference; this link is weak.
 */
void
stk_node_set_parent (StkNode *self,
                     StkNode *parent)
{
  StkNodePrivate *priv = stk_node_get_instance_private (self);

  g_return_if_fail (STK_IS_NODE (self));

  priv->parent = parent;
}

/**
 * stk_node_emit_changed:
 * @self: a node
 *
 * Emits #StkNode::changed on @self and each of its ancestors.
 */
void
stk_node_emit_changed (StkNode *self)
{
  for (StkNode *node = self; node != NULL; node = stk_node_get_parent (node))
    g_signal_emit (node, signals[CHANGED], 0);
}

/**
 * stk_node_get_extra:
 * @self: a node
 * @where: "" for the node's own object, or the name of a nested object the node flattens
 *
 * Returns: (transfer none) (nullable): the members of that object this version does not know
 */
JsonObject *
stk_node_get_extra (StkNode    *self,
                    const char *where)
{
  StkNodePrivate *priv = stk_node_get_instance_private (self);

  if (priv->extras == NULL)
    return NULL;

  return g_hash_table_lookup (priv->extras, where);
}

/**
 * stk_node_set_extra:
 * @self: a node
 * @where: "" for the node's own object, or the name of a nested object the node flattens
 * @extra: (nullable) (transfer none): members to keep and write back unchanged
 */
void
stk_node_set_extra (StkNode    *self,
                    const char *where,
                    JsonObject *extra)
{
  StkNodePrivate *priv = stk_node_get_instance_private (self);

  if (extra == NULL || json_object_get_size (extra) == 0)
    {
      if (priv->extras != NULL)
        g_hash_table_remove (priv->extras, where);
      return;
    }

  if (priv->extras == NULL)
    priv->extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) json_object_unref);

  g_hash_table_replace (priv->extras, g_strdup (where), json_object_ref (extra));
}

void
stk_node_clear_extras (StkNode *self)
{
  StkNodePrivate *priv = stk_node_get_instance_private (self);

  g_clear_pointer (&priv->extras, g_hash_table_unref);
}

GHashTable *
stk_node_peek_extras (StkNode *self)
{
  StkNodePrivate *priv = stk_node_get_instance_private (self);

  return priv->extras;
}

/**
 * stk_node_record:
 * @self: the node that changed
 * @change: (transfer full): the change, already made
 *
 * Hands @change to the history of the policy @self belongs to; frees it when @self is not
 * part of a policy (nothing to undo there).
 */
void
stk_node_record (StkNode   *self,
                 StkChange *change)
{
  StkNode *root = stk_node_get_root (self);

  if (STK_IS_POLICY (root))
    stk_history_push (stk_policy_get_history (STK_POLICY (root)), change);
  else
    stk_change_free (change);
}

static void
finish_set (StkNode    *self,
            GParamSpec *pspec,
            GValue     *old_value,
            GValue     *new_value)
{
  /* A detached node (being built, or loaded) has no history to record into. */
  if (stk_node_get_parent (self) != NULL || STK_IS_POLICY (self))
    stk_node_record (self, stk_change_new_property (G_OBJECT (self), pspec,
                                                    old_value, new_value));
  g_value_unset (old_value);
  g_value_unset (new_value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  stk_node_emit_changed (self);
}

gboolean
stk_node_set_string (StkNode     *self,
                     char       **field,
                     const char  *value,
                     GParamSpec  *pspec)
{
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_value_init (&old_value, G_TYPE_STRING);
  g_value_take_string (&old_value, g_steal_pointer (field));
  *field = g_strdup (value);
  g_value_init (&new_value, G_TYPE_STRING);
  g_value_set_string (&new_value, value);
  finish_set (self, pspec, &old_value, &new_value);

  return TRUE;
}

gboolean
stk_node_set_boolean (StkNode    *self,
                      gboolean   *field,
                      gboolean    value,
                      GParamSpec *pspec)
{
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;

  value = !!value;
  if (*field == value)
    return FALSE;

  g_value_init (&old_value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&old_value, *field);
  *field = value;
  g_value_init (&new_value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&new_value, value);
  finish_set (self, pspec, &old_value, &new_value);

  return TRUE;
}

gboolean
stk_node_set_int64 (StkNode    *self,
                    gint64     *field,
                    gint64      value,
                    GParamSpec *pspec)
{
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;

  if (*field == value)
    return FALSE;

  g_value_init (&old_value, G_TYPE_INT64);
  g_value_set_int64 (&old_value, *field);
  *field = value;
  g_value_init (&new_value, G_TYPE_INT64);
  g_value_set_int64 (&new_value, value);
  finish_set (self, pspec, &old_value, &new_value);

  return TRUE;
}

gboolean
stk_node_set_int (StkNode    *self,
                  int        *field,
                  int         value,
                  GParamSpec *pspec)
{
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;

  if (*field == value)
    return FALSE;

  g_value_init (&old_value, G_TYPE_INT);
  g_value_set_int (&old_value, *field);
  *field = value;
  g_value_init (&new_value, G_TYPE_INT);
  g_value_set_int (&new_value, value);
  finish_set (self, pspec, &old_value, &new_value);

  return TRUE;
}

gboolean
stk_node_set_enum (StkNode    *self,
                   int        *field,
                   int         value,
                   GParamSpec *pspec)
{
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;

  if (*field == value)
    return FALSE;

  g_value_init (&old_value, pspec->value_type);
  g_value_set_enum (&old_value, *field);
  *field = value;
  g_value_init (&new_value, pspec->value_type);
  g_value_set_enum (&new_value, value);
  finish_set (self, pspec, &old_value, &new_value);

  return TRUE;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

gboolean
stk_node_set_strv (StkNode             *self,
                   char              ***field,
                   const char * const  *value,
                   GParamSpec          *pspec)
{
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;
  if (strv_equal0 ((const char * const *) *field, value))
    return FALSE;

  g_value_init (&old_value, G_TYPE_STRV);
  g_value_take_boxed (&old_value, g_steal_pointer (field));
  *field = g_strdupv ((char **) value);
  g_value_init (&new_value, G_TYPE_STRV);
  g_value_set_boxed (&new_value, value);
  finish_set (self, pspec, &old_value, &new_value);

  return TRUE;
}
