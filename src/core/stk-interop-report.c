/* stk-interop-report.c — what an import or an export to another format could not carry over
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stk-interop-private.h"
#include "stk-path.h"

G_DEFINE_QUARK (stk-interop-error-quark, stk_interop_error)

G_DEFINE_ENUM_TYPE (StkInteropFormat, stk_interop_format,
                    G_DEFINE_ENUM_VALUE (STK_INTEROP_VANILLA_COOKIECONSENT, "vanilla-cookieconsent"),
                    G_DEFINE_ENUM_VALUE (STK_INTEROP_KLARO, "klaro"),
                    G_DEFINE_ENUM_VALUE (STK_INTEROP_CSV, "csv"))

G_DEFINE_ENUM_TYPE (StkInteropSeverity, stk_interop_severity,
                    G_DEFINE_ENUM_VALUE (STK_INTEROP_NOTE_INFO, "note"),
                    G_DEFINE_ENUM_VALUE (STK_INTEROP_NOTE_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (STK_INTEROP_NOTE_ERROR, "error"))

/**
 * stk_interop_format_to_string:
 * @format: a format
 *
 * Returns: the format's name as the command-line tool takes it
 */
const char *
stk_interop_format_to_string (StkInteropFormat format)
{
  switch (format)
    {
    case STK_INTEROP_VANILLA_COOKIECONSENT: return "vanilla-cookieconsent";
    case STK_INTEROP_KLARO:                 return "klaro";
    case STK_INTEROP_CSV:                   return "csv";
    default:                                g_return_val_if_reached ("");
    }
}

/**
 * stk_interop_format_parse:
 * @word: "vanilla-cookieconsent", "klaro" or "csv"
 * @format: (out): the format named
 * @error: where an unknown word is reported
 *
 * Returns: whether @word names a format
 */
gboolean
stk_interop_format_parse (const char        *word,
                          StkInteropFormat  *format,
                          GError           **error)
{
  static const StkInteropFormat formats[] = {
    STK_INTEROP_VANILLA_COOKIECONSENT, STK_INTEROP_KLARO, STK_INTEROP_CSV,
  };

  for (guint i = 0; word != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (word, stk_interop_format_to_string (formats[i])))
      {
        *format = formats[i];
        return TRUE;
      }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: the names after "expected" are written as they are. */
               _("Unknown format “%s”; expected vanilla-cookieconsent, klaro or csv"),
               word != NULL ? word : "");
  return FALSE;
}

/**
 * stk_interop_format_file_name:
 * @format: a format
 *
 * Returns: the name of the one file an export in @format writes
 */
const char *
stk_interop_format_file_name (StkInteropFormat format)
{
  switch (format)
    {
    case STK_INTEROP_VANILLA_COOKIECONSENT: return "cookieconsent-config.js";
    case STK_INTEROP_KLARO:                 return "klaro-config.js";
    case STK_INTEROP_CSV:                   return "cookies.csv";
    default:                                g_return_val_if_reached ("");
    }
}

/**
 * stk_interop_severity_to_string:
 * @severity: a severity
 *
 * Returns: "note", "warning" or "error", untranslated, for lines tools read
 */
const char *
stk_interop_severity_to_string (StkInteropSeverity severity)
{
  switch (severity)
    {
    case STK_INTEROP_NOTE_INFO:    return "note";
    case STK_INTEROP_NOTE_WARNING: return "warning";
    case STK_INTEROP_NOTE_ERROR:   return "error";
    default:                       g_return_val_if_reached ("");
    }
}

/* Notes */

struct _StkInteropNote
{
  GObject            parent_instance;

  StkInteropSeverity severity;
  char              *file;
  int                line;
  int                column;
  char              *path;
  char              *message;
};

G_DEFINE_FINAL_TYPE (StkInteropNote, stk_interop_note, G_TYPE_OBJECT)

static void
stk_interop_note_finalize (GObject *object)
{
  StkInteropNote *self = STK_INTEROP_NOTE (object);

  g_free (self->file);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (stk_interop_note_parent_class)->finalize (object);
}

static void
stk_interop_note_class_init (StkInteropNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_interop_note_finalize;
}

static void
stk_interop_note_init (StkInteropNote *self)
{
}

StkInteropSeverity
stk_interop_note_get_severity (StkInteropNote *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), STK_INTEROP_NOTE_ERROR);
  return self->severity;
}

const char *
stk_interop_note_get_file (StkInteropNote *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), NULL);
  return self->file;
}

int
stk_interop_note_get_line (StkInteropNote *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), 0);
  return self->line;
}

int
stk_interop_note_get_column (StkInteropNote *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), 0);
  return self->column;
}

const char *
stk_interop_note_get_path (StkInteropNote *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), NULL);
  return self->path;
}

const char *
stk_interop_note_get_message (StkInteropNote *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), NULL);
  return self->message;
}

/**
 * stk_interop_note_to_string:
 * @self: a note
 *
 * The note as the command-line tool prints it. A spreadsheet's line reads
 * `FILE:LINE: message` (the form spreadsheet users and scripts expect); any other note
 * `FILE:LINE:COL: warning: message [path]`, with the parts it has.
 *
 * Returns: (transfer full): the line, without a newline
 */
char *
stk_interop_note_to_string (StkInteropNote *self)
{
  GString *text;

  g_return_val_if_fail (STK_IS_INTEROP_NOTE (self), NULL);

  text = g_string_new (NULL);
  if (self->file != NULL)
    {
      g_string_append (text, self->file);
      if (self->line > 0)
        g_string_append_printf (text, ":%d", self->line);
      if (self->column > 0)
        g_string_append_printf (text, ":%d", self->column);
      g_string_append (text, ": ");
    }
  /* A line without a column is a spreadsheet's: its errors read FILE:LINE: message. */
  if (!(self->line > 0 && self->column == 0 && self->severity == STK_INTEROP_NOTE_ERROR))
    g_string_append_printf (text, "%s: ", stk_interop_severity_to_string (self->severity));
  g_string_append (text, self->message);
  if (self->path != NULL && *self->path != '\0')
    g_string_append_printf (text, " [%s]", self->path);

  return g_string_free (text, FALSE);
}

/* Reports */

struct _StkInteropReport
{
  GObject     parent_instance;

  char       *file;
  GListStore *notes;
};

G_DEFINE_FINAL_TYPE (StkInteropReport, stk_interop_report, G_TYPE_OBJECT)

static void
stk_interop_report_finalize (GObject *object)
{
  StkInteropReport *self = STK_INTEROP_REPORT (object);

  g_free (self->file);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (stk_interop_report_parent_class)->finalize (object);
}

static void
stk_interop_report_class_init (StkInteropReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_interop_report_finalize;
}

static void
stk_interop_report_init (StkInteropReport *self)
{
  self->notes = g_list_store_new (STK_TYPE_INTEROP_NOTE);
}

/**
 * stk_interop_report_new:
 * @file: (nullable): the name of the file the notes are about, as it is shown
 *
 * Returns: (transfer full): an empty report
 */
StkInteropReport *
stk_interop_report_new (const char *file)
{
  StkInteropReport *self = g_object_new (STK_TYPE_INTEROP_REPORT, NULL);

  self->file = g_strdup (file);
  return self;
}

const char *
stk_interop_report_get_file (StkInteropReport *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_REPORT (self), NULL);
  return self->file;
}

/**
 * stk_interop_report_get_notes:
 * @self: a report
 *
 * Returns: (transfer none): a #GListModel of #StkInteropNote, in the order they were found
 */
GListModel *
stk_interop_report_get_notes (StkInteropReport *self)
{
  g_return_val_if_fail (STK_IS_INTEROP_REPORT (self), NULL);
  return G_LIST_MODEL (self->notes);
}

guint
stk_interop_report_count (StkInteropReport   *self,
                          StkInteropSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (STK_IS_INTEROP_REPORT (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
    {
      g_autoptr(StkInteropNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (note->severity == severity)
        count++;
    }

  return count;
}

gboolean
stk_interop_report_has_errors (StkInteropReport *self)
{
  return stk_interop_report_count (self, STK_INTEROP_NOTE_ERROR) > 0;
}

/**
 * stk_interop_report_to_string:
 * @self: a report
 *
 * Returns: (transfer full): every note as stk_interop_note_to_string() writes it, each ending
 *   in a newline; "" for an empty report
 */
char *
stk_interop_report_to_string (StkInteropReport *self)
{
  GString *text;

  g_return_val_if_fail (STK_IS_INTEROP_REPORT (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
    {
      g_autoptr(StkInteropNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);
      g_autofree char *line = stk_interop_note_to_string (note);

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

void
stk_interop_report_add (StkInteropReport   *self,
                        StkInteropSeverity  severity,
                        int                 line,
                        const char         *path,
                        const char         *message)
{
  g_autoptr(StkInteropNote) note = NULL;

  g_return_if_fail (STK_IS_INTEROP_REPORT (self));

  note = g_object_new (STK_TYPE_INTEROP_NOTE, NULL);
  note->severity = severity;
  note->file = g_strdup (self->file);
  note->line = line;
  note->path = g_strdup (path);
  note->message = g_strdup (message);
  g_list_store_append (self->notes, note);
}

void
stk_interop_report_addf (StkInteropReport   *self,
                         StkInteropSeverity  severity,
                         int                 line,
                         const char         *path,
                         const char         *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  stk_interop_report_add (self, severity, line, path, message);
}

void
stk_interop_report_locate (StkInteropReport *self,
                           const char       *data,
                           gsize             length)
{
  g_return_if_fail (STK_IS_INTEROP_REPORT (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
    {
      g_autoptr(StkInteropNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);
      g_autoptr(StkPath) path = NULL;
      int line, column;

      if (note->path == NULL || note->line > 0)
        continue;
      path = stk_path_parse (note->path);
      if (path != NULL && stk_path_locate (path, data, length, &line, &column))
        {
          note->line = line;
          note->column = column;
        }
    }
}
