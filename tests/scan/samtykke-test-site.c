/* samtykke-test-site.c — a small website on the loopback that sets known cookies, for testing
 * cookie scanners (samtykke-scan, or a browser recording a HAR file)
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: samtykke-test-site [--export DIR]
 *
 * Listens on three loopback addresses, each on a free port: 127.0.0.1 is the site,
 * 127.0.0.2 a third party the site embeds, 127.0.0.3 another site the site links to and that
 * no scanner may fetch. When it listens it prints one JSON line:
 *
 *   {"site":"http://127.0.0.1:P/","third_party":"http://127.0.0.2:Q/",
 *    "other":"http://127.0.0.3:R/","log":"http://127.0.0.1:P/__log"}
 *
 * GET /__log on the site answers every request received so far (the log's own excepted), as
 * a JSON array of {"host", "port", "method", "path", "query"}. The program exits when its
 * standard input is closed. With --export DIR (a folder written by `samtykke-cli export`),
 * the pages under /consent/ run that Samtykke banner.
 *
 * The site (127.0.0.1):
 *   /                cookies by header (site_session: session, HttpOnly; site_prefs: a year,
 *                    Lax) and by script (js_pref: a day, Strict), localStorage ls_visits,
 *                    sessionStorage ss_tab, an iframe of the third party; links to /a, /a#part,
 *                    #top, /redirect-loop, /missing, /slow, the other site and a mailto:
 *   /a               cookie a_visit (Path=/a, an hour, Strict); links to /deep, /tricks and /
 *   /deep            only linked from /a: cookie deep_cookie (ten minutes)
 *   /tricks          a form that submits itself to /form-target, window.open('/popup'),
 *                    alert/confirm/prompt, a script that clicks a link to /clicked that is
 *                    not in the document, and a link to /download
 *   /download        a file to download (Content-Disposition: attachment), not a page
 *   /redirect-loop   redirects to /redirect-loop-2, which redirects back
 *   /missing         404, as is every path not listed here
 *   /slow            never finishes: a byte every 200 ms for as long as the client listens
 *   /hang            loads, then its script never returns (and sets cookie hang_seen first)
 *   /odd             cookie names by header with a quote, a backslash, control characters and
 *                    bytes that are not UTF-8; odd names by script; odd storage keys
 *   /sitemap.xml     a <urlset> of /, /a, /deep and a page of the other site
 *   /sitemap-index.xml  a <sitemapindex> of /sitemap-pages.xml (/deep, /a) and a sitemap of
 *                    the other site
 *   /consent/, /consent/about  with --export: the banner, the cookie shop_cart by header, and
 *                    a statistical script (type="text/plain") that sets stats_id and loads
 *                    /stats.gif from the third party once consented
 *   /consent/assets  the same with the banner as cached assets, which fetch policy.json
 *   /consent/FILE    the files of the export folder
 * The third party (127.0.0.2):
 *   /frame           cookie tp_id (a day, SameSite=None) and an image /pixel.gif
 *   /pixel.gif       cookie tp_pixel (a day, SameSite=None)
 *   /stats.gif       cookie tp_stats (a day, SameSite=None)
 * The other site (127.0.0.3) answers every path with a page, and logs it.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef enum
{
  ROLE_SITE,
  ROLE_THIRD_PARTY,
  ROLE_OTHER,
  N_ROLES
} Role;

static const char * const role_addresses[N_ROLES] = { "127.0.0.1", "127.0.0.2", "127.0.0.3" };

typedef struct
{
  GMainLoop  *loop;
  SoupServer *servers[N_ROLES];
  char       *bases[N_ROLES];     /* "http://127.0.0.X:PORT/" */
  guint16     ports[N_ROLES];
  char       *export_dir;
  char       *banner;             /* banner.html of the export */
  JsonArray  *log;
  GList      *trickles;           /* of Trickle */
} Site;

typedef struct
{
  Site              *site;
  SoupServerMessage *msg;
  guint              timer_id;
} Trickle;

static const char gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (char) 0x80, 0, 0, 0, 0, 0, (char) 0xff,
  (char) 0xff, (char) 0xff, '!', (char) 0xf9, 4, 1, 0, 0, 0, 0, ',', 0, 0, 0, 0, 1, 0, 1, 0,
  0, 2, 2, 'D', 1, 0, ';'
};

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body,
         gsize              length)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, length);
}

static void
respond_html (SoupServerMessage *msg,
              guint              status,
              const char        *html)
{
  respond (msg, status, "text/html; charset=utf-8", html, strlen (html));
}

static void
add_cookie (SoupServerMessage *msg,
            const char        *cookie)
{
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie",
                               cookie);
}

static void
log_request (Site              *site,
             Role               role,
             SoupServerMessage *msg,
             const char        *path)
{
  GUri *uri = soup_server_message_get_uri (msg);
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "host", role_addresses[role]);
  json_object_set_int_member (entry, "port", site->ports[role]);
  json_object_set_string_member (entry, "method", soup_server_message_get_method (msg));
  json_object_set_string_member (entry, "path", path);
  if (g_uri_get_query (uri) != NULL)
    json_object_set_string_member (entry, "query", g_uri_get_query (uri));
  else
    json_object_set_null_member (entry, "query");
  json_array_add_object_element (site->log, entry);
}

static void
serve_log (Site              *site,
           SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;
  gsize length = 0;

  json_node_set_array (root, site->log);
  text = json_to_string (root, FALSE);
  length = strlen (text);
  respond (msg, SOUP_STATUS_OK, "application/json", text, length);
}

static void
serve_index (Site              *site,
             SoupServerMessage *msg)
{
  g_autofree char *html = NULL;

  add_cookie (msg, "site_session=s1; Path=/; HttpOnly");
  add_cookie (msg, "site_prefs=p1; Path=/; Max-Age=31536000; SameSite=Lax");
  html = g_strdup_printf (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test site</title>"
    "</head>\n<body id=\"top\">\n<h1>Test site</h1>\n"
    "<script>\n"
    "document.cookie = 'js_pref=dark; max-age=86400; path=/; SameSite=Strict';\n"
    "localStorage.setItem('ls_visits', '1');\n"
    "sessionStorage.setItem('ss_tab', '1');\n"
    "</script>\n"
    "<iframe src=\"%sframe\" title=\"Third party\" width=\"200\" height=\"100\"></iframe>\n"
    "<ul>\n"
    "<li><a href=\"/a\">A</a></li>\n"
    "<li><a href=\"/a#part\">A, further down</a></li>\n"
    "<li><a href=\"#top\">Top</a></li>\n"
    "<li><a href=\"/redirect-loop\">Round and round</a></li>\n"
    "<li><a href=\"/missing\">Missing</a></li>\n"
    "<li><a href=\"/slow\">Slow</a></li>\n"
    "<li><a href=\"%selsewhere\">Another site</a></li>\n"
    "<li><a href=\"mailto:someone@example.com\">Mail</a></li>\n"
    "</ul>\n</body></html>\n",
    site->bases[ROLE_THIRD_PARTY], site->bases[ROLE_OTHER]);
  respond_html (msg, SOUP_STATUS_OK, html);
}

static void
serve_tricks (SoupServerMessage *msg)
{
  respond_html (msg, SOUP_STATUS_OK,
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tricks</title>"
    "</head>\n<body>\n"
    "<form action=\"/form-target\" method=\"post\"><input name=\"q\" value=\"1\"></form>\n"
    "<a href=\"/download\">The price list</a>\n"
    "<script>\n"
    "alert('hello');\n"
    "confirm('sure?');\n"
    "prompt('name?');\n"
    "window.open('/popup');\n"
    "const link = document.createElement('a');\n"
    "link.href = '/clicked';\n"
    "setTimeout(() => link.click(), 10);\n"
    "setTimeout(() => document.forms[0].submit(), 20);\n"
    "</script>\n</body></html>\n");
}

static void
serve_odd (SoupServerMessage *msg)
{
  /* Raw bytes, as a careless server sends them. */
  add_cookie (msg, "q\"uote=1; Path=/");
  add_cookie (msg, "back\\slash=1; Path=/");
  add_cookie (msg, "ctl\001char\177=1; Path=/");
  add_cookie (msg, "latin\346=1; Path=/");
  add_cookie (msg, "bad\377\376name=\377; Path=/");
  add_cookie (msg, "emoji\360\237\215\252=1; Path=/");
  respond_html (msg, SOUP_STATUS_OK,
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Odd</title>"
    "</head>\n<body>\n<script>\n"
    "document.cookie = 'js\"quote\\\\back=1; path=/';\n"
    "localStorage.setItem('quote\" back\\\\slash\\nline\\u0001ctl \\ud800lone \\u2028sep', '1');\n"
    "sessionStorage.setItem('<\\/script><b>', '1');\n"
    "</script>\n</body></html>\n");
}

static void
serve_sitemap (Site              *site,
               SoupServerMessage *msg,
               const char        *path)
{
  const char *base = site->bases[ROLE_SITE];
  const char *other = site->bases[ROLE_OTHER];
  g_autofree char *xml = NULL;

  if (g_str_equal (path, "/sitemap.xml"))
    xml = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <url><loc>%s</loc></url>\n"
      "  <url><loc>%sa</loc><priority>0.5</priority></url>\n"
      "  <url><loc> %sdeep </loc></url>\n"
      "  <url><loc>%sfrom-sitemap</loc></url>\n"
      "</urlset>\n", base, base, base, other);
  else if (g_str_equal (path, "/sitemap-index.xml"))
    xml = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <sitemap><loc>%ssitemap-pages.xml</loc></sitemap>\n"
      "  <sitemap><loc>%ssitemap.xml</loc></sitemap>\n"
      "</sitemapindex>\n", base, other);
  else
    xml = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <url><loc>%sdeep</loc></url>\n"
      "  <url><loc>%sa?from=sitemap&amp;x=1</loc></url>\n"
      "</urlset>\n", base, base);

  respond (msg, SOUP_STATUS_OK, "application/xml", xml, strlen (xml));
}

/* The banner as the fragment (banner.html, with the policy in it), or as cached assets that
 * fetch the policy. */
static const char assets_banner[] =
  "<link rel=\"stylesheet\" href=\"/consent/samtykke.css\">\n"
  "<samtykke-banner src=\"/consent/policy.json\"></samtykke-banner>\n"
  "<script src=\"/consent/samtykke.js\"></script>";

static void
serve_consent_page (Site              *site,
                    SoupServerMessage *msg,
                    const char        *banner,
                    const char        *title,
                    const char        *link,
                    const char        *link_text)
{
  g_autofree char *html = NULL;

  add_cookie (msg, "shop_cart=0; Path=/");
  html = g_strdup_printf (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
    "</head>\n<body>\n%s\n<h1>%s</h1>\n"
    "<script type=\"text/plain\" data-category=\"statistical\">\n"
    "document.cookie = 'stats_id=st1; max-age=31536000; path=/; SameSite=Lax';\n"
    "new Image().src = '%sstats.gif';\n"
    "</script>\n"
    "<p><a href=\"%s\">%s</a></p>\n"
    "<p><a href=\"#samtykke\" data-samtykke-settings>Samtykkeindstillinger</a></p>\n"
    "</body></html>\n",
    title, banner, title, site->bases[ROLE_THIRD_PARTY], link, link_text);
  respond_html (msg, SOUP_STATUS_OK, html);
}

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

static gboolean
serve_export_file (Site              *site,
                   SoupServerMessage *msg,
                   const char        *name)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (name[0] == '\0' || name[0] == '.' || strchr (name, '/') != NULL)
    return FALSE;

  path = g_build_filename (site->export_dir, name, NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  respond (msg, SOUP_STATUS_OK, content_type_for (name), contents, length);
  return TRUE;
}

static void
trickle_free (gpointer data)
{
  Trickle *trickle = data;

  g_clear_handle_id (&trickle->timer_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (trickle->msg, trickle);
  g_object_unref (trickle->msg);
  g_free (trickle);
}

static gboolean
trickle_cb (gpointer data)
{
  Trickle *trickle = data;

  soup_message_body_append (soup_server_message_get_response_body (trickle->msg),
                            SOUP_MEMORY_STATIC, ".", 1);
  soup_server_message_unpause (trickle->msg);

  return G_SOURCE_CONTINUE;
}

static void
trickle_finished_cb (SoupServerMessage *msg,
                     Trickle           *trickle)
{
  Site *site = trickle->site;

  site->trickles = g_list_remove (site->trickles, trickle);
  trickle_free (trickle);
}

#define SLOW_PADDING 1024

static const char slow_start[] =
  "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Slow</title>"
  "</head>\n<body>\n<script>localStorage.setItem('slow_started', '1');</script>\n"
  "<p>Loading";

/* A page that never finishes: the headers and the start of the document at once, then a
 * byte every 200 ms for as long as the client keeps the connection. */
static void
serve_slow (Site              *site,
            SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Trickle *trickle = g_new0 (Trickle, 1);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "text/html; charset=utf-8", NULL);
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, slow_start, strlen (slow_start));
  /* Enough for a browser to start on the document: content sniffers wait for 512 bytes. */
  soup_message_body_append_take (body, (guchar *) g_strnfill (SLOW_PADDING, ' '), SLOW_PADDING);

  trickle->site = site;
  trickle->msg = g_object_ref (msg);
  trickle->timer_id = g_timeout_add (200, trickle_cb, trickle);
  site->trickles = g_list_prepend (site->trickles, trickle);
  g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), trickle);
  g_signal_connect (msg, "disconnected", G_CALLBACK (trickle_finished_cb), trickle);
}

static void
handle_site (Site              *site,
             SoupServerMessage *msg,
             const char        *path)
{
  if (g_str_equal (path, "/"))
    {
      serve_index (site, msg);
    }
  else if (g_str_equal (path, "/a"))
    {
      add_cookie (msg, "a_visit=1; Path=/a; Max-Age=3600; SameSite=Strict");
      respond_html (msg, SOUP_STATUS_OK,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>A</title></head>\n<body><h1 id=\"part\">A</h1>\n"
                    "<a href=\"/deep\">Deeper</a> <a href=\"/tricks\">Tricks</a> "
                    "<a href=\"/\">Home</a>\n</body></html>\n");
    }
  else if (g_str_equal (path, "/deep"))
    {
      add_cookie (msg, "deep_cookie=1; Path=/; Max-Age=600");
      respond_html (msg, SOUP_STATUS_OK,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Deep</title></head>\n<body><a href=\"/\">Home</a></body></html>\n");
    }
  else if (g_str_equal (path, "/tricks"))
    {
      serve_tricks (msg);
    }
  else if (g_str_equal (path, "/download"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Content-Disposition", "attachment; filename=\"prices.bin\"");
      respond (msg, SOUP_STATUS_OK, "application/octet-stream", "\001\002\003", 3);
    }
  else if (g_str_equal (path, "/odd"))
    {
      serve_odd (msg);
    }
  else if (g_str_equal (path, "/redirect-loop") || g_str_equal (path, "/redirect-loop-2"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND,
                                        g_str_equal (path, "/redirect-loop")
                                        ? "/redirect-loop-2" : "/redirect-loop");
    }
  else if (g_str_equal (path, "/slow"))
    {
      serve_slow (site, msg);
    }
  else if (g_str_equal (path, "/hang"))
    {
      respond_html (msg, SOUP_STATUS_OK,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Hang</title></head>\n<body>\n<script>\n"
                    "document.cookie = 'hang_seen=1; path=/';\n"
                    "setTimeout(() => { for (;;) {} }, 50);\n"
                    "</script>\n</body></html>\n");
    }
  else if (g_str_has_prefix (path, "/sitemap") && g_str_has_suffix (path, ".xml")
           && (g_str_equal (path, "/sitemap.xml") || g_str_equal (path, "/sitemap-index.xml")
               || g_str_equal (path, "/sitemap-pages.xml")))
    {
      serve_sitemap (site, msg, path);
    }
  else if (site->banner != NULL && g_str_equal (path, "/consent/"))
    {
      serve_consent_page (site, msg, site->banner, "Shop", "/consent/about", "About the shop");
    }
  else if (site->banner != NULL && g_str_equal (path, "/consent/about"))
    {
      serve_consent_page (site, msg, site->banner, "About the shop", "/consent/", "The shop");
    }
  else if (site->banner != NULL && g_str_equal (path, "/consent/assets"))
    {
      serve_consent_page (site, msg, assets_banner, "Shop with cached assets", "/consent/",
                          "The shop");
    }
  else if (site->banner == NULL || !g_str_has_prefix (path, "/consent/")
           || !serve_export_file (site, msg, path + strlen ("/consent/")))
    {
      respond_html (msg, SOUP_STATUS_NOT_FOUND,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Not found</title></head>\n<body>Not found</body></html>\n");
    }
}

static void
handle_third_party (SoupServerMessage *msg,
                    const char        *path)
{
  if (g_str_equal (path, "/frame"))
    {
      add_cookie (msg, "tp_id=t1; Path=/; Max-Age=86400; SameSite=None");
      respond_html (msg, SOUP_STATUS_OK,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Frame</title></head>\n<body><img src=\"/pixel.gif\" alt=\"\">"
                    "</body></html>\n");
    }
  else if (g_str_equal (path, "/pixel.gif") || g_str_equal (path, "/stats.gif"))
    {
      add_cookie (msg, g_str_equal (path, "/pixel.gif")
                       ? "tp_pixel=x1; Path=/; Max-Age=86400; SameSite=None"
                       : "tp_stats=y1; Path=/; Max-Age=86400; SameSite=None");
      respond (msg, SOUP_STATUS_OK, "image/gif", gif, sizeof gif);
    }
  else
    {
      respond_html (msg, SOUP_STATUS_NOT_FOUND, "Not found");
    }
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Site *site = user_data;
  Role role = ROLE_SITE;

  for (Role r = ROLE_SITE; r < N_ROLES; r++)
    if (site->servers[r] == server)
      role = r;

  if (role == ROLE_SITE && g_str_equal (path, "/__log"))
    {
      serve_log (site, msg);
      return;
    }

  log_request (site, role, msg, path);
  switch (role)
    {
    case ROLE_SITE:
      handle_site (site, msg, path);
      break;
    case ROLE_THIRD_PARTY:
      handle_third_party (msg, path);
      break;
    case ROLE_OTHER:
    case N_ROLES:
    default:
      respond_html (msg, SOUP_STATUS_OK,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Another site</title></head>\n<body>Another site</body></html>\n");
      break;
    }
}

static gboolean
listen_on (Site     *site,
           Role      role,
           GError  **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (role_addresses[role]);
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, 0);
  GSList *uris;

  site->servers[role] = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (site->servers[role], NULL, handle_request, site, NULL);
  if (!soup_server_listen (site->servers[role], socket_address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (site->servers[role]);
  site->ports[role] = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  site->bases[role] = g_strdup_printf ("http://%s:%u/", role_addresses[role], site->ports[role]);

  return TRUE;
}

static gboolean
stdin_cb (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      user_data)
{
  Site *site = user_data;
  char buffer[256];
  ssize_t length = read (STDIN_FILENO, buffer, sizeof buffer);

  if (length > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (site->loop);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) input = NULL;
  g_autofree char *export_dir = NULL;
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_dir,
      "Run the banner of this export folder on the pages under /consent/", "DIR" },
    { NULL }
  };
  Site site = { 0 };

  context = g_option_context_new ("— a website on the loopback for testing cookie scanners");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("samtykke-test-site: %s\n", error->message);
      return 2;
    }

  site.export_dir = export_dir;
  if (export_dir != NULL)
    {
      g_autofree char *path = g_build_filename (export_dir, "banner.html", NULL);

      if (!g_file_get_contents (path, &site.banner, NULL, &error))
        {
          g_printerr ("samtykke-test-site: %s\n", error->message);
          return 2;
        }
    }

  site.log = json_array_new ();
  for (Role role = ROLE_SITE; role < N_ROLES; role++)
    if (!listen_on (&site, role, &error))
      {
        g_printerr ("samtykke-test-site: %s: %s\n", role_addresses[role], error->message);
        return 1;
      }

  printf ("{\"site\":\"%s\",\"third_party\":\"%s\",\"other\":\"%s\",\"log\":\"%s__log\"}\n",
          site.bases[ROLE_SITE], site.bases[ROLE_THIRD_PARTY], site.bases[ROLE_OTHER],
          site.bases[ROLE_SITE]);
  fflush (stdout);

  site.loop = g_main_loop_new (NULL, FALSE);
  input = g_io_channel_unix_new (STDIN_FILENO);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, &site);
  g_main_loop_run (site.loop);

  for (Role role = ROLE_SITE; role < N_ROLES; role++)
    soup_server_disconnect (site.servers[role]);
  g_list_free_full (site.trickles, trickle_free);
  for (Role role = ROLE_SITE; role < N_ROLES; role++)
    {
      g_clear_object (&site.servers[role]);
      g_free (site.bases[role]);
    }
  json_array_unref (site.log);
  g_free (site.banner);
  g_main_loop_unref (site.loop);

  return 0;
}
