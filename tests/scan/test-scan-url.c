/* test-scan-url.c — how samtykke-scan compares page addresses and draws the line between the
 * scanned site, its subdomains, and third parties
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-scan-url.h"

static void
test_canonical (void)
{
  static const struct
  {
    const char *text;
    const char *canonical;   /* NULL: not a page the scanner visits */
  } cases[] = {
    { "http://example.com", "http://example.com/" },
    { "HTTP://WWW.Example.COM./", "http://www.example.com/" },
    { "https://example.com:443/a", "https://example.com/a" },
    { "http://example.com:80/a", "http://example.com/a" },
    { "http://example.com:8080/a", "http://example.com:8080/a" },
    { "https://example.com:80/a", "https://example.com:80/a" },
    { "http://example.com/a#part", "http://example.com/a" },
    { "http://example.com/#", "http://example.com/" },
    { "http://example.com/x/../a/./b", "http://example.com/a/b" },
    { "http://example.com/a?b=1&c=2#d", "http://example.com/a?b=1&c=2" },
    { "http://example.com/A", "http://example.com/A" },
    { "http://user:secret@example.com/a", "http://example.com/a" },
    { "http://127.0.0.1:8080/", "http://127.0.0.1:8080/" },
    { "http://[::1]:8080/a", "http://[::1]:8080/a" },
    { "http://bøger.dk/", "http://xn--bger-gra.dk/" },
    { "ftp://example.com/", NULL },
    { "mailto:someone@example.com", NULL },
    { "javascript:void(0)", NULL },
    { "/relative", NULL },
    { "http://exa mple.com/", NULL },
    { "http:///path", NULL },
    { "", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = stk_scan_url_canonical (cases[i].text);

      g_assert_cmpstr (canonical, ==, cases[i].canonical);
    }
}

static void
test_on_site (void)
{
  g_autoptr(GPtrArray) site = g_ptr_array_new ();

  g_ptr_array_add (site, (char *) "example.com");
  g_ptr_array_add (site, (char *) "www.kk.dk");

  g_assert_true (stk_scan_host_is_on_site ("example.com", site));
  g_assert_true (stk_scan_host_is_on_site ("www.example.com", site));
  g_assert_true (stk_scan_host_is_on_site ("a.b.example.com", site));
  g_assert_true (stk_scan_host_is_on_site ("www.kk.dk", site));
  g_assert_true (stk_scan_host_is_on_site ("shop.www.kk.dk", site));
  /* Starting at www.kk.dk does not cover the rest of kk.dk. */
  g_assert_false (stk_scan_host_is_on_site ("kk.dk", site));
  g_assert_false (stk_scan_host_is_on_site ("shop.kk.dk", site));
  g_assert_false (stk_scan_host_is_on_site ("notexample.com", site));
  g_assert_false (stk_scan_host_is_on_site ("example.com.evil.net", site));
  g_assert_false (stk_scan_host_is_on_site (NULL, site));
}

static void
test_site_of_host (void)
{
  static const struct
  {
    const char *host;
    const char *site;
  } cases[] = {
    { "www.kk.dk", "kk.dk" },
    { "kk.dk", "kk.dk" },
    { "a.b.c.example.com", "example.com" },
    { "www.example.co.uk", "example.co.uk" },
    { "127.0.0.1", "127.0.0.1" },
    { "localhost", "localhost" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *site = stk_scan_host_site (cases[i].host);

      g_assert_cmpstr (site, ==, cases[i].site);
    }
}

static void
test_third_party (void)
{
  /* A cookie's domain (or a request's host) against the page's site. */
  g_assert_true (stk_scan_domain_is_in_site ("kk.dk", "kk.dk"));
  g_assert_true (stk_scan_domain_is_in_site (".kk.dk", "kk.dk"));
  g_assert_true (stk_scan_domain_is_in_site ("www.kk.dk", "kk.dk"));
  g_assert_true (stk_scan_domain_is_in_site (".WWW.KK.DK", "kk.dk"));
  g_assert_true (stk_scan_domain_is_in_site ("127.0.0.1", "127.0.0.1"));
  g_assert_false (stk_scan_domain_is_in_site ("127.0.0.2", "127.0.0.1"));
  g_assert_false (stk_scan_domain_is_in_site (".youtube.com", "kk.dk"));
  g_assert_false (stk_scan_domain_is_in_site ("notkk.dk", "kk.dk"));
  g_assert_false (stk_scan_domain_is_in_site (NULL, "kk.dk"));
}

static void
test_host (void)
{
  g_autofree char *host = stk_scan_url_host ("https://WWW.KK.DK:8443/a?b#c");
  g_autofree char *none = stk_scan_url_host ("about:blank");

  g_assert_cmpstr (host, ==, "www.kk.dk");
  g_assert_null (none);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan-url/canonical", test_canonical);
  g_test_add_func ("/scan-url/on-site", test_on_site);
  g_test_add_func ("/scan-url/site-of-host", test_site_of_host);
  g_test_add_func ("/scan-url/third-party", test_third_party);
  g_test_add_func ("/scan-url/host", test_host);

  return g_test_run ();
}
