/* stk-export-web.c — the files a website runs: runtime policy JSON, banner and declaration pages
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file writes the runtime JSON and holds what every web export shares (escaping, the
 * writing direction, texts by language); stk-export-web-banner.c writes the banner and its
 * stylesheet, stk-export-web-page.c the declaration pages.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-export-web-private.h"

/* The runtime form's own format marker; the web component checks nothing else. */
#define RUNTIME_FORMAT "samtykke-runtime"
#define RUNTIME_VERSION 2

/* Scripts written right to left; the page and the banner get dir="rtl" for them. */
static const char * const rtl_languages[] = {
  "ar", "arc", "ckb", "dv", "fa", "ha", "he", "khw", "ks", "ps", "sd", "ug", "ur", "yi", NULL
};

/* Whether the exports write @lang right to left. */
gboolean
stk_export_lang_is_rtl (const char *lang)
{
  g_autofree char *base = g_strdup (lang != NULL ? lang : "");
  char *dash = strchr (base, '-');

  if (dash != NULL)
    *dash = '\0';

  return g_strv_contains (rtl_languages, base);
}

/* Escaping ------------------------------------------------------------------------------------ */

/* Appends @text escaped for HTML text and for double- or single-quoted attribute values. C0
 * controls other than tab, line feed and carriage return are dropped: HTML does not allow them,
 * not even as character references. */
void
stk_export_append_escaped (GString    *out,
                           const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t':
        case '\n':
        case '\r':
          g_string_append_c (out, *p);
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* Text lookup --------------------------------------------------------------------------------- */

/* A text in @lang; a missing translation is shown as missing (empty), never replaced. */
const char *
stk_web_text_in (StkText    *text,
                 const char *lang)
{
  const char *value = text != NULL ? stk_text_get (text, lang) : NULL;

  return value != NULL ? value : "";
}

/* A URL in @lang: a value for every language, or the default language's, answers too. Only an
 * address that may be a link (stk_url_is_link(): https:, http: or mailto:, nothing for a
 * browser to guess about) is given; anything else is shown as text or left out. */
const char *
stk_web_url_in (StkPolicy  *policy,
                StkText    *text,
                const char *lang)
{
  const char *value = stk_text_lookup (text, lang);

  if (value == NULL || *value == '\0')
    value = stk_text_lookup (text, stk_policy_get_default_language (policy));
  if (!stk_url_is_link (value))
    return NULL;

  return value;
}

const char *
stk_web_policy_text (StkPolicy  *policy,
                     const char *key,
                     const char *lang)
{
  return stk_web_text_in (stk_policy_get_text (policy, key), lang);
}

/* Replaces every "{name}" in @template with @value. */
char *
stk_web_substitute (const char *template,
                    const char *name,
                    const char *value)
{
  g_autofree char *marker = g_strdup_printf ("{%s}", name);
  g_auto(GStrv) parts = g_strsplit (template, marker, -1);

  return g_strjoinv (value, parts);
}

/* "{n} dag|{n} dage": the part before the bar for one, the part after it otherwise. */
char *
stk_web_format_duration (StkPolicy  *policy,
                         StkCookie  *cookie,
                         const char *lang)
{
  StkUnit unit = stk_cookie_get_duration_unit (cookie);
  gint64 value = stk_cookie_get_duration_value (cookie);
  g_autofree char *key = NULL;
  g_autofree char *number = NULL;
  g_auto(GStrv) forms = NULL;
  const char *form;

  if (unit == STK_UNIT_SESSION)
    return g_strdup (stk_web_policy_text (policy, "duration_session", lang));

  key = g_strconcat ("unit_", stk_unit_to_string (unit), NULL);
  forms = g_strsplit (stk_web_policy_text (policy, key, lang), "|", 2);
  if (forms[0] == NULL)
    return g_strdup ("");
  form = value == 1 || forms[1] == NULL ? forms[0] : forms[1];
  number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return stk_web_substitute (form, "n", number);
}

const char *
stk_web_kind_key (StkKind kind)
{
  switch (kind)
    {
    case STK_KIND_COOKIE: return "kind_cookie";
    case STK_KIND_LOCAL_STORAGE: return "kind_local_storage";
    case STK_KIND_SESSION_STORAGE: return "kind_session_storage";
    case STK_KIND_INDEXEDDB: return "kind_indexeddb";
    case STK_KIND_PIXEL: return "kind_pixel";
    default: return "kind_cookie";
    }
}

char *
stk_web_page_file_name (const char *lang)
{
  return g_strdup_printf ("cookie-policy.%s.html", lang);
}

/* The runtime JSON ---------------------------------------------------------------------------- */

static void
add_localized (JsonBuilder        *builder,
               const char         *member,
               StkText            *text,
               const char * const *languages)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, languages[i]);
      json_builder_add_string_value (builder, stk_web_text_in (text, languages[i]));
    }
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_cookie (JsonBuilder        *builder,
            StkPolicy          *policy,
            StkCookie          *cookie,
            const char * const *languages)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", stk_cookie_get_name (cookie));
  json_builder_set_member_name (builder, "pattern");
  json_builder_add_boolean_value (builder, stk_cookie_get_pattern (cookie));
  add_string (builder, "path", stk_cookie_get_path (cookie));
  add_string (builder, "kind", stk_kind_to_string (stk_cookie_get_kind (cookie)));
  json_builder_set_member_name (builder, "delete_on_withdraw");
  json_builder_add_boolean_value (builder, stk_cookie_get_delete_on_withdraw (cookie));
  add_localized (builder, "purpose", stk_cookie_get_purpose (cookie), languages);
  json_builder_set_member_name (builder, "duration");
  json_builder_begin_object (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *duration = stk_web_format_duration (policy, cookie, languages[i]);

      add_string (builder, languages[i], duration);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_provider (JsonBuilder        *builder,
              StkPolicy          *policy,
              StkProvider        *provider,
              const char * const *languages)
{
  StkList *cookies = stk_provider_get_cookies (provider);

  json_builder_begin_object (builder);
  add_string (builder, "id", stk_provider_get_id (provider));
  add_string (builder, "name", stk_provider_get_name (provider));
  add_string (builder, "category", stk_provider_get_category (provider));
  add_localized (builder, "purpose", stk_provider_get_purpose (provider), languages);

  json_builder_set_member_name (builder, "privacy_policy");
  json_builder_begin_object (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    add_string (builder, languages[i],
                stk_web_url_in (policy, stk_provider_get_privacy_policy (provider), languages[i]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cookies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stk_list_get_n (cookies); i++)
    add_cookie (builder, policy, stk_list_peek (cookies, i), languages);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The kinds of storage the page itself can clear, by the name of what the page clears them
 * through: document.cookie, or the window's storage of that name. */
static const struct
{
  StkKind     kind;
  const char *member;
} removable_kinds[] = {
  { STK_KIND_COOKIE, "cookie" },
  { STK_KIND_LOCAL_STORAGE, "localStorage" },
  { STK_KIND_SESSION_STORAGE, "sessionStorage" },
};

/* Appends @name to @out as a JavaScript regular expression (no flags) that matches exactly it;
 * with @pattern, "*" matches any run of characters. Every ASCII punctuation character is
 * escaped, which without the "u" flag always stands for the character itself; everything
 * else (letters, digits, "_", space, controls and any non-ASCII character) already does. */
static void
append_name_pattern (GString    *out,
                     const char *name,
                     gboolean    pattern)
{
  for (const char *p = name; *p != '\0'; p++)
    {
      if (pattern && *p == '*')
        g_string_append (out, ".*");
      else
        {
          if (g_ascii_ispunct (*p) && *p != '_')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

/* What withdrawing @category deletes, in the form the component applies without further work:
 * per kind, one regular expression for every name the policy lists with "deleted when consent
 * is withdrawn", and for cookies the paths to try ("/" first). A required category is never
 * withdrawn and has none. */
static void
add_removals (JsonBuilder *builder,
              StkPolicy   *policy,
              StkCategory *category)
{
  StkList *providers = stk_policy_get_providers (policy);
  const char *id = stk_category_get_id (category);
  GString *names[G_N_ELEMENTS (removable_kinds)] = { NULL, };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  g_ptr_array_add (paths, (gpointer) "/");
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkList *cookies = stk_provider_get_cookies (provider);

      if (g_strcmp0 (stk_provider_get_category (provider), id) != 0)
        continue;

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);
          const char *name = stk_cookie_get_name (cookie);
          const char *path = stk_cookie_get_path (cookie);
          gboolean pattern = stk_cookie_get_pattern (cookie);
          guint k = 0;

          while (k < G_N_ELEMENTS (removable_kinds) &&
                 removable_kinds[k].kind != stk_cookie_get_kind (cookie))
            k++;
          if (k == G_N_ELEMENTS (removable_kinds) || name == NULL || *name == '\0' ||
              !stk_cookie_get_delete_on_withdraw (cookie))
            continue;

          /* The same name from two providers (or as a name and a pattern) once. */
          if (g_hash_table_add (seen, g_strdup_printf ("%u%c%s", k, pattern ? '*' : '=', name)))
            {
              if (names[k] == NULL)
                names[k] = g_string_new ("^(?:");
              else
                g_string_append_c (names[k], '|');
              append_name_pattern (names[k], name, pattern);
            }

          if (removable_kinds[k].kind == STK_KIND_COOKIE && path != NULL && *path != '\0' &&
              !g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
            g_ptr_array_add (paths, (gpointer) path);
        }
    }

  json_builder_set_member_name (builder, "remove");
  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (removable_kinds); k++)
    {
      if (names[k] == NULL)
        continue;

      g_string_append (names[k], ")$");
      json_builder_set_member_name (builder, removable_kinds[k].member);
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, names[k]->str);
      for (guint i = 0; removable_kinds[k].kind == STK_KIND_COOKIE && i < paths->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (paths, i));
      json_builder_end_array (builder);
      g_string_free (names[k], TRUE);
    }
  json_builder_end_object (builder);
}

/* Every embed of every provider, with what its placeholder shows of the provider. */
static void
add_embeds (JsonBuilder        *builder,
            StkPolicy          *policy,
            const char * const *languages)
{
  StkList *providers = stk_policy_get_providers (policy);

  json_builder_set_member_name (builder, "embeds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stk_list_get_n (providers); i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      StkList *embeds = stk_provider_get_embeds (provider);

      for (guint j = 0; j < stk_list_get_n (embeds); j++)
        {
          StkEmbed *embed = stk_list_peek (embeds, j);

          json_builder_begin_object (builder);
          add_string (builder, "id", stk_embed_get_id (embed));
          add_string (builder, "category", stk_provider_get_category (provider));
          add_string (builder, "provider", stk_provider_get_name (provider));
          add_localized (builder, "purpose", stk_provider_get_purpose (provider), languages);
          add_localized (builder, "placeholder", stk_embed_get_placeholder (embed), languages);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
}

/* The texts the web component shows (data/web/src/samtykke.js): the first layer, the settings
 * dialog, the embeds' placeholders and the consent status. The declaration pages' own texts
 * stay out of the banner; tests/web/component.test.mjs checks that the list is complete. */
static const char * const component_texts[] = {
  "banner_title", "banner_body", "policy_link", "accept_all", "reject_all", "settings",
  "save_choices", "close", "settings_title", "settings_body", "always_on", "show_details",
  "privacy_policy_link", "embed_placeholder", "embed_accept", "consent_none", "consent_id",
  "consent_date", "change_consent", "withdraw_consent", "gpc_note", "reopen_button", NULL
};

/* The runtime form. @full is what policy.json holds: every text and the providers with their
 * cookies, which the settings dialog lists. Without it, only what a page view needs: what the
 * banner fragment carries inline. */
static JsonNode *
build_runtime (StkPolicy *policy,
               gboolean   full)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *languages = stk_policy_get_languages (policy);
  const char *endpoint = stk_policy_get_log_endpoint (policy);
  g_autoptr(GPtrArray) keys = stk_policy_dup_text_keys (policy);
  StkList *categories = stk_policy_get_categories (policy);
  StkList *providers = stk_policy_get_providers (policy);
  static const char * const no_languages[] = { NULL };

  if (languages == NULL)
    languages = no_languages;

  json_builder_begin_object (builder);
  add_string (builder, "format", RUNTIME_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUNTIME_VERSION);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, stk_policy_get_revision (policy));
  add_string (builder, "updated", stk_policy_get_updated (policy));

  json_builder_set_member_name (builder, "languages");
  json_builder_begin_array (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    json_builder_add_string_value (builder, languages[i]);
  json_builder_end_array (builder);
  add_string (builder, "default_language", stk_policy_get_default_language (policy));

  json_builder_set_member_name (builder, "rtl");
  json_builder_begin_array (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    if (stk_export_lang_is_rtl (languages[i]))
      json_builder_add_string_value (builder, languages[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cookie");
  json_builder_begin_object (builder);
  add_string (builder, "name", stk_policy_get_cookie_name (policy));
  add_string (builder, "domain", stk_policy_get_cookie_domain (policy));
  json_builder_set_member_name (builder, "accept_days");
  json_builder_add_int_value (builder, stk_policy_get_accept_days (policy));
  json_builder_set_member_name (builder, "decline_days");
  json_builder_add_int_value (builder, stk_policy_get_decline_days (policy));
  json_builder_end_object (builder);

  add_string (builder, "log_endpoint",
              stk_endpoint_check (endpoint) == STK_ENDPOINT_OK ? endpoint : "");
  /* Whether a browser's Global Privacy Control answers the banner. */
  json_builder_set_member_name (builder, "gpc");
  json_builder_add_boolean_value (builder, stk_policy_honours_gpc (policy));

  json_builder_set_member_name (builder, "pages");
  json_builder_begin_object (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = stk_web_page_file_name (languages[i]);

      add_string (builder, languages[i], name);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "texts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (full || g_strv_contains (component_texts, key))
        add_localized (builder, key, stk_policy_get_text (policy, key), languages);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      const char * const *signals = stk_category_get_consent_mode (category);

      json_builder_begin_object (builder);
      add_string (builder, "id", stk_category_get_id (category));
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, stk_category_get_required (category));
      json_builder_set_member_name (builder, "consent_mode");
      json_builder_begin_array (builder);
      for (guint j = 0; signals != NULL && signals[j] != NULL; j++)
        json_builder_add_string_value (builder, signals[j]);
      json_builder_end_array (builder);
      add_localized (builder, "title", stk_category_get_title (category), languages);
      add_localized (builder, "description", stk_category_get_description (category),
                     languages);
      if (!stk_category_get_required (category))
        add_removals (builder, policy, category);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_embeds (builder, policy, languages);

  if (full)
    {
      json_builder_set_member_name (builder, "providers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stk_list_get_n (providers); i++)
        add_provider (builder, policy, stk_list_peek (providers, i), languages);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
stk_web_runtime_to_string (StkPolicy *policy,
                           gboolean   full,
                           gboolean   pretty)
{
  g_autoptr(JsonNode) root = build_runtime (policy, full);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

/**
 * stk_export_policy_json:
 * @policy: a policy
 *
 * The policy in the compact runtime form the web component reads (docs/web.md describes it):
 * only what a visitor's browser needs, each localized text as an object by language, URLs
 * already checked and resolved per language, durations already formatted.
 *
 * Returns: (transfer full): UTF-8 JSON ending in a newline
 */
GBytes *
stk_export_policy_json (StkPolicy *policy)
{
  g_autofree char *json = NULL;
  GString *out;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  json = stk_web_runtime_to_string (policy, TRUE, TRUE);
  out = g_string_new (json);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

