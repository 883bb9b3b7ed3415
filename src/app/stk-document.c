/* stk-document.c — one open policy: its file, unsaved changes, findings and export state
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loading and saving, in worker threads, are in stk-document-io.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-document-private.h"
#include "stk-settings.h"

/* The pause after the last edit before the findings are recomputed: long enough to stay off
 * the typing path, short enough to feel live. */
#define VALIDATE_DELAY_MS 300

/* How often StkDocument:progress follows a worker: often enough for a progress bar to move,
 * seldom enough that its frames take little from the worker (stk-progress.c). */
#define PROGRESS_INTERVAL_MS 250

G_DEFINE_ENUM_TYPE (StkDiskChange, stk_disk_change,
                    G_DEFINE_ENUM_VALUE (STK_DISK_CHANGE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (STK_DISK_CHANGE_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (STK_DISK_CHANGE_DELETED, "deleted"))

G_DEFINE_FINAL_TYPE (StkDocument, stk_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_FINDINGS,
  PROP_BUSY,
  PROP_LOADING,
  PROP_SAVING,
  PROP_LOAD_ERROR,
  PROP_DISK_CHANGE,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_stk_document_files_equal (GFile *a,
                           GFile *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_file_equal (a, b);
}

/* stk_policy_get_text() creates a text the policy lacks. Calling it once for every text makes
 * each later call a plain lookup, which a worker and the main thread may make at the same
 * time. Saving writes every known text whether it was there or not, so nothing changes in the
 * file, and nothing is recorded for undo. */
void
_stk_document_ensure_texts (StkPolicy *policy)
{
  g_autoptr(GPtrArray) keys = stk_policy_dup_text_keys (policy);

  for (guint i = 0; i < keys->len; i++)
    (void) stk_policy_get_text (policy, g_ptr_array_index (keys, i));
}

/* State ------------------------------------------------------------------------------------ */

void
_stk_document_set_activity (StkDocument *self,
                            gboolean     loading,
                            gboolean     saving,
                            gboolean     checking)
{
  gboolean was_busy = stk_document_get_busy (self);
  gboolean was_loading = self->loading;
  gboolean was_saving = self->saving;

  self->loading = !!loading;
  self->saving = !!saving;
  self->checking = !!checking;

  if (was_loading != self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (was_saving != self->saving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  if (was_busy != stk_document_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (was_busy && !stk_document_get_busy (self))
    _stk_document_watch_idle (self);
  if (!self->loading && !self->saving)
    _stk_document_end_progress (self);
}

static void
set_fraction (StkDocument *self,
              double       fraction)
{
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
progress_cb (gpointer user_data)
{
  StkDocument *self = user_data;
  double fraction = stk_progress_get_fraction (self->progress);

  /* Whole percents: a bar a few hundred pixels wide shows no finer step. */
  if (fraction >= 0)
    fraction = (int) (fraction * 100) / 100.0;
  set_fraction (self, fraction);

  return G_SOURCE_CONTINUE;
}

/* Makes StkDocument:progress follow @progress, which a worker reports to, until the document
 * neither loads nor saves. */
void
_stk_document_begin_progress (StkDocument *self,
                              StkProgress *progress)
{
  g_clear_pointer (&self->progress, stk_progress_unref);
  self->progress = stk_progress_ref (progress);
  set_fraction (self, -1);
  if (self->progress_source == 0)
    {
      self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_cb, self);
      g_source_set_name_by_id (self->progress_source, "[samtykke] document progress");
    }
}

void
_stk_document_end_progress (StkDocument *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, stk_progress_unref);
  set_fraction (self, -1);
}

static void
update_title (StkDocument *self)
{
  const char *name = self->policy != NULL ? stk_policy_get_name (self->policy) : NULL;
  g_autofree char *title = NULL;

  if (name != NULL && *name != '\0')
    title = g_strdup (name);
  else
    title = g_strdup (_("Untitled Policy"));

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_stk_document_update_modified (StkDocument *self)
{
  gboolean modified = self->policy != NULL
                      && stk_history_get_modified (stk_policy_get_history (self->policy));

  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_stk_document_set_load_error (StkDocument *self,
                              const char  *message)
{
  if (g_strcmp0 (self->load_error, message) == 0)
    return;

  g_free (self->load_error);
  self->load_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
}

void
_stk_document_set_file (StkDocument *self,
                        GFile       *file)
{
  if (_stk_document_files_equal (self->file, file))
    return;

  g_set_object (&self->file, file);
  _stk_document_watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_stk_document_set_disk_change (StkDocument   *self,
                               StkDiskChange  change)
{
  if (self->disk_change == change)
    return;

  self->disk_change = change;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_CHANGE]);
}

/* Validation ------------------------------------------------------------------------------- */

void
_stk_document_set_findings (StkDocument *self,
                            GListModel  *findings)
{
  guint n_items = findings != NULL ? g_list_model_get_n_items (findings) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (findings, i));

  g_list_store_splice (self->findings, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       items->pdata, items->len);
}

static void
validate (StkDocument *self)
{
  g_autoptr(GListModel) findings = NULL;

  g_clear_handle_id (&self->validate_source, g_source_remove);

  if (self->policy != NULL)
    findings = stk_policy_validate (self->policy);
  _stk_document_set_findings (self, findings);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  StkDocument *self = user_data;

  self->validate_source = 0;
  validate (self);

  return G_SOURCE_REMOVE;
}

void
_stk_document_schedule_validation (StkDocument *self,
                                   guint        delay_ms)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, validate_timeout_cb,
                                              self, NULL);
  g_source_set_name_by_id (self->validate_source, "[samtykke] validate");
}

/**
 * stk_document_validate_now:
 * @self: a document
 *
 * Brings the findings up to date at once, instead of after the pause that follows an edit.
 * Does nothing when they are up to date.
 */
void
stk_document_validate_now (StkDocument *self)
{
  g_return_if_fail (STK_IS_DOCUMENT (self));

  if (self->validate_source != 0 || self->checking)
    validate (self);
}

/* The policy ------------------------------------------------------------------------------- */

static void
policy_changed_cb (StkDocument *self)
{
  if (self->saving || self->checking)
    {
      /* Every way to edit is held off while a worker reads the policy (see the top of this
       * file); an edit arriving here got past that. The save that is running then does not
       * count as saving this state. */
      g_critical ("The policy changed while it was being read in the background");
      self->changed_while_busy = TRUE;
    }

  _stk_document_schedule_validation (self, VALIDATE_DELAY_MS);
  update_title (self);
}

void
_stk_document_take_policy (StkDocument *self,
                           StkPolicy   *policy,
                           GFile       *file)
{
  StkPolicy *old = g_steal_pointer (&self->policy);
  gboolean file_changed = !_stk_document_files_equal (self->file, file);

  g_clear_handle_id (&self->validate_source, g_source_remove);

  self->policy = g_object_ref (policy);
  _stk_document_ensure_texts (policy);
  g_signal_group_set_target (self->policy_signals, policy);
  g_signal_group_set_target (self->history_signals, stk_policy_get_history (policy));
  g_set_object (&self->file, file);
  _stk_document_watch_file (self);

  /* The export folder and the accepted warnings belong to the policy they were chosen for. */
  g_clear_object (&self->export_folder);
  g_clear_pointer (&self->accepted_warnings, g_free);

  /* The old findings belong to the old policy. */
  g_list_store_remove_all (self->findings);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_title (self);
  _stk_document_update_modified (self);

  /* Last, once everything that followed the document has let go of the old policy. */
  _stk_document_release_policy (old);
}

/**
 * stk_document_set_policy:
 * @self: a document that is not busy
 * @policy: the policy to hold
 * @file: (nullable): its file, NULL for an untitled policy
 *
 * Replaces the document's policy without asking. The findings follow as soon as the main
 * loop has nothing more urgent to do (such as drawing the window). A message about a file that
 * did not load stays until a file loads.
 */
void
stk_document_set_policy (StkDocument *self,
                         StkPolicy   *policy,
                         GFile       *file)
{
  g_return_if_fail (STK_IS_DOCUMENT (self));
  g_return_if_fail (STK_IS_POLICY (policy));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (!stk_document_get_busy (self));

  _stk_document_take_policy (self, policy, file);
  _stk_document_schedule_validation (self, 0);
}

/* Export state ----------------------------------------------------------------------------- */

static GSettings *
get_settings (StkDocument *self)
{
  if (!self->settings_looked_up)
    {
      self->settings_looked_up = TRUE;
      self->settings = stk_settings_new ();
      if (!stk_settings_has (self->settings, "export-folders"))
        g_clear_object (&self->settings);
    }

  return self->settings;
}

/**
 * stk_document_dup_export_folder:
 * @self: a document
 *
 * The folder is remembered per policy file, in the settings, so that another window on the
 * same file knows it too; an untitled policy (or one exported before it had a file) keeps it
 * for as long as the document holds that policy.
 *
 * Returns: (transfer full) (nullable): the folder the policy was last exported to
 */
GFile *
stk_document_dup_export_folder (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  if (self->file != NULL && get_settings (self) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_autoptr(GVariant) folders = g_settings_get_value (self->settings, "export-folders");
      const char *folder_uri = NULL;

      if (g_variant_lookup (folders, uri, "&s", &folder_uri) && *folder_uri != '\0')
        return g_file_new_for_uri (folder_uri);
    }

  return self->export_folder != NULL ? g_object_ref (self->export_folder) : NULL;
}

/**
 * stk_document_remember_export_folder:
 * @self: a document that holds a policy
 * @folder: the folder the policy was exported to
 */
void
stk_document_remember_export_folder (StkDocument *self,
                                     GFile       *folder)
{
  g_autofree char *uri = NULL;
  g_autofree char *folder_uri = NULL;
  g_autoptr(GVariant) folders = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key;
  const char *value;

  g_return_if_fail (STK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (self->policy != NULL);

  g_set_object (&self->export_folder, folder);

  if (self->file == NULL || get_settings (self) == NULL)
    return;

  uri = g_file_get_uri (self->file);
  folder_uri = g_file_get_uri (folder);
  folders = g_settings_get_value (self->settings, "export-folders");
  g_variant_iter_init (&iter, folders);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, uri))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", uri, folder_uri);
  g_settings_set_value (self->settings, "export-folders", g_variant_builder_end (&builder));
}

/**
 * stk_document_get_accepted_warnings:
 * @self: a document
 *
 * Returns: (nullable): what the export flow noted of the warnings the user last chose to
 *   export with, for the policy the document holds now
 */
const char *
stk_document_get_accepted_warnings (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return self->accepted_warnings;
}

/**
 * stk_document_set_accepted_warnings:
 * @self: a document
 * @warnings: (nullable): a description of the warnings accepted; forgotten when the document
 *   takes another policy
 */
void
stk_document_set_accepted_warnings (StkDocument *self,
                                    const char  *warnings)
{
  g_return_if_fail (STK_IS_DOCUMENT (self));

  if (g_strcmp0 (self->accepted_warnings, warnings) == 0)
    return;

  g_free (self->accepted_warnings);
  self->accepted_warnings = g_strdup (warnings);
}

/* Object ----------------------------------------------------------------------------------- */

static void
stk_document_dispose (GObject *object)
{
  StkDocument *self = STK_DOCUMENT (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, stk_progress_unref);
  g_clear_pointer (&self->reading, g_free);
  _stk_document_watch_dispose (self);
  g_signal_group_set_target (self->policy_signals, NULL);
  g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->policy);
  g_clear_object (&self->file);
  g_clear_object (&self->load_file);
  g_clear_object (&self->export_folder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stk_document_parent_class)->dispose (object);
}

static void
stk_document_finalize (GObject *object)
{
  StkDocument *self = STK_DOCUMENT (object);

  g_clear_object (&self->policy_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->accepted_warnings, g_free);

  G_OBJECT_CLASS (stk_document_parent_class)->finalize (object);
}

static void
stk_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StkDocument *self = STK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, stk_document_get_busy (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;

    case PROP_DISK_CHANGE:
      g_value_set_enum (value, self->disk_change);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_document_class_init (StkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_document_dispose;
  object_class->finalize = stk_document_finalize;
  object_class->get_property = stk_document_get_property;

  /**
   * StkDocument:policy:
   *
   * The policy the document holds; NULL only before its first policy has loaded.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         STK_TYPE_POLICY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:file:
   *
   * The policy's file, NULL while it is untitled.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:title:
   *
   * The policy's name, or “Untitled Policy”.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:modified:
   *
   * Whether the policy has changes that are not saved, as its undo history counts them.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:findings:
   *
   * A #GListModel of #StkFinding, recomputed shortly after each change; the same list for the
   * document's whole life.
   */
  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:busy:
   *
   * Whether a worker is loading, checking or saving the policy. Nothing may edit the policy
   * while the document is busy.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:loading:
   *
   * Whether a file is being read (stk_document_get_load_file() names it).
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:saving:
   *
   * Whether the policy is being written.
   */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:load-error:
   *
   * Why the last file did not load (“FILE:LINE:COLUMN: what was expected”), until a file
   * loads.
   */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_string ("load-error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:disk-change:
   *
   * What another program did to the file since the document read or saved it, and the user
   * has not yet answered (stk-document-watch.c).
   */
  properties[PROP_DISK_CHANGE] =
    g_param_spec_enum ("disk-change", NULL, NULL,
                       STK_TYPE_DISK_CHANGE, STK_DISK_CHANGE_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StkDocument:progress:
   *
   * How much of the file is read while loading, or written while saving, from 0 to 1, in
   * whole percents and a few times a second; -1 when not known.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_document_init (StkDocument *self)
{
  self->findings = g_list_store_new (STK_TYPE_FINDING);
  self->title = g_strdup (_("Untitled Policy"));
  self->fraction = -1;

  self->policy_signals = g_signal_group_new (STK_TYPE_POLICY);
  g_signal_group_connect_object (self->policy_signals, "changed",
                                 G_CALLBACK (policy_changed_cb), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (STK_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::modified",
                                 G_CALLBACK (_stk_document_update_modified), self, G_CONNECT_SWAPPED);
}

/**
 * stk_document_new:
 *
 * Returns: (transfer full): a document without a policy yet: give it one with
 *   stk_document_set_policy() or stk_document_load_async()
 */
StkDocument *
stk_document_new (void)
{
  return g_object_new (STK_TYPE_DOCUMENT, NULL);
}

/**
 * stk_document_get_policy:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the policy, NULL only before the first one has loaded
 */
StkPolicy *
stk_document_get_policy (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return self->policy;
}

/**
 * stk_document_get_file:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the policy's file, NULL while it is untitled
 */
GFile *
stk_document_get_file (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * stk_document_dup_title:
 * @self: a document
 *
 * Returns: (transfer full): the policy's name, or “Untitled Policy”
 */
char *
stk_document_dup_title (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return g_strdup (self->title);
}

gboolean
stk_document_get_modified (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * stk_document_get_findings:
 * @self: a document
 *
 * Returns: (transfer none): a #GListModel of #StkFinding that follows the policy's changes
 */
GListModel *
stk_document_get_findings (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->findings);
}

gboolean
stk_document_get_busy (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), FALSE);

  return self->loading || self->saving || self->checking;
}

/**
 * stk_document_get_activity:
 * @self: a document
 *
 * Returns: (nullable): what the document's worker is doing, as the window says it while the
 *   document is busy (“Opening…”, “Saving…”, “Exporting…”); NULL when it is not busy
 */
const char *
stk_document_get_activity (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  if (self->loading)
    return _("Opening…");
  if (self->saving)
    return _("Saving…");
  if (self->reading != NULL)
    return self->reading;
  if (self->checking)
    return _("Checking the policy…");

  return NULL;
}

/**
 * stk_document_get_progress:
 * @self: a document
 *
 * Returns: how much of the file is read or written, from 0 to 1; -1 when not known
 */
double
stk_document_get_progress (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), -1);

  return self->fraction;
}

gboolean
stk_document_get_loading (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), FALSE);

  return self->loading;
}

gboolean
stk_document_get_saving (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), FALSE);

  return self->saving;
}

/**
 * stk_document_get_load_error:
 * @self: a document
 *
 * Returns: (nullable): why the last file did not load, naming the file, line and column; NULL
 *   once a file has loaded
 */
const char *
stk_document_get_load_error (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return self->load_error;
}

/**
 * stk_document_get_load_file:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the file of the last load begun: the one being read
 *   while #StkDocument:loading, the one that failed while #StkDocument:load-error is set
 */
GFile *
stk_document_get_load_file (StkDocument *self)
{
  g_return_val_if_fail (STK_IS_DOCUMENT (self), NULL);

  return self->load_file;
}
