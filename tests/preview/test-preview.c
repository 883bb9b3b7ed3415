/* test-preview.c — the live preview, driven in a real web view: banner, language, edits,
 * consent and reset, declaration page, colour scheme, width, and no network
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <webkit/webkit.h>

#include "gui-helpers.h"
#include "stk-preview-page.h"


/* The preview in a window of its own, as the editor shows it. */
typedef struct
{
  GtkWindow      *window;
  StkPreviewPage *page;
  StkPolicy      *policy;
  WebKitWebView  *web_view;
} Fixture;

typedef struct
{
  gboolean  done;
  char     *value;
  GError   *error;
} Result;

static void
js_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result,
                                                      &r->error);
  if (value != NULL)
    r->value = jsc_value_to_string (value);
  r->done = TRUE;
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Result *r = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                 result, &r->error);
  if (value != NULL)
    r->value = jsc_value_to_string (value);
  r->done = TRUE;
}

/* Runs @script in the page's own world; the result as a string, or NULL on an exception. */
static char *
eval_js (WebKitWebView *web_view,
         const char    *script)
{
  Result r = { FALSE, NULL, NULL };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL, js_done_cb, &r);
  STK_WAIT_UNTIL (r.done);
  g_clear_error (&r.error);

  return r.value;
}

/* Runs the body of an async function (it may await) and returns its result as a string. */
static char *
call_async_js (WebKitWebView *web_view,
               const char    *body)
{
  Result r = { FALSE, NULL, NULL };

  webkit_web_view_call_async_javascript_function (web_view, body, -1, NULL, NULL, NULL, NULL,
                                                  call_done_cb, &r);
  STK_WAIT_UNTIL (r.done);
  g_assert_no_error (r.error);

  return r.value;
}

/* Waits until @script evaluates to @expected in the page. */
static void
wait_for_js (WebKitWebView *web_view,
             const char    *script,
             const char    *expected)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autofree char *last = NULL;

  for (;;)
    {
      g_free (last);
      last = eval_js (web_view, script);
      if (g_strcmp0 (last, expected) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for “%s” to be “%s”; it is “%s”", script, expected, last);
      /* The page answers only when asked: ask again a moment later. */
      stk_test_run_for (50);
    }
}

static const char *
text_in (StkPolicy  *policy,
         const char *key,
         const char *lang)
{
  return stk_text_get (stk_policy_get_text (policy, key), lang);
}

/* The banner's title as shown, or "hidden" when the banner is not on screen. */
#define BANNER_TITLE_JS                                                                   \
  "(() => { const b = document.querySelector ('samtykke-banner');"                       \
  "  if (!b || b.hidden || getComputedStyle (b).display === 'none'"                      \
  "      || b.getBoundingClientRect ().height <= 0) return 'hidden';"                    \
  "  return document.getElementById ('stk-t').textContent; }) ()"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLES_DIR "/copenhagen.json");

  f->policy = stk_policy_load_file (file, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->page = STK_PREVIEW_PAGE (stk_preview_page_new ());
  stk_preview_page_set_phone (f->page, FALSE);
  stk_preview_page_set_dark (f->page, FALSE);
  stk_preview_page_set_policy (f->page, f->policy);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);

  STK_WAIT_UNTIL (stk_preview_page_get_web_view (f->page) != NULL);
  f->web_view = WEBKIT_WEB_VIEW (stk_preview_page_get_web_view (f->page));
  STK_WAIT_UNTIL (stk_preview_page_get_n_renders (f->page) > 0);
  STK_WAIT_UNTIL (!webkit_web_view_is_loading (f->web_view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (f->policy);
}

static GtkDropDown *
find_drop_down (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    return GTK_DROP_DOWN (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The example's banner shows over the sample page, in the chosen language, from the same bytes
 * the exporter writes. */
static void
test_banner_in_language (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) banner = stk_export_banner_html (f->policy);
  g_autofree char *served = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *banner_text = g_strndup (g_bytes_get_data (banner, NULL),
                                            g_bytes_get_size (banner));
  GtkDropDown *dropdown;
  GListModel *labels;

  g_assert_cmpstr (stk_preview_page_get_language (f->page), ==, "da");
  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  wait_for_js (f->web_view, "document.querySelector ('[data-stk=none]').textContent",
               text_in (f->policy, "reject_all", "da"));

  /* What is served is what an export writes, and the sample page carries it unchanged. */
  served = call_async_js (f->web_view, "return await (await fetch ('/banner.html')).text ();");
  g_assert_cmpstr (served, ==, banner_text);
  sample = call_async_js (f->web_view,
                          "return await (await fetch (location.pathname)).text ();");
  g_assert_nonnull (strstr (sample, banner_text));

  /* Chosen in the drop-down, which names every language of the policy. */
  dropdown = find_drop_down (GTK_WIDGET (f->page));
  g_assert_nonnull (dropdown);
  labels = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "English (en)");
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpstr (stk_preview_page_get_language (f->page), ==, "en");
  wait_for_js (f->web_view, "document.documentElement.lang", "en");
  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "en"));
  wait_for_js (f->web_view, "document.querySelector ('[data-stk=all]').textContent",
               text_in (f->policy, "accept_all", "en"));
}

/* Shortly after an edit of the banner title the new title shows, and the page keeps its scroll
 * position. Quick edits in a row render once. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  StkText *title = stk_policy_get_text (f->policy, "banner_title");
  g_autofree char *original = g_strdup (stk_text_get (title, "da"));
  guint renders;
  gint64 start;
  g_autofree char *scrolled = NULL;

  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  scrolled = eval_js (f->web_view, "scrollTo (0, 300); String (scrollY)");
  g_assert_cmpstr (scrolled, ==, "300");

  renders = stk_preview_page_get_n_renders (f->page);
  start = g_get_monotonic_time ();
  stk_text_set (title, "da", "Vi bruger");
  stk_text_set (title, "da", "Vi bruger små");
  stk_text_set (title, "da", "Vi bruger små cookies");
  wait_for_js (f->web_view, BANNER_TITLE_JS, "Vi bruger små cookies");
  g_test_message ("The edit showed after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (stk_preview_page_get_n_renders (f->page), ==, renders + 1);
  wait_for_js (f->web_view, "String (scrollY)", "300");

  /* Removing a provider is an edit too: its embedded video goes from the sample page. */
  {
    StkList *providers = stk_policy_get_providers (f->policy);
    guint youtube = G_MAXUINT;

    for (guint i = 0; i < stk_list_get_n (providers); i++)
      if (stk_list_get_n (stk_provider_get_embeds (stk_list_peek (providers, i))) > 0)
        youtube = i;
    g_assert_cmpuint (youtube, !=, G_MAXUINT);
    wait_for_js (f->web_view, "String (document.querySelectorAll ('[data-samtykke-embed]').length)",
                 "1");
    stk_list_remove (providers, youtube);
    wait_for_js (f->web_view, "String (document.querySelectorAll ('[data-samtykke-embed]').length)",
                 "0");
    g_assert_true (stk_history_undo (stk_policy_get_history (f->policy)));
    wait_for_js (f->web_view, "String (document.querySelectorAll ('[data-samtykke-embed]').length)",
                 "1");
    g_assert_true (stk_history_redo (stk_policy_get_history (f->policy)));
    g_assert_true (stk_history_undo (stk_policy_get_history (f->policy)));
  }

  /* The settings dialog, when open, stays open across an edit of its texts. */
  g_free (eval_js (f->web_view, "document.querySelector ('samtykke-banner [data-stk=set]')"
                                ".click (); 'clicked'"));
  wait_for_js (f->web_view, "document.querySelector ('dialog[open] h2').textContent",
               text_in (f->policy, "settings_title", "da"));
  stk_text_set (stk_policy_get_text (f->policy, "settings_title"), "da", "Dine valg");
  wait_for_js (f->web_view, "document.querySelector ('dialog[open] h2').textContent",
               "Dine valg");
  g_free (eval_js (f->web_view, "document.querySelector ('dialog[open]').close (); 'closed'"));

  /* Undo (of the typing, one step) is a change like any other. */
  g_assert_true (stk_history_undo (stk_policy_get_history (f->policy)));
  g_assert_true (stk_history_undo (stk_policy_get_history (f->policy)));
  wait_for_js (f->web_view, BANNER_TITLE_JS, original);
}

/* The settings dialog stays open through edits that come faster than the page reloads: a check
 * made while the previous reload is on its way finds no dialog, and must not forget it. */
static void
test_settings_stay_open (Fixture       *f,
                         gconstpointer  data)
{
  StkText *title = stk_policy_get_text (f->policy, "settings_title");
  guint renders;

  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  g_free (eval_js (f->web_view, "document.querySelector ('samtykke-banner [data-stk=set]')"
                                ".click (); 'clicked'"));
  wait_for_js (f->web_view, "document.querySelector ('dialog[open] h2').textContent",
               stk_text_get (title, "da"));

  /* Spaced around the render delay, so that some renders come while a reload is on its way. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *text = g_strdup_printf ("Dine valg %u", i);

      stk_text_set (title, "da", text);
      stk_test_run_for (200 + 25 * i);
    }
  wait_for_js (f->web_view, "document.querySelector ('dialog[open] h2').textContent",
               "Dine valg 11");

  /* Closed, it stays closed: the page loaded again (the mark is gone) shows no dialog. */
  g_free (eval_js (f->web_view, "document.querySelector ('dialog[open]').close ();"
                                "window.stkMark = 'set'; 'closed'"));
  renders = stk_preview_page_get_n_renders (f->page);
  stk_text_set (title, "da", "Dine valg");
  STK_WAIT_UNTIL (stk_preview_page_get_n_renders (f->page) > renders);
  wait_for_js (f->web_view, "String (window.stkMark)", "undefined");
  STK_WAIT_UNTIL (!webkit_web_view_is_loading (f->web_view));
  stk_test_run_for (500);
  wait_for_js (f->web_view, "String (!!document.querySelector ('dialog[open]'))", "false");
}

/* The drop-down names the policy's languages as they change; when the language shown goes, the
 * preview shows the default one, from the new files. */
static void
test_languages_follow_policy (Fixture       *f,
                              gconstpointer  data)
{
  const char * const danish[] = { "da", NULL };
  GtkDropDown *dropdown = find_drop_down (GTK_WIDGET (f->page));
  GListModel *labels;
  guint renders;
  g_autofree char *status = NULL;

  g_assert_nonnull (dropdown);
  labels = gtk_drop_down_get_model (dropdown);
  stk_preview_page_set_language (f->page, "en");
  wait_for_js (f->web_view, "location.pathname", "/index.en.html");
  renders = stk_preview_page_get_n_renders (f->page);

  stk_policy_set_languages (f->policy, danish);
  g_assert_cmpstr (stk_preview_page_get_language (f->page), ==, "da");
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  STK_WAIT_UNTIL (stk_preview_page_get_n_renders (f->page) > renders);
  wait_for_js (f->web_view, "location.pathname", "/index.da.html");
  wait_for_js (f->web_view, "document.documentElement.lang", "da");
  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  status = call_async_js (f->web_view,
                          "return String ((await fetch ('/index.en.html')).status);");
  g_assert_cmpstr (status, ==, "404");

  /* Back again, the language shown stays. */
  g_assert_true (stk_history_undo (stk_policy_get_history (f->policy)));
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "English (en)");
  g_assert_cmpstr (stk_preview_page_get_language (f->page), ==, "da");
  STK_WAIT_UNTIL (!webkit_web_view_is_loading (f->web_view));
  wait_for_js (f->web_view, "location.pathname", "/index.da.html");
}

/* Reject all in the preview records the choice as on the site; Reset forgets it, and the
 * banner shows again as on a first visit. */
static void
test_reject_and_reset (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *cookie_check = g_strdup_printf ("String (document.cookie.includes ('%s='))",
                                                   stk_policy_get_cookie_name (f->policy));
  g_autofree char *choices = NULL;

  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  wait_for_js (f->web_view, "String (window.Samtykke.get ())", "null");
  wait_for_js (f->web_view, cookie_check, "false");

  g_free (eval_js (f->web_view, "document.querySelector ('samtykke-banner [data-stk=none]')"
                                ".click (); 'clicked'"));
  wait_for_js (f->web_view, BANNER_TITLE_JS, "hidden");
  wait_for_js (f->web_view, cookie_check, "true");
  choices = eval_js (f->web_view, "JSON.stringify (window.Samtykke.get ().choices)");
  g_assert_nonnull (strstr (choices, "\"necessary\":true"));
  g_assert_nonnull (strstr (choices, "\"statistical\":false"));
  g_assert_nonnull (strstr (choices, "\"functional\":false"));

  /* The choice lasts across a reload, as on the site. */
  webkit_web_view_reload (f->web_view);
  STK_WAIT_UNTIL (!webkit_web_view_is_loading (f->web_view));
  wait_for_js (f->web_view, cookie_check, "true");
  wait_for_js (f->web_view, BANNER_TITLE_JS, "hidden");

  stk_preview_page_reset (f->page);
  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  wait_for_js (f->web_view, cookie_check, "false");
  wait_for_js (f->web_view, "String (window.Samtykke.get ())", "null");
}

/* The second tab shows the declaration page in the chosen language. */
static void
test_declaration_page (Fixture       *f,
                       gconstpointer  data)
{
  stk_preview_page_set_language (f->page, "en");
  stk_preview_page_set_show_declaration (f->page, TRUE);
  wait_for_js (f->web_view, "location.pathname", "/cookie-policy.en.html");
  wait_for_js (f->web_view, "document.querySelector ('h1').textContent",
               text_in (f->policy, "page_title", "en"));

  /* Following the banner's link from the sample page selects the tab. */
  stk_preview_page_set_show_declaration (f->page, FALSE);
  wait_for_js (f->web_view, "location.pathname", "/index.en.html");
  g_free (eval_js (f->web_view, "document.querySelector ('#stk-d a').click (); 'clicked'"));
  STK_WAIT_UNTIL (stk_preview_page_get_show_declaration (f->page));
  wait_for_js (f->web_view, "location.pathname", "/cookie-policy.en.html");
}

/* Dark and light are as a visitor with that preference sees them, whatever the desktop's. */
static void
test_colour_scheme (Fixture       *f,
                    gconstpointer  data)
{
  const char *background = "getComputedStyle (document.querySelector ('samtykke-banner'))"
                           ".backgroundColor";

  wait_for_js (f->web_view, background, "rgb(255, 255, 255)");
  stk_preview_page_set_dark (f->page, TRUE);
  wait_for_js (f->web_view, background, "rgb(30, 30, 30)");
  wait_for_js (f->web_view, "getComputedStyle (document.body).backgroundColor",
               "rgb(18, 18, 18)");

  /* It lasts across a re-render. */
  stk_text_set (stk_policy_get_text (f->policy, "banner_title"), "da", "Mørke cookies");
  wait_for_js (f->web_view, BANNER_TITLE_JS, "Mørke cookies");
  wait_for_js (f->web_view, background, "rgb(30, 30, 30)");

  stk_preview_page_set_dark (f->page, FALSE);
  wait_for_js (f->web_view, background, "rgb(255, 255, 255)");
}

/* The toolbar's button with @icon_name or @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *icon_name,
             const char *label)
{
  if (GTK_IS_BUTTON (root)
      && ((icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)),
                                           icon_name) == 0)
          || (label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)),
                                          label) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon_name, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkInfoBar *
find_info_bar (GtkWidget *root)
{
  if (GTK_IS_INFO_BAR (root))
    return GTK_INFO_BAR (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkInfoBar *found = find_info_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A policy with errors cannot be exported, so the preview keeps showing the last version that
 * could, and says so; once the error is corrected it follows again. */
static void
test_errors_keep_last_good (Fixture       *f,
                            gconstpointer  data)
{
  GtkInfoBar *bar = find_info_bar (GTK_WIDGET (f->page));
  g_autofree char *cookie_name = g_strdup (stk_policy_get_cookie_name (f->policy));
  StkText *title = stk_policy_get_text (f->policy, "banner_title");
  g_autofree char *original = g_strdup (stk_text_get (title, "da"));
  guint renders = stk_preview_page_get_n_renders (f->page);

  g_assert_nonnull (bar);
  g_assert_false (gtk_info_bar_get_revealed (bar));
  wait_for_js (f->web_view, BANNER_TITLE_JS, original);

  stk_policy_set_cookie_name (f->policy, "");
  stk_text_set (title, "da", "Ikke vist");
  STK_WAIT_UNTIL (gtk_info_bar_get_revealed (bar));
  g_assert_cmpuint (stk_preview_page_get_n_renders (f->page), ==, renders);
  wait_for_js (f->web_view, BANNER_TITLE_JS, original);

  stk_policy_set_cookie_name (f->policy, cookie_name);
  wait_for_js (f->web_view, BANNER_TITLE_JS, "Ikke vist");
  g_assert_false (gtk_info_bar_get_revealed (bar));

  /* Another document with an error: the previous one's render does not stand in for it. */
  {
    g_autoptr(StkPolicy) other = stk_policy_new_from_example ();

    stk_policy_set_cookie_name (other, "");
    stk_preview_page_set_policy (f->page, other);
    STK_WAIT_UNTIL (gtk_info_bar_get_revealed (bar));
    STK_WAIT_UNTIL (g_strcmp0 (webkit_web_view_get_uri (f->web_view), "about:blank") == 0);

    stk_policy_set_cookie_name (other, "consent");
    wait_for_js (f->web_view, BANNER_TITLE_JS, stk_text_get (stk_policy_get_text (other,
                                                                                  "banner_title"),
                                                             "da"));
    g_assert_false (gtk_info_bar_get_revealed (bar));
    stk_preview_page_set_policy (f->page, f->policy);
  }
}

/* The phone width is a phone's; the buttons switch it, and the tabs. */
static void
test_phone_width (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *phone = find_button (GTK_WIDGET (f->page), "phone-symbolic", NULL);
  GtkWidget *desktop = find_button (GTK_WIDGET (f->page), "video-display-symbolic", NULL);
  GtkWidget *declaration = find_button (GTK_WIDGET (f->page), NULL, "_Declaration Page");
  GtkWidget *site = find_button (GTK_WIDGET (f->page), NULL, "_Website");

  g_assert_nonnull (phone);
  g_assert_nonnull (desktop);
  wait_for_js (f->web_view, "String (innerWidth > 600)", "true");
  gtk_widget_activate (phone);
  STK_WAIT_UNTIL (stk_preview_page_get_phone (f->page));
  wait_for_js (f->web_view, "String (innerWidth)", "390");

  /* Remembered for the next preview, as the dark scheme is. */
  stk_preview_page_set_dark (f->page, TRUE);
  {
    GtkWidget *next = g_object_ref_sink (stk_preview_page_new ());

    g_assert_true (stk_preview_page_get_phone (STK_PREVIEW_PAGE (next)));
    g_assert_true (stk_preview_page_get_dark (STK_PREVIEW_PAGE (next)));
    g_assert_finalize_object (next);
  }
  stk_preview_page_set_dark (f->page, FALSE);

  gtk_widget_activate (desktop);
  STK_WAIT_UNTIL (!stk_preview_page_get_phone (f->page));
  wait_for_js (f->web_view, "String (innerWidth > 600)", "true");

  g_assert_nonnull (declaration);
  g_assert_nonnull (site);
  gtk_widget_activate (declaration);
  STK_WAIT_UNTIL (stk_preview_page_get_show_declaration (f->page));
  wait_for_js (f->web_view, "location.pathname", "/cookie-policy.da.html");
  gtk_widget_activate (site);
  STK_WAIT_UNTIL (!stk_preview_page_get_show_declaration (f->page));
  wait_for_js (f->web_view, "location.pathname", "/index.da.html");
}

/* Nothing leaves the computer: a request for another host is blocked by the page's
 * Content-Security-Policy, a link to another website is not followed, and a page without that
 * policy still reaches only the preview's own server, which refuses to forward it. */
static void
test_no_network (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fetched = NULL;
  g_autofree char *own = NULL;
  g_autofree char *base = g_strdup (stk_preview_page_get_base_uri (f->page));
  g_autofree char *img_html = NULL;
  guint refused;

  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  fetched = call_async_js (f->web_view,
                           "try { await fetch ('https://www.youtube.com/'); return 'fetched'; }"
                           " catch (e) { return 'blocked'; }");
  g_assert_cmpstr (fetched, ==, "blocked");
  own = call_async_js (f->web_view, "return String ((await fetch ('/policy.json')).status);");
  g_assert_cmpstr (own, ==, "200");

  /* Accepting everything loads the consented embeds: only the local stand-in, nothing else. */
  g_free (eval_js (f->web_view, "document.querySelector ('samtykke-banner [data-stk=all]')"
                                ".click (); 'clicked'"));
  wait_for_js (f->web_view, "String (document.querySelectorAll ('iframe').length)", "0");

  /* A link to another website is not followed. */
  g_free (eval_js (f->web_view, "location.href = 'https://siteimprove.com/'; 'navigated'"));
  /* Nothing to wait for: the page must stay where it is. */
  stk_test_run_for (200);
  STK_WAIT_UNTIL (!webkit_web_view_is_loading (f->web_view));
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (f->web_view), base));

  /* Without the Content-Security-Policy the request reaches the preview's server as a proxy
   * request, and is refused there. */
  refused = stk_preview_page_get_n_refused (f->page);
  img_html = g_strdup ("<img src=\"http://www.siteimprove.com/pixel.gif\">");
  webkit_web_view_load_html (f->web_view, img_html, NULL);
  STK_WAIT_UNTIL (stk_preview_page_get_n_refused (f->page) > refused);
}

static char *
proc_field (int         pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = strlen (field);

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return NULL;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, len) == 0 && lines[i][len] == ':')
      return g_strstrip (g_strdup (lines[i] + len + 1));

  return NULL;
}

/* Whether @pid runs below this process, inside bubblewrap, with a seccomp filter. */
static gboolean
is_sandboxed_child (int pid)
{
  g_autofree char *seccomp = proc_field (pid, "Seccomp");
  gboolean in_bwrap = FALSE;
  int ancestor = pid;

  if (g_strcmp0 (seccomp, "2") != 0)
    return FALSE;
  for (guint depth = 0; depth < 8 && ancestor > 1; depth++)
    {
      g_autofree char *name = proc_field (ancestor, "Name");
      g_autofree char *ppid = proc_field (ancestor, "PPid");

      if (g_strcmp0 (name, "bwrap") == 0)
        in_bwrap = TRUE;
      if (ancestor == getpid ())
        return in_bwrap;
      ancestor = ppid != NULL ? atoi (ppid) : 0;
    }

  return FALSE;
}

/* The page runs in a web process that WebKit's sandbox confines. */
static void
test_sandboxed (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *entry;
  guint n_web = 0;
  guint n_sandboxed = 0;

  wait_for_js (f->web_view, BANNER_TITLE_JS, text_in (f->policy, "banner_title", "da"));
  g_assert_nonnull (proc);
  while ((entry = g_dir_read_name (proc)) != NULL)
    {
      int pid = atoi (entry);
      g_autofree char *name = NULL;

      if (pid <= 0)
        continue;
      name = proc_field (pid, "Name");
      if (name == NULL || !g_str_has_prefix (name, "WebKitWebProces"))
        continue;
      n_web++;
      if (is_sandboxed_child (pid))
        n_sandboxed++;
    }

  g_assert_cmpuint (n_web, >, 0);
  g_assert_cmpuint (n_sandboxed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname ("samtykke-test");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  stk_test_gui_init ();

  /* Under Xvfb without GL the web engine warns, once, that it draws without hardware
   * acceleration: expected here, so not fatal. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    GtkWidget *web_view = g_object_ref_sink (webkit_web_view_new ());

    g_object_unref (web_view);
    g_log_set_always_fatal (fatal);
  }

#define ADD(name, func) \
  g_test_add ("/preview/page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("banner-in-language", test_banner_in_language);
  ADD ("follows-edits", test_follows_edits);
  ADD ("settings-stay-open", test_settings_stay_open);
  ADD ("languages-follow-policy", test_languages_follow_policy);
  ADD ("reject-and-reset", test_reject_and_reset);
  ADD ("declaration-page", test_declaration_page);
  ADD ("colour-scheme", test_colour_scheme);
  ADD ("phone-width-and-tabs", test_phone_width);
  ADD ("errors-keep-last-good", test_errors_keep_last_good);
  ADD ("no-network", test_no_network);
  ADD ("sandboxed", test_sandboxed);
#undef ADD

  return g_test_run ();
}
