/* stk-interop-csv.c — the policy's cookies as a spreadsheet (CSV), and changes read back from one
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spreadsheet has one row per cookie: provider, category, name, pattern, domain, duration,
 * party, kind and the purpose in each of the policy's languages. It is written as RFC 4180
 * (UTF-8, fields separated by "," and quoted with '"' where needed, lines ending in CRLF), or
 * for Excel in a Danish locale (a byte-order mark, ";" between fields, and a "'" before a value
 * Excel would run as a formula). Reading takes either, finds the columns by their names in
 * Danish or English in any order, and turns each row into an addition or an update of a
 * cookie of an existing policy; every bad row is reported with its line, and a spreadsheet
 * with any bad row changes nothing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-private.h"
#include "stk-policy.h"

typedef enum
{
  COLUMN_PROVIDER,
  COLUMN_CATEGORY,
  COLUMN_NAME,
  COLUMN_PATTERN,
  COLUMN_DOMAIN,
  COLUMN_DURATION,
  COLUMN_PARTY,
  COLUMN_KIND,
  COLUMN_PATH,
  COLUMN_DELETE,
  COLUMN_PURPOSE,
  N_COLUMNS,
  COLUMN_IGNORED = N_COLUMNS,
} Column;

/* The names of the columns: what the writer writes in English and in Danish first, then what
 * the reader also takes. Compared without case and with runs of white space as one space. */
static const char * const column_names[N_COLUMNS][8] = {
  [COLUMN_PROVIDER] = { "Provider", "Leverandør", "supplier", "leverandor", NULL },
  [COLUMN_CATEGORY] = { "Category", "Kategori", NULL },
  [COLUMN_NAME]     = { "Name", "Navn", "cookie", "cookie name", "cookienavn", NULL },
  [COLUMN_PATTERN]  = { "Pattern", "Mønster", "wildcard", NULL },
  [COLUMN_DOMAIN]   = { "Domain", "Domæne", "domaene", NULL },
  [COLUMN_DURATION] = { "Duration", "Varighed", "expiry", "lifetime", "levetid", "udløb", NULL },
  [COLUMN_PARTY]    = { "Party", "Part", NULL },
  [COLUMN_KIND]     = { "Kind", "Type", NULL },
  [COLUMN_PATH]     = { "Path", "Sti", NULL },
  [COLUMN_DELETE]   = { "Deleted on withdrawal", "Slettes ved tilbagetrækning",
                        "delete on withdraw", NULL },
  [COLUMN_PURPOSE]  = { "Purpose", "Formål", NULL },
};

static const char * const yes_words[] = { "yes", "ja", "true", "1", "x", "y", "j", NULL };
static const char * const no_words[] = { "no", "nej", "false", "0", "n", NULL };
static const char * const first_words[] = {
  "first party", "førstepart", "first", "første", "first-party", "1st party", "1st", NULL
};
static const char * const third_words[] = {
  "third party", "tredjepart", "third", "tredje", "third-party", "3rd party", "3rd", NULL
};

/* Writing */

static void
append_field (GString    *out,
              const char *value,
              char        delimiter,
              gboolean    excel)
{
  gboolean quote = FALSE;

  value = value != NULL ? value : "";
  for (const char *p = value; *p != '\0'; p++)
    if (*p == delimiter || *p == '"' || *p == '\r' || *p == '\n')
      quote = TRUE;
  /* Excel runs a cell that starts like a formula; a "'" keeps it text. */
  if (excel && *value != '\0' && strchr ("=+-@\t\r", *value) != NULL)
    {
      g_string_append_c (out, '"');
      g_string_append_c (out, '\'');
      quote = TRUE;
    }
  else if (quote)
    g_string_append_c (out, '"');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

GBytes *
stk_interop_csv_render (StkPolicy  *policy,
                        gboolean    excel,
                        const char *language)
{
  GString *out = g_string_new (NULL);
  char delimiter = excel ? ';' : ',';
  gboolean danish = g_strcmp0 (language, "da") == 0;
  const char * const *languages = stk_policy_get_languages (policy);
  StkList *providers = stk_policy_get_providers (policy);

  if (excel)
    g_string_append (out, "\xef\xbb\xbf");

  for (int column = COLUMN_PROVIDER; column <= COLUMN_KIND; column++)
    {
      if (column > COLUMN_PROVIDER)
        g_string_append_c (out, delimiter);
      append_field (out, column_names[column][danish ? 1 : 0], delimiter, excel);
    }
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%s)", column_names[COLUMN_PURPOSE][danish],
                                               languages[i]);

      g_string_append_c (out, delimiter);
      append_field (out, name, delimiter, excel);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkList *cookies = stk_provider_get_cookies (provider);
      StkCategory *category = stk_policy_find_category (policy,
                                                        stk_provider_get_category (provider));
      const char *provider_name = *stk_provider_get_name (provider) != '\0'
                                  ? stk_provider_get_name (provider)
                                  : stk_provider_get_id (provider);
      const char *category_name = stk_provider_get_category (provider);

      if (category != NULL)
        {
          const char *title = stk_text_lookup (stk_category_get_title (category), language);

          if (title != NULL && *title != '\0')
            category_name = title;
        }

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);
          g_autofree char *duration =
            stk_interop_duration_words (stk_cookie_get_duration_value (cookie),
                                        stk_cookie_get_duration_unit (cookie), language);
          const char *fields[] = {
            provider_name,
            category_name,
            stk_cookie_get_name (cookie),
            stk_cookie_get_pattern (cookie) ? (danish ? "ja" : "yes") : (danish ? "nej" : "no"),
            stk_cookie_get_domain (cookie),
            duration,
            stk_cookie_get_party (cookie) == STK_PARTY_FIRST ? first_words[danish]
                                                             : third_words[danish],
            stk_interop_kind_words (stk_cookie_get_kind (cookie)),
          };

          for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
            {
              if (k > 0)
                g_string_append_c (out, delimiter);
              append_field (out, fields[k], delimiter, excel);
            }
          for (guint k = 0; languages[k] != NULL; k++)
            {
              g_string_append_c (out, delimiter);
              append_field (out, stk_text_lookup (stk_cookie_get_purpose (cookie), languages[k]),
                            delimiter, excel);
            }
          g_string_append (out, "\r\n");
        }
    }

  return g_string_free_to_bytes (out);
}

/* Reading records */

typedef struct
{
  GPtrArray *fields;
  int        line;      /* where the record starts */
  char      *error;     /* why the record cannot be read, or NULL */
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record->error);
  g_free (record);
}

/* The delimiter of the first line: the one of ",", ";" and tab it has most of outside quotes. */
static char
guess_delimiter (const char *p,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

typedef struct
{
  const char *p;
  const char *end;
  int         line;
  char        delimiter;
} Parser;

/* Moves past the end of the line: for a record that went wrong, the rest of its line. */
static void
skip_line (Parser *parser)
{
  while (parser->p < parser->end && *parser->p != '\n' && *parser->p != '\r')
    parser->p++;
}

static gboolean
take_line_end (Parser *parser)
{
  if (parser->p < parser->end && *parser->p == '\r')
    {
      parser->p++;
      if (parser->p < parser->end && *parser->p == '\n')
        parser->p++;
      parser->line++;
      return TRUE;
    }
  if (parser->p < parser->end && *parser->p == '\n')
    {
      parser->p++;
      parser->line++;
      return TRUE;
    }
  return FALSE;
}

/* One record; NULL at the end of the text. */
static Record *
read_record (Parser *parser)
{
  Record *record;
  GString *field = NULL;

  if (parser->p >= parser->end)
    return NULL;

  record = g_new0 (Record, 1);
  record->fields = g_ptr_array_new_with_free_func (g_free);
  record->line = parser->line;

  for (;;)
    {
      field = g_string_new (NULL);

      if (parser->p < parser->end && *parser->p == '"')
        {
          int opened = parser->line;

          parser->p++;
          for (;;)
            {
              if (parser->p >= parser->end)
                {
                  record->error = g_strdup_printf (_("The quoted field that starts on line %d "
                                                     "has no closing quote"), opened);
                  g_string_free (field, TRUE);
                  return record;
                }
              if (*parser->p == '"')
                {
                  if (parser->p + 1 < parser->end && parser->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      parser->p += 2;
                      continue;
                    }
                  parser->p++;
                  break;
                }
              if (*parser->p == '\r' || *parser->p == '\n')
                {
                  /* A line break inside quotes is part of the field. The policy's texts
                   * break lines with LF, so a CRLF or a lone CR becomes one: a sheet saved
                   * on another system then reads as the same text. */
                  if (*parser->p == '\r' && parser->p + 1 < parser->end && parser->p[1] == '\n')
                    parser->p++;
                  parser->p++;
                  parser->line++;
                  g_string_append_c (field, '\n');
                  if (field->len > STK_CSV_MAX_FIELD)
                    break;
                  continue;
                }
              g_string_append_c (field, *parser->p++);
              if (field->len > STK_CSV_MAX_FIELD)
                break;
            }
          if (field->len <= STK_CSV_MAX_FIELD && parser->p < parser->end
              && *parser->p != parser->delimiter && *parser->p != '\r' && *parser->p != '\n'
              && record->error == NULL)
            record->error = g_strdup_printf (_("Only “%c” or the end of the line may follow a "
                                               "closing quote"), parser->delimiter);
        }
      else
        {
          while (parser->p < parser->end && *parser->p != parser->delimiter
                 && *parser->p != '\r' && *parser->p != '\n')
            {
              if (*parser->p == '"' && record->error == NULL)
                record->error = g_strdup (_("A quote in a field that does not start with one: "
                                            "quote the whole field and double the quotes in "
                                            "it (\"a \"\"b\"\" c\")"));
              g_string_append_c (field, *parser->p++);
              if (field->len > STK_CSV_MAX_FIELD)
                break;
            }
        }

      if (field->len > STK_CSV_MAX_FIELD)
        {
          g_free (record->error);
          record->error = g_strdup_printf (_("A field is longer than %d bytes, the most "
                                             "Samtykke reads"), STK_CSV_MAX_FIELD);
          g_string_free (field, TRUE);
          /* The rest of the field may run over several lines: the record ends here. */
          skip_line (parser);
          take_line_end (parser);
          return record;
        }

      g_ptr_array_add (record->fields, g_string_free (field, FALSE));
      if (record->fields->len > STK_CSV_MAX_COLUMNS && record->error == NULL)
        record->error = g_strdup_printf (_("The row has more than %d fields, the most Samtykke "
                                           "reads"), STK_CSV_MAX_COLUMNS);

      if (record->error != NULL)
        skip_line (parser);
      if (parser->p < parser->end && *parser->p == parser->delimiter)
        {
          parser->p++;
          continue;
        }
      take_line_end (parser);
      return record;
    }
}

static gboolean
record_is_empty (Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *field = g_ptr_array_index (record->fields, i);

      for (const char *p = field; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/* The import */

typedef struct
{
  char       *name;
  char       *category;   /* the category's id */
  int         line;       /* the first row that named it */
  StkProvider *built;     /* when applied */
} NewProvider;

typedef struct
{
  StkProvider *provider;      /* an existing provider, or NULL */
  NewProvider *new_provider;  /* else this one */
  StkCookie   *target;        /* the cookie updated, or NULL for an addition */
  StkCookie   *values;        /* the cookie as the row leaves it, detached */
  int          line;
} Change;

struct _StkCsvImport
{
  GObject           parent_instance;

  StkPolicy        *policy;
  StkInteropReport *report;
  GPtrArray        *new_providers;
  GPtrArray        *changes;      /* additions and updates, in the order of the rows */
  guint             n_added;
  guint             n_updated;
  guint             n_unchanged;
  gboolean          applied;
};

G_DEFINE_FINAL_TYPE (StkCsvImport, stk_csv_import, G_TYPE_OBJECT)

static void
new_provider_free (gpointer data)
{
  NewProvider *provider = data;

  g_free (provider->name);
  g_free (provider->category);
  g_free (provider);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->provider);
  g_clear_object (&change->target);
  g_clear_object (&change->values);
  g_free (change);
}

static void
stk_csv_import_finalize (GObject *object)
{
  StkCsvImport *self = STK_CSV_IMPORT (object);

  g_clear_object (&self->policy);
  g_clear_object (&self->report);
  g_clear_pointer (&self->new_providers, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_csv_import_parent_class)->finalize (object);
}

static void
stk_csv_import_class_init (StkCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_csv_import_finalize;
}

static void
stk_csv_import_init (StkCsvImport *self)
{
  self->new_providers = g_ptr_array_new_with_free_func (new_provider_free);
  self->changes = g_ptr_array_new_with_free_func (change_free);
}

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
          for (guint i = 0; column_names[column][i] != NULL; i++)
            {
              g_autofree char *word = fold (column_names[column][i]);
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
      if (word_in (header, column_names[column]))
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
  if (word_in (text, yes_words))
    *value = TRUE;
  else if (word_in (text, no_words))
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

/* The columns of the header row */
typedef struct
{
  int        index[N_COLUMNS];   /* the field of each column, or -1 */
  GPtrArray *purposes;           /* language codes, one for each field (NULL: not a purpose) */
} Header;

static gboolean
read_header (StkCsvImport *self,
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
                                   column_names[column][0]);
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

static void
read_row (StkCsvImport *self,
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
      if (word_in (party_text, first_words))
        party = STK_PARTY_FIRST;
      else if (word_in (party_text, third_words))
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

/**
 * stk_csv_import_read:
 * @policy: the policy the spreadsheet's rows change
 * @data: the spreadsheet's bytes
 * @length: their length
 * @display_name: the file's name, for the report ("cookies.csv")
 *
 * Reads a spreadsheet of cookies (RFC 4180 or Excel's, see the file's description) against
 * @policy, changing nothing: each row becomes an addition of a cookie, or an update of the
 * cookie of the same provider and name, and a provider the policy does not have is added with
 * the row's category. The report lists every bad row as `FILE:LINE: message`; then
 * stk_csv_import_can_apply() is %FALSE.
 *
 * Returns: (transfer full): the import, never %NULL
 */
StkCsvImport *
stk_csv_import_read (StkPolicy  *policy,
                     const char *data,
                     gsize       length,
                     const char *display_name)
{
  g_autoptr(StkCsvImport) self = NULL;
  g_autoptr(GPtrArray) records = NULL;
  Header header = { { 0 }, NULL };
  Parser parser;
  const char *end = NULL;
  Record *record;
  guint first;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  self = g_object_new (STK_TYPE_CSV_IMPORT, NULL);
  self->policy = g_object_ref (policy);
  self->report = stk_interop_report_new (display_name != NULL ? display_name : "cookies.csv");

  if (length > STK_CSV_MAX_SIZE)
    {
      stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, 1, NULL,
                               _("The file is larger than %d MiB, the most Samtykke reads as a "
                                 "spreadsheet"), STK_CSV_MAX_SIZE >> 20);
      return g_steal_pointer (&self);
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      int line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, line, NULL,
                              _("The file is not UTF-8 text: save the spreadsheet as “CSV "
                                "UTF-8”"));
      return g_steal_pointer (&self);
    }

  parser.p = data;
  parser.end = data + length;
  parser.line = 1;
  parser.delimiter = guess_delimiter (data, data + length);

  records = g_ptr_array_new_with_free_func (record_free);
  while ((record = read_record (&parser)) != NULL)
    {
      if (record->error == NULL && record_is_empty (record))
        {
          record_free (record);
          continue;
        }
      if (records->len > STK_CSV_MAX_ROWS)
        {
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("The spreadsheet has more than %d rows, the most Samtykke "
                                     "reads"), STK_CSV_MAX_ROWS);
          record_free (record);
          return g_steal_pointer (&self);
        }
      g_ptr_array_add (records, record);
    }

  if (records->len == 0)
    {
      stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, 1, NULL,
                              _("The spreadsheet is empty: its first row names the columns"));
      return g_steal_pointer (&self);
    }

  record = g_ptr_array_index (records, 0);
  if (record->error != NULL)
    {
      stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                              record->error);
      return g_steal_pointer (&self);
    }
  if (!read_header (self, record, &header))
    {
      g_ptr_array_unref (header.purposes);
      return g_steal_pointer (&self);
    }

  for (first = 1; first < records->len; first++)
    {
      Record *row = g_ptr_array_index (records, first);

      if (row->error != NULL)
        stk_interop_report_add (self->report, STK_INTEROP_NOTE_ERROR, row->line, NULL,
                                row->error);
      else
        read_row (self, row, &header, record->fields->len);
    }
  g_ptr_array_unref (header.purposes);

  if (stk_interop_report_has_errors (self->report))
    {
      g_ptr_array_set_size (self->changes, 0);
      g_ptr_array_set_size (self->new_providers, 0);
      self->n_added = self->n_updated = self->n_unchanged = 0;
    }
  else
    stk_interop_report_addf (self->report, STK_INTEROP_NOTE_INFO, 0, NULL,
                             /* Translators: numbers of cookies added, changed and left as
                              * they were, and of providers added. */
                             _("%u cookies to add, %u to change and %u unchanged; %u new "
                               "providers"),
                             self->n_added, self->n_updated, self->n_unchanged,
                             self->new_providers->len);

  return g_steal_pointer (&self);
}

/**
 * stk_csv_import_get_report:
 * @self: an import
 *
 * Returns: (transfer none): the bad rows and what was left out, and a summary
 */
StkInteropReport *
stk_csv_import_get_report (StkCsvImport *self)
{
  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), NULL);
  return self->report;
}

/**
 * stk_csv_import_can_apply:
 * @self: an import
 *
 * Returns: whether no row is bad (and the import was not applied yet)
 */
gboolean
stk_csv_import_can_apply (StkCsvImport *self)
{
  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), FALSE);
  return !self->applied && !stk_interop_report_has_errors (self->report);
}

guint
stk_csv_import_get_n_added (StkCsvImport *self)
{
  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), 0);
  return self->n_added;
}

guint
stk_csv_import_get_n_updated (StkCsvImport *self)
{
  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), 0);
  return self->n_updated;
}

guint
stk_csv_import_get_n_unchanged (StkCsvImport *self)
{
  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), 0);
  return self->n_unchanged;
}

guint
stk_csv_import_get_n_providers (StkCsvImport *self)
{
  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), 0);
  return self->new_providers->len;
}

static void
copy_into (StkCookie *target,
           StkCookie *values)
{
  stk_cookie_set_name (target, stk_cookie_get_name (values));
  stk_cookie_set_pattern (target, stk_cookie_get_pattern (values));
  stk_cookie_set_domain (target, stk_cookie_get_domain (values));
  stk_cookie_set_path (target, stk_cookie_get_path (values));
  stk_cookie_set_party (target, stk_cookie_get_party (values));
  stk_cookie_set_kind (target, stk_cookie_get_kind (values));
  stk_cookie_set_duration_unit (target, stk_cookie_get_duration_unit (values));
  stk_cookie_set_duration_value (target, stk_cookie_get_duration_value (values));
  stk_cookie_set_delete_on_withdraw (target, stk_cookie_get_delete_on_withdraw (values));
  stk_text_copy_from (stk_cookie_get_purpose (target), stk_cookie_get_purpose (values));
}

/**
 * stk_csv_import_apply:
 * @self: an import without bad rows
 * @error: why it cannot be applied
 *
 * Makes the changes in the policy the spreadsheet was read against, through the model, as one
 * step of its history: one undo takes the whole import back. Apply right after reading (and
 * showing the report), before the policy changes otherwise.
 *
 * Returns: whether the changes were made
 */
gboolean
stk_csv_import_apply (StkCsvImport  *self,
                      GError       **error)
{
  StkHistory *history;
  StkList *providers;
  g_autoptr(GHashTable) ids = NULL;

  g_return_val_if_fail (STK_IS_CSV_IMPORT (self), FALSE);

  if (stk_interop_report_has_errors (self->report))
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_BAD_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u row is bad; nothing was changed",
                                "%s: %u rows are bad; nothing was changed",
                                stk_interop_report_count (self->report, STK_INTEROP_NOTE_ERROR)),
                   stk_interop_report_get_file (self->report),
                   stk_interop_report_count (self->report, STK_INTEROP_NOTE_ERROR));
      return FALSE;
    }
  g_return_val_if_fail (!self->applied, FALSE);

  history = stk_policy_get_history (self->policy);
  providers = stk_policy_get_providers (self->policy);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    g_hash_table_add (ids, g_strdup (stk_provider_get_id (stk_list_peek (providers, i))));

  stk_history_begin_group (history);
  for (guint i = 0; i < self->new_providers->len; i++)
    {
      NewProvider *new_provider = g_ptr_array_index (self->new_providers, i);
      g_autoptr(StkProvider) provider = stk_provider_new ();
      g_autofree char *id = stk_interop_make_id (new_provider->name, ids);

      stk_provider_set_id (provider, id);
      stk_provider_set_name (provider, new_provider->name);
      stk_provider_set_category (provider, new_provider->category);
      stk_list_append (providers, provider);
      new_provider->built = provider;
    }
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = g_ptr_array_index (self->changes, i);

      if (change->target != NULL)
        copy_into (change->target, change->values);
      else
        {
          StkProvider *provider = change->provider != NULL ? change->provider
                                                           : change->new_provider->built;
          g_autoptr(StkCookie) cookie = stk_cookie_copy (change->values);

          stk_list_append (stk_provider_get_cookies (provider), cookie);
        }
    }
  stk_history_end_group (history);

  self->applied = TRUE;
  return TRUE;
}
