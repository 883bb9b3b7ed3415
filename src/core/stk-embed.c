/* stk-embed.c — content a provider serves into the page (a video, a map), blocked until consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-embed.h"

struct _StkEmbed
{
  StkNode  parent_instance;

  char    *id;
  StkText *placeholder;
};

G_DEFINE_FINAL_TYPE (StkEmbed, stk_embed, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stk_embed_finalize (GObject *object)
{
  StkEmbed *self = STK_EMBED (object);

  g_clear_pointer (&self->id, g_free);
  stk_node_set_parent (STK_NODE (self->placeholder), NULL);
  g_clear_object (&self->placeholder);

  G_OBJECT_CLASS (stk_embed_parent_class)->finalize (object);
}

static void
stk_embed_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  StkEmbed *self = STK_EMBED (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_PLACEHOLDER: g_value_set_object (value, self->placeholder); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_embed_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  StkEmbed *self = STK_EMBED (object);

  switch (prop_id)
    {
    case PROP_ID: stk_embed_set_id (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_embed_class_init (StkEmbedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_embed_finalize;
  object_class->get_property = stk_embed_get_property;
  object_class->set_property = stk_embed_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_object ("placeholder", NULL, NULL, STK_TYPE_TEXT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_embed_init (StkEmbed *self)
{
  self->id = g_strdup ("");
  self->placeholder = stk_text_new ();
  stk_node_set_parent (STK_NODE (self->placeholder), STK_NODE (self));
}

/**
 * stk_embed_new:
 *
 * Returns: (transfer full): an embed with an empty id and placeholder
 */
StkEmbed *
stk_embed_new (void)
{
  return g_object_new (STK_TYPE_EMBED, NULL);
}

const char *
stk_embed_get_id (StkEmbed *self)
{
  g_return_val_if_fail (STK_IS_EMBED (self), NULL);
  return self->id;
}

void
stk_embed_set_id (StkEmbed   *self,
                  const char *id)
{
  g_return_if_fail (STK_IS_EMBED (self));
  stk_node_set_string (STK_NODE (self), &self->id, id, properties[PROP_ID]);
}

/**
 * stk_embed_get_placeholder:
 * @self: an embed
 *
 * Returns: (transfer none): what the page shows in the embed's place before consent
 */
StkText *
stk_embed_get_placeholder (StkEmbed *self)
{
  g_return_val_if_fail (STK_IS_EMBED (self), NULL);
  return self->placeholder;
}
