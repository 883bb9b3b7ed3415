/* stk-export-web-banner.c — the banner fragment a website includes, and its stylesheet
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-export-web-private.h"

#define RESOURCE_PREFIX "/io/github/samtykke/Samtykke/core/"

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
GString *
stk_web_stylesheet (StkPolicy *policy)
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

  return g_string_free_to_bytes (stk_web_stylesheet (policy));
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
  g_autofree char *page = stk_web_page_file_name (lang);
  const char *classes = layout_classes (stk_policy_get_appearance (policy), on_page);

  g_string_append (out, "<samtykke-banner id=\"samtykke\"");
  if (classes != NULL)
    g_string_append_printf (out, " class=\"%s\"", classes);
  g_string_append (out, " lang=\"");
  stk_export_append_escaped (out, lang);
  g_string_append_printf (out, "\" dir=\"%s\" src=\"",
                          stk_export_lang_is_rtl (lang) ? "rtl" : "ltr");
  stk_export_append_escaped (out, site);
  g_string_append (out, "policy.json\">");
  g_string_append (out, "<div class=\"stk-b\" role=\"dialog\" aria-labelledby=\"stk-t\" "
                        "aria-describedby=\"stk-d\"><h2 id=\"stk-t\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "banner_title", lang));
  g_string_append (out, "</h2><p id=\"stk-d\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "banner_body", lang));
  g_string_append (out, " <a href=\"");
  stk_export_append_escaped (out, site);
  stk_export_append_escaped (out, page);
  g_string_append (out, "\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "policy_link", lang));
  g_string_append (out, "</a></p><div class=\"stk-a\">");
  g_string_append (out, "<button type=\"button\" data-stk=\"all\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "accept_all", lang));
  g_string_append (out, "</button><button type=\"button\" data-stk=\"none\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "reject_all", lang));
  g_string_append (out, "</button><button type=\"button\" data-stk=\"set\">");
  stk_export_append_escaped (out, stk_web_policy_text (policy, "settings", lang));
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
  stk_export_append_escaped (out, stk_web_policy_text (policy, "reopen_button", lang));
  g_string_append (out, "</button>\n");
}

/* The whole banner fragment: style, embedded policy, first layer, component. With @csp, a
 * comment names the hashes a strict Content-Security-Policy must allow. The embedded policy is
 * the runtime form without what only the settings dialog's details show: the component fetches
 * those from policy.json when a visitor asks for them. */
void
stk_web_append_banner (GString    *out,
                       StkPolicy  *policy,
                       const char *lang,
                       const char *site,
                       gboolean    csp,
                       gboolean    on_page)
{
  g_autoptr(GString) css = stk_web_stylesheet (policy);
  g_autoptr(GBytes) js = load_asset ("samtykke.js");
  g_autofree char *json = stk_web_runtime_to_string (policy, FALSE, FALSE);
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
  stk_web_append_banner (out, policy, lang != NULL ? lang : "",
                         site_path != NULL ? site_path : "", TRUE, FALSE);

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

