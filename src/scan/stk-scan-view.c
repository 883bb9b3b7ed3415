/* stk-scan-view.c — a web view that loads pages like a visitor's browser and nothing more
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-scan-view.h"

#define VIEW_WIDTH  1280
#define VIEW_HEIGHT 800

/* Engine features that fetch or connect on their own, ahead of what the page loads, and the
 * timer throttling of pages that are not shown: the scanner's view is never shown, and its
 * page's timers should run as they run in a visitor's open tab. A feature this version of
 * WebKit does not have is left alone. */
static const struct
{
  const char *identifier;
  gboolean    enabled;
} features[] = {
  { "LinkPrefetch", FALSE },
  { "LinkPreconnect", FALSE },
  { "LinkDNSPrefetch", FALSE },
  { "LinkPreconnectEarlyHints", FALSE },
  { "HiddenPageDOMTimerThrottling", FALSE },
  { "HiddenPageDOMTimerThrottlingAutoIncreases", FALSE },
};

static void
download_started_cb (WebKitNetworkSession *session,
                     WebKitDownload       *download,
                     gpointer              user_data)
{
  g_debug ("Cancelled a download of %s",
           webkit_uri_request_get_uri (webkit_download_get_request (download)));
  webkit_download_cancel (download);
}

/**
 * stk_scan_session_new:
 *
 * The session of a scan: ephemeral (nothing is read from or written to disk, so every scan
 * starts as a first visit), third-party cookies accepted as a visitor's Chrome accepts them,
 * and no intelligent tracking prevention, which would hide them. WebKit's sandbox stays on.
 *
 * Returns: (transfer full): a new network session
 */
WebKitNetworkSession *
stk_scan_session_new (void)
{
  WebKitNetworkSession *session = webkit_network_session_new_ephemeral ();
  WebKitWebsiteDataManager *data_manager;

  data_manager = webkit_network_session_get_website_data_manager (session);
  webkit_network_session_set_itp_enabled (session, FALSE);
  webkit_cookie_manager_set_accept_policy (webkit_network_session_get_cookie_manager (session),
                                           WEBKIT_COOKIE_POLICY_ACCEPT_ALWAYS);
  webkit_website_data_manager_set_favicons_enabled (data_manager, FALSE);
  g_signal_connect (session, "download-started", G_CALLBACK (download_started_cb), NULL);

  return session;
}

static GtkWidget *
create_cb (WebKitWebView          *web_view,
           WebKitNavigationAction *action,
           gpointer                user_data)
{
  /* No popups and no new windows: the scan sees what the page itself loads. */
  return NULL;
}

static gboolean
permission_request_cb (WebKitWebView           *web_view,
                       WebKitPermissionRequest *request,
                       gpointer                 user_data)
{
  /* Notifications, location, camera, storage access...: a visitor who has not answered. */
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
query_permission_state_cb (WebKitWebView              *web_view,
                           WebKitPermissionStateQuery *query,
                           gpointer                    user_data)
{
  webkit_permission_state_query_finish (query, WEBKIT_PERMISSION_STATE_DENIED);
  return TRUE;
}

static gboolean
script_dialog_cb (WebKitWebView      *web_view,
                  WebKitScriptDialog *dialog,
                  gpointer            user_data)
{
  /* Dismissed as a visitor would close them; only leaving a page is always allowed. */
  switch (webkit_script_dialog_get_dialog_type (dialog))
    {
    case WEBKIT_SCRIPT_DIALOG_CONFIRM:
      webkit_script_dialog_confirm_set_confirmed (dialog, FALSE);
      break;
    case WEBKIT_SCRIPT_DIALOG_BEFORE_UNLOAD_CONFIRM:
      webkit_script_dialog_confirm_set_confirmed (dialog, TRUE);
      break;
    case WEBKIT_SCRIPT_DIALOG_ALERT:
    case WEBKIT_SCRIPT_DIALOG_PROMPT:
    default:
      break;
    }

  return TRUE;
}

static gboolean
file_chooser_cb (WebKitWebView            *web_view,
                 WebKitFileChooserRequest *request,
                 gpointer                  user_data)
{
  webkit_file_chooser_request_cancel (request);
  return TRUE;
}

static gboolean
color_chooser_cb (WebKitWebView             *web_view,
                  WebKitColorChooserRequest *request,
                  gpointer                   user_data)
{
  webkit_color_chooser_request_cancel (request);
  return TRUE;
}

static gboolean
authenticate_cb (WebKitWebView               *web_view,
                 WebKitAuthenticationRequest *request,
                 gpointer                     user_data)
{
  webkit_authentication_request_cancel (request);
  return TRUE;
}

/* Handled, so that nothing is shown: notifications, fullscreen, printing, menus. */
static gboolean
refuse_cb (void)
{
  return TRUE;
}

static void
set_features (WebKitSettings *settings)
{
  g_autoptr(WebKitFeatureList) all = webkit_settings_get_all_features ();
  gsize length = webkit_feature_list_get_length (all);

  for (gsize i = 0; i < length; i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (all, i);
      const char *identifier = webkit_feature_get_identifier (feature);

      for (gsize j = 0; j < G_N_ELEMENTS (features); j++)
        if (g_str_equal (identifier, features[j].identifier))
          webkit_settings_set_feature_enabled (settings, feature, features[j].enabled);
    }
}

/* The view is never in a window, so nothing would give it a size: the page would be laid out
 * in a viewport of 0 × 0 pixels, where media queries, lazy images and frames see no screen.
 * It gets the size of a common desktop browser window instead. (It still counts as hidden:
 * document.visibilityState is "hidden", and animation frames do not run.) */
static void
give_size (GtkWidget *widget)
{
  const GtkAllocation allocation = { 0, 0, VIEW_WIDTH, VIEW_HEIGHT };
  int minimum, natural;

  /* GTK wants a widget measured before it is allocated. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, VIEW_WIDTH, &minimum, &natural, NULL,
                      NULL);
  gtk_widget_size_allocate (widget, &allocation, -1);
}

/**
 * stk_scan_view_new:
 * @session: the scan's network session
 *
 * A web view for scanning: it is never shown; it plays no media by itself and no sound,
 * opens no window, downloads nothing, shows no dialog and grants no permission. The caller
 * decides which navigations happen (#WebKitWebView::decide-policy).
 *
 * Returns: (transfer full): a new web view, owned by the caller (not floating)
 */
WebKitWebView *
stk_scan_view_new (WebKitNetworkSession *session)
{
  g_autoptr(WebKitSettings) settings = NULL;
  g_autoptr(WebKitWebsitePolicies) policies = NULL;
  GLogLevelFlags fatal;
  WebKitWebView *web_view;

  /* Where the display has no OpenGL (Xvfb), the engine warns once, on its first settings,
   * that it draws without hardware acceleration: expected for a view that is never drawn, and
   * not fatal even when warnings are (G_DEBUG=fatal-warnings). */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  settings = webkit_settings_new_with_settings ("enable-developer-extras", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-media-stream", FALSE,
                                                "enable-webrtc", FALSE,
                                                "enable-encrypted-media", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "media-playback-requires-user-gesture", TRUE,
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                NULL);
  g_log_set_always_fatal (fatal);
  /* Off by default, and deprecated because current WebKit no longer resolves the hosts of a
   * page's links ahead; said here so that an older engine does not either. (Hyperlink
   * auditing, the other deprecated one, pings only when a link is clicked.) */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  webkit_settings_set_enable_dns_prefetching (settings, FALSE);
  G_GNUC_END_IGNORE_DEPRECATIONS
  set_features (settings);

  policies = webkit_website_policies_new_with_policies ("autoplay", WEBKIT_AUTOPLAY_DENY, NULL);

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "network-session", session,
                           "settings", settings,
                           "website-policies", policies,
                           "is-muted", TRUE,
                           NULL);
  g_object_ref_sink (web_view);
  give_size (GTK_WIDGET (web_view));

  g_signal_connect (web_view, "create", G_CALLBACK (create_cb), NULL);
  g_signal_connect (web_view, "permission-request", G_CALLBACK (permission_request_cb), NULL);
  g_signal_connect (web_view, "query-permission-state",
                    G_CALLBACK (query_permission_state_cb), NULL);
  g_signal_connect (web_view, "script-dialog", G_CALLBACK (script_dialog_cb), NULL);
  g_signal_connect (web_view, "run-file-chooser", G_CALLBACK (file_chooser_cb), NULL);
  g_signal_connect (web_view, "run-color-chooser", G_CALLBACK (color_chooser_cb), NULL);
  g_signal_connect (web_view, "authenticate", G_CALLBACK (authenticate_cb), NULL);
  g_signal_connect (web_view, "show-notification", G_CALLBACK (refuse_cb), NULL);
  g_signal_connect (web_view, "enter-fullscreen", G_CALLBACK (refuse_cb), NULL);
  g_signal_connect (web_view, "print", G_CALLBACK (refuse_cb), NULL);
  g_signal_connect (web_view, "context-menu", G_CALLBACK (refuse_cb), NULL);

  return web_view;
}
