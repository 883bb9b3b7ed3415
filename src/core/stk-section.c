/* stk-section.c — one section of prose on the cookie-declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-section.h"

struct _StkSection
{
  StkNode  parent_instance;

  char    *id;
  StkText *title;
  StkText *body;
};

G_DEFINE_FINAL_TYPE (StkSection, stk_section, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stk_section_finalize (GObject *object)
{
  StkSection *self = STK_SECTION (object);

  g_clear_pointer (&self->id, g_free);
  stk_node_set_parent (STK_NODE (self->title), NULL);
  stk_node_set_parent (STK_NODE (self->body), NULL);
  g_clear_object (&self->title);
  g_clear_object (&self->body);

  G_OBJECT_CLASS (stk_section_parent_class)->finalize (object);
}

static void
stk_section_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  StkSection *self = STK_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_object (value, self->title); break;
    case PROP_BODY: g_value_set_object (value, self->body); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_section_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  StkSection *self = STK_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID: stk_section_set_id (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_section_class_init (StkSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_section_finalize;
  object_class->get_property = stk_section_get_property;
  object_class->set_property = stk_section_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_object ("title", NULL, NULL, STK_TYPE_TEXT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_object ("body", NULL, NULL, STK_TYPE_TEXT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_section_init (StkSection *self)
{
  self->id = g_strdup ("");
  self->title = stk_text_new ();
  stk_node_set_parent (STK_NODE (self->title), STK_NODE (self));
  self->body = stk_text_new ();
  stk_node_set_parent (STK_NODE (self->body), STK_NODE (self));
}

/**
 * stk_section_new:
 *
 * Returns: (transfer full): a section with an empty id, title and body
 */
StkSection *
stk_section_new (void)
{
  return g_object_new (STK_TYPE_SECTION, NULL);
}

const char *
stk_section_get_id (StkSection *self)
{
  g_return_val_if_fail (STK_IS_SECTION (self), NULL);
  return self->id;
}

void
stk_section_set_id (StkSection   *self,
                  const char *id)
{
  g_return_if_fail (STK_IS_SECTION (self));
  stk_node_set_string (STK_NODE (self), &self->id, id, properties[PROP_ID]);
}

/**
 * stk_section_get_title:
 * @self: a section
 *
 * Returns: (transfer none): the section's heading
 */
StkText *
stk_section_get_title (StkSection *self)
{
  g_return_val_if_fail (STK_IS_SECTION (self), NULL);
  return self->title;
}

/**
 * stk_section_get_body:
 * @self: a section
 *
 * Returns: (transfer none): the section's prose; a blank line separates paragraphs
 */
StkText *
stk_section_get_body (StkSection *self)
{
  g_return_val_if_fail (STK_IS_SECTION (self), NULL);
  return self->body;
}
