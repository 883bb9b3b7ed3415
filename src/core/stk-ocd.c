/* stk-ocd.c — suggestions for unknown cookies from the Open Cookie Database
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-ocd-private.h"

#define POOL(offset) (stk_ocd_pool + (offset))

guint
stk_ocd_get_n_entries (void)
{
  return stk_ocd_n_rows;
}

const char *
stk_ocd_category_to_string (StkOcdCategory category)
{
  switch (category)
    {
    case STK_OCD_FUNCTIONAL:      return "functional";
    case STK_OCD_NECESSARY:       return "necessary";
    case STK_OCD_SECURITY:        return "security";
    case STK_OCD_PERSONALIZATION: return "personalization";
    case STK_OCD_ANALYTICS:       return "analytics";
    case STK_OCD_MARKETING:       return "marketing";
    case STK_OCD_OTHER:
    default:                      return "other";
    }
}

/* The first row whose name is not below @name (byte order), or stk_ocd_n_rows. */
static guint
lower_bound (const char *name)
{
  guint low = 0, high = stk_ocd_n_rows;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (strcmp (POOL (stk_ocd_rows[mid].name), name) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* Whether @found (a cookie's domain, maybe with a leading dot) lies in the database's @domain
 * ("google.com", ".linkedin.com", "microsoft.com (3rd party)"). */
static gboolean
domain_fits (const char *domain,
             const char *found)
{
  char wanted[256];
  gsize n = 0;
  gsize found_len;

  while (*domain == ' ' || *domain == '.' || *domain == '*')
    domain++;
  while (domain[n] != '\0' && domain[n] != ' ' && domain[n] != '(' && domain[n] != '/'
         && n < sizeof wanted - 1)
    {
      wanted[n] = g_ascii_tolower (domain[n]);
      n++;
    }
  wanted[n] = '\0';
  if (n == 0)
    return FALSE;

  while (*found == '.')
    found++;
  found_len = strlen (found);
  if (found_len < n)
    return FALSE;
  if (g_ascii_strcasecmp (found + found_len - n, wanted) != 0)
    return FALSE;

  return found_len == n || found[found_len - n - 1] == '.';
}

static void
fill_entry (guint        row_index,
            StkOcdEntry *entry)
{
  const StkOcdRow *row = &stk_ocd_rows[row_index];

  entry->id = POOL (row->id);
  entry->name = POOL (row->name);
  entry->wildcard = row->wildcard;
  entry->platform = POOL (row->platform);
  entry->category = row->category;
  entry->category_name = POOL (row->category_name);
  entry->domain = POOL (row->domain);
  entry->description = POOL (row->description);
  entry->retention = POOL (row->retention);
  entry->duration_known = row->duration_value >= 0;
  entry->duration_value = MAX (row->duration_value, 0);
  entry->duration_unit = row->duration_unit;
  entry->controller = POOL (row->controller);
  entry->privacy_url = POOL (row->privacy_url);
}

/* Among the rows [first, last) of one name, the one that fits @domain best. */
static guint
best_of (guint       first,
         guint       last,
         const char *domain)
{
  guint without_domain = G_MAXUINT;

  for (guint i = first; i < last; i++)
    {
      const char *row_domain = POOL (stk_ocd_rows[i].domain);

      if (domain != NULL && domain_fits (row_domain, domain))
        return i;
      if (row_domain[0] == '\0' && without_domain == G_MAXUINT)
        without_domain = i;
    }

  return without_domain != G_MAXUINT ? without_domain : first;
}

static gboolean
find_exact (const char *name,
            const char *domain,
            guint      *row)
{
  guint first = lower_bound (name);
  guint last = first;

  while (last < stk_ocd_n_rows && strcmp (POOL (stk_ocd_rows[last].name), name) == 0)
    last++;

  if (last == first)
    return FALSE;

  *row = best_of (first, last, domain);
  return TRUE;
}

/* @row_name against the first @n bytes of @name, as strcmp would compare them. */
static int
compare_to_prefix (const char *row_name,
                   const char *name,
                   gsize       n)
{
  int cmp = strncmp (row_name, name, n);

  if (cmp != 0)
    return cmp;

  return row_name[n] != '\0';
}

/* The longest wildcard prefix of @name. The greatest wildcard not above @name is tried; when it
 * is no prefix of @name and shares its first L bytes, no wildcard between them can be a prefix
 * longer than L, so the search goes on for the first L bytes of @name: each step is one binary
 * search, and the length shrinks every time. */
static gboolean
find_prefix (const char *name,
             const char *domain,
             guint      *row)
{
  gsize length = strlen (name);

  while (length > 0)
    {
      guint low = 0, high = stk_ocd_n_wildcards;
      const char *candidate;
      gsize common = 0;

      /* The first wildcard above name[0, length). */
      while (low < high)
        {
          guint mid = low + (high - low) / 2;

          if (compare_to_prefix (POOL (stk_ocd_rows[stk_ocd_wildcards[mid]].name), name,
                                 length) <= 0)
            low = mid + 1;
          else
            high = mid;
        }
      if (low == 0)
        return FALSE;

      candidate = POOL (stk_ocd_rows[stk_ocd_wildcards[low - 1]].name);
      while (common < length && candidate[common] == name[common])
        common++;

      if (candidate[common] == '\0')
        {
          /* Among the wildcard rows of this name (neighbours, ending at low - 1), one whose
           * domain fits. */
          guint first = low - 1;

          while (first > 0
                 && strcmp (POOL (stk_ocd_rows[stk_ocd_wildcards[first - 1]].name),
                            candidate) == 0)
            first--;
          *row = stk_ocd_wildcards[low - 1];
          for (guint i = first; i < low && domain != NULL; i++)
            if (domain_fits (POOL (stk_ocd_rows[stk_ocd_wildcards[i]].domain), domain))
              {
                *row = stk_ocd_wildcards[i];
                break;
              }
          return TRUE;
        }

      length = common;
    }

  return FALSE;
}

gboolean
stk_ocd_lookup (const char  *name,
                const char  *domain,
                StkOcdEntry *entry)
{
  guint row;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (name == NULL || *name == '\0')
    return FALSE;

  if (!find_exact (name, domain, &row) && !find_prefix (name, domain, &row))
    return FALSE;

  fill_entry (row, entry);
  return TRUE;
}
