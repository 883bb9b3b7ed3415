/* stk-scan-collect.c — what the scanner reads from a loaded page, and the consent it gives
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "stk-scan-collect.h"

/* The scanner reads the page from a script world of its own: the page's scripts cannot
 * replace the functions it calls, and the DOM and the storage are the same. Only the banner's
 * API lives in the page's own world. */
#define SCAN_WORLD "samtykke-scan"

/* The body of an async function; `withPolicy` is its argument. It answers with a JSON text.
 * A key or an id may hold half of a UTF-16 surrogate pair, which has no UTF-8 form: it becomes
 * U+FFFD before it leaves the page. */
static const char collect_source[] =
  "const text = s => String(s).replace(\n"
  "  /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/g,\n"
  "  '\\uFFFD');\n"
  "const keys = area => {\n"
  "  try {\n"
  "    const storage = window[area], all = [];\n"
  "    for (let i = 0; i < storage.length; i++) all.push(text(storage.key(i)));\n"
  "    return all;\n"
  "  } catch (e) {\n"
  "    return [];\n"
  "  }\n"
  "};\n"
  "const links = [];\n"
  "for (const a of document.querySelectorAll('a[href]'))\n"
  "  if (a instanceof HTMLAnchorElement && a.href) links.push(text(a.href));\n"
  "let categories = null;\n"
  "if (withPolicy) {\n"
  "  let policy = null;\n"
  "  try {\n"
  "    const block = document.getElementById('samtykke-policy');\n"
  "    const banner = document.querySelector('samtykke-banner');\n"
  "    if (block)\n"
  "      policy = JSON.parse(block.textContent);\n"
  "    else if (banner) {\n"
  "      const src = new URL(banner.getAttribute('src') || 'policy.json', document.baseURI);\n"
  "      policy = await (await fetch(src, { credentials: 'same-origin' })).json();\n"
  "    }\n"
  "  } catch (e) {\n"
  "    policy = null;\n"
  "  }\n"
  "  if (policy && Array.isArray(policy.categories))\n"
  "    categories = policy.categories.filter(c => c && typeof c.id === 'string')\n"
  "                                  .map(c => text(c.id));\n"
  "}\n"
  "return JSON.stringify({ origin: text(location.origin), links, categories,\n"
  "                        local: keys('localStorage'), session: keys('sessionStorage') });\n";

/* In the page's world: whether it runs the Samtykke banner (see docs/web.md). */
static const char banner_source[] =
  "return typeof window.Samtykke === 'object' && window.Samtykke !== null\n"
  "       && typeof window.Samtykke.save === 'function';\n";

/* In the page's world, as a visitor who accepts the listed categories; `ids` is a JSON array
 * (an argument cannot be an array). */
static const char consent_source[] =
  "window.Samtykke.save(JSON.parse(ids));\n"
  "return true;\n";

void
stk_scan_page_data_free (StkScanPageData *data)
{
  g_free (data->origin);
  g_clear_pointer (&data->links, g_ptr_array_unref);
  g_clear_pointer (&data->local_keys, g_ptr_array_unref);
  g_clear_pointer (&data->session_keys, g_ptr_array_unref);
  g_clear_pointer (&data->categories, g_ptr_array_unref);
  g_free (data);
}

void
stk_scan_collect_page_async (WebKitWebView       *web_view,
                             gboolean             with_policy,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_auto(GVariantDict) arguments = G_VARIANT_DICT_INIT (NULL);

  /* Arguments may be numbers, strings and dictionaries only. */
  g_variant_dict_insert (&arguments, "withPolicy", "i", with_policy ? 1 : 0);
  webkit_web_view_call_async_javascript_function (web_view, collect_source, -1,
                                                  g_variant_dict_end (&arguments), SCAN_WORLD,
                                                  NULL, cancellable, callback, user_data);
}

/* The strings of @member of @object, or NULL when it is not an array. */
static GPtrArray *
read_strings (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  GPtrArray *strings;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
    }

  return strings;
}

static GPtrArray *
read_strings_or_empty (JsonObject *object,
                       const char *member)
{
  GPtrArray *strings = read_strings (object, member);

  return strings != NULL ? strings : g_ptr_array_new_with_free_func (g_free);
}

/**
 * stk_scan_collect_page_finish:
 * @web_view: the view
 * @result: the result given to the callback
 * @error: where a failure goes: the page's process ended, or the page answered nonsense
 *
 * Returns: (transfer full) (nullable): what the page holds
 */
StkScanPageData *
stk_scan_collect_page_finish (WebKitWebView  *web_view,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  StkScanPageData *data;
  JsonObject *object;
  JsonNode *root;

  value = webkit_web_view_call_async_javascript_function_finish (web_view, result, error);
  if (value == NULL)
    return NULL;

  text = jsc_value_is_string (value) ? jsc_value_to_string (value) : NULL;
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The page could not be read"));
      return NULL;
    }

  object = json_node_get_object (root);
  data = g_new0 (StkScanPageData, 1);
  data->origin = g_strdup (json_object_get_string_member_with_default (object, "origin", ""));
  data->links = read_strings_or_empty (object, "links");
  data->local_keys = read_strings_or_empty (object, "local");
  data->session_keys = read_strings_or_empty (object, "session");
  data->categories = read_strings (object, "categories");

  return data;
}

void
stk_scan_find_banner_async (WebKitWebView       *web_view,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  webkit_web_view_call_async_javascript_function (web_view, banner_source, -1, NULL, NULL, NULL,
                                                  cancellable, callback, user_data);
}

/**
 * stk_scan_find_banner_finish:
 * @web_view: the view
 * @result: the result given to the callback
 * @error: where a failure goes
 *
 * Returns: whether the page runs the Samtykke banner (`window.Samtykke.save` exists); %FALSE
 *   with @error set when the page could not be asked
 */
gboolean
stk_scan_find_banner_finish (WebKitWebView  *web_view,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (web_view, result, error);

  return value != NULL && jsc_value_is_boolean (value) && jsc_value_to_boolean (value);
}

void
stk_scan_give_consent_async (WebKitWebView       *web_view,
                             GPtrArray           *categories,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_auto(GVariantDict) arguments = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) ids = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < categories->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (categories, i));
  json_builder_end_array (builder);
  ids = json_builder_get_root (builder);
  text = json_to_string (ids, FALSE);
  g_variant_dict_insert (&arguments, "ids", "s", text);

  webkit_web_view_call_async_javascript_function (web_view, consent_source, -1,
                                                  g_variant_dict_end (&arguments), NULL, NULL,
                                                  cancellable, callback, user_data);
}

/**
 * stk_scan_give_consent_finish:
 * @web_view: the view
 * @result: the result given to the callback
 * @error: where a failure goes: the banner refused, or the page's process ended
 *
 * Returns: whether `Samtykke.save` ran
 */
gboolean
stk_scan_give_consent_finish (WebKitWebView  *web_view,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (web_view, result, error);

  return value != NULL;
}
