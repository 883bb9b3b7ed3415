/* stk-interop-klaro.c — a policy as a Klaro 0.7 configuration, and back
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Klaro (https://klaro.org/, version 0.7) reads `window.klaroConfig`: the consent cookie, the
 * services (one per provider here) with their purposes (our categories), the cookies it deletes
 * when a service is declined, and per language the texts of the notice and of the modal. It
 * records consent per service, not per category, and keeps one lifetime for every choice.
 * docs/interop.md lists every member and where it goes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-interop-private.h"
#include "stk-policy.h"
#include "stk-rules.h"

/* Export */

static void
set_text (JsonObject *object,
          const char *member,
          const char *text)
{
  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, member, text);
}

/* Klaro looks texts up by the page language's first part ("pt" for "pt-BR"). */
static char *
klaro_language (const char *lang)
{
  const char *dash = strchr (lang, '-');

  return dash != NULL ? g_strndup (lang, dash - lang) : g_strdup (lang);
}

static JsonNode *
cookie_entry (StkCookie *cookie)
{
  const char *name = stk_cookie_get_name (cookie);
  const char *domain = stk_cookie_get_domain (cookie);
  const char *path = stk_cookie_get_path (cookie);
  g_autofree char *pattern = NULL;
  JsonNode *node;

  /* Klaro takes a name that starts with "^" for a regular expression, and any other for the
   * name itself. */
  if (stk_cookie_get_pattern (cookie) || name[0] == '^')
    name = pattern = stk_interop_pattern_to_regexp (name, stk_cookie_get_pattern (cookie));

  if ((domain == NULL || *domain == '\0') && (path == NULL || g_str_equal (path, "/")))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, name);
    }
  else
    {
      JsonArray *entry = json_array_new ();

      json_array_add_string_element (entry, name);
      json_array_add_string_element (entry, path != NULL && *path != '\0' ? path : "/");
      if (domain != NULL && *domain != '\0')
        json_array_add_string_element (entry, domain);
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, entry);
    }

  return node;
}

static JsonObject *
render_service (StkPolicy   *policy,
                StkProvider *provider,
                GPtrArray   *klaro_languages)
{
  JsonObject *service = json_object_new ();
  JsonArray *purposes = json_array_new ();
  JsonArray *cookies = json_array_new ();
  JsonObject *translations;
  StkCategory *category = stk_policy_find_category (policy, stk_provider_get_category (provider));
  StkList *list = stk_provider_get_cookies (provider);
  const char * const *languages = stk_policy_get_languages (policy);

  json_object_set_string_member (service, "name", stk_provider_get_id (provider));
  set_text (service, "title", stk_provider_get_name (provider));
  json_array_add_string_element (purposes, stk_provider_get_category (provider));
  json_object_set_array_member (service, "purposes", purposes);
  json_object_set_boolean_member (service, "required",
                                  category != NULL && stk_category_get_required (category));
  json_object_set_boolean_member (service, "optOut", FALSE);
  for (guint i = 0; i < stk_list_get_n (list); i++)
    json_array_add_element (cookies, cookie_entry (stk_list_peek (list, i)));
  json_object_set_array_member (service, "cookies", cookies);

  translations = stk_interop_child_object (service, "translations");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *purpose = stk_text_lookup (stk_provider_get_purpose (provider), languages[i]);

      if (g_ptr_array_index (klaro_languages, i) == NULL)
        continue;
      if (purpose != NULL && *purpose != '\0')
        set_text (stk_interop_child_object (translations,
                                            g_ptr_array_index (klaro_languages, i)),
                  "description", purpose);
    }

  return service;
}

static JsonObject *
render_translation (StkPolicy  *policy,
                    const char *lang,
                    const char *site_path)
{
  JsonObject *translation = json_object_new ();
  JsonObject *notice, *modal, *privacy, *purposes;
  StkList *categories = stk_policy_get_categories (policy);
  const char *policy_link = stk_interop_text_of (policy, "policy_link", lang);
  const char *always_on = stk_interop_text_of (policy, "always_on", lang);
  g_autofree char *url = g_strdup_printf ("%scookie-policy.%s.html", site_path, lang);

  json_object_set_string_member (translation, "privacyPolicyUrl", url);
  notice = stk_interop_child_object (translation, "consentNotice");
  set_text (notice, "title", stk_interop_text_of (policy, "banner_title", lang));
  set_text (notice, "description", stk_interop_text_of (policy, "banner_body", lang));
  set_text (notice, "learnMore", stk_interop_text_of (policy, "settings", lang));
  modal = stk_interop_child_object (translation, "consentModal");
  set_text (modal, "title", stk_interop_text_of (policy, "settings_title", lang));
  set_text (modal, "description", stk_interop_text_of (policy, "settings_body", lang));
  set_text (translation, "ok", stk_interop_text_of (policy, "accept_all", lang));
  set_text (translation, "acceptAll", stk_interop_text_of (policy, "accept_all", lang));
  set_text (translation, "decline", stk_interop_text_of (policy, "reject_all", lang));
  set_text (translation, "acceptSelected", stk_interop_text_of (policy, "save_choices", lang));
  set_text (translation, "save", stk_interop_text_of (policy, "save_choices", lang));
  set_text (translation, "close", stk_interop_text_of (policy, "close", lang));
  if (policy_link != NULL && *policy_link != '\0')
    {
      privacy = stk_interop_child_object (translation, "privacyPolicy");
      json_object_set_string_member (privacy, "name", policy_link);
      /* The link alone: the modal's own sentence around it is Klaro's, not the policy's. */
      json_object_set_string_member (privacy, "text", "{privacyPolicy}");
    }
  if (always_on != NULL && *always_on != '\0')
    {
      JsonObject *service = stk_interop_child_object (translation, "service");

      json_object_set_string_member (stk_interop_child_object (service, "required"),
                                     "title", always_on);
    }

  purposes = stk_interop_child_object (translation, "purposes");
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      JsonObject *purpose = stk_interop_child_object (purposes, stk_category_get_id (category));

      set_text (purpose, "title", stk_text_lookup (stk_category_get_title (category), lang));
      set_text (purpose, "description",
                stk_text_lookup (stk_category_get_description (category), lang));
    }

  return translation;
}

static void
note_losses (StkPolicy        *policy,
             StkInteropReport *notes)
{
  StkList *providers = stk_policy_get_providers (policy);
  gboolean embeds = stk_interop_has_embeds (policy);
  gboolean signals = stk_interop_has_signals (policy);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkCategory *category = stk_policy_find_category (policy,
                                                        stk_provider_get_category (provider));
      StkList *cookies = stk_provider_get_cookies (provider);

      if (category == NULL || stk_category_get_required (category))
        continue;
      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);

          if (!stk_cookie_get_delete_on_withdraw (cookie)
              && stk_cookie_get_kind (cookie) == STK_KIND_COOKIE)
            g_string_append_printf (kept, "%s“%s”", kept->len > 0 ? ", " : "",
                                    stk_cookie_get_name (cookie));
        }
    }

  if (notes == NULL)
    return;
  if (stk_policy_get_decline_days (policy) != stk_policy_get_accept_days (policy))
    stk_interop_report_addf (notes, STK_INTEROP_NOTE_WARNING, 0, "consent.decline_days",
                             _("Klaro keeps every choice equally long: %d days, the lifetime of "
                               "accepting everything; a choice that declines is not asked again "
                               "after %d days"),
                             stk_policy_get_accept_days (policy),
                             stk_policy_get_decline_days (policy));
  if (kept->len > 0)
    stk_interop_report_addf (notes, STK_INTEROP_NOTE_WARNING, 0, "providers",
                             _("Klaro deletes every listed cookie of a declined service, also "
                               "%s, which the policy keeps on withdrawal"), kept->str);
  if (embeds)
    stk_interop_report_add (notes, STK_INTEROP_NOTE_WARNING, 0, "providers",
                            _("Klaro blocks embedded content marked with data-name and the "
                              "provider’s id; the embeds’ placeholders were not carried over"));
  if (signals)
    stk_interop_report_add (notes, STK_INTEROP_NOTE_WARNING, 0, "categories",
                            _("Klaro sends no Google Consent Mode updates by itself: the "
                              "categories’ signals were not carried over"));
  if (*stk_policy_get_log_endpoint (policy) != '\0')
    stk_interop_report_add (notes, STK_INTEROP_NOTE_WARNING, 0, "consent.log_endpoint",
                            _("Klaro sends no consent records: the consent log endpoint was "
                              "not carried over"));
  stk_interop_report_add (notes, STK_INTEROP_NOTE_INFO, 0, NULL,
                          _("Klaro has no place for the cookies’ purposes and durations, the "
                            "data-processor agreements and countries: the declaration pages "
                            "still show them"));
}

GBytes *
stk_interop_klaro_render (StkPolicy        *policy,
                          const char       *site_path,
                          StkInteropReport *notes)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *config = json_object_new ();
  JsonObject *translations;
  JsonArray *order = json_array_new ();
  JsonArray *services = json_array_new ();
  StkList *categories = stk_policy_get_categories (policy);
  StkList *providers = stk_policy_get_providers (policy);
  const char * const *languages = stk_policy_get_languages (policy);
  const char *cookie_domain = stk_policy_get_cookie_domain (policy);
  g_autoptr(GPtrArray) klaro_languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *fallback = klaro_language (stk_policy_get_default_language (policy));
  GString *out;

  json_node_take_object (root, config);

  /* One Klaro language for each of the policy's; a second one with the same first part (en
   * and en-GB) cannot be told apart by Klaro. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      char *lang = klaro_language (languages[i]);

      if (g_hash_table_contains (seen, lang))
        {
          if (notes != NULL)
            stk_interop_report_addf (notes, STK_INTEROP_NOTE_WARNING, 0, "languages",
                                     _("Klaro tells languages apart by their first part only: "
                                       "the texts of “%s” were left out"), languages[i]);
          g_free (lang);
          lang = NULL;
        }
      else
        g_hash_table_add (seen, lang);
      g_ptr_array_add (klaro_languages, lang);
    }

  json_object_set_int_member (config, "version", 1);
  json_object_set_string_member (config, "elementID", "klaro");
  json_object_set_string_member (config, "storageMethod", "cookie");
  json_object_set_string_member (config, "cookieName", stk_policy_get_cookie_name (policy));
  if (cookie_domain != NULL && *cookie_domain != '\0')
    json_object_set_string_member (config, "cookieDomain", cookie_domain);
  json_object_set_int_member (config, "cookieExpiresAfterDays",
                              stk_policy_get_accept_days (policy));
  json_object_set_boolean_member (config, "default", FALSE);
  json_object_set_boolean_member (config, "mustConsent", FALSE);
  json_object_set_boolean_member (config, "acceptAll", TRUE);
  json_object_set_boolean_member (config, "hideDeclineAll", FALSE);
  json_object_set_boolean_member (config, "hideLearnMore", FALSE);
  json_object_set_boolean_member (config, "noticeAsModal", FALSE);
  json_object_set_boolean_member (config, "showNoticeTitle", TRUE);
  json_object_set_boolean_member (config, "htmlTexts", FALSE);
  json_object_set_boolean_member (config, "groupByPurpose", TRUE);
  json_object_set_string_member (config, "fallbackLang", fallback);
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    json_array_add_string_element (order,
                                   stk_category_get_id (stk_list_peek (categories, i)));
  json_object_set_array_member (config, "purposeOrder", order);

  translations = stk_interop_child_object (config, "translations");
  for (guint i = 0; languages[i] != NULL; i++)
    if (g_ptr_array_index (klaro_languages, i) != NULL)
      json_object_set_object_member (translations, g_ptr_array_index (klaro_languages, i),
                                     render_translation (policy, languages[i], site_path));

  for (guint i = 0; i < stk_list_get_n (providers); i++)
    json_array_add_object_element (services, render_service (policy, stk_list_peek (providers, i),
                                                             klaro_languages));
  json_object_set_array_member (config, "services", services);

  note_losses (policy, notes);

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          "/* klaro-config.js: a cookie-consent policy for Klaro 0.7, revision "
                          "%d.\n"
                          " * Written by Samtykke %s from the policy; edit the policy, not this "
                          "file. Include it before\n"
                          " * the library:\n"
                          " *   <script src=\"klaro-config.js\"></script>\n"
                          " *   <script defer src=\"klaro.js\"></script>\n"
                          " * Scripts that need consent are marked with the provider's id:\n"
                          " *   <script type=\"text/plain\" data-type=\"text/javascript\" "
                          "data-name=\"PROVIDER\">\n"
                          " */\n",
                          stk_policy_get_revision (policy), PACKAGE_VERSION);
  g_string_append (out, "window.klaroConfig = ");
  stk_js_write_node (out, root, 0);
  g_string_append (out, ";\n");

  return g_string_free_to_bytes (out);
}

/* Import */

typedef struct
{
  StkConfigReader *reader;
  StkPolicy       *policy;
  GPtrArray       *languages;   /* the policy's, in order */
  JsonObject      *translations;
} Import;

static JsonObject *
translation_of (Import     *import,
                const char *lang)
{
  JsonNode *node;

  if (import->translations == NULL)
    return NULL;
  node = json_object_get_member (import->translations, lang);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
put_text (StkText    *text,
          const char *lang,
          const char *value)
{
  if (value != NULL && *value != '\0')
    stk_text_set (text, lang, value);
}

/* A text of the policy, from a place that should agree with another one (Klaro's "ok" and
 * "acceptAll"). */
static void
take_policy_text (Import     *import,
                  JsonObject *object,
                  const char *member,
                  const char *key,
                  const char *lang)
{
  stk_config_take_policy_text (import->reader, import->policy, object, member, key, lang);
}

static void
warn_placeholders (Import     *import,
                   JsonObject *object,
                   const char *member,
                   const char *lang)
{
  StkText *text = stk_policy_get_text (import->policy, "banner_body");
  const char *value = stk_text_get (text, lang);
  g_autofree char *path = NULL;

  if (value == NULL || (strstr (value, "{purposes}") == NULL
                        && strstr (value, "{privacyPolicy}") == NULL
                        && strstr (value, "{learnMoreLink}") == NULL))
    return;

  path = stk_config_member_path (import->reader, object, member);
  stk_config_warn (import->reader, path,
                   _("The text holds Klaro’s placeholders ({purposes}, {privacyPolicy}, "
                     "{learnMoreLink}), which Samtykke’s banner shows as they are: rewrite "
                     "the text"));
}

static void
read_translation (Import     *import,
                  JsonObject *translation,
                  const char *lang)
{
  StkConfigReader *reader = import->reader;
  JsonObject *notice = stk_config_take_object (reader, translation, "consentNotice");
  JsonObject *modal = stk_config_take_object (reader, translation, "consentModal");
  JsonObject *privacy = stk_config_take_object (reader, translation, "privacyPolicy");
  JsonObject *service = stk_config_take_object (reader, translation, "service");
  JsonObject *required = stk_config_take_object (reader, service, "required");
  const char *url;

  take_policy_text (import, notice, "title", "banner_title", lang);
  take_policy_text (import, notice, "description", "banner_body", lang);
  warn_placeholders (import, notice, "description", lang);
  take_policy_text (import, notice, "learnMore", "settings", lang);
  take_policy_text (import, modal, "title", "settings_title", lang);
  take_policy_text (import, modal, "description", "settings_body", lang);
  take_policy_text (import, translation, "ok", "accept_all", lang);
  take_policy_text (import, translation, "acceptAll", "accept_all", lang);
  take_policy_text (import, translation, "decline", "reject_all", lang);
  take_policy_text (import, translation, "acceptSelected", "save_choices", lang);
  take_policy_text (import, translation, "save", "save_choices", lang);
  take_policy_text (import, translation, "close", "close", lang);
  take_policy_text (import, privacy, "name", "policy_link", lang);
  take_policy_text (import, required, "title", "always_on", lang);

  /* The text around the policy link as Samtykke writes it: nothing but the link. */
  if (privacy != NULL && g_strcmp0 (json_object_has_member (privacy, "text")
                                    && JSON_NODE_HOLDS_VALUE (json_object_get_member (privacy,
                                                                                      "text"))
                                    ? json_object_get_string_member (privacy, "text") : NULL,
                                    "{privacyPolicy}") == 0)
    stk_config_skip (reader, privacy, "text");
  /* The link itself goes to Samtykke's own declaration page. */
  url = json_object_has_member (translation, "privacyPolicyUrl")
        && JSON_NODE_HOLDS_VALUE (json_object_get_member (translation, "privacyPolicyUrl"))
        ? json_object_get_string_member (translation, "privacyPolicyUrl") : NULL;
  if (url != NULL && g_str_has_suffix (url, ".html") && strstr (url, "cookie-policy.") != NULL)
    stk_config_skip (reader, translation, "privacyPolicyUrl");
}

/* A purpose's title and description in one language: {title, description}, or a title. */
static void
read_purpose_text (Import      *import,
                   JsonObject  *purposes,
                   const char  *id,
                   StkCategory *category,
                   const char  *lang)
{
  JsonNode *node = json_object_get_member (purposes, id);
  g_autofree char *path = stk_config_member_path (import->reader, purposes, id);

  if (node == NULL)
    return;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *title = stk_config_take_text (import->reader, purposes, id);

      put_text (stk_category_get_title (category), lang, title);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *purpose = stk_config_take_object (import->reader, purposes, id);
      g_autofree char *title = stk_config_take_text (import->reader, purpose, "title");
      g_autofree char *description = stk_config_take_text (import->reader, purpose,
                                                           "description");

      put_text (stk_category_get_title (category), lang, title);
      put_text (stk_category_get_description (category), lang, description);
    }
}

/* A cookie entry: a name, a "^…" regular expression, a RegExp, [name, path, domain] or
 * {pattern, path, domain}. */
static StkCookie *
read_cookie (Import     *import,
             JsonNode   *node,
             const char *path)
{
  StkConfigReader *reader = import->reader;
  g_autoptr(StkCookie) cookie = stk_cookie_new ();
  JsonNode *name_node = node;
  const char *cookie_path = NULL, *domain = NULL;
  const char *source = NULL, *flags = "";
  g_autofree char *name = NULL;
  gboolean pattern = FALSE, approximate = FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *entry = json_node_get_array (node);
      guint n = json_array_get_length (entry);

      name_node = n > 0 ? json_array_get_element (entry, 0) : NULL;
      if (n > 1 && json_node_get_value_type (json_array_get_element (entry, 1)) == G_TYPE_STRING)
        cookie_path = json_node_get_string (json_array_get_element (entry, 1));
      if (n > 2 && json_node_get_value_type (json_array_get_element (entry, 2)) == G_TYPE_STRING)
        domain = json_node_get_string (json_array_get_element (entry, 2));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node) && !stk_config_is_regexp (node, &source, &flags))
    {
      JsonObject *object = stk_config_enter_object (reader, node, path);

      name_node = stk_config_take (reader, object, "pattern");
      cookie_path = stk_config_take_string (reader, object, "path");
      domain = stk_config_take_string (reader, object, "domain");
    }

  if (name_node != NULL && json_node_get_value_type (name_node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (name_node);

      if (text[0] == '^')
        source = text;
      else if (*text != '\0')
        name = g_strdup (text);
    }
  else if (name_node == NULL || !stk_config_is_regexp (name_node, &source, &flags))
    source = NULL;

  if (name == NULL && source != NULL)
    {
      name = stk_interop_regexp_to_name (source, flags, &pattern, &approximate);
      if (name == NULL)
        {
          stk_config_warn (reader, path,
                           _("The regular expression /%s/ is more than a name with * "
                             "wildcards; the cookie was not carried over"), source);
          return NULL;
        }
      if (approximate)
        stk_config_warn (reader, path,
                         _("The regular expression /%s/%s became the name pattern “%s”, which "
                           "matches nearly but not exactly the same names"),
                         source, flags, name);
    }
  if (name == NULL)
    {
      stk_config_warn (reader, path,
                       _("A cookie must be a name, a regular expression or [name, path, "
                         "domain]; this one was not carried over"));
      return NULL;
    }

  stk_cookie_set_name (cookie, name);
  stk_cookie_set_pattern (cookie, pattern);
  if (cookie_path != NULL && *cookie_path != '\0')
    stk_cookie_set_path (cookie, cookie_path);
  if (domain != NULL)
    stk_cookie_set_domain (cookie, domain);
  /* Klaro deletes every cookie it lists when the service is declined. */
  stk_cookie_set_delete_on_withdraw (cookie, TRUE);

  return g_steal_pointer (&cookie);
}

typedef struct
{
  StkProvider *provider;
  char        *purpose;     /* the category's id in the configuration */
  gboolean     required;
} ServiceDraft;

static void
service_draft_free (gpointer data)
{
  ServiceDraft *draft = data;

  g_clear_object (&draft->provider);
  g_free (draft->purpose);
  g_free (draft);
}

static ServiceDraft *
read_service (Import     *import,
              JsonObject *service,
              const char *path,
              GHashTable *provider_ids)
{
  StkConfigReader *reader = import->reader;
  ServiceDraft *draft;
  const char *name = stk_config_take_string (reader, service, "name");
  g_autofree char *title = stk_config_take_text (reader, service, "title");
  g_autofree char *description = stk_config_take_text (reader, service, "description");
  JsonArray *purposes = stk_config_take_array (reader, service, "purposes");
  JsonArray *cookies = stk_config_take_array (reader, service, "cookies");
  JsonObject *own = stk_config_take_object (reader, service, "translations");
  const char *default_language = stk_policy_get_default_language (import->policy);
  g_autofree char *id = NULL;
  gboolean required = FALSE, opt_out = FALSE, on = FALSE;

  if (name == NULL || *name == '\0')
    {
      stk_config_warn (reader, path, _("The service has no name; it was not carried over"));
      return NULL;
    }

  draft = g_new0 (ServiceDraft, 1);
  draft->provider = stk_provider_new ();
  id = stk_interop_make_id (name, provider_ids);
  if (!g_str_equal (id, name))
    stk_config_warn (reader, path,
                     _("The service “%s” was given the id “%s”: Samtykke’s ids are lower-case "
                       "letters, digits, “_” and “-”"), name, id);
  stk_provider_set_id (draft->provider, id);

  stk_config_take_boolean (reader, service, "required", &required);
  draft->required = required;
  if (stk_config_take_boolean (reader, service, "optOut", &opt_out) && opt_out)
    stk_config_warn (reader, path,
                     _("The service ran before the visitor chose (optOut); Samtykke always "
                       "asks first"));
  if (stk_config_take_boolean (reader, service, "default", &on) && on && !required)
    stk_config_warn (reader, path,
                     _("The service was on before the visitor chose; its category was carried "
                       "over as preselected, which validation reports as an error"));
  draft->required |= FALSE;
  stk_config_skip (reader, service, "onlyOnce");

  for (guint i = 0; purposes != NULL && i < json_array_get_length (purposes); i++)
    {
      JsonNode *purpose = json_array_get_element (purposes, i);

      if (json_node_get_value_type (purpose) != G_TYPE_STRING)
        continue;
      if (draft->purpose == NULL)
        draft->purpose = g_strdup (json_node_get_string (purpose));
      else
        {
          g_autofree char *member = stk_config_member_path (reader, service, "purposes");

          stk_config_warn (reader, member,
                           _("A provider belongs to one category in Samtykke: the service was "
                             "put in “%s”, not in “%s”"),
                           draft->purpose, json_node_get_string (purpose));
        }
    }
  if (draft->purpose == NULL)
    {
      stk_config_warn (reader, path,
                       _("The service has no purpose; it was put in no category, which "
                         "validation reports"));
      draft->purpose = g_strdup ("");
    }
  if (on && !required)
    g_object_set_data (G_OBJECT (draft->provider), "stk-preselected", GINT_TO_POINTER (TRUE));

  for (guint i = 0; cookies != NULL && i < json_array_get_length (cookies); i++)
    {
      g_autofree char *cookie_path = g_strdup_printf ("%s[%u]",
                                                      stk_config_path (reader, cookies), i);
      g_autoptr(StkCookie) cookie = read_cookie (import, json_array_get_element (cookies, i),
                                                 cookie_path);

      if (cookie != NULL)
        stk_list_append (stk_provider_get_cookies (draft->provider), cookie);
    }

  /* The provider's name: the title, else the service's title in a translation. */
  for (guint i = 0; title == NULL && i < import->languages->len; i++)
    {
      const char *lang = g_ptr_array_index (import->languages, i);
      JsonObject *translation = translation_of (import, lang);
      JsonObject *texts = own != NULL ? stk_config_take_object (reader, own, lang) : NULL;

      if (texts != NULL)
        title = stk_config_take_text (reader, texts, "title");
      if (title == NULL && translation != NULL && json_object_has_member (translation, name)
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (translation, name)))
        title = stk_config_take_text (reader,
                                      stk_config_take_object (reader, translation, name),
                                      "title");
    }
  if (title != NULL)
    stk_provider_set_name (draft->provider, title);
  else
    stk_config_warn (reader, path,
                     _("The service “%s” has no title: the provider’s name was left empty; "
                       "give it one"), name);

  /* Its purpose in each language. */
  for (guint i = 0; i < import->languages->len; i++)
    {
      const char *lang = g_ptr_array_index (import->languages, i);
      JsonObject *translation = translation_of (import, lang);
      JsonObject *texts = own != NULL ? stk_config_take_object (reader, own, lang) : NULL;
      g_autofree char *text = NULL;

      if (texts != NULL)
        text = stk_config_take_text (reader, texts, "description");
      if (text == NULL && translation != NULL && json_object_has_member (translation, name))
        {
          JsonNode *node = json_object_get_member (translation, name);

          if (json_node_get_value_type (node) == G_TYPE_STRING)
            text = stk_config_take_text (reader, translation, name);
          else if (JSON_NODE_HOLDS_OBJECT (node))
            text = stk_config_take_text (reader,
                                         stk_config_take_object (reader, translation, name),
                                         "description");
        }
      put_text (stk_provider_get_purpose (draft->provider), lang, text);
    }
  if (description != NULL && *description != '\0')
    {
      StkText *purpose = stk_provider_get_purpose (draft->provider);

      if (stk_text_is_missing (purpose, default_language))
        {
          stk_text_set (purpose, default_language, description);
          stk_config_warn (reader, path,
                           _("The service’s description has no language; it was taken as the "
                             "text in “%s”"), default_language);
        }
    }

  return draft;
}

static void
read_settings (Import     *import,
               JsonObject *config)
{
  StkConfigReader *reader = import->reader;
  const char *name, *domain, *method, *path;
  double days;
  gboolean value;

  stk_config_skip (reader, config, "version");
  stk_config_skip (reader, config, "elementID");
  stk_config_skip (reader, config, "groupByPurpose");
  stk_config_skip (reader, config, "showNoticeTitle");
  stk_config_skip (reader, config, "fallbackLang");
  stk_config_skip (reader, config, "lang");

  method = stk_config_take_string (reader, config, "storageMethod");
  if (method != NULL && !g_str_equal (method, "cookie"))
    stk_config_warn (reader, "storageMethod",
                     _("Klaro kept the choice in %s; Samtykke keeps it in a cookie"), method);
  name = stk_config_take_string (reader, config, "storageName");
  if (name == NULL)
    name = stk_config_take_string (reader, config, "cookieName");
  else
    stk_config_skip (reader, config, "cookieName");
  if (name != NULL && *name != '\0')
    stk_policy_set_cookie_name (import->policy, name);
  domain = stk_config_take_string (reader, config, "cookieDomain");
  if (domain != NULL)
    stk_policy_set_cookie_domain (import->policy, domain);
  path = stk_config_take_string (reader, config, "cookiePath");
  if (path != NULL && !g_str_equal (path, "/"))
    stk_config_warn (reader, "cookiePath",
                     _("The choice was kept in a cookie on the path %s; Samtykke’s is on /"),
                     path);
  if (stk_config_take_number (reader, config, "cookieExpiresAfterDays", &days))
    {
      int whole = days < 1 ? 1 : days > 100000 ? 100000 : (int) (days + 0.5);

      stk_policy_set_accept_days (import->policy, whole);
      stk_policy_set_decline_days (import->policy, whole);
    }

  if (stk_config_take_boolean (reader, config, "mustConsent", &value) && value)
    stk_config_warn (reader, "mustConsent",
                     _("Klaro made the visitor choose before using the site; Samtykke’s banner "
                       "never blocks the page"));
  if (stk_config_take_boolean (reader, config, "hideDeclineAll", &value) && value)
    stk_config_warn (reader, "hideDeclineAll",
                     _("Klaro hid the decline button; Samtykke always offers Reject all beside "
                       "Accept all"));
  if (stk_config_take_boolean (reader, config, "acceptAll", &value) && !value)
    stk_config_warn (reader, "acceptAll",
                     _("Klaro’s first button accepted only what was on by default; Samtykke’s "
                       "accepts every category"));
  if (stk_config_take_boolean (reader, config, "hideLearnMore", &value) && value)
    stk_config_warn (reader, "hideLearnMore",
                     _("Klaro hid the way to the settings; Samtykke’s banner always offers "
                       "them"));
  if (stk_config_take_boolean (reader, config, "htmlTexts", &value))
    reader->html = value;
  stk_config_skip (reader, config, "default");
}

StkPolicy *
stk_interop_klaro_read (StkConfigReader  *reader,
                        JsonObject       *config,
                        GError          **error)
{
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (service_draft_free);
  g_autoptr(GHashTable) provider_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr(GHashTable) category_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr(GPtrArray) purposes = g_ptr_array_new ();     /* the configuration's ids, in order */
  Import import = { reader, policy, languages, NULL };
  JsonArray *services, *order;
  const char *services_member = "services";
  const char *lang_member;
  JsonNode *default_node;

  /* Texts are plain unless htmlTexts says otherwise. */
  reader->html = FALSE;

  services = stk_config_take_array (reader, config, "services");
  if (services == NULL)
    {
      services = stk_config_take_array (reader, config, "apps");
      services_member = "apps";
      if (services != NULL)
        stk_config_warn (reader, "apps",
                         _("“apps” is the name of Klaro’s services before version 0.7; they "
                           "were read as services"));
    }
  if (services == NULL || json_array_get_length (services) == 0)
    {
      g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                   _("The Klaro configuration has no services"));
      return NULL;
    }

  read_settings (&import, config);

  /* Languages: those with texts, "zz" (Klaro's texts for any language) aside. */
  import.translations = stk_config_take_object (reader, config, "translations");
  if (import.translations != NULL)
    {
      JsonObjectIter iter;
      const char *lang;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, import.translations);
      while (json_object_iter_next_ordered (&iter, &lang, &node))
        {
          g_autofree char *path = NULL;

          lang = stk_config_real_name (lang);
          path = stk_config_member_path (reader, import.translations, lang);
          if (g_str_equal (lang, "zz"))
            {
              JsonObject *any = stk_config_take_object (reader, import.translations, lang);

              /* An address for every language's privacy policy link: Samtykke links to its
               * own declaration page. */
              stk_config_skip (reader, any, "privacyPolicyUrl");
              if (any != NULL && json_object_get_size (any) > 1)
                stk_config_warn (reader, path,
                                 _("Klaro’s texts for any language (zz) were not carried over: "
                                   "Samtykke keeps every text in its own language"));
              continue;
            }
          if (stk_language_check (lang) != STK_LANGUAGE_OK)
            {
              stk_config_skip (reader, import.translations, lang);
              stk_config_warn (reader, path,
                               _("“%s” is not a language code Samtykke knows (such as da, en "
                                 "or pt-BR); the language was not carried over"), lang);
              continue;
            }
          if (stk_config_take_object (reader, import.translations, lang) == NULL)
            continue;
          g_ptr_array_add (languages, g_strdup (lang));
        }
    }
  if (languages->len == 0)
    {
      /* A configuration that lives on Klaro's own texts: the language it names, else none
       * Samtykke can tell. */
      default_node = json_object_get_member (config, "lang");
      if (default_node != NULL && json_node_get_value_type (default_node) == G_TYPE_STRING
          && stk_language_check (json_node_get_string (default_node)) == STK_LANGUAGE_OK)
        g_ptr_array_add (languages, g_strdup (json_node_get_string (default_node)));
      else
        {
          g_set_error (error, STK_INTEROP_ERROR, STK_INTEROP_ERROR_NOT_CONFIG,
                       _("The Klaro configuration has no translations Samtykke can read, and "
                         "names no language"));
          return NULL;
        }
    }

  g_ptr_array_add (languages, NULL);
  stk_policy_set_languages (policy, (const char * const *) languages->pdata);
  g_ptr_array_remove_index (languages, languages->len - 1);
  default_node = json_object_get_member (config, "lang");
  lang_member = default_node != NULL && json_node_get_value_type (default_node) == G_TYPE_STRING
                ? json_node_get_string (default_node) : NULL;
  if (lang_member == NULL || !g_ptr_array_find_with_equal_func (languages, lang_member,
                                                                g_str_equal, NULL))
    {
      default_node = json_object_get_member (config, "fallbackLang");
      lang_member = default_node != NULL
                    && json_node_get_value_type (default_node) == G_TYPE_STRING
                    ? json_node_get_string (default_node) : NULL;
    }
  if (lang_member != NULL
      && g_ptr_array_find_with_equal_func (languages, lang_member, g_str_equal, NULL))
    stk_policy_set_default_language (policy, lang_member);
  else
    stk_policy_set_default_language (policy, g_ptr_array_index (languages, 0));

  for (guint i = 0; i < languages->len; i++)
    {
      const char *lang = g_ptr_array_index (languages, i);
      JsonObject *translation = translation_of (&import, lang);

      if (translation != NULL)
        read_translation (&import, translation, lang);
    }

  /* The services, and the purposes they name. */
  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", services_member, i);
      JsonObject *service = stk_config_enter_object (reader, json_array_get_element (services, i),
                                                     path);
      ServiceDraft *draft;

      if (service == NULL)
        {
          stk_config_warn (reader, path,
                           _("A service must be an object; this one was not carried over"));
          continue;
        }
      draft = read_service (&import, service, path, provider_ids);
      if (draft == NULL)
        continue;
      g_ptr_array_add (drafts, draft);
      if (*draft->purpose != '\0'
          && !g_ptr_array_find_with_equal_func (purposes, draft->purpose, g_str_equal, NULL))
        g_ptr_array_add (purposes, draft->purpose);
    }

  /* purposeOrder first, then the order the services name them in. */
  order = stk_config_take_array (reader, config, "purposeOrder");
  for (guint i = 0; order != NULL && i < json_array_get_length (order); i++)
    {
      JsonNode *node = json_array_get_element (order, json_array_get_length (order) - 1 - i);
      guint at;

      if (json_node_get_value_type (node) == G_TYPE_STRING
          && g_ptr_array_find_with_equal_func (purposes, json_node_get_string (node),
                                               g_str_equal, &at))
        {
          gpointer purpose = g_ptr_array_steal_index (purposes, at);

          g_ptr_array_insert (purposes, 0, purpose);
        }
    }

  for (guint i = 0; i < purposes->len; i++)
    {
      const char *purpose = g_ptr_array_index (purposes, i);
      g_autoptr(StkCategory) category = stk_category_new ();
      g_autofree char *id = stk_interop_make_id (purpose, category_ids);
      guint n_services = 0, n_required = 0;
      gboolean preselected = FALSE;

      if (!g_str_equal (id, purpose))
        stk_config_warn (reader, "purposeOrder",
                         _("The purpose “%s” was given the id “%s”: Samtykke’s ids are "
                           "lower-case letters, digits, “_” and “-”"), purpose, id);
      stk_category_set_id (category, id);

      for (guint j = 0; j < drafts->len; j++)
        {
          ServiceDraft *draft = g_ptr_array_index (drafts, j);

          if (!g_str_equal (draft->purpose, purpose))
            continue;
          n_services++;
          n_required += draft->required;
          preselected |= g_object_get_data (G_OBJECT (draft->provider), "stk-preselected") != NULL;
          stk_provider_set_category (draft->provider, id);
        }
      if (n_required > 0 && n_required < n_services)
        stk_config_warn (reader, "services",
                         _("The purpose “%s” holds required and optional services; Samtykke "
                           "makes a whole category required or not, and made it optional"),
                         purpose);
      stk_category_set_required (category, n_required == n_services);
      stk_category_set_preselected (category, preselected && n_required < n_services);

      for (guint j = 0; j < languages->len; j++)
        {
          const char *lang = g_ptr_array_index (languages, j);
          JsonObject *translation = translation_of (&import, lang);
          JsonObject *texts = translation != NULL
                              ? stk_config_take_object (reader, translation, "purposes") : NULL;

          if (texts != NULL)
            read_purpose_text (&import, texts, purpose, category, lang);
        }

      stk_list_append (stk_policy_get_categories (policy), category);
    }

  for (guint i = 0; i < drafts->len; i++)
    stk_list_append (stk_policy_get_providers (policy),
                     ((ServiceDraft *) g_ptr_array_index (drafts, i))->provider);

  return g_steal_pointer (&policy);
}
