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
 *
 * This file holds the columns, the writer and the reading of records (fields split at the
 * delimiter, quotes undone); stk-interop-csv-rows.c gives the header row and each row their
 * meaning, and stk-interop-csv-import.c holds the import that gathers them and applies them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-csv-private.h"


/* The names of the columns: what the writer writes in English and in Danish first, then what
 * the reader also takes. Compared without case and with runs of white space as one space. */
const char * const stk_csv_column_names[N_COLUMNS][8] = {
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

const char * const stk_csv_yes_words[] = { "yes", "ja", "true", "1", "x", "y", "j", NULL };
const char * const stk_csv_no_words[] = { "no", "nej", "false", "0", "n", NULL };
const char * const stk_csv_first_words[] = {
  "first party", "førstepart", "first", "første", "first-party", "1st party", "1st", NULL
};
const char * const stk_csv_third_words[] = {
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
      append_field (out, stk_csv_column_names[column][danish ? 1 : 0], delimiter, excel);
    }
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%s)",
                                               stk_csv_column_names[COLUMN_PURPOSE][danish],
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
            stk_cookie_get_party (cookie) == STK_PARTY_FIRST ? stk_csv_first_words[danish]
                                                             : stk_csv_third_words[danish],
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

void
stk_csv_record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record->error);
  g_free (record);
}

/* The delimiter of the first line: the one of ",", ";" and tab it has most of outside quotes. */
char
stk_csv_guess_delimiter (const char *p,
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
Record *
stk_csv_read_record (Parser *parser)
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

gboolean
stk_csv_record_is_empty (Record *record)
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

