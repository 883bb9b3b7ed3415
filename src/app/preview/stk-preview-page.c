/* stk-preview-page.c — the live preview of the banner and the declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#if HAVE_PREVIEW
# include <webkit/webkit.h>
# include "stk-preview-server.h"
#endif

#include "stk-field.h"
#include "stk-preview-page.h"
#include "stk-window.h"

/* The preview shows what an export writes: every file comes from stk_export_render(), served
 * from memory by a server on the loopback address, around a neutral sample website that has the
 * banner pasted in right after <body>, as a site template would. Nothing is loaded from
 * anywhere else: the server sends a Content-Security-Policy that allows only itself, the web
 * view's network session uses the server as its proxy (which refuses every other host), and
 * navigation away from it is refused. The session is ephemeral, so a preview leaves nothing
 * on disk. */

#define RESOURCE_PREFIX "/io/github/samtykke/Samtykke/preview/"
#define PHONE_WIDTH 390
/* After the last change; together with rendering, the preview follows an edit within about
 * 300 ms. */
#define RENDER_DELAY_MS 200
/* The isolated script world of the preview's own scripts: the page's scripts cannot see them. */
#define SCRIPT_WORLD "samtykke-preview"

struct _StkPreviewPage
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkWidget            *toolbar;
  GtkToggleButton      *site_button;
  GtkToggleButton      *declaration_button;
  GtkDropDown          *language_dropdown;
  GtkToggleButton      *desktop_button;
  GtkToggleButton      *phone_button;
  GtkToggleButton      *dark_button;
  GtkWidget            *reset_button;
  GtkWidget            *copy_button;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_label;
  GtkBox               *view_box;

  /* owned */
  StkPolicy            *policy;
  GFile                *file;
  GSettings            *settings;
  GtkStringList        *languages;        /* codes */
  GtkStringList        *language_labels;  /* what the drop-down shows, in the same order */
  char                 *language;
  guint                 render_id;
#if HAVE_PREVIEW
  StkPreviewServer     *server;
  WebKitNetworkSession *session;
  WebKitUserContentManager *content_manager;
  GCancellable         *cancellable;
#endif

  /* borrowed: in view_box, the clamp holds the web view */
  AdwClamp             *clamp;
  GtkWidget            *web_view;

  guint                 n_renders;
  gint64                last_crash;
  guint                 reopen_settings : 1;
  guint                 shows_policy : 1;  /* the web view shows a render of this policy */
  guint                 show_declaration : 1;
  guint                 phone : 1;
  guint                 dark : 1;
  guint                 needs_render : 1;
  guint                 syncing : 1;
};

G_DEFINE_FINAL_TYPE (StkPreviewPage, stk_preview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_FILE,
  PROP_LANGUAGE,
  PROP_SHOW_DECLARATION,
  PROP_PHONE,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build folder without the schema, the preview remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "preview-width")
      || !g_settings_schema_has_key (schema, "preview-dark"))
    return NULL;

  return g_settings_new (APP_ID);
}

/* Languages ----------------------------------------------------------------------------------- */

static const char *
selected_language (StkPreviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->languages, selected);
}

static void
select_language (StkPreviewPage *self,
                 const char     *lang)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->languages));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->languages, i), lang) == 0)
      {
        gtk_drop_down_set_selected (self->language_dropdown, i);
        return;
      }
}

/* Follows the policy's languages; returns whether the shown language changed with them. */
static gboolean
update_languages (StkPreviewPage *self)
{
  const char * const *languages = NULL;
  const char *fallback = NULL;
  guint n;
  gboolean same = TRUE;
  g_autofree char *old_language = g_strdup (self->language);

  if (self->policy != NULL)
    {
      languages = stk_policy_get_languages (self->policy);
      fallback = stk_policy_get_default_language (self->policy);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->languages));
  if (languages == NULL || g_strv_length ((char **) languages) != n)
    same = FALSE;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->languages, i), languages[i]) == 0;

  self->syncing = TRUE;
  if (!same)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
        {
          const char *name = stk_language_name (languages[i]);

          if (g_strcmp0 (name, languages[i]) == 0)
            g_ptr_array_add (labels, g_strdup (name));
          else
            /* Translators: a language name, then its code: "Danish (da)" */
            g_ptr_array_add (labels, g_strdup_printf (_("%s (%s)"), name, languages[i]));
        }
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (self->language_labels, 0, n,
                              (const char * const *) labels->pdata);
      gtk_string_list_splice (self->languages, 0, n, languages);
    }

  if (languages == NULL || languages[0] == NULL)
    g_clear_pointer (&self->language, g_free);
  else if (self->language == NULL || !g_strv_contains (languages, self->language))
    {
      g_free (self->language);
      self->language = g_strdup (fallback != NULL && g_strv_contains (languages, fallback)
                                 ? fallback : languages[0]);
    }
  select_language (self, self->language);
  self->syncing = FALSE;

  if (g_strcmp0 (old_language, self->language) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
      return TRUE;
    }

  return FALSE;
}

#if HAVE_PREVIEW

/* Asynchronous calls ------------------------------------------------------------------------ */

/* The page as asynchronous calls see it: gone (NULL) once it was disposed. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);

  return ref;
}

static StkPreviewPage *
weak_ref_steal (GWeakRef *ref)
{
  StkPreviewPage *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);

  return self;
}

static char *
sample_name (const char *lang)
{
  return g_strdup_printf ("index.%s.html", lang);
}

/* The web view ------------------------------------------------------------------------------ */

/* Shows the page as to a visitor whose system prefers a dark (or a light) colour scheme: the
 * conditions of every prefers-color-scheme media rule are replaced by ones that always or never
 * hold, whatever the desktop itself prefers. The exported files stay as they are. */
static const char scheme_script[] =
  "function stkPreviewScheme (dark) {\n"
  "  if (!window.stkSchemeRules) {\n"
  "    window.stkSchemeRules = [];\n"
  "    const walk = (rules) => {\n"
  "      for (const rule of rules) {\n"
  "        if (rule.media && /prefers-color-scheme/.test (rule.media.mediaText))\n"
  "          window.stkSchemeRules.push ([rule, rule.media.mediaText]);\n"
  "        if (rule.cssRules)\n"
  "          walk (rule.cssRules);\n"
  "      }\n"
  "    };\n"
  "    for (const sheet of document.styleSheets) {\n"
  "      try { walk (sheet.cssRules); } catch (e) { }\n"
  "    }\n"
  "  }\n"
  "  for (const [rule, text] of window.stkSchemeRules)\n"
  "    rule.media.mediaText = text.replace (\n"
  "      /\\(\\s*prefers-color-scheme\\s*:\\s*(dark|light)\\s*\\)/g,\n"
  "      (m, value) => (value === 'dark') === dark ? '(min-width: 0px)' : '(max-width: -1px)');\n"
  "  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';\n"
  "}\n";

static void
install_scheme_script (StkPreviewPage *self)
{
  g_autofree char *source = NULL;
  WebKitUserScript *script;

  if (self->content_manager == NULL)
    return;

  source = g_strdup_printf ("%sstkPreviewScheme (%s);\n", scheme_script,
                            self->dark ? "true" : "false");
  script = webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_ALL_FRAMES,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                             SCRIPT_WORLD, NULL, NULL);
  webkit_user_content_manager_remove_all_scripts (self->content_manager);
  webkit_user_content_manager_add_script (self->content_manager, script);
  webkit_user_script_unref (script);
}

static void
update_background (StkPreviewPage *self)
{
  /* The sample page's own background, so that a reload shows no white flash in the dark. */
  GdkRGBA light = { 1.0, 1.0, 1.0, 1.0 };
  GdkRGBA dark = { 0x12 / 255.0, 0x12 / 255.0, 0x12 / 255.0, 1.0 };

  if (self->web_view != NULL)
    webkit_web_view_set_background_color (WEBKIT_WEB_VIEW (self->web_view),
                                          self->dark ? &dark : &light);
}

static void
apply_scheme (StkPreviewPage *self)
{
  g_autofree char *call = NULL;

  install_scheme_script (self);
  update_background (self);
  if (self->web_view == NULL)
    return;

  call = g_strdup_printf ("if (typeof stkPreviewScheme === 'function') "
                          "stkPreviewScheme (%s);", self->dark ? "true" : "false");
  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (self->web_view), call, -1, SCRIPT_WORLD,
                                       NULL, NULL, NULL, NULL);
}

static void
apply_width (StkPreviewPage *self)
{
  if (self->web_view == NULL)
    return;

  adw_clamp_set_maximum_size (self->clamp, self->phone ? PHONE_WIDTH : G_MAXINT / 2);
  adw_clamp_set_tightening_threshold (self->clamp, self->phone ? PHONE_WIDTH : G_MAXINT / 2);
  if (self->phone)
    gtk_widget_add_css_class (self->web_view, "stk-phone");
  else
    gtk_widget_remove_css_class (self->web_view, "stk-phone");
}

static char *
target_uri (StkPreviewPage *self)
{
  g_autofree char *name = NULL;

  if (self->server == NULL || self->language == NULL)
    return NULL;

  name = self->show_declaration ? g_strdup_printf ("cookie-policy.%s.html", self->language)
                                : sample_name (self->language);

  return g_strconcat (stk_preview_server_get_base_uri (self->server), name, NULL);
}

static void
show_target (StkPreviewPage *self)
{
  g_autofree char *uri = target_uri (self);
  const char *current;

  if (self->web_view == NULL || uri == NULL)
    return;

  current = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view));
  if (g_strcmp0 (current, uri) != 0)
    webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), uri);
}

static void
show_render_error (StkPreviewPage *self)
{
  g_autoptr(GListModel) findings = stk_policy_validate (self->policy);
  guint n_errors = stk_findings_count (findings, STK_SEVERITY_ERROR);
  g_autofree char *text = NULL;

  if (self->shows_policy)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The policy has %u error, so it cannot be exported. "
                                         "The preview shows it as it was before.",
                                         "The policy has %u errors, so it cannot be exported. "
                                         "The preview shows it as it was before.",
                                         n_errors), n_errors);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The policy has %u error, so it cannot be exported "
                                         "or previewed.",
                                         "The policy has %u errors, so it cannot be exported "
                                         "or previewed.",
                                         n_errors), n_errors);

  gtk_label_set_label (self->error_label, text);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);

  /* Another document's render is no preview of this one. */
  if (!self->shows_policy && self->web_view != NULL
      && g_strcmp0 (webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view)), "about:blank") != 0)
    webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), "about:blank");
}

static void
settings_state_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StkPreviewPage) self = weak_ref_steal (user_data);
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, NULL);
  if (self == NULL || self->web_view != GTK_WIDGET (object))
    return;

  self->reopen_settings = value != NULL && jsc_value_is_boolean (value)
                          && jsc_value_to_boolean (value);
  webkit_web_view_reload (WEBKIT_WEB_VIEW (object));
}

/* Loads the page again with the new files. Whoever edits the settings dialog's texts wants to
 * see the dialog: when it was open, it is opened again. */
static void
reload_keeping_state (StkPreviewPage *self)
{
  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (self->web_view),
                                       "!!document.querySelector ('dialog.stk-s[open]')", -1,
                                       NULL, NULL, self->cancellable, settings_state_cb,
                                       weak_ref_new (self));
}

static void
render (StkPreviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  const char * const *languages;
  gboolean language_changed;
  const char *current;

  g_clear_handle_id (&self->render_id, g_source_remove);
  self->needs_render = FALSE;

  language_changed = update_languages (self);
  if (self->policy == NULL || self->server == NULL)
    return;

  files = stk_export_render (self->policy, STK_EXPORT_ALL, &error);
  if (files == NULL)
    {
      g_debug ("Not previewed: %s", error->message);
      show_render_error (self);
      return;
    }
  gtk_info_bar_set_revealed (self->error_bar, FALSE);

  languages = stk_policy_get_languages (self->policy);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autoptr(GBytes) sample = stk_export_sample_html (self->policy, languages[i],
                                                         g_hash_table_lookup (files,
                                                                              "banner.html"));

      g_hash_table_insert (files, sample_name (languages[i]), g_steal_pointer (&sample));
    }
  stk_preview_server_set_files (self->server, files);
  self->n_renders++;
  self->shows_policy = TRUE;

  /* Whatever page the preview shows (the visitor may have followed a link in it) is shown
   * again with the new files; a reload keeps its scroll position. */
  current = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view));
  if (!language_changed && current != NULL
      && stk_preview_server_owns_uri (self->server, current)
      && !g_str_equal (current, "about:blank"))
    reload_keeping_state (self);
  else
    {
      g_autofree char *uri = target_uri (self);

      if (uri != NULL)
        webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), uri);
    }
}

static gboolean
render_timeout_cb (gpointer user_data)
{
  StkPreviewPage *self = user_data;

  self->render_id = 0;
  render (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_render (StkPreviewPage *self,
                 guint           delay_ms)
{
  self->needs_render = TRUE;
  /* A hidden preview renders when it is shown again. */
  if (self->web_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->render_id, g_source_remove);
  self->render_id = g_timeout_add (delay_ms, render_timeout_cb, self);
}

/* Follows navigation inside the preview (a link from the banner to the declaration page, say)
 * with the controls. */
static void
sync_controls_with_uri (StkPreviewPage *self,
                        const char     *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *path;
  const char *lang = NULL;
  gboolean declaration;
  g_autofree char *found = NULL;

  if (uri == NULL || !stk_preview_server_owns_uri (self->server, uri))
    return;
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  path = parsed != NULL ? g_uri_get_path (parsed) : NULL;
  if (path == NULL)
    return;

  if (g_str_has_prefix (path, "/cookie-policy."))
    {
      declaration = TRUE;
      lang = path + strlen ("/cookie-policy.");
    }
  else if (g_str_has_prefix (path, "/index."))
    {
      declaration = FALSE;
      lang = path + strlen ("/index.");
    }
  else
    return;
  if (!g_str_has_suffix (lang, ".html"))
    return;
  found = g_strndup (lang, strlen (lang) - strlen (".html"));

  self->syncing = TRUE;
  if (self->show_declaration != declaration)
    {
      self->show_declaration = declaration;
      gtk_toggle_button_set_active (declaration ? self->declaration_button : self->site_button,
                                    TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DECLARATION]);
    }
  if (g_strcmp0 (self->language, found) != 0 && self->policy != NULL
      && g_strv_contains (stk_policy_get_languages (self->policy), found))
    {
      g_free (self->language);
      self->language = g_steal_pointer (&found);
      select_language (self, self->language);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
  self->syncing = FALSE;
}

static void
load_changed_cb (StkPreviewPage  *self,
                 WebKitLoadEvent  event,
                 WebKitWebView   *web_view)
{
  g_debug ("Preview load event %d: %s", event, webkit_web_view_get_uri (web_view));
  if (event == WEBKIT_LOAD_COMMITTED)
    sync_controls_with_uri (self, webkit_web_view_get_uri (web_view));

  if (event == WEBKIT_LOAD_FINISHED && self->reopen_settings)
    {
      self->reopen_settings = FALSE;
      webkit_web_view_evaluate_javascript (web_view,
                                           "if (window.Samtykke) window.Samtykke.open ();", -1,
                                           NULL, NULL, NULL, NULL, NULL);
    }
}

static gboolean
load_failed_cb (StkPreviewPage  *self,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                WebKitWebView   *web_view)
{
  g_debug ("The preview did not load %s: %s", uri, error->message);

  return FALSE;
}

/* The engine's menu offers downloads and new windows: nothing a preview needs. */
static gboolean
context_menu_cb (StkPreviewPage    *self,
                 WebKitContextMenu *menu,
                 gpointer           hit_test_result,
                 WebKitWebView     *web_view)
{
  return TRUE;
}

static void
web_process_terminated_cb (StkPreviewPage                     *self,
                           WebKitWebProcessTerminationReason   reason,
                           WebKitWebView                      *web_view)
{
  gint64 now = g_get_monotonic_time ();

  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  /* Shown again once; a page that keeps failing is left alone until the next change. */
  g_debug ("The preview’s web process ended (%d)", reason);
  if (now - self->last_crash > 5 * G_USEC_PER_SEC)
    webkit_web_view_reload (web_view);
  self->last_crash = now;
}

static gboolean
decide_policy_cb (StkPreviewPage           *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *web_view)
{
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (
      WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      && stk_preview_server_owns_uri (self->server, uri))
    return FALSE;

  /* Links to other websites (a provider's privacy policy, say) and new windows stay closed:
   * the preview shows the exported files and nothing else. */
  webkit_policy_decision_ignore (decision);
  if (webkit_navigation_action_is_user_gesture (action))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), STK_TYPE_WINDOW);

      if (window != NULL)
        stk_window_add_toast (STK_WINDOW (window),
                              adw_toast_new (_("The preview does not open other websites")));
    }

  return TRUE;
}

static void
ensure_web_view (StkPreviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *proxy_uri = NULL;
  const char * const ignore_hosts[] = { "127.0.0.1", NULL };
  WebKitNetworkProxySettings *proxy;
  WebKitSettings *settings;

  if (self->web_view != NULL || self->server != NULL)
    return;

  self->server = stk_preview_server_new (&error);
  if (self->server == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Preview Could Not Start"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (self->view_box, status);
      return;
    }

  self->session = webkit_network_session_new_ephemeral ();
  /* Anything that would leave the loopback goes to the preview's own server, which refuses it:
   * a second wall behind the Content-Security-Policy. */
  proxy_uri = g_strdup_printf ("http://%s", stk_preview_server_get_host_port (self->server));
  proxy = webkit_network_proxy_settings_new (proxy_uri, ignore_hosts);
  webkit_network_session_set_proxy_settings (self->session, WEBKIT_NETWORK_PROXY_MODE_CUSTOM,
                                             proxy);
  webkit_network_proxy_settings_free (proxy);

  self->content_manager = webkit_user_content_manager_new ();
  install_scheme_script (self);

  settings = webkit_settings_new_with_settings ("enable-developer-extras", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-media-stream", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                NULL);
  /* Where the display has no OpenGL the engine draws without it from the start, rather than
   * finding out and complaining. */
  if (!gdk_display_prepare_gl (gtk_widget_get_display (GTK_WIDGET (self)), NULL))
    webkit_settings_set_hardware_acceleration_policy (settings,
                                                      WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", self->session,
                                 "user-content-manager", self->content_manager,
                                 "settings", settings,
                                 "vexpand", TRUE,
                                 "hexpand", TRUE,
                                 NULL);
  g_object_unref (settings);
  gtk_widget_set_overflow (self->web_view, GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-failed", G_CALLBACK (load_failed_cb), self,
                           G_CONNECT_SWAPPED);
  self->clamp = ADW_CLAMP (adw_clamp_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->clamp), TRUE);
  adw_clamp_set_child (self->clamp, self->web_view);
  gtk_box_append (self->view_box, GTK_WIDGET (self->clamp));

  update_background (self);
  apply_width (self);
}

static void
reset_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(StkPreviewPage) self = weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (!webkit_website_data_manager_clear_finish (WEBKIT_WEBSITE_DATA_MANAGER (object), result,
                                                 &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not clear the preview’s data: %s", error->message);
      return;
    }
  if (self == NULL)
    return;

  if (self->web_view != NULL)
    {
      g_autofree char *uri = target_uri (self);
      const char *current = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view));

      if (uri != NULL && g_strcmp0 (current, uri) != 0)
        webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), uri);
      else
        webkit_web_view_reload (WEBKIT_WEB_VIEW (self->web_view));
    }
}

#endif /* HAVE_PREVIEW */

/* Reacting ------------------------------------------------------------------------------------ */

static void
policy_changed_cb (StkPreviewPage *self)
{
#if HAVE_PREVIEW
  schedule_render (self, RENDER_DELAY_MS);
#endif
}

/* In a group, the button that goes off is told first, before the other one is on: only the
 * button that comes on says which is chosen. */
static void
view_toggled_cb (StkPreviewPage  *self,
                 GtkToggleButton *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  stk_preview_page_set_show_declaration (self, button == self->declaration_button);
}

static void
width_toggled_cb (StkPreviewPage  *self,
                  GtkToggleButton *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  stk_preview_page_set_phone (self, button == self->phone_button);
}

static void
dark_toggled_cb (StkPreviewPage *self)
{
  if (self->syncing)
    return;
  stk_preview_page_set_dark (self, gtk_toggle_button_get_active (self->dark_button));
}

static void
language_selected_cb (StkPreviewPage *self)
{
  const char *lang;

  if (self->syncing)
    return;
  lang = selected_language (self);
  if (lang != NULL)
    stk_preview_page_set_language (self, lang);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
stk_preview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stk_preview_page_parent_class)->map (widget);

#if HAVE_PREVIEW
  {
    StkPreviewPage *self = STK_PREVIEW_PAGE (widget);

    /* The web processes start only once the preview is first looked at. */
    ensure_web_view (self);
    if (self->needs_render || self->n_renders == 0)
      render (self);
  }
#endif
}

static void
stk_preview_page_dispose (GObject *object)
{
  StkPreviewPage *self = STK_PREVIEW_PAGE (object);

  g_clear_handle_id (&self->render_id, g_source_remove);
  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
#if HAVE_PREVIEW
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
#endif
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_PREVIEW_PAGE);
  self->web_view = NULL;
  self->clamp = NULL;
#if HAVE_PREVIEW
  g_clear_object (&self->content_manager);
  g_clear_object (&self->session);
  g_clear_object (&self->server);
#endif
  g_clear_object (&self->policy);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->languages);
  g_clear_object (&self->language_labels);

  G_OBJECT_CLASS (stk_preview_page_parent_class)->dispose (object);
}

static void
stk_preview_page_finalize (GObject *object)
{
  StkPreviewPage *self = STK_PREVIEW_PAGE (object);

  g_free (self->language);

  G_OBJECT_CLASS (stk_preview_page_parent_class)->finalize (object);
}

static void
stk_preview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StkPreviewPage *self = STK_PREVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_SHOW_DECLARATION:
      g_value_set_boolean (value, self->show_declaration);
      break;
    case PROP_PHONE:
      g_value_set_boolean (value, self->phone);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_preview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StkPreviewPage *self = STK_PREVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      stk_preview_page_set_policy (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      stk_preview_page_set_file (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      stk_preview_page_set_language (self, g_value_get_string (value));
      break;
    case PROP_SHOW_DECLARATION:
      stk_preview_page_set_show_declaration (self, g_value_get_boolean (value));
      break;
    case PROP_PHONE:
      stk_preview_page_set_phone (self, g_value_get_boolean (value));
      break;
    case PROP_DARK:
      stk_preview_page_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_preview_page_class_init (StkPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_preview_page_dispose;
  object_class->finalize = stk_preview_page_finalize;
  object_class->get_property = stk_preview_page_get_property;
  object_class->set_property = stk_preview_page_set_property;
  widget_class->map = stk_preview_page_map;

  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, STK_TYPE_POLICY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DECLARATION] =
    g_param_spec_boolean ("show-declaration", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_boolean ("phone", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "stk-preview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, site_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, declaration_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, desktop_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, phone_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, dark_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, error_bar);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StkPreviewPage, view_box);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, width_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, dark_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stk_preview_page_reset);
}

static void
load_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GdkDisplay *display = gdk_display_get_default ();

      if (display != NULL)
        {
          g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "stk-preview-page.css");
          gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
      g_once_init_leave (&loaded, 1);
    }
}

static void
stk_preview_page_init (StkPreviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_style ();

  self->languages = gtk_string_list_new (NULL);
  self->language_labels = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (self->language_labels));

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *width = g_settings_get_string (self->settings, "preview-width");

      self->phone = g_strcmp0 (width, "phone") == 0;
      self->dark = g_settings_get_boolean (self->settings, "preview-dark");
    }

  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->phone ? self->phone_button : self->desktop_button, TRUE);
  gtk_toggle_button_set_active (self->dark_button, self->dark);
  self->syncing = FALSE;

#if HAVE_PREVIEW
  self->cancellable = g_cancellable_new ();
#else
  {
    GtkWidget *status = adw_status_page_new ();

    adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "web-browser-symbolic");
    adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Preview Is Not Built In"));
    adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                     _("This build of Samtykke has no web engine to show the "
                                       "banner with. Export the policy and open the files in a "
                                       "web browser to see them."));
    gtk_widget_set_vexpand (status, TRUE);
    gtk_box_append (self->view_box, status);
    /* Copying the banner needs no web engine; the rest of the toolbar does. */
    for (GtkWidget *child = gtk_widget_get_first_child (self->toolbar); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      gtk_widget_set_visible (child, child == self->copy_button);
  }
#endif
}

/* Public -------------------------------------------------------------------------------------- */

GtkWidget *
stk_preview_page_new (void)
{
  return g_object_new (STK_TYPE_PREVIEW_PAGE, NULL);
}

StkPolicy *
stk_preview_page_get_policy (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

  return self->policy;
}

void
stk_preview_page_set_policy (StkPreviewPage *self,
                             StkPolicy      *policy)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (self->policy == policy)
    return;

  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  g_set_object (&self->policy, policy);
  self->shows_policy = FALSE;
  if (policy != NULL)
    g_signal_connect_swapped (policy, "changed", G_CALLBACK (policy_changed_cb), self);

  update_languages (self);
#if HAVE_PREVIEW
  /* A new document is shown at once, as on a first visit. */
  if (self->session != NULL)
    stk_preview_page_reset (self);
  schedule_render (self, 0);
#endif

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

GFile *
stk_preview_page_get_file (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

  return self->file;
}

void
stk_preview_page_set_file (StkPreviewPage *self,
                           GFile          *file)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
stk_preview_page_get_language (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

  return self->language;
}

void
stk_preview_page_set_language (StkPreviewPage *self,
                               const char     *lang)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));

  if (lang == NULL || g_strcmp0 (self->language, lang) == 0)
    return;
  if (self->policy == NULL || !g_strv_contains (stk_policy_get_languages (self->policy), lang))
    return;

  g_free (self->language);
  self->language = g_strdup (lang);
  self->syncing = TRUE;
  select_language (self, lang);
  self->syncing = FALSE;
#if HAVE_PREVIEW
  show_target (self);
#endif

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

gboolean
stk_preview_page_get_show_declaration (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), FALSE);

  return self->show_declaration;
}

void
stk_preview_page_set_show_declaration (StkPreviewPage *self,
                                       gboolean        show_declaration)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));

  show_declaration = !!show_declaration;
  if (self->show_declaration == show_declaration)
    return;

  self->show_declaration = show_declaration;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (show_declaration ? self->declaration_button : self->site_button,
                                TRUE);
  self->syncing = FALSE;
#if HAVE_PREVIEW
  show_target (self);
#endif

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DECLARATION]);
}

gboolean
stk_preview_page_get_phone (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), FALSE);

  return self->phone;
}

void
stk_preview_page_set_phone (StkPreviewPage *self,
                            gboolean        phone)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));

  phone = !!phone;
  if (self->phone == phone)
    return;

  self->phone = phone;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (phone ? self->phone_button : self->desktop_button, TRUE);
  self->syncing = FALSE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "preview-width", phone ? "phone" : "desktop");
#if HAVE_PREVIEW
  apply_width (self);
#endif

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

gboolean
stk_preview_page_get_dark (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), FALSE);

  return self->dark;
}

void
stk_preview_page_set_dark (StkPreviewPage *self,
                           gboolean        dark)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->dark_button, dark);
  self->syncing = FALSE;
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "preview-dark", dark);
#if HAVE_PREVIEW
  apply_scheme (self);
#endif

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

void
stk_preview_page_reset (StkPreviewPage *self)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));

#if HAVE_PREVIEW
  if (self->session == NULL)
    return;

  webkit_website_data_manager_clear (webkit_network_session_get_website_data_manager (
                                       self->session),
                                     WEBKIT_WEBSITE_DATA_ALL, 0, self->cancellable,
                                     reset_done_cb, weak_ref_new (self));
#endif
}

GtkWidget *
stk_preview_page_get_web_view (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

  return self->web_view;
}

const char *
stk_preview_page_get_base_uri (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

#if HAVE_PREVIEW
  if (self->server != NULL)
    return stk_preview_server_get_base_uri (self->server);
#endif

  return NULL;
}

guint
stk_preview_page_get_n_refused (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), 0);

#if HAVE_PREVIEW
  if (self->server != NULL)
    return stk_preview_server_get_n_refused (self->server);
#endif

  return 0;
}

guint
stk_preview_page_get_n_renders (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), 0);

  return self->n_renders;
}
