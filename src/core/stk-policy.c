/* stk-policy.c — a website's cookie-consent policy: the root of the model
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-policy.h"
#include "stk-texts.h"

struct _StkPolicy
{
  StkNode      parent_instance;

  StkHistory  *history;
  char        *name;
  char        *updated;
  char        *checked;
  char       **languages;
  char        *default_language;
  char        *controller_name;
  char        *controller_address;
  char        *controller_cvr;
  char        *controller_email;
  char        *dpo_name;
  char        *dpo_email;
  char       **domains;
  char        *cookie_name;
  char        *cookie_domain;
  char        *log_endpoint;
  StkText     *revision_note;
  GHashTable  *texts;       /* key -> StkText */
  GPtrArray   *text_keys;   /* order: as created */
  StkList     *sections;
  StkList     *categories;
  StkList     *providers;
  StkAppearance *appearance;
  int          revision;
  int          accept_days;
  int          decline_days;
};

G_DEFINE_FINAL_TYPE (StkPolicy, stk_policy, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_NAME,
  PROP_REVISION,
  PROP_REVISION_NOTE,
  PROP_UPDATED,
  PROP_CHECKED,
  PROP_LANGUAGES,
  PROP_DEFAULT_LANGUAGE,
  PROP_CONTROLLER_NAME,
  PROP_CONTROLLER_ADDRESS,
  PROP_CONTROLLER_CVR,
  PROP_CONTROLLER_EMAIL,
  PROP_DPO_NAME,
  PROP_DPO_EMAIL,
  PROP_DOMAINS,
  PROP_COOKIE_NAME,
  PROP_COOKIE_DOMAIN,
  PROP_ACCEPT_DAYS,
  PROP_DECLINE_DAYS,
  PROP_LOG_ENDPOINT,
  PROP_SECTIONS,
  PROP_CATEGORIES,
  PROP_PROVIDERS,
  PROP_APPEARANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
own_child (StkPolicy *self,
           gpointer   child)
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
stk_policy_finalize (GObject *object)
{
  StkPolicy *self = STK_POLICY (object);

  /* The history holds references to model objects; drop it first. */
  g_clear_object (&self->history);
  g_free (self->name);
  g_free (self->updated);
  g_free (self->checked);
  g_strfreev (self->languages);
  g_free (self->default_language);
  g_free (self->controller_name);
  g_free (self->controller_address);
  g_free (self->controller_cvr);
  g_free (self->controller_email);
  g_free (self->dpo_name);
  g_free (self->dpo_email);
  g_strfreev (self->domains);
  g_free (self->cookie_name);
  g_free (self->cookie_domain);
  g_free (self->log_endpoint);
  drop_child (self->revision_note);
  g_hash_table_unref (self->texts);
  g_ptr_array_unref (self->text_keys);
  drop_child (self->sections);
  drop_child (self->categories);
  drop_child (self->providers);
  drop_child (self->appearance);

  G_OBJECT_CLASS (stk_policy_parent_class)->finalize (object);
}

static void
stk_policy_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StkPolicy *self = STK_POLICY (object);

  switch (prop_id)
    {
    case PROP_HISTORY: g_value_set_object (value, self->history); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_REVISION: g_value_set_int (value, self->revision); break;
    case PROP_REVISION_NOTE: g_value_set_object (value, self->revision_note); break;
    case PROP_UPDATED: g_value_set_string (value, self->updated); break;
    case PROP_CHECKED: g_value_set_string (value, self->checked); break;
    case PROP_LANGUAGES: g_value_set_boxed (value, self->languages); break;
    case PROP_DEFAULT_LANGUAGE: g_value_set_string (value, self->default_language); break;
    case PROP_CONTROLLER_NAME: g_value_set_string (value, self->controller_name); break;
    case PROP_CONTROLLER_ADDRESS: g_value_set_string (value, self->controller_address); break;
    case PROP_CONTROLLER_CVR: g_value_set_string (value, self->controller_cvr); break;
    case PROP_CONTROLLER_EMAIL: g_value_set_string (value, self->controller_email); break;
    case PROP_DPO_NAME: g_value_set_string (value, self->dpo_name); break;
    case PROP_DPO_EMAIL: g_value_set_string (value, self->dpo_email); break;
    case PROP_DOMAINS: g_value_set_boxed (value, self->domains); break;
    case PROP_COOKIE_NAME: g_value_set_string (value, self->cookie_name); break;
    case PROP_COOKIE_DOMAIN: g_value_set_string (value, self->cookie_domain); break;
    case PROP_ACCEPT_DAYS: g_value_set_int (value, self->accept_days); break;
    case PROP_DECLINE_DAYS: g_value_set_int (value, self->decline_days); break;
    case PROP_LOG_ENDPOINT: g_value_set_string (value, self->log_endpoint); break;
    case PROP_SECTIONS: g_value_set_object (value, self->sections); break;
    case PROP_CATEGORIES: g_value_set_object (value, self->categories); break;
    case PROP_PROVIDERS: g_value_set_object (value, self->providers); break;
    case PROP_APPEARANCE: g_value_set_object (value, self->appearance); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_policy_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StkPolicy *self = STK_POLICY (object);
  const char *s = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  switch (prop_id)
    {
    case PROP_NAME: stk_policy_set_name (self, s); break;
    case PROP_REVISION: stk_policy_set_revision (self, g_value_get_int (value)); break;
    case PROP_UPDATED: stk_policy_set_updated (self, s); break;
    case PROP_CHECKED: stk_policy_set_checked (self, s); break;
    case PROP_LANGUAGES: stk_policy_set_languages (self, g_value_get_boxed (value)); break;
    case PROP_DEFAULT_LANGUAGE: stk_policy_set_default_language (self, s); break;
    case PROP_CONTROLLER_NAME: stk_policy_set_controller_name (self, s); break;
    case PROP_CONTROLLER_ADDRESS: stk_policy_set_controller_address (self, s); break;
    case PROP_CONTROLLER_CVR: stk_policy_set_controller_cvr (self, s); break;
    case PROP_CONTROLLER_EMAIL: stk_policy_set_controller_email (self, s); break;
    case PROP_DPO_NAME: stk_policy_set_dpo_name (self, s); break;
    case PROP_DPO_EMAIL: stk_policy_set_dpo_email (self, s); break;
    case PROP_DOMAINS: stk_policy_set_domains (self, g_value_get_boxed (value)); break;
    case PROP_COOKIE_NAME: stk_policy_set_cookie_name (self, s); break;
    case PROP_COOKIE_DOMAIN: stk_policy_set_cookie_domain (self, s); break;
    case PROP_ACCEPT_DAYS: stk_policy_set_accept_days (self, g_value_get_int (value)); break;
    case PROP_DECLINE_DAYS: stk_policy_set_decline_days (self, g_value_get_int (value)); break;
    case PROP_LOG_ENDPOINT: stk_policy_set_log_endpoint (self, s); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
stk_policy_class_init (StkPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_policy_finalize;
  object_class->get_property = stk_policy_get_property;
  object_class->set_property = stk_policy_set_property;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, STK_TYPE_HISTORY, RO);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", RW);
  /**
   * StkPolicy:revision:
   *
   * A new revision makes every visitor choose again.
   */
  properties[PROP_REVISION] = g_param_spec_int ("revision", NULL, NULL,
                                                G_MININT, G_MAXINT, 1, RW);
  properties[PROP_REVISION_NOTE] = g_param_spec_object ("revision-note", NULL, NULL,
                                                        STK_TYPE_TEXT, RO);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, "", RW);
  properties[PROP_CHECKED] = g_param_spec_string ("checked", NULL, NULL, "", RW);
  properties[PROP_LANGUAGES] = g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, RW);
  properties[PROP_DEFAULT_LANGUAGE] = g_param_spec_string ("default-language", NULL, NULL,
                                                           "", RW);
  properties[PROP_CONTROLLER_NAME] = g_param_spec_string ("controller-name", NULL, NULL, "", RW);
  properties[PROP_CONTROLLER_ADDRESS] = g_param_spec_string ("controller-address", NULL, NULL,
                                                             "", RW);
  properties[PROP_CONTROLLER_CVR] = g_param_spec_string ("controller-cvr", NULL, NULL, "", RW);
  properties[PROP_CONTROLLER_EMAIL] = g_param_spec_string ("controller-email", NULL, NULL,
                                                           "", RW);
  properties[PROP_DPO_NAME] = g_param_spec_string ("dpo-name", NULL, NULL, "", RW);
  properties[PROP_DPO_EMAIL] = g_param_spec_string ("dpo-email", NULL, NULL, "", RW);
  properties[PROP_DOMAINS] = g_param_spec_boxed ("domains", NULL, NULL, G_TYPE_STRV, RW);
  properties[PROP_COOKIE_NAME] = g_param_spec_string ("cookie-name", NULL, NULL, "", RW);
  properties[PROP_COOKIE_DOMAIN] = g_param_spec_string ("cookie-domain", NULL, NULL, "", RW);
  properties[PROP_ACCEPT_DAYS] = g_param_spec_int ("accept-days", NULL, NULL,
                                                   G_MININT, G_MAXINT, 365, RW);
  properties[PROP_DECLINE_DAYS] = g_param_spec_int ("decline-days", NULL, NULL,
                                                    G_MININT, G_MAXINT, 14, RW);
  properties[PROP_LOG_ENDPOINT] = g_param_spec_string ("log-endpoint", NULL, NULL, "", RW);
  properties[PROP_SECTIONS] = g_param_spec_object ("sections", NULL, NULL, STK_TYPE_LIST, RO);
  properties[PROP_CATEGORIES] = g_param_spec_object ("categories", NULL, NULL,
                                                     STK_TYPE_LIST, RO);
  properties[PROP_PROVIDERS] = g_param_spec_object ("providers", NULL, NULL, STK_TYPE_LIST, RO);
  properties[PROP_APPEARANCE] = g_param_spec_object ("appearance", NULL, NULL,
                                                     STK_TYPE_APPEARANCE, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_policy_init (StkPolicy *self)
{
  static const char * const default_languages[] = { "da", "en", NULL };

  self->history = stk_history_new ();
  self->name = g_strdup ("");
  self->updated = g_strdup ("");
  self->checked = g_strdup ("");
  self->languages = g_strdupv ((char **) default_languages);
  self->default_language = g_strdup ("da");
  self->controller_name = g_strdup ("");
  self->controller_address = g_strdup ("");
  self->controller_cvr = g_strdup ("");
  self->controller_email = g_strdup ("");
  self->dpo_name = g_strdup ("");
  self->dpo_email = g_strdup ("");
  self->domains = g_new0 (char *, 1);
  self->cookie_name = g_strdup ("samtykke");
  self->cookie_domain = g_strdup ("");
  self->log_endpoint = g_strdup ("");
  self->revision = 1;
  self->accept_days = 365;
  self->decline_days = 14;
  self->revision_note = own_child (self, stk_text_new ());
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, drop_child);
  self->text_keys = g_ptr_array_new ();
  self->sections = own_child (self, stk_list_new (STK_TYPE_SECTION));
  self->categories = own_child (self, stk_list_new (STK_TYPE_CATEGORY));
  self->providers = own_child (self, stk_list_new (STK_TYPE_PROVIDER));
  self->appearance = own_child (self, stk_appearance_new ());
}

/**
 * stk_policy_new:
 *
 * Returns: (transfer full): an empty policy in Danish and English, with no categories,
 *   providers or sections
 */
StkPolicy *
stk_policy_new (void)
{
  return g_object_new (STK_TYPE_POLICY, NULL);
}

/**
 * stk_policy_get_history:
 * @self: a policy
 *
 * Returns: (transfer none): the undo history of every change made to @self
 */
StkHistory *
stk_policy_get_history (StkPolicy *self)
{
  g_return_val_if_fail (STK_IS_POLICY (self), NULL);
  return self->history;
}

#define STRING_ACCESSORS(field, PROP)                                              \
  const char *                                                                     \
  stk_policy_get_##field (StkPolicy *self)                                         \
  {                                                                                \
    g_return_val_if_fail (STK_IS_POLICY (self), NULL);                             \
    return self->field;                                                            \
  }                                                                                \
  void                                                                             \
  stk_policy_set_##field (StkPolicy  *self,                                        \
                          const char *value)                                       \
  {                                                                                \
    g_return_if_fail (STK_IS_POLICY (self));                                       \
    stk_node_set_string (STK_NODE (self), &self->field, value, properties[PROP]);  \
  }

#define INT_ACCESSORS(field, PROP)                                                 \
  int                                                                              \
  stk_policy_get_##field (StkPolicy *self)                                         \
  {                                                                                \
    g_return_val_if_fail (STK_IS_POLICY (self), 0);                                \
    return self->field;                                                            \
  }                                                                                \
  void                                                                             \
  stk_policy_set_##field (StkPolicy *self,                                         \
                          int        value)                                        \
  {                                                                                \
    g_return_if_fail (STK_IS_POLICY (self));                                       \
    stk_node_set_int (STK_NODE (self), &self->field, value, properties[PROP]);     \
  }

#define STRV_ACCESSORS(field, PROP)                                                \
  const char * const *                                                             \
  stk_policy_get_##field (StkPolicy *self)                                         \
  {                                                                                \
    g_return_val_if_fail (STK_IS_POLICY (self), NULL);                             \
    return (const char * const *) self->field;                                     \
  }                                                                                \
  void                                                                             \
  stk_policy_set_##field (StkPolicy          *self,                                \
                          const char * const *value)                               \
  {                                                                                \
    g_return_if_fail (STK_IS_POLICY (self));                                       \
    stk_node_set_strv (STK_NODE (self), &self->field, value, properties[PROP]);    \
  }

#define OBJECT_GETTER(Type, field)                                                 \
  Type *                                                                           \
  stk_policy_get_##field (StkPolicy *self)                                         \
  {                                                                                \
    g_return_val_if_fail (STK_IS_POLICY (self), NULL);                             \
    return self->field;                                                            \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (updated, PROP_UPDATED)
STRING_ACCESSORS (checked, PROP_CHECKED)
STRING_ACCESSORS (default_language, PROP_DEFAULT_LANGUAGE)
STRING_ACCESSORS (controller_name, PROP_CONTROLLER_NAME)
STRING_ACCESSORS (controller_address, PROP_CONTROLLER_ADDRESS)
STRING_ACCESSORS (controller_cvr, PROP_CONTROLLER_CVR)
STRING_ACCESSORS (controller_email, PROP_CONTROLLER_EMAIL)
STRING_ACCESSORS (dpo_name, PROP_DPO_NAME)
STRING_ACCESSORS (dpo_email, PROP_DPO_EMAIL)
STRING_ACCESSORS (cookie_name, PROP_COOKIE_NAME)
STRING_ACCESSORS (cookie_domain, PROP_COOKIE_DOMAIN)
STRING_ACCESSORS (log_endpoint, PROP_LOG_ENDPOINT)
INT_ACCESSORS (revision, PROP_REVISION)
INT_ACCESSORS (accept_days, PROP_ACCEPT_DAYS)
INT_ACCESSORS (decline_days, PROP_DECLINE_DAYS)
STRV_ACCESSORS (languages, PROP_LANGUAGES)
STRV_ACCESSORS (domains, PROP_DOMAINS)
OBJECT_GETTER (StkText, revision_note)
OBJECT_GETTER (StkList, sections)
OBJECT_GETTER (StkList, categories)
OBJECT_GETTER (StkList, providers)
OBJECT_GETTER (StkAppearance, appearance)

/**
 * stk_policy_get_text:
 * @self: a policy
 * @key: a text key, such as "banner_title"
 *
 * Returns: (transfer none): the text; an empty one is created when the policy has none
 */
StkText *
stk_policy_get_text (StkPolicy  *self,
                     const char *key)
{
  StkText *text;

  g_return_val_if_fail (STK_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  text = g_hash_table_lookup (self->texts, key);
  if (text == NULL)
    {
      char *owned_key = g_strdup (key);

      text = own_child (self, stk_text_new ());
      g_hash_table_insert (self->texts, owned_key, text);
      g_ptr_array_add (self->text_keys, owned_key);
    }

  return text;
}

/**
 * stk_policy_dup_text_keys:
 * @self: a policy
 *
 * Returns: (transfer container) (element-type utf8): every known text key in its fixed order,
 *   then the other keys the policy holds, in the order they were added
 */
GPtrArray *
stk_policy_dup_text_keys (StkPolicy *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  const StkTextKey *known;
  guint n_known;

  g_return_val_if_fail (STK_IS_POLICY (self), keys);

  known = stk_text_keys (&n_known);
  for (guint i = 0; i < n_known; i++)
    g_ptr_array_add (keys, (gpointer) known[i].key);

  for (guint i = 0; i < self->text_keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->text_keys, i);

      if (stk_text_key_lookup (key) == NULL)
        g_ptr_array_add (keys, (gpointer) key);
    }

  return keys;
}

static gpointer
find_by_id (StkList    *list,
            const char *id)
{
  for (guint i = 0; i < stk_list_get_n (list); i++)
    {
      gpointer item = stk_list_peek (list, i);
      g_autofree char *item_id = NULL;

      g_object_get (item, "id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        return item;
    }

  return NULL;
}

/**
 * stk_policy_find_category:
 * @self: a policy
 * @id: a category id
 *
 * Returns: (transfer none) (nullable): the first category with that id
 */
StkCategory *
stk_policy_find_category (StkPolicy  *self,
                          const char *id)
{
  g_return_val_if_fail (STK_IS_POLICY (self), NULL);
  return find_by_id (self->categories, id);
}

/**
 * stk_policy_find_provider:
 * @self: a policy
 * @id: a provider id
 *
 * Returns: (transfer none) (nullable): the first provider with that id
 */
StkProvider *
stk_policy_find_provider (StkPolicy  *self,
                          const char *id)
{
  g_return_val_if_fail (STK_IS_POLICY (self), NULL);
  return find_by_id (self->providers, id);
}

/**
 * stk_policy_honours_gpc:
 * @self: a policy
 *
 * Whether a browser's Global Privacy Control signal answers the banner: every category that
 * can be refused honours it (stk_category_get_gpc()), so that the signal refuses each of them
 * and nothing is left to ask. The web component then records a refusal instead of showing the
 * banner.
 *
 * Returns: %TRUE when no category that can be refused ignores the signal
 */
gboolean
stk_policy_honours_gpc (StkPolicy *self)
{
  g_return_val_if_fail (STK_IS_POLICY (self), FALSE);

  for (guint i = 0; i < stk_list_get_n (self->categories); i++)
    {
      StkCategory *category = stk_list_peek (self->categories, i);

      if (!stk_category_get_required (category) && !stk_category_get_gpc (category))
        return FALSE;
    }

  return TRUE;
}
