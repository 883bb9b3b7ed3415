/* stk-interop-vcc.c — a policy as a vanilla-cookieconsent 3 configuration, and back
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library's configuration (https://cookieconsent.orestbida.com/, version 3) holds the
 * categories, a service per provider, the cookies to erase when a category is declined
 * (categories.ID.autoClear), the consent cookie, the revision and, per language, the texts of
 * the first layer (consentModal) and of the settings (preferencesModal), whose sections show
 * each category with a table of its cookies. Its texts are HTML: the export escapes ours, the
 * import makes theirs plain. docs/interop.md lists every member and where it goes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-core-private.h"
#include "stk-interop-private.h"
#include "stk-policy.h"
#include "stk-rules.h"

/* Export */

static void
set_html (JsonObject *object,
          const char *member,
          const char *text)
{
  g_autoptr(GString) html = NULL;

  if (text == NULL || *text == '\0')
    return;
  html = g_string_new (NULL);
  stk_interop_append_html (html, text);
  json_object_set_string_member (object, member, html->str);
}

/* {name: "x" or /^x.*$/, domain, path} */
static JsonNode *
cookie_item (StkCookie *cookie)
{
  JsonObject *item = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  const char *domain = stk_cookie_get_domain (cookie);
  const char *path = stk_cookie_get_path (cookie);

  if (stk_cookie_get_pattern (cookie))
    json_object_set_member (item, "name", stk_js_regexp_node (stk_cookie_get_name (cookie), TRUE));
  else
    json_object_set_string_member (item, "name", stk_cookie_get_name (cookie));
  if (domain != NULL && *domain != '\0')
    json_object_set_string_member (item, "domain", domain);
  if (path != NULL && *path != '\0' && !g_str_equal (path, "/"))
    json_object_set_string_member (item, "path", path);

  json_node_take_object (node, item);
  return node;
}

/* The cookies the library can erase: HTTP cookies the visitor's withdrawal deletes. */
static gboolean
erasable (StkCookie *cookie)
{
  return stk_cookie_get_delete_on_withdraw (cookie)
         && stk_cookie_get_kind (cookie) == STK_KIND_COOKIE;
}

static JsonObject *
render_category (StkPolicy   *policy,
                 StkCategory *category)
{
  JsonObject *object = json_object_new ();
  JsonObject *services = NULL;
  JsonArray *clear = json_array_new ();
  StkList *providers = stk_policy_get_providers (policy);
  const char *id = stk_category_get_id (category);

  json_object_set_boolean_member (object, "enabled", stk_category_get_required (category));
  if (stk_category_get_required (category))
    json_object_set_boolean_member (object, "readOnly", TRUE);

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkList *cookies = stk_provider_get_cookies (provider);
      JsonObject *service;
      JsonArray *service_cookies = json_array_new ();

      if (g_strcmp0 (stk_provider_get_category (provider), id) != 0)
        {
          json_array_unref (service_cookies);
          continue;
        }
      if (services == NULL)
        services = stk_interop_child_object (object, "services");
      service = stk_interop_child_object (services, stk_provider_get_id (provider));
      set_html (service, "label", stk_provider_get_name (provider));

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);

          if (!erasable (cookie))
            continue;
          json_array_add_element (service_cookies, cookie_item (cookie));
          json_array_add_element (clear, cookie_item (cookie));
        }
      if (json_array_get_length (service_cookies) > 0)
        json_object_set_array_member (service, "cookies", service_cookies);
      else
        json_array_unref (service_cookies);
    }

  if (json_array_get_length (clear) > 0)
    json_object_set_array_member (stk_interop_child_object (object, "autoClear"), "cookies", clear);
  else
    json_array_unref (clear);

  return object;
}

static JsonObject *
render_table (StkPolicy   *policy,
              StkCategory *category,
              const char  *lang)
{
  JsonObject *table = json_object_new ();
  JsonObject *headers = stk_interop_child_object (table, "headers");
  JsonArray *body = json_array_new ();
  StkList *providers = stk_policy_get_providers (policy);

  set_html (headers, "name", stk_interop_text_of (policy, "col_name", lang));
  set_html (headers, "provider", stk_interop_text_of (policy, "col_provider", lang));
  set_html (headers, "desc", stk_interop_text_of (policy, "col_purpose", lang));
  set_html (headers, "exp", stk_interop_text_of (policy, "col_duration", lang));
  set_html (headers, "kind", stk_interop_text_of (policy, "col_kind", lang));

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkList *cookies = stk_provider_get_cookies (provider);

      if (g_strcmp0 (stk_provider_get_category (provider), stk_category_get_id (category)) != 0)
        continue;

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);
          JsonObject *row = json_object_new ();
          g_autofree char *duration = stk_interop_duration_text (policy, cookie, lang);
          g_autofree char *kind_key = g_strdup_printf ("kind_%s",
                                                       stk_kind_to_string (stk_cookie_get_kind (cookie)));
          const char *kind = stk_interop_text_of (policy, kind_key, lang);

          set_html (row, "name", stk_cookie_get_name (cookie));
          set_html (row, "provider", stk_provider_get_name (provider));
          set_html (row, "desc", stk_text_lookup (stk_cookie_get_purpose (cookie), lang));
          set_html (row, "exp", duration);
          set_html (row, "kind", kind != NULL && *kind != '\0'
                                 ? kind : stk_interop_kind_words (stk_cookie_get_kind (cookie)));
          json_array_add_object_element (body, row);
        }
    }

  json_object_set_array_member (table, "body", body);
  return table;
}

static JsonObject *
render_translation (StkPolicy  *policy,
                    const char *lang,
                    const char *site_path)
{
  JsonObject *translation = json_object_new ();
  JsonObject *consent = stk_interop_child_object (translation, "consentModal");
  JsonObject *preferences = stk_interop_child_object (translation, "preferencesModal");
  JsonArray *sections = json_array_new ();
  StkList *categories = stk_policy_get_categories (policy);
  const char *settings_body = stk_interop_text_of (policy, "settings_body", lang);
  const char *policy_link = stk_interop_text_of (policy, "policy_link", lang);

  set_html (consent, "title", stk_interop_text_of (policy, "banner_title", lang));
  set_html (consent, "description", stk_interop_text_of (policy, "banner_body", lang));
  set_html (consent, "acceptAllBtn", stk_interop_text_of (policy, "accept_all", lang));
  set_html (consent, "acceptNecessaryBtn", stk_interop_text_of (policy, "reject_all", lang));
  set_html (consent, "showPreferencesBtn", stk_interop_text_of (policy, "settings", lang));
  if (policy_link != NULL && *policy_link != '\0')
    {
      g_autoptr(GString) footer = g_string_new ("<a href=\"");
      g_autofree char *href = g_strdup_printf ("%scookie-policy.%s.html", site_path, lang);

      stk_interop_append_html (footer, href);
      g_string_append (footer, "\">");
      stk_interop_append_html (footer, policy_link);
      g_string_append (footer, "</a>");
      json_object_set_string_member (consent, "footer", footer->str);
    }

  set_html (preferences, "title", stk_interop_text_of (policy, "settings_title", lang));
  set_html (preferences, "acceptAllBtn", stk_interop_text_of (policy, "accept_all", lang));
  set_html (preferences, "acceptNecessaryBtn", stk_interop_text_of (policy, "reject_all", lang));
  set_html (preferences, "savePreferencesBtn", stk_interop_text_of (policy, "save_choices", lang));
  set_html (preferences, "closeIconLabel", stk_interop_text_of (policy, "close", lang));

  if (settings_body != NULL && *settings_body != '\0')
    {
      JsonObject *section = json_object_new ();

      set_html (section, "description", settings_body);
      json_array_add_object_element (sections, section);
    }
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      JsonObject *section = json_object_new ();
      JsonObject *table = render_table (policy, category, lang);

      set_html (section, "title", stk_text_lookup (stk_category_get_title (category), lang));
      set_html (section, "description",
                stk_text_lookup (stk_category_get_description (category), lang));
      json_object_set_string_member (section, "linkedCategory", stk_category_get_id (category));
      if (json_array_get_length (json_object_get_array_member (table, "body")) > 0)
        json_object_set_object_member (section, "cookieTable", table);
      else
        json_object_unref (table);
      json_array_add_object_element (sections, section);
    }
  json_object_set_array_member (preferences, "sections", sections);

  return translation;
}

/* What the library has no place for, so that the people who export know. */
static void
note_losses (StkPolicy        *policy,
             StkInteropReport *notes)
{
  gboolean embeds = stk_interop_has_embeds (policy);
  gboolean signals = stk_interop_has_signals (policy);

  if (notes == NULL)
    return;
  if (embeds)
    stk_interop_report_add (notes, STK_INTEROP_NOTE_WARNING, 0, "providers",
                            _("vanilla-cookieconsent does not put placeholders in place of "
                              "embedded content: block the embeds with its own means"));
  if (signals)
    stk_interop_report_add (notes, STK_INTEROP_NOTE_WARNING, 0, "categories",
                            _("vanilla-cookieconsent sends no Google Consent Mode updates by "
                              "itself: the categories’ signals were not carried over"));
  if (*stk_policy_get_log_endpoint (policy) != '\0')
    stk_interop_report_add (notes, STK_INTEROP_NOTE_WARNING, 0, "consent.log_endpoint",
                            _("vanilla-cookieconsent sends no consent records: the consent "
                              "log endpoint was not carried over"));
  stk_interop_report_add (notes, STK_INTEROP_NOTE_INFO, 0, NULL,
                          _("vanilla-cookieconsent has no place for the providers’ purposes, "
                            "data-processor agreements and countries: the declaration pages "
                            "still show them"));
}

GBytes *
stk_interop_vcc_render (StkPolicy        *policy,
                        const char       *site_path,
                        StkInteropReport *notes)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *config = json_object_new ();
  JsonObject *cookie, *gui, *categories, *language, *translations;
  StkList *category_list = stk_policy_get_categories (policy);
  const char * const *languages = stk_policy_get_languages (policy);
  const char *cookie_domain = stk_policy_get_cookie_domain (policy);
  int accept_days = stk_policy_get_accept_days (policy);
  int decline_days = stk_policy_get_decline_days (policy);
  g_autoptr(JsonArray) rtl = json_array_new ();
  GString *out;

  json_node_take_object (root, config);

  json_object_set_int_member (config, "revision", stk_policy_get_revision (policy));

  cookie = stk_interop_child_object (config, "cookie");
  json_object_set_string_member (cookie, "name", stk_policy_get_cookie_name (policy));
  if (cookie_domain != NULL && *cookie_domain != '\0')
    json_object_set_string_member (cookie, "domain", cookie_domain);
  if (accept_days == decline_days)
    {
      json_object_set_int_member (cookie, "expiresAfterDays", accept_days);
    }
  else
    {
      /* The library asks with the kind of choice: "all", "custom" or "necessary". */
      g_autofree char *code =
        g_strdup_printf ("function (acceptType) {\n"
                         "      return acceptType === \"all\" ? %d : %d;\n"
                         "    }", accept_days, decline_days);

      json_object_set_member (cookie, "expiresAfterDays", stk_js_code_node (code));
    }

  gui = stk_interop_child_object (config, "guiOptions");
  json_object_set_boolean_member (stk_interop_child_object (gui, "consentModal"),
                                  "equalWeightButtons", TRUE);
  json_object_set_boolean_member (stk_interop_child_object (gui, "preferencesModal"),
                                  "equalWeightButtons", TRUE);

  categories = stk_interop_child_object (config, "categories");
  for (guint i = 0; i < stk_list_get_n (category_list); i++)
    {
      StkCategory *category = stk_list_peek (category_list, i);

      json_object_set_object_member (categories, stk_category_get_id (category),
                                     render_category (policy, category));
    }

  language = stk_interop_child_object (config, "language");
  json_object_set_string_member (language, "default", stk_policy_get_default_language (policy));
  json_object_set_string_member (language, "autoDetect", "document");
  for (guint i = 0; languages[i] != NULL; i++)
    if (stk_export_lang_is_rtl (languages[i]))
      json_array_add_string_element (rtl, languages[i]);
  if (json_array_get_length (rtl) > 0)
    json_object_set_array_member (language, "rtl", json_array_ref (rtl));
  translations = stk_interop_child_object (language, "translations");
  for (guint i = 0; languages[i] != NULL; i++)
    json_object_set_object_member (translations, languages[i],
                                   render_translation (policy, languages[i], site_path));

  note_losses (policy, notes);

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          "/* cookieconsent-config.js: a cookie-consent policy for "
                          "vanilla-cookieconsent 3, revision %d.\n"
                          " * Written by Samtykke %s from the policy; edit the policy, not this "
                          "file. Include it after\n"
                          " * the library:\n"
                          " *   <link rel=\"stylesheet\" href=\"cookieconsent.css\">\n"
                          " *   <script src=\"cookieconsent.umd.js\"></script>\n"
                          " *   <script src=\"cookieconsent-config.js\"></script>\n"
                          " */\n",
                          stk_policy_get_revision (policy), PACKAGE_VERSION);
  g_string_append (out, "CookieConsent.run(");
  stk_js_write_node (out, root, 0);
  g_string_append (out, ");\n");

  return g_string_free_to_bytes (out);
}

/* Import */

/* A cookie met in the configuration, until every place that names it has been read. */
typedef struct
{
  char    *name;
  gboolean pattern;
  char    *domain;
  char    *path;
  gboolean erase;       /* in autoClear or a service's cookies */
  gboolean has_kind;
  StkKind  kind;
  gboolean has_duration;
  gint64   value;
  StkUnit  unit;
  GHashTable *purpose;  /* language -> text */
} Draft;

/* A provider being built: a service, or the name a cookie table gives. */
typedef struct
{
  char      *key;       /* the service's key, or NULL */
  char      *label;     /* the plain name */
  GPtrArray *drafts;
} ProviderDraft;

static void
draft_free (gpointer data)
{
  Draft *draft = data;

  g_free (draft->name);
  g_free (draft->domain);
  g_free (draft->path);
  g_clear_pointer (&draft->purpose, g_hash_table_unref);
  g_free (draft);
}

static void
provider_draft_free (gpointer data)
{
  ProviderDraft *provider = data;

  g_free (provider->key);
  g_free (provider->label);
  g_ptr_array_unref (provider->drafts);
  g_free (provider);
}

static ProviderDraft *
provider_draft_new (const char *key,
                    const char *label)
{
  ProviderDraft *provider = g_new0 (ProviderDraft, 1);

  provider->key = g_strdup (key);
  provider->label = g_strdup (label);
  provider->drafts = g_ptr_array_new_with_free_func (draft_free);
  return provider;
}

static Draft *
find_draft (GPtrArray  *drafts,
            const char *name,
            gboolean    pattern)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (drafts, i);

      if (draft->pattern == pattern && g_str_equal (draft->name, name))
        return draft;
    }
  return NULL;
}

static Draft *
add_draft (GPtrArray  *drafts,
           const char *name,
           gboolean    pattern)
{
  Draft *draft = find_draft (drafts, name, pattern);

  if (draft != NULL)
    return draft;

  draft = g_new0 (Draft, 1);
  draft->name = g_strdup (name);
  draft->pattern = pattern;
  draft->purpose = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_ptr_array_add (drafts, draft);
  return draft;
}

typedef struct
{
  StkConfigReader *reader;
  StkPolicy       *policy;
  GHashTable      *provider_ids;
  GPtrArray       *languages;     /* the languages read */
} Import;

/* A cookie name from a string or a RegExp; reports what cannot be a Samtykke name. */
static char *
read_cookie_name (Import     *import,
                  JsonNode   *node,
                  const char *path,
                  gboolean   *pattern)
{
  const char *source, *flags;
  gboolean approximate = FALSE;
  char *name;

  *pattern = FALSE;
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (*text == '\0')
        return NULL;
      return g_strdup (text);
    }

  if (!stk_config_is_regexp (node, &source, &flags))
    {
      stk_config_warn (import->reader, path,
                       _("A cookie name must be a text or a regular expression; this one was "
                         "not carried over"));
      return NULL;
    }

  name = stk_interop_regexp_to_name (source, flags, pattern, &approximate);
  if (name == NULL)
    stk_config_warn (import->reader, path,
                     _("The regular expression /%s/ is more than a name with * wildcards; the "
                       "cookie was not carried over"),
                     source);
  else if (approximate)
    stk_config_warn (import->reader, path,
                     _("The regular expression /%s/%s became the name pattern “%s”, which "
                       "matches nearly but not exactly the same names"),
                     source, flags, name);
  return name;
}

/* {name, domain, path} items of autoClear.cookies and of a service's cookies. */
static void
read_cookie_items (Import     *import,
                   JsonArray  *items,
                   GPtrArray  *drafts)
{
  const char *array_path = stk_config_path (import->reader, items);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", array_path, i);
      JsonObject *item = stk_config_enter_object (import->reader,
                                                  json_array_get_element (items, i), path);
      g_autofree char *name = NULL;
      g_autofree char *name_path = NULL;
      const char *domain, *cookie_path;
      gboolean pattern;
      Draft *draft;

      if (item == NULL)
        continue;
      name_path = stk_config_member_path (import->reader, item, "name");
      name = read_cookie_name (import, stk_config_take (import->reader, item, "name"), name_path,
                               &pattern);
      if (name == NULL)
        continue;

      draft = add_draft (drafts, name, pattern);
      draft->erase = TRUE;
      domain = stk_config_take_string (import->reader, item, "domain");
      cookie_path = stk_config_take_string (import->reader, item, "path");
      if (domain != NULL && draft->domain == NULL)
        draft->domain = g_strdup (domain);
      if (cookie_path != NULL && draft->path == NULL)
        draft->path = g_strdup (cookie_path);
    }
}

/* Which member of a cookie table's rows holds what: the library leaves the names to the
 * configuration, so the usual ones are recognised. */
typedef enum
{
  COLUMN_UNKNOWN,
  COLUMN_NAME,
  COLUMN_PROVIDER,
  COLUMN_DOMAIN,
  COLUMN_PURPOSE,
  COLUMN_DURATION,
  COLUMN_KIND,
} Column;

static Column
column_of (const char *key)
{
  static const struct { const char *key; Column column; } keys[] = {
    { "name", COLUMN_NAME }, { "cookie", COLUMN_NAME }, { "cookies", COLUMN_NAME },
    { "provider", COLUMN_PROVIDER }, { "service", COLUMN_PROVIDER },
    { "vendor", COLUMN_PROVIDER }, { "company", COLUMN_PROVIDER },
    { "domain", COLUMN_DOMAIN }, { "host", COLUMN_DOMAIN },
    { "desc", COLUMN_PURPOSE }, { "description", COLUMN_PURPOSE }, { "purpose", COLUMN_PURPOSE },
    { "exp", COLUMN_DURATION }, { "expiration", COLUMN_DURATION },
    { "expires", COLUMN_DURATION }, { "expiry", COLUMN_DURATION },
    { "duration", COLUMN_DURATION }, { "lifetime", COLUMN_DURATION },
    { "kind", COLUMN_KIND }, { "type", COLUMN_KIND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_ascii_strcasecmp (key, keys[i].key) == 0)
      return keys[i].column;
  return COLUMN_UNKNOWN;
}

/* The header texts Samtykke writes, by the keys it writes. */
static const struct
{
  const char *key;
  const char *text;
} header_texts[] = {
  { "name", "col_name" }, { "provider", "col_provider" }, { "desc", "col_purpose" },
  { "exp", "col_duration" }, { "kind", "col_kind" },
};

/* Whether a "domain" cell holds a host name rather than, as the library's own examples have
 * it, the name of the service. */
static gboolean
looks_like_host (const char *text)
{
  if (*text == '\0' || strchr (text, '.') == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '_'))
      return FALSE;
  return TRUE;
}

static ProviderDraft *
find_provider (GPtrArray  *providers,
               const char *name)
{
  for (guint i = 0; i < providers->len; i++)
    {
      ProviderDraft *provider = g_ptr_array_index (providers, i);

      if ((provider->label != NULL && g_utf8_collate (provider->label, name) == 0)
          || (provider->key != NULL && g_ascii_strcasecmp (provider->key, name) == 0))
        return provider;
    }
  return NULL;
}

static void
read_table (Import      *import,
            JsonObject  *table,
            const char  *lang,
            GPtrArray   *providers,
            GPtrArray   *loose)
{
  StkConfigReader *reader = import->reader;
  JsonObject *headers = stk_config_take_object (reader, table, "headers");
  JsonArray *body = stk_config_take_array (reader, table, "body");
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);

  if (headers != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (header_texts); i++)
        {
          g_autofree char *text = stk_config_take_text (reader, headers, header_texts[i].key);

          if (text != NULL && *text != '\0')
            stk_text_set (stk_policy_get_text (import->policy, header_texts[i].text), lang, text);
        }
    }

  for (guint i = 0; body != NULL && i < json_array_get_length (body); i++)
    {
      g_autofree char *row_path = g_strdup_printf ("%s[%u]", stk_config_path (reader, body), i);
      JsonObject *row = stk_config_enter_object (reader, json_array_get_element (body, i),
                                                 row_path);
      g_autofree char *name = NULL, *provider_name = NULL, *domain = NULL, *purpose = NULL;
      g_autofree char *duration = NULL, *kind = NULL;
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;
      GPtrArray *drafts = loose;
      ProviderDraft *provider = NULL;
      gboolean pattern;
      Draft *draft;

      if (row == NULL)
        continue;

      json_object_iter_init_ordered (&iter, row);
      while (json_object_iter_next_ordered (&iter, &member, &node))
        {
          Column column;
          char **slot = NULL;

          member = stk_config_real_name (member);
          column = column_of (member);

          switch (column)
            {
            case COLUMN_NAME:     slot = &name; break;
            case COLUMN_PROVIDER: slot = &provider_name; break;
            case COLUMN_DOMAIN:   slot = &domain; break;
            case COLUMN_PURPOSE:  slot = &purpose; break;
            case COLUMN_DURATION: slot = &duration; break;
            case COLUMN_KIND:     slot = &kind; break;
            case COLUMN_UNKNOWN:
            default:
              break;
            }
          if (slot == NULL)
            {
              /* One note for a column, not one for each row. */
              if (!g_hash_table_contains (reported, member))
                {
                  g_autofree char *path = stk_config_member_path (reader, row, member);

                  g_hash_table_add (reported, (gpointer) member);
                  stk_config_warn (reader, path,
                                   _("Samtykke’s cookie tables have no column like “%s”; it "
                                     "was not carried over"), member);
                }
              stk_config_skip (reader, row, member);
              continue;
            }
          if (*slot == NULL)
            *slot = stk_config_take_text (reader, row, member);
          else
            stk_config_skip (reader, row, member);
        }

      if (name == NULL || *name == '\0')
        {
          stk_config_warn (reader, row_path,
                           _("The row names no cookie; it was not carried over"));
          continue;
        }
      g_strstrip (name);

      if (provider_name == NULL && domain != NULL && !looks_like_host (domain))
        provider_name = g_steal_pointer (&domain);
      if (provider_name != NULL && *provider_name != '\0')
        {
          provider = find_provider (providers, provider_name);
          if (provider == NULL)
            {
              provider = provider_draft_new (NULL, provider_name);
              g_ptr_array_add (providers, provider);
            }
          drafts = provider->drafts;
        }

      pattern = strchr (name, '*') != NULL;
      draft = find_draft (drafts, name, pattern);
      if (draft == NULL && drafts == loose)
        {
          /* A row without a provider may describe a service's cookie. */
          for (guint j = 0; draft == NULL && j < providers->len; j++)
            draft = find_draft (((ProviderDraft *) g_ptr_array_index (providers, j))->drafts,
                                name, pattern);
        }
      if (draft == NULL)
        draft = add_draft (drafts, name, pattern);

      if (domain != NULL && *domain != '\0' && draft->domain == NULL)
        draft->domain = g_strdup (domain);
      if (purpose != NULL && *purpose != '\0')
        g_hash_table_replace (draft->purpose, g_strdup (lang), g_strdup (purpose));
      if (duration != NULL && *duration != '\0' && !draft->has_duration)
        {
          if (stk_interop_duration_parse (duration, &draft->value, &draft->unit))
            draft->has_duration = TRUE;
          else
            stk_config_warn (reader, row_path,
                             _("“%s” is not a duration Samtykke can read (such as 12 months, "
                               "30 days or session); the cookie’s duration was left as the "
                               "session"), duration);
        }
      if (kind != NULL && *kind != '\0' && !draft->has_kind)
        {
          if (stk_interop_kind_parse (kind, &draft->kind))
            draft->has_kind = TRUE;
          else
            stk_config_warn (reader, row_path,
                             _("“%s” is not a kind of storage Samtykke knows; the item was "
                               "taken for an HTTP cookie"), kind);
        }
    }
}

static void
set_text (Import     *import,
          StkText    *text,
          const char *lang,
          const char *value)
{
  if (value != NULL && *value != '\0')
    stk_text_set (text, lang, value);
}

/* One text from two places that should agree (the first layer's and the settings' buttons). */
static void
take_policy_text (Import     *import,
                  JsonObject *object,
                  const char *member,
                  const char *key,
                  const char *lang)
{
  stk_config_take_policy_text (import->reader, import->policy, object, member, key, lang);
}

/* The footer's link, as Samtykke writes it: its text is the link to the cookie policy. */
static void
read_footer (Import     *import,
             JsonObject *consent,
             const char *lang)
{
  const char *footer = stk_config_take_string (import->reader, consent, "footer");
  g_autofree char *path = stk_config_member_path (import->reader, consent, "footer");
  g_autofree char *text = NULL;
  gboolean markup;
  const char *link;

  if (footer == NULL || *footer == '\0')
    return;

  text = stk_interop_html_to_text (footer, &markup);
  link = strstr (footer, "<a ");
  if (link != NULL && strstr (link + 1, "<a ") == NULL && *text != '\0')
    set_text (import, stk_policy_get_text (import->policy, "policy_link"), lang, text);
  else
    stk_config_warn (import->reader, path,
                     _("The footer is not one link: Samtykke’s banner links to its own "
                       "declaration page; it was not carried over"));
}

static void
read_translation (Import     *import,
                  JsonObject *translation,
                  const char *lang,
                  GHashTable *sections_by_category)
{
  StkConfigReader *reader = import->reader;
  JsonObject *consent = stk_config_take_object (reader, translation, "consentModal");
  JsonObject *preferences = stk_config_take_object (reader, translation, "preferencesModal");
  JsonArray *sections;
  gboolean seen_category = FALSE;
  gboolean seen_intro = FALSE;

  if (consent != NULL)
    {
      take_policy_text (import, consent, "title", "banner_title", lang);
      take_policy_text (import, consent, "description", "banner_body", lang);
      take_policy_text (import, consent, "acceptAllBtn", "accept_all", lang);
      take_policy_text (import, consent, "acceptNecessaryBtn", "reject_all", lang);
      take_policy_text (import, consent, "showPreferencesBtn", "settings", lang);
      read_footer (import, consent, lang);
    }

  if (preferences == NULL)
    return;

  take_policy_text (import, preferences, "title", "settings_title", lang);
  take_policy_text (import, preferences, "acceptAllBtn", "accept_all", lang);
  take_policy_text (import, preferences, "acceptNecessaryBtn", "reject_all", lang);
  take_policy_text (import, preferences, "savePreferencesBtn", "save_choices", lang);
  take_policy_text (import, preferences, "closeIconLabel", "close", lang);

  sections = stk_config_take_array (reader, preferences, "sections");
  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", stk_config_path (reader, sections), i);
      JsonNode *node = json_array_get_element (sections, i);
      JsonObject *section;
      const char *linked;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      linked = json_object_has_member (json_node_get_object (node), "linkedCategory")
               && json_node_get_value_type (json_object_get_member (json_node_get_object (node),
                                                                    "linkedCategory"))
                  == G_TYPE_STRING
               ? json_object_get_string_member (json_node_get_object (node), "linkedCategory")
               : NULL;

      if (linked == NULL)
        {
          /* The settings' own explanation comes before the categories; any other section of
           * prose has no place in the banner. */
          if (seen_category || seen_intro)
            continue;
          section = stk_config_enter_object (reader, node, path);
          seen_intro = TRUE;
          take_policy_text (import, section, "description", "settings_body", lang);
          continue;
        }

      seen_category = TRUE;
      section = stk_config_enter_object (reader, node, path);
      stk_config_skip (reader, section, "linkedCategory");
      if (g_hash_table_contains (sections_by_category, linked))
        {
          /* Pairs: the language, then its section. */
          GPtrArray *list = g_hash_table_lookup (sections_by_category, linked);

          g_ptr_array_add (list, (gpointer) lang);
          g_ptr_array_add (list, section);
        }
      else
        {
          g_autofree char *member = stk_config_member_path (reader, section, "linkedCategory");

          stk_config_warn (reader, member,
                           _("The section is linked to “%s”, which is not one of the "
                             "categories; it was not carried over"), linked);
        }
    }
}

static StkProvider *
build_provider (Import        *import,
                ProviderDraft *draft,
                const char    *category)
{
  StkProvider *provider = stk_provider_new ();
  g_autofree char *id = stk_interop_make_id (draft->key != NULL ? draft->key : draft->label,
                                             import->provider_ids);

  stk_provider_set_id (provider, id);
  stk_provider_set_name (provider, draft->label != NULL ? draft->label : "");
  stk_provider_set_category (provider, category);

  for (guint i = 0; i < draft->drafts->len; i++)
    {
      Draft *d = g_ptr_array_index (draft->drafts, i);
      StkCookie *cookie = stk_cookie_new ();
      GHashTableIter iter;
      gpointer lang, text;

      stk_cookie_set_name (cookie, d->name);
      stk_cookie_set_pattern (cookie, d->pattern);
      stk_cookie_set_domain (cookie, d->domain != NULL ? d->domain : "");
      if (d->path != NULL)
        stk_cookie_set_path (cookie, d->path);
      stk_cookie_set_delete_on_withdraw (cookie, d->erase);
      if (d->has_kind)
        stk_cookie_set_kind (cookie, d->kind);
      if (d->has_duration)
        {
          stk_cookie_set_duration_unit (cookie, d->unit);
          if (d->unit != STK_UNIT_SESSION)
            stk_cookie_set_duration_value (cookie, d->value);
        }
      g_hash_table_iter_init (&iter, d->purpose);
      while (g_hash_table_iter_next (&iter, &lang, &text))
        stk_text_set (stk_cookie_get_purpose (cookie), lang, text);
      stk_list_append (stk_provider_get_cookies (provider), cookie);
      g_object_unref (cookie);
    }

  return provider;
}

static void
read_category (Import     *import,
               JsonObject *categories,
               const char *id,
               GPtrArray  *sections,
               GHashTable *category_ids)
{
  StkConfigReader *reader = import->reader;
  JsonObject *object = stk_config_take_object (reader, categories, id);
  g_autoptr(StkCategory) category = stk_category_new ();
  g_autoptr(GPtrArray) providers = g_ptr_array_new_with_free_func (provider_draft_free);
  g_autoptr(GPtrArray) loose = g_ptr_array_new_with_free_func (draft_free);
  g_autofree char *path = stk_config_member_path (reader, categories, id);
  g_autofree char *our_id = NULL;
  JsonObject *services, *clear;
  gboolean enabled = FALSE, read_only = FALSE;

  if (object == NULL)
    return;

  our_id = stk_interop_make_id (id, category_ids);
  if (!g_str_equal (our_id, id))
    stk_config_warn (reader, path,
                     _("The category “%s” was given the id “%s”: Samtykke’s ids are lower-case "
                       "letters, digits, “_” and “-”"), id, our_id);

  stk_category_set_id (category, our_id);
  stk_config_take_boolean (reader, object, "enabled", &enabled);
  stk_config_take_boolean (reader, object, "readOnly", &read_only);
  stk_category_set_required (category, read_only);
  if (enabled && !read_only)
    {
      g_autofree char *enabled_path = stk_config_member_path (reader, object, "enabled");

      stk_category_set_preselected (category, TRUE);
      stk_config_warn (reader, enabled_path,
                       _("The category is on before the visitor chooses; it was carried over "
                         "as preselected, which validation reports as an error"));
    }

  services = stk_config_take_object (reader, object, "services");
  if (services != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, services);
      while (json_object_iter_next_ordered (&iter, &key, &node))
        {
          JsonObject *service;
          g_autofree char *label = NULL;
          ProviderDraft *provider;

          key = stk_config_real_name (key);
          service = stk_config_take_object (reader, services, key);
          if (service == NULL)
            continue;
          label = stk_config_take_text (reader, service, "label");
          provider = provider_draft_new (key, label);
          g_ptr_array_add (providers, provider);
          read_cookie_items (import, stk_config_take_array (reader, service, "cookies"),
                             provider->drafts);
        }
    }

  clear = stk_config_take_object (reader, object, "autoClear");
  if (clear != NULL)
    read_cookie_items (import, stk_config_take_array (reader, clear, "cookies"), loose);

  /* Each language's section for the category: its title, description and cookie table. */
  for (guint i = 0; i < sections->len; i += 2)
    {
      JsonObject *section = g_ptr_array_index (sections, i + 1);
      const char *lang = g_ptr_array_index (sections, i);
      g_autofree char *title = stk_config_take_text (reader, section, "title");
      g_autofree char *description = stk_config_take_text (reader, section, "description");
      JsonObject *table = stk_config_take_object (reader, section, "cookieTable");

      set_text (import, stk_category_get_title (category), lang, title);
      set_text (import, stk_category_get_description (category), lang, description);
      if (table != NULL)
        read_table (import, table, lang, providers, loose);
    }

  /* Cookies no service or table row claims: a service that lists the same name, else the
   * category's only provider, else a provider of their own, which the people importing must
   * name. */
  if (loose->len > 0)
    {
      ProviderDraft *only = providers->len == 1 ? g_ptr_array_index (providers, 0) : NULL;
      ProviderDraft *rest = NULL;
      g_autoptr(GString) names = g_string_new (NULL);

      while (loose->len > 0)
        {
          Draft *draft = g_ptr_array_steal_index (loose, 0);
          ProviderDraft *owner = NULL;

          for (guint j = 0; owner == NULL && j < providers->len; j++)
            {
              ProviderDraft *candidate = g_ptr_array_index (providers, j);
              Draft *same = find_draft (candidate->drafts, draft->name, draft->pattern);

              if (same != NULL)
                {
                  same->erase |= draft->erase;
                  if (same->domain == NULL)
                    same->domain = g_steal_pointer (&draft->domain);
                  owner = candidate;
                }
            }
          if (owner != NULL)
            {
              draft_free (draft);
              continue;
            }
          if (only == NULL && rest == NULL)
            {
              rest = provider_draft_new (NULL, NULL);
              g_ptr_array_add (providers, rest);
            }
          g_ptr_array_add (only != NULL ? only->drafts : rest->drafts, draft);
          if (only == NULL)
            g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", draft->name);
        }
      if (rest != NULL)
        {
          g_autofree char *wanted = g_strdup_printf ("%s-cookies", our_id);

          g_free (rest->key);
          rest->key = g_steal_pointer (&wanted);
          stk_config_warn (reader, path,
                           _("No service of the category names the cookies %s: they were put "
                             "under a new provider without a name; give it one"),
                           names->str);
        }
    }

  stk_list_append (stk_policy_get_categories (import->policy), category);
  for (guint i = 0; i < providers->len; i++)
    {
      g_autoptr(StkProvider) provider = build_provider (import, g_ptr_array_index (providers, i),
                                                        our_id);

      stk_list_append (stk_policy_get_providers (import->policy), provider);
    }
}

static void
read_cookie_settings (Import     *import,
                      JsonObject *cookie)
{
  StkConfigReader *reader = import->reader;
  const char *name, *domain, *path;
  JsonNode *expires;
  double days;
  gboolean local = FALSE;

  name = stk_config_take_string (reader, cookie, "name");
  if (name != NULL && *name != '\0')
    stk_policy_set_cookie_name (import->policy, name);
  domain = stk_config_take_string (reader, cookie, "domain");
  if (domain != NULL)
    stk_policy_set_cookie_domain (import->policy, domain);

  path = stk_config_take_string (reader, cookie, "path");
  if (path != NULL && !g_str_equal (path, "/"))
    {
      g_autofree char *member = stk_config_member_path (reader, cookie, "path");

      stk_config_warn (reader, member,
                       _("The choice was kept in a cookie on the path %s; Samtykke’s is on /"),
                       path);
    }
  if (stk_config_take_boolean (reader, cookie, "useLocalStorage", &local) && local)
    {
      g_autofree char *member = stk_config_member_path (reader, cookie, "useLocalStorage");

      stk_config_warn (reader, member,
                       _("The choice was kept in local storage; Samtykke keeps it in a cookie"));
    }

  expires = json_object_get_member (cookie, "expiresAfterDays");
  if (expires != NULL && stk_config_is_function (expires))
    {
      g_autofree char *member = stk_config_member_path (reader, cookie, "expiresAfterDays");

      stk_config_skip (reader, cookie, "expiresAfterDays");
      stk_config_warn (reader, member,
                       _("The lifetime of the choice is made by a function, which Samtykke "
                         "does not run: the lifetimes were left at %d and %d days"),
                       stk_policy_get_accept_days (import->policy),
                       stk_policy_get_decline_days (import->policy));
    }
  else if (stk_config_take_number (reader, cookie, "expiresAfterDays", &days))
    {
      int whole = days < 1 ? 1 : days > 100000 ? 100000 : (int) (days + 0.5);

      if ((double) whole != days)
        {
          g_autofree char *member = stk_config_member_path (reader, cookie, "expiresAfterDays");

          stk_config_warn (reader, member,
                           _("Samtykke keeps a choice a whole number of days: %g became %d"),
                           days, whole);
        }
      stk_policy_set_accept_days (import->policy, whole);
      stk_policy_set_decline_days (import->policy, whole);
    }
}

/* Members whose value is what Samtykke does anyway need no note. */
static void
skip_if (StkConfigReader *reader,
         JsonObject      *object,
         const char      *member,
         gboolean         value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_BOOLEAN
      && json_node_get_boolean (node) == value)
    stk_config_skip (reader, object, member);
}

StkPolicy *
stk_interop_vcc_read (StkConfigReader  *reader,
                      JsonObject       *config,
                      GError          **error)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  g_autoptr(GHashTable) provider_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr(GHashTable) category_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr(GHashTable) sections_by_category =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  Import import = { reader, policy, provider_ids, languages };
  JsonObject *categories, *language, *translations, *cookie, *gui;
  const char *mode, *default_language, *detect;
  double revision;

  reader->html = TRUE;

  categories = stk_config_take_object (reader, config, "categories");
  if (categories == NULL || json_object_get_size (categories) == 0)
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                   _("The vanilla-cookieconsent configuration has no categories"));
      return NULL;
    }

  if (stk_config_take_number (reader, config, "revision", &revision) && revision >= 1
      && revision <= G_MAXINT)
    stk_policy_set_revision (policy, (int) revision);

  mode = stk_config_take_string (reader, config, "mode");
  if (g_strcmp0 (mode, "opt-out") == 0)
    stk_config_warn (reader, "mode",
                     _("In opt-out mode the library runs the categories before the visitor "
                       "chooses; Samtykke always asks first"));

  skip_if (reader, config, "autoShow", TRUE);
  skip_if (reader, config, "manageScriptTags", TRUE);
  skip_if (reader, config, "autoClearCookies", TRUE);
  skip_if (reader, config, "disablePageInteraction", FALSE);
  stk_config_skip (reader, config, "hideFromBots");
  stk_config_skip (reader, config, "lazyHtmlGeneration");

  cookie = stk_config_take_object (reader, config, "cookie");
  if (cookie != NULL)
    read_cookie_settings (&import, cookie);

  gui = stk_config_take_object (reader, config, "guiOptions");
  if (gui != NULL)
    {
      const char * const modals[] = { "consentModal", "preferencesModal" };

      for (guint i = 0; i < G_N_ELEMENTS (modals); i++)
        {
          JsonObject *modal = stk_config_take_object (reader, gui, modals[i]);

          skip_if (reader, modal, "equalWeightButtons", TRUE);
        }
    }

  /* Languages: every translation given as an object. */
  language = stk_config_take_object (reader, config, "language");
  translations = stk_config_take_object (reader, language, "translations");
  default_language = stk_config_take_string (reader, language, "default");
  detect = stk_config_take_string (reader, language, "autoDetect");
  stk_config_skip (reader, language, "rtl");
  if (g_strcmp0 (detect, "browser") == 0)
    stk_config_warn (reader, "language.autoDetect",
                     _("The library chose the language by the browser’s; Samtykke’s banner "
                       "follows the page’s language"));

  if (translations != NULL)
    {
      JsonObjectIter iter;
      const char *lang;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, translations);
      while (json_object_iter_next_ordered (&iter, &lang, &node))
        {
          g_autofree char *path = stk_config_member_path (reader, translations, lang);

          lang = stk_config_real_name (lang);
          stk_config_skip (reader, translations, lang);
          if (stk_language_check (lang) != STK_LANGUAGE_OK)
            {
              stk_config_warn (reader, path,
                               _("“%s” is not a language code Samtykke knows (such as da, en "
                                 "or pt-BR); the language was not carried over"), lang);
              continue;
            }
          if (json_node_get_value_type (node) == G_TYPE_STRING)
            {
              stk_config_warn (reader, path,
                               _("The texts of “%s” are loaded from %s, which the import does "
                                 "not fetch; the language was not carried over"),
                               lang, json_node_get_string (node));
              continue;
            }
          if (!JSON_NODE_HOLDS_OBJECT (node) || stk_config_is_function (node))
            {
              stk_config_warn (reader, path,
                               _("The texts of “%s” are not an object of texts; the language "
                                 "was not carried over"), lang);
              continue;
            }
          stk_config_enter_object (reader, node, path);
          g_ptr_array_add (languages, g_strdup (lang));
        }
    }

  if (languages->len == 0)
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                   _("The vanilla-cookieconsent configuration has no language Samtykke can "
                     "read (language.translations)"));
      return NULL;
    }

  g_ptr_array_add (languages, NULL);
  stk_policy_set_languages (policy, (const char * const *) languages->pdata);
  g_ptr_array_remove_index (languages, languages->len - 1);
  if (default_language != NULL
      && g_strv_contains ((const char * const *) stk_policy_get_languages (policy),
                          default_language))
    stk_policy_set_default_language (policy, default_language);
  else
    {
      stk_policy_set_default_language (policy, g_ptr_array_index (languages, 0));
      if (default_language != NULL)
        stk_config_warn (reader, "language.default",
                         _("The default language “%s” has no texts; “%s” became the default"),
                         default_language, (const char *) g_ptr_array_index (languages, 0));
    }

  /* The texts of every language, collecting each category's sections. */
  {
    JsonObjectIter iter;
    const char *id;
    JsonNode *node;

    json_object_iter_init_ordered (&iter, categories);
    while (json_object_iter_next_ordered (&iter, &id, &node))
      g_hash_table_insert (sections_by_category, (gpointer) stk_config_real_name (id),
                           g_ptr_array_new ());
  }
  for (guint i = 0; i < languages->len; i++)
    {
      const char *lang = g_ptr_array_index (languages, i);
      g_autofree char *stored = lang[0] == '$' ? g_strconcat ("$", lang, NULL) : NULL;
      JsonObject *translation =
        json_node_get_object (json_object_get_member (translations, stored ? stored : lang));

      read_translation (&import, translation, lang, sections_by_category);
    }

  {
    JsonObjectIter iter;
    const char *id;
    JsonNode *node;

    json_object_iter_init_ordered (&iter, categories);
    while (json_object_iter_next_ordered (&iter, &id, &node))
      read_category (&import, categories, stk_config_real_name (id),
                     g_hash_table_lookup (sections_by_category, stk_config_real_name (id)),
                     category_ids);
  }

  return g_steal_pointer (&policy);
}
