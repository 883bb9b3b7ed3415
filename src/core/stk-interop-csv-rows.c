/* stk-interop-csv-rows.c — a spreadsheet's header row, and each row read as a change of a cookie
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-csv-private.h"

/* Lower case, trimmed, runs of white space as one space. */
static char *
fold (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = down; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == '_')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
word_in (const char         *text,
         const char * const *words)
{
  g_autofree char *folded = fold (text);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = fold (words[i]);

      if (g_str_equal (folded, word))
        return TRUE;
    }
  return FALSE;
}

/* A language code as the policy writes it, from the lower case of a folded column name:
 * regions in capitals ("pt-BR"), scripts with one ("zh-Hant"). */
static char *
case_language (const char *code)
{
  g_auto(GStrv) parts = g_strsplit (code, "-", -1);

  for (guint i = 1; parts[i] != NULL; i++)
    {
      gsize n = strlen (parts[i]);

      if (n == 2)
        for (char *p = parts[i]; *p != '\0'; p++)
          *p = g_ascii_toupper (*p);
      else if (n == 4)
        parts[i][0] = g_ascii_toupper (parts[i][0]);
    }
  return g_strjoinv ("-", parts);
}

/* A column's meaning from its name; for a purpose, *lang is its language. */
static Column
column_of (const char  *header,
           char       **lang)
{
  g_autofree char *folded = fold (header);

  *lang = NULL;
  for (int column = 0; column < N_COLUMNS; column++)
    {
      if (column == COLUMN_PURPOSE)
        {
          for (guint i = 0; stk_csv_column_names[column][i] != NULL; i++)
            {
              g_autofree char *word = fold (stk_csv_column_names[column][i]);
              const char *rest;
              g_autofree char *code = NULL;

              if (!g_str_has_prefix (folded, word))
                continue;
              rest = folded + strlen (word);
              if (*rest == '\0')
                {
                  *lang = g_strdup ("");
                  return COLUMN_PURPOSE;
                }
              while (*rest == ' ' || *rest == '(' || *rest == '[' || *rest == '.' || *rest == ':')
                rest++;
              code = g_strdup (rest);
              g_strstrip (code);
              if (g_str_has_suffix (code, ")") || g_str_has_suffix (code, "]"))
                code[strlen (code) - 1] = '\0';
              g_strstrip (code);
              if (*code == '\0')
                continue;
              *lang = case_language (code);
              return COLUMN_PURPOSE;
            }
          continue;
        }
      if (word_in (header, stk_csv_column_names[column]))
        return column;
    }
  return COLUMN_IGNORED;
}

static void
row_error (StkCsvImport *self,
           int           line,
           const char   *message)
{
  stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, line, NULL, message);
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  if (word_in (text, stk_csv_yes_words))
    *value = TRUE;
  else if (word_in (text, stk_csv_no_words))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static StkCategory *
find_category (StkPolicy   *policy,
               const char  *text,
               gboolean    *ambiguous)
{
  StkList *categories = stk_policy_get_categories (policy);
  g_autofree char *folded = fold (text);
  StkCategory *found = NULL;

  *ambiguous = FALSE;
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);

      if (g_str_equal (stk_category_get_id (category), text))
        return category;
    }
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      g_auto(GStrv) languages = stk_text_dup_languages (stk_category_get_title (category));
      gboolean match = g_ascii_strcasecmp (stk_category_get_id (category), text) == 0;

      for (guint j = 0; !match && languages[j] != NULL; j++)
        {
          g_autofree char *title = fold (stk_text_get (stk_category_get_title (category),
                                                       languages[j]));

          match = *title != '\0' && g_str_equal (title, folded);
        }
      if (match)
        {
          if (found != NULL && found != category)
            *ambiguous = TRUE;
          found = category;
        }
    }
  return found;
}

static StkProvider *
find_provider (StkPolicy  *policy,
               const char *text)
{
  StkList *providers = stk_policy_get_providers (policy);
  g_autofree char *folded = fold (text);

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    if (g_str_equal (stk_provider_get_name (stk_list_peek (providers, i)), text))
      return stk_list_peek (providers, i);
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      g_autofree char *name = fold (stk_provider_get_name (stk_list_peek (providers, i)));

      if (*name != '\0' && g_str_equal (name, folded))
        return stk_list_peek (providers, i);
    }
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    if (g_str_equal (stk_provider_get_id (stk_list_peek (providers, i)), text))
      return stk_list_peek (providers, i);
  return NULL;
}

static gboolean
texts_equal (StkText *a,
             StkText *b)
{
  g_auto(GStrv) la = stk_text_dup_languages (a);
  g_auto(GStrv) lb = stk_text_dup_languages (b);

  if (g_strv_length (la) != g_strv_length (lb))
    return FALSE;
  for (guint i = 0; la[i] != NULL; i++)
    if (g_strcmp0 (stk_text_get (a, la[i]), stk_text_get (b, la[i])) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
cookies_equal (StkCookie *a,
               StkCookie *b)
{
  return g_str_equal (stk_cookie_get_name (a), stk_cookie_get_name (b))
         && stk_cookie_get_pattern (a) == stk_cookie_get_pattern (b)
         && g_str_equal (stk_cookie_get_domain (a), stk_cookie_get_domain (b))
         && g_str_equal (stk_cookie_get_path (a), stk_cookie_get_path (b))
         && stk_cookie_get_party (a) == stk_cookie_get_party (b)
         && stk_cookie_get_kind (a) == stk_cookie_get_kind (b)
         && stk_cookie_get_duration_unit (a) == stk_cookie_get_duration_unit (b)
         && (stk_cookie_get_duration_unit (a) == STK_UNIT_SESSION
             || stk_cookie_get_duration_value (a) == stk_cookie_get_duration_value (b))
         && stk_cookie_get_delete_on_withdraw (a) == stk_cookie_get_delete_on_withdraw (b)
         && texts_equal (stk_cookie_get_purpose (a), stk_cookie_get_purpose (b));
}

/* The purpose columns hold NULL for the other columns. */
static gboolean
same_language (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

gboolean
stk_csv_read_header (StkCsvImport *self,
                     Record       *record,
                     Header       *header)
{
  const char * const *languages = stk_policy_get_languages (self->policy);
  gboolean ok = TRUE;

  for (int i = 0; i < N_COLUMNS; i++)
    header->index[i] = -1;
  header->purposes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *name = g_ptr_array_index (record->fields, i);
      g_autofree char *lang = NULL;
      Column column = column_of (name, &lang);

      if (column == COLUMN_PURPOSE)
        {
          if (*lang == '\0')
            {
              stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                       _("The column “%s” names no language: write it as "
                                         "Purpose (da) or Formål (en)"), name);
              ok = FALSE;
            }
          else if (!g_strv_contains (languages, lang))
            {
              stk_interop_report_addf (self->report, STK_INTEROP_NOTE_WARNING, record->line,
                                       NULL,
                                       _("The policy has no language “%s”; the column “%s” was "
                                         "not read (add the language to the policy first)"),
                                       lang, name);
              g_ptr_array_add (header->purposes, NULL);
              continue;
            }
          else if (g_ptr_array_find_with_equal_func (header->purposes, lang, same_language, NULL))
            {
              stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                       _("There are two columns for the purpose in “%s”"), lang);
              ok = FALSE;
            }
          g_ptr_array_add (header->purposes, g_steal_pointer (&lang));
          continue;
        }

      g_ptr_array_add (header->purposes, NULL);
      if (column == COLUMN_IGNORED)
        {
          if (*name != '\0')
            stk_interop_report_addf (self->report, STK_INTEROP_NOTE_WARNING, record->line, NULL,
                                     _("Samtykke does not read a column named “%s”; it was "
                                       "left out"), name);
          continue;
        }
      if (header->index[column] >= 0)
        {
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("There are two columns for “%s”"),
                                   stk_csv_column_names[column][0]);
          ok = FALSE;
          continue;
        }
      header->index[column] = (int) i;
    }

  if (header->index[COLUMN_PROVIDER] < 0)
    {
      stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                              _("The first row names no column for the provider (Provider or "
                                "Leverandør)"));
      ok = FALSE;
    }
  if (header->index[COLUMN_NAME] < 0)
    {
      stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                              _("The first row names no column for the cookie’s name (Name or "
                                "Navn)"));
      ok = FALSE;
    }
  return ok;
}

static const char *
field_of (Record       *record,
          const Header *header,
          Column        column)
{
  int index = header->index[column];

  if (index < 0 || (guint) index >= record->fields->len)
    return NULL;
  return g_ptr_array_index (record->fields, index);
}

/* A field trimmed; NULL when the column is absent or the field empty. */
static char *
value_of (Record       *record,
          const Header *header,
          Column        column)
{
  const char *field = field_of (record, header, column);
  char *value;

  if (field == NULL)
    return NULL;
  value = g_strstrip (g_strdup (field));
  /* A "'" that kept a value from being a formula in Excel. */
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@", value[1]) != NULL)
    memmove (value, value + 1, strlen (value));
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static NewProvider *
find_new_provider (StkCsvImport *self,
                   const char   *name)
{
  g_autofree char *folded = fold (name);

  for (guint i = 0; i < self->new_providers->len; i++)
    {
      NewProvider *provider = g_ptr_array_index (self->new_providers, i);
      g_autofree char *other = fold (provider->name);

      if (g_str_equal (folded, other))
        return provider;
    }
  return NULL;
}

/* Whether an earlier row already changes the same cookie; its line, or 0. */
static int
earlier_row (StkCsvImport *self,
             StkProvider  *provider,
             NewProvider  *new_provider,
             StkCookie    *target,
             StkCookie    *values)
{
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = g_ptr_array_index (self->changes, i);

      if (target != NULL && change->target == target)
        return change->line;
      if (target == NULL && change->target == NULL && change->provider == provider
          && change->new_provider == new_provider
          && g_str_equal (stk_cookie_get_name (change->values), stk_cookie_get_name (values))
          && stk_cookie_get_kind (change->values) == stk_cookie_get_kind (values)
          && g_str_equal (stk_cookie_get_domain (change->values), stk_cookie_get_domain (values)))
        return change->line;
    }
  return 0;
}

void
stk_csv_read_row (StkCsvImport *self,
                  Record       *record,
                  const Header *header,
                  guint         n_header_fields)
{
  g_autofree char *provider_text = value_of (record, header, COLUMN_PROVIDER);
  g_autofree char *category_text = value_of (record, header, COLUMN_CATEGORY);
  g_autofree char *name = value_of (record, header, COLUMN_NAME);
  g_autofree char *pattern_text = value_of (record, header, COLUMN_PATTERN);
  g_autofree char *domain = value_of (record, header, COLUMN_DOMAIN);
  g_autofree char *duration_text = value_of (record, header, COLUMN_DURATION);
  g_autofree char *party_text = value_of (record, header, COLUMN_PARTY);
  g_autofree char *kind_text = value_of (record, header, COLUMN_KIND);
  g_autofree char *path = value_of (record, header, COLUMN_PATH);
  g_autofree char *delete_text = value_of (record, header, COLUMN_DELETE);
  g_autoptr(StkCookie) values = NULL;
  StkProvider *provider = NULL;
  NewProvider *new_provider = NULL;
  StkCategory *category = NULL;
  StkCookie *target = NULL;
  gboolean pattern = FALSE, remove = FALSE, ambiguous;
  gint64 duration_value = 0;
  StkUnit unit = STK_UNIT_SESSION;
  StkParty party = STK_PARTY_FIRST;
  StkKind kind = STK_KIND_COOKIE;
  Change *change;
  guint errors_before = stk_interop_report_count (self->report, STK_INTEROP_NOTE_ERROR);
  int earlier;

  if (record->fields->len != n_header_fields)
    {
      stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The row has %u field; the first row has %u",
                                            "The row has %u fields; the first row has %u",
                                            record->fields->len),
                               record->fields->len, n_header_fields);
      return;
    }

  /* Every problem of the row is reported, not only the first. */
  if (provider_text == NULL)
    row_error (self, record->line, _("The row names no provider"));
  if (name == NULL)
    row_error (self, record->line, _("The row names no cookie"));

  if (category_text != NULL)
    {
      category = find_category (self->policy, category_text, &ambiguous);
      if (ambiguous)
        stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                 _("More than one category is called “%s”; write the "
                                   "category’s id"), category_text);
      else if (category == NULL)
        {
          StkList *categories = stk_policy_get_categories (self->policy);
          g_autoptr(GString) ids = g_string_new (NULL);

          for (guint i = 0; i < stk_list_get_n (categories); i++)
            g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                    stk_category_get_id (stk_list_peek (categories, i)));
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("There is no category “%s”; the policy has %s"),
                                   category_text, ids->len > 0 ? ids->str : "–");
        }
    }

  if (pattern_text != NULL && !parse_yes_no (pattern_text, &pattern))
    stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                             _("“%s” is not yes or no (ja or nej) for the pattern"),
                             pattern_text);
  if (delete_text != NULL && !parse_yes_no (delete_text, &remove))
    stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                             _("“%s” is not yes or no (ja or nej) for deletion on withdrawal"),
                             delete_text);
  if (duration_text != NULL && !stk_interop_duration_parse (duration_text, &duration_value, &unit))
    stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                             _("“%s” is not a duration: write session, or a number and a unit "
                               "such as 12 months or 12 måneder"), duration_text);
  else if (duration_text != NULL && unit != STK_UNIT_SESSION
           && duration_value * stk_unit_seconds (unit) > 25 * 366 * G_GINT64_CONSTANT (86400))
    stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                             _("“%s” is longer than 25 years, which no cookie lives"),
                             duration_text);
  if (party_text != NULL)
    {
      if (word_in (party_text, stk_csv_first_words))
        party = STK_PARTY_FIRST;
      else if (word_in (party_text, stk_csv_third_words))
        party = STK_PARTY_THIRD;
      else
        stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                 _("“%s” is not a party: write first party or third party "
                                   "(førstepart or tredjepart)"), party_text);
    }
  if (kind_text != NULL && !stk_interop_kind_parse (kind_text, &kind))
    stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                             _("“%s” is not a kind of storage: write cookie, local storage, "
                               "session storage, IndexedDB or pixel"), kind_text);

  if (stk_interop_report_count (self->report, STK_INTEROP_NOTE_ERROR) > errors_before)
    return;

  /* The provider: an existing one by name or id, else a new one the rows introduce. */
  provider = find_provider (self->policy, provider_text);
  if (provider != NULL)
    {
      if (category != NULL
          && !g_str_equal (stk_category_get_id (category), stk_provider_get_category (provider)))
        {
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("“%s” is in the category “%s”, and a cookie takes its "
                                     "provider’s category: change the provider’s category in "
                                     "the editor, not here"),
                                   provider_text, stk_provider_get_category (provider));
          return;
        }
    }
  else
    {
      new_provider = find_new_provider (self, provider_text);
      if (new_provider == NULL)
        {
          if (category == NULL)
            {
              stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                       _("“%s” is a new provider, which needs a category"),
                                       provider_text);
              return;
            }
          new_provider = g_new0 (NewProvider, 1);
          new_provider->name = g_strdup (provider_text);
          new_provider->category = g_strdup (stk_category_get_id (category));
          new_provider->line = record->line;
          g_ptr_array_add (self->new_providers, new_provider);
        }
      else if (category != NULL
               && !g_str_equal (stk_category_get_id (category), new_provider->category))
        {
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("Line %d put the new provider “%s” in the category “%s”; a "
                                     "provider has one category"),
                                   new_provider->line, provider_text, new_provider->category);
          return;
        }
    }

  /* The cookie: by name, and by kind and domain where the provider has several of a name. */
  if (provider != NULL)
    {
      StkList *cookies = stk_provider_get_cookies (provider);
      guint matches = 0;

      for (int pass = 0; pass < 3 && matches != 1; pass++)
        {
          matches = 0;
          target = NULL;
          for (guint i = 0; i < stk_list_get_n (cookies); i++)
            {
              StkCookie *cookie = stk_list_peek (cookies, i);

              if (!g_str_equal (stk_cookie_get_name (cookie), name))
                continue;
              if (pass >= 1 && kind_text != NULL && stk_cookie_get_kind (cookie) != kind)
                continue;
              if (pass >= 2 && domain != NULL
                  && g_ascii_strcasecmp (stk_cookie_get_domain (cookie), domain) != 0)
                continue;
              matches++;
              target = cookie;
            }
          if (matches == 0)
            break;
        }
      if (matches > 1)
        {
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("“%s” has several items named “%s”; add the Kind and "
                                     "Domain columns to tell them apart"), provider_text, name);
          return;
        }
      if (matches == 0)
        target = NULL;
    }

  if (target != NULL)
    values = stk_cookie_copy (target);
  else
    {
      values = stk_cookie_new ();
      stk_cookie_set_name (values, name);
      stk_cookie_set_pattern (values, strchr (name, '*') != NULL);
    }

  /* An empty field leaves the value as it is. */
  stk_cookie_set_name (values, name);
  if (pattern_text != NULL)
    stk_cookie_set_pattern (values, pattern);
  if (domain != NULL)
    stk_cookie_set_domain (values, domain);
  if (path != NULL)
    stk_cookie_set_path (values, path);
  if (duration_text != NULL)
    {
      stk_cookie_set_duration_unit (values, unit);
      if (unit != STK_UNIT_SESSION)
        stk_cookie_set_duration_value (values, duration_value);
    }
  if (party_text != NULL)
    stk_cookie_set_party (values, party);
  if (kind_text != NULL)
    stk_cookie_set_kind (values, kind);
  if (delete_text != NULL)
    stk_cookie_set_delete_on_withdraw (values, remove);
  for (guint i = 0; i < header->purposes->len && i < record->fields->len; i++)
    {
      const char *lang = g_ptr_array_index (header->purposes, i);
      g_autofree char *text = NULL;

      if (lang == NULL)
        continue;
      text = g_strstrip (g_strdup (g_ptr_array_index (record->fields, i)));
      if (*text != '\0')
        stk_text_set (stk_cookie_get_purpose (values), lang, text);
    }

  earlier = earlier_row (self, provider, new_provider, target, values);
  if (earlier > 0)
    {
      stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                               _("The same cookie as on line %d"), earlier);
      return;
    }

  if (target != NULL && cookies_equal (target, values))
    {
      self->n_unchanged++;
      return;
    }

  change = g_new0 (Change, 1);
  change->provider = provider != NULL ? g_object_ref (provider) : NULL;
  change->new_provider = new_provider;
  change->target = target != NULL ? g_object_ref (target) : NULL;
  change->values = g_steal_pointer (&values);
  change->line = record->line;
  g_ptr_array_add (self->changes, change);
  if (target != NULL)
    self->n_updated++;
  else
    self->n_added++;
}
