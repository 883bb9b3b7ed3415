/* stk-policy-io.c — reading and writing the policy file format
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads the text once, building the model as it goes, and stops at the first
 * problem with a message that names the place. The writer is the one definition of the
 * canonical form: members in a fixed order, two-space indent, a final newline; members this
 * version does not know follow the known ones of their object, in their original order. Both
 * follow one table of members per class, which states that order.
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
#include "stk-progress.h"
#include "stk-texts.h"

/* Members
 *
 * Each class of the file format is one table of its members, in the canonical order: the
 * member's name, what kind of value it holds, and the model's accessors. The same table drives
 * reading and writing, so that a new field is one line here (and the model, validation and
 * docs/format.md). The accessors are stored as GCallback and called through the kind's own
 * signature; the macros below are the only place they are cast. */

typedef struct _Loader Loader;
typedef struct _Writer Writer;
typedef struct _Member Member;
typedef struct _ClassInfo ClassInfo;

typedef enum
{
  KIND_STRING,      /* a string */
  KIND_BOOLEAN,     /* true or false */
  KIND_INT,         /* a whole number within an int */
  KIND_INT64,       /* a whole number within 64 bits */
  KIND_ENUM,        /* a string naming a value of an enumeration */
  KIND_STRV,        /* an array of strings */
  KIND_TEXT,        /* a localized text: an object by language */
  KIND_URL_TEXT,    /* a localized text that may also be one string for every language */
  KIND_OBJECT,      /* an object whose members belong to the same model object ("controller") */
  KIND_CHILD,       /* an object that is a model object of its own ("appearance") */
  KIND_LIST,        /* an array of model objects of another class */
  KIND_CUSTOM,      /* read and written by functions of its own */
} MemberKind;

typedef const char *         (*GetString)      (gpointer object);
typedef void                 (*SetString)      (gpointer object, const char *value);
typedef gboolean             (*GetBoolean)     (gpointer object);
typedef void                 (*SetBoolean)     (gpointer object, gboolean value);
typedef int                  (*GetInt)         (gpointer object);
typedef void                 (*SetInt)         (gpointer object, int value);
typedef gint64               (*GetInt64)       (gpointer object);
typedef void                 (*SetInt64)       (gpointer object, gint64 value);
typedef const char * const * (*GetStrv)        (gpointer object);
typedef void                 (*SetStrv)        (gpointer object, const char * const *value);
typedef StkText *            (*GetText)        (gpointer object);
typedef StkList *            (*GetList)        (gpointer object);
typedef gpointer             (*GetChild)       (gpointer object);
typedef const char *         (*EnumToString)   (int value);
typedef gboolean             (*EnumFromString) (const char *string, int *value);
typedef gpointer             (*CreateFunc)     (void);
typedef gboolean             (*ReadFunc)       (Loader     *loader,
                                                gpointer    object,
                                                const char *what);
typedef void                 (*WriteFunc)      (Writer     *writer,
                                                int         depth,
                                                gpointer    object);
typedef gboolean             (*OmitFunc)       (gpointer    object);

struct _Member
{
  const char      *name;
  MemberKind       kind;
  const char      *label;        /* the name messages give the member, when not @name */
  GCallback        get;
  GCallback        set;
  GCallback        to_string;    /* KIND_ENUM */
  GCallback        from_string;  /* KIND_ENUM */
  const char      *invalid;      /* KIND_ENUM: the message for a value not listed */
  const char      *required;     /* the message when the member is missing, or NULL */
  const ClassInfo *child;        /* KIND_OBJECT, KIND_CHILD, KIND_LIST */
  ReadFunc         read;         /* KIND_CUSTOM */
  WriteFunc        write;        /* KIND_CUSTOM */
  OmitFunc         omit;         /* not written when it returns TRUE */
};

struct _ClassInfo
{
  const char   *what;            /* the name messages give an element of a list: "cookies[]" */
  GCallback     create;          /* a new, empty model object, for an element of a list */
  const Member *members;
  guint         n_members;
};

#define STRING(n, g, s)   { .name = n, .kind = KIND_STRING, .get = G_CALLBACK (g), \
                            .set = G_CALLBACK (s) }
#define BOOLEAN(n, g, s)  { .name = n, .kind = KIND_BOOLEAN, .get = G_CALLBACK (g), \
                            .set = G_CALLBACK (s) }
#define INT(n, g, s)      { .name = n, .kind = KIND_INT, .get = G_CALLBACK (g), \
                            .set = G_CALLBACK (s) }
#define STRV(n, g, s)     { .name = n, .kind = KIND_STRV, .get = G_CALLBACK (g), \
                            .set = G_CALLBACK (s) }
#define ENUM(n, g, s, type_name, message)                                              \
                          { .name = n, .kind = KIND_ENUM, .get = G_CALLBACK (g),       \
                            .set = G_CALLBACK (s),                                     \
                            .to_string = G_CALLBACK (type_name##_to_string),           \
                            .from_string = G_CALLBACK (type_name##_from_string),       \
                            .invalid = message }
#define TEXT(n, g)        { .name = n, .kind = KIND_TEXT, .get = G_CALLBACK (g) }
#define URL_TEXT(n, g)    { .name = n, .kind = KIND_URL_TEXT, .get = G_CALLBACK (g) }
#define OBJECT(n, info)   { .name = n, .kind = KIND_OBJECT, .child = &info }
#define CHILD(n, g, info, o) { .name = n, .kind = KIND_CHILD, .get = G_CALLBACK (g), \
                            .child = &info, .omit = o }
#define LIST(n, g, info)  { .name = n, .kind = KIND_LIST, .get = G_CALLBACK (g), .child = &info }
#define CUSTOM(n, r, w)   { .name = n, .kind = KIND_CUSTOM, .read = r, .write = w }

/* Which members were read is kept as bits of a guint64. */
#define DEFINE_CLASS(var, what, create, members)                                        \
  G_STATIC_ASSERT (G_N_ELEMENTS (members) <= 64);                                        \
  static const ClassInfo var = { what, G_CALLBACK (create), members, G_N_ELEMENTS (members) }

/* Reading */

struct _Loader
{
  StkJsonReader  reader;
  guint          n_objects;
};

#define R(loader) (&(loader)->reader)

static gboolean read_member (Loader       *loader,
                             gpointer      object,
                             const Member *member,
                             const char   *key);

/* Reads an object of the class @info into @object; members not in @info are kept on @node
 * under @where. Each member may appear once. */
static gboolean
read_object (Loader          *loader,
             const ClassInfo *info,
             gpointer         object,
             StkNode         *node,
             const char      *where,
             const char      *what)
{
  guint64 seen = 0;
  g_autoptr(JsonObject) extra = NULL;
  const char *object_at;
  char *key;
  const char *key_at;

  if (stk_json_reader_peek (R (loader)) != STK_JSON_OBJECT)
    return stk_json_reader_expected (R (loader), what, _("an object"));
  object_at = R (loader)->pos;
  if (!stk_json_reader_begin_object (R (loader)))
    return FALSE;

  while (stk_json_reader_next_member (R (loader), &key, &key_at))
    {
      guint index = 0;

      while (index < info->n_members && strcmp (info->members[index].name, key) != 0)
        index++;

      if (index < info->n_members)
        {
          if (seen & (G_GUINT64_CONSTANT (1) << index))
            {
              stk_json_reader_fail (R (loader), key_at, _("the member “%s” appears twice"), key);
              g_free (key);
              return FALSE;
            }
          seen |= G_GUINT64_CONSTANT (1) << index;
          if (!read_member (loader, object, &info->members[index], key))
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

  for (guint i = 0; i < info->n_members; i++)
    if (info->members[i].required != NULL && !(seen & (G_GUINT64_CONSTANT (1) << i)))
      return stk_json_reader_fail (R (loader), object_at, "%s", _(info->members[i].required));

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
read_int64 (Loader     *loader,
            const char *key,
            gint64     *value)
{
  if (stk_json_reader_peek (R (loader)) != STK_JSON_NUMBER)
    return stk_json_reader_expected (R (loader), key, _("a whole number"));
  return stk_json_reader_int64 (R (loader), value);
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

static gboolean
read_list (Loader          *loader,
           const char      *key,
           StkList         *list,
           const ClassInfo *info)
{
  GPtrArray *items;

  if (stk_json_reader_peek (R (loader)) != STK_JSON_ARRAY)
    return stk_json_reader_expected (R (loader), key, _("an array"));
  if (!stk_json_reader_begin_array (R (loader)))
    return FALSE;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while (stk_json_reader_next_element (R (loader)))
    {
      StkNode *item;

      if (++loader->n_objects > STK_POLICY_MAX_OBJECTS)
        {
          g_ptr_array_unref (items);
          return stk_json_reader_fail (R (loader), R (loader)->pos,
                                       /* Translators: %u is a large number (1,000,000). */
                                       _("the policy holds more than %u providers, cookies, "
                                         "categories, sections and embeds, the most one may "
                                         "hold"), (guint) STK_POLICY_MAX_OBJECTS);
        }
      item = ((CreateFunc) info->create) ();

      g_ptr_array_add (items, item);
      if (!read_object (loader, info, item, item, "", info->what))
        {
          g_ptr_array_unref (items);
          return FALSE;
        }
    }
  if (R (loader)->failed)
    {
      g_ptr_array_unref (items);
      return FALSE;
    }

  stk_list_take_items (list, items);
  return TRUE;
}

/* Reads the value of @member of @object, whose name in the file is @key. */
static gboolean
read_member (Loader       *loader,
             gpointer      object,
             const Member *member,
             const char   *key)
{
  const char *what = member->label != NULL ? member->label : key;

  switch (member->kind)
    {
    case KIND_STRING:
      {
        g_autofree char *value = NULL;

        if (!read_string (loader, what, &value))
          return FALSE;
        ((SetString) member->set) (object, value);
        return TRUE;
      }

    case KIND_BOOLEAN:
      {
        gboolean value = FALSE;

        if (!read_boolean (loader, what, &value))
          return FALSE;
        ((SetBoolean) member->set) (object, value);
        return TRUE;
      }

    case KIND_INT:
      {
        int value = 0;

        if (!read_int (loader, what, &value))
          return FALSE;
        ((SetInt) member->set) (object, value);
        return TRUE;
      }

    case KIND_INT64:
      {
        gint64 value = 0;

        if (!read_int64 (loader, what, &value))
          return FALSE;
        ((SetInt64) member->set) (object, value);
        return TRUE;
      }

    case KIND_ENUM:
      {
        g_autofree char *value = NULL;
        const char *at;
        int number = 0;

        stk_json_reader_peek (R (loader));
        at = R (loader)->pos;
        if (!read_string (loader, what, &value))
          return FALSE;
        if (!((EnumFromString) member->from_string) (value, &number))
          return stk_json_reader_fail (R (loader), at, "%s", _(member->invalid));
        ((SetInt) member->set) (object, number);
        return TRUE;
      }

    case KIND_STRV:
      {
        g_auto(GStrv) value = NULL;

        if (!read_strv (loader, what, &value))
          return FALSE;
        ((SetStrv) member->set) (object, (const char * const *) value);
        return TRUE;
      }

    case KIND_TEXT:
    case KIND_URL_TEXT:
      return read_text (loader, what, ((GetText) member->get) (object),
                        member->kind == KIND_URL_TEXT);

    case KIND_OBJECT:
      return read_object (loader, member->child, object, object, member->name, what);

    case KIND_CHILD:
      {
        gpointer child = ((GetChild) member->get) (object);

        return read_object (loader, member->child, child, child, "", what);
      }

    case KIND_LIST:
      return read_list (loader, what, ((GetList) member->get) (object), member->child);

    case KIND_CUSTOM:
      return member->read (loader, object, what);

    default:
      g_assert_not_reached ();
    }
}

/* Writing */

struct _Writer
{
  GString            *out;
  const char * const *languages;  /* the policy's, for the order of localized texts */
};

static void
member_name (GString    *out,
             int         depth,
             const char *key)
{
  stk_json_write_indent (out, depth);
  stk_json_write_string (out, key);
  g_string_append (out, ": ");
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

      member_name (out, depth + 1, lang);
      stk_json_write_string (out, stk_text_get (text, lang));
      g_string_append (out, i + 1 < order->len ? ",\n" : "\n");
    }
  stk_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

/* Writes the members this version does not know, then closes the object. Every known member
 * has been written followed by ",\n"; the last comma is taken back here when nothing
 * follows. */
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
          member_name (out, depth + 1, l->data);
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

static void write_member (Writer       *writer,
                          int           depth,
                          gpointer      object,
                          const Member *member);

/* Writes @object of the class @info, starting on a line indented @depth levels; its unknown
 * members are those kept under @where. */
static void
write_object (Writer          *writer,
              int              depth,
              gpointer         object,
              const ClassInfo *info,
              const char      *where)
{
  g_string_append (writer->out, "{\n");
  for (guint i = 0; i < info->n_members; i++)
    {
      const Member *member = &info->members[i];

      if (member->omit == NULL || !member->omit (object))
        write_member (writer, depth + 1, object, member);
    }
  close_object (writer->out, depth, object, where);
}

static void
list_value (Writer          *writer,
            int              depth,
            StkList         *list,
            const ClassInfo *info)
{
  GString *out = writer->out;
  guint n = stk_list_get_n (list);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      stk_json_write_indent (out, depth + 1);
      write_object (writer, depth + 1, stk_list_peek (list, i), info, "");
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  stk_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

/* Writes "name": value,\n for @member of @object, indented @depth levels. */
static void
write_member (Writer       *writer,
              int           depth,
              gpointer      object,
              const Member *member)
{
  GString *out = writer->out;

  member_name (out, depth, member->name);

  switch (member->kind)
    {
    case KIND_STRING:
      stk_json_write_string (out, ((GetString) member->get) (object));
      break;

    case KIND_BOOLEAN:
      g_string_append (out, ((GetBoolean) member->get) (object) ? "true" : "false");
      break;

    case KIND_INT:
      g_string_append_printf (out, "%d", ((GetInt) member->get) (object));
      break;

    case KIND_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, ((GetInt64) member->get) (object));
      break;

    case KIND_ENUM:
      stk_json_write_string (out, ((EnumToString) member->to_string) (
                                    ((GetInt) member->get) (object)));
      break;

    case KIND_STRV:
      strv_value (out, depth, ((GetStrv) member->get) (object));
      break;

    case KIND_TEXT:
    case KIND_URL_TEXT:
      text_value (out, depth, ((GetText) member->get) (object), writer->languages);
      break;

    case KIND_OBJECT:
      write_object (writer, depth, object, member->child, member->name);
      break;

    case KIND_CHILD:
      write_object (writer, depth, ((GetChild) member->get) (object), member->child, "");
      break;

    case KIND_LIST:
      list_value (writer, depth, ((GetList) member->get) (object), member->child);
      break;

    case KIND_CUSTOM:
      member->write (writer, depth, object);
      break;

    default:
      g_assert_not_reached ();
    }

  g_string_append (out, ",\n");
}

/* The classes, each after the ones it holds */

/* A session's duration has no number, unless it keeps one from an earlier unit. */
static gboolean
duration_value_omitted (gpointer object)
{
  return stk_cookie_get_duration_unit (object) == STK_UNIT_SESSION &&
         stk_cookie_get_duration_value (object) == 0;
}

static const Member duration_members[] = {
  { .name = "value", .label = "duration.value", .kind = KIND_INT64,
    .get = G_CALLBACK (stk_cookie_get_duration_value),
    .set = G_CALLBACK (stk_cookie_set_duration_value),
    .omit = duration_value_omitted },
  { .name = "unit", .label = "duration.unit", .kind = KIND_ENUM,
    .get = G_CALLBACK (stk_cookie_get_duration_unit),
    .set = G_CALLBACK (stk_cookie_set_duration_unit),
    .to_string = G_CALLBACK (stk_unit_to_string),
    .from_string = G_CALLBACK (stk_unit_from_string),
    .invalid = N_("“duration.unit” must be one of session, seconds, minutes, hours, days, "
                  "weeks, months, years"),
    .required = N_("“duration” needs a “unit”") },
};
DEFINE_CLASS (duration_class, "duration", NULL, duration_members);

static const Member cookie_members[] = {
  STRING ("name", stk_cookie_get_name, stk_cookie_set_name),
  BOOLEAN ("pattern", stk_cookie_get_pattern, stk_cookie_set_pattern),
  STRING ("domain", stk_cookie_get_domain, stk_cookie_set_domain),
  STRING ("path", stk_cookie_get_path, stk_cookie_set_path),
  ENUM ("party", stk_cookie_get_party, stk_cookie_set_party, stk_party,
        N_("“party” must be “first” or “third”")),
  ENUM ("kind", stk_cookie_get_kind, stk_cookie_set_kind, stk_kind,
        N_("“kind” must be one of cookie, local_storage, session_storage, indexeddb, pixel")),
  OBJECT ("duration", duration_class),
  TEXT ("purpose", stk_cookie_get_purpose),
  BOOLEAN ("delete_on_withdraw", stk_cookie_get_delete_on_withdraw,
           stk_cookie_set_delete_on_withdraw),
};
DEFINE_CLASS (cookie_class, "cookies[]", stk_cookie_new, cookie_members);

static const Member embed_members[] = {
  STRING ("id", stk_embed_get_id, stk_embed_set_id),
  TEXT ("placeholder", stk_embed_get_placeholder),
};
DEFINE_CLASS (embed_class, "embeds[]", stk_embed_new, embed_members);

static const Member provider_members[] = {
  STRING ("id", stk_provider_get_id, stk_provider_set_id),
  STRING ("name", stk_provider_get_name, stk_provider_set_name),
  STRING ("category", stk_provider_get_category, stk_provider_set_category),
  TEXT ("purpose", stk_provider_get_purpose),
  URL_TEXT ("website", stk_provider_get_website),
  URL_TEXT ("privacy_policy", stk_provider_get_privacy_policy),
  BOOLEAN ("dpa", stk_provider_get_dpa, stk_provider_set_dpa),
  STRING ("dpa_date", stk_provider_get_dpa_date, stk_provider_set_dpa_date),
  STRING ("country", stk_provider_get_country, stk_provider_set_country),
  BOOLEAN ("outside_eea", stk_provider_get_outside_eea, stk_provider_set_outside_eea),
  LIST ("embeds", stk_provider_get_embeds, embed_class),
  LIST ("cookies", stk_provider_get_cookies, cookie_class),
};
DEFINE_CLASS (provider_class, "providers[]", stk_provider_new, provider_members);

/* Members added to format version 1 after its first files were written are left out while they
 * hold the value their absence means, so that those files keep their bytes. */

static gboolean
category_gpc_omitted (gpointer object)
{
  return stk_category_get_gpc (object);
}

static const Member category_members[] = {
  STRING ("id", stk_category_get_id, stk_category_set_id),
  TEXT ("title", stk_category_get_title),
  TEXT ("description", stk_category_get_description),
  BOOLEAN ("required", stk_category_get_required, stk_category_set_required),
  BOOLEAN ("preselected", stk_category_get_preselected, stk_category_set_preselected),
  STRV ("consent_mode", stk_category_get_consent_mode, stk_category_set_consent_mode),
  { .name = "gpc", .kind = KIND_BOOLEAN, .get = G_CALLBACK (stk_category_get_gpc),
    .set = G_CALLBACK (stk_category_set_gpc), .omit = category_gpc_omitted },
};
DEFINE_CLASS (category_class, "categories[]", stk_category_new, category_members);

static const Member section_members[] = {
  STRING ("id", stk_section_get_id, stk_section_set_id),
  TEXT ("title", stk_section_get_title),
  TEXT ("body", stk_section_get_body),
};
DEFINE_CLASS (section_class, "sections[]", stk_section_new, section_members);

static const Member controller_members[] = {
  STRING ("name", stk_policy_get_controller_name, stk_policy_set_controller_name),
  STRING ("address", stk_policy_get_controller_address, stk_policy_set_controller_address),
  STRING ("cvr", stk_policy_get_controller_cvr, stk_policy_set_controller_cvr),
  STRING ("email", stk_policy_get_controller_email, stk_policy_set_controller_email),
  STRING ("dpo_name", stk_policy_get_dpo_name, stk_policy_set_dpo_name),
  STRING ("dpo_email", stk_policy_get_dpo_email, stk_policy_set_dpo_email),
};
DEFINE_CLASS (controller_class, "controller", NULL, controller_members);

static const Member consent_members[] = {
  STRING ("cookie_name", stk_policy_get_cookie_name, stk_policy_set_cookie_name),
  STRING ("cookie_domain", stk_policy_get_cookie_domain, stk_policy_set_cookie_domain),
  INT ("accept_days", stk_policy_get_accept_days, stk_policy_set_accept_days),
  INT ("decline_days", stk_policy_get_decline_days, stk_policy_set_decline_days),
  STRING ("log_endpoint", stk_policy_get_log_endpoint, stk_policy_set_log_endpoint),
};
DEFINE_CLASS (consent_class, "consent", NULL, consent_members);

static const Member light_members[] = {
  STRING ("background", stk_appearance_get_light_background,
          stk_appearance_set_light_background),
  STRING ("text", stk_appearance_get_light_text, stk_appearance_set_light_text),
  STRING ("accent", stk_appearance_get_light_accent, stk_appearance_set_light_accent),
  STRING ("button_text", stk_appearance_get_light_button_text,
          stk_appearance_set_light_button_text),
  STRING ("link", stk_appearance_get_light_link, stk_appearance_set_light_link),
  STRING ("border", stk_appearance_get_light_border, stk_appearance_set_light_border),
};
DEFINE_CLASS (light_class, "light", NULL, light_members);

static const Member dark_members[] = {
  STRING ("background", stk_appearance_get_dark_background, stk_appearance_set_dark_background),
  STRING ("text", stk_appearance_get_dark_text, stk_appearance_set_dark_text),
  STRING ("accent", stk_appearance_get_dark_accent, stk_appearance_set_dark_accent),
  STRING ("button_text", stk_appearance_get_dark_button_text,
          stk_appearance_set_dark_button_text),
  STRING ("link", stk_appearance_get_dark_link, stk_appearance_set_dark_link),
  STRING ("border", stk_appearance_get_dark_border, stk_appearance_set_dark_border),
};
DEFINE_CLASS (dark_class, "dark", NULL, dark_members);

static const Member reopen_members[] = {
  BOOLEAN ("show", stk_appearance_get_reopen, stk_appearance_set_reopen),
  ENUM ("position", stk_appearance_get_reopen_position, stk_appearance_set_reopen_position,
        stk_side, N_("“position” must be “left” or “right”")),
};
DEFINE_CLASS (reopen_class, "reopen", NULL, reopen_members);

static const Member appearance_members[] = {
  ENUM ("layout", stk_appearance_get_layout, stk_appearance_set_layout, stk_layout,
        N_("“layout” must be one of bar, box, centred")),
  ENUM ("position", stk_appearance_get_position, stk_appearance_set_position, stk_side,
        N_("“position” must be “left” or “right”")),
  INT ("radius", stk_appearance_get_radius, stk_appearance_set_radius),
  STRING ("font", stk_appearance_get_font, stk_appearance_set_font),
  OBJECT ("light", light_class),
  OBJECT ("dark", dark_class),
  OBJECT ("reopen", reopen_class),
};
DEFINE_CLASS (appearance_class, "appearance", NULL, appearance_members);

/* Today's look is what a policy without "appearance" means. */
static gboolean
appearance_omitted (gpointer object)
{
  StkAppearance *appearance = stk_policy_get_appearance (object);
  GHashTable *extras = stk_node_peek_extras (STK_NODE (appearance));

  return stk_appearance_is_default (appearance) &&
         (extras == NULL || g_hash_table_size (extras) == 0);
}

/* "format" and "version" are checked before the model is built (check_format()). */
static gboolean
read_checked (Loader     *loader,
              gpointer    object,
              const char *what)
{
  return stk_json_reader_skip (R (loader));
}

static void
write_format (Writer   *writer,
              int       depth,
              gpointer  object)
{
  stk_json_write_string (writer->out, STK_FORMAT_MARKER);
}

static void
write_version (Writer   *writer,
               int       depth,
               gpointer  object)
{
  g_string_append_printf (writer->out, "%d", STK_FORMAT_VERSION);
}

/* The texts: an object from key to localized text, known keys and others alike. */
static gboolean
read_texts (Loader     *loader,
            gpointer    object,
            const char *what)
{
  char *key;
  const char *key_at;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (stk_json_reader_peek (R (loader)) != STK_JSON_OBJECT)
    return stk_json_reader_expected (R (loader), what, _("an object"));
  if (!stk_json_reader_begin_object (R (loader)))
    return FALSE;

  while (stk_json_reader_next_member (R (loader), &key, &key_at))
    {
      g_autofree char *key_what = g_strdup_printf ("%s.%s", what, key);

      if (!g_hash_table_add (seen, key))
        return stk_json_reader_fail (R (loader), key_at, _("the member “%s” appears twice"),
                                     key);
      if (!read_text (loader, key_what, stk_policy_get_text (object, key), FALSE))
        return FALSE;
    }

  return !R (loader)->failed;
}

/* Every known key, the others after them (stk_policy_dup_text_keys() gives that order). */
static void
write_texts (Writer   *writer,
             int       depth,
             gpointer  object)
{
  GString *out = writer->out;
  g_autoptr(GPtrArray) keys = stk_policy_dup_text_keys (object);

  g_string_append (out, "{\n");
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const StkTextKey *known = stk_text_key_lookup (key);

      if (known != NULL && known->optional)
        {
          g_auto(GStrv) languages = stk_text_dup_languages (stk_policy_get_text (object, key));

          if (languages[0] == NULL)
            continue;
        }
      member_name (out, depth + 1, key);
      text_value (out, depth + 1, stk_policy_get_text (object, key), writer->languages);
      g_string_append (out, ",\n");
    }
  if (keys->len > 0)
    g_string_truncate (out, out->len - 2);
  g_string_append_c (out, '\n');
  stk_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

/* Written only once the site has been checked, so that older files round-trip unchanged. */
static gboolean
checked_omitted (gpointer object)
{
  return *stk_policy_get_checked (object) == '\0';
}

static const Member policy_members[] = {
  CUSTOM ("format", read_checked, write_format),
  CUSTOM ("version", read_checked, write_version),
  STRING ("name", stk_policy_get_name, stk_policy_set_name),
  INT ("revision", stk_policy_get_revision, stk_policy_set_revision),
  TEXT ("revision_note", stk_policy_get_revision_note),
  STRING ("updated", stk_policy_get_updated, stk_policy_set_updated),
  { .name = "checked", .kind = KIND_STRING, .get = G_CALLBACK (stk_policy_get_checked),
    .set = G_CALLBACK (stk_policy_set_checked), .omit = checked_omitted },
  STRV ("languages", stk_policy_get_languages, stk_policy_set_languages),
  STRING ("default_language", stk_policy_get_default_language,
          stk_policy_set_default_language),
  OBJECT ("controller", controller_class),
  STRV ("domains", stk_policy_get_domains, stk_policy_set_domains),
  OBJECT ("consent", consent_class),
  CHILD ("appearance", stk_policy_get_appearance, appearance_class, appearance_omitted),
  CUSTOM ("texts", read_texts, write_texts),
  LIST ("sections", stk_policy_get_sections, section_class),
  LIST ("categories", stk_policy_get_categories, category_class),
  LIST ("providers", stk_policy_get_providers, provider_class),
};
DEFINE_CLASS (policy_class, "policy", NULL, policy_members);

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

  g_return_val_if_fail (data != NULL || length == 0 || length > STK_POLICY_MAX_SIZE, NULL);

  if (display_name == NULL)
    display_name = "policy.json";

  if (length > STK_POLICY_MAX_SIZE)
    {
      g_autofree char *message =
        /* Translators: %d is a size in mebibytes. */
        g_strdup_printf (_("the file is larger than %d MiB, the most a policy file may be"),
                         STK_POLICY_MAX_SIZE / (1024 * 1024));

      stk_set_located_error (error, STK_ERROR_SYNTAX, display_name, 1, 1, NULL, message);
      return NULL;
    }
  if (data == NULL)
    data = "";

  if (!check_format (data, length, display_name, error))
    return NULL;

  policy = stk_policy_new ();
  loader.n_objects = 0;
  stk_json_reader_init (&loader.reader, data, length, display_name, error);
  /* The pass that builds the model is the one a progress bar follows; check_format()'s
   * quick look ahead is not. */
  loader.reader.shows_progress = TRUE;

  if (!read_object (&loader, &policy_class, policy, STK_NODE (policy), "", policy_class.what) ||
      !stk_json_reader_finish (&loader.reader))
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

  /* Refused before it is read: a file far too large must not fill the memory first. */
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);

    if (info != NULL && g_file_info_get_size (info) > STK_POLICY_MAX_SIZE)
      return stk_policy_load_data (NULL, (gsize) STK_POLICY_MAX_SIZE + 1, name, error);
  }

  if (!stk_file_load_contents (file, &contents, &length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return stk_policy_load_data (contents, length, name, error);
}

struct _StkPolicyWriter
{
  StkPolicy *policy;
  GString   *out;
  guint      member;    /* the policy's member being written */
  guint      item;      /* in a list member: the next item */
  gboolean   in_list;   /* the list's "[" is written */
  gboolean   started;
  gboolean   done;
  guint      n_items;   /* items of all list members, and how many are written */
  guint      n_written;
};

/**
 * stk_policy_writer_new:
 * @policy: a policy
 *
 * Returns: (transfer full): a writer of @policy, which has written nothing yet
 */
StkPolicyWriter *
stk_policy_writer_new (StkPolicy *policy)
{
  StkPolicyWriter *self;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  self = g_new0 (StkPolicyWriter, 1);
  self->policy = g_object_ref (policy);
  self->out = g_string_sized_new (64 * 1024);
  for (guint i = 0; i < policy_class.n_members; i++)
    if (policy_class.members[i].kind == KIND_LIST)
      self->n_items += stk_list_get_n (((GetList) policy_class.members[i].get) (policy));

  return self;
}

/* Whether the step that began at @start has used its budget. */
static gboolean
budget_spent (gint64 start,
              gint64 budget_us)
{
  return budget_us >= 0 && g_get_monotonic_time () - start >= budget_us;
}

/**
 * stk_policy_writer_step:
 * @self: a writer
 * @budget_us: about how long to write, in microseconds; negative for all of it
 *
 * Writes the next members of the policy, and the next items of a list member (a provider with
 * its cookies is one item), until about @budget_us have passed; at least one member or item.
 *
 * Returns: whether the whole policy is written
 */
gboolean
stk_policy_writer_step (StkPolicyWriter *self,
                        gint64           budget_us)
{
  gint64 start = g_get_monotonic_time ();
  Writer writer;

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->done)
    return TRUE;

  /* The languages are looked up at each step: they give the order of every text's members. */
  writer.out = self->out;
  writer.languages = stk_policy_get_languages (self->policy);

  if (!self->started)
    {
      g_string_append (self->out, "{\n");
      self->started = TRUE;
    }

  while (self->member < policy_class.n_members)
    {
      const Member *member = &policy_class.members[self->member];

      if (member->omit != NULL && member->omit (self->policy))
        {
          self->member++;
          continue;
        }

      if (member->kind == KIND_LIST)
        {
          StkList *list = ((GetList) member->get) (self->policy);
          guint n = stk_list_get_n (list);

          if (!self->in_list)
            {
              member_name (self->out, 1, member->name);
              if (n == 0)
                {
                  g_string_append (self->out, "[],\n");
                  self->member++;
                  continue;
                }
              g_string_append (self->out, "[\n");
              self->in_list = TRUE;
              self->item = 0;
            }

          /* As list_value() writes them, one item at a time. */
          while (self->item < n)
            {
              guint i = self->item++;

              stk_json_write_indent (self->out, 2);
              write_object (&writer, 2, stk_list_peek (list, i), member->child, "");
              g_string_append (self->out, i + 1 < n ? ",\n" : "\n");
              stk_progress_report (++self->n_written, self->n_items);
              if (self->item < n && budget_spent (start, budget_us))
                return FALSE;
            }

          stk_json_write_indent (self->out, 1);
          g_string_append (self->out, "],\n");
          self->in_list = FALSE;
        }
      else
        {
          write_member (&writer, 1, self->policy, member);
        }

      self->member++;
      if (self->member < policy_class.n_members && budget_spent (start, budget_us))
        return FALSE;
    }

  close_object (self->out, 0, STK_NODE (self->policy), "");
  g_string_append_c (self->out, '\n');
  self->done = TRUE;

  return TRUE;
}

/**
 * stk_policy_writer_free_to_bytes:
 * @self: (transfer full): a writer that has written the whole policy
 *
 * Returns: (transfer full): what it wrote
 */
GBytes *
stk_policy_writer_free_to_bytes (StkPolicyWriter *self)
{
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->done, NULL);

  bytes = g_string_free_to_bytes (g_steal_pointer (&self->out));
  stk_policy_writer_free (self);

  return bytes;
}

/**
 * stk_policy_writer_free:
 * @self: (transfer full) (nullable): a writer
 *
 * Frees @self and what it has written.
 */
void
stk_policy_writer_free (StkPolicyWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->policy);
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_free (self);
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
  StkPolicyWriter *writer;

  g_return_val_if_fail (STK_IS_POLICY (self), NULL);

  writer = stk_policy_writer_new (self);
  stk_policy_writer_step (writer, -1);

  return stk_policy_writer_free_to_bytes (writer);
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
