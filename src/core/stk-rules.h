/* stk-rules.h — what a link, a date, an e-mail address, a language code and a cookie name may be
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation, the exporters and the editor's fields all ask these functions, so that a value
 * the editor accepts is one validation accepts and the exported pages link. Each check says
 * what is wrong rather than giving a message: the callers word it for their own place.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * StkUrlProblem:
 * @STK_URL_OK: the address may become a link
 * @STK_URL_EMPTY: there is no address
 * @STK_URL_FORBIDDEN_CHARACTERS: it holds white space, a control character, or one of
 *   `"` `<` `>` `\` and `` ` ``, which a browser would have to guess about (a space is
 *   written `%20`)
 * @STK_URL_NO_SCHEME: it does not start with a scheme such as `https:` (a relative or
 *   protocol-relative address)
 * @STK_URL_BAD_SCHEME: its scheme is not `https:`, `http:` or `mailto:`
 * @STK_URL_NO_HOST: an `https:` or `http:` address without `//` and a host name, or one
 *   GLib cannot parse (a port that is not a number, a broken `%` escape)
 * @STK_URL_NO_ADDRESS: a `mailto:` address whose recipients are not e-mail addresses
 *
 * What keeps a value from being a link on the exported pages.
 */
typedef enum
{
  STK_URL_OK,
  STK_URL_EMPTY,
  STK_URL_FORBIDDEN_CHARACTERS,
  STK_URL_NO_SCHEME,
  STK_URL_BAD_SCHEME,
  STK_URL_NO_HOST,
  STK_URL_NO_ADDRESS,
} StkUrlProblem;

/**
 * StkEndpointProblem:
 * @STK_ENDPOINT_OK: consent records may be sent there
 * @STK_ENDPOINT_EMPTY: there is no endpoint: nothing is sent
 * @STK_ENDPOINT_NOT_SITE: neither an `https:` address nor a path on the site: `http:`,
 *   `mailto:` and other schemes, a relative path, or a protocol-relative `//host` or `/\host`
 *   that leaves the site
 * @STK_ENDPOINT_FORBIDDEN_CHARACTERS: as %STK_URL_FORBIDDEN_CHARACTERS
 * @STK_ENDPOINT_NO_HOST: an `https:` address without a host name
 *
 * What keeps a value from being the consent log's endpoint.
 */
typedef enum
{
  STK_ENDPOINT_OK,
  STK_ENDPOINT_EMPTY,
  STK_ENDPOINT_NOT_SITE,
  STK_ENDPOINT_FORBIDDEN_CHARACTERS,
  STK_ENDPOINT_NO_HOST,
} StkEndpointProblem;

/**
 * StkDateProblem:
 * @STK_DATE_OK: a calendar date written `YYYY-MM-DD`
 * @STK_DATE_EMPTY: there is no date
 * @STK_DATE_BAD_FORM: not four digits, `-`, two digits, `-`, two digits, and nothing more
 * @STK_DATE_NO_SUCH_DAY: the form is right but no such day exists (`2026-02-29`,
 *   `2026-13-01`, `0000-01-01`)
 */
typedef enum
{
  STK_DATE_OK,
  STK_DATE_EMPTY,
  STK_DATE_BAD_FORM,
  STK_DATE_NO_SUCH_DAY,
} StkDateProblem;

/**
 * StkEmailProblem:
 * @STK_EMAIL_OK: the value can be written to and linked as `mailto:`
 * @STK_EMAIL_EMPTY: there is no address
 * @STK_EMAIL_FORBIDDEN_CHARACTERS: white space, a control character, one of `"` `<` `>` `\`
 *   `` ` `` (as in a link), or one of `,` `?` `#`, which a `mailto:` link reads as the end of
 *   the address
 * @STK_EMAIL_NOT_ADDRESS: not exactly one `@` with text on both sides
 */
typedef enum
{
  STK_EMAIL_OK,
  STK_EMAIL_EMPTY,
  STK_EMAIL_FORBIDDEN_CHARACTERS,
  STK_EMAIL_NOT_ADDRESS,
} StkEmailProblem;

/**
 * StkLanguageProblem:
 * @STK_LANGUAGE_OK: a simple BCP 47 tag such as `da`, `pt-BR` or `zh-Hant`
 * @STK_LANGUAGE_EMPTY: there is no code
 * @STK_LANGUAGE_BAD_LANGUAGE: the first part is not two or three lower-case letters `a`–`z`
 * @STK_LANGUAGE_BAD_SUBTAG: a part after a `-` is empty, longer than eight characters, or
 *   holds something other than ASCII letters and digits
 */
typedef enum
{
  STK_LANGUAGE_OK,
  STK_LANGUAGE_EMPTY,
  STK_LANGUAGE_BAD_LANGUAGE,
  STK_LANGUAGE_BAD_SUBTAG,
} StkLanguageProblem;

/**
 * StkCookieNameProblem:
 * @STK_COOKIE_NAME_OK: the value may be an HTTP cookie's name
 * @STK_COOKIE_NAME_EMPTY: the name is empty or only white space
 * @STK_COOKIE_NAME_FORBIDDEN_CHARACTERS: it holds white space, a control character, a
 *   character outside ASCII, or one of `( ) < > @ , ; : \ " / [ ] ? = { }` (RFC 6265's
 *   token)
 */
typedef enum
{
  STK_COOKIE_NAME_OK,
  STK_COOKIE_NAME_EMPTY,
  STK_COOKIE_NAME_FORBIDDEN_CHARACTERS,
} StkCookieNameProblem;

StkUrlProblem        stk_url_check            (const char *url);
StkEndpointProblem   stk_endpoint_check       (const char *endpoint);
StkDateProblem       stk_date_check           (const char *date);
StkEmailProblem      stk_email_check          (const char *address);
StkLanguageProblem   stk_language_check       (const char *code);
StkCookieNameProblem stk_cookie_name_check    (const char *name);
gboolean             stk_cookie_name_matches  (const char *name,
                                               gboolean    pattern,
                                               const char *candidate);

gboolean             stk_url_is_link          (const char *url);
gboolean             stk_email_is_valid       (const char *address);

G_END_DECLS
