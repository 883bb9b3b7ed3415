/* stk-interop-csv-private.h — the spreadsheet's columns, records and import, shared by its files
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-interop-private.h"
#include "stk-policy.h"

G_BEGIN_DECLS

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
extern const char * const stk_csv_column_names[N_COLUMNS][8];
/* The values of a yes-or-no column and of the party column, English and Danish first. */
extern const char * const stk_csv_yes_words[];
extern const char * const stk_csv_no_words[];
extern const char * const stk_csv_first_words[];
extern const char * const stk_csv_third_words[];

/* Reading records (stk-interop-csv.c) */

typedef struct
{
  GPtrArray *fields;
  int        line;      /* where the record starts */
  char      *error;     /* why the record cannot be read, or NULL */
} Record;

typedef struct
{
  const char *p;
  const char *end;
  int         line;
  char        delimiter;
} Parser;

char     stk_csv_guess_delimiter (const char *p,
                                  const char *end);
Record  *stk_csv_read_record     (Parser     *parser);
gboolean stk_csv_record_is_empty (Record     *record);
void     stk_csv_record_free     (gpointer    data);

/* The import (stk-interop-csv-import.c) */

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

/* Reading the header row and the rows (stk-interop-csv-rows.c) */

/* The columns of the header row */
typedef struct
{
  int        index[N_COLUMNS];   /* the field of each column, or -1 */
  GPtrArray *purposes;           /* language codes, one for each field (NULL: not a purpose) */
} Header;

gboolean stk_csv_read_header     (StkCsvImport *self,
                                  Record       *record,
                                  Header       *header);
void     stk_csv_read_row        (StkCsvImport *self,
                                  Record       *record,
                                  const Header *header,
                                  guint         n_header_fields);

G_END_DECLS
