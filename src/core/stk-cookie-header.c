/* stk-cookie-header.c — cookies as HTTP headers carry them: Set-Cookie and Cookie
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stk-cookie-header.h"

void
stk_header_cookie_free (StkHeaderCookie *cookie)
{
  g_free (cookie->name);
  g_free (cookie->value);
  g_free (cookie->domain);
  g_free (cookie->path);
  g_free (cookie->same_site);
  g_free (cookie);
}

static int
month_of (const char *name)
{
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, months + 3 * i, 3) == 0)
      return i + 1;

  return 0;
}

/* An HTTP date as cookies use it ("Wed, 21 Oct 2026 07:28:00 GMT", "21-Oct-26 07:28:00 GMT"):
 * the tokens are read the way RFC 6265 section 5.1.1 reads them. Returns -1 when it is not
 * one. */
gint64
stk_parse_cookie_date (const char *text)
{
  g_auto(GStrv) tokens = g_regex_split_simple ("[\\s,;/-]+", text, 0, 0);
  int day = 0, month = 0, year = -1, hour = -1, minute = 0, second = 0;
  g_autoptr(GDateTime) when = NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (*t == '\0')
        continue;
      if (hour < 0)
        {
          int h, m, sec;

          if (sscanf (t, "%d:%d:%d", &h, &m, &sec) == 3)
            {
              hour = h;
              minute = m;
              second = sec;
              continue;
            }
        }
      if (g_ascii_isdigit (*t))
        {
          int n = atoi (t);
          gsize len = strspn (t, "0123456789");

          if (day == 0 && len <= 2)
            day = n;
          else if (year < 0 && (len == 2 || len == 4))
            year = len == 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
          continue;
        }
      if (month == 0)
        month = month_of (t);
    }

  if (day < 1 || day > 31 || month == 0 || year < 1601 || hour < 0 || hour > 23
      || minute > 59 || second > 59)
    return -1;

  when = g_date_time_new_utc (year, month, day, hour, minute, second);

  return when != NULL ? g_date_time_to_unix (when) : -1;
}

/* A raw Set-Cookie value; NULL when it names no cookie. */
StkHeaderCookie *
stk_parse_set_cookie (const char *header,
                      gint64      now)
{
  g_auto(GStrv) parts = g_strsplit (header, ";", -1);
  StkHeaderCookie *cookie;
  const char *eq;
  gboolean max_age = FALSE;

  eq = strchr (parts[0], '=');
  if (eq == NULL)
    return NULL;

  cookie = g_new0 (StkHeaderCookie, 1);
  cookie->name = g_strstrip (g_strndup (parts[0], eq - parts[0]));
  cookie->value = g_strstrip (g_strdup (eq + 1));
  cookie->expires = 0;
  if (*cookie->name == '\0')
    {
      stk_header_cookie_free (cookie);
      return NULL;
    }

  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *attribute = g_strstrip (parts[i]);
      char *value = strchr (attribute, '=');

      if (value != NULL)
        *value++ = '\0';
      g_strstrip (attribute);
      if (value != NULL)
        g_strstrip (value);

      if (g_ascii_strcasecmp (attribute, "domain") == 0 && value != NULL && *value != '\0')
        {
          g_free (cookie->domain);
          cookie->domain = g_strdup (value);
        }
      else if (g_ascii_strcasecmp (attribute, "path") == 0 && value != NULL)
        {
          g_free (cookie->path);
          cookie->path = g_strdup (value);
        }
      else if (g_ascii_strcasecmp (attribute, "max-age") == 0 && value != NULL)
        {
          gint64 seconds = g_ascii_strtoll (value, NULL, 10);

          max_age = TRUE;
          cookie->expires = seconds > 0 ? now + seconds : 1;
        }
      else if (g_ascii_strcasecmp (attribute, "expires") == 0 && value != NULL && !max_age)
        {
          gint64 when = stk_parse_cookie_date (value);

          cookie->expires = when > 0 ? when : -1;
        }
      else if (g_ascii_strcasecmp (attribute, "secure") == 0)
        cookie->secure = TRUE;
      else if (g_ascii_strcasecmp (attribute, "httponly") == 0)
        cookie->http_only = TRUE;
      else if (g_ascii_strcasecmp (attribute, "samesite") == 0 && value != NULL)
        {
          g_free (cookie->same_site);
          cookie->same_site = g_ascii_strdown (value, -1);
        }
    }

  return cookie;
}

/* The Cookie request header: "a=1; b=2". Each part with a name before its "=" is a cookie. */
static gboolean
next_part (const char **p,
           const char **start,
           const char **end,
           const char **eq)
{
  const char *q = *p;

  if (*q == '\0')
    return FALSE;

  while (g_ascii_isspace (*q))
    q++;
  *start = q;
  *eq = NULL;
  while (*q != '\0' && *q != ';')
    {
      if (*q == '=' && *eq == NULL)
        *eq = q;
      q++;
    }
  *end = q;
  while (*end > *start && g_ascii_isspace ((*end)[-1]))
    (*end)--;
  *p = *q == ';' ? q + 1 : q;

  return TRUE;
}

guint
stk_parse_cookie_header (const char *header,
                         GPtrArray  *cookies,
                         guint       limit)
{
  const char *p = header, *start, *end, *eq;
  guint n = 0;

  /* Counted first: a hostile header of a million cookies costs no allocation. */
  while (next_part (&p, &start, &end, &eq))
    if (eq != NULL && eq > start)
      n++;
  if (n > limit)
    return n;

  p = header;
  while (next_part (&p, &start, &end, &eq))
    {
      StkHeaderCookie *cookie;

      if (eq == NULL || eq == start)
        continue;
      cookie = g_new0 (StkHeaderCookie, 1);
      cookie->name = g_strstrip (g_strndup (start, eq - start));
      cookie->value = g_strndup (eq + 1, end - (eq + 1));
      cookie->expires = -1;
      g_ptr_array_add (cookies, cookie);
    }

  return n;
}

