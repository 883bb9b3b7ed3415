/* stk-export-web.c — the files a website runs: runtime policy JSON, banner and declaration pages
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-color.h"
#include "stk-core-private.h"
#include "stk-core-resources.h"
#include "stk-export.h"
#include "stk-policy-io.h"
#include "stk-rules.h"

#define RESOURCE_PREFIX "/io/github/samtykke/Samtykke/core/"

/* The runtime form's own format marker; the web component checks nothing else. */
#define RUNTIME_FORMAT "samtykke-runtime"
#define RUNTIME_VERSION 2

/* Scripts written right to left; the page and the banner get dir="rtl" for them. */
static const char * const rtl_languages[] = {
  "ar", "arc", "ckb", "dv", "fa", "ha", "he", "khw", "ks", "ps", "sd", "ug", "ur", "yi", NULL
};

static gboolean
lang_is_rtl (const char *lang)
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
static void
append_escaped (GString    *out,
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
static const char *
text_in (StkText    *text,
         const char *lang)
{
  const char *value = text != NULL ? stk_text_get (text, lang) : NULL;

  return value != NULL ? value : "";
}

/* A URL in @lang: a value for every language, or the default language's, answers too. Only an
 * address that may be a link (stk_url_is_link(): https:, http: or mailto:, nothing for a
 * browser to guess about) is given; anything else is shown as text or left out. */
static const char *
url_in (StkPolicy  *policy,
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

static const char *
policy_text (StkPolicy  *policy,
             const char *key,
             const char *lang)
{
  return text_in (stk_policy_get_text (policy, key), lang);
}

/* Replaces every "{name}" in @template with @value. */
static char *
substitute (const char *template,
            const char *name,
            const char *value)
{
  g_autofree char *marker = g_strdup_printf ("{%s}", name);
  g_auto(GStrv) parts = g_strsplit (template, marker, -1);

  return g_strjoinv (value, parts);
}

/* "{n} dag|{n} dage": the part before the bar for one, the part after it otherwise. */
static char *
format_duration (StkPolicy  *policy,
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
    return g_strdup (policy_text (policy, "duration_session", lang));

  key = g_strconcat ("unit_", stk_unit_to_string (unit), NULL);
  forms = g_strsplit (policy_text (policy, key, lang), "|", 2);
  if (forms[0] == NULL)
    return g_strdup ("");
  form = value == 1 || forms[1] == NULL ? forms[0] : forms[1];
  number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return substitute (form, "n", number);
}

static const char *
kind_key (StkKind kind)
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

static char *
page_file_name (const char *lang)
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
      json_builder_add_string_value (builder, text_in (text, languages[i]));
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
      g_autofree char *duration = format_duration (policy, cookie, languages[i]);

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
                url_in (policy, stk_provider_get_privacy_policy (provider), languages[i]));
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
    if (lang_is_rtl (languages[i]))
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
      g_autofree char *name = page_file_name (languages[i]);

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

static char *
runtime_to_string (StkPolicy *policy,
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

  json = runtime_to_string (policy, TRUE, TRUE);
  out = g_string_new (json);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* The banner ---------------------------------------------------------------------------------- */

static GBytes *
load_asset (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);

  /* Through the bundle itself rather than the global registry: referencing it also keeps the
   * linker from dropping the bundle (and its registration) out of a static link. */
  return g_resource_lookup_data (stk_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 NULL);
}

/**
 * stk_export_asset:
 * @name: "samtykke.js" or "samtykke.css"
 *
 * Returns: (transfer full) (nullable): the web component's file, compiled into the program, or
 *   %NULL for another name
 */
GBytes *
stk_export_asset (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (g_strcmp0 (name, "samtykke.js") != 0 && g_strcmp0 (name, "samtykke.css") != 0)
    return NULL;

  return load_asset (name);
}

static void
append_bytes (GString *out,
              GBytes  *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data != NULL)
    g_string_append_len (out, data, size);
}

/* The CSP hash source of an inline element's content: 'sha256-BASE64'. */
static char *
csp_hash (const char *content,
          gsize       length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  g_autofree char *base64 = NULL;

  g_checksum_update (checksum, (const guchar *) content, length);
  g_checksum_get_digest (checksum, digest, &digest_len);
  base64 = g_base64_encode (digest, digest_len);

  return g_strdup_printf ("'sha256-%s'", base64);
}

/* The look ------------------------------------------------------------------------------------ */

/* The custom properties of samtykke.css, by the colour each carries. */
static const char * const color_variables[STK_N_COLORS] = {
  [STK_COLOR_BACKGROUND] = "--b",
  [STK_COLOR_TEXT] = "--f",
  [STK_COLOR_ACCENT] = "--a",
  [STK_COLOR_BUTTON_TEXT] = "--t",
  [STK_COLOR_LINK] = "--k",
  [STK_COLOR_BORDER] = "--l",
};

/* A colour as the stylesheet gets it: read and written anew, so that nothing but a colour
 * reaches it; one that is not (validation refuses it) keeps today's. */
static char *
css_color (StkAppearance *appearance,
           StkScheme      scheme,
           StkColorRole   role)
{
  StkColor color;

  if (!stk_color_parse (stk_appearance_get_color (appearance, scheme, role), &color))
    stk_color_parse (stk_appearance_get_default_color (scheme, role), &color);

  return stk_color_to_hex (&color);
}

static gboolean
colors_are_default (StkAppearance *appearance)
{
  for (guint s = STK_SCHEME_LIGHT; s <= STK_SCHEME_DARK; s++)
    for (guint r = 0; r < STK_N_COLORS; r++)
      if (g_strcmp0 (stk_appearance_get_color (appearance, s, r),
                     stk_appearance_get_default_color (s, r)) != 0)
        return FALSE;

  return TRUE;
}

/* The policy's look as a rule after samtykke.css (data/web/src/samtykke.css names what each
 * custom property paints): nothing at all for today's look, so that its bytes, and the hash a
 * Content-Security-Policy allows, stay as they were. */
static void
append_look (GString   *out,
             StkPolicy *policy)
{
  StkAppearance *appearance = stk_policy_get_appearance (policy);
  int radius = stk_appearance_get_radius (appearance);
  const char *font = stk_appearance_get_font (appearance);
  gboolean colors = !colors_are_default (appearance);

  if (colors || radius != 4)
    {
      g_string_append (out, "samtykke-banner,.stk{");
      for (guint r = 0; colors && r < STK_N_COLORS; r++)
        {
          g_autofree char *value = css_color (appearance, STK_SCHEME_LIGHT, r);

          g_string_append_printf (out, "%s:%s;", color_variables[r], value);
        }
      g_string_append_printf (out, "--r:%dpx}", CLAMP (radius, 0, STK_RADIUS_MAX));
    }
  if (colors)
    {
      g_string_append (out, "@media (prefers-color-scheme:dark){samtykke-banner,.stk{");
      for (guint r = 0; r < STK_N_COLORS; r++)
        {
          g_autofree char *value = css_color (appearance, STK_SCHEME_DARK, r);

          g_string_append_printf (out, "%s:%s%s", color_variables[r], value,
                                  r + 1 < STK_N_COLORS ? ";" : "}}");
        }
    }
  /* Only a plain list of names reaches the stylesheet (stk_font_family_is_valid()). */
  if (g_strcmp0 (font, "system-ui, sans-serif") != 0 && stk_font_family_is_valid (font))
    g_string_append_printf (out, "samtykke-banner,.stk-s,.stk-o{font-family:%s}", font);
}

/* The component's stylesheet with the policy's look after it. */
static GString *
stylesheet (StkPolicy *policy)
{
  g_autoptr(GBytes) css = load_asset ("samtykke.css");
  GString *out = g_string_new (NULL);

  append_bytes (out, css);
  append_look (out, policy);

  return out;
}

/**
 * stk_export_stylesheet:
 * @policy: a policy
 *
 * The `samtykke.css` an export writes: the component's stylesheet, and after it the policy's
 * appearance (its colours as the stylesheet's custom properties, its corners and its font),
 * which is nothing at all for today's look. The banner fragment and the declaration pages
 * carry the same text inline.
 *
 * Returns: (transfer full): the stylesheet
 */
GBytes *
stk_export_stylesheet (StkPolicy *policy)
{
  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  return g_string_free_to_bytes (stylesheet (policy));
}

/* The classes that give the banner its layout (samtykke.css): none for the bar. On the
 * declaration pages (@page) a centred card would cover the very text a visitor who follows
 * the banner's link came to read: there it stays a bar. */
static const char *
layout_classes (StkAppearance *appearance,
                gboolean       page)
{
  switch (stk_appearance_get_layout (appearance))
    {
    case STK_LAYOUT_BOX:
      return stk_appearance_get_position (appearance) == STK_SIDE_RIGHT ? "stk-box stk-r"
                                                                        : "stk-box";
    case STK_LAYOUT_CENTRED:
      return page ? NULL : "stk-mid";
    case STK_LAYOUT_BAR:
    default:
      return NULL;
    }
}

/* The first layer as plain markup, so that it shows with the page's first paint. The web
 * component builds the same structure (data/web/src/samtykke.js, start()). @site is where the
 * export is published ("/cookies/"), or "" when the files stand beside the page: the element's
 * src names policy.json there, and the component finds the declaration pages beside it. */
static void
append_first_layer (GString    *out,
                    StkPolicy  *policy,
                    const char *lang,
                    const char *site,
                    gboolean    on_page)
{
  g_autofree char *page = page_file_name (lang);
  const char *classes = layout_classes (stk_policy_get_appearance (policy), on_page);

  g_string_append (out, "<samtykke-banner id=\"samtykke\"");
  if (classes != NULL)
    g_string_append_printf (out, " class=\"%s\"", classes);
  g_string_append (out, " lang=\"");
  append_escaped (out, lang);
  g_string_append_printf (out, "\" dir=\"%s\" src=\"", lang_is_rtl (lang) ? "rtl" : "ltr");
  append_escaped (out, site);
  g_string_append (out, "policy.json\">");
  g_string_append (out, "<div class=\"stk-b\" role=\"dialog\" aria-labelledby=\"stk-t\" "
                        "aria-describedby=\"stk-d\"><h2 id=\"stk-t\">");
  append_escaped (out, policy_text (policy, "banner_title", lang));
  g_string_append (out, "</h2><p id=\"stk-d\">");
  append_escaped (out, policy_text (policy, "banner_body", lang));
  g_string_append (out, " <a href=\"");
  append_escaped (out, site);
  append_escaped (out, page);
  g_string_append (out, "\">");
  append_escaped (out, policy_text (policy, "policy_link", lang));
  g_string_append (out, "</a></p><div class=\"stk-a\">");
  g_string_append (out, "<button type=\"button\" data-stk=\"all\">");
  append_escaped (out, policy_text (policy, "accept_all", lang));
  g_string_append (out, "</button><button type=\"button\" data-stk=\"none\">");
  append_escaped (out, policy_text (policy, "reject_all", lang));
  g_string_append (out, "</button><button type=\"button\" data-stk=\"set\">");
  append_escaped (out, policy_text (policy, "settings", lang));
  g_string_append (out, "</button></div></div></samtykke-banner>\n");
}

/* The reopen button, when the policy has one: a corner button on every page once the visitor
 * has chosen, which opens the settings as the consent-settings link does. The component
 * shows it after a choice and gives it the page's language; until then, and without
 * JavaScript, it stays hidden. */
static void
append_reopen_button (GString    *out,
                      StkPolicy  *policy,
                      const char *lang)
{
  StkAppearance *appearance = stk_policy_get_appearance (policy);

  if (!stk_appearance_get_reopen (appearance))
    return;

  g_string_append_printf (out, "<button type=\"button\" class=\"stk stk-o%s\" "
                               "data-samtykke-settings hidden>",
                          stk_appearance_get_reopen_position (appearance) == STK_SIDE_RIGHT
                          ? " stk-r" : "");
  append_escaped (out, policy_text (policy, "reopen_button", lang));
  g_string_append (out, "</button>\n");
}

/* The whole banner fragment: style, embedded policy, first layer, component. With @csp, a
 * comment names the hashes a strict Content-Security-Policy must allow. The embedded policy is
 * the runtime form without what only the settings dialog's details show: the component fetches
 * those from policy.json when a visitor asks for them. */
static void
append_banner (GString    *out,
               StkPolicy  *policy,
               const char *lang,
               const char *site,
               gboolean    csp,
               gboolean    on_page)
{
  g_autoptr(GString) css = stylesheet (policy);
  g_autoptr(GBytes) js = load_asset ("samtykke.js");
  g_autofree char *json = runtime_to_string (policy, FALSE, FALSE);
  g_autoptr(GString) escaped_json = g_string_new (NULL);

  /* Not executable, but the HTML parser still ends the element at "</script": no "<" at all. */
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (escaped_json, "\\u003c");
      else
        g_string_append_c (escaped_json, *p);
    }

  if (csp)
    {
      gsize js_len = 0;
      const char *js_data = js != NULL ? g_bytes_get_data (js, &js_len) : "";
      g_autofree char *style_hash = csp_hash (css->str, css->len);
      g_autofree char *script_hash = csp_hash (js_data, js_len);

      g_string_append_printf (out,
                              "<!-- Samtykke consent banner, policy revision %d. Paste right "
                              "after <body>.\n     Content-Security-Policy: script-src %s; "
                              "style-src %s -->\n",
                              stk_policy_get_revision (policy), script_hash, style_hash);
    }

  /* A declaration page has the stylesheet in its head. */
  if (!on_page)
    {
      g_string_append (out, "<style>");
      g_string_append_len (out, css->str, css->len);
      g_string_append (out, "</style>\n");
    }
  /* The policy before the first layer: the component runs right after the banner's element,
   * so that for a returning visitor it hides the banner before any frame can show it. A large
   * policy between the two gives the parser time to yield and the browser a frame with it. */
  g_string_append (out, "<script type=\"application/json\" id=\"samtykke-policy\">");
  g_string_append_len (out, escaped_json->str, escaped_json->len);
  g_string_append (out, "</script>\n");
  append_first_layer (out, policy, lang, site, on_page);
  append_reopen_button (out, policy, lang);
  g_string_append (out, "<script>");
  append_bytes (out, js);
  g_string_append (out, "</script>\n");
}

/**
 * stk_export_banner_html_at:
 * @policy: a policy
 * @site_path: (nullable): where the export is published on the site, as
 *   stk_export_site_path_normalize() returns it ("/cookies/"); %NULL or "" when the files
 *   stand beside the pages that carry the banner
 *
 * The banner fragment to paste right after the site template's `<body>`: the component's
 * stylesheet, the first layer as markup in the default language (the component switches it to
 * the page's language before the first paint), the runtime policy as a non-executable JSON
 * block, and the component itself. It needs no request of its own until a visitor expands a
 * category in the settings: the providers and cookies come from policy.json then.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
GBytes *
stk_export_banner_html_at (StkPolicy  *policy,
                           const char *site_path)
{
  const char *lang;
  GString *out;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);
  g_return_val_if_fail (site_path == NULL || *site_path == '\0' ||
                        (site_path[0] == '/' && g_str_has_suffix (site_path, "/")), NULL);

  lang = stk_policy_get_default_language (policy);
  out = g_string_new (NULL);
  append_banner (out, policy, lang != NULL ? lang : "", site_path != NULL ? site_path : "",
                 TRUE, FALSE);

  return g_string_free_to_bytes (out);
}

/**
 * stk_export_banner_html:
 * @policy: a policy
 *
 * The banner fragment for pages beside the exported files: stk_export_banner_html_at()
 * without a site path.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
GBytes *
stk_export_banner_html (StkPolicy *policy)
{
  return stk_export_banner_html_at (policy, NULL);
}

/* The declaration page ------------------------------------------------------------------------ */

/* Paragraphs split at blank lines; single line breaks kept as <br>. */
static void
append_prose (GString    *out,
              const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[i]));

      if (*stripped == '\0')
        continue;

      lines = g_strsplit (stripped, "\n", -1);
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>");
          append_escaped (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

static void
append_link (GString    *out,
             const char *url,
             const char *label)
{
  if (url == NULL)
    {
      append_escaped (out, label);
      return;
    }

  g_string_append (out, "<a href=\"");
  append_escaped (out, url);
  g_string_append (out, "\">");
  append_escaped (out, label);
  g_string_append (out, "</a>");
}

/* An id attribute value: the model's ids are checked by validation, but a page must stay valid
 * HTML whatever they hold, so anything but [A-Za-z0-9_-] becomes "-". */
static void
append_id (GString    *out,
           const char *prefix,
           const char *id)
{
  g_string_append (out, prefix);
  for (const char *p = id != NULL ? id : ""; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '_' || *p == '-' ? *p : '-');
}

static void
append_provider_table (GString     *out,
                       StkPolicy   *policy,
                       GPtrArray   *providers,
                       const char  *lang)
{
  g_string_append (out, "<table>\n<thead><tr>");
  g_string_append (out, "<th scope=\"col\">");
  append_escaped (out, policy_text (policy, "col_provider", lang));
  g_string_append (out, "</th><th scope=\"col\">");
  append_escaped (out, policy_text (policy, "col_purpose", lang));
  g_string_append (out, "</th><th scope=\"col\">");
  append_escaped (out, policy_text (policy, "dpa_label", lang));
  g_string_append (out, "</th><th scope=\"col\">");
  append_escaped (out, policy_text (policy, "country_label", lang));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");

  for (guint i = 0; i < providers->len; i++)
    {
      StkProvider *provider = g_ptr_array_index (providers, i);
      const char *website = url_in (policy, stk_provider_get_website (provider), lang);
      const char *privacy = url_in (policy, stk_provider_get_privacy_policy (provider), lang);

      g_string_append (out, "<tr><th scope=\"row\">");
      append_link (out, website, stk_provider_get_name (provider));
      g_string_append (out, "</th><td>");
      append_escaped (out, text_in (stk_provider_get_purpose (provider), lang));
      if (privacy != NULL)
        {
          g_string_append (out, " ");
          append_link (out, privacy, policy_text (policy, "privacy_policy_link", lang));
        }
      g_string_append (out, "</td><td>");
      if (stk_provider_get_dpa (provider))
        {
          const char *date = stk_provider_get_dpa_date (provider);
          g_autofree char *yes = substitute (policy_text (policy, "dpa_yes", lang), "date",
                                             date != NULL ? date : "");

          append_escaped (out, yes);
        }
      else
        append_escaped (out, policy_text (policy, "dpa_no", lang));
      g_string_append (out, "</td><td>");
      append_escaped (out, stk_provider_get_country (provider));
      if (stk_provider_get_outside_eea (provider))
        {
          g_string_append (out, " (");
          append_escaped (out, policy_text (policy, "outside_eea", lang));
          g_string_append (out, ")");
        }
      g_string_append (out, "</td></tr>\n");
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_cookie_table (GString    *out,
                     StkPolicy  *policy,
                     GPtrArray  *providers,
                     const char *lang)
{
  static const char * const columns[] = {
    "col_name", "col_provider", "col_purpose", "col_duration", "col_party", "col_kind"
  };
  guint n_cookies = 0;

  for (guint i = 0; i < providers->len; i++)
    n_cookies += stk_list_get_n (stk_provider_get_cookies (g_ptr_array_index (providers, i)));
  if (n_cookies == 0)
    return;

  g_string_append (out, "<table>\n<thead><tr>");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_escaped (out, policy_text (policy, columns[i], lang));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint i = 0; i < providers->len; i++)
    {
      StkProvider *provider = g_ptr_array_index (providers, i);
      StkList *cookies = stk_provider_get_cookies (provider);

      for (guint j = 0; j < stk_list_get_n (cookies); j++)
        {
          StkCookie *cookie = stk_list_peek (cookies, j);
          g_autofree char *duration = format_duration (policy, cookie, lang);
          gboolean first = stk_cookie_get_party (cookie) == STK_PARTY_FIRST;

          g_string_append (out, "<tr><th scope=\"row\"><code>");
          append_escaped (out, stk_cookie_get_name (cookie));
          g_string_append (out, "</code></th><td>");
          append_escaped (out, stk_provider_get_name (provider));
          g_string_append (out, "</td><td>");
          append_escaped (out, text_in (stk_cookie_get_purpose (cookie), lang));
          g_string_append (out, "</td><td>");
          append_escaped (out, duration);
          g_string_append (out, "</td><td>");
          append_escaped (out, policy_text (policy, first ? "party_first" : "party_third", lang));
          g_string_append (out, "</td><td>");
          append_escaped (out, policy_text (policy, kind_key (stk_cookie_get_kind (cookie)),
                                            lang));
          g_string_append (out, "</td></tr>\n");
        }
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_categories (GString    *out,
                   StkPolicy  *policy,
                   const char *lang)
{
  StkList *categories = stk_policy_get_categories (policy);
  StkList *providers = stk_policy_get_providers (policy);

  g_string_append (out, "<section id=\"providers\">\n<h2>");
  append_escaped (out, policy_text (policy, "providers_heading", lang));
  g_string_append (out, "</h2>\n");

  for (guint i = 0; i < stk_list_get_n (categories); i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();

      for (guint j = 0; j < stk_list_get_n (providers); j++)
        {
          StkProvider *provider = stk_list_peek (providers, j);

          if (g_strcmp0 (stk_provider_get_category (provider),
                         stk_category_get_id (category)) == 0)
            g_ptr_array_add (members, provider);
        }

      g_string_append (out, "<section id=\"");
      append_id (out, "category-", stk_category_get_id (category));
      g_string_append (out, "\">\n<h3>");
      append_escaped (out, text_in (stk_category_get_title (category), lang));
      if (stk_category_get_required (category))
        {
          g_string_append (out, " <small>(");
          append_escaped (out, policy_text (policy, "always_on", lang));
          g_string_append (out, ")</small>");
        }
      g_string_append (out, "</h3>\n");
      append_prose (out, text_in (stk_category_get_description (category), lang));
      if (members->len > 0)
        {
          append_provider_table (out, policy, members, lang);
          append_cookie_table (out, policy, members, lang);
        }
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</section>\n");
}

static void
append_controller (GString    *out,
                   StkPolicy  *policy,
                   const char *lang)
{
  const char *fields[] = {
    stk_policy_get_controller_name (policy),
    stk_policy_get_controller_address (policy),
  };
  const char *cvr = stk_policy_get_controller_cvr (policy);
  const char *email = stk_policy_get_controller_email (policy);
  const char *dpo_name = stk_policy_get_dpo_name (policy);
  const char *dpo_email = stk_policy_get_dpo_email (policy);

  g_string_append (out, "<section id=\"controller\">\n<h2>");
  append_escaped (out, policy_text (policy, "controller_label", lang));
  g_string_append (out, "</h2>\n<address>\n");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && *fields[i] != '\0')
      {
        append_escaped (out, fields[i]);
        g_string_append (out, "<br>\n");
      }
  if (cvr != NULL && *cvr != '\0')
    {
      g_string_append (out, "CVR ");
      append_escaped (out, cvr);
      g_string_append (out, "<br>\n");
    }
  if (email != NULL && *email != '\0')
    {
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);

      append_link (out, stk_email_is_valid (email) ? mailto : NULL, email);
      g_string_append (out, "<br>\n");
    }
  if ((dpo_name != NULL && *dpo_name != '\0') || (dpo_email != NULL && *dpo_email != '\0'))
    {
      g_autofree char *mailto = g_strconcat ("mailto:", dpo_email ? dpo_email : "", NULL);

      append_escaped (out, dpo_name);
      if (dpo_email != NULL && *dpo_email != '\0')
        {
          g_string_append (out, ": ");
          append_link (out, stk_email_is_valid (dpo_email) ? mailto : NULL, dpo_email);
        }
      g_string_append (out, "<br>\n");
    }
  g_string_append (out, "</address>\n</section>\n");
}

/* The page's own stylesheet: readable, printable, light and dark. The banner brings its own. */
static const char page_css[] =
  "body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}"
  "main,footer{max-width:60rem;margin:0 auto;padding:1rem}"
  "table{border-collapse:collapse;width:100%;margin:1rem 0}"
  "th,td{border:1px solid #767676;padding:.4rem;text-align:start;vertical-align:top}"
  "thead th{background:#eee}code{overflow-wrap:anywhere}a{color:#0645ad}"
  ".stk-status{border:1px solid #767676;padding:0 1rem}"
  "@media(max-width:40rem){table{display:block;overflow-x:auto}}"
  "@media(prefers-color-scheme:dark){body{color:#eee;background:#121212}thead th{background:#333}"
  "a{color:#8ab4f8}}";

/**
 * stk_export_page_html:
 * @policy: a policy
 * @lang: one of the policy's languages
 *
 * The declaration page in @lang: a whole HTML5 document, readable without JavaScript, with the
 * policy's sections in order (the categories with their providers and cookies follow the
 * section "types", or the last section when there is none), the controller, the revision and
 * date, the visitor's current choice (filled in by the component) and the consent-settings
 * link. It carries the banner too, so it works on its own.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
GBytes *
stk_export_page_html (StkPolicy  *policy,
                      const char *lang)
{
  g_autoptr(GString) css = stylesheet (policy);
  GString *out;
  StkList *sections;
  guint n_sections;
  guint categories_after;
  const char *name;
  const char *updated;
  const char *checked;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  sections = stk_policy_get_sections (policy);
  n_sections = stk_list_get_n (sections);
  categories_after = n_sections > 0 ? n_sections - 1 : 0;
  for (guint i = 0; i < n_sections; i++)
    if (g_strcmp0 (stk_section_get_id (stk_list_peek (sections, i)), "types") == 0)
      categories_after = i;

  name = stk_policy_get_name (policy);
  updated = stk_policy_get_updated (policy);
  checked = stk_policy_get_checked (policy);

  out = g_string_new ("<!DOCTYPE html>\n<html lang=\"");
  append_escaped (out, lang);
  g_string_append_printf (out, "\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                          lang_is_rtl (lang) ? "rtl" : "ltr");
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\">\n<title>");
  append_escaped (out, policy_text (policy, "page_title", lang));
  if (name != NULL && *name != '\0')
    {
      g_string_append (out, " – ");
      append_escaped (out, name);
    }
  g_string_append_printf (out, "</title>\n<style>%s</style>\n<style>", page_css);
  g_string_append_len (out, css->str, css->len);
  /* Without scripts the banner cannot record anything, so it only stands in the way. */
  g_string_append (out, "</style>\n<noscript><style>samtykke-banner{display:none}</style>"
                        "</noscript>\n</head>\n<body>\n");

  /* The page stands beside policy.json wherever the export is published. */
  append_banner (out, policy, lang, "", FALSE, TRUE);

  g_string_append (out, "<main>\n<h1>");
  append_escaped (out, policy_text (policy, "page_title", lang));
  g_string_append (out, "</h1>\n<p>");
  append_escaped (out, policy_text (policy, "revision_label", lang));
  g_string_append_printf (out, " %d", stk_policy_get_revision (policy));
  if (updated != NULL && *updated != '\0')
    {
      g_string_append (out, " · ");
      append_escaped (out, policy_text (policy, "updated_label", lang));
      g_string_append (out, " <time datetime=\"");
      append_escaped (out, updated);
      g_string_append (out, "\">");
      append_escaped (out, updated);
      g_string_append (out, "</time>");
    }
  /* When the site was last held against the policy: only with a label in this language. */
  if (checked != NULL && *checked != '\0' && *policy_text (policy, "checked_label", lang) != '\0')
    {
      g_string_append (out, " · ");
      append_escaped (out, policy_text (policy, "checked_label", lang));
      g_string_append (out, " <time datetime=\"");
      append_escaped (out, checked);
      g_string_append (out, "\">");
      append_escaped (out, checked);
      g_string_append (out, "</time>");
    }
  g_string_append (out, "</p>\n");
  append_prose (out, text_in (stk_policy_get_revision_note (policy), lang));

  for (guint i = 0; i < n_sections; i++)
    {
      StkSection *section = stk_list_peek (sections, i);

      g_string_append (out, "<section id=\"");
      append_id (out, "section-", stk_section_get_id (section));
      g_string_append (out, "\">\n<h2>");
      append_escaped (out, text_in (stk_section_get_title (section), lang));
      g_string_append (out, "</h2>\n");
      append_prose (out, text_in (stk_section_get_body (section), lang));
      g_string_append (out, "</section>\n");

      if (i == categories_after)
        append_categories (out, policy, lang);
    }
  if (n_sections == 0)
    append_categories (out, policy, lang);

  append_controller (out, policy, lang);

  /* The component fills this in: the current choice, consent id, change and withdraw. */
  g_string_append (out, "<section id=\"your-consent\">\n<h2>");
  append_escaped (out, policy_text (policy, "your_consent", lang));
  g_string_append (out, "</h2>\n<div class=\"stk stk-status\" data-samtykke-status></div>\n"
                        "</section>\n</main>\n<footer>\n<p><a href=\"#samtykke\" "
                        "data-samtykke-settings>");
  append_escaped (out, policy_text (policy, "consent_settings_link", lang));
  g_string_append (out, "</a></p>\n</footer>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}

/* For the core's other HTML builders (stk-core-private.h) ------------------------------------- */

/* Appends @text as every export escapes it. */
void
stk_export_append_escaped (GString    *out,
                           const char *text)
{
  append_escaped (out, text);
}

/* Whether the exports write @lang right to left. */
gboolean
stk_export_lang_is_rtl (const char *lang)
{
  return lang_is_rtl (lang);
}
