/* stk-history.c — undo and redo of every change made to a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-history.h"
#include "stk-policy.h"

/* A step is what one undo takes back: one change, or a group of them. Consecutive edits of
 * one field merge into one step until the history is sealed (the editor seals when a field
 * loses focus), so typing a word is one step, not one per letter. */
typedef struct
{
  guint64    serial;
  GPtrArray *changes;
} Step;

struct _StkHistory
{
  GObject    parent_instance;

  GPtrArray *undo_steps;
  GPtrArray *redo_steps;
  Step      *open_group;     /* collecting while group_depth > 0 */
  guint      group_depth;
  guint64    next_serial;
  guint64    saved_serial;   /* serial of the top undo step when saved; 0: empty history */
  gboolean   sealed;
  gboolean   replaying;
  gboolean   was_modified;
  gboolean   could_undo;
  gboolean   could_redo;
};

G_DEFINE_FINAL_TYPE (StkHistory, stk_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SAVED_STATE_LOST G_MAXUINT64

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->changes);
  g_free (step);
}

static Step *
step_new (StkHistory *self)
{
  Step *step = g_new0 (Step, 1);

  step->serial = ++self->next_serial;
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) stk_change_free);

  return step;
}

static guint64
top_serial (StkHistory *self)
{
  if (self->undo_steps->len == 0)
    return 0;

  return ((Step *) g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1))->serial;
}

static void
update_state (StkHistory *self)
{
  gboolean can_undo = self->undo_steps->len > 0;
  gboolean can_redo = self->redo_steps->len > 0;
  gboolean modified = top_serial (self) != self->saved_serial;

  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
stk_history_finalize (GObject *object)
{
  StkHistory *self = STK_HISTORY (object);

  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->redo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, step_free);

  G_OBJECT_CLASS (stk_history_parent_class)->finalize (object);
}

static void
stk_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StkHistory *self = STK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, stk_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, stk_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, stk_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_history_class_init (StkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_history_finalize;
  object_class->get_property = stk_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkHistory:modified:
   *
   * Whether the policy differs from the state last marked saved. Undoing back to that state
   * makes it %FALSE again.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_history_init (StkHistory *self)
{
  self->undo_steps = g_ptr_array_new_with_free_func (step_free);
  self->redo_steps = g_ptr_array_new_with_free_func (step_free);
  self->sealed = TRUE;
}

/**
 * stk_history_new:
 *
 * Returns: (transfer full): an empty history
 */
StkHistory *
stk_history_new (void)
{
  return g_object_new (STK_TYPE_HISTORY, NULL);
}

gboolean
stk_history_can_undo (StkHistory *self)
{
  g_return_val_if_fail (STK_IS_HISTORY (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
stk_history_can_redo (StkHistory *self)
{
  g_return_val_if_fail (STK_IS_HISTORY (self), FALSE);

  return self->redo_steps->len > 0;
}

/**
 * stk_history_get_modified:
 * @self: a history
 *
 * Returns: whether there are changes since the last stk_history_mark_saved()
 */
gboolean
stk_history_get_modified (StkHistory *self)
{
  g_return_val_if_fail (STK_IS_HISTORY (self), FALSE);

  return top_serial (self) != self->saved_serial;
}

/**
 * stk_history_is_replaying:
 * @self: a history
 *
 * Returns: whether an undo or redo is being applied right now
 */
gboolean
stk_history_is_replaying (StkHistory *self)
{
  g_return_val_if_fail (STK_IS_HISTORY (self), FALSE);

  return self->replaying;
}

static void
replay (StkHistory *self,
        GPtrArray  *from,
        GPtrArray  *to,
        gboolean    undo)
{
  Step *step;

  self->sealed = TRUE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  self->replaying = TRUE;
  if (undo)
    {
      for (guint i = step->changes->len; i > 0; i--)
        stk_change_apply (g_ptr_array_index (step->changes, i - 1), TRUE);
    }
  else
    {
      for (guint i = 0; i < step->changes->len; i++)
        stk_change_apply (g_ptr_array_index (step->changes, i), FALSE);
    }
  self->replaying = FALSE;
  g_ptr_array_add (to, step);
  update_state (self);
}

/**
 * stk_history_undo:
 * @self: a history
 *
 * Takes back the last step.
 *
 * Returns: %FALSE when there was nothing to undo
 */
gboolean
stk_history_undo (StkHistory *self)
{
  g_return_val_if_fail (STK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->undo_steps->len == 0)
    return FALSE;

  replay (self, self->undo_steps, self->redo_steps, TRUE);
  return TRUE;
}

/**
 * stk_history_redo:
 * @self: a history
 *
 * Makes the last undone step again.
 *
 * Returns: %FALSE when there was nothing to redo
 */
gboolean
stk_history_redo (StkHistory *self)
{
  g_return_val_if_fail (STK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->redo_steps->len == 0)
    return FALSE;

  replay (self, self->redo_steps, self->undo_steps, FALSE);
  return TRUE;
}

/**
 * stk_history_begin_group:
 * @self: a history
 *
 * Starts collecting changes into one step (for example every change an "add provider" makes),
 * until the matching stk_history_end_group(). Groups nest.
 */
void
stk_history_begin_group (StkHistory *self)
{
  g_return_if_fail (STK_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_group = step_new (self);
}

void
stk_history_end_group (StkHistory *self)
{
  g_return_if_fail (STK_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  if (self->open_group->changes->len > 0)
    {
      g_ptr_array_add (self->undo_steps, g_steal_pointer (&self->open_group));
      self->sealed = TRUE;
    }
  else
    {
      g_clear_pointer (&self->open_group, step_free);
    }
  update_state (self);
}

/**
 * stk_history_seal:
 * @self: a history
 *
 * Ends the current run of merged edits: the next change starts a new step even when it edits
 * the same field.
 */
void
stk_history_seal (StkHistory *self)
{
  g_return_if_fail (STK_IS_HISTORY (self));

  self->sealed = TRUE;
}

/**
 * stk_history_mark_saved:
 * @self: a history
 *
 * Remembers the current state as the saved one.
 */
void
stk_history_mark_saved (StkHistory *self)
{
  g_return_if_fail (STK_IS_HISTORY (self));

  self->saved_serial = top_serial (self);
  self->sealed = TRUE;
  update_state (self);
}

/**
 * stk_history_mark_unsaved:
 * @self: a history
 *
 * Takes the current state as one that is not saved anywhere, such as changes recovered after
 * the editor stopped: the policy counts as modified until it is marked saved, and no undo or
 * redo leads back to a saved state.
 */
void
stk_history_mark_unsaved (StkHistory *self)
{
  g_return_if_fail (STK_IS_HISTORY (self));

  self->saved_serial = SAVED_STATE_LOST;
  self->sealed = TRUE;
  update_state (self);
}

/**
 * stk_history_clear:
 * @self: a history
 *
 * Forgets every step and takes the current state as saved.
 */
void
stk_history_clear (StkHistory *self)
{
  g_return_if_fail (STK_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);
  self->saved_serial = 0;
  self->sealed = TRUE;
  update_state (self);
}

/**
 * stk_history_push:
 * @self: a history
 * @change: (transfer full): a change that was just made
 *
 * Records @change. Called by the model's setters; not meant for views.
 */
void
stk_history_push (StkHistory *self,
                  StkChange  *change)
{
  Step *top;

  g_return_if_fail (STK_IS_HISTORY (self));

  if (self->replaying)
    {
      stk_change_free (change);
      return;
    }

  if (self->redo_steps->len > 0)
    {
      for (guint i = 0; i < self->redo_steps->len; i++)
        if (((Step *) g_ptr_array_index (self->redo_steps, i))->serial == self->saved_serial)
          self->saved_serial = SAVED_STATE_LOST;
      g_ptr_array_set_size (self->redo_steps, 0);
    }

  if (self->group_depth > 0)
    {
      g_ptr_array_add (self->open_group->changes, change);
      return;
    }

  top = self->undo_steps->len > 0
      ? g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1)
      : NULL;

  if (!self->sealed && top != NULL && top->serial != self->saved_serial &&
      top->changes->len == 1 && stk_change_merge (g_ptr_array_index (top->changes, 0), change))
    {
      stk_change_free (change);
    }
  else
    {
      Step *step = step_new (self);

      g_ptr_array_add (step->changes, change);
      g_ptr_array_add (self->undo_steps, step);
    }

  self->sealed = FALSE;
  update_state (self);
}

/* Changes */

StkChange *
stk_change_new_property (GObject      *object,
                         GParamSpec   *pspec,
                         const GValue *old_value,
                         const GValue *new_value)
{
  StkChange *change = g_new0 (StkChange, 1);

  change->kind = STK_CHANGE_PROPERTY;
  change->borrowed = STK_IS_POLICY (object);
  change->object = change->borrowed ? object : g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &change->old_value);
  g_value_init (&change->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &change->new_value);

  return change;
}

StkChange *
stk_change_new_text (StkText    *text,
                     const char *lang,
                     const char *old_text,
                     const char *new_text)
{
  StkChange *change = g_new0 (StkChange, 1);

  change->kind = STK_CHANGE_TEXT;
  change->object = g_object_ref (G_OBJECT (text));
  change->lang = g_strdup (lang);
  change->old_text = g_strdup (old_text);
  change->new_text = g_strdup (new_text);

  return change;
}

void
stk_change_free (StkChange *change)
{
  if (change == NULL)
    return;

  if (!change->borrowed)
    g_clear_object (&change->object);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_free (change->lang);
  g_free (change->old_text);
  g_free (change->new_text);
  g_clear_pointer (&change->removed, g_ptr_array_unref);
  g_clear_pointer (&change->added, g_ptr_array_unref);
  g_free (change);
}

void
stk_change_apply (StkChange *change,
                  gboolean   undo)
{
  switch (change->kind)
    {
    case STK_CHANGE_PROPERTY:
      g_object_set_property (change->object, change->pspec->name,
                             undo ? &change->old_value : &change->new_value);
      break;

    case STK_CHANGE_TEXT:
      stk_text_set (STK_TEXT (change->object), change->lang,
                    undo ? change->old_text : change->new_text);
      break;

    case STK_CHANGE_SPLICE:
      {
        GPtrArray *remove = undo ? change->added : change->removed;
        GPtrArray *add = undo ? change->removed : change->added;

        stk_list_splice (STK_LIST (change->object), change->position, remove->len,
                         add->pdata, add->len);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

gboolean
stk_change_merge (StkChange *into,
                  StkChange *next)
{
  if (into->kind != next->kind || into->object != next->object)
    return FALSE;

  switch (into->kind)
    {
    case STK_CHANGE_PROPERTY:
      if (into->pspec != next->pspec)
        return FALSE;
      g_value_unset (&into->new_value);
      g_value_init (&into->new_value, G_VALUE_TYPE (&next->new_value));
      g_value_copy (&next->new_value, &into->new_value);
      return TRUE;

    case STK_CHANGE_TEXT:
      if (g_strcmp0 (into->lang, next->lang) != 0)
        return FALSE;
      g_free (into->new_text);
      into->new_text = g_strdup (next->new_text);
      return TRUE;

    case STK_CHANGE_SPLICE:
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}
