/* stk-interop-js.c — a configuration written as a module, made into a script that runs alone
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vanilla-cookieconsent's documentation has the configuration import the library
 * (`import 'https://…/cookieconsent.umd.js';` or `import * as CookieConsent from
 * 'vanilla-cookieconsent';`), which only a module may do; the engine samtykke-import-js runs
 * takes scripts. The import declarations at the top of the file are replaced by variables
 * bound to the stand-ins of the libraries (__samtykkeImport() in samtykke-import-js), and
 * nothing is fetched. Only declarations before the first other statement are rewritten, so
 * this needs no JavaScript parser: whitespace, comments and the declarations' own grammar.
 */
#include "config.h"

#include <string.h>

#include "stk-interop-private.h"

typedef struct
{
  const char *p;
  const char *end;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->p < s->end)
    {
      if (g_ascii_isspace (*s->p))
        s->p++;
      else if (s->end - s->p >= 2 && s->p[0] == '/' && s->p[1] == '/')
        {
          while (s->p < s->end && *s->p != '\n')
            s->p++;
        }
      else if (s->end - s->p >= 2 && s->p[0] == '/' && s->p[1] == '*')
        {
          const char *close = g_strstr_len (s->p + 2, s->end - s->p - 2, "*/");

          s->p = close != NULL ? close + 2 : s->end;
        }
      else
        break;
    }
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* An identifier (ASCII and any non-ASCII character), or NULL. */
static char *
take_name (Scanner *s)
{
  const char *start = s->p;

  if (s->p >= s->end || g_ascii_isdigit (*s->p) || !is_name_char (*s->p))
    return NULL;
  while (s->p < s->end && is_name_char (*s->p))
    s->p++;
  return g_strndup (start, s->p - start);
}

static gboolean
take_word (Scanner    *s,
           const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || strncmp (s->p, word, n) != 0
      || (s->p + n < s->end && is_name_char (s->p[n])))
    return FALSE;
  s->p += n;
  return TRUE;
}

static gboolean
take_char (Scanner *s,
           char     c)
{
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

/* A string literal without escapes that matter for a module specifier; NULL otherwise. */
static char *
take_string (Scanner *s)
{
  char quote;
  const char *start;

  if (s->p >= s->end || (*s->p != '"' && *s->p != '\''))
    return NULL;
  quote = *s->p++;
  start = s->p;
  while (s->p < s->end && *s->p != quote)
    {
      if (*s->p == '\\' || *s->p == '\n')
        return NULL;
      s->p++;
    }
  if (s->p >= s->end)
    return NULL;
  return g_strndup (start, s->p++ - start);
}

/* Parses one import declaration at s->p (just after "import"); appends its replacement. */
static gboolean
rewrite_one (Scanner *s,
             GString *out)
{
  g_autofree char *default_name = NULL;
  g_autofree char *namespace_name = NULL;
  g_autofree char *specifier = NULL;
  g_autoptr(GString) named = NULL;
  g_autoptr(GString) module = g_string_new (NULL);

  skip_space (s);
  specifier = take_string (s);
  if (specifier == NULL)
    {
      default_name = take_name (s);
      skip_space (s);
      if (default_name != NULL && !take_char (s, ','))
        goto from;
      skip_space (s);
      if (take_char (s, '*'))
        {
          skip_space (s);
          if (!take_word (s, "as"))
            return FALSE;
          skip_space (s);
          namespace_name = take_name (s);
          if (namespace_name == NULL)
            return FALSE;
        }
      else if (take_char (s, '{'))
        {
          named = g_string_new (NULL);
          for (;;)
            {
              g_autofree char *imported = NULL;
              g_autofree char *local = NULL;

              skip_space (s);
              if (take_char (s, '}'))
                break;
              imported = take_name (s);
              if (imported == NULL)
                return FALSE;
              skip_space (s);
              if (take_word (s, "as"))
                {
                  skip_space (s);
                  local = take_name (s);
                  if (local == NULL)
                    return FALSE;
                  skip_space (s);
                }
              g_string_append_printf (named, "%s%s: %s", named->len > 0 ? ", " : "",
                                      imported, local != NULL ? local : imported);
              if (take_char (s, ','))
                continue;
              skip_space (s);
              if (take_char (s, '}'))
                break;
              return FALSE;
            }
        }
      else if (default_name == NULL)
        {
          return FALSE;
        }

    from:
      skip_space (s);
      if (!take_word (s, "from"))
        return FALSE;
      skip_space (s);
      specifier = take_string (s);
      if (specifier == NULL)
        return FALSE;
    }

  /* Import attributes (with { type: "json" }) and the end of the statement. */
  {
    Scanner peek = *s;

    skip_space (&peek);
    if (take_word (&peek, "with") || take_word (&peek, "assert"))
      {
        const char *close;

        skip_space (&peek);
        if (!take_char (&peek, '{'))
          return FALSE;
        close = memchr (peek.p, '}', peek.end - peek.p);
        if (close == NULL)
          return FALSE;
        peek.p = close + 1;
        *s = peek;
      }
  }
  {
    Scanner peek = *s;

    while (peek.p < peek.end && (*peek.p == ' ' || *peek.p == '\t'))
      peek.p++;
    if (take_char (&peek, ';'))
      *s = peek;
  }

  stk_js_append_string (module, specifier);
  if (default_name != NULL)
    g_string_append_printf (out, "var %s = __samtykkeImport(%s);", default_name, module->str);
  if (namespace_name != NULL)
    g_string_append_printf (out, "var %s = __samtykkeImport(%s);", namespace_name, module->str);
  if (named != NULL && named->len > 0)
    g_string_append_printf (out, "var { %s } = __samtykkeImport(%s);", named->str, module->str);

  return TRUE;
}

char *
stk_interop_rewrite_imports (const char *source,
                             gsize       length,
                             gsize      *out_length,
                             guint      *n_imports)
{
  Scanner s = { source, source + length };
  g_autoptr(GString) out = g_string_sized_new (length + 64);
  const char *copied = source;

  *n_imports = 0;
  *out_length = 0;

  /* A "#!" line is allowed at the very start. */
  if (length >= 2 && source[0] == '#' && source[1] == '!')
    while (s.p < s.end && *s.p != '\n')
      s.p++;

  for (;;)
    {
      const char *statement;
      Scanner after;

      skip_space (&s);
      statement = s.p;
      after = s;
      if (!take_word (&after, "import"))
        break;
      /* import(…) and import.meta are expressions, not declarations. */
      {
        Scanner peek = after;

        skip_space (&peek);
        if (peek.p < peek.end && (*peek.p == '(' || *peek.p == '.'))
          break;
      }
      g_string_append_len (out, copied, statement - copied);
      if (!rewrite_one (&after, out))
        return NULL;
      /* The lines the declaration took stay, so that later lines keep their numbers. */
      for (const char *p = statement; p < after.p; p++)
        if (*p == '\n')
          g_string_append_c (out, '\n');
      s = after;
      copied = s.p;
      (*n_imports)++;
    }

  if (*n_imports == 0)
    return NULL;

  g_string_append_len (out, copied, s.end - copied);
  *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
