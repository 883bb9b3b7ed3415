/* stk-interop.h — policies in and out of other banners' configurations and spreadsheets
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three formats: vanilla-cookieconsent 3 and Klaro 0.7 configurations (one JavaScript file
 * each, which the library runs), and a spreadsheet of the cookies (CSV). Exporting renders a
 * policy into one of them. Importing never changes anything by itself: it gives a report of
 * what could not be carried over and a result, which the caller shows and then takes: a new
 * policy for a configuration (StkConfigImport), or a set of additions and updates for an
 * existing policy (StkCsvImport), applied through the model as one undoable step.
 * docs/interop.md describes every mapping and limit.
 */
#pragma once

#include <gio/gio.h>

#include "stk-policy.h"

G_BEGIN_DECLS

typedef enum
{
  STK_INTEROP_VANILLA_COOKIECONSENT,
  STK_INTEROP_KLARO,
  STK_INTEROP_CSV,
} StkInteropFormat;

GType        stk_interop_format_get_type  (void);
#define STK_TYPE_INTEROP_FORMAT (stk_interop_format_get_type ())

/* "vanilla-cookieconsent", "klaro", "csv". */
const char  *stk_interop_format_to_string (StkInteropFormat  format);
gboolean     stk_interop_format_parse     (const char       *word,
                                           StkInteropFormat *format,
                                           GError          **error);
/* The name of the file an export writes: "cookieconsent-config.js", "klaro-config.js",
 * "cookies.csv". */
const char  *stk_interop_format_file_name (StkInteropFormat  format);

#define STK_INTEROP_ERROR (stk_interop_error_quark ())

typedef enum
{
  STK_INTEROP_ERROR_TOO_LARGE,       /* a file or a value past a limit */
  STK_INTEROP_ERROR_NOT_CONFIG,      /* neither library's configuration */
  STK_INTEROP_ERROR_SYNTAX,          /* not JSON, or not JavaScript that runs */
  STK_INTEROP_ERROR_THREW,           /* the script threw an exception */
  STK_INTEROP_ERROR_TIMEOUT,         /* the script ran past the time limit */
  STK_INTEROP_ERROR_MEMORY,          /* the script took more memory than allowed */
  STK_INTEROP_ERROR_NOTHING_CAPTURED,/* the script ran but configured nothing */
  STK_INTEROP_ERROR_UNAVAILABLE,     /* samtykke-import-js could not be run */
  STK_INTEROP_ERROR_BAD_ROWS,        /* a spreadsheet has bad rows (see the report) */
} StkInteropError;

GQuark       stk_interop_error_quark      (void);

/* Notes and reports */

typedef enum
{
  STK_INTEROP_NOTE_INFO,     /* what was done */
  STK_INTEROP_NOTE_WARNING,  /* something was not carried over */
  STK_INTEROP_NOTE_ERROR,    /* something is wrong: nothing is applied */
} StkInteropSeverity;

GType        stk_interop_severity_get_type (void);
#define STK_TYPE_INTEROP_SEVERITY (stk_interop_severity_get_type ())
/* "note", "warning", "error", untranslated, as the command-line tool prints them. */
const char  *stk_interop_severity_to_string (StkInteropSeverity severity);

#define STK_TYPE_INTEROP_NOTE (stk_interop_note_get_type ())
G_DECLARE_FINAL_TYPE (StkInteropNote, stk_interop_note, STK, INTEROP_NOTE, GObject)

StkInteropSeverity  stk_interop_note_get_severity (StkInteropNote *self);
/* The file the note is about, as the reader was given it; NULL for an export's notes. */
const char         *stk_interop_note_get_file     (StkInteropNote *self);
/* From 1; 0 when the note has no line (a place in a JavaScript object has none). */
int                 stk_interop_note_get_line     (StkInteropNote *self);
int                 stk_interop_note_get_column   (StkInteropNote *self);
/* Where in the source the note points, such as "language.translations.de" or
 * "services[2].onAccept"; NULL when it is about the whole file or a line. */
const char         *stk_interop_note_get_path     (StkInteropNote *self);
/* Translated, without the place. */
const char         *stk_interop_note_get_message  (StkInteropNote *self);
/* The note as one line: "FILE:LINE: message" for a line of a spreadsheet,
 * "FILE:LINE:COL: warning: message [path]" and "FILE: warning: message [path]" otherwise. */
char               *stk_interop_note_to_string    (StkInteropNote *self);

#define STK_TYPE_INTEROP_REPORT (stk_interop_report_get_type ())
G_DECLARE_FINAL_TYPE (StkInteropReport, stk_interop_report, STK, INTEROP_REPORT, GObject)

StkInteropReport   *stk_interop_report_new        (const char       *file);
const char         *stk_interop_report_get_file   (StkInteropReport *self);
/* A GListModel of StkInteropNote, in the order they were found. */
GListModel         *stk_interop_report_get_notes  (StkInteropReport *self);
guint               stk_interop_report_count      (StkInteropReport *self,
                                                   StkInteropSeverity severity);
gboolean            stk_interop_report_has_errors (StkInteropReport *self);
/* Gives every note with a path a line and column in @data, the JSON text the paths are in
 * (a policy for an export's notes, a configuration written as JSON for an import's). */
void                stk_interop_report_locate     (StkInteropReport *self,
                                                   const char       *data,
                                                   gsize             length);
/* Every note as stk_interop_note_to_string() writes it, one a line. */
char               *stk_interop_report_to_string  (StkInteropReport *self);

/* Exporting */

/**
 * StkInteropOptions:
 * @csv_excel: write the spreadsheet for Excel in a Danish locale: a byte-order mark, fields
 *   separated by `;`, and a `'` before a value Excel would take for a formula
 * @csv_language: the language of the spreadsheet's column names and words ("Leverandør" or
 *   "Provider", "måneder" or "months"): "da" or "en"; %NULL for the policy's default language
 *   when it is one of them, else English
 * @site_path: where the declaration pages are published on the site, as for
 *   stk_export_site_path_normalize(); the configurations link the banner to them. %NULL when
 *   they stand beside the pages.
 *
 * What may change how an export is written; all zero is the default.
 */
typedef struct
{
  gboolean    csv_excel;
  const char *csv_language;
  const char *site_path;
} StkInteropOptions;

GBytes     *stk_interop_render           (StkPolicy                *policy,
                                          StkInteropFormat          format,
                                          const StkInteropOptions  *options,
                                          StkInteropReport         *notes,
                                          GError                  **error);
gboolean    stk_interop_export_to_directory (StkPolicy               *policy,
                                             GFile                   *directory,
                                             StkInteropFormat         format,
                                             const StkInteropOptions *options,
                                             StkInteropReport        *notes,
                                             GError                 **error);

/* Importing a configuration */

/* The largest configuration file read, and the bounds of running one written as JavaScript. */
#define STK_CONFIG_MAX_SIZE     (4 << 20)
#define STK_CONFIG_TIME_LIMIT   5    /* seconds */
#define STK_CONFIG_MEMORY_LIMIT 256  /* mebibytes of the process that runs it */

#define STK_TYPE_CONFIG_IMPORT (stk_config_import_get_type ())
G_DECLARE_FINAL_TYPE (StkConfigImport, stk_config_import, STK, CONFIG_IMPORT, GObject)

StkInteropFormat  stk_config_import_get_format (StkConfigImport *self);
StkInteropReport *stk_config_import_get_report (StkConfigImport *self);
/* The new policy, with an empty history; the caller may take it with g_object_ref(). */
StkPolicy        *stk_config_import_get_policy (StkConfigImport *self);

#define STK_TYPE_CONFIG_IMPORTER (stk_config_importer_get_type ())
G_DECLARE_FINAL_TYPE (StkConfigImporter, stk_config_importer, STK, CONFIG_IMPORTER, GObject)

/* Where samtykke-import-js is: $SAMTYKKE_IMPORT_JS when set, else beside the running program
 * in the build folder, else the installed one. */
char             *stk_config_importer_find_program (void);

StkConfigImporter *stk_config_importer_new        (void);
void              stk_config_importer_set_program      (StkConfigImporter *self,
                                                        const char        *program);
void              stk_config_importer_set_time_limit   (StkConfigImporter *self,
                                                        guint              seconds);
void              stk_config_importer_set_memory_limit (StkConfigImporter *self,
                                                        guint              mebibytes);

void              stk_config_importer_read_async  (StkConfigImporter   *self,
                                                   GBytes              *data,
                                                   const char          *display_name,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
StkConfigImport  *stk_config_importer_read_finish (StkConfigImporter   *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* The same, waiting for the result (the command-line tool). */
StkConfigImport  *stk_config_importer_read        (StkConfigImporter   *self,
                                                   GBytes              *data,
                                                   const char          *display_name,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
/* Reads @file (at most STK_CONFIG_MAX_SIZE bytes) and then as stk_config_importer_read_async(). */
void              stk_config_importer_read_file_async  (StkConfigImporter   *self,
                                                        GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
StkConfigImport  *stk_config_importer_read_file_finish (StkConfigImporter   *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Importing a spreadsheet */

#define STK_CSV_MAX_SIZE    (16 << 20)
#define STK_CSV_MAX_ROWS    100000
#define STK_CSV_MAX_COLUMNS 64
#define STK_CSV_MAX_FIELD   65536    /* bytes of one field */

#define STK_TYPE_CSV_IMPORT (stk_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (StkCsvImport, stk_csv_import, STK, CSV_IMPORT, GObject)

StkCsvImport     *stk_csv_import_read             (StkPolicy     *policy,
                                                   const char    *data,
                                                   gsize          length,
                                                   const char    *display_name);
StkInteropReport *stk_csv_import_get_report       (StkCsvImport  *self);
gboolean          stk_csv_import_can_apply        (StkCsvImport  *self);
guint             stk_csv_import_get_n_added      (StkCsvImport  *self);
guint             stk_csv_import_get_n_updated    (StkCsvImport  *self);
guint             stk_csv_import_get_n_unchanged  (StkCsvImport  *self);
guint             stk_csv_import_get_n_providers  (StkCsvImport  *self);
gboolean          stk_csv_import_apply            (StkCsvImport  *self,
                                                   GError       **error);

G_END_DECLS
