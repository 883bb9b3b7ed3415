/* stk-har-match.c — what a HAR entry's cookies tell: party, consent at the time, set and sent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-har-private.h"

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
  stk_har_position (har, entry->at, &p->o.line, &p->o.column);
  p->o.granted = (const char * const *) p->granted;

  g_ptr_array_add (har->observations, p);
}

void
stk_har_process_entry (Har   *har,
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


/* A cookie no request had yet shown a consent for, but first seen at or after the moment a
 * consent the file shows later was given (its "t"): after that consent. This is what a
 * statistics script does the instant the visitor accepts, before any request can carry the
 * new consent cookie. Of several consents, the last one given by then answers. Only consents
 * given while the file was recorded count so: an older one would have been sent from the first
 * request on. */
void
stk_har_grant_by_time (Har     *har,
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
