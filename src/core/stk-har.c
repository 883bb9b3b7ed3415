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

#include "stk-core-private.h"
#include "stk-error.h"
#include "stk-cookie-header.h"
#include "stk-har.h"
#include "stk-json.h"

typedef struct
{
  const char *at;                /* where the entry starts */
  char       *url;
  char       *started;
  GPtrArray  *sent;              /* StkHeaderCookie: request.cookies */
  char       *cookie_header;     /* the request's Cookie header, when request.cookies is empty */
  GPtrArray  *set;               /* StkHeaderCookie: response.cookies */
  GPtrArray  *set_headers;       /* char *: raw Set-Cookie header values */
} Entry;

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->url, g_free);
  g_clear_pointer (&entry->started, g_free);
  g_clear_pointer (&entry->sent, g_ptr_array_unref);
  g_clear_pointer (&entry->cookie_header, g_free);
  g_clear_pointer (&entry->set, g_ptr_array_unref);
  g_clear_pointer (&entry->set_headers, g_ptr_array_unref);
}

typedef struct
{
  StkAuditReport *report;
  StkPolicy      *policy;
  StkJsonReader   reader;
  const char     *name;
  GPtrArray      *observations;  /* Observation copies, fed to the report only on success */
  GStrv           granted;       /* NULL until a request carries a consent cookie */
  GPtrArray      *consents;      /* Consent: every consent cookie seen, with its time */
  gint64          entry_ms;      /* the start of the entry being read, in ms, or 0 */
  gint64          first_ms;      /* the earliest entry's start, in ms, or 0 */
  char           *site_host;     /* the first request's host, when the policy names no domain */
  GHashTable     *set_domains;   /* cookie name -> GPtrArray of domains it was set for */
  GHashTable     *pages;         /* page URL -> itself: pages added to the report */
  GPtrArray      *page_order;
  guint           n_cookies;

  /* The place of the last position computed, to count lines and columns forward only. */
  const char     *counted;
  int             line;
  int             column;
} Har;

/* An observation and the strings it owns, kept until the whole file has been read. */
typedef struct
{
  StkObservation  o;
  char           *name;
  char           *domain;
  char           *path;
  char           *same_site;
  char           *page;
  GStrv           granted;
  gint64          seen_ms;       /* the entry's start, in ms since 1970, or 0 */
} Pending;

/* A consent cookie's choice and the moment the banner recorded it ("t", ms since 1970). */
typedef struct
{
  gint64 time_ms;
  GStrv  granted;
} Consent;

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
static void
position (Har        *har,
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

/* Matching what an entry holds ------------------------------------------------------------- */

static gboolean
domain_within (const char *domain,
               const char *parent)
{
  gsize len, plen;

  while (*domain == '.')
    domain++;
  while (*parent == '.')
    parent++;
  len = strlen (domain);
  plen = strlen (parent);
  if (plen == 0 || len < plen || g_ascii_strcasecmp (domain + len - plen, parent) != 0)
    return FALSE;

  return len == plen || domain[len - plen - 1] == '.';
}

static gboolean
is_third_party (Har        *har,
                const char *domain)
{
  const char * const *domains = stk_policy_get_domains (har->policy);

  if (domains != NULL && domains[0] != NULL)
    {
      for (guint i = 0; domains[i] != NULL; i++)
        if (domain_within (domain, domains[i]) || domain_within (domains[i], domain))
          return FALSE;
      return TRUE;
    }

  return har->site_host != NULL && !domain_within (domain, har->site_host)
         && !domain_within (har->site_host, domain);
}

/* The consent the web component records: "%7B%22r%22%3A1%2C...%22c%22%3A%5B...%5D%7D", a
 * URI-encoded JSON object whose "c" lists the categories granted. NULL when it is not one. */
static GStrv
parse_consent (const char *value,
               gint64     *time_ms)
{
  g_autofree char *text = g_uri_unescape_string (value, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonArray *array;
  GPtrArray *granted;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "c")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "c")))
    return NULL;

  *time_ms = 0;
  if (json_object_has_member (object, "t")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "t"))
      && json_node_get_value_type (json_object_get_member (object, "t")) != G_TYPE_STRING)
    *time_ms = (gint64) json_object_get_double_member (object, "t");

  array = json_object_get_array_member (object, "c");
  granted = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (granted, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (granted, NULL);

  return (GStrv) g_ptr_array_free (granted, FALSE);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  return g_ascii_strdown (g_uri_get_host (uri), -1);
}

static void
remember_set_domain (Har        *har,
                     const char *name,
                     const char *domain)
{
  GPtrArray *domains = g_hash_table_lookup (har->set_domains, name);

  if (domains == NULL)
    {
      domains = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (har->set_domains, g_strdup (name), domains);
    }
  for (guint i = 0; i < domains->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (domains, i), domain) == 0)
      return;
  g_ptr_array_add (domains, g_strdup (domain));
}

/* A sent cookie carries no domain: the one it was set for, when a response set it for a
 * domain holding @host, else the host itself. */
static const char *
sent_domain (Har        *har,
             const char *name,
             const char *host)
{
  GPtrArray *domains = g_hash_table_lookup (har->set_domains, name);

  for (guint i = 0; domains != NULL && i < domains->len; i++)
    if (domain_within (host, g_ptr_array_index (domains, i)))
      return g_ptr_array_index (domains, i);

  return host;
}

static void
observe (Har        *har,
         Entry      *entry,
         StkHeaderCookie  *cookie,
         const char *domain,
         gint64      seen_at)
{
  Pending *p;

  /* Counted on past the limit, but no longer kept: the entry fails once it is read. */
  if (++har->n_cookies > STK_HAR_MAX_SIGHTINGS)
    return;

  p = g_new0 (Pending, 1);
  p->name = g_strdup (cookie->name);
  p->domain = g_strdup (domain);
  p->path = g_strdup (cookie->path);
  p->same_site = cookie->same_site != NULL ? g_ascii_strdown (cookie->same_site, -1) : NULL;
  p->page = g_strdup (entry->url);
  p->granted = har->granted != NULL ? g_strdupv (har->granted) : NULL;
  p->seen_ms = har->entry_ms;

  p->o.name = p->name;
  p->o.kind = STK_KIND_COOKIE;
  p->o.domain = p->domain;
  p->o.path = p->path;
  p->o.expires = cookie->expires;
  p->o.seen_at = seen_at;
  p->o.http_only = cookie->http_only;
  p->o.secure = cookie->secure;
  p->o.same_site = p->same_site;
  p->o.third_party = is_third_party (har, domain);
  p->o.page = p->page;
  p->o.file = har->name;
  position (har, entry->at, &p->o.line, &p->o.column);
  p->o.granted = (const char * const *) p->granted;

  g_ptr_array_add (har->observations, p);
}

static void
process_entry (Har   *har,
               Entry *entry)
{
  g_autofree char *host = host_of (entry->url);
  g_autoptr(GDateTime) started = NULL;
  const char *consent_name = stk_policy_get_cookie_name (har->policy);
  gint64 seen_at = 0;

  if (host == NULL)
    return;
  if (har->site_host == NULL)
    har->site_host = g_strdup (host);

  if (entry->started != NULL)
    started = g_date_time_new_from_iso8601 (entry->started, NULL);
  if (started != NULL)
    seen_at = g_date_time_to_unix (started);
  har->entry_ms = started != NULL
                  ? seen_at * 1000 + g_date_time_get_microsecond (started) / 1000 : 0;
  if (har->entry_ms > 0 && (har->first_ms == 0 || har->entry_ms < har->first_ms))
    har->first_ms = har->entry_ms;

  if (entry->sent->len == 0 && entry->cookie_header != NULL &&
      stk_parse_cookie_header (entry->cookie_header, entry->sent,
                               STK_HAR_MAX_SIGHTINGS) > STK_HAR_MAX_SIGHTINGS)
    {
      /* More than any file may show: the file is refused once it is read. */
      har->n_cookies = STK_HAR_MAX_SIGHTINGS + 1;
      return;
    }

  /* A request carrying the consent cookie shows what the visitor had chosen by then. */
  for (guint i = 0; i < entry->sent->len; i++)
    {
      StkHeaderCookie *cookie = g_ptr_array_index (entry->sent, i);
      gint64 time_ms;
      GStrv granted;

      if (cookie->name == NULL || cookie->value == NULL
          || g_strcmp0 (cookie->name, consent_name) != 0)
        continue;
      granted = parse_consent (cookie->value, &time_ms);
      if (granted != NULL)
        {
          g_strfreev (har->granted);
          har->granted = granted;
          if (time_ms > 0)
            {
              Consent *consent = g_new0 (Consent, 1);

              consent->time_ms = time_ms;
              consent->granted = g_strdupv (granted);
              g_ptr_array_add (har->consents, consent);
            }
        }
    }

  for (guint i = 0; i < entry->set_headers->len; i++)
    {
      gint64 now = seen_at > 0 ? seen_at : g_get_real_time () / G_USEC_PER_SEC;
      StkHeaderCookie *cookie = stk_parse_set_cookie (g_ptr_array_index (entry->set_headers, i),
                                                      now);

      if (cookie != NULL)
        g_ptr_array_add (entry->set, cookie);
    }

  for (guint i = 0; i < entry->set->len; i++)
    {
      StkHeaderCookie *cookie = g_ptr_array_index (entry->set, i);
      const char *domain;

      if (cookie->name == NULL || *cookie->name == '\0')
        continue;
      domain = cookie->domain != NULL && *cookie->domain != '\0' ? cookie->domain : host;
      remember_set_domain (har, cookie->name, domain);
      observe (har, entry, cookie, domain, seen_at);
    }

  for (guint i = 0; i < entry->sent->len; i++)
    {
      StkHeaderCookie *cookie = g_ptr_array_index (entry->sent, i);

      if (cookie->name == NULL || *cookie->name == '\0')
        continue;
      observe (har, entry, cookie, sent_domain (har, cookie->name, host), seen_at);
    }
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
    process_entry (har, &entry);
  if (ok && har->n_cookies > STK_HAR_MAX_SIGHTINGS)
    ok = stk_json_reader_fail (&har->reader, entry.at,
                               /* Translators: %u is a large number (1,000,000). */
                               _("the file shows more than %u cookies, the most one HAR file "
                                 "may show"), (guint) STK_HAR_MAX_SIGHTINGS);

  entry_clear (&entry);
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

/* A cookie no request had yet shown a consent for, but first seen at or after the moment a
 * consent the file shows later was given (its "t"): after that consent. This is what a
 * statistics script does the instant the visitor accepts, before any request can carry the
 * new consent cookie. Of several consents, the last one given by then answers. Only consents
 * given while the file was recorded count so: an older one would have been sent from the first
 * request on. */
static void
grant_by_time (Har     *har,
               Pending *p)
{
  Consent *answer = NULL;

  if (p->seen_ms <= 0)
    return;

  for (guint i = 0; i < har->consents->len; i++)
    {
      Consent *consent = g_ptr_array_index (har->consents, i);

      if (consent->time_ms >= har->first_ms && consent->time_ms <= p->seen_ms
          && (answer == NULL || consent->time_ms >= answer->time_ms))
        answer = consent;
    }

  if (answer != NULL)
    {
      p->granted = g_strdupv (answer->granted);
      p->o.granted = (const char * const *) p->granted;
    }
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
            grant_by_time (&har, p);
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
