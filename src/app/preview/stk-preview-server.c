/* stk-preview-server.c — serves an export from memory to the preview, on the loopback only
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "stk-preview-server.h"

/* Why a server and not a custom URI scheme: the web component keeps the visitor's choice in a
 * cookie, and WebKit gives document.cookie only to http(s) documents. The server is bound to
 * 127.0.0.1 and answers only for its own address; the preview's network session also uses it
 * as its proxy, so a request for any other host ends here and is refused instead of reaching
 * the network. */

/* Everything a page may load comes from the server itself; the inline style and script are the
 * exported banner's. */
#define CONTENT_SECURITY_POLICY                                                       \
  "default-src 'self'; script-src 'self' 'unsafe-inline'; "                            \
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "          \
  "connect-src 'self'; media-src 'self'; frame-src 'self'; object-src 'none'; "        \
  "form-action 'self'; base-uri 'none'"

struct _StkPreviewServer
{
  GObject     parent_instance;

  /* owned */
  SoupServer *server;
  GHashTable *files;      /* name -> GBytes */
  char       *base_uri;
  char       *host_port;
  guint16     port;

  guint       n_refused;
  guint       n_served;
};

G_DEFINE_FINAL_TYPE (StkPreviewServer, stk_preview_server, G_TYPE_OBJECT)

static const char *
content_type_for (const char *name)
{
  if (g_str_has_suffix (name, ".html"))
    return "text/html; charset=utf-8";
  if (g_str_has_suffix (name, ".js"))
    return "text/javascript; charset=utf-8";
  if (g_str_has_suffix (name, ".css"))
    return "text/css; charset=utf-8";
  if (g_str_has_suffix (name, ".json"))
    return "application/json";

  return "application/octet-stream";
}

static void
refuse (SoupServerMessage *msg,
        guint              status)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_STATIC,
                                    "", 0);
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  StkPreviewServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  GBytes *bytes;
  gsize size = 0;
  gconstpointer data;

  /* A proxied request names another host (or is a CONNECT tunnel): never forwarded. */
  if (g_strcmp0 (method, SOUP_METHOD_CONNECT) == 0 || uri == NULL
      || g_strcmp0 (g_uri_get_host (uri), "127.0.0.1") != 0
      || g_uri_get_port (uri) != self->port)
    {
      self->n_refused++;
      g_debug ("Refused a request for %s", uri != NULL ? g_uri_get_host (uri) : "(none)");
      refuse (msg, SOUP_STATUS_FORBIDDEN);
      return;
    }

  /* A consent record sent to a log endpoint on the site's own server: the preview has no log,
   * so the record is accepted and forgotten. */
  if (g_strcmp0 (method, SOUP_METHOD_POST) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }

  if (g_strcmp0 (method, SOUP_METHOD_GET) != 0 && g_strcmp0 (method, SOUP_METHOD_HEAD) != 0)
    {
      refuse (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
      return;
    }

  bytes = path != NULL && path[0] == '/' ? g_hash_table_lookup (self->files, path + 1) : NULL;
  if (bytes == NULL)
    {
      refuse (msg, SOUP_STATUS_NOT_FOUND);
      return;
    }

  self->n_served++;
  soup_message_headers_replace (headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  data = g_bytes_get_data (bytes, &size);
  soup_server_message_set_response (msg, content_type_for (path), SOUP_MEMORY_COPY,
                                    size > 0 ? data : "", size);
}

static void
stk_preview_server_dispose (GObject *object)
{
  StkPreviewServer *self = STK_PREVIEW_SERVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (stk_preview_server_parent_class)->dispose (object);
}

static void
stk_preview_server_finalize (GObject *object)
{
  StkPreviewServer *self = STK_PREVIEW_SERVER (object);

  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->host_port, g_free);

  G_OBJECT_CLASS (stk_preview_server_parent_class)->finalize (object);
}

static void
stk_preview_server_class_init (StkPreviewServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_preview_server_dispose;
  object_class->finalize = stk_preview_server_finalize;
}

static void
stk_preview_server_init (StkPreviewServer *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
}

StkPreviewServer *
stk_preview_server_new (GError **error)
{
  g_autoptr(StkPreviewServer) self = g_object_new (STK_TYPE_PREVIEW_SERVER, NULL);
  GSList *uris;

  self->server = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);

  /* listen_local binds the loopback address only: nothing outside this computer can ask. */
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  if (uris == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The preview could not listen on the loopback address"));
      return NULL;
    }
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->host_port = g_strdup_printf ("127.0.0.1:%u", self->port);
  self->base_uri = g_strdup_printf ("http://%s/", self->host_port);

  return g_steal_pointer (&self);
}

const char *
stk_preview_server_get_base_uri (StkPreviewServer *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_SERVER (self), NULL);

  return self->base_uri;
}

const char *
stk_preview_server_get_host_port (StkPreviewServer *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_SERVER (self), NULL);

  return self->host_port;
}

gboolean
stk_preview_server_owns_uri (StkPreviewServer *self,
                             const char       *uri)
{
  g_autoptr(GUri) parsed = NULL;

  g_return_val_if_fail (STK_IS_PREVIEW_SERVER (self), FALSE);

  if (uri == NULL)
    return FALSE;
  /* The empty document a web view starts with. */
  if (g_str_equal (uri, "about:blank"))
    return TRUE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  return parsed != NULL
         && g_strcmp0 (g_uri_get_scheme (parsed), "http") == 0
         && g_strcmp0 (g_uri_get_host (parsed), "127.0.0.1") == 0
         && g_uri_get_port (parsed) == self->port
         && g_uri_get_userinfo (parsed) == NULL;
}

void
stk_preview_server_set_file (StkPreviewServer *self,
                             const char       *name,
                             GBytes           *bytes)
{
  g_return_if_fail (STK_IS_PREVIEW_SERVER (self));
  g_return_if_fail (name != NULL);

  if (bytes != NULL)
    g_hash_table_replace (self->files, g_strdup (name), g_bytes_ref (bytes));
  else
    g_hash_table_remove (self->files, name);
}

void
stk_preview_server_set_files (StkPreviewServer *self,
                              GHashTable       *files)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (STK_IS_PREVIEW_SERVER (self));
  g_return_if_fail (files != NULL);

  g_hash_table_remove_all (self->files);
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->files, g_strdup (key), g_bytes_ref (value));
}

guint
stk_preview_server_get_n_refused (StkPreviewServer *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_SERVER (self), 0);

  return self->n_refused;
}

guint
stk_preview_server_get_n_served (StkPreviewServer *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_SERVER (self), 0);

  return self->n_served;
}
