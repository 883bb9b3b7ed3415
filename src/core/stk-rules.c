/* stk-rules.c — what a link, a date, an e-mail address, a language code and a cookie name may be
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-rules.h"

/* Characters no address may hold as they are: browsers drop or guess about them (a tab inside
 * "java\tscript:" hides the scheme), and they could end an HTML attribute. */
static gboolean
is_forbidden_in_url (guchar c)
{
  return c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`';
}

static gboolean
has_forbidden_in_url (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (is_forbidden_in_url ((guchar) *p))
      return TRUE;

  return FALSE;
}

/* The length of the scheme at the start of @url (RFC 3986: a letter, then letters, digits,
 * "+", "-" and "."), not counting its ":"; 0 when there is none. */
static gsize
scheme_length (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return 0;

  for (p++; g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.'; p++)
    ;

  return *p == ':' ? (gsize) (p - url) : 0;
}

static gboolean
scheme_is (const char *url,
           gsize       length,
           const char *scheme)
{
  return length == strlen (scheme) && g_ascii_strncasecmp (url, scheme, length) == 0;
}

/* One recipient's address, as far as @end: exactly one "@", with text on both sides. */
static StkEmailProblem
check_address (const char *address,
               const char *end)
{
  const char *at = NULL;

  if (address == end)
    return STK_EMAIL_EMPTY;

  for (const char *p = address; p < end; p++)
    {
      if (is_forbidden_in_url ((guchar) *p) || *p == ',' || *p == '?' || *p == '#')
        return STK_EMAIL_FORBIDDEN_CHARACTERS;
      if (*p == '@')
        {
          if (at != NULL)
            return STK_EMAIL_NOT_ADDRESS;
          at = p;
        }
    }

  if (at == NULL || at == address || at + 1 == end)
    return STK_EMAIL_NOT_ADDRESS;

  return STK_EMAIL_OK;
}

/* The recipients of a mailto: address (RFC 6068): addresses separated by ",", up to the
 * headers ("?subject=...") or a fragment. */
static gboolean
mailto_has_recipients (const char *recipients)
{
  const char *end = recipients + strcspn (recipients, "?#");
  const char *p = recipients;

  for (;;)
    {
      const char *comma = memchr (p, ',', end - p);
      const char *stop = comma != NULL ? comma : end;

      if (check_address (p, stop) != STK_EMAIL_OK)
        return FALSE;
      if (comma == NULL)
        return TRUE;
      p = comma + 1;
    }
}

static gboolean
has_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  /* "%20" decodes to a space: a host of nothing but spaces is none. */
  for (; host != NULL && *host != '\0'; host++)
    if (!g_ascii_isspace (*host))
      return TRUE;

  return FALSE;
}

/**
 * stk_url_check:
 * @url: (nullable): an address, as written in the policy
 *
 * Checks whether @url may become a link on the exported pages: an absolute `https:` or
 * `http:` address with a host, or a `mailto:` address with at least one recipient, with
 * nothing a browser would have to guess about. The scheme is compared without regard to
 * case. `tests/rules/url-cases.json` lists the cases this rule and the web component's agree
 * on.
 *
 * The checks run in this order, and the first that fails is the answer: empty, forbidden
 * characters, no scheme, a `mailto:` without recipients, another scheme than `https:` or
 * `http:`, no host.
 *
 * Returns: %STK_URL_OK, or what is wrong
 */
StkUrlProblem
stk_url_check (const char *url)
{
  gsize length;

  if (url == NULL || *url == '\0')
    return STK_URL_EMPTY;

  if (has_forbidden_in_url (url))
    return STK_URL_FORBIDDEN_CHARACTERS;

  length = scheme_length (url);
  if (length == 0)
    return STK_URL_NO_SCHEME;

  if (scheme_is (url, length, "mailto"))
    return mailto_has_recipients (url + length + 1) ? STK_URL_OK : STK_URL_NO_ADDRESS;

  if (!scheme_is (url, length, "https") && !scheme_is (url, length, "http"))
    return STK_URL_BAD_SCHEME;

  if (strncmp (url + length + 1, "//", 2) != 0 || !has_host (url))
    return STK_URL_NO_HOST;

  return STK_URL_OK;
}

/**
 * stk_endpoint_check:
 * @endpoint: (nullable): the consent log's endpoint, as written in the policy
 *
 * Checks the address the web component sends consent records to. It receives a consent id
 * tied to a visitor, so it must stay on the site: an `https:` address that stk_url_check()
 * accepts, or a path on the site itself starting with a single `/` (the same wherever the
 * banner runs). `//host/` and `/\host/` are refused: browsers read both as another host.
 * Whether an `https:` address is on one of the site's own domains is for the caller to judge.
 *
 * Returns: %STK_ENDPOINT_OK, or what is wrong
 */
StkEndpointProblem
stk_endpoint_check (const char *endpoint)
{
  StkUrlProblem problem;
  gsize length;

  if (endpoint == NULL || *endpoint == '\0')
    return STK_ENDPOINT_EMPTY;

  if (endpoint[0] == '/')
    {
      if (endpoint[1] == '/' || endpoint[1] == '\\')
        return STK_ENDPOINT_NOT_SITE;
      if (has_forbidden_in_url (endpoint))
        return STK_ENDPOINT_FORBIDDEN_CHARACTERS;
      return STK_ENDPOINT_OK;
    }

  length = scheme_length (endpoint);
  if (length == 0 || !scheme_is (endpoint, length, "https"))
    return STK_ENDPOINT_NOT_SITE;

  problem = stk_url_check (endpoint);
  if (problem == STK_URL_OK)
    return STK_ENDPOINT_OK;
  if (problem == STK_URL_FORBIDDEN_CHARACTERS)
    return STK_ENDPOINT_FORBIDDEN_CHARACTERS;

  return STK_ENDPOINT_NO_HOST;
}

/**
 * stk_date_check:
 * @date: (nullable): a date, as written in the policy
 *
 * Checks that @date is a day of the Gregorian calendar written `YYYY-MM-DD` (ISO 8601's
 * calendar date, years 0001 to 9999), with nothing before or after it.
 *
 * Returns: %STK_DATE_OK, or what is wrong
 */
StkDateProblem
stk_date_check (const char *date)
{
  guint year = 0, month = 0, day = 0;

  if (date == NULL || *date == '\0')
    return STK_DATE_EMPTY;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return STK_DATE_BAD_FORM;
          continue;
        }
      if (!g_ascii_isdigit (date[i]))
        return STK_DATE_BAD_FORM;

      if (i < 4)
        year = year * 10 + (date[i] - '0');
      else if (i < 7)
        month = month * 10 + (date[i] - '0');
      else
        day = day * 10 + (date[i] - '0');
    }

  if (date[10] != '\0')
    return STK_DATE_BAD_FORM;

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return STK_DATE_NO_SUCH_DAY;

  return STK_DATE_OK;
}

/**
 * stk_email_check:
 * @address: (nullable): an e-mail address, as written in the policy
 *
 * Checks the form of an e-mail address as far as the declaration page needs it: one `@` with
 * text on both sides, and nothing that would keep `mailto:` followed by the address from
 * being a link (stk_url_check() accepts exactly those). Whether the address exists is not
 * for a form to say.
 *
 * Returns: %STK_EMAIL_OK, or what is wrong
 */
StkEmailProblem
stk_email_check (const char *address)
{
  if (address == NULL)
    return STK_EMAIL_EMPTY;

  return check_address (address, address + strlen (address));
}

/**
 * stk_language_check:
 * @code: (nullable): a language code, as written in the policy
 *
 * Checks that @code is a BCP 47 language tag in the simple form the web uses: two or three
 * lower-case letters, optionally followed by subtags of one to eight ASCII letters and digits,
 * each after a `-` (`da`, `en`, `pt-BR`, `zh-Hant`). Whether the language exists is not
 * checked.
 *
 * Returns: %STK_LANGUAGE_OK, or what is wrong
 */
StkLanguageProblem
stk_language_check (const char *code)
{
  const char *p = code;
  gsize length;

  if (code == NULL || *code == '\0')
    return STK_LANGUAGE_EMPTY;

  while (g_ascii_islower (*p))
    p++;
  length = p - code;
  if (length < 2 || length > 3 || (*p != '\0' && *p != '-'))
    return STK_LANGUAGE_BAD_LANGUAGE;

  while (*p == '-')
    {
      const char *subtag = ++p;

      while (g_ascii_isalnum (*p))
        p++;
      length = p - subtag;
      if (length < 1 || length > 8 || (*p != '\0' && *p != '-'))
        return STK_LANGUAGE_BAD_SUBTAG;
    }

  return STK_LANGUAGE_OK;
}

/**
 * stk_cookie_name_check:
 * @name: (nullable): a cookie's name, as written in the policy
 *
 * Checks that @name can be an HTTP cookie's name: a token of RFC 6265, printable ASCII
 * without white space and without `( ) < > @ , ; : \ " / [ ] ? = { }`. A name written as a
 * pattern passes too, since `*` is allowed in a token. Other storage items (local storage
 * keys, databases) may be named more freely; for them only %STK_COOKIE_NAME_EMPTY applies.
 *
 * Returns: %STK_COOKIE_NAME_OK, or what is wrong
 */
StkCookieNameProblem
stk_cookie_name_check (const char *name)
{
  gboolean blank = TRUE;

  if (name == NULL)
    return STK_COOKIE_NAME_EMPTY;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      blank = FALSE;
  if (blank)
    return STK_COOKIE_NAME_EMPTY;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f || strchr ("()<>@,;:\\\"/[]?={}", *p) != NULL)
      return STK_COOKIE_NAME_FORBIDDEN_CHARACTERS;

  return STK_COOKIE_NAME_OK;
}

/**
 * stk_cookie_name_matches:
 * @name: a cookie's name, or a pattern
 * @pattern: whether @name is a pattern
 * @candidate: the name of a cookie or storage item found in a browser
 *
 * Whether a cookie listed as @name stands for @candidate. Without @pattern the names must be
 * the same, character for character. In a pattern, each `*` stands for any run of characters,
 * none included (`_ga_*` stands for `_ga_` and `_ga_X1Y2`); every other character stands for
 * itself. The web component matches the same way when it removes the cookies of a withdrawn
 * category.
 *
 * Returns: whether @candidate is one of the cookies @name stands for
 */
gboolean
stk_cookie_name_matches (const char *name,
                         gboolean    pattern,
                         const char *candidate)
{
  const char *n, *c;
  const char *star = NULL;     /* the last "*" of the pattern met so far */
  const char *resume = NULL;   /* where in @candidate that "*" matches up to, so far */

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (candidate != NULL, FALSE);

  if (!pattern)
    return strcmp (name, candidate) == 0;

  /* Each "*" first matches nothing, and one more character whenever the rest fails: the
   * last "*" met is the only one that needs to grow, so this takes linear space and at most
   * quadratic time. */
  for (n = name, c = candidate; *c != '\0';)
    {
      if (*n == '*')
        {
          star = n++;
          resume = c;
        }
      else if (*n != '\0' && *n == *c)
        {
          n++;
          c++;
        }
      else if (star != NULL)
        {
          n = star + 1;
          c = ++resume;
        }
      else
        {
          return FALSE;
        }
    }

  while (*n == '*')
    n++;

  return *n == '\0';
}

/* Conveniences, for callers that need only a yes or no */

/**
 * stk_url_is_link:
 * @url: (nullable): an address
 *
 * Returns: whether stk_url_check() finds nothing wrong with @url, so that it may be written as
 *   a link
 */
gboolean
stk_url_is_link (const char *url)
{
  return stk_url_check (url) == STK_URL_OK;
}

/**
 * stk_email_is_valid:
 * @address: (nullable): an e-mail address
 *
 * Returns: whether stk_email_check() finds nothing wrong with @address
 */
gboolean
stk_email_is_valid (const char *address)
{
  return stk_email_check (address) == STK_EMAIL_OK;
}
