/* stk-provider.c — a supplier whose cookies or content the site uses
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-provider.h"

struct _StkProvider
{
  StkNode   parent_instance;

  char     *id;
  char     *name;
  char     *category;
  char     *dpa_date;
  char     *country;
  StkText  *purpose;
  StkText  *website;
  StkText  *privacy_policy;
  StkList  *embeds;
  StkList  *cookies;
  gboolean  dpa;
  gboolean  outside_eea;
};

G_DEFINE_FINAL_TYPE (StkProvider, stk_provider, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_PURPOSE,
  PROP_WEBSITE,
  PROP_PRIVACY_POLICY,
  PROP_DPA,
  PROP_DPA_DATE,
  PROP_COUNTRY,
  PROP_OUTSIDE_EEA,
  PROP_EMBEDS,
  PROP_COOKIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
own_child (StkProvider *self,
           gpointer     child)
{
  stk_node_set_parent (child, STK_NODE (self));
  return child;
}

static void
drop_child (gpointer child)
{
  stk_node_set_parent (child, NULL);
  g_object_unref (child);
}

static void
stk_provider_finalize (GObject *object)
{
  StkProvider *self = STK_PROVIDER (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->category);
  g_free (self->dpa_date);
  g_free (self->country);
  drop_child (self->purpose);
  drop_child (self->website);
  drop_child (self->privacy_policy);
  drop_child (self->embeds);
  drop_child (self->cookies);

  G_OBJECT_CLASS (stk_provider_parent_class)->finalize (object);
}

static void
stk_provider_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StkProvider *self = STK_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_PURPOSE: g_value_set_object (value, self->purpose); break;
    case PROP_WEBSITE: g_value_set_object (value, self->website); break;
    case PROP_PRIVACY_POLICY: g_value_set_object (value, self->privacy_policy); break;
    case PROP_DPA: g_value_set_boolean (value, self->dpa); break;
    case PROP_DPA_DATE: g_value_set_string (value, self->dpa_date); break;
    case PROP_COUNTRY: g_value_set_string (value, self->country); break;
    case PROP_OUTSIDE_EEA: g_value_set_boolean (value, self->outside_eea); break;
    case PROP_EMBEDS: g_value_set_object (value, self->embeds); break;
    case PROP_COOKIES: g_value_set_object (value, self->cookies); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_provider_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StkProvider *self = STK_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ID: stk_provider_set_id (self, g_value_get_string (value)); break;
    case PROP_NAME: stk_provider_set_name (self, g_value_get_string (value)); break;
    case PROP_CATEGORY: stk_provider_set_category (self, g_value_get_string (value)); break;
    case PROP_DPA: stk_provider_set_dpa (self, g_value_get_boolean (value)); break;
    case PROP_DPA_DATE: stk_provider_set_dpa_date (self, g_value_get_string (value)); break;
    case PROP_COUNTRY: stk_provider_set_country (self, g_value_get_string (value)); break;
    case PROP_OUTSIDE_EEA: stk_provider_set_outside_eea (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
stk_provider_class_init (StkProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_provider_finalize;
  object_class->get_property = stk_provider_get_property;
  object_class->set_property = stk_provider_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", RW);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", RW);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", RW);
  properties[PROP_PURPOSE] = g_param_spec_object ("purpose", NULL, NULL, STK_TYPE_TEXT, RO);
  properties[PROP_WEBSITE] = g_param_spec_object ("website", NULL, NULL, STK_TYPE_TEXT, RO);
  properties[PROP_PRIVACY_POLICY] = g_param_spec_object ("privacy-policy", NULL, NULL,
                                                         STK_TYPE_TEXT, RO);
  properties[PROP_DPA] = g_param_spec_boolean ("dpa", NULL, NULL, FALSE, RW);
  properties[PROP_DPA_DATE] = g_param_spec_string ("dpa-date", NULL, NULL, "", RW);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, "", RW);
  properties[PROP_OUTSIDE_EEA] = g_param_spec_boolean ("outside-eea", NULL, NULL, FALSE, RW);
  properties[PROP_EMBEDS] = g_param_spec_object ("embeds", NULL, NULL, STK_TYPE_LIST, RO);
  properties[PROP_COOKIES] = g_param_spec_object ("cookies", NULL, NULL, STK_TYPE_LIST, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_provider_init (StkProvider *self)
{
  self->id = g_strdup ("");
  self->name = g_strdup ("");
  self->category = g_strdup ("");
  self->dpa_date = g_strdup ("");
  self->country = g_strdup ("");
  self->purpose = own_child (self, stk_text_new ());
  self->website = own_child (self, stk_text_new ());
  self->privacy_policy = own_child (self, stk_text_new ());
  self->embeds = own_child (self, stk_list_new (STK_TYPE_EMBED));
  self->cookies = own_child (self, stk_list_new (STK_TYPE_COOKIE));
}

/**
 * stk_provider_new:
 *
 * Returns: (transfer full): a provider with no fields set and no cookies
 */
StkProvider *
stk_provider_new (void)
{
  return g_object_new (STK_TYPE_PROVIDER, NULL);
}

#define STRING_ACCESSORS(field, PROP)                                              \
  const char *                                                                     \
  stk_provider_get_##field (StkProvider *self)                                     \
  {                                                                                \
    g_return_val_if_fail (STK_IS_PROVIDER (self), NULL);                           \
    return self->field;                                                            \
  }                                                                                \
  void                                                                             \
  stk_provider_set_##field (StkProvider *self,                                     \
                            const char  *value)                                    \
  {                                                                                \
    g_return_if_fail (STK_IS_PROVIDER (self));                                     \
    stk_node_set_string (STK_NODE (self), &self->field, value, properties[PROP]);  \
  }

#define BOOLEAN_ACCESSORS(field, PROP)                                             \
  gboolean                                                                         \
  stk_provider_get_##field (StkProvider *self)                                     \
  {                                                                                \
    g_return_val_if_fail (STK_IS_PROVIDER (self), FALSE);                          \
    return self->field;                                                            \
  }                                                                                \
  void                                                                             \
  stk_provider_set_##field (StkProvider *self,                                     \
                            gboolean     value)                                    \
  {                                                                                \
    g_return_if_fail (STK_IS_PROVIDER (self));                                     \
    stk_node_set_boolean (STK_NODE (self), &self->field, value, properties[PROP]); \
  }

#define OBJECT_GETTER(Type, field)                                                 \
  Type *                                                                           \
  stk_provider_get_##field (StkProvider *self)                                     \
  {                                                                                \
    g_return_val_if_fail (STK_IS_PROVIDER (self), NULL);                           \
    return self->field;                                                            \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (category, PROP_CATEGORY)
STRING_ACCESSORS (dpa_date, PROP_DPA_DATE)
STRING_ACCESSORS (country, PROP_COUNTRY)
BOOLEAN_ACCESSORS (dpa, PROP_DPA)
BOOLEAN_ACCESSORS (outside_eea, PROP_OUTSIDE_EEA)
OBJECT_GETTER (StkText, purpose)
OBJECT_GETTER (StkText, website)
OBJECT_GETTER (StkText, privacy_policy)
OBJECT_GETTER (StkList, embeds)
OBJECT_GETTER (StkList, cookies)
