/* stk-window.c — a document window: the pages of one policy, its sidebar, title and badges
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window shows one StkDocument and binds to it; what the user asks of it (open, save,
 * undo, export, ...) is in stk-window-actions.c, dropping a file on it in stk-window-dnd.c.
 *
 * While the document is busy (a worker reads its policy: checking it after it was opened, or
 * saving it), nothing may change the policy. The window then holds off the input that could:
 * a controller at the top of the window, in the capture phase, swallows key presses, clicks,
 * scrolling and touches before any page sees them, and every action that edits or replaces
 * the document is disabled. Pointer motion still passes, so the window does not look frozen;
 * a progress bar (or a spinner) and the busy cursor say why clicks do nothing. Making the
 * pages insensitive instead would take the keyboard focus away from the field being typed
 * in. Those, and the frames that hold the document's workers, are in stk-window-busy.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-recovery.h"
#include "stk-settings.h"
#include "stk-window-private.h"


G_DEFINE_FINAL_TYPE (StkWindow, stk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings --------------------------------------------------------------------------------- */

static void
restore_window_state (StkWindow *self)
{
  GSettings *settings = self->settings;

  if (stk_settings_has (settings, "window-width") && stk_settings_has (settings, "window-height"))
    {
      int width = g_settings_get_int (settings, "window-width");
      int height = g_settings_get_int (settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }
  if (stk_settings_has (settings, "window-maximized")
      && g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (StkWindow *self)
{
  GSettings *settings = self->settings;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  if (stk_settings_has (settings, "window-maximized"))
    g_settings_set_boolean (settings, "window-maximized", maximized);

  /* A maximized window keeps the size it will return to. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (stk_settings_has (settings, "window-width") && width > 0)
    g_settings_set_int (settings, "window-width", width);
  if (stk_settings_has (settings, "window-height") && height > 0)
    g_settings_set_int (settings, "window-height", height);
}

/* Returns: (transfer full) (nullable): where a file chooser starts */
GFile *
_stk_window_dup_last_folder (StkWindow *self)
{
  GFile *file = stk_document_get_file (self->document);
  g_autofree char *folder = NULL;

  if (file != NULL)
    return g_file_get_parent (file);

  if (!stk_settings_has (self->settings, "last-folder"))
    return NULL;

  folder = g_settings_get_string (self->settings, "last-folder");
  if (folder == NULL || *folder == '\0')
    return NULL;

  return g_file_new_for_commandline_arg (folder);
}

/* Notes @file (opened or saved) among the recent files and its folder as the last one. */
void
_stk_window_remember_file (StkWindow *self,
                           GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (file);

  if (parent != NULL && stk_settings_has (self->settings, "last-folder"))
    {
      g_autofree char *parent_uri = g_file_get_uri (parent);

      g_settings_set_string (self->settings, "last-folder", parent_uri);
    }

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* State shown in the window ---------------------------------------------------------------- */

gboolean
_stk_window_is_opening (StkWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), OPENING_PAGE) == 0;
}

char *
_stk_window_dup_document_name (StkWindow *self)
{
  return stk_document_dup_title (self->document);
}

void
_stk_window_update_title (StkWindow *self)
{
  GFile *file = stk_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (_stk_window_is_opening (self) && stk_document_get_load_file (self->document) != NULL)
    {
      /* The policy's name is not known before it is read. */
      name = g_file_get_basename (stk_document_get_load_file (self->document));
      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), name);
      return;
    }

  name = stk_document_dup_title (self->document);
  if (file != NULL)
    basename = g_file_get_basename (file);
  else
    basename = g_strdup (_("Not Saved"));

  /* Translators: the window subtitle of a policy with unsaved changes; %s is its file name. */
  subtitle = stk_document_get_modified (self->document) ? g_strdup_printf (_("• %s"), basename)
                                                        : g_strdup (basename);
  /* Translators: the window title: policy name — file name. */
  title = g_strdup_printf (_("%s — %s"), name, subtitle);

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_count (GtkLabel *label,
           StkList  *list)
{
  g_autofree char *text = g_strdup_printf ("%u", list ? stk_list_get_n (list) : 0);

  gtk_label_set_label (label, text);
}

static void
update_counts (StkWindow *self)
{
  StkPolicy *policy = stk_document_get_policy (self->document);

  set_count (self->categories_count, policy ? stk_policy_get_categories (policy) : NULL);
  set_count (self->providers_count, policy ? stk_policy_get_providers (policy) : NULL);
  set_count (self->sections_count, policy ? stk_policy_get_sections (policy) : NULL);
}

static gboolean
is_missing_translation (StkFinding *finding)
{
  return g_strcmp0 (stk_finding_get_rule (finding), "missing-translation") == 0;
}

static void
update_badges (StkWindow *self)
{
  GListModel *model = stk_document_get_findings (self->document);
  guint n_errors = stk_findings_count (model, STK_SEVERITY_ERROR);
  guint n_warnings = stk_findings_count (model, STK_SEVERITY_WARNING);
  guint n_items = g_list_model_get_n_items (model);
  guint n_missing_texts = 0;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (model, i);

      if (is_missing_translation (finding)
          && g_str_has_prefix (stk_finding_get_path (finding), "texts."))
        n_missing_texts++;
    }

  count = g_strdup_printf ("%u", n_errors + n_warnings);
  gtk_label_set_label (self->problems_badge, count);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_badge), n_errors + n_warnings > 0);
  if (n_errors > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_badge), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_badge), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_badge), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_badge), "error");
    }
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems",
                                              n_errors + n_warnings),
                                 n_errors + n_warnings);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  g_clear_pointer (&count, g_free);
  count = g_strdup_printf ("%u", n_missing_texts);
  gtk_label_set_label (self->missing_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), n_missing_texts > 0);
  g_clear_pointer (&description, g_free);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missing translation",
                                              "%u missing translations", n_missing_texts),
                                 n_missing_texts);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->missing_label), description);
}

void
_stk_window_show_error (StkWindow  *self,
                        const char *title,
                        const char *message)
{
  gtk_label_set_label (self->error_title, title);
  gtk_label_set_label (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

static void
hide_error (StkWindow *self)
{
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

/* Template callbacks ----------------------------------------------------------------------- */

static void
sidebar_row_activated_cb (StkWindow     *self,
                          GtkListBoxRow *row)
{
  stk_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
back_clicked_cb (StkWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
error_bar_response_cb (StkWindow *self,
                       int        response)
{
  hide_error (self);
}

/* Following the document ------------------------------------------------------------------- */

static void
policy_changed_cb (StkWindow *self)
{
  StkPolicy *policy = stk_document_get_policy (self->document);

  g_signal_group_set_target (self->policy_signals, policy);
  g_signal_group_set_target (self->history_signals,
                             policy != NULL ? stk_policy_get_history (policy) : NULL);
  self->missing_cursor = 0;

  _stk_window_pages_follow_policy (self);

  update_counts (self);
  _stk_window_update_title (self);
  _stk_window_update_actions (self);
}

static void
file_changed_cb (StkWindow *self)
{
  _stk_window_pages_follow_file (self);
  _stk_window_update_title (self);
}

static void
title_changed_cb (StkWindow *self)
{
  _stk_window_update_title (self);
  _stk_window_update_actions (self);
}

static void
busy_changed_cb (StkWindow *self)
{
  _stk_window_update_busy (self);
  _stk_window_update_actions (self);
  _stk_window_busy_changed (self);

  if (self->close_when_idle && !stk_document_get_busy (self->document))
    {
      self->close_when_idle = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
load_error_changed_cb (StkWindow *self)
{
  if (stk_document_get_load_error (self->document) == NULL)
    hide_error (self);
}

/* A load has ended: show why it failed, or note the file among the recent ones. */
static void
loading_changed_cb (StkWindow *self)
{
  StkDocument *document = self->document;
  GFile *load_file = stk_document_get_load_file (document);
  const char *load_error = stk_document_get_load_error (document);

  _stk_window_update_busy (self);
  if (stk_document_get_loading (document) || load_file == NULL)
    return;

  if (load_error != NULL)
    {
      g_autofree char *name = g_file_get_basename (load_file);
      /* Translators: %s is a file name. */
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

      _stk_window_show_error (self, title, load_error);
    }
  else if (stk_document_get_file (document) != NULL
           && g_file_equal (stk_document_get_file (document), load_file))
    {
      _stk_window_remember_file (self, load_file);
    }

  /* The window's first document did not load: the bundled example instead. */
  if (stk_document_get_policy (document) == NULL)
    {
      g_autoptr(StkPolicy) example = stk_policy_new_from_example ();

      stk_document_set_policy (document, example, NULL);
    }

  if (_stk_window_is_opening (self))
    {
      g_autofree char *page = g_steal_pointer (&self->wanted_page);

      gtk_stack_set_visible_child_name (self->stack, page != NULL ? page : "policy");
    }
}

static void
policy_content_changed_cb (StkWindow *self)
{
  update_counts (self);
}

static void
history_changed_cb (StkWindow *self)
{
  _stk_window_update_actions (self);
}

/* Used by bench/editor ---------------------------------------------------------------------- */

static void
first_paint_cb (GdkFrameClock *clock,
                StkWindow     *self)
{
  /* The time from start to the first painted frame that shows the document. */
  if (stk_document_get_policy (self->document) == NULL || _stk_window_is_opening (self))
    return;

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_print ("samtykke: first frame painted\n");
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static void
stk_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stk_window_parent_class)->realize (widget);
  _stk_window_busy_realize (STK_WINDOW (widget));
}

static void
stk_window_unrealize (GtkWidget *widget)
{
  _stk_window_busy_unrealize (STK_WINDOW (widget));
  GTK_WIDGET_CLASS (stk_window_parent_class)->unrealize (widget);
}

static void
stk_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stk_window_parent_class)->map (widget);

  if (g_getenv ("SAMTYKKE_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_paint_cb), widget, 0);
}

/* Object ----------------------------------------------------------------------------------- */

void
_stk_window_close_when_idle (StkWindow *self)
{
  self->close_when_idle = TRUE;
}

static gboolean
stk_window_close_request (GtkWindow *window)
{
  StkWindow *self = STK_WINDOW (window);

  /* A save under way finishes first; the window closes after it. */
  if (stk_document_get_busy (self->document))
    {
      _stk_window_close_when_idle (self);
      return TRUE;
    }

  if (!self->close_confirmed && stk_document_get_modified (self->document))
    {
      _stk_window_ask_then (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (stk_window_parent_class)->close_request (window);
}

static void
stk_window_constructed (GObject *object)
{
  StkWindow *self = STK_WINDOW (object);
  StkDocument *document;

  G_OBJECT_CLASS (stk_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = stk_document_new ();
  document = self->document;

  _stk_window_pages_init (self);
  _stk_window_disk_init (self);
  stk_recovery_attach (document);

  g_signal_connect_object (document, "notify::policy",
                           G_CALLBACK (policy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file",
                           G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified",
                           G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy",
                           G_CALLBACK (busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::loading",
                           G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::saving",
                           G_CALLBACK (_stk_window_update_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::progress",
                           G_CALLBACK (_stk_window_update_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::load-error",
                           G_CALLBACK (load_error_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stk_document_get_findings (document), "items-changed",
                           G_CALLBACK (update_badges), self, G_CONNECT_SWAPPED);

  /* A window made for a document that is still being read shows that until it is there. */
  if (stk_document_get_loading (document) && stk_document_get_policy (document) == NULL)
    {
      g_autofree char *name = g_file_get_basename (stk_document_get_load_file (document));
      /* Translators: shown while a policy file is read; %s is its file name. */
      g_autofree char *title = g_strdup_printf (_("Opening “%s”"), name);

      adw_status_page_set_title (self->opening_page, title);
      gtk_stack_set_visible_child_name (self->stack, OPENING_PAGE);
      _stk_window_select_sidebar_row (self, "policy");
    }
  else
    {
      if (stk_document_get_policy (document) == NULL)
        {
          g_autoptr(StkPolicy) example = stk_policy_new_from_example ();

          stk_document_set_policy (document, example, NULL);
        }
      stk_window_show_page (self, "policy");
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");

  policy_changed_cb (self);
  _stk_window_update_busy (self);
  update_badges (self);
  restore_window_state (self);
}

static void
stk_window_dispose (GObject *object)
{
  StkWindow *self = STK_WINDOW (object);

  _stk_window_actions_dispose (self);
  _stk_window_disk_dispose (self);
  g_clear_handle_id (&self->busy_source, g_source_remove);
  g_signal_group_set_target (self->policy_signals, NULL);
  g_signal_group_set_target (self->history_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_WINDOW);
  _stk_window_pages_dispose (self);
  self->opening_page = NULL;
  self->opening_progress = NULL;

  /* The window is closing: whatever was not saved was given up. */
  if (self->document != NULL)
    stk_recovery_detach (self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stk_window_parent_class)->dispose (object);
}

static void
stk_window_finalize (GObject *object)
{
  StkWindow *self = STK_WINDOW (object);

  g_clear_object (&self->policy_signals);
  g_clear_object (&self->history_signals);
  g_clear_pointer (&self->wanted_page, g_free);

  G_OBJECT_CLASS (stk_window_parent_class)->finalize (object);
}

static void
stk_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StkWindow *self = STK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StkWindow *self = STK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_window_class_init (StkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = stk_window_constructed;
  object_class->dispose = stk_window_dispose;
  object_class->finalize = stk_window_finalize;
  object_class->get_property = stk_window_get_property;
  object_class->set_property = stk_window_set_property;
  widget_class->map = stk_window_map;
  widget_class->realize = stk_window_realize;
  widget_class->unrealize = stk_window_unrealize;
  window_class->close_request = stk_window_close_request;

  /**
   * StkWindow:document:
   *
   * The document the window shows, for the window's whole life.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         STK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samtykke/Samtykke/stk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, categories_count);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, providers_count);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, sections_count);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, problems_badge);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);

  _stk_window_class_actions_init (klass);
}

static void
stk_window_init (StkWindow *self)
{
  GtkEventController *hold;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = stk_settings_new ();

  self->policy_signals = g_signal_group_new (STK_TYPE_POLICY);
  g_signal_group_connect_object (self->policy_signals, "changed",
                                 G_CALLBACK (policy_content_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  self->history_signals = g_signal_group_new (STK_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  hold = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (hold, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (hold, "stk-hold-input-while-busy");
  g_signal_connect_object (hold, "event", G_CALLBACK (_stk_window_hold_input_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), hold);

  _stk_window_actions_init (self);
  _stk_window_dnd_init (self);

  if (g_getenv ("SAMTYKKE_DEVEL") != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * stk_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window showing the bundled example as an untitled policy
 */
StkWindow *
stk_window_new (GtkApplication *application)
{
  return stk_window_new_for_document (application, NULL);
}

/**
 * stk_window_new_for_file:
 * @application: the application
 * @file: the policy file to open
 *
 * The window shows that it is opening @file and shows the policy once it is read; when @file
 * does not load, the window shows the message and the bundled example instead.
 *
 * Returns: (transfer none): a new window
 */
StkWindow *
stk_window_new_for_file (GtkApplication *application,
                         GFile          *file)
{
  g_autoptr(StkDocument) document = stk_document_new ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stk_document_load_async (document, file, NULL, NULL, NULL);

  return stk_window_new_for_document (application, document);
}

/**
 * stk_window_new_for_document:
 * @application: the application
 * @document: (nullable): the document to show, possibly still loading its first policy; NULL
 *   for a new one holding the bundled example
 *
 * Returns: (transfer none): a new window
 */
StkWindow *
stk_window_new_for_document (GtkApplication *application,
                             StkDocument    *document)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || STK_IS_DOCUMENT (document), NULL);

  return g_object_new (STK_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/**
 * stk_window_get_document:
 * @self: a window
 *
 * Returns: (transfer none): the document the window shows
 */
StkDocument *
stk_window_get_document (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * stk_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast to show over the window
 */
void
stk_window_add_toast (StkWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
