/* stk-policy-page.c — the editor page of the policy's own fields: owner, languages, consent
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-policy-page.h"
#include "stk-text-editor.h"

typedef struct _StkPolicyPage StkPolicyPage;

/* A list of short strings (languages, domains): one row each with a remove button, and an entry
 * row at the end that adds one. */
typedef struct
{
  StkPolicyPage        *page;      /* borrowed: holds us */
  AdwPreferencesGroup  *group;     /* borrowed: template child */
  GPtrArray            *rows;      /* borrowed: rows now in the group */
  GPtrArray            *buttons;   /* borrowed: their remove buttons */
  GtkWidget            *add_row;   /* owned: moved to the end on each rebuild */
  const char           *remove_action;
  char                **shown;
  const char * const *(*get)   (StkPolicy          *policy);
  void                (*set)   (StkPolicy          *policy,
                                const char * const *values);
  const char         *(*check) (const char         *value);
  gboolean              languages;
} StrvList;

struct _StkPolicyPage
{
  StkEditorPage        parent_instance;

  /* template widgets */
  AdwPreferencesPage  *preferences;
  GtkWidget           *name_row;
  GtkWidget           *revision_spin;
  GtkWidget           *updated_row;
  AdwPreferencesGroup *note_group;
  AdwPreferencesGroup *languages_group;
  AdwComboRow         *default_language_row;
  GtkWidget           *controller_name_row;
  GtkWidget           *controller_address_row;
  GtkWidget           *controller_cvr_row;
  GtkWidget           *controller_email_row;
  GtkWidget           *dpo_name_row;
  GtkWidget           *dpo_email_row;
  AdwPreferencesGroup *domains_group;
  GtkWidget           *cookie_name_row;
  GtkWidget           *cookie_domain_row;
  GtkWidget           *accept_days_spin;
  GtkWidget           *decline_days_spin;
  GtkWidget           *log_endpoint_row;

  /* borrowed */
  StkPolicy           *policy;     /* the page's */
  GtkWidget           *note_editor;

  /* owned */
  GPtrArray           *fields;     /* StkFields of the policy's own fields */
  GtkStringList       *language_names;
  char               **language_names_shown;
  StrvList             languages;
  StrvList             domains;

  gboolean             updating;
};

static void stk_policy_page_page_init (StkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StkPolicyPage, stk_policy_page, STK_TYPE_EDITOR_PAGE,
                               G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE, stk_policy_page_page_init))

STK_DEFINE_EDITOR_PAGE_FUNCTIONS (StkPolicyPage, stk_policy_page)

/* The model's int getters and setters, widened for the spin-button binding. */
static gint64 get_revision (gpointer p) { return stk_policy_get_revision (p); }
static void set_revision (gpointer p, gint64 v) { stk_policy_set_revision (p, (int) v); }
static gint64 get_accept_days (gpointer p) { return stk_policy_get_accept_days (p); }
static void set_accept_days (gpointer p, gint64 v) { stk_policy_set_accept_days (p, (int) v); }
static gint64 get_decline_days (gpointer p) { return stk_policy_get_decline_days (p); }
static void set_decline_days (gpointer p, gint64 v) { stk_policy_set_decline_days (p, (int) v); }

static const char *
check_language_code (const char *value)
{
  static GRegex *regex;

  if (value == NULL || *value == '\0')
    return NULL;

  if (regex == NULL)
    regex = g_regex_new ("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", G_REGEX_OPTIMIZE, 0, NULL);

  if (!g_regex_match (regex, value, 0, NULL))
    return _("Write a language code such as “da”, “en” or “de”");

  return NULL;
}

static const char *
check_domain (const char *value)
{
  if (value == NULL || *value == '\0')
    return NULL;

  if (strpbrk (value, " /:@\t") != NULL || strchr (value, '.') == NULL)
    return _("Write a host name such as “www.kk.dk”, without https://");

  return NULL;
}

static void
strv_list_remove_at (StkPolicyPage *self,
                     StrvList      *list,
                     guint          index)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *values = list->get (self->policy);
  g_auto(GStrv) result = NULL;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (builder, values[i]);

  result = g_strv_builder_end (builder);
  list->set (self->policy, (const char * const *) result);
  stk_seal_history_of (self->policy);
}

/* The remove buttons' actions: the target is the index of the value to remove. */
static void
remove_language (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StkPolicyPage *self = STK_POLICY_PAGE (widget);

  if (self->policy != NULL)
    strv_list_remove_at (self, &self->languages, g_variant_get_uint32 (parameter));
}

static void
remove_domain (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StkPolicyPage *self = STK_POLICY_PAGE (widget);

  if (self->policy != NULL)
    strv_list_remove_at (self, &self->domains, g_variant_get_uint32 (parameter));
}

static void
on_add_applied (StrvList *list)
{
  StkPolicyPage *self = list->page;
  GtkWidget *row = list->add_row;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const char * const *values;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;

  if (self->policy == NULL || *value == '\0')
    return;

  if (list->check (value) != NULL)
    {
      stk_mark_invalid (GTK_WIDGET (row), list->check (value));
      return;
    }

  values = list->get (self->policy);
  if (values != NULL && g_strv_contains (values, value))
    {
      stk_mark_invalid (GTK_WIDGET (row), _("This is already in the list"));
      return;
    }

  builder = g_strv_builder_new ();
  if (values != NULL)
    g_strv_builder_addv (builder, (const char **) values);
  g_strv_builder_add (builder, value);
  result = g_strv_builder_end (builder);
  list->set (self->policy, (const char * const *) result);
  stk_seal_history_of (self->policy);

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_add_changed (StrvList *list)
{
  GtkEditable *editable = GTK_EDITABLE (list->add_row);

  stk_mark_invalid (list->add_row, list->check (gtk_editable_get_text (editable)));
}

static void
strv_list_init (StkPolicyPage *self,
                StrvList      *list,
                const char    *add_title)
{
  list->page = self;
  list->rows = g_ptr_array_new ();
  list->buttons = g_ptr_array_new ();
  list->add_row = g_object_ref_sink (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list->add_row), add_title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (list->add_row), TRUE);
  g_signal_connect_swapped (list->add_row, "apply", G_CALLBACK (on_add_applied), list);
  g_signal_connect_swapped (list->add_row, "entry-activated", G_CALLBACK (on_add_applied), list);
  g_signal_connect_swapped (list->add_row, "changed", G_CALLBACK (on_add_changed), list);
  adw_preferences_group_add (list->group, list->add_row);
}

static void
strv_list_update_buttons (StkPolicyPage *self,
                          StrvList      *list)
{
  const char *default_language = NULL;

  if (!list->languages)
    return;

  if (self->policy != NULL)
    default_language = stk_policy_get_default_language (self->policy);

  for (guint i = 0; i < list->rows->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (list->buttons, i);
      gboolean is_default = g_strcmp0 (list->shown[i], default_language) == 0;

      gtk_widget_set_sensitive (button, !is_default && list->rows->len > 1);
      gtk_widget_set_tooltip_text (button, is_default ? _("The default language cannot be removed")
                                                      : _("Remove this language"));
    }
}

static void
strv_list_refresh (StkPolicyPage *self,
                   StrvList      *list)
{
  static const char * const none[] = { NULL };
  const char * const *values = self->policy != NULL ? list->get (self->policy) : NULL;

  if (values == NULL)
    values = none;

  if (list->shown != NULL && g_strv_equal ((const char * const *) list->shown, values))
    {
      strv_list_update_buttons (self, list);
      return;
    }

  for (guint i = 0; i < list->rows->len; i++)
    adw_preferences_group_remove (list->group, g_ptr_array_index (list->rows, i));
  g_ptr_array_set_size (list->rows, 0);
  g_ptr_array_set_size (list->buttons, 0);
  adw_preferences_group_remove (list->group, list->add_row);

  g_strfreev (list->shown);
  list->shown = g_strdupv ((char **) values);

  for (guint i = 0; values[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *accessible = NULL;

      if (list->languages)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stk_language_name (values[i]));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values[i]);
          /* Translators: accessible name of a button; %s is a language name */
          accessible = g_strdup_printf (_("Remove %s"), stk_language_name (values[i]));
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), values[i]);
          gtk_widget_set_tooltip_text (button, _("Remove this domain"));
          /* Translators: accessible name of a button; %s is a host name */
          accessible = g_strdup_printf (_("Remove %s"), values[i]);
        }

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      stk_set_accessible_label (button, accessible);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), list->remove_action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (list->group, row);
      g_ptr_array_add (list->rows, row);
      g_ptr_array_add (list->buttons, button);
    }

  adw_preferences_group_add (list->group, list->add_row);
  strv_list_update_buttons (self, list);
}

static void
strv_list_clear (StrvList *list)
{
  g_clear_pointer (&list->rows, g_ptr_array_unref);
  g_clear_pointer (&list->buttons, g_ptr_array_unref);
  g_clear_object (&list->add_row);
  g_clear_pointer (&list->shown, g_strfreev);
}

static void
refresh_default_language (StkPolicyPage *self)
{
  const char * const *languages = self->policy != NULL
                                  ? stk_policy_get_languages (self->policy) : NULL;
  const char *default_language = self->policy != NULL
                                 ? stk_policy_get_default_language (self->policy) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->language_names));
  guint n_languages = languages != NULL ? g_strv_length ((char **) languages) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;
  const char * const *shown;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  self->updating = TRUE;

  for (guint i = 0; i < n_languages; i++)
    {
      /* Translators: a language name, then its code: "Danish (da)" */
      g_ptr_array_add (names, g_strdup_printf (_("%s (%s)"),
                                               stk_language_name (languages[i]), languages[i]));
      if (g_strcmp0 (languages[i], default_language) == 0)
        selected = i;
    }
  g_ptr_array_add (names, NULL);

  shown = (const char * const *) self->language_names_shown;
  if (n != n_languages || shown == NULL
      || !g_strv_equal (shown, (const char * const *) names->pdata))
    {
      gtk_string_list_splice (self->language_names, 0, n, (const char * const *) names->pdata);
      g_strfreev (self->language_names_shown);
      self->language_names_shown = g_strdupv ((char **) names->pdata);
    }

  if (adw_combo_row_get_selected (self->default_language_row) != selected)
    adw_combo_row_set_selected (self->default_language_row, selected);

  self->updating = FALSE;
}

static void
on_default_language_selected (StkPolicyPage *self)
{
  guint selected = adw_combo_row_get_selected (self->default_language_row);
  const char * const *languages;

  if (self->updating || self->policy == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  languages = stk_policy_get_languages (self->policy);
  if (languages == NULL || selected >= g_strv_length ((char **) languages))
    return;

  if (g_strcmp0 (stk_policy_get_default_language (self->policy), languages[selected]) != 0)
    {
      stk_policy_set_default_language (self->policy, languages[selected]);
      stk_seal_history_of (self->policy);
    }
}

static void
on_today_clicked (StkPolicyPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (self->policy == NULL)
    return;

  stk_policy_set_updated (self->policy, today);
  stk_seal_history_of (self->policy);
}

static void
refresh (StkPolicyPage *self)
{
  stk_fields_refresh (self->fields);

  strv_list_refresh (self, &self->languages);
  strv_list_refresh (self, &self->domains);
  refresh_default_language (self);

  stk_text_editor_set_languages (STK_TEXT_EDITOR (self->note_editor),
                                 self->policy != NULL ? stk_policy_get_languages (self->policy)
                                                      : NULL);
}

static void
stk_policy_page_policy_changed (StkEditorPage *page,
                                StkPolicy     *old)
{
  StkPolicyPage *self = STK_POLICY_PAGE (page);

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  self->policy = stk_editor_page_get_policy (page);
  if (self->policy != NULL)
    g_signal_connect_swapped (self->policy, "changed", G_CALLBACK (refresh), self);

  stk_fields_set_object (self->fields, self->policy);
  stk_text_editor_set_text (STK_TEXT_EDITOR (self->note_editor),
                            self->policy != NULL ? stk_policy_get_revision_note (self->policy)
                                                 : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preferences), self->policy != NULL);
  refresh (self);
}

/* The row of the value at the index after segment @i, or the list's entry row without one. */
static gboolean
focus_strv_list (StrvList *list,
                 StkPath  *path,
                 guint     i)
{
  int index = stk_path_get_index (path, i + 1);

  if (index >= 0 && (guint) index < list->rows->len)
    return gtk_widget_grab_focus (g_ptr_array_index (list->rows, index));

  return gtk_widget_grab_focus (list->add_row);
}

/* The members of the policy itself that this page edits, and those of its objects. */
static const struct
{
  const char *member;
  const char *inner;   /* the object's member, or NULL for the member itself */
  gsize       offset;  /* the widget that edits it, or 0 for one found by the member */
} policy_fields[] = {
  { "name", NULL, G_STRUCT_OFFSET (StkPolicyPage, name_row) },
  { "revision", NULL, G_STRUCT_OFFSET (StkPolicyPage, revision_spin) },
  { "updated", NULL, G_STRUCT_OFFSET (StkPolicyPage, updated_row) },
  { "default_language", NULL, G_STRUCT_OFFSET (StkPolicyPage, default_language_row) },
  { "controller", "name", G_STRUCT_OFFSET (StkPolicyPage, controller_name_row) },
  { "controller", "address", G_STRUCT_OFFSET (StkPolicyPage, controller_address_row) },
  { "controller", "cvr", G_STRUCT_OFFSET (StkPolicyPage, controller_cvr_row) },
  { "controller", "email", G_STRUCT_OFFSET (StkPolicyPage, controller_email_row) },
  { "controller", "dpo_name", G_STRUCT_OFFSET (StkPolicyPage, dpo_name_row) },
  { "controller", "dpo_email", G_STRUCT_OFFSET (StkPolicyPage, dpo_email_row) },
  { "controller", NULL, G_STRUCT_OFFSET (StkPolicyPage, controller_name_row) },
  { "consent", "cookie_name", G_STRUCT_OFFSET (StkPolicyPage, cookie_name_row) },
  { "consent", "cookie_domain", G_STRUCT_OFFSET (StkPolicyPage, cookie_domain_row) },
  { "consent", "accept_days", G_STRUCT_OFFSET (StkPolicyPage, accept_days_spin) },
  { "consent", "decline_days", G_STRUCT_OFFSET (StkPolicyPage, decline_days_spin) },
  { "consent", "log_endpoint", G_STRUCT_OFFSET (StkPolicyPage, log_endpoint_row) },
  { "consent", NULL, G_STRUCT_OFFSET (StkPolicyPage, cookie_name_row) },
  { "revision_note", NULL, 0 },
  { "languages", NULL, 0 },
  { "domains", NULL, 0 },
};

/* The policy as a whole (the empty path) and the members above. */
static gboolean
stk_policy_page_iface_owns_path (StkPage *page,
                                 StkPath *path)
{
  if (stk_path_get_n_segments (path) == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (policy_fields); i++)
    if (stk_path_has_name (path, 0, policy_fields[i].member))
      return TRUE;

  return FALSE;
}

/* @path: a finding's path ("name", "controller.email", "consent.accept_days", ...); the name
 * takes the focus for any other. */
static gboolean
stk_policy_page_iface_focus_path (StkPage *page,
                                  StkPath *path)
{
  StkPolicyPage *self = STK_POLICY_PAGE (page);
  guint n = stk_path_get_n_segments (path);

  for (guint i = 0; i < G_N_ELEMENTS (policy_fields); i++)
    {
      const char *inner = policy_fields[i].inner;

      if (policy_fields[i].offset == 0 || !stk_path_has_name (path, 0, policy_fields[i].member))
        continue;
      if (inner == NULL ? n == 1 : n == 2 && stk_path_has_name (path, 1, inner))
        return gtk_widget_grab_focus (G_STRUCT_MEMBER (GtkWidget *, self,
                                                       policy_fields[i].offset));
    }

  if (stk_path_has_name (path, 0, "revision_note"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (self->note_editor),
                                           stk_path_get_name (path, 1));
  if (stk_path_has_name (path, 0, "languages"))
    return focus_strv_list (&self->languages, path, 0);
  if (stk_path_has_name (path, 0, "domains"))
    return focus_strv_list (&self->domains, path, 0);

  return gtk_widget_grab_focus (self->name_row);
}

static void
stk_policy_page_page_init (StkPageInterface *iface)
{
  iface->owns_path = stk_policy_page_iface_owns_path;
  iface->focus_path = stk_policy_page_iface_focus_path;
}

static void
stk_policy_page_dispose (GObject *object)
{
  StkPolicyPage *self = STK_POLICY_PAGE (object);

  G_OBJECT_CLASS (stk_policy_page_parent_class)->dispose (object);

  strv_list_clear (&self->languages);
  strv_list_clear (&self->domains);
}

static void
stk_policy_page_finalize (GObject *object)
{
  StkPolicyPage *self = STK_POLICY_PAGE (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->language_names);
  g_clear_pointer (&self->language_names_shown, g_strfreev);

  G_OBJECT_CLASS (stk_policy_page_parent_class)->finalize (object);
}

static void
stk_policy_page_class_init (StkPolicyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_policy_page_dispose;
  object_class->finalize = stk_policy_page_finalize;
  STK_EDITOR_PAGE_CLASS (klass)->policy_changed = stk_policy_page_policy_changed;

  gtk_widget_class_install_action (widget_class, "policy.remove-language", "u", remove_language);
  gtk_widget_class_install_action (widget_class, "policy.remove-domain", "u", remove_domain);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-policy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, preferences);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, revision_spin);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, updated_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, languages_group);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, default_language_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, controller_name_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, controller_address_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, controller_cvr_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, controller_email_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, dpo_name_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, dpo_email_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, domains_group);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, cookie_name_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, cookie_domain_row);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, accept_days_spin);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, decline_days_spin);
  gtk_widget_class_bind_template_child (widget_class, StkPolicyPage, log_endpoint_row);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_default_language_selected);
}

static void
bind_string (StkPolicyPage *self,
             GtkWidget     *widget,
             StkGetString   get,
             StkSetString   set,
             StkCheck       check)
{
  g_ptr_array_add (self->fields, stk_field_new_string (widget, get, set, check));
}

static void
bind_number (StkPolicyPage *self,
             GtkWidget     *widget,
             StkGetNumber   get,
             StkSetNumber   set)
{
  g_ptr_array_add (self->fields, stk_field_new_number (widget, get, set));
}

static void
stk_policy_page_init (StkPolicyPage *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func (g_object_unref);

  bind_string (self, self->name_row, (StkGetString) stk_policy_get_name,
               (StkSetString) stk_policy_set_name, NULL);
  bind_number (self, self->revision_spin, get_revision, set_revision);
  bind_string (self, self->updated_row, (StkGetString) stk_policy_get_updated,
               (StkSetString) stk_policy_set_updated, stk_check_date);
  bind_string (self, self->controller_name_row, (StkGetString) stk_policy_get_controller_name,
               (StkSetString) stk_policy_set_controller_name, NULL);
  bind_string (self, self->controller_address_row,
               (StkGetString) stk_policy_get_controller_address,
               (StkSetString) stk_policy_set_controller_address, NULL);
  bind_string (self, self->controller_cvr_row, (StkGetString) stk_policy_get_controller_cvr,
               (StkSetString) stk_policy_set_controller_cvr, NULL);
  bind_string (self, self->controller_email_row, (StkGetString) stk_policy_get_controller_email,
               (StkSetString) stk_policy_set_controller_email, stk_check_email);
  bind_string (self, self->dpo_name_row, (StkGetString) stk_policy_get_dpo_name,
               (StkSetString) stk_policy_set_dpo_name, NULL);
  bind_string (self, self->dpo_email_row, (StkGetString) stk_policy_get_dpo_email,
               (StkSetString) stk_policy_set_dpo_email, stk_check_email);
  bind_string (self, self->cookie_name_row, (StkGetString) stk_policy_get_cookie_name,
               (StkSetString) stk_policy_set_cookie_name, NULL);
  bind_string (self, self->cookie_domain_row, (StkGetString) stk_policy_get_cookie_domain,
               (StkSetString) stk_policy_set_cookie_domain, NULL);
  bind_number (self, self->accept_days_spin, get_accept_days, set_accept_days);
  bind_number (self, self->decline_days_spin, get_decline_days, set_decline_days);
  bind_string (self, self->log_endpoint_row, (StkGetString) stk_policy_get_log_endpoint,
               (StkSetString) stk_policy_set_log_endpoint, stk_check_url);

  self->note_editor = stk_text_editor_new (STK_TEXT_EDITOR_LINE, _("What changed"));
  gtk_widget_set_margin_top (self->note_editor, 6);
  adw_preferences_group_add (self->note_group, self->note_editor);

  self->language_names = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->default_language_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->default_language_row, G_LIST_MODEL (self->language_names));

  self->languages.group = self->languages_group;
  self->languages.get = stk_policy_get_languages;
  self->languages.set = stk_policy_set_languages;
  self->languages.check = check_language_code;
  self->languages.languages = TRUE;
  self->languages.remove_action = "policy.remove-language";
  strv_list_init (self, &self->languages, _("Add a language code"));

  self->domains.group = self->domains_group;
  self->domains.get = stk_policy_get_domains;
  self->domains.set = stk_policy_set_domains;
  self->domains.check = check_domain;
  self->domains.remove_action = "policy.remove-domain";
  strv_list_init (self, &self->domains, _("Add a domain"));

  refresh (self);
}
