/* stk-audit.c — what a site really sets, held against its policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stk-audit-private.h"
#include "stk-json.h"
#include "stk-rules.h"

const char *
stk_audit_status_to_string (StkAuditStatus status)
{
  switch (status)
    {
    case STK_AUDIT_DECLARED:   return "declared";
    case STK_AUDIT_UNDECLARED: return "undeclared";
    case STK_AUDIT_UNSEEN:     return "unseen";
    default:                   g_return_val_if_reached ("unseen");
    }
}

/* Items ------------------------------------------------------------------------------------ */


G_DEFINE_FINAL_TYPE (StkAuditItem, stk_audit_item, G_TYPE_OBJECT)

static void
stk_audit_item_finalize (GObject *object)
{
  StkAuditItem *self = STK_AUDIT_ITEM (object);

  g_free (self->name);
  g_free (self->domain);
  g_free (self->path);
  g_free (self->same_site);
  g_free (self->first_seen);
  g_free (self->file);
  g_clear_pointer (&self->granted_sets, g_ptr_array_unref);
  g_clear_object (&self->provider);
  g_clear_object (&self->cookie);
  g_free (self->policy_path);
  g_free (self->suggested_category);

  G_OBJECT_CLASS (stk_audit_item_parent_class)->finalize (object);
}

static void
stk_audit_item_class_init (StkAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_audit_item_finalize;
}

static void
stk_audit_item_init (StkAuditItem *self)
{
  self->expires = -1;
  self->granted_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

const char *stk_audit_item_get_name (StkAuditItem *self) { return self->name; }
StkKind stk_audit_item_get_kind (StkAuditItem *self) { return self->kind; }
const char *stk_audit_item_get_domain (StkAuditItem *self) { return self->domain; }
const char *stk_audit_item_get_path (StkAuditItem *self) { return self->path; }
gint64 stk_audit_item_get_expires (StkAuditItem *self) { return self->expires; }
gboolean stk_audit_item_get_http_only (StkAuditItem *self) { return self->http_only; }
gboolean stk_audit_item_get_secure (StkAuditItem *self) { return self->secure; }
const char *stk_audit_item_get_same_site (StkAuditItem *self) { return self->same_site; }
gboolean stk_audit_item_get_third_party (StkAuditItem *self) { return self->third_party; }
const char *stk_audit_item_get_first_seen (StkAuditItem *self) { return self->first_seen; }
const char *stk_audit_item_get_file (StkAuditItem *self) { return self->file; }
int stk_audit_item_get_line (StkAuditItem *self) { return self->line; }
int stk_audit_item_get_column (StkAuditItem *self) { return self->column; }
StkAuditStatus stk_audit_item_get_status (StkAuditItem *self) { return self->status; }
gboolean stk_audit_item_get_before_consent (StkAuditItem *self) { return self->before_consent; }
StkProvider *stk_audit_item_get_provider (StkAuditItem *self) { return self->provider; }
StkCookie *stk_audit_item_get_cookie (StkAuditItem *self) { return self->cookie; }
const char *stk_audit_item_get_policy_path (StkAuditItem *self) { return self->policy_path; }

const StkOcdEntry *
stk_audit_item_get_suggestion (StkAuditItem *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_ITEM (self), NULL);

  return self->has_suggestion ? &self->suggestion : NULL;
}

const char *
stk_audit_item_get_suggested_category (StkAuditItem *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_ITEM (self), NULL);

  return self->suggested_category;
}

const char *
stk_audit_item_get_category (StkAuditItem *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_ITEM (self), NULL);

  if (self->provider != NULL)
    return stk_provider_get_category (self->provider);

  return self->suggested_category;
}

/* A lifetime in the largest unit that says it without losing much: 400 days is "13 months",
 * 30 minutes stays minutes. */
static void
round_lifetime (gint64   seconds,
                gint64  *value,
                StkUnit *unit)
{
  static const StkUnit units[] = {
    STK_UNIT_YEARS, STK_UNIT_MONTHS, STK_UNIT_DAYS, STK_UNIT_HOURS, STK_UNIT_MINUTES,
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gint64 size = stk_unit_seconds (units[i]);
      gint64 count = (seconds + size / 2) / size;

      /* Within 5 % of a whole number of this unit. */
      if (count >= 1 && ABS (seconds - count * size) * 20 <= seconds)
        {
          *value = count;
          *unit = units[i];
          return;
        }
    }

  *value = MAX ((seconds + 30) / 60, 1);
  *unit = STK_UNIT_MINUTES;
}

gboolean
stk_audit_item_get_duration (StkAuditItem *self,
                             gint64       *value,
                             StkUnit      *unit)
{
  g_return_val_if_fail (STK_IS_AUDIT_ITEM (self), FALSE);

  if (self->kind == STK_KIND_COOKIE && self->expires == 0)
    {
      *value = 0;
      *unit = STK_UNIT_SESSION;
      return TRUE;
    }

  if (self->kind == STK_KIND_SESSION_STORAGE)
    {
      *value = 0;
      *unit = STK_UNIT_SESSION;
      return TRUE;
    }

  if (self->kind == STK_KIND_COOKIE && self->expires > 0 && self->seen_at > 0
      && self->expires > self->seen_at)
    {
      round_lifetime (self->expires - self->seen_at, value, unit);
      return TRUE;
    }

  if (self->has_suggestion && self->suggestion.duration_known)
    {
      *value = self->suggestion.duration_value;
      *unit = self->suggestion.duration_unit;
      return TRUE;
    }

  return FALSE;
}

/* Reports ---------------------------------------------------------------------------------- */


G_DEFINE_FINAL_TYPE (StkAuditReport, stk_audit_report, G_TYPE_OBJECT)

static void
stk_audit_report_finalize (GObject *object)
{
  StkAuditReport *self = STK_AUDIT_REPORT (object);

  g_clear_object (&self->policy);
  g_clear_object (&self->items);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->third_parties, g_ptr_array_unref);
  g_clear_pointer (&self->third_party_set, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_audit_report_parent_class)->finalize (object);
}

static void
stk_audit_report_class_init (StkAuditReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stk_audit_report_finalize;
}

static void
stk_audit_report_init (StkAuditReport *self)
{
  self->items = g_list_store_new (STK_TYPE_AUDIT_ITEM);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pages = g_ptr_array_new_with_free_func (g_free);
  self->third_parties = g_ptr_array_new_with_free_func (g_free);
  self->third_party_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/**
 * stk_audit_report_new:
 * @policy: the policy the site is held against
 * @source: whether the observations come from a scan or from HAR files
 *
 * Returns: (transfer full): an empty report.
 */
StkAuditReport *
stk_audit_report_new (StkPolicy      *policy,
                      StkAuditSource  source)
{
  StkAuditReport *self;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  self = g_object_new (STK_TYPE_AUDIT_REPORT, NULL);
  self->policy = g_object_ref (policy);
  self->source = source;

  return self;
}

StkPolicy *
stk_audit_report_get_policy (StkAuditReport *self)
{
  return self->policy;
}

/**
 * stk_audit_report_set_policy:
 * @self: a report that is not finished yet
 * @policy: the policy to match against instead
 *
 * A HAR file is read in a worker thread, against a copy of the policy taken when the reading
 * started, so that the reading never touches a policy the editor may change meanwhile; the
 * report is then matched against the editor's own policy (on its thread), so that what it
 * adds goes there.
 */
void
stk_audit_report_set_policy (StkAuditReport *self,
                             StkPolicy      *policy)
{
  g_return_if_fail (STK_IS_AUDIT_REPORT (self));
  g_return_if_fail (STK_IS_POLICY (policy));
  g_return_if_fail (!self->finished);

  g_set_object (&self->policy, policy);
}

StkAuditSource
stk_audit_report_get_source (StkAuditReport *self)
{
  return self->source;
}

/* A domain as the matching compares it: lower case, no leading dot. */
static char *
normalize_domain (const char *domain)
{
  if (domain == NULL)
    return g_strdup ("");
  while (*domain == '.')
    domain++;

  return g_ascii_strdown (domain, -1);
}

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

void
stk_audit_report_observe (StkAuditReport       *self,
                          const StkObservation *observation)
{
  g_autofree char *domain = NULL;
  g_autofree char *key = NULL;
  StkAuditItem *item;

  g_return_if_fail (STK_IS_AUDIT_REPORT (self));
  g_return_if_fail (observation != NULL && observation->name != NULL);
  g_return_if_fail (!self->finished);

  domain = normalize_domain (observation->domain);
  key = g_strdup_printf ("%d\x1f%s\x1f%s", observation->kind, domain, observation->name);
  item = g_hash_table_lookup (self->by_key, key);

  if (item == NULL)
    {
      item = g_object_new (STK_TYPE_AUDIT_ITEM, NULL);
      item->name = g_strdup (observation->name);
      item->kind = observation->kind;
      item->domain = g_strdup (observation->domain != NULL ? observation->domain : "");
      item->path = g_strdup (observation->path);
      item->expires = observation->expires;
      item->seen_at = observation->seen_at;
      item->http_only = observation->http_only;
      item->secure = observation->secure;
      item->same_site = g_strdup (observation->same_site);
      item->third_party = observation->third_party;
      item->first_seen = g_strdup (observation->page);
      item->file = g_strdup (observation->file);
      item->line = observation->line;
      item->column = observation->column;
      g_hash_table_insert (self->by_key, g_steal_pointer (&key), item);
      g_list_store_append (self->items, item);
      g_object_unref (item);
    }
  else if (item->expires < 0 && observation->expires >= 0)
    {
      /* A cookie first seen in a request (no attributes) and later set by a response. */
      item->expires = observation->expires;
      item->seen_at = observation->seen_at;
      item->http_only = observation->http_only;
      item->secure = observation->secure;
      g_free (item->same_site);
      item->same_site = g_strdup (observation->same_site);
      if (item->path == NULL)
        item->path = g_strdup (observation->path);
    }

  if (observation->granted == NULL)
    item->seen_without_consent = TRUE;
  else
    {
      gboolean known = FALSE;

      for (guint i = 0; i < item->granted_sets->len && !known; i++)
        {
          const char * const *set = g_ptr_array_index (item->granted_sets, i);

          known = g_strv_equal (set, observation->granted);
        }
      if (!known)
        g_ptr_array_add (item->granted_sets, g_strdupv ((char **) observation->granted));
    }
}

void
stk_audit_report_add_page (StkAuditReport *self,
                           const char     *url,
                           int             status,
                           const char     *error)
{
  g_return_if_fail (STK_IS_AUDIT_REPORT (self));

  g_ptr_array_add (self->pages, g_strdup (url));
  if (error != NULL || status >= 400)
    self->n_failed_pages++;
}

void
stk_audit_report_add_third_party (StkAuditReport *self,
                                  const char     *host)
{
  char *copy;

  g_return_if_fail (STK_IS_AUDIT_REPORT (self));

  if (host == NULL || g_hash_table_contains (self->third_party_set, host))
    return;

  copy = g_strdup (host);
  g_ptr_array_add (self->third_parties, copy);
  g_hash_table_add (self->third_party_set, copy);
}

void
stk_audit_report_add_warning (StkAuditReport *self,
                              const char     *file,
                              const char     *message)
{
  g_return_if_fail (STK_IS_AUDIT_REPORT (self));

  g_ptr_array_add (self->warnings, file != NULL ? g_strdup_printf ("%s: %s", file, message)
                                                : g_strdup (message));
}

/* Matching --------------------------------------------------------------------------------- */

/* Whether the site's own domains hold @domain (normalised). */
static gboolean
domain_within (const char *domain,
               const char *parent)
{
  gsize len = strlen (domain), plen = strlen (parent);

  if (plen == 0 || len < plen)
    return FALSE;
  if (g_ascii_strcasecmp (domain + len - plen, parent) != 0)
    return FALSE;

  return len == plen || domain[len - plen - 1] == '.';
}

/* How well a declaration fits a seen item: 0 not at all; higher is better. */
static int
declaration_fit (StkCookie    *cookie,
                 StkAuditItem *item)
{
  g_autofree char *declared = normalize_domain (stk_cookie_get_domain (cookie));
  g_autofree char *seen = normalize_domain (item->domain);
  int score;

  if (stk_cookie_get_kind (cookie) != item->kind)
    return 0;

  if (!stk_cookie_name_matches (stk_cookie_get_name (cookie), stk_cookie_get_pattern (cookie),
                                item->name))
    return 0;
  /* An exact name fits better than a pattern. */
  score = stk_cookie_get_pattern (cookie) ? 1 : 2;

  if (declared[0] == '\0')
    {
      /* No domain: the site's own, or whichever host serves a third party's cookie. */
      if (item->third_party && stk_cookie_get_party (cookie) != STK_PARTY_THIRD)
        return 0;
      return score * 4 + 1;
    }

  if (g_str_equal (declared, seen))
    return score * 4 + 3;
  /* A cookie of ".kk.dk" declared for "www.kk.dk", or the other way round. */
  if (domain_within (seen, declared) || domain_within (declared, seen))
    return score * 4 + 2;

  return 0;
}

typedef struct
{
  StkProvider *provider;
  StkCookie   *cookie;
  guint        provider_index;
  guint        cookie_index;
  gboolean     seen;
} Declaration;

static GArray *
collect_declarations (StkPolicy *policy)
{
  GArray *declarations = g_array_new (FALSE, TRUE, sizeof (Declaration));
  StkList *providers = stk_policy_get_providers (policy);

  for (guint p = 0; p < stk_list_get_n (providers); p++)
    {
      StkProvider *provider = stk_list_peek (providers, p);
      StkList *cookies = stk_provider_get_cookies (provider);

      for (guint c = 0; c < stk_list_get_n (cookies); c++)
        {
          Declaration d = { provider, stk_list_peek (cookies, c), p, c, FALSE };

          g_array_append_val (declarations, d);
        }
    }

  return declarations;
}

static gboolean
category_is_required (StkPolicy  *policy,
                      const char *id)
{
  StkCategory *category = id != NULL ? stk_policy_find_category (policy, id) : NULL;

  return category != NULL && stk_category_get_required (category);
}

/* Whether every category that is not required is in @granted. */
static gboolean
grants_everything (StkPolicy          *policy,
                   const char * const *granted)
{
  StkList *categories = stk_policy_get_categories (policy);

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);

      if (!stk_category_get_required (category)
          && !strv_contains (granted, stk_category_get_id (category)))
        return FALSE;
    }

  return TRUE;
}

/* Undeclared items count as not required: they were set before consent unless every optional
 * category had been granted each time they were seen. */
static gboolean
was_before_consent (StkPolicy    *policy,
                    StkAuditItem *item,
                    const char   *category)
{
  if (category != NULL && category_is_required (policy, category))
    return FALSE;
  if (item->seen_without_consent)
    return TRUE;

  for (guint i = 0; i < item->granted_sets->len; i++)
    {
      const char * const *granted = g_ptr_array_index (item->granted_sets, i);

      if (category == NULL ? !grants_everything (policy, granted)
                           : !strv_contains (granted, category))
        return TRUE;
    }

  return FALSE;
}

/* The first category of the policy that carries @signal and is (not) required, or NULL. */
static const char *
category_with_signal (StkPolicy  *policy,
                      const char *signal,
                      int         required)
{
  StkList *categories = stk_policy_get_categories (policy);

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);

      if (required >= 0 && (gboolean) required != stk_category_get_required (category))
        continue;
      if (signal == NULL || stk_category_has_signal (category, signal))
        return stk_category_get_id (category);
    }

  return NULL;
}

/* The first category whose id contains one of @words. */
static const char *
category_named (StkPolicy          *policy,
                const char * const *words)
{
  StkList *categories = stk_policy_get_categories (policy);

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      g_autofree char *id = g_ascii_strdown (stk_category_get_id (category), -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (strstr (id, words[j]) != NULL)
          return stk_category_get_id (category);
    }

  return NULL;
}

/* One of the policy's categories for the database's: by the Consent Mode signal that the
 * category grants, then by its id, so that a Danish "statistik" is found as well as
 * "statistical". */
static const char *
map_category (StkPolicy      *policy,
              StkOcdCategory  category)
{
  static const char * const analytics[] = { "stat", "analy", NULL };
  static const char * const marketing[] = { "market", "advert", "annonc", "ads", NULL };
  static const char * const functional[] = { "funct", "prefer", "personal", NULL };
  const char *id = NULL;

  switch (category)
    {
    case STK_OCD_ANALYTICS:
      id = category_with_signal (policy, "analytics_storage", FALSE);
      return id != NULL ? id : category_named (policy, analytics);

    case STK_OCD_MARKETING:
      id = category_with_signal (policy, "ad_storage", FALSE);
      return id != NULL ? id : category_named (policy, marketing);

    case STK_OCD_PERSONALIZATION:
      id = category_with_signal (policy, "personalization_storage", FALSE);
      if (id == NULL)
        id = category_with_signal (policy, "functionality_storage", FALSE);
      return id != NULL ? id : category_named (policy, functional);

    case STK_OCD_FUNCTIONAL:
      id = category_with_signal (policy, "functionality_storage", FALSE);
      return id != NULL ? id : category_named (policy, functional);

    case STK_OCD_NECESSARY:
    case STK_OCD_SECURITY:
      return category_with_signal (policy, NULL, TRUE);

    case STK_OCD_OTHER:
    default:
      return NULL;
    }
}

/* The policy's own consent cookie belongs to its required category even when no provider
 * declares it: the banner sets it when the visitor chooses. */
static gboolean
is_consent_cookie (StkPolicy    *policy,
                   StkAuditItem *item)
{
  return item->kind == STK_KIND_COOKIE
         && g_strcmp0 (item->name, stk_policy_get_cookie_name (policy)) == 0
         && !item->third_party;
}

void
stk_audit_report_finish (StkAuditReport *self)
{
  g_autoptr(GArray) declarations = NULL;
  guint n_items;

  g_return_if_fail (STK_IS_AUDIT_REPORT (self));
  g_return_if_fail (!self->finished);

  self->finished = TRUE;
  declarations = collect_declarations (self->policy);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      Declaration *best = NULL;
      int best_fit = 0;

      for (guint d = 0; d < declarations->len; d++)
        {
          Declaration *declaration = &g_array_index (declarations, Declaration, d);
          int fit = declaration_fit (declaration->cookie, item);

          if (fit > best_fit)
            {
              best_fit = fit;
              best = declaration;
            }
        }

      if (best != NULL)
        {
          best->seen = TRUE;
          item->status = STK_AUDIT_DECLARED;
          g_set_object (&item->provider, best->provider);
          g_set_object (&item->cookie, best->cookie);
          item->policy_path = g_strdup_printf ("providers[%u].cookies[%u]",
                                               best->provider_index, best->cookie_index);
          item->before_consent = was_before_consent (self->policy, item,
                                                     stk_provider_get_category (best->provider));
        }
      else if (is_consent_cookie (self->policy, item))
        {
          /* Not listed, but it is the banner's own record of the choice: declared by the
           * policy's consent settings. */
          item->status = STK_AUDIT_DECLARED;
          item->policy_path = g_strdup ("consent.cookie_name");
          item->before_consent = FALSE;
        }
      else
        {
          item->status = STK_AUDIT_UNDECLARED;
          item->has_suggestion = stk_ocd_lookup (item->name, item->domain, &item->suggestion);
          if (item->has_suggestion)
            item->suggested_category = g_strdup (map_category (self->policy,
                                                               item->suggestion.category));
          item->before_consent = was_before_consent (self->policy, item, NULL);
        }
    }

  for (guint d = 0; d < declarations->len; d++)
    {
      Declaration *declaration = &g_array_index (declarations, Declaration, d);
      StkKind kind = stk_cookie_get_kind (declaration->cookie);
      StkAuditItem *item;
      gboolean observable;

      if (declaration->seen)
        continue;

      observable = kind == STK_KIND_COOKIE
                   || (self->source == STK_AUDIT_SOURCE_SCAN
                       && (kind == STK_KIND_LOCAL_STORAGE || kind == STK_KIND_SESSION_STORAGE));
      if (!observable)
        continue;

      item = g_object_new (STK_TYPE_AUDIT_ITEM, NULL);
      item->name = g_strdup (stk_cookie_get_name (declaration->cookie));
      item->kind = kind;
      item->domain = g_strdup (stk_cookie_get_domain (declaration->cookie));
      item->path = g_strdup (stk_cookie_get_path (declaration->cookie));
      item->third_party = stk_cookie_get_party (declaration->cookie) == STK_PARTY_THIRD;
      item->status = STK_AUDIT_UNSEEN;
      item->provider = g_object_ref (declaration->provider);
      item->cookie = g_object_ref (declaration->cookie);
      item->policy_path = g_strdup_printf ("providers[%u].cookies[%u]",
                                           declaration->provider_index,
                                           declaration->cookie_index);
      g_list_store_append (self->items, item);
      g_object_unref (item);
    }
}

GListModel *
stk_audit_report_get_items (StkAuditReport *self)
{
  g_return_val_if_fail (STK_IS_AUDIT_REPORT (self), NULL);

  return G_LIST_MODEL (self->items);
}

GPtrArray *
stk_audit_report_get_pages (StkAuditReport *self)
{
  return self->pages;
}

guint
stk_audit_report_get_n_failed_pages (StkAuditReport *self)
{
  return self->n_failed_pages;
}

GPtrArray *
stk_audit_report_get_third_parties (StkAuditReport *self)
{
  return self->third_parties;
}

GPtrArray *
stk_audit_report_get_warnings (StkAuditReport *self)
{
  return self->warnings;
}

guint
stk_audit_report_count (StkAuditReport *self,
                        StkAuditStatus  status)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      count += item->status == status;
    }

  return count;
}

guint
stk_audit_report_count_before_consent (StkAuditReport *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      count += item->before_consent;
    }

  return count;
}

gboolean
stk_audit_report_is_clean (StkAuditReport *self)
{
  return stk_audit_report_count (self, STK_AUDIT_UNDECLARED) == 0
         && stk_audit_report_count_before_consent (self) == 0;
}

