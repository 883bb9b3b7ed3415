/* stk-scan-sources.c — where the start addresses come from: the command line, a list, a sitemap
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "stk-scan-sources.h"
#include "stk-scan-url.h"

/* The sitemap protocol's own limit on an uncompressed sitemap. */
#define SITEMAP_MAX_BYTES (50 * 1024 * 1024)

struct _StkScanSources
{
  GObject      parent_instance;

  /* owned */
  GPtrArray   *urls;              /* canonical start addresses, in order, each once */
  GHashTable  *url_set;
  GPtrArray   *given_hosts;       /* hosts of the addresses on the command line and the list */
  GPtrArray   *site_hosts;
  char        *sitemap_url;       /* a sitemap to fetch, or NULL */
  GPtrArray   *sitemap_pages;     /* pages of the sitemap, before the site is known */
  GPtrArray   *sitemap_children;  /* sitemaps of a sitemap index */
  GPtrArray   *sitemap_hosts;     /* hosts of every address in a sitemap file */
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (StkScanSources, stk_scan_sources, G_TYPE_OBJECT)

static void
add_unique (GPtrArray  *array,
            const char *text)
{
  if (!g_ptr_array_find_with_equal_func (array, text, g_str_equal, NULL))
    g_ptr_array_add (array, g_strdup (text));
}

static void
stk_scan_sources_finalize (GObject *object)
{
  StkScanSources *self = STK_SCAN_SOURCES (object);

  g_clear_pointer (&self->urls, g_ptr_array_unref);
  g_clear_pointer (&self->url_set, g_hash_table_unref);
  g_clear_pointer (&self->given_hosts, g_ptr_array_unref);
  g_clear_pointer (&self->site_hosts, g_ptr_array_unref);
  g_clear_pointer (&self->sitemap_url, g_free);
  g_clear_pointer (&self->sitemap_pages, g_ptr_array_unref);
  g_clear_pointer (&self->sitemap_children, g_ptr_array_unref);
  g_clear_pointer (&self->sitemap_hosts, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (stk_scan_sources_parent_class)->finalize (object);
}

static void
stk_scan_sources_class_init (StkScanSourcesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_scan_sources_finalize;
}

static void
stk_scan_sources_init (StkScanSources *self)
{
  self->urls = g_ptr_array_new_with_free_func (g_free);
  self->url_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->given_hosts = g_ptr_array_new_with_free_func (g_free);
  self->site_hosts = g_ptr_array_new_with_free_func (g_free);
  self->sitemap_pages = g_ptr_array_new_with_free_func (g_free);
  self->sitemap_children = g_ptr_array_new_with_free_func (g_free);
  self->sitemap_hosts = g_ptr_array_new_with_free_func (g_free);
}

StkScanSources *
stk_scan_sources_new (void)
{
  return g_object_new (STK_TYPE_SCAN_SOURCES, NULL);
}

static void
add_start_url (StkScanSources *self,
               const char     *canonical)
{
  if (g_hash_table_add (self->url_set, g_strdup (canonical)))
    g_ptr_array_add (self->urls, g_strdup (canonical));
}

/**
 * stk_scan_sources_add_url:
 * @self: the sources
 * @text: a start address from the command line
 * @error: where a refusal goes
 *
 * Returns: %FALSE when @text is not an http or https address
 */
gboolean
stk_scan_sources_add_url (StkScanSources  *self,
                          const char      *text,
                          GError         **error)
{
  g_autofree char *canonical = stk_scan_url_canonical (text);
  g_autofree char *host = NULL;

  if (canonical == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an http or https address"), text);
      return FALSE;
    }

  host = stk_scan_url_host (canonical);
  add_unique (self->given_hosts, host);
  add_start_url (self, canonical);

  return TRUE;
}

/**
 * stk_scan_sources_read_url_file:
 * @self: the sources
 * @path: a file with one address a line; blank lines and lines starting with `#` are skipped
 * @error: where a refusal goes, naming the file and line
 *
 * Returns: %FALSE when the file cannot be read or a line is not an http or https address
 */
gboolean
stk_scan_sources_read_url_file (StkScanSources  *self,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", local_error->message);
      return FALSE;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (!stk_scan_sources_add_url (self, line, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s:%u: %s", path, i + 1,
                       local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Sitemaps: <urlset><url><loc> lists pages, <sitemapindex><sitemap><loc> lists sitemaps. */
typedef struct
{
  const char *name;
  GPtrArray  *pages;
  GPtrArray  *sitemaps;
  gboolean    is_index;
  guint       depth;
  gboolean    in_loc;
  GString    *text;
  int         error_line;  /* where the sitemap's own error was found, or 0 */
  int         error_column;
} SitemapParser;

/* The element's name without a namespace prefix. */
static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
sitemap_start_element (GMarkupParseContext  *context,
                       const char           *element,
                       const char          **attribute_names,
                       const char          **attribute_values,
                       gpointer              user_data,
                       GError              **error)
{
  SitemapParser *parser = user_data;
  const char *name = local_name (element);

  if (parser->depth == 0)
    {
      if (g_str_equal (name, "sitemapindex"))
        {
          parser->is_index = TRUE;
        }
      else if (!g_str_equal (name, "urlset"))
        {
          g_markup_parse_context_get_position (context, &parser->error_line,
                                               &parser->error_column);
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("this is not a sitemap: expected <urlset> or <sitemapindex>, found <%s>"),
                       element);
          return;
        }
    }
  else if (parser->depth == 2 && g_str_equal (name, "loc"))
    {
      const GSList *stack = g_markup_parse_context_get_element_stack (context);
      const char *entry = local_name (stack->next->data);

      parser->in_loc = g_str_equal (entry, parser->is_index ? "sitemap" : "url");
      g_string_truncate (parser->text, 0);
    }

  parser->depth++;
}

static void
sitemap_end_element (GMarkupParseContext  *context,
                     const char           *element,
                     gpointer              user_data,
                     GError              **error)
{
  SitemapParser *parser = user_data;
  g_autofree char *canonical = NULL;
  const char *text;

  parser->depth--;
  if (!parser->in_loc)
    return;

  parser->in_loc = FALSE;
  text = g_strstrip (parser->text->str);
  canonical = stk_scan_url_canonical (text);
  if (canonical == NULL)
    {
      int line = 0, column = 0;

      g_markup_parse_context_get_position (context, &line, &column);
      /* Translators: a warning; the first %s is the sitemap, the last the address in it. */
      g_printerr (_("%s:%d:%d: not an http or https address, skipped: %s\n"),
                  parser->name, line, column, text);
      return;
    }

  /* Pages are made unique as start addresses; a sitemap may list fifty thousand. */
  if (parser->is_index)
    add_unique (parser->sitemaps, canonical);
  else
    g_ptr_array_add (parser->pages, g_steal_pointer (&canonical));
}

static void
sitemap_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  SitemapParser *parser = user_data;

  if (parser->in_loc)
    g_string_append_len (parser->text, text, length);
}

static const GMarkupParser sitemap_parser = {
  sitemap_start_element,
  sitemap_end_element,
  sitemap_text,
  NULL,
  NULL,
};

/* A sitemap may be sent or stored compressed (sitemap.xml.gz). */
static GBytes *
maybe_uncompress (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) memory = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) output = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gssize written;

  if (size < 2 || data[0] != 0x1f || data[1] != 0x8b)
    return g_bytes_ref (bytes);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  memory = g_memory_input_stream_new_from_bytes (bytes);
  stream = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));
  output = g_memory_output_stream_new_resizable ();
  written = g_output_stream_splice (output, stream,
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                    | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                    NULL, error);
  if (written < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

/* Reads the addresses of a sitemap into @pages (a <urlset>) or @sitemaps (a <sitemapindex>);
 * @name names it in messages. */
static gboolean
parse_sitemap (const char  *name,
               GBytes      *compressed,
               GPtrArray   *pages,
               GPtrArray   *sitemaps,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  SitemapParser parser = { name, pages, sitemaps, FALSE, 0, FALSE, text, 0, 0 };
  gsize size = 0;
  const char *data;

  bytes = maybe_uncompress (compressed, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the sitemap cannot be uncompressed: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_bytes_get_size (bytes) > SITEMAP_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the sitemap is larger than 50 MB"), name);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&sitemap_parser, 0, &parser, NULL);
  if (!g_markup_parse_context_parse (context, size > 0 ? data : "", size, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      int line = parser.error_line, column = parser.error_column;

      if (line == 0)
        g_markup_parse_context_get_position (context, &line, &column);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%d:%d: %s", name, line,
                   column, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * stk_scan_sources_set_sitemap:
 * @self: the sources
 * @location: an http or https address, fetched by stk_scan_sources_resolve_async(), or a file,
 *   read at once
 * @error: where a refusal goes, naming the file, line and column
 *
 * Returns: %FALSE when @location is a file that cannot be read or is not a sitemap
 */
gboolean
stk_scan_sources_set_sitemap (StkScanSources  *self,
                              const char      *location,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_clear_pointer (&self->sitemap_url, g_free);
  if (g_str_has_prefix (location, "http://") || g_str_has_prefix (location, "https://"))
    {
      self->sitemap_url = stk_scan_url_canonical (location);
      if (self->sitemap_url == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not an http or https address"), location);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_get_contents (location, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", local_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!parse_sitemap (location, bytes, self->sitemap_pages, self->sitemap_children, error))
    return FALSE;

  /* A sitemap file on its own says which site it maps. */
  for (guint i = 0; i < self->sitemap_pages->len; i++)
    {
      g_autofree char *host = stk_scan_url_host (g_ptr_array_index (self->sitemap_pages, i));

      add_unique (self->sitemap_hosts, host);
    }
  for (guint i = 0; i < self->sitemap_children->len; i++)
    {
      g_autofree char *host = stk_scan_url_host (g_ptr_array_index (self->sitemap_children, i));

      add_unique (self->sitemap_hosts, host);
    }

  return TRUE;
}

/**
 * stk_scan_sources_is_empty:
 * @self: the sources
 *
 * Returns: whether no address and no sitemap was given
 */
gboolean
stk_scan_sources_is_empty (StkScanSources *self)
{
  return self->urls->len == 0 && self->sitemap_url == NULL && self->sitemap_pages->len == 0
         && self->sitemap_children->len == 0;
}

typedef struct
{
  guint      next_child;
  gboolean   fetching_children;
} ResolveData;

static void fetch_next (GTask *task);

static void
set_site (StkScanSources *self)
{
  GPtrArray *hosts = self->given_hosts;
  g_autofree char *sitemap_host = NULL;

  if (hosts->len == 0 && self->sitemap_url != NULL)
    {
      sitemap_host = stk_scan_url_host (self->sitemap_url);
      g_ptr_array_add (self->site_hosts, g_steal_pointer (&sitemap_host));
      return;
    }
  if (hosts->len == 0)
    hosts = self->sitemap_hosts;

  for (guint i = 0; i < hosts->len; i++)
    add_unique (self->site_hosts, g_ptr_array_index (hosts, i));
}

static gboolean
is_on_site (StkScanSources *self,
            const char     *url)
{
  g_autofree char *host = stk_scan_url_host (url);

  return stk_scan_host_is_on_site (host, self->site_hosts);
}

static void
finish_resolve (GTask *task)
{
  StkScanSources *self = g_task_get_source_object (task);

  for (guint i = 0; i < self->sitemap_pages->len; i++)
    {
      const char *page = g_ptr_array_index (self->sitemap_pages, i);

      if (is_on_site (self, page))
        add_start_url (self, page);
      else
        /* Translators: a warning; %s is an address listed in a sitemap. */
        g_printerr (_("The sitemap lists a page of another site, skipped: %s\n"), page);
    }

  if (self->urls->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The sitemap lists no page of the site"));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StkScanSources *self = g_task_get_source_object (task);
  ResolveData *data = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) nested = g_ptr_array_new_with_free_func (g_free);
  const char *url;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  url = g_object_get_data (G_OBJECT (message), "stk-url");
  status = soup_message_get_status (message);
  if (bytes != NULL && !SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the server answered %u %s"),
                   url, status, soup_message_get_reason_phrase (message));
    }
  else if (bytes == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GError) cause = g_steal_pointer (&error);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", url, cause->message);
    }

  if (bytes != NULL)
    {
      if (!data->fetching_children)
        parse_sitemap (url, bytes, self->sitemap_pages, self->sitemap_children, &error);
      else if (parse_sitemap (url, bytes, self->sitemap_pages, nested, &error) && nested->len > 0)
        /* Translators: a warning; %s is the address of a sitemap index. */
        g_printerr (_("%s: a sitemap index inside a sitemap index is not followed\n"), url);
    }

  if (error != NULL && (!data->fetching_children
                        || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* One sitemap of an index that cannot be read does not stop the others. */
  if (error != NULL)
    g_printerr ("%s\n", error->message);

  fetch_next (g_steal_pointer (&task));
}

static void
fetch (GTask      *task,
       const char *url)
{
  StkScanSources *self = g_task_get_source_object (task);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);

  g_object_set_data_full (G_OBJECT (message), "stk-url", g_strdup (url), g_free);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), fetched_cb, task);
}

static void
fetch_next (GTask *task)
{
  StkScanSources *self = g_task_get_source_object (task);
  ResolveData *data = g_task_get_task_data (task);

  if (!data->fetching_children)
    {
      data->fetching_children = TRUE;
      set_site (self);
    }

  /* An index is followed one level, and only to sitemaps of the site. */
  while (data->next_child < self->sitemap_children->len)
    {
      const char *child = g_ptr_array_index (self->sitemap_children, data->next_child++);

      if (is_on_site (self, child))
        {
          fetch (task, child);
          return;
        }
      /* Translators: a warning; %s is the address of a sitemap. */
      g_printerr (_("The sitemap index lists a sitemap of another site, skipped: %s\n"), child);
    }

  finish_resolve (task);
  g_object_unref (task);
}

/**
 * stk_scan_sources_resolve_async:
 * @self: the sources
 * @timeout: seconds a sitemap may take to arrive
 * @cancellable: (nullable): to stop fetching
 * @callback: called when the start addresses and the site are known
 * @user_data: for @callback
 *
 * Fetches the sitemap given by address, and the sitemaps a sitemap index lists, then settles
 * the site: the hosts of the addresses given, or else the sitemap's host, or else the hosts in
 * the sitemap file. The sitemap's pages on the site become start addresses.
 */
void
stk_scan_sources_resolve_async (StkScanSources      *self,
                                guint                timeout,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ResolveData *data = g_new0 (ResolveData, 1);

  g_task_set_task_data (task, data, g_free);
  g_task_set_source_tag (task, stk_scan_sources_resolve_async);

  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", timeout, "idle-timeout", timeout,
                                                   NULL);

  if (self->sitemap_url != NULL)
    fetch (task, self->sitemap_url);
  else
    fetch_next (task);
}

gboolean
stk_scan_sources_resolve_finish (StkScanSources  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * stk_scan_sources_get_urls:
 * @self: the sources
 *
 * Returns: (transfer none) (element-type utf8): the canonical start addresses
 */
GPtrArray *
stk_scan_sources_get_urls (StkScanSources *self)
{
  return self->urls;
}

/**
 * stk_scan_sources_get_site_hosts:
 * @self: the sources
 *
 * Returns: (transfer none) (element-type utf8): the hosts whose pages (and their subdomains')
 *   the crawl may visit, once resolved
 */
GPtrArray *
stk_scan_sources_get_site_hosts (StkScanSources *self)
{
  return self->site_hosts;
}
