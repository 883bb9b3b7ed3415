/* stk-category.c — a purpose for which the visitor gives or refuses consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-category.h"

struct _StkCategory
{
  StkNode   parent_instance;

  char     *id;
  StkText  *title;
  StkText  *description;
  char    **consent_mode;
  gboolean  required;
  gboolean  preselected;
  gboolean  gpc;
};

G_DEFINE_FINAL_TYPE (StkCategory, stk_category, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_REQUIRED,
  PROP_PRESELECTED,
  PROP_CONSENT_MODE,
  PROP_GPC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const consent_mode_signals[] = {
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
  "analytics_storage",
  "functionality_storage",
  "personalization_storage",
  "security_storage",
  NULL
};

/**
 * stk_consent_mode_signals:
 *
 * Returns: (transfer none): the Google Consent Mode v2 signals a category may grant
 */
const char * const *
stk_consent_mode_signals (void)
{
  return consent_mode_signals;
}

static void
stk_category_finalize (GObject *object)
{
  StkCategory *self = STK_CATEGORY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->consent_mode, g_strfreev);
  stk_node_set_parent (STK_NODE (self->title), NULL);
  stk_node_set_parent (STK_NODE (self->description), NULL);
  g_clear_object (&self->title);
  g_clear_object (&self->description);

  G_OBJECT_CLASS (stk_category_parent_class)->finalize (object);
}

static void
stk_category_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StkCategory *self = STK_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_object (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_object (value, self->description); break;
    case PROP_REQUIRED: g_value_set_boolean (value, self->required); break;
    case PROP_PRESELECTED: g_value_set_boolean (value, self->preselected); break;
    case PROP_CONSENT_MODE: g_value_set_boxed (value, self->consent_mode); break;
    case PROP_GPC: g_value_set_boolean (value, self->gpc); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_category_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StkCategory *self = STK_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID: stk_category_set_id (self, g_value_get_string (value)); break;
    case PROP_REQUIRED: stk_category_set_required (self, g_value_get_boolean (value)); break;
    case PROP_PRESELECTED: stk_category_set_preselected (self, g_value_get_boolean (value)); break;
    case PROP_CONSENT_MODE: stk_category_set_consent_mode (self, g_value_get_boxed (value)); break;
    case PROP_GPC: stk_category_set_gpc (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
stk_category_class_init (StkCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_category_finalize;
  object_class->get_property = stk_category_get_property;
  object_class->set_property = stk_category_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", RW);
  properties[PROP_TITLE] = g_param_spec_object ("title", NULL, NULL, STK_TYPE_TEXT, RO);
  properties[PROP_DESCRIPTION] = g_param_spec_object ("description", NULL, NULL,
                                                      STK_TYPE_TEXT, RO);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE, RW);
  /**
   * StkCategory:preselected:
   *
   * Whether the category's box is ticked before the visitor chooses. Kept so that a file which
   * says so can be loaded and flagged: for a category that is not required it is never lawful
   * consent, and validation reports it as an error.
   */
  properties[PROP_PRESELECTED] = g_param_spec_boolean ("preselected", NULL, NULL, FALSE, RW);
  properties[PROP_CONSENT_MODE] = g_param_spec_boxed ("consent-mode", NULL, NULL,
                                                      G_TYPE_STRV, RW);
  /**
   * StkCategory:gpc:
   *
   * Whether a browser's Global Privacy Control signal refuses this category, as Reject all
   * would. Meaningless for a required category, which cannot be refused.
   */
  properties[PROP_GPC] = g_param_spec_boolean ("gpc", NULL, NULL, TRUE, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_category_init (StkCategory *self)
{
  self->id = g_strdup ("");
  self->title = stk_text_new ();
  stk_node_set_parent (STK_NODE (self->title), STK_NODE (self));
  self->description = stk_text_new ();
  stk_node_set_parent (STK_NODE (self->description), STK_NODE (self));
  self->consent_mode = g_new0 (char *, 1);
  self->gpc = TRUE;
}

/**
 * stk_category_new:
 *
 * Returns: (transfer full): a category that is not required, grants no signal and honours
 *   Global Privacy Control
 */
StkCategory *
stk_category_new (void)
{
  return g_object_new (STK_TYPE_CATEGORY, NULL);
}

const char *
stk_category_get_id (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), NULL);
  return self->id;
}

void
stk_category_set_id (StkCategory *self,
                     const char  *id)
{
  g_return_if_fail (STK_IS_CATEGORY (self));
  stk_node_set_string (STK_NODE (self), &self->id, id, properties[PROP_ID]);
}

/**
 * stk_category_get_title:
 * @self: a category
 *
 * Returns: (transfer none): the category's title per language
 */
StkText *
stk_category_get_title (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), NULL);
  return self->title;
}

/**
 * stk_category_get_description:
 * @self: a category
 *
 * Returns: (transfer none): what the category covers, per language
 */
StkText *
stk_category_get_description (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), NULL);
  return self->description;
}

gboolean
stk_category_get_required (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), FALSE);
  return self->required;
}

void
stk_category_set_required (StkCategory *self,
                           gboolean     required)
{
  g_return_if_fail (STK_IS_CATEGORY (self));
  stk_node_set_boolean (STK_NODE (self), &self->required, required, properties[PROP_REQUIRED]);
}

gboolean
stk_category_get_preselected (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), FALSE);
  return self->preselected;
}

void
stk_category_set_preselected (StkCategory *self,
                              gboolean     preselected)
{
  g_return_if_fail (STK_IS_CATEGORY (self));
  stk_node_set_boolean (STK_NODE (self), &self->preselected, preselected,
                        properties[PROP_PRESELECTED]);
}

gboolean
stk_category_get_gpc (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), TRUE);
  return self->gpc;
}

void
stk_category_set_gpc (StkCategory *self,
                      gboolean     gpc)
{
  g_return_if_fail (STK_IS_CATEGORY (self));
  stk_node_set_boolean (STK_NODE (self), &self->gpc, gpc, properties[PROP_GPC]);
}

/**
 * stk_category_get_consent_mode:
 * @self: a category
 *
 * Returns: (transfer none): the Consent Mode signals granted with this category
 */
const char * const *
stk_category_get_consent_mode (StkCategory *self)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), NULL);
  return (const char * const *) self->consent_mode;
}

void
stk_category_set_consent_mode (StkCategory        *self,
                               const char * const *signals)
{
  g_return_if_fail (STK_IS_CATEGORY (self));
  stk_node_set_strv (STK_NODE (self), &self->consent_mode, signals,
                     properties[PROP_CONSENT_MODE]);
}

gboolean
stk_category_has_signal (StkCategory *self,
                         const char  *signal)
{
  g_return_val_if_fail (STK_IS_CATEGORY (self), FALSE);
  return g_strv_contains ((const char * const *) self->consent_mode, signal);
}

/**
 * stk_category_set_signal:
 * @self: a category
 * @signal: one of stk_consent_mode_signals()
 * @granted: whether the category grants it
 *
 * Adds or removes one signal, keeping the known signals in their fixed order.
 */
void
stk_category_set_signal (StkCategory *self,
                         const char  *signal,
                         gboolean     granted)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  g_return_if_fail (STK_IS_CATEGORY (self));

  if (stk_category_has_signal (self, signal) == !!granted)
    return;

  for (guint i = 0; consent_mode_signals[i]; i++)
    {
      const char *s = consent_mode_signals[i];

      if (g_str_equal (s, signal) ? granted : stk_category_has_signal (self, s))
        g_strv_builder_add (builder, s);
    }
  /* Unknown signals a file carried stay, after the known ones. */
  for (guint i = 0; self->consent_mode[i]; i++)
    if (!g_strv_contains (consent_mode_signals, self->consent_mode[i]))
      g_strv_builder_add (builder, self->consent_mode[i]);

  result = g_strv_builder_end (builder);
  stk_category_set_consent_mode (self, (const char * const *) result);
}
