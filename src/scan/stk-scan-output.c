/* stk-scan-output.c — the scanner's events, one JSON object a line on standard output
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "stk-scan-output.h"

/* Set when standard output could not be written (the reader has gone): the crawl stops. */
static gboolean output_failed;

gboolean
stk_scan_output_failed (void)
{
  return output_failed;
}

/* A page decides the names of its cookies and storage keys, and a cookie set by a response
 * header may hold any byte. JSON has to be UTF-8: a byte that is not is written as U+FFFD,
 * and json-glib escapes quotes and control characters. */
static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else if (g_utf8_validate (text, -1, NULL))
    {
      json_builder_add_string_value (builder, text);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      json_builder_add_string_value (builder, valid);
    }
}

static void
add_texts (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *texts)
{
  json_builder_set_member_name (builder, member);
  if (texts == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      json_builder_add_string_value (builder, valid);
    }
  json_builder_end_array (builder);
}

static void
add_uint (JsonBuilder *builder,
          const char  *member,
          guint64      value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, (gint64) value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static JsonBuilder *
begin_event (const char *event)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_text (builder, "event", event);

  return builder;
}

/* Writes the event as one line and flushes it, so a reader sees each event as it happens. */
static void
finish_event (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  gsize length = 0;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  g_object_unref (builder);

  if (output_failed)
    return;

  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, &length);

  if (fwrite (line, 1, length, stdout) != length || fputc ('\n', stdout) == EOF
      || fflush (stdout) != 0)
    {
      output_failed = TRUE;
      g_debug ("Standard output cannot be written: %s", g_strerror (errno));
    }
}

void
stk_scan_emit_start (GPtrArray *urls,
                     guint      pages,
                     GPtrArray *site_hosts)
{
  JsonBuilder *builder = begin_event ("start");

  add_uint (builder, "version", STK_SCAN_OUTPUT_VERSION);
  add_texts (builder, "urls", urls);
  add_uint (builder, "pages", pages);
  add_texts (builder, "site", site_hosts);
  finish_event (builder);
}

void
stk_scan_emit_pass (guint      pass,
                    GPtrArray *consent)
{
  JsonBuilder *builder = begin_event ("pass");

  add_uint (builder, "pass", pass);
  add_texts (builder, "consent", consent);
  finish_event (builder);
}

void
stk_scan_emit_page (guint       pass,
                    const char *url,
                    const char *final_url,
                    guint       status,
                    const char *error,
                    guint       index)
{
  JsonBuilder *builder = begin_event ("page");

  add_uint (builder, "pass", pass);
  add_text (builder, "url", url);
  add_text (builder, "final_url", final_url);
  json_builder_set_member_name (builder, "status");
  if (status != 0)
    json_builder_add_int_value (builder, status);
  else
    json_builder_add_null_value (builder);
  add_text (builder, "error", error);
  add_uint (builder, "index", index);
  finish_event (builder);
}

static const char *
same_site_name (SoupSameSitePolicy policy)
{
  switch (policy)
    {
    case SOUP_SAME_SITE_POLICY_NONE:
      return "none";
    case SOUP_SAME_SITE_POLICY_LAX:
      return "lax";
    case SOUP_SAME_SITE_POLICY_STRICT:
      return "strict";
    default:
      return NULL;
    }
}

void
stk_scan_emit_cookie (guint       pass,
                      SoupCookie *cookie,
                      gboolean    third_party,
                      const char *page)
{
  JsonBuilder *builder = begin_event ("cookie");
  GDateTime *expires = soup_cookie_get_expires (cookie);

  add_uint (builder, "pass", pass);
  add_text (builder, "name", soup_cookie_get_name (cookie));
  add_text (builder, "domain", soup_cookie_get_domain (cookie));
  add_text (builder, "path", soup_cookie_get_path (cookie));
  json_builder_set_member_name (builder, "expires");
  if (expires != NULL)
    json_builder_add_int_value (builder, g_date_time_to_unix (expires));
  else
    json_builder_add_null_value (builder);
  add_boolean (builder, "http_only", soup_cookie_get_http_only (cookie));
  add_boolean (builder, "secure", soup_cookie_get_secure (cookie));
  add_text (builder, "same_site", same_site_name (soup_cookie_get_same_site_policy (cookie)));
  add_boolean (builder, "third_party", third_party);
  add_text (builder, "page", page);
  finish_event (builder);
}

void
stk_scan_emit_storage (guint               pass,
                       StkScanStorageKind  kind,
                       const char         *name,
                       const char         *origin,
                       const char         *page)
{
  JsonBuilder *builder = begin_event ("storage");

  add_uint (builder, "pass", pass);
  add_text (builder, "kind", kind == STK_SCAN_STORAGE_LOCAL ? "local_storage" : "session_storage");
  add_text (builder, "name", name);
  add_text (builder, "origin", origin);
  add_text (builder, "page", page);
  finish_event (builder);
}

void
stk_scan_emit_request (guint       pass,
                       const char *host,
                       const char *page)
{
  JsonBuilder *builder = begin_event ("request");

  add_uint (builder, "pass", pass);
  add_text (builder, "host", host);
  add_text (builder, "page", page);
  finish_event (builder);
}

void
stk_scan_emit_progress (guint pass,
                        guint done,
                        guint queued,
                        guint limit)
{
  JsonBuilder *builder = begin_event ("progress");

  add_uint (builder, "pass", pass);
  add_uint (builder, "done", done);
  add_uint (builder, "queued", queued);
  add_uint (builder, "limit", limit);
  finish_event (builder);
}

void
stk_scan_emit_consent (gboolean   available,
                       GPtrArray *categories)
{
  JsonBuilder *builder = begin_event ("consent");

  add_boolean (builder, "available", available);
  if (available && categories != NULL)
    {
      add_texts (builder, "categories", categories);
    }
  else if (available)
    {
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  finish_event (builder);
}

void
stk_scan_emit_error (const char *message)
{
  JsonBuilder *builder = begin_event ("error");

  add_text (builder, "message", message);
  finish_event (builder);
}

void
stk_scan_emit_end (gboolean cancelled,
                   guint    pages)
{
  JsonBuilder *builder = begin_event ("end");

  add_text (builder, "reason", cancelled ? "cancelled" : "done");
  add_uint (builder, "pages", pages);
  finish_event (builder);
}
