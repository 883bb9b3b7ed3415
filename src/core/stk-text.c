/* stk-text.c — a text held once per language (a localized string)
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core-private.h"
#include "stk-text.h"

typedef struct
{
  char *lang;
  char *value;
} Entry;

struct _StkText
{
  StkNode  parent_instance;

  GArray  *entries;   /* Entry, in the order they were added; a few languages at most */
};

G_DEFINE_FINAL_TYPE (StkText, stk_text, STK_TYPE_NODE)

enum {
  LANGUAGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->lang);
  g_free (entry->value);
}

static void
stk_text_finalize (GObject *object)
{
  StkText *self = STK_TEXT (object);

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (stk_text_parent_class)->finalize (object);
}

static void
stk_text_class_init (StkTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_text_finalize;

  /**
   * StkText::language-changed:
   * @self: the text
   * @lang: the language whose value changed
   *
   * Emitted after the value of one language changed, before #StkNode::changed.
   */
  signals[LANGUAGE_CHANGED] = g_signal_new ("language-changed",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
stk_text_init (StkText *self)
{
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 2);
  g_array_set_clear_func (self->entries, entry_clear);
}

/**
 * stk_text_new:
 *
 * Returns: (transfer full): a text with no language set
 */
StkText *
stk_text_new (void)
{
  return g_object_new (STK_TYPE_TEXT, NULL);
}

static Entry *
find_entry (StkText    *self,
            const char *lang)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (strcmp (entry->lang, lang) == 0)
        return entry;
    }

  return NULL;
}

/**
 * stk_text_get:
 * @self: a text
 * @lang: a language code, or %STK_TEXT_ANY_LANGUAGE
 *
 * Returns: (nullable): the value stored for exactly @lang, or %NULL
 */
const char *
stk_text_get (StkText    *self,
              const char *lang)
{
  Entry *entry;

  g_return_val_if_fail (STK_IS_TEXT (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  entry = find_entry (self, lang);

  return entry ? entry->value : NULL;
}

/**
 * stk_text_lookup:
 * @self: a text
 * @lang: a language code
 *
 * Like stk_text_get(), but a value kept for every language (a URL written as one string)
 * answers for any language.
 *
 * Returns: (nullable): the value that applies to @lang, or %NULL
 */
const char *
stk_text_lookup (StkText    *self,
                 const char *lang)
{
  const char *value = stk_text_get (self, lang);

  if (value == NULL || *value == '\0')
    {
      const char *any = stk_text_get (self, STK_TEXT_ANY_LANGUAGE);

      if (any != NULL && *any != '\0')
        return any;
    }

  return value;
}

/**
 * stk_text_set:
 * @self: a text
 * @lang: a language code, or %STK_TEXT_ANY_LANGUAGE
 * @value: (nullable): the new value; %NULL removes the language
 *
 * Sets one language's value as an undoable change.
 */
void
stk_text_set (StkText    *self,
              const char *lang,
              const char *value)
{
  Entry *entry;
  g_autofree char *old = NULL;

  g_return_if_fail (STK_IS_TEXT (self));
  g_return_if_fail (lang != NULL);

  entry = find_entry (self, lang);
  if (entry == NULL && value == NULL)
    return;
  if (entry != NULL && g_strcmp0 (entry->value, value) == 0)
    return;

  if (entry == NULL)
    {
      Entry new_entry = { g_strdup (lang), g_strdup (value) };

      g_array_append_val (self->entries, new_entry);
    }
  else if (value == NULL)
    {
      old = g_steal_pointer (&entry->value);
      g_array_remove_index (self->entries, entry - (Entry *) (gpointer) self->entries->data);
    }
  else
    {
      old = g_steal_pointer (&entry->value);
      entry->value = g_strdup (value);
    }

  stk_node_record (STK_NODE (self), stk_change_new_text (self, lang, old, value));
  g_signal_emit (self, signals[LANGUAGE_CHANGED], 0, lang);
  stk_node_emit_changed (STK_NODE (self));
}

/**
 * stk_text_is_missing:
 * @self: a text
 * @lang: a language code
 *
 * Returns: whether @lang has no value, or an empty one (a missing translation)
 */
gboolean
stk_text_is_missing (StkText    *self,
                     const char *lang)
{
  const char *value = stk_text_lookup (self, lang);

  return value == NULL || *value == '\0';
}

/**
 * stk_text_is_uniform:
 * @self: a text
 *
 * Returns: whether the text is one value for every language (and nothing per language)
 */
gboolean
stk_text_is_uniform (StkText *self)
{
  g_return_val_if_fail (STK_IS_TEXT (self), FALSE);

  return self->entries->len == 1 &&
         g_array_index (self->entries, Entry, 0).lang[0] == '\0';
}

/**
 * stk_text_is_empty:
 * @self: a text
 *
 * Returns: whether no language has a non-empty value
 */
gboolean
stk_text_is_empty (StkText *self)
{
  g_return_val_if_fail (STK_IS_TEXT (self), TRUE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *value = g_array_index (self->entries, Entry, i).value;

      if (value != NULL && *value != '\0')
        return FALSE;
    }

  return TRUE;
}

/**
 * stk_text_dup_languages:
 * @self: a text
 *
 * Returns: (transfer full): the languages that have an entry, in the order they were added
 */
char **
stk_text_dup_languages (StkText *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **langs;

  for (guint i = 0; i < self->entries->len; i++)
    g_strv_builder_add (builder, g_array_index (self->entries, Entry, i).lang);

  langs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return langs;
}

/**
 * stk_text_copy_from:
 * @self: a text
 * @other: the text to copy
 *
 * Makes @self hold exactly what @other holds, as undoable changes.
 */
void
stk_text_copy_from (StkText *self,
                    StkText *other)
{
  g_auto(GStrv) mine = stk_text_dup_languages (self);

  for (guint i = 0; mine[i]; i++)
    if (stk_text_get (other, mine[i]) == NULL)
      stk_text_set (self, mine[i], NULL);

  for (guint i = 0; i < other->entries->len; i++)
    {
      Entry *entry = &g_array_index (other->entries, Entry, i);

      stk_text_set (self, entry->lang, entry->value);
    }
}

void
stk_text_take (StkText *self,
               char    *lang,
               char    *value)
{
  Entry entry = { lang, value };

  g_array_append_val (self->entries, entry);
}
