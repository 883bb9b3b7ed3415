/* stk-sections-page.c — the editor page of the declaration page's own sections of prose
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-ordered-list.h"
#include "stk-sections-page.h"
#include "stk-text-editor.h"

/* The widgets of one section's row; owned by the row (object data). */
typedef struct
{
  StkSectionsPage *page;        /* borrowed */
  StkSection      *section;     /* owned */
  GtkWidget       *row;         /* borrowed: owns us */
  GtkWidget       *title_label;
  GtkWidget       *id_entry;
  GtkWidget       *title_editor;
  GtkWidget       *body_editor;
  GtkWidget       *up_button;
  GtkWidget       *down_button;
  GtkWidget       *remove_button;
} SectionRow;

struct _StkSectionsPage
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkWidget  *add_button;
  GtkListBox *list_box;

  /* owned */
  StkPolicy  *policy;
  StkList    *sections;
  char      **languages;
};

G_DEFINE_FINAL_TYPE (StkSectionsPage, stk_sections_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
section_row_free (gpointer data)
{
  SectionRow *row = data;

  g_clear_object (&row->section);
  g_free (row);
}

static SectionRow *
section_row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "stk-section-row");
}

static SectionRow *
section_row_at (StkSectionsPage *self,
                guint            position)
{
  GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->list_box, (int) position);

  return list_row != NULL ? section_row_of (GTK_WIDGET (list_row)) : NULL;
}

static guint
section_row_position (SectionRow *row)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (row->page->sections == NULL || !stk_list_find (row->page->sections, row->section, &position))
    return GTK_INVALID_LIST_POSITION;

  return position;
}

static void
section_row_refresh (SectionRow *row)
{
  const char *lang = row->page->policy != NULL
                     ? stk_policy_get_default_language (row->page->policy) : NULL;
  const char *title = stk_text_lookup (stk_section_get_title (row->section), lang);
  g_autofree char *accessible = NULL;

  if (title == NULL || *title == '\0')
    title = *stk_section_get_id (row->section) != '\0' ? stk_section_get_id (row->section)
                                                       : _("New section");
  gtk_label_set_text (GTK_LABEL (row->title_label), title);
  stk_field_refresh (row->id_entry);

  /* Translators: accessible name of a section's row; %s is its title */
  accessible = g_strdup_printf (_("Section %s"), title);
  stk_set_accessible_label (row->row, accessible);
}

static void
on_section_changed (GtkWidget *list_row)
{
  section_row_refresh (section_row_of (list_row));
}

static void
update_move_buttons (StkSectionsPage *self)
{
  guint n = self->sections != NULL ? stk_list_get_n (self->sections) : 0;

  for (guint i = 0; i < n; i++)
    {
      SectionRow *row = section_row_at (self, i);

      if (row == NULL)
        continue;

      gtk_widget_set_sensitive (row->up_button, i > 0);
      gtk_widget_set_sensitive (row->down_button, i + 1 < n);
    }
}

gboolean
stk_sections_page_move (StkSectionsPage *self,
                        guint            position,
                        int              delta)
{
  g_return_val_if_fail (STK_IS_SECTIONS_PAGE (self), FALSE);

  return stk_ordered_list_move (self->sections, position, delta);
}

static void
move_and_keep_focus (SectionRow *row,
                     int         delta)
{
  StkSectionsPage *self = row->page;
  guint position = section_row_position (row);
  SectionRow *moved;

  if (position == GTK_INVALID_LIST_POSITION || !stk_sections_page_move (self, position, delta))
    return;

  /* The row was rebuilt at its new place; give the focus back to the same button. */
  moved = section_row_at (self, delta < 0 ? position - 1 : position + 1);
  if (moved == NULL)
    return;

  stk_ordered_refocus_moved (moved->up_button, moved->down_button, moved->id_entry, delta);
}

static void
on_up_clicked (GtkButton  *button,
               SectionRow *row)
{
  move_and_keep_focus (row, -1);
}

static void
on_down_clicked (GtkButton  *button,
                 SectionRow *row)
{
  move_and_keep_focus (row, +1);
}

static gboolean
on_move_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  move_and_keep_focus (section_row_of (widget), g_variant_get_int32 (args));
  return TRUE;
}

static void
on_remove_clicked (GtkButton  *button,
                   SectionRow *row)
{
  StkSectionsPage *self = row->page;
  guint position = section_row_position (row);
  SectionRow *next;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  stk_list_remove (self->sections, position);
  stk_seal_history_of (self->policy);

  next = section_row_at (self, position);
  if (next == NULL && position > 0)
    next = section_row_at (self, position - 1);
  gtk_widget_grab_focus (next != NULL ? next->remove_button : self->add_button);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StkSectionsPage *self = user_data;
  StkSection *section = item;
  SectionRow *row = g_new0 (SectionRow, 1);
  GtkWidget *list_row, *box, *header, *grid;

  row->page = self;
  row->section = g_object_ref (section);

  list_row = gtk_list_box_row_new ();
  row->row = list_row;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  g_object_set_data_full (G_OBJECT (list_row), "stk-section-row", row, section_row_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (row->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (row->title_label, TRUE);
  gtk_widget_add_css_class (row->title_label, "heading");
  gtk_box_append (GTK_BOX (header), row->title_label);

  row->up_button = stk_ordered_icon_button ("go-up-symbolic", _("Move up (Alt+Up)"));
  g_signal_connect (row->up_button, "clicked", G_CALLBACK (on_up_clicked), row);
  gtk_box_append (GTK_BOX (header), row->up_button);
  row->down_button = stk_ordered_icon_button ("go-down-symbolic", _("Move down (Alt+Down)"));
  g_signal_connect (row->down_button, "clicked", G_CALLBACK (on_down_clicked), row);
  gtk_box_append (GTK_BOX (header), row->down_button);
  row->remove_button = stk_ordered_icon_button ("user-trash-symbolic", _("Remove section"));
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), row);
  gtk_box_append (GTK_BOX (header), row->remove_button);
  gtk_box_append (GTK_BOX (box), header);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  row->id_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (row->id_entry, TRUE);
  stk_field_bind_string (row->id_entry, (StkGetString) stk_section_get_id,
                         (StkSetString) stk_section_set_id, NULL);
  stk_field_set_object (row->id_entry, section);
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("_ID"), row->id_entry), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->id_entry, 1, 0, 1, 1);

  row->title_editor = stk_text_editor_new (STK_TEXT_EDITOR_LINE, _("Title"));
  stk_text_editor_set_languages (STK_TEXT_EDITOR (row->title_editor),
                                 (const char * const *) self->languages);
  stk_text_editor_set_text (STK_TEXT_EDITOR (row->title_editor), stk_section_get_title (section));
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("Title"), NULL), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->title_editor, 1, 1, 1, 1);

  row->body_editor = stk_text_editor_new (STK_TEXT_EDITOR_PARAGRAPH, _("Text"));
  stk_text_editor_set_languages (STK_TEXT_EDITOR (row->body_editor),
                                 (const char * const *) self->languages);
  stk_text_editor_set_text (STK_TEXT_EDITOR (row->body_editor), stk_section_get_body (section));
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("Text"), NULL), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->body_editor, 1, 2, 1, 1);

  stk_ordered_list_add_move_shortcuts (list_row, on_move_shortcut);

  g_signal_connect_object (section, "changed", G_CALLBACK (on_section_changed), list_row,
                           G_CONNECT_SWAPPED);
  section_row_refresh (row);

  return list_row;
}

static void
on_items_changed (StkSectionsPage *self)
{
  stk_ordered_list_show_state (self->stack, self->sections);
  update_move_buttons (self);
}

static void
on_policy_changed (StkSectionsPage *self)
{
  const char * const *languages = stk_policy_get_languages (self->policy);
  guint n;

  if (self->languages != NULL && languages != NULL
      && g_strv_equal ((const char * const *) self->languages, languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);

  n = stk_list_get_n (self->sections);
  for (guint i = 0; i < n; i++)
    {
      SectionRow *row = section_row_at (self, i);

      if (row == NULL)
        continue;

      stk_text_editor_set_languages (STK_TEXT_EDITOR (row->title_editor), languages);
      stk_text_editor_set_languages (STK_TEXT_EDITOR (row->body_editor), languages);
    }
}

void
stk_sections_page_add (StkSectionsPage *self)
{
  g_autoptr(StkSection) section = NULL;
  g_autofree char *id = NULL;
  SectionRow *row;
  guint n;

  g_return_if_fail (STK_IS_SECTIONS_PAGE (self));

  if (self->policy == NULL)
    return;

  n = stk_list_get_n (self->sections);
  for (guint i = 1; id == NULL; i++)
    {
      gboolean taken = FALSE;

      id = i == 1 ? g_strdup ("section") : g_strdup_printf ("section-%u", i);
      for (guint j = 0; j < n && !taken; j++)
        taken = g_strcmp0 (stk_section_get_id (stk_list_peek (self->sections, j)), id) == 0;
      if (taken)
        g_clear_pointer (&id, g_free);
    }

  section = stk_section_new ();
  stk_section_set_id (section, id);
  stk_list_append (self->sections, section);
  stk_seal_history_of (self->policy);

  row = section_row_at (self, stk_list_get_n (self->sections) - 1);
  if (row != NULL)
    {
      gtk_widget_grab_focus (row->id_entry);
      gtk_editable_select_region (GTK_EDITABLE (row->id_entry), 0, -1);
    }
}

static void
stk_sections_page_dispose (GObject *object)
{
  StkSectionsPage *self = STK_SECTIONS_PAGE (object);

  stk_sections_page_set_policy (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_SECTIONS_PAGE);

  G_OBJECT_CLASS (stk_sections_page_parent_class)->dispose (object);
}

static void
stk_sections_page_finalize (GObject *object)
{
  StkSectionsPage *self = STK_SECTIONS_PAGE (object);

  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (stk_sections_page_parent_class)->finalize (object);
}

static void
stk_sections_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StkSectionsPage *self = STK_SECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_sections_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StkSectionsPage *self = STK_SECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      stk_sections_page_set_policy (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_sections_page_class_init (StkSectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_sections_page_dispose;
  object_class->finalize = stk_sections_page_finalize;
  object_class->get_property = stk_sections_page_get_property;
  object_class->set_property = stk_sections_page_set_property;

  /**
   * StkSectionsPage:policy:
   *
   * The policy whose sections the page edits.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         STK_TYPE_POLICY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-sections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkSectionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StkSectionsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, StkSectionsPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, stk_sections_page_add);
}

static void
stk_sections_page_init (StkSectionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stk_pages_ensure_style ();
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
}

GtkWidget *
stk_sections_page_new (void)
{
  return g_object_new (STK_TYPE_SECTIONS_PAGE, NULL);
}

StkPolicy *
stk_sections_page_get_policy (StkSectionsPage *self)
{
  g_return_val_if_fail (STK_IS_SECTIONS_PAGE (self), NULL);

  return self->policy;
}

void
stk_sections_page_set_policy (StkSectionsPage *self,
                              StkPolicy       *policy)
{
  g_return_if_fail (STK_IS_SECTIONS_PAGE (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (self->policy == policy)
    return;

  if (policy == NULL)
    stk_drop_focus_within (GTK_WIDGET (self));

  if (self->policy != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->policy, self);
      g_signal_handlers_disconnect_by_data (self->sections, self);
    }
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  g_set_object (&self->policy, policy);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->languages, g_strfreev);

  if (policy != NULL)
    {
      self->sections = g_object_ref (stk_policy_get_sections (policy));
      self->languages = g_strdupv ((char **) stk_policy_get_languages (policy));
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sections),
                               create_row, self, NULL);
      g_signal_connect_swapped (self->sections, "items-changed",
                                G_CALLBACK (on_items_changed), self);
      g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);
    }

  if (self->stack != NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), policy != NULL);
      on_items_changed (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

/**
 * stk_sections_page_focus_path:
 * @self: the page
 * @path: a finding's path ("sections[0].body.en")
 *
 * Returns: whether a field was focused
 */
gboolean
stk_sections_page_focus_path (StkSectionsPage *self,
                              const char      *path)
{
  SectionRow *row;
  const char *rest;
  char *end;
  guint64 index;

  g_return_val_if_fail (STK_IS_SECTIONS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_str_has_prefix (path, "sections") || self->sections == NULL)
    return FALSE;

  rest = path + strlen ("sections");
  if (*rest != '[')
    return gtk_widget_grab_focus (self->add_button);

  index = g_ascii_strtoull (rest + 1, &end, 10);
  if (*end != ']')
    return FALSE;
  rest = end + 1;
  if (*rest == '.')
    rest++;

  row = section_row_at (self, (guint) index);
  if (row == NULL)
    return FALSE;

  if (g_str_has_prefix (rest, "title"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (row->title_editor),
                                           rest[5] == '.' ? rest + 6 : NULL);
  if (g_str_has_prefix (rest, "body"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (row->body_editor),
                                           rest[4] == '.' ? rest + 5 : NULL);

  return gtk_widget_grab_focus (row->id_entry);
}
