/* stk-scan-url.c — page addresses as the scanner compares them, and which site a host is on
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "stk-scan-url.h"

/* The host in lower case, in its ASCII form (bøger.dk -> xn--bger-gra.dk), without a final
 * dot: "WWW.Example.COM." and "www.example.com" are one host. NULL when it is not a host name
 * or an IP address. */
static char *
normal_host (const char *host)
{
  g_autofree char *ascii = g_hostname_to_ascii (host);
  g_autofree char *lower = NULL;
  gsize length;

  if (ascii == NULL || ascii[0] == '\0')
    return NULL;

  lower = g_ascii_strdown (ascii, -1);
  length = strlen (lower);
  if (length > 1 && lower[length - 1] == '.')
    lower[length - 1] = '\0';

  if (g_hostname_is_ip_address (lower))
    return g_steal_pointer (&lower);
  for (const char *c = lower; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '.' && *c != '_')
      return NULL;

  return g_steal_pointer (&lower);
}

/* @text parsed, when it is an http or https address with a valid host; @host receives the
 * normal form of the host. */
static GUri *
parse_web_uri (const char  *text,
               char       **host)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL)
    return NULL;

  /* SCHEME_NORMALIZE drops the default port and turns an empty path into "/"; ENCODED keeps
   * the escapes as they were written, so the address that is loaded is the one in the page. */
  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;

  if (g_uri_get_host (uri) == NULL || (*host = normal_host (g_uri_get_host (uri))) == NULL)
    return NULL;

  return g_steal_pointer (&uri);
}

/* The port, or -1 when it is the scheme's default (GUri gives the default port itself). */
static int
explicit_port (GUri       *uri,
               const char *scheme)
{
  int port = g_uri_get_port (uri);

  if ((port == 80 && g_str_equal (scheme, "http"))
      || (port == 443 && g_str_equal (scheme, "https")))
    return -1;

  return port;
}

/**
 * stk_scan_url_canonical:
 * @text: an address as written in a page or on the command line
 *
 * Returns the form in which two addresses of one page are equal: http or https only, scheme
 * and host in lower case (the host in its ASCII form), no default port, no user name, no
 * fragment, no "." or ".." in the path, at least "/" as the path. The query is kept: a
 * different query may be a different page.
 *
 * Returns: (transfer full) (nullable): the canonical address, or %NULL when @text is not an
 *   http or https address
 */
char *
stk_scan_url_canonical (const char *text)
{
  g_autofree char *host = NULL;
  g_autoptr(GUri) uri = parse_web_uri (text, &host);
  g_autofree char *scheme = NULL;
  const char *path;

  if (uri == NULL)
    return NULL;

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  path = g_uri_get_path (uri);

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host, explicit_port (uri, scheme),
                     path[0] != '\0' ? path : "/", g_uri_get_query (uri), NULL);
}

/**
 * stk_scan_url_host:
 * @text: an http or https address
 *
 * Returns: (transfer full) (nullable): the host of @text in lower case, or %NULL when @text
 *   is not an http or https address
 */
char *
stk_scan_url_host (const char *text)
{
  g_autofree char *host = NULL;
  g_autoptr(GUri) uri = parse_web_uri (text, &host);

  return uri != NULL ? g_steal_pointer (&host) : NULL;
}

static gboolean
host_is_within (const char *host,
                const char *parent)
{
  gsize host_length = strlen (host);
  gsize parent_length = strlen (parent);

  if (host_length == parent_length)
    return g_str_equal (host, parent);

  return host_length > parent_length
         && host[host_length - parent_length - 1] == '.'
         && g_str_equal (host + host_length - parent_length, parent);
}

/**
 * stk_scan_host_is_on_site:
 * @host: a host in lower case
 * @site_hosts: (element-type utf8): the hosts of the start addresses
 *
 * The scanned site is every start host and its subdomains: starting at example.com covers
 * www.example.com too, starting at www.example.com does not cover shop.example.com.
 *
 * Returns: whether the crawl may follow a link to @host
 */
gboolean
stk_scan_host_is_on_site (const char *host,
                          GPtrArray  *site_hosts)
{
  if (host == NULL)
    return FALSE;

  for (guint i = 0; i < site_hosts->len; i++)
    if (host_is_within (host, g_ptr_array_index (site_hosts, i)))
      return TRUE;

  return FALSE;
}

/**
 * stk_scan_host_site:
 * @host: a host in lower case
 *
 * The site of a host as browsers draw the line between first and third party: the
 * registrable domain from the public-suffix list (www.kk.dk -> kk.dk). An IP address, or a
 * name the list has no entry for (localhost), is a site of its own.
 *
 * Returns: (transfer full): the site of @host
 */
char *
stk_scan_host_site (const char *host)
{
  const char *base = soup_tld_get_base_domain (host, NULL);

  return g_strdup (base != NULL ? base : host);
}

/**
 * stk_scan_domain_is_in_site:
 * @domain: the domain of a cookie as the cookie store has it (".example.com", "example.com")
 * @site: a site from stk_scan_host_site()
 *
 * Returns: whether a cookie of @domain belongs to @site (is first party on its pages)
 */
gboolean
stk_scan_domain_is_in_site (const char *domain,
                            const char *site)
{
  g_autofree char *host = NULL;

  if (domain == NULL)
    return FALSE;
  while (domain[0] == '.')
    domain++;

  host = normal_host (domain);
  return host != NULL && host_is_within (host, site);
}
