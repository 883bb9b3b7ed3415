/* stk-policy-io.c — reading and writing the policy file format
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads the text once, building the model as it goes, and stops at the first
 * problem with a message that names the place. The writer is the one definition of the
 * canonical form: members in a fixed order, two-space indent, a final newline; members this
 * version does not know follow the known ones of their object, in their original order.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stk-core-private.h"
#include "stk-core-resources.h"
#include "stk-json.h"
#include "stk-path.h"
#include "stk-policy-io.h"
#include "stk-texts.h"

/* Reading */

typedef struct
{
  StkJsonReader  reader;
  StkPolicy     *policy;
} Loader;

typedef gboolean (*MemberFunc) (Loader     *loader,
                                gpointer    target,
                                guint       index,
                                const char *key);

#define R(loader) (&(loader)->reader)

/* Reads an object whose known members are @keys, calling @func for each; members not in @keys
 * are kept on @node under @where. Each member may appear once. */
static gboolean
read_object (Loader             *loader,
             const char * const *keys,
             gpointer            target,
             MemberFunc          func,
             StkNode            *node,
             const char         *where,
             const char         *what)
{
  guint64 seen = 0;
  g_autoptr(JsonObject) extra = NULL;
  char *key;
  const char *key_at;

  if (stk_json_reader_peek (R (loader)) != STK_JSON_OBJECT)
    return stk_json_reader_expected (R (loader), what, _("an object"));
  if (!stk_json_reader_begin_object (R (loader)))
    return FALSE;

  while (stk_json_reader_next_member (R (loader), &key, &key_at))
    {
      guint index = 0;
      gboolean known = FALSE;

      for (; keys[index]; index++)
        if (strcmp (keys[index], key) == 0)
          {
            known = TRUE;
            break;
          }

      if (known)
        {
          if (seen & (G_GUINT64_CONSTANT (1) << index))
            {
              stk_json_reader_fail (R (loader), key_at, _("the member “%s” appears twice"), key);
              g_free (key);
              return FALSE;
            }
          seen |= G_GUINT64_CONSTANT (1) << index;
          if (!func (loader, target, index, key))
            {
              g_free (key);
              return FALSE;
            }
        }
      else
        {
          JsonNode *value;

          if (extra == NULL)
            extra = json_object_new ();
          if (json_object_has_member (extra, key))
            {
              stk_json_reader_fail (R (loader), key_at, _("the member “%s” appears twice"), key);
              g_free (key);
              return FALSE;
            }
          value = stk_json_reader_node (R (loader));
          if (value == NULL)
            {
              g_free (key);
              return FALSE;
            }
          json_object_set_member (extra, key, value);
        }
      g_free (key);
    }

  if (R (loader)->failed)
    return FALSE;

  if (node != NULL)
    stk_node_set_extra (node, where, extra);

  return TRUE;
}

static gboolean
read_string (Loader      *loader,
             const char  *key,
             char       **value)
{
  if (stk_json_reader_peek (R (loader)) != STK_JSON_STRING)
    return stk_json_reader_expected (R (loader), key, _("a string"));
  return stk_json_reader_string (R (loader), value);
}

static gboolean
read_boolean (Loader     *loader,
              const char *key,
              gboolean   *value)
{
  StkJsonToken token = stk_json_reader_peek (R (loader));

  if (token != STK_JSON_TRUE && token != STK_JSON_FALSE)
    return stk_json_reader_expected (R (loader), key, _("true or false"));
  return stk_json_reader_boolean (R (loader), value);
}

static gboolean
read_int (Loader     *loader,
          const char *key,
          int        *value)
{
  gint64 v;
  const char *at;

  if (stk_json_reader_peek (R (loader)) != STK_JSON_NUMBER)
    return stk_json_reader_expected (R (loader), key, _("a whole number"));
  at = R (loader)->pos;
  if (!stk_json_reader_int64 (R (loader), &v))
    return FALSE;
  if (v < G_MININT || v > G_MAXINT)
    return stk_json_reader_fail (R (loader), at, _("“%s” is out of range"), key);
  *value = (int) v;
  return TRUE;
}

static gboolean
read_strv (Loader       *loader,
           const char   *key,
           char       ***value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (stk_json_reader_peek (R (loader)) != STK_JSON_ARRAY)
    return stk_json_reader_expected (R (loader), key, _("an array of strings"));
  if (!stk_json_reader_begin_array (R (loader)))
    return FALSE;
  while (stk_json_reader_next_element (R (loader)))
    {
      char *item;

      if (stk_json_reader_peek (R (loader)) != STK_JSON_STRING)
        return stk_json_reader_expected (R (loader), key, _("an array of strings"));
      if (!stk_json_reader_string (R (loader), &item))
        return FALSE;
      g_strv_builder_add (builder, item);
      g_free (item);
    }
  if (R (loader)->failed)
    return FALSE;

  *value = g_strv_builder_end (builder);
  return TRUE;
}

/* A localized text: an object by language; where @uniform_ok, also one string for all. */
static gboolean
read_text (Loader     *loader,
           const char *key,
           StkText    *text,
           gboolean    uniform_ok)
{
  char *lang;
  const char *lang_at;

  if (uniform_ok && stk_json_reader_peek (R (loader)) == STK_JSON_STRING)
    {
      char *value;

      if (!stk_json_reader_string (R (loader), &value))
        return FALSE;
      stk_text_take (text, g_strdup (STK_TEXT_ANY_LANGUAGE), value);
      return TRUE;
    }

  if (stk_json_reader_peek (R (loader)) != STK_JSON_OBJECT)
    return stk_json_reader_expected (R (loader), key,
                                     uniform_ok ? _("a string or an object of texts by language")
                                                : _("an object of texts by language"));
  if (!stk_json_reader_begin_object (R (loader)))
    return FALSE;

  while (stk_json_reader_next_member (R (loader), &lang, &lang_at))
    {
      char *value;

      if (*lang == '\0')
        {
          g_free (lang);
          return stk_json_reader_fail (R (loader), lang_at,
                                       _("a language code may not be empty"));
        }
      if (stk_text_get (text, lang) != NULL)
        {
          stk_json_reader_fail (R (loader), lang_at, _("the member “%s” appears twice"), lang);
          g_free (lang);
          return FALSE;
        }
      if (stk_json_reader_peek (R (loader)) != STK_JSON_STRING)
        {
          g_autofree char *what = g_strdup_printf ("%s.%s", key, lang);

          g_free (lang);
          return stk_json_reader_expected (R (loader), what, _("a string"));
        }
      if (!stk_json_reader_string (R (loader), &value))
        {
          g_free (lang);
          return FALSE;
        }
      stk_text_take (text, lang, value);
    }

  return !R (loader)->failed;
}

typedef StkNode *(*ElementFunc) (Loader *loader);

static gboolean
read_list (Loader      *loader,
           const char  *key,
           StkList     *list,
           ElementFunc  func)
{
  GPtrArray *items;

  if (stk_json_reader_peek (R (loader)) != STK_JSON_ARRAY)
    return stk_json_reader_expected (R (loader), key, _("an array"));
  if (!stk_json_reader_begin_array (R (loader)))
    return FALSE;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while (stk_json_reader_next_element (R (loader)))
    {
      StkNode *item = func (loader);

      if (item == NULL)
        {
          g_ptr_array_unref (items);
          return FALSE;
        }
      g_ptr_array_add (items, item);
    }
  if (R (loader)->failed)
    {
      g_ptr_array_unref (items);
      return FALSE;
    }

  stk_list_take_items (list, items);
  return TRUE;
}

/* Reads a string member into a setter. */
#define READ_STRING_INTO(setter, target)                     \
  G_STMT_START {                                             \
    g_autofree char *v_ = NULL;                              \
    if (!read_string (loader, key, &v_))                     \
      return FALSE;                                          \
    setter (target, v_);                                     \
  } G_STMT_END

#define READ_BOOLEAN_INTO(setter, target)                    \
  G_STMT_START {                                             \
    gboolean v_;                                             \
    if (!read_boolean (loader, key, &v_))                    \
      return FALSE;                                          \
    setter (target, v_);                                     \
  } G_STMT_END

#define READ_INT_INTO(setter, target)                        \
  G_STMT_START {                                             \
    int v_;                                                  \
    if (!read_int (loader, key, &v_))                        \
      return FALSE;                                          \
    setter (target, v_);                                     \
  } G_STMT_END

#define READ_STRV_INTO(setter, target)                       \
  G_STMT_START {                                             \
    g_auto(GStrv) v_ = NULL;                                 \
    if (!read_strv (loader, key, &v_))                       \
      return FALSE;                                          \
    setter (target, (const char * const *) v_);             \
  } G_STMT_END

/* The order of each key list is the canonical member order. */

static const char * const duration_keys[] = { "value", "unit", NULL };

typedef struct
{
  gint64   value;
  StkUnit  unit;
  gboolean has_unit;
} Duration;

static gboolean
duration_member (Loader     *loader,
                 gpointer    target,
                 guint       index,
                 const char *key)
{
  Duration *d = target;

  switch (index)
    {
    case 0:
      if (stk_json_reader_peek (R (loader)) != STK_JSON_NUMBER)
        return stk_json_reader_expected (R (loader), "duration.value", _("a whole number"));
      return stk_json_reader_int64 (R (loader), &d->value);
    case 1:
      {
        g_autofree char *unit = NULL;
        const char *at;

        stk_json_reader_peek (R (loader));
        at = R (loader)->pos;
        if (!read_string (loader, "duration.unit", &unit))
          return FALSE;
        if (!stk_unit_from_string (unit, &d->unit))
          return stk_json_reader_fail (R (loader), at,
                                       _("“duration.unit” must be one of session, seconds, "
                                         "minutes, hours, days, weeks, months, years"));
        d->has_unit = TRUE;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static const char * const cookie_keys[] = {
  "name", "pattern", "domain", "path", "party", "kind", "duration", "purpose",
  "delete_on_withdraw", NULL
};

static gboolean
cookie_member (Loader     *loader,
               gpointer    target,
               guint       index,
               const char *key)
{
  StkCookie *cookie = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_cookie_set_name, cookie); return TRUE;
    case 1: READ_BOOLEAN_INTO (stk_cookie_set_pattern, cookie); return TRUE;
    case 2: READ_STRING_INTO (stk_cookie_set_domain, cookie); return TRUE;
    case 3: READ_STRING_INTO (stk_cookie_set_path, cookie); return TRUE;
    case 4:
    case 5:
      {
        g_autofree char *value = NULL;
        const char *at;
        StkParty party;
        StkKind kind;

        stk_json_reader_peek (R (loader));
        at = R (loader)->pos;
        if (!read_string (loader, key, &value))
          return FALSE;
        if (index == 4)
          {
            if (!stk_party_from_string (value, &party))
              return stk_json_reader_fail (R (loader), at,
                                           _("“party” must be “first” or “third”"));
            stk_cookie_set_party (cookie, party);
          }
        else
          {
            if (!stk_kind_from_string (value, &kind))
              return stk_json_reader_fail (R (loader), at,
                                           _("“kind” must be one of cookie, local_storage, "
                                             "session_storage, indexeddb, pixel"));
            stk_cookie_set_kind (cookie, kind);
          }
        return TRUE;
      }
    case 6:
      {
        Duration d = { 0, STK_UNIT_SESSION, FALSE };
        const char *at;

        stk_json_reader_peek (R (loader));
        at = R (loader)->pos;
        if (!read_object (loader, duration_keys, &d, duration_member,
                          STK_NODE (cookie), "duration", key))
          return FALSE;
        if (!d.has_unit)
          return stk_json_reader_fail (R (loader), at, _("“duration” needs a “unit”"));
        stk_cookie_set_duration_value (cookie, d.value);
        stk_cookie_set_duration_unit (cookie, d.unit);
        return TRUE;
      }
    case 7: return read_text (loader, key, stk_cookie_get_purpose (cookie), FALSE);
    case 8: READ_BOOLEAN_INTO (stk_cookie_set_delete_on_withdraw, cookie); return TRUE;
    default: g_assert_not_reached ();
    }
}

static StkNode *
read_cookie (Loader *loader)
{
  g_autoptr(StkCookie) cookie = stk_cookie_new ();

  if (!read_object (loader, cookie_keys, cookie, cookie_member, STK_NODE (cookie), "",
                    "cookies[]"))
    return NULL;

  return STK_NODE (g_steal_pointer (&cookie));
}

static const char * const embed_keys[] = { "id", "placeholder", NULL };

static gboolean
embed_member (Loader     *loader,
              gpointer    target,
              guint       index,
              const char *key)
{
  StkEmbed *embed = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_embed_set_id, embed); return TRUE;
    case 1: return read_text (loader, key, stk_embed_get_placeholder (embed), FALSE);
    default: g_assert_not_reached ();
    }
}

static StkNode *
read_embed (Loader *loader)
{
  g_autoptr(StkEmbed) embed = stk_embed_new ();

  if (!read_object (loader, embed_keys, embed, embed_member, STK_NODE (embed), "", "embeds[]"))
    return NULL;

  return STK_NODE (g_steal_pointer (&embed));
}

static const char * const provider_keys[] = {
  "id", "name", "category", "purpose", "website", "privacy_policy", "dpa", "dpa_date",
  "country", "outside_eea", "embeds", "cookies", NULL
};

static gboolean
provider_member (Loader     *loader,
                 gpointer    target,
                 guint       index,
                 const char *key)
{
  StkProvider *provider = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_provider_set_id, provider); return TRUE;
    case 1: READ_STRING_INTO (stk_provider_set_name, provider); return TRUE;
    case 2: READ_STRING_INTO (stk_provider_set_category, provider); return TRUE;
    case 3: return read_text (loader, key, stk_provider_get_purpose (provider), FALSE);
    case 4: return read_text (loader, key, stk_provider_get_website (provider), TRUE);
    case 5: return read_text (loader, key, stk_provider_get_privacy_policy (provider), TRUE);
    case 6: READ_BOOLEAN_INTO (stk_provider_set_dpa, provider); return TRUE;
    case 7: READ_STRING_INTO (stk_provider_set_dpa_date, provider); return TRUE;
    case 8: READ_STRING_INTO (stk_provider_set_country, provider); return TRUE;
    case 9: READ_BOOLEAN_INTO (stk_provider_set_outside_eea, provider); return TRUE;
    case 10: return read_list (loader, key, stk_provider_get_embeds (provider), read_embed);
    case 11: return read_list (loader, key, stk_provider_get_cookies (provider), read_cookie);
    default: g_assert_not_reached ();
    }
}

static StkNode *
read_provider (Loader *loader)
{
  g_autoptr(StkProvider) provider = stk_provider_new ();

  if (!read_object (loader, provider_keys, provider, provider_member, STK_NODE (provider), "",
                    "providers[]"))
    return NULL;

  return STK_NODE (g_steal_pointer (&provider));
}

static const char * const category_keys[] = {
  "id", "title", "description", "required", "preselected", "consent_mode", NULL
};

static gboolean
category_member (Loader     *loader,
                 gpointer    target,
                 guint       index,
                 const char *key)
{
  StkCategory *category = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_category_set_id, category); return TRUE;
    case 1: return read_text (loader, key, stk_category_get_title (category), FALSE);
    case 2: return read_text (loader, key, stk_category_get_description (category), FALSE);
    case 3: READ_BOOLEAN_INTO (stk_category_set_required, category); return TRUE;
    case 4: READ_BOOLEAN_INTO (stk_category_set_preselected, category); return TRUE;
    case 5: READ_STRV_INTO (stk_category_set_consent_mode, category); return TRUE;
    default: g_assert_not_reached ();
    }
}

static StkNode *
read_category (Loader *loader)
{
  g_autoptr(StkCategory) category = stk_category_new ();

  if (!read_object (loader, category_keys, category, category_member, STK_NODE (category), "",
                    "categories[]"))
    return NULL;

  return STK_NODE (g_steal_pointer (&category));
}

static const char * const section_keys[] = { "id", "title", "body", NULL };

static gboolean
section_member (Loader     *loader,
                gpointer    target,
                guint       index,
                const char *key)
{
  StkSection *section = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_section_set_id, section); return TRUE;
    case 1: return read_text (loader, key, stk_section_get_title (section), FALSE);
    case 2: return read_text (loader, key, stk_section_get_body (section), FALSE);
    default: g_assert_not_reached ();
    }
}

static StkNode *
read_section (Loader *loader)
{
  g_autoptr(StkSection) section = stk_section_new ();

  if (!read_object (loader, section_keys, section, section_member, STK_NODE (section), "",
                    "sections[]"))
    return NULL;

  return STK_NODE (g_steal_pointer (&section));
}

static const char * const controller_keys[] = {
  "name", "address", "cvr", "email", "dpo_name", "dpo_email", NULL
};

static gboolean
controller_member (Loader     *loader,
                   gpointer    target,
                   guint       index,
                   const char *key)
{
  StkPolicy *policy = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_policy_set_controller_name, policy); return TRUE;
    case 1: READ_STRING_INTO (stk_policy_set_controller_address, policy); return TRUE;
    case 2: READ_STRING_INTO (stk_policy_set_controller_cvr, policy); return TRUE;
    case 3: READ_STRING_INTO (stk_policy_set_controller_email, policy); return TRUE;
    case 4: READ_STRING_INTO (stk_policy_set_dpo_name, policy); return TRUE;
    case 5: READ_STRING_INTO (stk_policy_set_dpo_email, policy); return TRUE;
    default: g_assert_not_reached ();
    }
}

static const char * const consent_keys[] = {
  "cookie_name", "cookie_domain", "accept_days", "decline_days", "log_endpoint", NULL
};

static gboolean
consent_member (Loader     *loader,
                gpointer    target,
                guint       index,
                const char *key)
{
  StkPolicy *policy = target;

  switch (index)
    {
    case 0: READ_STRING_INTO (stk_policy_set_cookie_name, policy); return TRUE;
    case 1: READ_STRING_INTO (stk_policy_set_cookie_domain, policy); return TRUE;
    case 2: READ_INT_INTO (stk_policy_set_accept_days, policy); return TRUE;
    case 3: READ_INT_INTO (stk_policy_set_decline_days, policy); return TRUE;
    case 4: READ_STRING_INTO (stk_policy_set_log_endpoint, policy); return TRUE;
    default: g_assert_not_reached ();
    }
}

static gboolean
read_texts (Loader *loader)
{
  char *key;
  const char *key_at;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (stk_json_reader_peek (R (loader)) != STK_JSON_OBJECT)
    return stk_json_reader_expected (R (loader), "texts", _("an object"));
  if (!stk_json_reader_begin_object (R (loader)))
    return FALSE;

  while (stk_json_reader_next_member (R (loader), &key, &key_at))
    {
      g_autofree char *what = g_strdup_printf ("texts.%s", key);

      if (!g_hash_table_add (seen, key))
        return stk_json_reader_fail (R (loader), key_at, _("the member “%s” appears twice"),
                                     key);
      if (!read_text (loader, what, stk_policy_get_text (loader->policy, key), FALSE))
        return FALSE;
    }

  return !R (loader)->failed;
}

static const char * const policy_keys[] = {
  "format", "version", "name", "revision", "revision_note", "updated", "languages",
  "default_language", "controller", "domains", "consent", "texts", "sections", "categories",
  "providers", NULL
};

static gboolean
policy_member (Loader     *loader,
               gpointer    target,
               guint       index,
               const char *key)
{
  StkPolicy *policy = target;

  switch (index)
    {
    case 0:
    case 1:
      /* Checked before the model is built. */
      return stk_json_reader_skip (R (loader));
    case 2: READ_STRING_INTO (stk_policy_set_name, policy); return TRUE;
    case 3: READ_INT_INTO (stk_policy_set_revision, policy); return TRUE;
    case 4: return read_text (loader, key, stk_policy_get_revision_note (policy), FALSE);
    case 5: READ_STRING_INTO (stk_policy_set_updated, policy); return TRUE;
    case 6: READ_STRV_INTO (stk_policy_set_languages, policy); return TRUE;
    case 7: READ_STRING_INTO (stk_policy_set_default_language, policy); return TRUE;
    case 8:
      return read_object (loader, controller_keys, policy, controller_member,
                          STK_NODE (policy), "controller", key);
    case 9: READ_STRV_INTO (stk_policy_set_domains, policy); return TRUE;
    case 10:
      return read_object (loader, consent_keys, policy, consent_member,
                          STK_NODE (policy), "consent", key);
    case 11: return read_texts (loader);
    case 12: return read_list (loader, key, stk_policy_get_sections (policy), read_section);
    case 13: return read_list (loader, key, stk_policy_get_categories (policy), read_category);
    case 14: return read_list (loader, key, stk_policy_get_providers (policy), read_provider);
    default: g_assert_not_reached ();
    }
}

/* Looks for "format" and "version" first, so that a file of another kind or of a newer
 * version is refused as such rather than for whatever else it holds. */
static gboolean
check_format (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  StkJsonReader reader;
  char *key;
  const char *key_at;
  const char *object_at;
  g_autofree char *format = NULL;
  gint64 version = -1;
  const char *version_at = NULL;

  if (!stk_json_reader_init (&reader, data, length, name, error))
    return FALSE;

  if (stk_json_reader_peek (&reader) == STK_JSON_END)
    return stk_json_reader_fail (&reader, reader.pos,
                                 _("the file is empty; expected a policy (a JSON object)"));
  if (stk_json_reader_peek (&reader) != STK_JSON_OBJECT)
    {
      if (!stk_json_reader_skip (&reader))
        return FALSE;
      return stk_json_reader_fail_with_code (&reader, STK_ERROR_NOT_POLICY, reader.start, "%s",
                                             _("this is not a Samtykke policy: expected a JSON "
                                               "object"));
    }

  object_at = reader.pos;
  stk_json_reader_begin_object (&reader);
  while (stk_json_reader_next_member (&reader, &key, &key_at))
    {
      if (reader.depth == 1 && strcmp (key, "format") == 0 &&
          stk_json_reader_peek (&reader) == STK_JSON_STRING && format == NULL)
        {
          g_free (key);
          if (!stk_json_reader_string (&reader, &format))
            return FALSE;
          continue;
        }
      if (reader.depth == 1 && strcmp (key, "version") == 0 &&
          stk_json_reader_peek (&reader) == STK_JSON_NUMBER && version_at == NULL)
        {
          version_at = reader.pos;
          g_free (key);
          if (!stk_json_reader_int64 (&reader, &version))
            return FALSE;
          continue;
        }
      g_free (key);
      if (!stk_json_reader_skip (&reader))
        return FALSE;
    }
  if (!stk_json_reader_finish (&reader))
    return FALSE;

  if (g_strcmp0 (format, STK_FORMAT_MARKER) != 0)
    return stk_json_reader_fail_with_code (&reader, STK_ERROR_NOT_POLICY, reader.start, "%s",
                                           _("this is not a Samtykke policy: “format” must be "
                                             "“samtykke-policy”"));
  if (version_at == NULL)
    return stk_json_reader_fail (&reader, object_at,
                                 _("“version” is missing; expected the format version number"));
  if (version > STK_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      return stk_json_reader_fail_with_code (&reader, STK_ERROR_NEWER_FORMAT, version_at,
                                             /* Translators: %s is the file's format version,
                                              * %d the highest this version reads. */
                                             _("the file is of format version %s, written by "
                                               "a newer Samtykke; this version reads up to "
                                               "version %d"),
                                             number, STK_FORMAT_VERSION);
    }
  if (version < 1)
    return stk_json_reader_fail (&reader, version_at,
                                 _("“version” must be a positive whole number"));

  return TRUE;
}

/**
 * stk_policy_load_data:
 * @data: the document
 * @length: its length in bytes
 * @display_name: the name messages give the document
 * @error: where a failure goes: "display_name:LINE:COL: what was expected"
 *
 * Builds a policy from the text of a policy file. Nothing is returned half-built: on any
 * problem the result is %NULL. The error's place is also given apart from its message, by
 * stk_error_get_location().
 *
 * Returns: (transfer full) (nullable): the policy, its history empty and unmodified
 */
StkPolicy *
stk_policy_load_data (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  Loader loader;
  g_autoptr(StkPolicy) policy = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (display_name == NULL)
    display_name = "policy.json";
  if (data == NULL)
    data = "";

  if (!check_format (data, length, display_name, error))
    return NULL;

  policy = stk_policy_new ();
  loader.policy = policy;
  stk_json_reader_init (&loader.reader, data, length, display_name, error);

  if (!read_object (&loader, policy_keys, policy, policy_member, STK_NODE (policy), "", "policy")
      || !stk_json_reader_finish (&loader.reader))
    return NULL;

  stk_history_clear (stk_policy_get_history (policy));

  return g_steal_pointer (&policy);
}

/**
 * stk_policy_load_file:
 * @file: a policy file
 * @error: where a failure goes, naming the file, line and column
 *
 * Returns: (transfer full) (nullable): the policy
 */
StkPolicy *
stk_policy_load_file (GFile   *file,
                      GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return stk_policy_load_data (contents, length, name, error);
}

/* Writing */

static void
member (GString    *out,
        int         depth,
        const char *key)
{
  stk_json_write_indent (out, depth);
  stk_json_write_string (out, key);
  g_string_append (out, ": ");
}

static void
string_member (GString    *out,
               int         depth,
               const char *key,
               const char *value)
{
  member (out, depth, key);
  stk_json_write_string (out, value);
  g_string_append (out, ",\n");
}

static void
bool_member (GString    *out,
             int         depth,
             const char *key,
             gboolean    value)
{
  member (out, depth, key);
  g_string_append (out, value ? "true,\n" : "false,\n");
}

static void
int_member (GString    *out,
            int         depth,
            const char *key,
            gint64      value)
{
  member (out, depth, key);
  g_string_append_printf (out, "%" G_GINT64_FORMAT ",\n", value);
}

static void
strv_value (GString            *out,
            int                 depth,
            const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; strv[i]; i++)
    {
      stk_json_write_indent (out, depth + 1);
      stk_json_write_string (out, strv[i]);
      g_string_append (out, strv[i + 1] ? ",\n" : "\n");
    }
  stk_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
strv_member (GString            *out,
             int                 depth,
             const char         *key,
             const char * const *strv)
{
  member (out, depth, key);
  strv_value (out, depth, strv);
  g_string_append (out, ",\n");
}

/* Languages of the policy first, in its order, then any others in the order they came. */
static void
text_value (GString            *out,
            int                 depth,
            StkText            *text,
            const char * const *languages)
{
  g_auto(GStrv) langs = stk_text_dup_languages (text);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  if (stk_text_is_uniform (text))
    {
      stk_json_write_string (out, stk_text_get (text, STK_TEXT_ANY_LANGUAGE));
      return;
    }

  for (guint i = 0; languages[i]; i++)
    if (g_strv_contains ((const char * const *) langs, languages[i]) &&
        !g_ptr_array_find_with_equal_func (order, languages[i], g_str_equal, NULL))
      g_ptr_array_add (order, (gpointer) languages[i]);
  for (guint i = 0; langs[i]; i++)
    if (!g_strv_contains (languages, langs[i]))
      g_ptr_array_add (order, langs[i]);

  if (order->len == 0)
    {
      g_string_append (out, "{}");
      return;
    }

  g_string_append (out, "{\n");
  for (guint i = 0; i < order->len; i++)
    {
      const char *lang = g_ptr_array_index (order, i);

      member (out, depth + 1, lang);
      stk_json_write_string (out, stk_text_get (text, lang));
      g_string_append (out, i + 1 < order->len ? ",\n" : "\n");
    }
  stk_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

static void
text_member (GString            *out,
             int                 depth,
             const char         *key,
             StkText            *text,
             const char * const *languages)
{
  member (out, depth, key);
  text_value (out, depth, text, languages);
  g_string_append (out, ",\n");
}

/* Writes the members this version does not know, then closes the object. The caller has
 * written every known member followed by ",\n"; the last comma is taken back here when
 * nothing follows. */
static void
close_object (GString    *out,
              int         depth,
              StkNode    *node,
              const char *where)
{
  JsonObject *extra = stk_node_get_extra (node, where);

  if (extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (extra);

      for (GList *l = members; l; l = l->next)
        {
          member (out, depth + 1, l->data);
          stk_json_write_node (out, json_object_get_member (extra, l->data), depth + 1);
          g_string_append (out, ",\n");
        }
    }

  /* Drop the final ",\n" and end the object. */
  if (out->len >= 2 && out->str[out->len - 2] == ',')
    g_string_truncate (out, out->len - 2);
  g_string_append_c (out, '\n');
  stk_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

typedef void (*WriteFunc) (GString            *out,
                           int                 depth,
                           gpointer            item,
                           const char * const *languages);

static void
list_member (GString            *out,
             int                 depth,
             const char         *key,
             StkList            *list,
             WriteFunc           func,
             const char * const *languages)
{
  guint n = stk_list_get_n (list);

  member (out, depth, key);
  if (n == 0)
    {
      g_string_append (out, "[],\n");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      stk_json_write_indent (out, depth + 1);
      func (out, depth + 1, stk_list_peek (list, i), languages);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  stk_json_write_indent (out, depth);
  g_string_append (out, "],\n");
}

static void
write_cookie (GString            *out,
              int                 depth,
              gpointer            item,
              const char * const *languages)
{
  StkCookie *cookie = item;
  int d = depth + 1;

  g_string_append (out, "{\n");
  string_member (out, d, "name", stk_cookie_get_name (cookie));
  bool_member (out, d, "pattern", stk_cookie_get_pattern (cookie));
  string_member (out, d, "domain", stk_cookie_get_domain (cookie));
  string_member (out, d, "path", stk_cookie_get_path (cookie));
  string_member (out, d, "party", stk_party_to_string (stk_cookie_get_party (cookie)));
  string_member (out, d, "kind", stk_kind_to_string (stk_cookie_get_kind (cookie)));
  member (out, d, "duration");
  g_string_append (out, "{\n");
  if (stk_cookie_get_duration_unit (cookie) != STK_UNIT_SESSION ||
      stk_cookie_get_duration_value (cookie) != 0)
    int_member (out, d + 1, "value", stk_cookie_get_duration_value (cookie));
  string_member (out, d + 1, "unit", stk_unit_to_string (stk_cookie_get_duration_unit (cookie)));
  close_object (out, d, STK_NODE (cookie), "duration");
  g_string_append (out, ",\n");
  text_member (out, d, "purpose", stk_cookie_get_purpose (cookie), languages);
  bool_member (out, d, "delete_on_withdraw", stk_cookie_get_delete_on_withdraw (cookie));
  close_object (out, depth, STK_NODE (cookie), "");
}

static void
write_embed (GString            *out,
             int                 depth,
             gpointer            item,
             const char * const *languages)
{
  StkEmbed *embed = item;

  g_string_append (out, "{\n");
  string_member (out, depth + 1, "id", stk_embed_get_id (embed));
  text_member (out, depth + 1, "placeholder", stk_embed_get_placeholder (embed), languages);
  close_object (out, depth, STK_NODE (embed), "");
}

static void
write_provider (GString            *out,
                int                 depth,
                gpointer            item,
                const char * const *languages)
{
  StkProvider *provider = item;
  int d = depth + 1;

  g_string_append (out, "{\n");
  string_member (out, d, "id", stk_provider_get_id (provider));
  string_member (out, d, "name", stk_provider_get_name (provider));
  string_member (out, d, "category", stk_provider_get_category (provider));
  text_member (out, d, "purpose", stk_provider_get_purpose (provider), languages);
  text_member (out, d, "website", stk_provider_get_website (provider), languages);
  text_member (out, d, "privacy_policy", stk_provider_get_privacy_policy (provider), languages);
  bool_member (out, d, "dpa", stk_provider_get_dpa (provider));
  string_member (out, d, "dpa_date", stk_provider_get_dpa_date (provider));
  string_member (out, d, "country", stk_provider_get_country (provider));
  bool_member (out, d, "outside_eea", stk_provider_get_outside_eea (provider));
  list_member (out, d, "embeds", stk_provider_get_embeds (provider), write_embed, languages);
  list_member (out, d, "cookies", stk_provider_get_cookies (provider), write_cookie, languages);
  close_object (out, depth, STK_NODE (provider), "");
}

static void
write_category (GString            *out,
                int                 depth,
                gpointer            item,
                const char * const *languages)
{
  StkCategory *category = item;
  int d = depth + 1;

  g_string_append (out, "{\n");
  string_member (out, d, "id", stk_category_get_id (category));
  text_member (out, d, "title", stk_category_get_title (category), languages);
  text_member (out, d, "description", stk_category_get_description (category), languages);
  bool_member (out, d, "required", stk_category_get_required (category));
  bool_member (out, d, "preselected", stk_category_get_preselected (category));
  strv_member (out, d, "consent_mode", stk_category_get_consent_mode (category));
  close_object (out, depth, STK_NODE (category), "");
}

static void
write_section (GString            *out,
               int                 depth,
               gpointer            item,
               const char * const *languages)
{
  StkSection *section = item;

  g_string_append (out, "{\n");
  string_member (out, depth + 1, "id", stk_section_get_id (section));
  text_member (out, depth + 1, "title", stk_section_get_title (section), languages);
  text_member (out, depth + 1, "body", stk_section_get_body (section), languages);
  close_object (out, depth, STK_NODE (section), "");
}

/**
 * stk_policy_to_bytes:
 * @self: a policy
 *
 * Writes @self in the canonical form: the same policy always gives the same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
stk_policy_to_bytes (StkPolicy *self)
{
  GString *out;
  const char * const *languages;
  g_autoptr(GPtrArray) keys = NULL;

  g_return_val_if_fail (STK_IS_POLICY (self), NULL);

  out = g_string_sized_new (64 * 1024);
  languages = stk_policy_get_languages (self);

  g_string_append (out, "{\n");
  string_member (out, 1, "format", STK_FORMAT_MARKER);
  int_member (out, 1, "version", STK_FORMAT_VERSION);
  string_member (out, 1, "name", stk_policy_get_name (self));
  int_member (out, 1, "revision", stk_policy_get_revision (self));
  text_member (out, 1, "revision_note", stk_policy_get_revision_note (self), languages);
  string_member (out, 1, "updated", stk_policy_get_updated (self));
  strv_member (out, 1, "languages", languages);
  string_member (out, 1, "default_language", stk_policy_get_default_language (self));

  member (out, 1, "controller");
  g_string_append (out, "{\n");
  string_member (out, 2, "name", stk_policy_get_controller_name (self));
  string_member (out, 2, "address", stk_policy_get_controller_address (self));
  string_member (out, 2, "cvr", stk_policy_get_controller_cvr (self));
  string_member (out, 2, "email", stk_policy_get_controller_email (self));
  string_member (out, 2, "dpo_name", stk_policy_get_dpo_name (self));
  string_member (out, 2, "dpo_email", stk_policy_get_dpo_email (self));
  close_object (out, 1, STK_NODE (self), "controller");
  g_string_append (out, ",\n");

  strv_member (out, 1, "domains", stk_policy_get_domains (self));

  member (out, 1, "consent");
  g_string_append (out, "{\n");
  string_member (out, 2, "cookie_name", stk_policy_get_cookie_name (self));
  string_member (out, 2, "cookie_domain", stk_policy_get_cookie_domain (self));
  int_member (out, 2, "accept_days", stk_policy_get_accept_days (self));
  int_member (out, 2, "decline_days", stk_policy_get_decline_days (self));
  string_member (out, 2, "log_endpoint", stk_policy_get_log_endpoint (self));
  close_object (out, 1, STK_NODE (self), "consent");
  g_string_append (out, ",\n");

  member (out, 1, "texts");
  g_string_append (out, "{\n");
  keys = stk_policy_dup_text_keys (self);
  for (guint i = 0; i < keys->len; i++)
    text_member (out, 2, g_ptr_array_index (keys, i),
                 stk_policy_get_text (self, g_ptr_array_index (keys, i)), languages);
  if (keys->len > 0)
    g_string_truncate (out, out->len - 2);
  g_string_append (out, "\n  },\n");

  list_member (out, 1, "sections", stk_policy_get_sections (self), write_section, languages);
  list_member (out, 1, "categories", stk_policy_get_categories (self), write_category,
               languages);
  list_member (out, 1, "providers", stk_policy_get_providers (self), write_provider, languages);
  close_object (out, 0, STK_NODE (self), "");
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/**
 * stk_policy_save_file:
 * @self: a policy
 * @file: where to save
 * @error: where a failure goes
 *
 * Saves atomically: the text goes to a temporary file in the same folder, which replaces
 * @file only once it is completely written and synced. On failure @file is as it was.
 *
 * Returns: whether the policy was saved
 */
gboolean
stk_policy_save_file (StkPolicy  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (STK_IS_POLICY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: can only save to a local file"), name);
      return FALSE;
    }

  bytes = stk_policy_to_bytes (self);
  return stk_file_replace (path, bytes, error);
}

/**
 * stk_policy_example_bytes:
 *
 * Returns: (transfer full): the bundled example policy's file contents
 */
GBytes *
stk_policy_example_bytes (void)
{
  /* Through the resource itself, so that a static link keeps it. */
  return g_resource_lookup_data (stk_core_get_resource (),
                                 "/io/github/samtykke/Samtykke/core/example.json",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/**
 * stk_policy_new_from_example:
 *
 * Returns: (transfer full): a new policy holding the bundled example
 */
StkPolicy *
stk_policy_new_from_example (void)
{
  g_autoptr(GBytes) bytes = stk_policy_example_bytes ();
  g_autoptr(GError) error = NULL;
  StkPolicy *policy;

  policy = stk_policy_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 "example.json", &error);
  if (policy == NULL)
    g_error ("The bundled example does not load: %s", error->message);

  return policy;
}

/**
 * stk_json_locate:
 * @data: a JSON document
 * @length: its length
 * @path: a path such as "providers[3].cookies[1].purpose.en"
 * @line: (out): the line of the value at @path, or of the nearest enclosing value that exists
 * @column: (out): its column
 *
 * stk_path_locate() for a path written as text; a text that is not a path (stk_path_parse())
 * stands for the document as a whole.
 *
 * Returns: %FALSE when the document cannot be read at all
 */
gboolean
stk_json_locate (const char *data,
                 gsize       length,
                 const char *path,
                 int        *line,
                 int        *column)
{
  g_autoptr(StkPath) parsed = stk_path_parse (path);

  if (parsed == NULL)
    parsed = stk_path_parse ("");

  return stk_path_locate (parsed, data, length, line, column);
}
