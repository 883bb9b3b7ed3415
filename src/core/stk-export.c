/* stk-export.c — writing an export: every file in memory first, then all into place at once
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "stk-core-private.h"
#include "stk-interop-private.h"
#include "stk-error.h"
#include "stk-export.h"
#include "stk-validate.h"

/**
 * stk_export_parts_parse:
 * @words: comma-separated parts: json, banner, pages, assets, or all
 * @parts: (out): the parts named
 * @error: where an unknown word is reported
 *
 * Returns: whether every word was known
 */
gboolean
stk_export_parts_parse (const char      *words,
                        StkExportParts  *parts,
                        GError         **error)
{
  g_auto(GStrv) list = g_strsplit (words ? words : "", ",", -1);
  StkExportParts result = 0;

  for (guint i = 0; list[i]; i++)
    {
      const char *word = g_strstrip (list[i]);

      if (*word == '\0')
        continue;
      if (g_str_equal (word, "json"))
        result |= STK_EXPORT_JSON;
      else if (g_str_equal (word, "banner"))
        result |= STK_EXPORT_BANNER;
      else if (g_str_equal (word, "pages"))
        result |= STK_EXPORT_PAGES;
      else if (g_str_equal (word, "assets"))
        result |= STK_EXPORT_ASSETS;
      else if (g_str_equal (word, "all"))
        result |= STK_EXPORT_ALL;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown export part “%s”; expected json, banner, pages, assets or all"),
                       word);
          return FALSE;
        }
    }

  if (result == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No export part named; expected json, banner, pages, assets or all"));
      return FALSE;
    }

  *parts = result;
  return TRUE;
}

/**
 * stk_export_site_path_normalize:
 * @site_path: (nullable): where the exported files are published, as a path from the site's
 *   root, such as "/cookies/" or "/"
 * @error: where a path that is not one goes
 *
 * The banner fragment names policy.json and the declaration pages under this path, so that
 * it works pasted into any page of the site. Only a path on the site itself: the component
 * fetches policy.json, and a strict Content-Security-Policy allows that for the page's own
 * origin ('self'). A missing final "/" is added.
 *
 * Returns: (transfer full) (nullable): the path ending in "/", "" for %NULL or "", or %NULL
 *   with @error set
 */
char *
stk_export_site_path_normalize (const char  *site_path,
                                GError     **error)
{
  if (site_path == NULL || *site_path == '\0')
    return g_strdup ("");

  if (site_path[0] != '/' || site_path[1] == '/' || site_path[1] == '\\')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The site path “%s” must be a path from the site’s root, such as /cookies/"),
                   site_path);
      return NULL;
    }

  for (const char *p = site_path; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f || strchr ("\"'<>\\`?#", *p) != NULL)
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     /* Translators: the second %s lists characters; keep them as they are. */
                     _("The site path “%s” may not hold spaces, control characters or any of %s"),
                     site_path, "\" ' < > \\ ` ? #");
        return NULL;
      }

  return g_str_has_suffix (site_path, "/") ? g_strdup (site_path)
                                           : g_strconcat (site_path, "/", NULL);
}

/* Refuses a policy that validation finds errors in, listing them: every export of a banner
 * (Samtykke's own, or another banner's configuration) checks this first. */
gboolean
stk_export_check_policy (StkPolicy  *policy,
                         GError    **error)
{
  g_autoptr(GListModel) findings = stk_policy_validate (policy);
  guint n_errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  g_autoptr(GString) message = NULL;

  if (n_errors == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The policy has %u error and cannot be exported:",
                                       "The policy has %u errors and cannot be exported:",
                                       n_errors),
                          n_errors);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      if (stk_finding_get_severity (finding) == STK_SEVERITY_ERROR)
        g_string_append_printf (message, "\n  %s [%s]", stk_finding_get_message (finding),
                                stk_finding_get_path (finding));
    }

  g_set_error_literal (error, STK_ERROR, STK_ERROR_INVALID_POLICY, message->str);
  return FALSE;
}

/**
 * stk_export_render:
 * @policy: a policy without validation errors
 * @parts: which files
 * @error: where a refusal goes (it lists the policy's errors)
 *
 * Returns: (transfer full) (nullable): file name -> #GBytes of every file the export writes
 */
GHashTable *
stk_export_render (StkPolicy       *policy,
                   StkExportParts   parts,
                   GError         **error)
{
  return stk_export_render_at (policy, parts, NULL, error);
}

/**
 * stk_export_render_at:
 * @policy: a policy without validation errors
 * @parts: which files
 * @site_path: (nullable): where the files are published on the site
 *   (stk_export_site_path_normalize()); %NULL when they stand beside the pages
 * @error: where a refusal goes (the policy's errors, or a bad site path)
 *
 * Returns: (transfer full) (nullable): file name -> #GBytes of every file the export writes
 */
GHashTable *
stk_export_render_at (StkPolicy       *policy,
                      StkExportParts   parts,
                      const char      *site_path,
                      GError         **error)
{
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *site = NULL;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  site = stk_export_site_path_normalize (site_path, error);
  if (site == NULL || !stk_export_check_policy (policy, error))
    return NULL;

  files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_bytes_unref);

  if (parts & STK_EXPORT_JSON)
    g_hash_table_insert (files, g_strdup ("policy.json"), stk_export_policy_json (policy));
  if (parts & STK_EXPORT_BANNER)
    g_hash_table_insert (files, g_strdup ("banner.html"), stk_export_banner_html_at (policy, site));
  if (parts & STK_EXPORT_PAGES)
    {
      const char * const *languages = stk_policy_get_languages (policy);

      for (guint i = 0; languages[i]; i++)
        g_hash_table_insert (files, g_strdup_printf ("cookie-policy.%s.html", languages[i]),
                             stk_export_page_html (policy, languages[i]));
    }
  if (parts & STK_EXPORT_ASSETS)
    {
      g_hash_table_insert (files, g_strdup ("samtykke.js"), stk_export_asset ("samtykke.js"));
      g_hash_table_insert (files, g_strdup ("samtykke.css"), stk_export_stylesheet (policy));
    }

  return g_steal_pointer (&files);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * stk_export_to_directory:
 * @policy: a policy without validation errors
 * @directory: the folder to write into; created when missing
 * @parts: which files
 * @error: where a failure goes
 *
 * Writes every file to a temporary name in @directory first; only when all of them are
 * written does each replace its final name. A failure removes the temporary files and leaves
 * the folder as it was.
 *
 * Returns: whether the export was written
 */
gboolean
stk_export_to_directory (StkPolicy       *policy,
                         GFile           *directory,
                         StkExportParts   parts,
                         GError         **error)
{
  return stk_export_to_directory_at (policy, directory, parts, NULL, error);
}

/**
 * stk_export_to_directory_at:
 * @policy: a policy without validation errors
 * @directory: the folder to write into; created when missing
 * @parts: which files
 * @site_path: (nullable): where the folder is published on the site
 *   (stk_export_site_path_normalize()); %NULL when the files stand beside the pages
 * @error: where a failure goes
 *
 * stk_export_to_directory() for a folder published at @site_path.
 *
 * Returns: whether the export was written
 */
gboolean
stk_export_to_directory_at (StkPolicy       *policy,
                            GFile           *directory,
                            StkExportParts   parts,
                            const char      *site_path,
                            GError         **error)
{
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (STK_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  files = stk_export_render_at (policy, parts, site_path, error);
  if (files == NULL)
    return FALSE;

  path = g_file_get_path (directory);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Can only export to a local folder"));
      return FALSE;
    }

  if (!g_file_make_directory_with_parents (directory, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("%s: not a folder"), path);
      return FALSE;
    }

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);

  /* Every file is written first (unnamed, leaving nothing behind when anything fails or the
   * program is killed), and put in place only when all are. */
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) stk_pending_file_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *final_path = g_build_filename (path, name, NULL);
      StkPendingFile *file;

      file = stk_pending_file_write (final_path, g_hash_table_lookup (files, name), error);
      if (file == NULL)
        return FALSE;
      g_ptr_array_add (pending, file);
    }

  for (guint i = 0; i < pending->len; i++)
    if (!stk_pending_file_commit (g_ptr_array_index (pending, i), error))
      return FALSE;

  return TRUE;
}
