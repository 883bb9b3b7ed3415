/* stk-har.c — reading the cookies out of HAR files that browsers save
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as Chromium, Firefox and
 * Playwright write it. Only what tells about cookies is read; everything else, the bodies
 * above all, is skipped. The reader is strict about the shape it needs (log, entries, request,
 * response, cookies and headers) and lenient about values it can do without (an expiry that is
 * neither a date nor null is taken as unknown).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stk-har-private.h"

void
stk_har_entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->url, g_free);
  g_clear_pointer (&entry->started, g_free);
  g_clear_pointer (&entry->sent, g_ptr_array_unref);
  g_clear_pointer (&entry->cookie_header, g_free);
  g_clear_pointer (&entry->set, g_ptr_array_unref);
  g_clear_pointer (&entry->set_headers, g_ptr_array_unref);
}

static void
consent_free (Consent *consent)
{
  g_strfreev (consent->granted);
  g_free (consent);
}

static void
pending_free (Pending *p)
{
  g_free (p->name);
  g_free (p->domain);
  g_free (p->path);
  g_free (p->same_site);
  g_free (p->page);
  g_strfreev (p->granted);
  g_free (p);
}

/* Line and column of @at, counted on from the last place asked for (entries come in order, so
 * a file of one long line is not counted again and again). */
void
stk_har_position (Har        *har,
                  const char *at,
                  int        *line,
                  int        *column)
{
  if (har->counted == NULL || at < har->counted)
    {
      har->counted = har->reader.start;
      har->line = 1;
      har->column = 1;
    }

  while (har->counted < at)
    {
      guchar c = (guchar) *har->counted;

      if (c == '\n')
        {
          har->line++;
          har->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        har->column++;
      har->counted++;
    }

  *line = har->line;
  *column = har->column;
}

/* Values ----------------------------------------------------------------------------------- */

static gboolean
read_string (Har         *har,
             const char  *what,
             char       **value)
{
  g_clear_pointer (value, g_free);
  if (stk_json_reader_peek (&har->reader) == STK_JSON_NULL)
    return stk_json_reader_skip (&har->reader);
  if (stk_json_reader_peek (&har->reader) != STK_JSON_STRING)
    return stk_json_reader_expected (&har->reader, what, _("a string"));

  return stk_json_reader_string (&har->reader, value);
}

static gboolean
read_boolean (Har        *har,
              const char *what,
              gboolean   *value)
{
  StkJsonToken token = stk_json_reader_peek (&har->reader);

  if (token == STK_JSON_NULL)
    return stk_json_reader_skip (&har->reader);
  if (token != STK_JSON_TRUE && token != STK_JSON_FALSE)
    return stk_json_reader_expected (&har->reader, what, _("true or false"));

  return stk_json_reader_boolean (&har->reader, value);
}

/* An expiry as HAR writers give it: an ISO 8601 date, null, or (some writers) seconds. */
static gboolean
read_expires (Har    *har,
              gint64 *expires)
{
  StkJsonToken token = stk_json_reader_peek (&har->reader);

  if (token == STK_JSON_STRING)
    {
      g_autofree char *text = NULL;
      g_autoptr(GDateTime) when = NULL;

      if (!stk_json_reader_string (&har->reader, &text))
        return FALSE;
      when = g_date_time_new_from_iso8601 (text, NULL);
      *expires = when != NULL ? MAX (g_date_time_to_unix (when), 1) : -1;
      return TRUE;
    }
  if (token == STK_JSON_NUMBER)
    {
      JsonNode *node = stk_json_reader_node (&har->reader);

      if (node == NULL)
        return FALSE;
      *expires = json_node_get_value_type (node) == G_TYPE_INT64
                 ? MAX (json_node_get_int (node), 1) : -1;
      json_node_unref (node);
      return TRUE;
    }
  if (token == STK_JSON_NULL)
    {
      *expires = 0;
      return stk_json_reader_skip (&har->reader);
    }

  /* Anything else says nothing usable about the expiry. */
  *expires = -1;
  return stk_json_reader_skip (&har->reader);
}

/* request.cookies and response.cookies */
static gboolean
read_cookies (Har       *har,
              GPtrArray *cookies)
{
  if (!stk_json_reader_begin_array (&har->reader))
    return FALSE;

  while (stk_json_reader_next_element (&har->reader))
    {
      StkHeaderCookie *cookie;
      char *key;
      const char *key_at;

      if (cookies->len > STK_HAR_MAX_SIGHTINGS)
        return stk_json_reader_fail (&har->reader, har->reader.pos,
                                     _("the file shows more than %u cookies, the most one HAR "
                                       "file may show"), (guint) STK_HAR_MAX_SIGHTINGS);
      cookie = g_new0 (StkHeaderCookie, 1);

      cookie->expires = -1;
      g_ptr_array_add (cookies, cookie);

      if (!stk_json_reader_begin_object (&har->reader))
        return FALSE;
      while (stk_json_reader_next_member (&har->reader, &key, &key_at))
        {
          g_autofree char *k = key;
          gboolean ok;

          if (g_str_equal (k, "name"))
            ok = read_string (har, k, &cookie->name);
          else if (g_str_equal (k, "value"))
            ok = read_string (har, k, &cookie->value);
          else if (g_str_equal (k, "domain"))
            ok = read_string (har, k, &cookie->domain);
          else if (g_str_equal (k, "path"))
            ok = read_string (har, k, &cookie->path);
          else if (g_str_equal (k, "expires"))
            ok = read_expires (har, &cookie->expires);
          else if (g_str_equal (k, "httpOnly"))
            ok = read_boolean (har, k, &cookie->http_only);
          else if (g_str_equal (k, "secure"))
            ok = read_boolean (har, k, &cookie->secure);
          else if (g_str_equal (k, "sameSite"))
            ok = read_string (har, k, &cookie->same_site);
          else
            ok = stk_json_reader_skip (&har->reader);
          if (!ok)
            return FALSE;
        }
      if (har->reader.failed)
        return FALSE;
    }

  return !har->reader.failed;
}

/* headers: [{"name": ..., "value": ...}]; calls back for the ones named @wanted. */
static gboolean
read_headers (Har        *har,
              const char *wanted,
              GPtrArray  *values)
{
  if (!stk_json_reader_begin_array (&har->reader))
    return FALSE;

  while (stk_json_reader_next_element (&har->reader))
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      char *key;
      const char *key_at;

      if (!stk_json_reader_begin_object (&har->reader))
        return FALSE;
      while (stk_json_reader_next_member (&har->reader, &key, &key_at))
        {
          g_autofree char *k = key;
          gboolean ok;

          if (g_str_equal (k, "name"))
            ok = read_string (har, k, &name);
          else if (g_str_equal (k, "value"))
            ok = read_string (har, k, &value);
          else
            ok = stk_json_reader_skip (&har->reader);
          if (!ok)
            return FALSE;
        }
      if (har->reader.failed)
        return FALSE;

      if (name != NULL && value != NULL && g_ascii_strcasecmp (name, wanted) == 0)
        {
          /* Some writers join repeated headers with newlines. */
          g_auto(GStrv) lines = g_strsplit (value, "\n", STK_HAR_MAX_SIGHTINGS + 2);

          for (guint i = 0; lines[i] != NULL && values->len <= STK_HAR_MAX_SIGHTINGS; i++)
            if (*g_strstrip (lines[i]) != '\0')
              g_ptr_array_add (values, g_strdup (lines[i]));
        }
    }

  return !har->reader.failed;
}

static gboolean
read_request (Har   *har,
              Entry *entry)
{
  char *key;
  const char *key_at;

  if (!stk_json_reader_begin_object (&har->reader))
    return FALSE;

  while (stk_json_reader_next_member (&har->reader, &key, &key_at))
    {
      g_autofree char *k = key;
      gboolean ok;

      if (g_str_equal (k, "url"))
        ok = read_string (har, k, &entry->url);
      else if (g_str_equal (k, "cookies"))
        ok = read_cookies (har, entry->sent);
      else if (g_str_equal (k, "headers"))
        {
          g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

          ok = read_headers (har, "cookie", values);
          if (ok && values->len > 0)
            {
              g_free (entry->cookie_header);
              g_ptr_array_add (values, NULL);
              entry->cookie_header = g_strjoinv ("; ", (char **) values->pdata);
            }
        }
      else
        ok = stk_json_reader_skip (&har->reader);
      if (!ok)
        return FALSE;
    }

  return !har->reader.failed;
}

static gboolean
read_response (Har   *har,
               Entry *entry)
{
  char *key;
  const char *key_at;

  if (!stk_json_reader_begin_object (&har->reader))
    return FALSE;

  while (stk_json_reader_next_member (&har->reader, &key, &key_at))
    {
      g_autofree char *k = key;
      gboolean ok;

      if (g_str_equal (k, "cookies"))
        ok = read_cookies (har, entry->set);
      else if (g_str_equal (k, "headers"))
        ok = read_headers (har, "set-cookie", entry->set_headers);
      else
        ok = stk_json_reader_skip (&har->reader);
      if (!ok)
        return FALSE;
    }

  return !har->reader.failed;
}

static gboolean
read_entry (Har *har)
{
  Entry entry = { 0 };
  char *key;
  const char *key_at;
  gboolean ok = TRUE;

  entry.sent = g_ptr_array_new_with_free_func ((GDestroyNotify) stk_header_cookie_free);
  entry.set = g_ptr_array_new_with_free_func ((GDestroyNotify) stk_header_cookie_free);
  entry.set_headers = g_ptr_array_new_with_free_func (g_free);

  stk_json_reader_peek (&har->reader);
  entry.at = har->reader.pos;
  if (!stk_json_reader_begin_object (&har->reader))
    ok = FALSE;

  while (ok && stk_json_reader_next_member (&har->reader, &key, &key_at))
    {
      g_autofree char *k = key;

      if (g_str_equal (k, "request"))
        ok = read_request (har, &entry);
      else if (g_str_equal (k, "response"))
        ok = read_response (har, &entry);
      else if (g_str_equal (k, "startedDateTime"))
        ok = read_string (har, k, &entry.started);
      else
        ok = stk_json_reader_skip (&har->reader);
    }

  ok = ok && !har->reader.failed;
  if (ok && entry.url == NULL)
    ok = stk_json_reader_fail (&har->reader, entry.at,
                               _("this entry has no “request” with a “url”"));
  if (ok)
    stk_har_process_entry (har, &entry);
  if (ok && har->n_cookies > STK_HAR_MAX_SIGHTINGS)
    ok = stk_json_reader_fail (&har->reader, entry.at,
                               /* Translators: %u is a large number (1,000,000). */
                               _("the file shows more than %u cookies, the most one HAR file "
                                 "may show"), (guint) STK_HAR_MAX_SIGHTINGS);

  stk_har_entry_clear (&entry);
  return ok;
}

/* log.pages: [{"id", "title"}]; the title is the page's URL in Chromium's files. */
static gboolean
read_pages (Har *har)
{
  if (!stk_json_reader_begin_array (&har->reader))
    return FALSE;

  while (stk_json_reader_next_element (&har->reader))
    {
      g_autofree char *title = NULL;
      char *key;
      const char *key_at;

      if (!stk_json_reader_begin_object (&har->reader))
        return FALSE;
      while (stk_json_reader_next_member (&har->reader, &key, &key_at))
        {
          g_autofree char *k = key;
          gboolean ok;

          if (g_str_equal (k, "title"))
            ok = read_string (har, k, &title);
          else
            ok = stk_json_reader_skip (&har->reader);
          if (!ok)
            return FALSE;
        }
      if (har->reader.failed)
        return FALSE;
      if (title != NULL && !g_hash_table_contains (har->pages, title))
        {
          char *copy = g_strdup (title);

          g_hash_table_add (har->pages, copy);
          g_ptr_array_add (har->page_order, copy);
        }
    }

  return !har->reader.failed;
}

static gboolean
read_log (Har *har)
{
  char *key;
  const char *key_at;
  gboolean has_entries = FALSE;
  const char *log_at;

  stk_json_reader_peek (&har->reader);
  log_at = har->reader.pos;
  if (!stk_json_reader_begin_object (&har->reader))
    return FALSE;

  while (stk_json_reader_next_member (&har->reader, &key, &key_at))
    {
      g_autofree char *k = key;
      gboolean ok;

      if (g_str_equal (k, "entries"))
        {
          has_entries = TRUE;
          if (stk_json_reader_peek (&har->reader) != STK_JSON_ARRAY)
            return stk_json_reader_expected (&har->reader, k, _("an array"));
          ok = stk_json_reader_begin_array (&har->reader);
          while (ok && stk_json_reader_next_element (&har->reader))
            ok = read_entry (har);
          ok = ok && !har->reader.failed;
        }
      else if (g_str_equal (k, "pages"))
        {
          if (stk_json_reader_peek (&har->reader) != STK_JSON_ARRAY)
            return stk_json_reader_expected (&har->reader, k, _("an array"));
          ok = read_pages (har);
        }
      else
        ok = stk_json_reader_skip (&har->reader);
      if (!ok)
        return FALSE;
    }

  if (har->reader.failed)
    return FALSE;
  if (!has_entries)
    return stk_json_reader_fail (&har->reader, log_at,
                                 _("“log” has no “entries”: this is not a HAR file"));

  return TRUE;
}

static gboolean
read_root (Har *har)
{
  char *key;
  const char *key_at;
  gboolean has_log = FALSE;

  if (stk_json_reader_peek (&har->reader) != STK_JSON_OBJECT)
    return stk_json_reader_fail (&har->reader, har->reader.pos,
                                 _("a HAR file must be a JSON object with a “log” member"));
  if (!stk_json_reader_begin_object (&har->reader))
    return FALSE;

  while (stk_json_reader_next_member (&har->reader, &key, &key_at))
    {
      g_autofree char *k = key;
      gboolean ok;

      if (g_str_equal (k, "log"))
        {
          has_log = TRUE;
          ok = read_log (har);
        }
      else
        ok = stk_json_reader_skip (&har->reader);
      if (!ok)
        return FALSE;
    }

  if (har->reader.failed || !stk_json_reader_finish (&har->reader))
    return FALSE;
  if (!has_log)
    return stk_json_reader_fail (&har->reader, har->reader.start,
                                 _("there is no “log” member: this is not a HAR file"));

  return TRUE;
}

gboolean
stk_har_read_data (StkAuditReport  *report,
                   const char      *data,
                   gsize            length,
                   const char      *name,
                   GError         **error)
{
  Har har = { 0 };
  gboolean ok;

  g_return_val_if_fail (STK_IS_AUDIT_REPORT (report), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  har.report = report;
  har.policy = stk_audit_report_get_policy (report);
  har.name = name;
  har.observations = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  har.consents = g_ptr_array_new_with_free_func ((GDestroyNotify) consent_free);
  har.set_domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  har.pages = g_hash_table_new (g_str_hash, g_str_equal);
  har.page_order = g_ptr_array_new_with_free_func (g_free);

  ok = stk_json_reader_init (&har.reader, data != NULL ? data : "", length, name, error)
       && read_root (&har);

  if (ok)
    {
      for (guint i = 0; i < har.page_order->len; i++)
        stk_audit_report_add_page (report, g_ptr_array_index (har.page_order, i), 200, NULL);
      for (guint i = 0; i < har.observations->len; i++)
        {
          Pending *p = g_ptr_array_index (har.observations, i);

          if (p->granted == NULL)
            stk_har_grant_by_time (&har, p);
          stk_audit_report_observe (report, &p->o);
        }
      if (har.n_cookies == 0)
        stk_audit_report_add_warning (report, name,
          _("the file holds no cookies at all. Browsers leave them out of saved HAR files "
            "unless asked: in Chrome or Chromium, turn on “Allow to generate HAR with "
            "sensitive data” under DevTools Settings › Preferences › Network, then use "
            "“Export HAR (with sensitive data)…” in the Network panel; Firefox keeps them "
            "with “Save All As HAR”."));
    }

  g_ptr_array_unref (har.observations);
  g_ptr_array_unref (har.consents);
  g_hash_table_unref (har.set_domains);
  g_hash_table_unref (har.pages);
  g_ptr_array_unref (har.page_order);
  g_strfreev (har.granted);
  g_free (har.site_host);

  return ok;
}

gboolean
stk_har_read (StkAuditReport  *report,
              const char      *filename,
              GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;

  g_return_val_if_fail (filename != NULL, FALSE);

  display = g_filename_display_name (filename);

  if (g_stat (filename, &st) == 0 && (guint64) st.st_size > STK_HAR_MAX_SIZE)
    {
      g_autofree char *message =
        /* Translators: %d is a size in gibibytes. */
        g_strdup_printf (_("the file is larger than %d GiB, the most a HAR file may be"),
                         (int) (STK_HAR_MAX_SIZE >> 30));

      stk_set_located_error (error, STK_ERROR_SYNTAX, display, 1, 1, NULL, message);
      return FALSE;
    }

  mapped = g_mapped_file_new (filename, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s", local_error->message);
      return FALSE;
    }

  return stk_har_read_data (report, g_mapped_file_get_contents (mapped),
                            g_mapped_file_get_length (mapped), display, error);
}
