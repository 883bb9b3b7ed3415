/* stk-window.c — a document window: one policy, its pages, undo and redo, saving
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-application.h"
#include "stk-problems-page.h"
#include "stk-window.h"

#include "stk-categories-page.h"
#include "stk-export-flow.h"
#include "stk-policy-page.h"
#include "stk-preview-page.h"
#include "stk-providers-page.h"
#include "stk-sections-page.h"
#include "stk-texts-page.h"

/* The pause after the last edit before the findings are recomputed: long enough to stay off
 * the typing path, short enough to feel live. */
#define VALIDATE_DELAY_MS 300
#define MAX_RECENT 10

typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_OPEN,
  PENDING_NEW_EMPTY,
  PENDING_NEW_EXAMPLE,
} PendingKind;

enum {
  PAGE_POLICY,
  PAGE_TEXTS,
  PAGE_CATEGORIES,
  PAGE_PROVIDERS,
  PAGE_SECTIONS,
  PAGE_PREVIEW,
  N_EDIT_PAGES
};

static const char * const page_names[N_EDIT_PAGES] = {
  "policy", "texts", "categories", "providers", "sections", "preview",
};

struct _StkWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkLabel             *missing_label;
  GtkLabel             *categories_count;
  GtkLabel             *providers_count;
  GtkLabel             *sections_count;
  GtkLabel             *problems_badge;
  AdwWindowTitle       *window_title;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GMenu                *recent_section;

  /* borrowed: the stack holds the pages */
  GtkWidget            *pages[N_EDIT_PAGES];
  gboolean              page_stale[N_EDIT_PAGES];
  StkProblemsPage      *problems_page;
  AdwMessageDialog     *question;

  /* owned */
  StkPolicy            *policy;
  GFile                *file;
  GListStore           *findings;
  char                 *load_error;
  GtkFileChooserNative *chooser;
  GFile                *pending_file;
  PendingKind           pending;
  guint                 validate_source;
  guint                 answer_source;
  int                   answer;
  guint                 missing_cursor;
  gboolean              close_confirmed;
  gboolean              modified_shown;
  gboolean              validate_when_shown;
};

G_DEFINE_FINAL_TYPE (StkWindow, stk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_document (StkWindow *self,
                           gboolean   then_pending);

/* Settings ------------------------------------------------------------------------------ */

static GSettings *
get_settings (StkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!STK_IS_APPLICATION (app))
    return NULL;

  return stk_application_get_settings (STK_APPLICATION (app));
}

static gboolean
settings_has (GSettings  *settings,
              const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
restore_window_state (StkWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings_has (settings, "window-width") && settings_has (settings, "window-height"))
    {
      int width = g_settings_get_int (settings, "window-width");
      int height = g_settings_get_int (settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }
  if (settings_has (settings, "window-maximized")
      && g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (StkWindow *self)
{
  GSettings *settings = get_settings (self);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  if (settings_has (settings, "window-maximized"))
    g_settings_set_boolean (settings, "window-maximized", maximized);

  /* A maximized window keeps the size it will return to. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (settings_has (settings, "window-width") && width > 0)
    g_settings_set_int (settings, "window-width", width);
  if (settings_has (settings, "window-height") && height > 0)
    g_settings_set_int (settings, "window-height", height);
}

static GFile *
dup_last_folder (StkWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *folder = NULL;

  if (self->file != NULL)
    return g_file_get_parent (self->file);

  if (!settings_has (settings, "last-folder"))
    return NULL;

  folder = g_settings_get_string (settings, "last-folder");
  if (folder == NULL || *folder == '\0')
    return NULL;

  return g_file_new_for_commandline_arg (folder);
}

static void
remember_file (StkWindow *self,
               GFile     *file)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (file);

  if (parent != NULL && settings_has (settings, "last-folder"))
    {
      g_autofree char *parent_uri = g_file_get_uri (parent);

      g_settings_set_string (settings, "last-folder", parent_uri);
    }

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* State shown in the window --------------------------------------------------------------- */

gboolean
stk_window_get_modified (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), FALSE);

  return self->policy != NULL && stk_history_get_modified (stk_policy_get_history (self->policy));
}

static char *
dup_document_name (StkWindow *self)
{
  const char *name = self->policy ? stk_policy_get_name (self->policy) : NULL;

  if (name != NULL && *name != '\0')
    return g_strdup (name);

  return g_strdup (_("Untitled Policy"));
}

static void
update_title (StkWindow *self)
{
  g_autofree char *name = dup_document_name (self);
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  gboolean modified = stk_window_get_modified (self);

  if (self->file != NULL)
    basename = g_file_get_basename (self->file);
  else
    basename = g_strdup (_("Not Saved"));

  /* Translators: the window subtitle of a policy with unsaved changes; %s is its file name. */
  subtitle = modified ? g_strdup_printf (_("• %s"), basename) : g_strdup (basename);
  /* Translators: the window title: policy name — file name. */
  title = g_strdup_printf (_("%s — %s"), name, subtitle);

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (StkWindow *self)
{
  StkHistory *history = self->policy ? stk_policy_get_history (self->policy) : NULL;
  gboolean modified = stk_window_get_modified (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && stk_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && stk_history_can_redo (history));

  if (self->modified_shown != modified)
    {
      self->modified_shown = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
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
  set_count (self->categories_count, self->policy ? stk_policy_get_categories (self->policy) : NULL);
  set_count (self->providers_count, self->policy ? stk_policy_get_providers (self->policy) : NULL);
  set_count (self->sections_count, self->policy ? stk_policy_get_sections (self->policy) : NULL);
}

static gboolean
is_missing_translation (StkFinding *finding)
{
  return g_strcmp0 (stk_finding_get_rule (finding), "missing-translation") == 0;
}

static void
update_badges (StkWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->findings);
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

/* Validation ------------------------------------------------------------------------------- */

void
stk_window_validate_now (StkWindow *self)
{
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_items;

  g_return_if_fail (STK_IS_WINDOW (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);

  if (self->policy != NULL)
    findings = stk_policy_validate (self->policy);

  n_items = findings ? g_list_model_get_n_items (findings) : 0;
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (findings, i));

  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       items->pdata, items->len);
  update_badges (self);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  StkWindow *self = user_data;

  self->validate_source = 0;
  stk_window_validate_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_validation (StkWindow *self,
                     guint      delay_ms)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, validate_timeout_cb,
                                              self, NULL);
  g_source_set_name_by_id (self->validate_source, "[samtykke] validate");
}

/* Document --------------------------------------------------------------------------------- */

static void
policy_changed_cb (StkWindow *self)
{
  schedule_validation (self, VALIDATE_DELAY_MS);
  update_title (self);
  update_actions (self);
}

static void
history_notify_cb (StkWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
list_items_changed_cb (StkWindow *self)
{
  update_counts (self);
}

static void
disconnect_policy (StkWindow *self)
{
  if (self->policy == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->policy, self);
  g_signal_handlers_disconnect_by_data (stk_policy_get_history (self->policy), self);
  g_signal_handlers_disconnect_by_data (stk_policy_get_categories (self->policy), self);
  g_signal_handlers_disconnect_by_data (stk_policy_get_providers (self->policy), self);
  g_signal_handlers_disconnect_by_data (stk_policy_get_sections (self->policy), self);
}

static void
set_page_property (GtkWidget  *page,
                   const char *name,
                   gpointer    value)
{
  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), name) != NULL)
    g_object_set (page, name, value, NULL);
}

/* Gives @page the current document when it does not have it yet. */
static void
sync_page (StkWindow *self,
           GtkWidget *page)
{
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    {
      if (page == NULL || self->pages[i] != page || !self->page_stale[i])
        continue;

      self->page_stale[i] = FALSE;
      if (i == PAGE_PREVIEW)
        set_page_property (page, "file", self->file);
      set_page_property (page, "policy", self->policy);
    }
}

static void
visible_page_changed_cb (StkWindow *self)
{
  sync_page (self, gtk_stack_get_visible_child (self->stack));
}

static void
hide_load_error (StkWindow *self)
{
  g_clear_pointer (&self->load_error, g_free);
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

static void
show_error (StkWindow  *self,
            const char *title,
            const char *message)
{
  gtk_label_set_label (self->error_title, title);
  gtk_label_set_label (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

void
stk_window_set_document (StkWindow *self,
                         StkPolicy *policy,
                         GFile     *file)
{
  gboolean file_changed;

  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (STK_IS_POLICY (policy));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  file_changed = self->file != file;

  disconnect_policy (self);
  g_set_object (&self->policy, policy);
  g_set_object (&self->file, file);
  self->missing_cursor = 0;
  hide_load_error (self);

  g_signal_connect_object (policy, "changed", G_CALLBACK (policy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (stk_policy_get_history (policy), "notify",
                           G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stk_policy_get_categories (policy), "items-changed",
                           G_CALLBACK (list_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stk_policy_get_providers (policy), "items-changed",
                           G_CALLBACK (list_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stk_policy_get_sections (policy), "items-changed",
                           G_CALLBACK (list_items_changed_cb), self, G_CONNECT_SWAPPED);

  /* Only the page in view gets the document now; the others when they are first shown, so
   * that a large policy is on screen without building every page for it first. */
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    {
      if (self->pages[i] != NULL && !self->page_stale[i])
        {
          self->page_stale[i] = TRUE;
          set_page_property (self->pages[i], "policy", NULL);
        }
    }
  sync_page (self, gtk_stack_get_visible_child (self->stack));

  /* The old findings belong to the old policy; the new ones follow as soon as the window has
   * shown the document. */
  g_list_store_remove_all (self->findings);
  update_badges (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_validation (self, 0);
  else
    self->validate_when_shown = TRUE;

  update_counts (self);
  update_title (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* New Policy starts empty but for its languages (Danish and English): every text then shows as
 * a missing translation, which is the list of what to write. New from Example starts from the
 * bundled example, for those who would rather adapt a complete policy. */
static StkPolicy *
new_empty_policy (void)
{
  static const char * const languages[] = { "da", "en", NULL };
  g_autoptr(StkPolicy) policy = stk_policy_new ();
  const char * const *current = stk_policy_get_languages (policy);

  if (current == NULL || current[0] == NULL)
    {
      stk_policy_set_languages (policy, languages);
      stk_policy_set_default_language (policy, "da");
    }
  /* A new document starts with nothing to undo and nothing unsaved. */
  stk_history_clear (stk_policy_get_history (policy));
  stk_history_mark_saved (stk_policy_get_history (policy));

  return g_steal_pointer (&policy);
}

gboolean
stk_window_load_file (StkWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(StkPolicy) policy = NULL;

  g_return_val_if_fail (STK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  policy = stk_policy_load_file (file, &local_error);
  if (policy == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name. */
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

      g_free (self->load_error);
      self->load_error = g_strdup (local_error->message);
      show_error (self, title, local_error->message);
      if (error != NULL)
        *error = g_steal_pointer (&local_error);
      return FALSE;
    }

  stk_window_set_document (self, policy, file);
  remember_file (self, file);

  return TRUE;
}

gboolean
stk_window_save_to_file (StkWindow  *self,
                         GFile      *file,
                         GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean file_changed;

  g_return_val_if_fail (STK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!stk_policy_save_file (self->policy, file, &local_error))
    {
      show_error (self, _("Could Not Save the Policy"), local_error->message);
      if (error != NULL)
        *error = g_steal_pointer (&local_error);
      return FALSE;
    }

  file_changed = self->file == NULL || !g_file_equal (self->file, file);
  g_set_object (&self->file, file);
  stk_history_mark_saved (stk_policy_get_history (self->policy));
  remember_file (self, file);
  if (!self->page_stale[PAGE_PREVIEW])
    set_page_property (self->pages[PAGE_PREVIEW], "file", file);

  update_title (self);
  update_actions (self);
  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  name = g_file_get_basename (file);
  /* Translators: a notification; %s is a file name. */
  message = g_strdup_printf (_("Saved “%s”"), name);
  stk_window_add_toast (self, adw_toast_new (message));

  return TRUE;
}

/* Asking about unsaved changes ----------------------------------------------------------- */

static void
run_pending (StkWindow *self)
{
  PendingKind pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case PENDING_OPEN:
      stk_window_load_file (self, file, NULL);
      break;

    case PENDING_NEW_EMPTY:
      {
        g_autoptr(StkPolicy) policy = new_empty_policy ();

        stk_window_set_document (self, policy, NULL);
      }
      break;

    case PENDING_NEW_EXAMPLE:
      {
        g_autoptr(StkPolicy) policy = stk_policy_new_from_example ();

        stk_window_set_document (self, policy, NULL);
      }
      break;

    case PENDING_NONE:
    default:
      break;
    }
}

static void
clear_pending (StkWindow *self)
{
  self->pending = PENDING_NONE;
  g_clear_object (&self->pending_file);
}

typedef enum
{
  ANSWER_CANCEL,
  ANSWER_DISCARD,
  ANSWER_SAVE,
} Answer;

static gboolean
act_on_answer_cb (gpointer user_data)
{
  StkWindow *self = user_data;
  Answer answer = self->answer;

  self->answer_source = 0;

  switch (answer)
    {
    case ANSWER_SAVE:
      save_document (self, TRUE);
      break;

    case ANSWER_DISCARD:
      run_pending (self);
      break;

    case ANSWER_CANCEL:
    default:
      clear_pending (self);
      break;
    }

  return G_SOURCE_REMOVE;
}

static void
question_response_cb (StkWindow        *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  self->question = NULL;

  if (g_strcmp0 (response, "save") == 0)
    self->answer = ANSWER_SAVE;
  else if (g_strcmp0 (response, "discard") == 0)
    self->answer = ANSWER_DISCARD;
  else
    self->answer = ANSWER_CANCEL;

  /* Closing the window from inside its dialog's response would pull the dialog away under
   * its own signal; act once the dialog is done. */
  g_clear_handle_id (&self->answer_source, g_source_remove);
  self->answer_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, act_on_answer_cb,
                                         g_object_ref (self), g_object_unref);
}

/* Runs @pending at once when nothing would be lost, otherwise after the user's answer. */
static void
ask_then (StkWindow   *self,
          PendingKind  pending,
          GFile       *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->question != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->question));
      return;
    }

  /* An answer not yet acted on belongs to the earlier request: settle it first. */
  if (self->answer_source != 0)
    {
      g_clear_handle_id (&self->answer_source, g_source_remove);
      act_on_answer_cb (self);
    }

  self->pending = pending;
  g_set_object (&self->pending_file, file);

  if (!stk_window_get_modified (self))
    {
      run_pending (self);
      return;
    }

  name = dup_document_name (self);
  /* Translators: %s is the policy's name. */
  body = g_strdup_printf (_("“%s” has changes that are not saved. If you discard them, they are "
                            "lost."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->question = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
stk_window_open_file (StkWindow *self,
                      GFile     *file)
{
  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ask_then (self, PENDING_OPEN, file);
}

void
stk_window_new_document (StkWindow *self,
                         gboolean   from_example)
{
  g_return_if_fail (STK_IS_WINDOW (self));

  ask_then (self, from_example ? PENDING_NEW_EXAMPLE : PENDING_NEW_EMPTY, NULL);
}

/* File choosers ---------------------------------------------------------------------------- */

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Cookie Policies (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static GtkFileChooserNative *
new_chooser (StkWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autoptr(GFile) folder = dup_last_folder (self);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_clear_object (&self->chooser);
  self->chooser = chooser;

  return chooser;
}

static void
open_response_cb (StkWindow            *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        stk_window_open_file (self, file);
    }
}

static void
save_as_response_cb (StkWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  gboolean then_pending = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                              "then-pending"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && stk_window_save_to_file (self, file, NULL))
    {
      if (then_pending)
        run_pending (self);
    }
  else if (then_pending)
    {
      clear_pending (self);
    }
}

static void
save_as (StkWindow *self,
         gboolean   then_pending)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = new_chooser (self, _("Save Policy As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    name = g_strdup (_("cookie-policy.json"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "then-pending", GINT_TO_POINTER (then_pending));
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_document (StkWindow *self,
               gboolean   then_pending)
{
  if (self->file == NULL)
    {
      save_as (self, then_pending);
      return;
    }

  if (stk_window_save_to_file (self, self->file, NULL))
    {
      if (then_pending)
        run_pending (self);
    }
  else if (then_pending)
    {
      clear_pending (self);
    }
}

/* Recent files ---------------------------------------------------------------------------- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
update_recent_menu (StkWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  const char *app_name = g_get_application_name ();

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (app_name != NULL && gtk_recent_info_has_application (info, app_name)
          && g_str_has_suffix (gtk_recent_info_get_uri (info), ".json"))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }
  if (ours->len == 0)
    g_menu_append (self->recent_section, _("No Recent Policies"), "win.no-recent");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Pages and navigation --------------------------------------------------------------------- */

static void
create_pages (StkWindow *self)
{
  static const char * const titles[N_EDIT_PAGES] = {
    N_("Policy"), N_("Banner Texts"), N_("Categories"), N_("Providers"), N_("Page Sections"),
    N_("Preview"),
  };

  self->pages[PAGE_POLICY] = g_object_new (STK_TYPE_POLICY_PAGE, NULL);
  self->pages[PAGE_TEXTS] = g_object_new (STK_TYPE_TEXTS_PAGE, NULL);
  self->pages[PAGE_CATEGORIES] = g_object_new (STK_TYPE_CATEGORIES_PAGE, NULL);
  self->pages[PAGE_PROVIDERS] = g_object_new (STK_TYPE_PROVIDERS_PAGE, NULL);
  self->pages[PAGE_SECTIONS] = g_object_new (STK_TYPE_SECTIONS_PAGE, NULL);
  self->pages[PAGE_PREVIEW] = g_object_new (STK_TYPE_PREVIEW_PAGE, NULL);

  for (guint i = 0; i < N_EDIT_PAGES; i++)
    gtk_stack_add_titled (self->stack, self->pages[i], page_names[i], _(titles[i]));

  self->problems_page = STK_PROBLEMS_PAGE (stk_problems_page_new ());
  stk_problems_page_set_findings (self->problems_page, G_LIST_MODEL (self->findings));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->problems_page), "problems", _("Problems"));
}

static void
select_sidebar_row (StkWindow  *self,
                    const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

void
stk_window_show_page (StkWindow  *self,
                      const char *name)
{
  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, name);
  select_sidebar_row (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

const char *
stk_window_get_visible_page (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

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
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

/* The page that edits the field a finding path names, by the path's first segment. */
static guint
page_for_path (const char *path)
{
  static const struct {
    const char *prefix;
    guint page;
  } routes[] = {
    { "texts", PAGE_TEXTS },
    { "categories", PAGE_CATEGORIES },
    { "providers", PAGE_PROVIDERS },
    { "sections", PAGE_SECTIONS },
  };
  gsize len = strcspn (path, ".[");

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (strlen (routes[i].prefix) == len && strncmp (path, routes[i].prefix, len) == 0)
        return routes[i].page;
    }

  return PAGE_POLICY;
}

gboolean
stk_window_focus_path (StkWindow  *self,
                       const char *path)
{
  guint page;
  GtkWidget *widget;

  g_return_val_if_fail (STK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  page = page_for_path (path);
  widget = self->pages[page];
  stk_window_show_page (self, page_names[page]);

  switch (page)
    {
    case PAGE_POLICY:
      return stk_policy_page_focus_path (STK_POLICY_PAGE (widget), path);
    case PAGE_TEXTS:
      return stk_texts_page_focus_path (STK_TEXTS_PAGE (widget), path);
    case PAGE_CATEGORIES:
      return stk_categories_page_focus_path (STK_CATEGORIES_PAGE (widget), path);
    case PAGE_PROVIDERS:
      return stk_providers_page_focus_path (STK_PROVIDERS_PAGE (widget), path);
    case PAGE_SECTIONS:
      return stk_sections_page_focus_path (STK_SECTIONS_PAGE (widget), path);
    case PAGE_PREVIEW:
    default:
      return FALSE;
    }
}

static void
finding_activated_cb (StkWindow       *self,
                      StkFinding      *finding,
                      StkProblemsPage *page)
{
  stk_window_focus_path (self, stk_finding_get_path (finding));
}

/* Actions ---------------------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  stk_window_new_document (STK_WINDOW (widget), g_str_equal (action_name, "win.new-from-example"));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open Policy"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  stk_window_open_file (STK_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);

  if (g_str_equal (action_name, "win.save-as"))
    save_as (self, FALSE);
  else
    save_document (self, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  StkHistory *history;

  if (self->policy == NULL)
    return;

  history = stk_policy_get_history (self->policy);
  /* Whatever is being typed becomes a step of its own before stepping back or forward. */
  stk_history_seal (history);
  if (g_str_equal (action_name, "win.undo"))
    stk_history_undo (history);
  else
    stk_history_redo (history);
  stk_history_seal (history);

  update_title (self);
  update_actions (self);
}

static void
next_missing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);
  GListModel *model = G_LIST_MODEL (self->findings);
  guint n_items;

  if (self->validate_source != 0)
    stk_window_validate_now (self);

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      guint position = (self->missing_cursor + i) % n_items;
      g_autoptr(StkFinding) finding = g_list_model_get_item (model, position);

      if (is_missing_translation (finding))
        {
          self->missing_cursor = position + 1;
          stk_window_focus_path (self, stk_finding_get_path (finding));
          return;
        }
    }

  stk_window_add_toast (self, adw_toast_new (_("Every text is translated")));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StkWindow *self = STK_WINDOW (widget);

  if (g_str_equal (action_name, "win.copy-snippet"))
    stk_export_flow_copy_snippet (self);
  else
    stk_export_flow_export (self, g_str_equal (action_name, "win.export-again"));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stk_window_show_page (STK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
focus_path_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  stk_window_focus_path (STK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
history_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  /* Claimed even when there is nothing to undo, so that a text field's own undo never runs
   * behind the model's back. */
  gtk_widget_activate_action (widget, user_data, NULL);
  return TRUE;
}

static void
add_history_shortcuts (StkWindow *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Control>z", "win.undo" },
    { "<Control><Shift>z", "win.redo" },
    { "<Control>y", "win.redo" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Text fields bind Ctrl+Z to their own undo; the capture phase puts the policy's history
   * first, so one Ctrl+Z undoes the same step wherever the focus is. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].trigger);
      GtkShortcutAction *action = gtk_callback_action_new (history_shortcut_cb,
                                                           (gpointer) shortcuts[i].action, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Dropping a file -------------------------------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         StkWindow     *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".json"))
        {
          stk_window_open_file (self, l->data);
          return TRUE;
        }
    }

  stk_window_add_toast (self, adw_toast_new (_("Only policy files (.json) can be opened")));
  return FALSE;
}

/* Showing quickly -------------------------------------------------------------------------- */

static void
first_paint_cb (GdkFrameClock *clock,
                StkWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);

  /* A large policy takes a moment to check; the window shows it first. */
  if (self->validate_when_shown)
    {
      self->validate_when_shown = FALSE;
      schedule_validation (self, 0);
    }

  /* Used by bench/editor: the time from start to the first painted frame of the document. */
  if (g_getenv ("SAMTYKKE_QUIT_AFTER_FIRST_FRAME") != NULL)
    {
      g_print ("samtykke: first frame painted\n");
      fflush (stdout);
      g_application_quit (g_application_get_default ());
    }
}

static void
stk_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stk_window_parent_class)->map (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_paint_cb), widget, 0);
}

/* Object ----------------------------------------------------------------------------------- */

static gboolean
stk_window_close_request (GtkWindow *window)
{
  StkWindow *self = STK_WINDOW (window);

  if (!self->close_confirmed && stk_window_get_modified (self))
    {
      ask_then (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (stk_window_parent_class)->close_request (window);
}

static void
stk_window_dispose (GObject *object)
{
  StkWindow *self = STK_WINDOW (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_handle_id (&self->answer_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  self->question = NULL;
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  disconnect_policy (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_WINDOW);
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    self->pages[i] = NULL;
  self->problems_page = NULL;

  g_clear_object (&self->policy);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_file);

  G_OBJECT_CLASS (stk_window_parent_class)->dispose (object);
}

static void
stk_window_finalize (GObject *object)
{
  StkWindow *self = STK_WINDOW (object);

  g_clear_object (&self->findings);
  g_clear_pointer (&self->load_error, g_free);

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
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, stk_window_get_modified (self));
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

  object_class->dispose = stk_window_dispose;
  object_class->finalize = stk_window_finalize;
  object_class->get_property = stk_window_get_property;
  widget_class->map = stk_window_map;
  window_class->close_request = stk_window_close_request;

  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         STK_TYPE_POLICY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  gtk_widget_class_bind_template_child (widget_class, StkWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StkWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-example", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.next-missing", NULL, next_missing_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-again", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-snippet", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.focus-path", "s", focus_path_action);
}

static void
stk_window_init (StkWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings = g_list_store_new (STK_TYPE_FINDING);
  create_pages (self);
  g_signal_connect_object (self->problems_page, "finding-activated",
                           G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);

  add_history_shortcuts (self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  if (g_getenv ("SAMTYKKE_DEVEL") != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  stk_window_show_page (self, "policy");
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  update_badges (self);
  update_actions (self);
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
  return stk_window_new_for_file (application, NULL);
}

/**
 * stk_window_new_for_file:
 * @application: the application
 * @file: (nullable): the policy file to show
 *
 * When @file does not load, the window shows the message and the bundled example instead.
 *
 * Returns: (transfer none): a new window
 */
StkWindow *
stk_window_new_for_file (GtkApplication *application,
                         GFile          *file)
{
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  StkWindow *self;

  /* The file is read in the background while the window is built. */
  if (file != NULL && STK_IS_APPLICATION (application))
    stk_application_preload (STK_APPLICATION (application), file);

  self = g_object_new (STK_TYPE_WINDOW, "application", application, NULL);
  restore_window_state (self);

  if (file != NULL && STK_IS_APPLICATION (application))
    policy = stk_application_load_file (STK_APPLICATION (application), file, &error);
  else if (file != NULL)
    policy = stk_policy_load_file (file, &error);

  if (policy != NULL)
    {
      stk_window_set_document (self, policy, file);
      remember_file (self, file);
    }
  else
    {
      policy = stk_policy_new_from_example ();
      stk_window_set_document (self, policy, NULL);
      /* Keep the reason the file did not open in view. */
      if (error != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

          self->load_error = g_strdup (error->message);
          show_error (self, title, self->load_error);
        }
    }

  return self;
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

/**
 * stk_window_get_policy:
 * @self: a window
 *
 * Returns: (transfer none): the policy the window edits
 */
StkPolicy *
stk_window_get_policy (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return self->policy;
}

/**
 * stk_window_get_file:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the policy's file, NULL while untitled
 */
GFile *
stk_window_get_file (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * stk_window_get_findings:
 * @self: a window
 *
 * Returns: (transfer none): a #GListModel of #StkFinding that follows the policy's changes
 */
GListModel *
stk_window_get_findings (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->findings);
}

const char *
stk_window_get_load_error (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return self->load_error;
}
