/* stk-cookie.c — one cookie or other storage item a provider sets
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-core-private.h"
#include "stk-cookie.h"

struct _StkCookie
{
  StkNode   parent_instance;

  char     *name;
  char     *domain;
  char     *path;
  StkText  *purpose;
  gint64    duration_value;
  int       party;
  int       kind;
  int       duration_unit;
  gboolean  pattern;
  gboolean  delete_on_withdraw;
};

G_DEFINE_FINAL_TYPE (StkCookie, stk_cookie, STK_TYPE_NODE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PATTERN,
  PROP_DOMAIN,
  PROP_PATH,
  PROP_PARTY,
  PROP_KIND,
  PROP_DURATION_VALUE,
  PROP_DURATION_UNIT,
  PROP_PURPOSE,
  PROP_DELETE_ON_WITHDRAW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enumerations: the nick of each value is its name in the file format. */

static const GEnumValue party_values[] = {
  { STK_PARTY_FIRST, "STK_PARTY_FIRST", "first" },
  { STK_PARTY_THIRD, "STK_PARTY_THIRD", "third" },
  { 0, NULL, NULL }
};

static const GEnumValue kind_values[] = {
  { STK_KIND_COOKIE, "STK_KIND_COOKIE", "cookie" },
  { STK_KIND_LOCAL_STORAGE, "STK_KIND_LOCAL_STORAGE", "local_storage" },
  { STK_KIND_SESSION_STORAGE, "STK_KIND_SESSION_STORAGE", "session_storage" },
  { STK_KIND_INDEXEDDB, "STK_KIND_INDEXEDDB", "indexeddb" },
  { STK_KIND_PIXEL, "STK_KIND_PIXEL", "pixel" },
  { 0, NULL, NULL }
};

static const GEnumValue unit_values[] = {
  { STK_UNIT_SESSION, "STK_UNIT_SESSION", "session" },
  { STK_UNIT_SECONDS, "STK_UNIT_SECONDS", "seconds" },
  { STK_UNIT_MINUTES, "STK_UNIT_MINUTES", "minutes" },
  { STK_UNIT_HOURS, "STK_UNIT_HOURS", "hours" },
  { STK_UNIT_DAYS, "STK_UNIT_DAYS", "days" },
  { STK_UNIT_WEEKS, "STK_UNIT_WEEKS", "weeks" },
  { STK_UNIT_MONTHS, "STK_UNIT_MONTHS", "months" },
  { STK_UNIT_YEARS, "STK_UNIT_YEARS", "years" },
  { 0, NULL, NULL }
};

#define DEFINE_ENUM(TypeName, type_name, values)                                   \
  GType                                                                            \
  type_name##_get_type (void)                                                      \
  {                                                                                \
    static gsize type = 0;                                                         \
    if (g_once_init_enter (&type))                                                 \
      g_once_init_leave (&type, g_enum_register_static (#TypeName, values));       \
    return type;                                                                   \
  }                                                                                \
  const char *                                                                     \
  type_name##_to_string (TypeName value)                                           \
  {                                                                                \
    for (guint i = 0; values[i].value_nick; i++)                                   \
      if (values[i].value == (int) value)                                          \
        return values[i].value_nick;                                               \
    return NULL;                                                                   \
  }                                                                                \
  gboolean                                                                         \
  type_name##_from_string (const char *str,                                        \
                           TypeName   *value)                                      \
  {                                                                                \
    for (guint i = 0; str && values[i].value_nick; i++)                            \
      if (strcmp (values[i].value_nick, str) == 0)                                 \
        {                                                                          \
          *value = values[i].value;                                                \
          return TRUE;                                                             \
        }                                                                          \
    return FALSE;                                                                  \
  }

DEFINE_ENUM (StkParty, stk_party, party_values)
DEFINE_ENUM (StkKind, stk_kind, kind_values)
DEFINE_ENUM (StkUnit, stk_unit, unit_values)

/**
 * stk_unit_seconds:
 * @unit: a unit of duration
 *
 * Returns: the approximate length of one @unit in seconds, 0 for a session
 */
gint64
stk_unit_seconds (StkUnit unit)
{
  switch (unit)
    {
    case STK_UNIT_SESSION: return 0;
    case STK_UNIT_SECONDS: return 1;
    case STK_UNIT_MINUTES: return 60;
    case STK_UNIT_HOURS: return 3600;
    case STK_UNIT_DAYS: return 86400;
    case STK_UNIT_WEEKS: return 7 * 86400;
    case STK_UNIT_MONTHS: return 2629746; /* a Gregorian year / 12 */
    case STK_UNIT_YEARS: return 31556952;
    default: return 0;
    }
}

static void
stk_cookie_finalize (GObject *object)
{
  StkCookie *self = STK_COOKIE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->path, g_free);
  if (self->purpose)
    stk_node_set_parent (STK_NODE (self->purpose), NULL);
  g_clear_object (&self->purpose);

  G_OBJECT_CLASS (stk_cookie_parent_class)->finalize (object);
}

static void
stk_cookie_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StkCookie *self = STK_COOKIE (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PATTERN: g_value_set_boolean (value, self->pattern); break;
    case PROP_DOMAIN: g_value_set_string (value, self->domain); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_PARTY: g_value_set_enum (value, self->party); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_DURATION_VALUE: g_value_set_int64 (value, self->duration_value); break;
    case PROP_DURATION_UNIT: g_value_set_enum (value, self->duration_unit); break;
    case PROP_PURPOSE: g_value_set_object (value, self->purpose); break;
    case PROP_DELETE_ON_WITHDRAW: g_value_set_boolean (value, self->delete_on_withdraw); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_cookie_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StkCookie *self = STK_COOKIE (object);

  switch (prop_id)
    {
    case PROP_NAME: stk_cookie_set_name (self, g_value_get_string (value)); break;
    case PROP_PATTERN: stk_cookie_set_pattern (self, g_value_get_boolean (value)); break;
    case PROP_DOMAIN: stk_cookie_set_domain (self, g_value_get_string (value)); break;
    case PROP_PATH: stk_cookie_set_path (self, g_value_get_string (value)); break;
    case PROP_PARTY: stk_cookie_set_party (self, g_value_get_enum (value)); break;
    case PROP_KIND: stk_cookie_set_kind (self, g_value_get_enum (value)); break;
    case PROP_DURATION_VALUE: stk_cookie_set_duration_value (self, g_value_get_int64 (value)); break;
    case PROP_DURATION_UNIT: stk_cookie_set_duration_unit (self, g_value_get_enum (value)); break;
    case PROP_DELETE_ON_WITHDRAW:
      stk_cookie_set_delete_on_withdraw (self, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
stk_cookie_class_init (StkCookieClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_cookie_finalize;
  object_class->get_property = stk_cookie_get_property;
  object_class->set_property = stk_cookie_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", RW);
  properties[PROP_PATTERN] = g_param_spec_boolean ("pattern", NULL, NULL, FALSE, RW);
  properties[PROP_DOMAIN] = g_param_spec_string ("domain", NULL, NULL, "", RW);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, "/", RW);
  properties[PROP_PARTY] = g_param_spec_enum ("party", NULL, NULL, STK_TYPE_PARTY,
                                              STK_PARTY_FIRST, RW);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, STK_TYPE_KIND,
                                             STK_KIND_COOKIE, RW);
  properties[PROP_DURATION_VALUE] = g_param_spec_int64 ("duration-value", NULL, NULL,
                                                        G_MININT64, G_MAXINT64, 0, RW);
  properties[PROP_DURATION_UNIT] = g_param_spec_enum ("duration-unit", NULL, NULL, STK_TYPE_UNIT,
                                                      STK_UNIT_SESSION, RW);
  properties[PROP_PURPOSE] = g_param_spec_object ("purpose", NULL, NULL, STK_TYPE_TEXT,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETE_ON_WITHDRAW] = g_param_spec_boolean ("delete-on-withdraw", NULL, NULL,
                                                              TRUE, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_cookie_init (StkCookie *self)
{
  self->name = g_strdup ("");
  self->domain = g_strdup ("");
  self->path = g_strdup ("/");
  self->purpose = stk_text_new ();
  stk_node_set_parent (STK_NODE (self->purpose), STK_NODE (self));
  self->delete_on_withdraw = TRUE;
}

/**
 * stk_cookie_new:
 *
 * Returns: (transfer full): an HTTP cookie, first party, lasting the session
 */
StkCookie *
stk_cookie_new (void)
{
  return g_object_new (STK_TYPE_COOKIE, NULL);
}

/**
 * stk_cookie_copy:
 * @self: a cookie
 *
 * Returns: (transfer full): a detached cookie with the same fields
 */
StkCookie *
stk_cookie_copy (StkCookie *self)
{
  StkCookie *copy = stk_cookie_new ();

  g_return_val_if_fail (STK_IS_COOKIE (self), NULL);

  g_free (copy->name);
  copy->name = g_strdup (self->name);
  g_free (copy->domain);
  copy->domain = g_strdup (self->domain);
  g_free (copy->path);
  copy->path = g_strdup (self->path);
  copy->pattern = self->pattern;
  copy->party = self->party;
  copy->kind = self->kind;
  copy->duration_value = self->duration_value;
  copy->duration_unit = self->duration_unit;
  copy->delete_on_withdraw = self->delete_on_withdraw;
  stk_text_copy_from (copy->purpose, self->purpose);

  return copy;
}

#define STRING_ACCESSORS(field, PROP)                                              \
  const char *                                                                     \
  stk_cookie_get_##field (StkCookie *self)                                         \
  {                                                                                \
    g_return_val_if_fail (STK_IS_COOKIE (self), NULL);                             \
    return self->field;                                                            \
  }                                                                                \
  void                                                                             \
  stk_cookie_set_##field (StkCookie  *self,                                        \
                          const char *value)                                       \
  {                                                                                \
    g_return_if_fail (STK_IS_COOKIE (self));                                       \
    stk_node_set_string (STK_NODE (self), &self->field, value, properties[PROP]);  \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (domain, PROP_DOMAIN)
STRING_ACCESSORS (path, PROP_PATH)

gboolean
stk_cookie_get_pattern (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), FALSE);
  return self->pattern;
}

void
stk_cookie_set_pattern (StkCookie *self,
                        gboolean   pattern)
{
  g_return_if_fail (STK_IS_COOKIE (self));
  stk_node_set_boolean (STK_NODE (self), &self->pattern, pattern, properties[PROP_PATTERN]);
}

StkParty
stk_cookie_get_party (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), STK_PARTY_FIRST);
  return self->party;
}

void
stk_cookie_set_party (StkCookie *self,
                      StkParty   party)
{
  g_return_if_fail (STK_IS_COOKIE (self));
  stk_node_set_enum (STK_NODE (self), &self->party, party, properties[PROP_PARTY]);
}

StkKind
stk_cookie_get_kind (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), STK_KIND_COOKIE);
  return self->kind;
}

void
stk_cookie_set_kind (StkCookie *self,
                     StkKind    kind)
{
  g_return_if_fail (STK_IS_COOKIE (self));
  stk_node_set_enum (STK_NODE (self), &self->kind, kind, properties[PROP_KIND]);
}

gint64
stk_cookie_get_duration_value (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), 0);
  return self->duration_value;
}

void
stk_cookie_set_duration_value (StkCookie *self,
                               gint64     value)
{
  g_return_if_fail (STK_IS_COOKIE (self));
  stk_node_set_int64 (STK_NODE (self), &self->duration_value, value,
                      properties[PROP_DURATION_VALUE]);
}

StkUnit
stk_cookie_get_duration_unit (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), STK_UNIT_SESSION);
  return self->duration_unit;
}

void
stk_cookie_set_duration_unit (StkCookie *self,
                              StkUnit    unit)
{
  g_return_if_fail (STK_IS_COOKIE (self));
  stk_node_set_enum (STK_NODE (self), &self->duration_unit, unit,
                     properties[PROP_DURATION_UNIT]);
}

/**
 * stk_cookie_get_purpose:
 * @self: a cookie
 *
 * Returns: (transfer none): what the cookie is for, per language
 */
StkText *
stk_cookie_get_purpose (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), NULL);
  return self->purpose;
}

gboolean
stk_cookie_get_delete_on_withdraw (StkCookie *self)
{
  g_return_val_if_fail (STK_IS_COOKIE (self), FALSE);
  return self->delete_on_withdraw;
}

void
stk_cookie_set_delete_on_withdraw (StkCookie *self,
                                   gboolean   delete_on_withdraw)
{
  g_return_if_fail (STK_IS_COOKIE (self));
  stk_node_set_boolean (STK_NODE (self), &self->delete_on_withdraw, delete_on_withdraw,
                        properties[PROP_DELETE_ON_WITHDRAW]);
}
