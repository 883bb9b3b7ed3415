/* stk-preview-page.c — the live preview of the banner and the declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-page.h"
#include "stk-preview-page.h"
#include "stk-preview-view.h"

/* The page holds the preview's controls and their state (the width and the colour scheme are
 * remembered); the view below them (StkPreviewView) shows the export and follows the state
 * through bindings, and tells which page a link inside it went to. A build without WebKitGTK
 * has no view: the page says so, and keeps only what needs no web engine. */

#define RESOURCE_PREFIX "/io/github/samtykke/Samtykke/preview/"

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
  char                 *base_uri;
  GBindingGroup        *view_bindings;

  /* borrowed: in view_box; NULL in a build without the preview */
  GtkWidget            *view;

  guint                 show_declaration : 1;
  guint                 phone : 1;
  guint                 dark : 1;
  guint                 syncing : 1;
};

static void stk_preview_page_page_init (StkPageInterface *iface);

/* A page of the window like the editor pages, though no finding's path leads here. */
G_DEFINE_FINAL_TYPE_WITH_CODE (StkPreviewPage, stk_preview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE, stk_preview_page_page_init))

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

/* Follows the policy's languages: the drop-down names them, and the language shown is one of
 * them. */
static void
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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* Reacting ------------------------------------------------------------------------------------ */

static void
policy_changed_cb (StkPreviewPage *self)
{
  update_languages (self);
}

static void
view_error_cb (StkPreviewPage *self)
{
  g_autofree char *message = NULL;

  g_object_get (self->view, "error-message", &message, NULL);
  /* Hidden, the bar keeps its text, so that it does not shrink as it goes. */
  if (message != NULL)
    gtk_label_set_label (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, message != NULL);
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
stk_preview_page_dispose (GObject *object)
{
  StkPreviewPage *self = STK_PREVIEW_PAGE (object);

  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  if (self->view_bindings != NULL)
    g_binding_group_set_source (self->view_bindings, NULL);
  g_clear_object (&self->view_bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_PREVIEW_PAGE);
  self->view = NULL;
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
  g_free (self->base_uri);

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
stk_preview_page_page_set_policy (StkPage   *page,
                                  StkPolicy *policy)
{
  stk_preview_page_set_policy (STK_PREVIEW_PAGE (page), policy);
}

static void
stk_preview_page_page_init (StkPageInterface *iface)
{
  iface->set_policy = stk_preview_page_page_set_policy;
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

/* The properties the page and the view share. */
static const char * const view_properties[] = {
  "policy", "language", "show-declaration", "phone", "dark",
};

/* Returns: (transfer none) (nullable): the view, in view_box; or, in a build without a web
 * engine, NULL, and the page says so instead. */
static GtkWidget *
create_view (StkPreviewPage *self)
{
#if HAVE_PREVIEW
  GtkWidget *view = g_object_new (STK_TYPE_PREVIEW_VIEW,
                                  "phone", self->phone,
                                  "dark", self->dark,
                                  NULL);

  gtk_box_append (self->view_box, view);

  return view;
#else
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

  return NULL;
#endif
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

  /* The view takes the page's state when it is made, and follows it from then on; it tells
   * the page which page and language a link inside it went to. */
  self->view_bindings = g_binding_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (view_properties); i++)
    g_binding_group_bind (self->view_bindings, view_properties[i], self, view_properties[i],
                          G_BINDING_BIDIRECTIONAL);
  self->view = create_view (self);
  if (self->view != NULL)
    {
      g_binding_group_set_source (self->view_bindings, self->view);
      g_signal_connect_object (self->view, "notify::error-message", G_CALLBACK (view_error_cb),
                               self, G_CONNECT_SWAPPED);
    }
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
  /* After the view's own handler, which schedules a render: a language that goes with a change
   * is then shown with the new files, not before them. */
  if (policy != NULL)
    g_signal_connect_data (policy, "changed", G_CALLBACK (policy_changed_cb), self, NULL,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* The view has the new policy before it is told the language shown in it. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
  update_languages (self);
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

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

void
stk_preview_page_reset (StkPreviewPage *self)
{
  g_return_if_fail (STK_IS_PREVIEW_PAGE (self));

  if (self->view != NULL)
    gtk_widget_activate_action (self->view, "preview.reset", NULL);
}

GtkWidget *
stk_preview_page_get_web_view (StkPreviewPage *self)
{
  GtkWidget *web_view = NULL;

  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

  if (self->view != NULL)
    {
      g_object_get (self->view, "web-view", &web_view, NULL);
      /* The view keeps it. */
      if (web_view != NULL)
        g_object_unref (web_view);
    }

  return web_view;
}

const char *
stk_preview_page_get_base_uri (StkPreviewPage *self)
{
  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), NULL);

  /* The server keeps its address as long as it runs: asked for once it is known. */
  if (self->base_uri == NULL && self->view != NULL)
    g_object_get (self->view, "base-uri", &self->base_uri, NULL);

  return self->base_uri;
}

guint
stk_preview_page_get_n_refused (StkPreviewPage *self)
{
  guint n_refused = 0;

  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), 0);

  if (self->view != NULL)
    g_object_get (self->view, "n-refused", &n_refused, NULL);

  return n_refused;
}

guint
stk_preview_page_get_n_renders (StkPreviewPage *self)
{
  guint n_renders = 0;

  g_return_val_if_fail (STK_IS_PREVIEW_PAGE (self), 0);

  if (self->view != NULL)
    g_object_get (self->view, "n-renders", &n_renders, NULL);

  return n_renders;
}
