/* stk-provider-detail.c — every field of one provider: who, what for, cookies, agreement
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-embed-row.h"
#include "stk-field.h"
#include "stk-provider-detail.h"
#include "stk-text-editor.h"

struct _StkProviderDetail
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkStack       *stack;
  GtkWidget      *scroller;
  GtkWidget      *name_row;
  GtkWidget      *id_row;
  AdwComboRow    *category_row;
  GtkWidget      *country_row;
  GtkWidget      *outside_eea_switch;
  StkTextEditor  *purpose_editor;
  StkCookieTable *cookie_table;
  StkTextEditor  *website_editor;
  StkTextEditor  *privacy_editor;
  GtkWidget      *dpa_switch;
  GtkWidget      *dpa_date_row;
  GtkWidget      *add_embed_button;
  GtkListBox     *embeds_list;

  /* owned */
  StkPolicy      *policy;
  StkProvider    *provider;
  GPtrArray      *fields;          /* StkFields of the provider's own fields */
  GtkStringList  *category_titles;
  char          **category_ids;
  char          **languages;

  gboolean        folded;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (StkProviderDetail, stk_provider_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
check_country (const char *value)
{
  if (value == NULL || *value == '\0')
    return NULL;

  if (strlen (value) != 2 || !g_ascii_isupper (value[0]) || !g_ascii_isupper (value[1]))
    return _("Write the two-letter country code in capitals, such as DK, SE or US");

  return NULL;
}

/* Category drop-down ---------------------------------------------------------------------- */

static void
refresh_categories (StkProviderDetail *self)
{
  StkList *categories = self->policy != NULL ? stk_policy_get_categories (self->policy) : NULL;
  guint n = categories != NULL ? stk_list_get_n (categories) : 0;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) new_ids = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->category_titles));
  gboolean same = old_n == n && self->category_ids != NULL;

  for (guint i = 0; i < n; i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      const char *id = stk_category_get_id (category);
      const char *title = stk_category_title (self->policy, id);

      g_ptr_array_add (titles, (gpointer) title);
      g_strv_builder_add (ids, id);
      if (same && (g_strcmp0 (self->category_ids[i], id) != 0
                   || g_strcmp0 (gtk_string_list_get_string (self->category_titles, i),
                                 title) != 0))
        same = FALSE;
      if (self->provider != NULL && g_strcmp0 (id, stk_provider_get_category (self->provider)) == 0)
        selected = i;
    }
  g_ptr_array_add (titles, NULL);
  new_ids = g_strv_builder_end (ids);

  self->updating = TRUE;
  if (!same)
    {
      gtk_string_list_splice (self->category_titles, 0, old_n,
                              (const char * const *) titles->pdata);
      g_strfreev (self->category_ids);
      self->category_ids = g_steal_pointer (&new_ids);
    }
  if (adw_combo_row_get_selected (self->category_row) != selected)
    adw_combo_row_set_selected (self->category_row, selected);
  self->updating = FALSE;

  if (self->provider != NULL && selected == GTK_INVALID_LIST_POSITION)
    {
      const char *id = stk_provider_get_category (self->provider);
      /* Translators: %s is a category id that no category has */
      g_autofree char *message = g_strdup_printf (_("No category has the id “%s”"), id);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), message);
      gtk_widget_add_css_class (GTK_WIDGET (self->category_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->category_row), "error");
    }
}

static void
on_category_selected (StkProviderDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->updating || self->provider == NULL || self->category_ids == NULL
      || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (self->category_ids))
    return;

  if (g_strcmp0 (stk_provider_get_category (self->provider), self->category_ids[selected]) != 0)
    {
      stk_provider_set_category (self->provider, self->category_ids[selected]);
      stk_seal_history_of (self->provider);
    }
}

/* Embedded content ----------------------------------------------------------------------- */

static GtkWidget *
create_embed_row (gpointer item,
                  gpointer user_data)
{
  StkProviderDetail *self = user_data;

  return stk_embed_row_new (item, (const char * const *) self->languages);
}

static void
bind_embeds (StkProviderDetail *self)
{
  if (self->provider != NULL)
    gtk_list_box_bind_model (self->embeds_list,
                             G_LIST_MODEL (stk_provider_get_embeds (self->provider)),
                             create_embed_row, self, NULL);
  else
    gtk_list_box_bind_model (self->embeds_list, NULL, NULL, NULL, NULL);
}

/* Adds embedded content with the provider's id and puts the cursor in its id. */
void
stk_provider_detail_add_embed (StkProviderDetail *self)
{
  g_autoptr(StkEmbed) embed = NULL;
  StkList *embeds;
  GtkListBoxRow *row;

  g_return_if_fail (STK_IS_PROVIDER_DETAIL (self));

  if (self->provider == NULL)
    return;

  embeds = stk_provider_get_embeds (self->provider);
  embed = stk_embed_new ();
  stk_embed_set_id (embed, stk_provider_get_id (self->provider));
  stk_list_append (embeds, embed);
  stk_seal_history_of (self->provider);

  row = gtk_list_box_get_row_at_index (self->embeds_list, stk_list_get_n (embeds) - 1);
  if (row != NULL)
    stk_embed_row_focus_id (STK_EMBED_ROW (row));
}

/* The provider ---------------------------------------------------------------------------- */

static void
refresh (StkProviderDetail *self)
{
  stk_fields_refresh (self->fields);
  refresh_categories (self);
}

/* Shows and edits @provider, or the state of none chosen. */
void
stk_provider_detail_set_provider (StkProviderDetail *self,
                                  StkProvider       *provider)
{
  g_return_if_fail (STK_IS_PROVIDER_DETAIL (self));

  if (self->provider == provider)
    return;

  if (self->provider != NULL)
    g_signal_handlers_disconnect_by_func (self->provider, refresh, self);
  if (provider == NULL)
    stk_drop_focus_within (GTK_WIDGET (self));
  g_set_object (&self->provider, provider);

  stk_fields_set_object (self->fields, provider);
  stk_text_editor_set_text (self->purpose_editor,
                            provider != NULL ? stk_provider_get_purpose (provider) : NULL);
  stk_text_editor_set_text (self->website_editor,
                            provider != NULL ? stk_provider_get_website (provider) : NULL);
  stk_text_editor_set_text (self->privacy_editor,
                            provider != NULL ? stk_provider_get_privacy_policy (provider) : NULL);
  bind_embeds (self);
  stk_cookie_table_set_provider (self->cookie_table, provider);

  if (provider != NULL)
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);

      g_signal_connect_swapped (provider, "changed", G_CALLBACK (refresh), self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
    }

  gtk_stack_set_visible_child_name (self->stack, provider != NULL ? "detail" : "none");
  refresh (self);
}

static void
on_policy_changed (StkProviderDetail *self)
{
  const char * const *languages = stk_policy_get_languages (self->policy);

  if (self->languages == NULL || languages == NULL
      || !g_strv_equal ((const char * const *) self->languages, languages))
    {
      g_strfreev (self->languages);
      self->languages = g_strdupv ((char **) languages);
      stk_text_editor_set_languages (self->purpose_editor, languages);
      stk_text_editor_set_languages (self->website_editor, languages);
      stk_text_editor_set_languages (self->privacy_editor, languages);
      stk_cookie_table_set_languages (self->cookie_table, languages);
      bind_embeds (self);
    }

  refresh_categories (self);
}

/**
 * stk_provider_detail_set_policy:
 * @self: the details
 * @policy: (nullable): the policy of the providers to show
 *
 * Shows no provider, in the languages and with the categories of @policy.
 */
void
stk_provider_detail_set_policy (StkProviderDetail *self,
                                StkPolicy         *policy)
{
  g_return_if_fail (STK_IS_PROVIDER_DETAIL (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (self->policy == policy)
    return;

  stk_provider_detail_set_provider (self, NULL);
  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  g_set_object (&self->policy, policy);
  if (policy != NULL)
    {
      g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);
      on_policy_changed (self);
    }
}

StkCookieTable *
stk_provider_detail_get_cookie_table (StkProviderDetail *self)
{
  g_return_val_if_fail (STK_IS_PROVIDER_DETAIL (self), NULL);

  return self->cookie_table;
}

void
stk_provider_detail_focus_name (StkProviderDetail *self)
{
  g_return_if_fail (STK_IS_PROVIDER_DETAIL (self));

  gtk_widget_grab_focus (self->name_row);
}

/* The embed at the index after segment @i, or the add button without one. */
static gboolean
focus_embed (StkProviderDetail *self,
             StkPath           *path,
             guint              i)
{
  GtkListBoxRow *row = NULL;
  int index = stk_path_get_index (path, i + 1);

  if (index >= 0)
    row = gtk_list_box_get_row_at_index (self->embeds_list, index);
  if (row == NULL)
    return gtk_widget_grab_focus (self->add_embed_button);

  return stk_embed_row_focus_path (STK_EMBED_ROW (row), path, i + 2);
}

/**
 * stk_provider_detail_focus_path:
 * @self: the details
 * @path: a finding's path ("providers[2].cookies[1].purpose.en", "providers[2].website")
 * @i: the segment after the provider's own ("cookies", "website"); past the end for the
 *   provider itself
 *
 * Returns: whether something was focused
 */
gboolean
stk_provider_detail_focus_path (StkProviderDetail *self,
                                StkPath           *path,
                                guint              i)
{
  static const struct
  {
    const char *member;
    gsize       offset;
  } rows[] = {
    { "id", G_STRUCT_OFFSET (StkProviderDetail, id_row) },
    { "category", G_STRUCT_OFFSET (StkProviderDetail, category_row) },
    { "dpa", G_STRUCT_OFFSET (StkProviderDetail, dpa_switch) },
    { "country", G_STRUCT_OFFSET (StkProviderDetail, country_row) },
    { "outside_eea", G_STRUCT_OFFSET (StkProviderDetail, outside_eea_switch) },
  };
  static const struct
  {
    const char *member;
    gsize       offset;
  } texts[] = {
    { "purpose", G_STRUCT_OFFSET (StkProviderDetail, purpose_editor) },
    { "website", G_STRUCT_OFFSET (StkProviderDetail, website_editor) },
    { "privacy_policy", G_STRUCT_OFFSET (StkProviderDetail, privacy_editor) },
  };
  g_return_val_if_fail (STK_IS_PROVIDER_DETAIL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (stk_path_has_name (path, i, "cookies"))
    return stk_cookie_table_focus_path (self->cookie_table, path, i);
  if (stk_path_has_name (path, i, "embeds"))
    return focus_embed (self, path, i);
  /* The date cannot take the focus while there is no agreement. */
  if (stk_path_has_name (path, i, "dpa_date"))
    return gtk_widget_grab_focus (self->dpa_date_row) || gtk_widget_grab_focus (self->dpa_switch);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    if (stk_path_has_name (path, i, texts[t].member))
      return stk_text_editor_focus_language (G_STRUCT_MEMBER (StkTextEditor *, self,
                                                              texts[t].offset),
                                             stk_path_get_name (path, i + 1));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    if (stk_path_has_name (path, i, rows[r].member))
      return gtk_widget_grab_focus (G_STRUCT_MEMBER (GtkWidget *, self, rows[r].offset));

  return gtk_widget_grab_focus (self->name_row);
}

static void
stk_provider_detail_dispose (GObject *object)
{
  StkProviderDetail *self = STK_PROVIDER_DETAIL (object);

  stk_provider_detail_set_policy (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_PROVIDER_DETAIL);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->category_titles);

  G_OBJECT_CLASS (stk_provider_detail_parent_class)->dispose (object);
}

static void
stk_provider_detail_finalize (GObject *object)
{
  StkProviderDetail *self = STK_PROVIDER_DETAIL (object);

  g_clear_pointer (&self->category_ids, g_strfreev);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (stk_provider_detail_parent_class)->finalize (object);
}

static void
stk_provider_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StkProviderDetail *self = STK_PROVIDER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_provider_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StkProviderDetail *self = STK_PROVIDER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_provider_detail_class_init (StkProviderDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_provider_detail_dispose;
  object_class->finalize = stk_provider_detail_finalize;
  object_class->get_property = stk_provider_detail_get_property;
  object_class->set_property = stk_provider_detail_set_property;

  /**
   * StkProviderDetail:folded:
   *
   * Whether the details are shown without the list beside them, and so offer the way back.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STK_TYPE_TEXT_EDITOR);
  g_type_ensure (STK_TYPE_COOKIE_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-provider-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, id_row);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, category_row);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, country_row);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, outside_eea_switch);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, purpose_editor);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, cookie_table);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, website_editor);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, privacy_editor);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, dpa_switch);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, dpa_date_row);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, add_embed_button);
  gtk_widget_class_bind_template_child (widget_class, StkProviderDetail, embeds_list);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
  gtk_widget_class_bind_template_callback (widget_class, stk_provider_detail_add_embed);
}

static void
stk_provider_detail_init (StkProviderDetail *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->fields,
                   stk_field_new_string (self->name_row, (StkGetString) stk_provider_get_name,
                                         (StkSetString) stk_provider_set_name, NULL));
  g_ptr_array_add (self->fields,
                   stk_field_new_string (self->id_row, (StkGetString) stk_provider_get_id,
                                         (StkSetString) stk_provider_set_id, NULL));
  g_ptr_array_add (self->fields,
                   stk_field_new_string (self->country_row,
                                         (StkGetString) stk_provider_get_country,
                                         (StkSetString) stk_provider_set_country,
                                         check_country));
  g_ptr_array_add (self->fields,
                   stk_field_new_boolean (self->outside_eea_switch,
                                          (StkGetBoolean) stk_provider_get_outside_eea,
                                          (StkSetBoolean) stk_provider_set_outside_eea));
  g_ptr_array_add (self->fields,
                   stk_field_new_boolean (self->dpa_switch, (StkGetBoolean) stk_provider_get_dpa,
                                          (StkSetBoolean) stk_provider_set_dpa));
  g_ptr_array_add (self->fields,
                   stk_field_new_string (self->dpa_date_row,
                                         (StkGetString) stk_provider_get_dpa_date,
                                         (StkSetString) stk_provider_set_dpa_date,
                                         stk_check_date));

  self->category_titles = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->category_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (self->category_titles));

  gtk_stack_set_visible_child_name (self->stack, "none");
  refresh (self);
}
