/* stk-interop-export.c — writing a policy as another banner's configuration or a spreadsheet
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stk-core-private.h"
#include "stk-error.h"
#include "stk-export.h"
#include "stk-interop-private.h"
#include "stk-validate.h"

/* A banner that would miss texts or a required category is no banner: the configurations are
 * refused as the export of Samtykke's own banner is. */
/**
 * stk_interop_render:
 * @policy: a policy
 * @format: the format to write
 * @options: (nullable): how; %NULL for the defaults
 * @notes: (nullable): where to add what the format has no place for
 * @error: where a refusal goes
 *
 * Renders @policy as one file: a vanilla-cookieconsent or Klaro configuration, which is
 * refused (like Samtykke's own banner) when validation finds errors in the policy, or the
 * spreadsheet of its cookies, which is written for any policy, since it is for reading.
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL with @error set
 */
GBytes *
stk_interop_render (StkPolicy                *policy,
                    StkInteropFormat          format,
                    const StkInteropOptions  *options,
                    StkInteropReport         *notes,
                    GError                  **error)
{
  StkInteropOptions defaults = { 0 };
  g_autofree char *site_path = NULL;
  const char *language;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  if (options == NULL)
    options = &defaults;

  if (format == STK_INTEROP_CSV)
    {
      language = options->csv_language;
      if (language == NULL)
        language = g_strcmp0 (stk_policy_get_default_language (policy), "da") == 0 ? "da" : "en";
      if (!g_str_equal (language, "da") && !g_str_equal (language, "en"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The spreadsheet can be written in da or en, not “%s”"), language);
          return NULL;
        }
      return stk_interop_csv_render (policy, options->csv_excel, language);
    }

  site_path = stk_export_site_path_normalize (options->site_path, error);
  if (site_path == NULL || !stk_export_check_policy (policy, error))
    return NULL;

  switch (format)
    {
    case STK_INTEROP_VANILLA_COOKIECONSENT:
      return stk_interop_vcc_render (policy, site_path, notes);
    case STK_INTEROP_KLARO:
      return stk_interop_klaro_render (policy, site_path, notes);
    case STK_INTEROP_CSV:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * stk_interop_export_to_directory:
 * @policy: a policy
 * @directory: the folder to write into; created when missing
 * @format: the format to write
 * @options: (nullable): how; %NULL for the defaults
 * @notes: (nullable): where to add what the format has no place for
 * @error: where a failure goes
 *
 * Writes stk_interop_render()'s file into @directory under
 * stk_interop_format_file_name(), through a temporary file renamed into place, so that a
 * failure leaves no half-written file.
 *
 * Returns: whether the file was written
 */
gboolean
stk_interop_export_to_directory (StkPolicy                *policy,
                                 GFile                    *directory,
                                 StkInteropFormat          format,
                                 const StkInteropOptions  *options,
                                 StkInteropReport         *notes,
                                 GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (STK_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  bytes = stk_interop_render (policy, format, options, notes, error);
  if (bytes == NULL)
    return FALSE;

  dir = g_file_get_path (directory);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Can only export to a local folder"));
      return FALSE;
    }
  if (!g_file_make_directory_with_parents (directory, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", dir,
                   local_error->message);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("%s: not a folder"), dir);
      return FALSE;
    }

  path = g_build_filename (dir, stk_interop_format_file_name (format), NULL);
  return stk_file_replace (path, bytes, error);
}

/* What the renderers of configurations share */

const char *
stk_interop_text_of (StkPolicy  *policy,
                     const char *key,
                     const char *lang)
{
  return stk_text_lookup (stk_policy_get_text (policy, key), lang);
}

JsonObject *
stk_interop_child_object (JsonObject *object,
                          const char *member)
{
  JsonObject *child = json_object_new ();

  json_object_set_object_member (object, member, child);
  return child;
}

gboolean
stk_interop_has_embeds (StkPolicy *policy)
{
  StkList *providers = stk_policy_get_providers (policy);
  gboolean embeds = FALSE;

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    embeds |= stk_list_get_n (stk_provider_get_embeds (stk_list_peek (providers, i))) > 0;
  return embeds;
}

gboolean
stk_interop_has_signals (StkPolicy *policy)
{
  StkList *categories = stk_policy_get_categories (policy);
  gboolean signals = FALSE;

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    signals |= stk_category_get_consent_mode (stk_list_peek (categories, i)) != NULL
               && stk_category_get_consent_mode (stk_list_peek (categories, i))[0] != NULL;
  return signals;
}
