/* stk-interop-csv-import.c — changes read from a spreadsheet of cookies, applied to the policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-csv-private.h"

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
  parser.delimiter = stk_csv_guess_delimiter (data, data + length);

  records = g_ptr_array_new_with_free_func (stk_csv_record_free);
  while ((record = stk_csv_read_record (&parser)) != NULL)
    {
      if (record->error == NULL && stk_csv_record_is_empty (record))
        {
          stk_csv_record_free (record);
          continue;
        }
      if (records->len > STK_CSV_MAX_ROWS)
        {
          stk_interop_report_addf (self->report, STK_INTEROP_NOTE_ERROR, record->line, NULL,
                                   _("The spreadsheet has more than %d rows, the most Samtykke "
                                     "reads"), STK_CSV_MAX_ROWS);
          stk_csv_record_free (record);
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
  if (!stk_csv_read_header (self, record, &header))
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
        stk_csv_read_row (self, row, &header, record->fields->len);
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

