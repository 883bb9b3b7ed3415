/* stk-audit-json.c — an audit report as the JSON document samtykke-cli audit and scan print
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-audit-private.h"
#include "stk-json.h"

static void
member (GString    *out,
        int         depth,
        const char *name,
        gboolean   *first)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  g_string_append_c (out, '\n');
  stk_json_write_indent (out, depth);
  stk_json_write_string (out, name);
  g_string_append (out, ": ");
}

static void
member_string (GString    *out,
               int         depth,
               const char *name,
               const char *value,
               gboolean   *first)
{
  member (out, depth, name, first);
  if (value == NULL)
    g_string_append (out, "null");
  else
    stk_json_write_string (out, value);
}

static void
member_bool (GString    *out,
             int         depth,
             const char *name,
             gboolean    value,
             gboolean   *first)
{
  member (out, depth, name, first);
  g_string_append (out, value ? "true" : "false");
}

static void
member_int (GString    *out,
            int         depth,
            const char *name,
            gint64      value,
            gboolean   *first)
{
  member (out, depth, name, first);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
string_array (GString   *out,
              int        depth,
              GPtrArray *strings)
{
  if (strings->len == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '\n');
      stk_json_write_indent (out, depth + 1);
      stk_json_write_string (out, g_ptr_array_index (strings, i));
    }
  g_string_append_c (out, '\n');
  stk_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
write_duration (GString      *out,
                int           depth,
                StkAuditItem *item,
                gboolean     *first)
{
  gint64 value;
  StkUnit unit;

  if (!stk_audit_item_get_duration (item, &value, &unit))
    return;

  member (out, depth, "duration", first);
  if (unit == STK_UNIT_SESSION)
    stk_json_write_string (out, "session");
  else
    {
      gboolean inner = TRUE;

      g_string_append_c (out, '{');
      member_int (out, depth + 1, "value", value, &inner);
      member_string (out, depth + 1, "unit", stk_unit_to_string (unit), &inner);
      g_string_append_c (out, '\n');
      stk_json_write_indent (out, depth);
      g_string_append_c (out, '}');
    }
}

static void
write_item (GString      *out,
            int           depth,
            StkAuditItem *item)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  member_string (out, depth + 1, "name", item->name, &first);
  member_string (out, depth + 1, "kind", stk_kind_to_string (item->kind), &first);
  member_string (out, depth + 1, "domain", item->domain, &first);
  member_string (out, depth + 1, "status", stk_audit_status_to_string (item->status), &first);
  member_bool (out, depth + 1, "before_consent", item->before_consent, &first);
  member_bool (out, depth + 1, "third_party", item->third_party, &first);
  if (item->path != NULL)
    member_string (out, depth + 1, "path", item->path, &first);
  if (item->status != STK_AUDIT_UNSEEN && item->kind == STK_KIND_COOKIE && item->expires >= 0)
    {
      if (item->expires == 0)
        member_string (out, depth + 1, "expires", NULL, &first);
      else
        member_int (out, depth + 1, "expires", item->expires, &first);
      member_bool (out, depth + 1, "http_only", item->http_only, &first);
      member_bool (out, depth + 1, "secure", item->secure, &first);
      member_string (out, depth + 1, "same_site", item->same_site, &first);
    }
  if (item->first_seen != NULL)
    member_string (out, depth + 1, "first_seen", item->first_seen, &first);
  if (item->file != NULL)
    {
      member_string (out, depth + 1, "file", item->file, &first);
      member_int (out, depth + 1, "line", item->line, &first);
      member_int (out, depth + 1, "column", item->column, &first);
    }
  if (item->provider != NULL || item->policy_path != NULL)
    {
      gboolean inner = TRUE;

      member (out, depth + 1, "declared", &first);
      g_string_append_c (out, '{');
      member_string (out, depth + 2, "path", item->policy_path, &inner);
      if (item->provider != NULL)
        {
          member_string (out, depth + 2, "provider", stk_provider_get_id (item->provider),
                         &inner);
          member_string (out, depth + 2, "category",
                         stk_provider_get_category (item->provider), &inner);
        }
      g_string_append_c (out, '\n');
      stk_json_write_indent (out, depth + 1);
      g_string_append_c (out, '}');
    }
  if (item->has_suggestion)
    {
      const StkOcdEntry *s = &item->suggestion;
      gboolean inner = TRUE;

      member (out, depth + 1, "suggestion", &first);
      g_string_append_c (out, '{');
      member_string (out, depth + 2, "source", "open-cookie-database", &inner);
      member_string (out, depth + 2, "id", s->id, &inner);
      member_string (out, depth + 2, "platform", s->platform, &inner);
      member_string (out, depth + 2, "category", item->suggested_category, &inner);
      member_string (out, depth + 2, "database_category", s->category_name, &inner);
      member_string (out, depth + 2, "description", s->description, &inner);
      member_string (out, depth + 2, "retention", s->retention, &inner);
      write_duration (out, depth + 2, item, &inner);
      if (s->privacy_url[0] != '\0')
        member_string (out, depth + 2, "privacy_policy", s->privacy_url, &inner);
      member_bool (out, depth + 2, "wildcard", s->wildcard, &inner);
      g_string_append_c (out, '\n');
      stk_json_write_indent (out, depth + 1);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '\n');
  stk_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

/**
 * stk_audit_report_to_json:
 * @self: a finished report
 *
 * Returns: (transfer full): the report as a JSON object, ending in a newline.
 */
char *
stk_audit_report_to_json (StkAuditReport *self)
{
  GString *out = g_string_new ("{");
  gboolean first = TRUE;
  guint n;

  g_return_val_if_fail (STK_IS_AUDIT_REPORT (self), NULL);
  g_return_val_if_fail (self->finished, NULL);

  member_string (out, 1, "source", self->source == STK_AUDIT_SOURCE_SCAN ? "scan" : "har",
                 &first);
  member_bool (out, 1, "clean", stk_audit_report_is_clean (self), &first);

  member (out, 1, "counts", &first);
  {
    gboolean inner = TRUE;

    g_string_append_c (out, '{');
    member_int (out, 2, "declared", stk_audit_report_count (self, STK_AUDIT_DECLARED), &inner);
    member_int (out, 2, "undeclared", stk_audit_report_count (self, STK_AUDIT_UNDECLARED),
                &inner);
    member_int (out, 2, "unseen", stk_audit_report_count (self, STK_AUDIT_UNSEEN), &inner);
    member_int (out, 2, "before_consent", stk_audit_report_count_before_consent (self), &inner);
    member_int (out, 2, "pages", self->pages->len, &inner);
    member_int (out, 2, "failed_pages", self->n_failed_pages, &inner);
    g_string_append (out, "\n  }");
  }

  member (out, 1, "pages", &first);
  string_array (out, 1, self->pages);
  member (out, 1, "third_parties", &first);
  string_array (out, 1, self->third_parties);
  member (out, 1, "warnings", &first);
  string_array (out, 1, self->warnings);

  member (out, 1, "items", &first);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n == 0)
    g_string_append (out, "[]");
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StkAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, "\n    ");
          write_item (out, 2, item);
        }
      g_string_append (out, "\n  ]");
    }

  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}
