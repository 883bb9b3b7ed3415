/* stk-preview-view.c — the web view that shows an export of the policy, served on the loopback
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-preview-view-private.h"

/* The view shows what an export writes: every file comes from stk_export_render(), served from
 * memory by a server on the loopback address (StkPreviewServer), around the core's neutral
 * sample website that has the banner pasted in right after <body>, as a site template would.
 * It renders again shortly after each change of the policy. This file keeps its state: the
 * policy, which page in which language, the renders; stk-preview-view-web.c has the web engine.
 *
 * It has no template: its children are made when it is first shown, because the web view needs
 * its network session when it is made, and the web processes should start only then. */

/* After the last change; together with rendering, the preview follows an edit within about
 * 300 ms. */
#define RENDER_DELAY_MS 200

G_DEFINE_FINAL_TYPE (StkPreviewView, stk_preview_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_LANGUAGE,
  PROP_SHOW_DECLARATION,
  PROP_PHONE,
  PROP_DARK,
  PROP_ERROR_MESSAGE,
  PROP_WEB_VIEW,
  PROP_BASE_URI,
  PROP_N_REFUSED,
  PROP_N_RENDERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
sample_name (const char *lang)
{
  return g_strdup_printf ("index.%s.html", lang);
}

/* Which page ---------------------------------------------------------------------------------- */

char *
_stk_preview_view_dup_target_uri (StkPreviewView *self)
{
  g_autofree char *name = NULL;

  if (self->server == NULL || self->language == NULL)
    return NULL;

  name = self->show_declaration ? g_strdup_printf ("cookie-policy.%s.html", self->language)
                                : sample_name (self->language);

  return g_strconcat (stk_preview_server_get_base_uri (self->server), name, NULL);
}

static void
show_target (StkPreviewView *self)
{
  g_autofree char *uri = _stk_preview_view_dup_target_uri (self);
  const char *current;

  if (self->web_view == NULL || uri == NULL)
    return;

  current = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view));
  if (g_strcmp0 (current, uri) != 0)
    webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), uri);
}

/* Shows the chosen page now or, when a render is on its way, with the new files. */
static void
retarget (StkPreviewView *self)
{
  if (self->needs_render)
    self->retarget = TRUE;
  else
    show_target (self);
}

/* Follows navigation inside the preview (a link from the banner to the declaration page, say):
 * the language and the page shown become the ones it went to. */
void
_stk_preview_view_follow_uri (StkPreviewView *self,
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

  if (self->show_declaration != declaration)
    {
      self->show_declaration = declaration;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DECLARATION]);
    }
  if (g_strcmp0 (self->language, found) != 0 && self->policy != NULL
      && g_strv_contains (stk_policy_get_languages (self->policy), found))
    {
      g_free (self->language);
      self->language = g_steal_pointer (&found);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
}

/* Rendering ----------------------------------------------------------------------------------- */

static void
set_error_message (StkPreviewView *self,
                   const char     *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
show_render_error (StkPreviewView *self)
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
  set_error_message (self, text);

  /* Another document's render is no preview of this one. */
  if (!self->shows_policy && self->web_view != NULL
      && g_strcmp0 (webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view)), "about:blank") != 0)
    webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), "about:blank");
}

static void
render (StkPreviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  GBytes *banner;
  const char * const *languages;
  gboolean retargeted = self->retarget;
  const char *current;

  g_clear_handle_id (&self->render_id, g_source_remove);
  self->needs_render = FALSE;
  self->retarget = FALSE;

  if (self->policy == NULL || self->server == NULL)
    return;

  files = stk_export_render (self->policy, STK_EXPORT_ALL, &error);
  if (files == NULL)
    {
      g_debug ("Not previewed: %s", error->message);
      show_render_error (self);
      return;
    }
  set_error_message (self, NULL);

  banner = g_hash_table_lookup (files, "banner.html");
  languages = stk_policy_get_languages (self->policy);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    g_hash_table_insert (files, sample_name (languages[i]),
                         stk_export_sample_html (self->policy, languages[i], banner));
  stk_preview_server_set_files (self->server, files);
  self->n_renders++;
  self->shows_policy = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RENDERS]);

  /* Whatever page the preview shows (the visitor may have followed a link in it) is shown
   * again with the new files; a reload keeps its scroll position. */
  current = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self->web_view));
  if (!retargeted && current != NULL
      && stk_preview_server_owns_uri (self->server, current)
      && !g_str_equal (current, "about:blank"))
    _stk_preview_view_reload_keeping_state (self);
  else
    {
      g_autofree char *uri = _stk_preview_view_dup_target_uri (self);

      if (uri != NULL)
        webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self->web_view), uri);
    }
}

static gboolean
render_timeout_cb (gpointer user_data)
{
  StkPreviewView *self = user_data;

  self->render_id = 0;
  render (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_render (StkPreviewView *self,
                 guint           delay_ms)
{
  self->needs_render = TRUE;
  /* A hidden preview renders when it is shown again. */
  if (self->web_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->render_id, g_source_remove);
  self->render_id = g_timeout_add (delay_ms, render_timeout_cb, self);
}

static void
policy_changed_cb (StkPreviewView *self)
{
  schedule_render (self, RENDER_DELAY_MS);
}

/* Properties ---------------------------------------------------------------------------------- */

static void
set_policy (StkPreviewView *self,
            StkPolicy      *policy)
{
  if (self->policy == policy)
    return;

  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  g_set_object (&self->policy, policy);
  self->shows_policy = FALSE;
  if (policy != NULL)
    g_signal_connect_swapped (policy, "changed", G_CALLBACK (policy_changed_cb), self);

  /* A new document is shown at once, as on a first visit. */
  _stk_preview_view_clear_data (self);
  schedule_render (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

static void
set_language (StkPreviewView *self,
              const char     *lang)
{
  if (g_strcmp0 (self->language, lang) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (lang);
  retarget (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
set_show_declaration (StkPreviewView *self,
                      gboolean        show_declaration)
{
  show_declaration = !!show_declaration;
  if (self->show_declaration == show_declaration)
    return;

  self->show_declaration = show_declaration;
  retarget (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DECLARATION]);
}

static void
set_phone (StkPreviewView *self,
           gboolean        phone)
{
  phone = !!phone;
  if (self->phone == phone)
    return;

  self->phone = phone;
  _stk_preview_view_apply_width (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

static void
set_dark (StkPreviewView *self,
          gboolean        dark)
{
  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  _stk_preview_view_apply_scheme (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
stk_preview_view_map (GtkWidget *widget)
{
  StkPreviewView *self = STK_PREVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (stk_preview_view_parent_class)->map (widget);

  /* The web processes start only once the preview is first looked at. */
  if (_stk_preview_view_ensure_web_view (self))
    {
      gtk_widget_action_set_enabled (widget, "preview.reset", TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEB_VIEW]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URI]);
    }
  if (self->needs_render || self->n_renders == 0)
    render (self);
}

static void
stk_preview_view_dispose (GObject *object)
{
  StkPreviewView *self = STK_PREVIEW_VIEW (object);

  g_clear_handle_id (&self->render_id, g_source_remove);
  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->web_view = NULL;
  self->clamp = NULL;
  g_clear_object (&self->content_manager);
  g_clear_object (&self->session);
  g_clear_object (&self->server);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (stk_preview_view_parent_class)->dispose (object);
}

static void
stk_preview_view_finalize (GObject *object)
{
  StkPreviewView *self = STK_PREVIEW_VIEW (object);

  g_free (self->language);
  g_free (self->error_message);

  G_OBJECT_CLASS (stk_preview_view_parent_class)->finalize (object);
}

static void
stk_preview_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StkPreviewView *self = STK_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
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
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_WEB_VIEW:
      g_value_set_object (value, self->web_view);
      break;
    case PROP_BASE_URI:
      g_value_set_string (value, self->server != NULL
                                 ? stk_preview_server_get_base_uri (self->server) : NULL);
      break;
    case PROP_N_REFUSED:
      g_value_set_uint (value, self->server != NULL
                               ? stk_preview_server_get_n_refused (self->server) : 0);
      break;
    case PROP_N_RENDERS:
      g_value_set_uint (value, self->n_renders);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_preview_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StkPreviewView *self = STK_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      set_policy (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      set_language (self, g_value_get_string (value));
      break;
    case PROP_SHOW_DECLARATION:
      set_show_declaration (self, g_value_get_boolean (value));
      break;
    case PROP_PHONE:
      set_phone (self, g_value_get_boolean (value));
      break;
    case PROP_DARK:
      set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _stk_preview_view_clear_data (STK_PREVIEW_VIEW (widget));
}

static void
stk_preview_view_class_init (StkPreviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_preview_view_dispose;
  object_class->finalize = stk_preview_view_finalize;
  object_class->get_property = stk_preview_view_get_property;
  object_class->set_property = stk_preview_view_set_property;
  widget_class->map = stk_preview_view_map;

  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, STK_TYPE_POLICY,
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
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEB_VIEW] =
    g_param_spec_object ("web-view", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Counted by the server as requests arrive, and not notified. */
  properties[PROP_N_REFUSED] =
    g_param_spec_uint ("n-refused", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RENDERS] =
    g_param_spec_uint ("n-renders", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StkPreviewView|preview.reset:
   *
   * Forgets the choice made in the preview and loads the page again, as on a first visit.
   */
  gtk_widget_class_install_action (widget_class, "preview.reset", NULL, reset_action);
}

static void
stk_preview_view_init (StkPreviewView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.reset", FALSE);
}
