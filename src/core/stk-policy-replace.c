/* stk-policy-replace.c — making a policy hold another's contents as one undoable step
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An imported configuration replaces the policy an editor window shows. Replacing the model
 * object would leave nothing to undo, since the undo history belongs to the policy; so the
 * policy keeps its identity and its history, and takes the other's contents through its own
 * setters and list splices, which the history records as one step. */

#include "config.h"

#include "stk-core-private.h"
#include "stk-policy.h"

/* Every property a caller may set, copied through g_object_set_property(), which runs the
 * model's setters and so records each change. */
static void
copy_properties (GObject *self,
                 GObject *source)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (source, pspec->name, &value);
      g_object_set_property (self, pspec->name, &value);
    }
}

/* Moves every item of @from into @into in place of @into's own. The items leave @from first:
 * a list detaches the items it drops. */
static void
move_items (StkList *into,
            StkList *from)
{
  guint n = stk_list_get_n (from);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_object_ref (stk_list_peek (from, i)));

  stk_list_splice (from, 0, n, NULL, 0);
  stk_list_splice (into, 0, stk_list_get_n (into), items->pdata, items->len);
}

static gboolean
holds_key (GPtrArray  *keys,
           const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;

  return FALSE;
}

static void
copy_texts (StkPolicy *self,
            StkPolicy *source)
{
  g_autoptr(GPtrArray) own_keys = stk_policy_dup_text_keys (self);
  g_autoptr(GPtrArray) source_keys = stk_policy_dup_text_keys (source);
  g_autoptr(StkText) empty = stk_text_new ();

  stk_text_copy_from (stk_policy_get_revision_note (self), stk_policy_get_revision_note (source));

  for (guint i = 0; i < own_keys->len; i++)
    {
      const char *key = g_ptr_array_index (own_keys, i);

      if (!holds_key (source_keys, key))
        stk_text_copy_from (stk_policy_get_text (self, key), empty);
    }

  for (guint i = 0; i < source_keys->len; i++)
    {
      const char *key = g_ptr_array_index (source_keys, i);

      stk_text_copy_from (stk_policy_get_text (self, key), stk_policy_get_text (source, key));
    }
}

/**
 * stk_policy_replace_with:
 * @self: the policy to change
 * @source: the policy whose contents @self takes; its categories, providers and sections move
 *   into @self, so that @source is left without them
 *
 * Makes @self hold what @source holds — every setting, text, category, provider, section and
 * the appearance — as one undoable step of @self's history: one undo gives back @self as it
 * was. Members a newer version of the format added to @self, which Samtykke keeps without
 * knowing them, stay as they are.
 */
void
stk_policy_replace_with (StkPolicy *self,
                         StkPolicy *source)
{
  StkHistory *history;

  g_return_if_fail (STK_IS_POLICY (self));
  g_return_if_fail (STK_IS_POLICY (source));
  g_return_if_fail (self != source);

  history = stk_policy_get_history (self);
  stk_history_seal (history);
  stk_history_begin_group (history);

  copy_properties (G_OBJECT (self), G_OBJECT (source));
  copy_properties (G_OBJECT (stk_policy_get_appearance (self)),
                   G_OBJECT (stk_policy_get_appearance (source)));
  copy_texts (self, source);
  move_items (stk_policy_get_sections (self), stk_policy_get_sections (source));
  move_items (stk_policy_get_categories (self), stk_policy_get_categories (source));
  move_items (stk_policy_get_providers (self), stk_policy_get_providers (source));

  stk_history_end_group (history);
  stk_history_seal (history);
}
