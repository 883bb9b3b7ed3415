/* stk-preview-view-web.c — the preview view's web engine: session, web view, what it reports
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-preview-view-private.h"

/* Nothing is loaded from anywhere but the preview's own server: the server sends a
 * Content-Security-Policy that allows only itself, the web view's network session uses the
 * server as its proxy (which refuses every other host), and navigation away from it is
 * refused. The session is ephemeral, so a preview leaves nothing on disk. */

#define PHONE_WIDTH 390
/* The isolated script world of the preview's own scripts: the page's scripts cannot see them. */
#define SCRIPT_WORLD "samtykke-preview"

/* The view as asynchronous calls see it: gone (NULL) once it was disposed. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);

  return ref;
}

static StkPreviewView *
weak_ref_steal (GWeakRef *ref)
{
  StkPreviewView *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);

  return self;
}

/* Colour scheme and width --------------------------------------------------------------------- */

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
install_scheme_script (StkPreviewView *self)
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
update_background (StkPreviewView *self)
{
  /* The sample page's own background, so that a reload shows no white flash in the dark. */
  GdkRGBA light = { 1.0, 1.0, 1.0, 1.0 };
  GdkRGBA dark = { 0x12 / 255.0, 0x12 / 255.0, 0x12 / 255.0, 1.0 };

  if (self->web_view != NULL)
    webkit_web_view_set_background_color (WEBKIT_WEB_VIEW (self->web_view),
                                          self->dark ? &dark : &light);
}

void
_stk_preview_view_apply_scheme (StkPreviewView *self)
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

void
_stk_preview_view_apply_width (StkPreviewView *self)
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

/* Reloading ----------------------------------------------------------------------------------- */

static void
settings_state_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StkPreviewView) self = weak_ref_steal (user_data);
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, NULL);
  if (self == NULL || self->web_view != GTK_WIDGET (object))
    return;

  self->n_checks--;
  /* While an earlier reload is on its way, the page has no dialog open yet; that is no sign
   * that it was closed, so a reopening still to be done stays to be done. */
  if (value != NULL && jsc_value_is_boolean (value) && jsc_value_to_boolean (value))
    self->reopen_settings = TRUE;
  self->reload_asked = TRUE;
  webkit_web_view_reload (WEBKIT_WEB_VIEW (object));
}

/* Loads the page again with the new files. Whoever edits the settings dialog's texts wants to
 * see the dialog: when it was open, it is opened again. */
void
_stk_preview_view_reload_keeping_state (StkPreviewView *self)
{
  self->n_checks++;
  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (self->web_view),
                                       "!!document.querySelector ('dialog.stk-s[open]')", -1,
                                       NULL, NULL, self->cancellable, settings_state_cb,
                                       weak_ref_new (self));
}

/* The web view -------------------------------------------------------------------------------- */

static void
load_changed_cb (StkPreviewView  *self,
                 WebKitLoadEvent  event,
                 WebKitWebView   *web_view)
{
  g_debug ("Preview load event %d: %s", event, webkit_web_view_get_uri (web_view));
  if (event == WEBKIT_LOAD_STARTED)
    {
      self->load_failed = FALSE;
      self->reload_asked = FALSE;
    }
  if (event == WEBKIT_LOAD_COMMITTED)
    _stk_preview_view_follow_uri (self, webkit_web_view_get_uri (web_view));

  /* A load that the next reload cut short finishes too: the dialog is opened in the page that
   * stays. A reload already asked for, or a check that may have looked before the dialog was
   * open (and will ask for one), is to open it again. */
  if (event == WEBKIT_LOAD_FINISHED && self->reopen_settings && !self->load_failed)
    {
      self->reopen_settings = self->n_checks > 0 || self->reload_asked;
      webkit_web_view_evaluate_javascript (web_view,
                                           "if (window.Samtykke) window.Samtykke.open ();", -1,
                                           NULL, NULL, NULL, NULL, NULL);
    }
}

static gboolean
load_failed_cb (StkPreviewView  *self,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                WebKitWebView   *web_view)
{
  g_debug ("The preview did not load %s: %s", uri, error->message);
  self->load_failed = TRUE;

  return FALSE;
}

/* The engine's menu offers downloads and new windows: nothing a preview needs. */
static gboolean
context_menu_cb (StkPreviewView    *self,
                 WebKitContextMenu *menu,
                 gpointer           hit_test_result,
                 WebKitWebView     *web_view)
{
  return TRUE;
}

static void
web_process_terminated_cb (StkPreviewView                     *self,
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
decide_policy_cb (StkPreviewView           *self,
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
  /* The window's toast action, when the preview is in a window that has it. */
  if (webkit_navigation_action_is_user_gesture (action))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "(sss)",
                                _("The preview does not open other websites"), "", "");

  return TRUE;
}

static void
show_start_error (StkPreviewView *self,
                  const GError   *error)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Preview Could Not Start"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_widget_set_vexpand (status, TRUE);
  adw_bin_set_child (ADW_BIN (self), status);
}

/* Starts the server and makes the web view, once; FALSE when there was nothing to make. */
gboolean
_stk_preview_view_ensure_web_view (StkPreviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *proxy_uri = NULL;
  const char * const ignore_hosts[] = { "127.0.0.1", NULL };
  WebKitNetworkProxySettings *proxy;
  WebKitSettings *settings;

  if (self->web_view != NULL || self->server != NULL)
    return FALSE;

  self->server = stk_preview_server_new (&error);
  if (self->server == NULL)
    {
      show_start_error (self, error);
      return FALSE;
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
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->clamp));

  update_background (self);
  _stk_preview_view_apply_width (self);

  return TRUE;
}

static void
reset_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(StkPreviewView) self = weak_ref_steal (user_data);
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
      g_autofree char *uri = _stk_preview_view_dup_target_uri (self);
      const char *current = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view));

      if (uri != NULL && g_strcmp0 (current, uri) != 0)
        webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), uri);
      else
        webkit_web_view_reload (WEBKIT_WEB_VIEW (self->web_view));
    }
}

/* Forgets the choice made in the preview (its cookies and storage), then loads the page
 * again. */
void
_stk_preview_view_clear_data (StkPreviewView *self)
{
  if (self->session == NULL)
    return;

  webkit_website_data_manager_clear (webkit_network_session_get_website_data_manager (
                                       self->session),
                                     WEBKIT_WEBSITE_DATA_ALL, 0, self->cancellable,
                                     reset_done_cb, weak_ref_new (self));
}
