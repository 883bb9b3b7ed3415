/* stk-categories-page.c — the editor page of the consent categories, in their order
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-categories-page.h"
#include "stk-field.h"
#include "stk-ordered-list.h"
#include "stk-text-editor.h"

/* Explanations of the Consent Mode v2 signals, in the order stk_consent_mode_signals() gives. */
static const struct
{
  const char *signal;
  const char *label;
} signal_labels[] = {
  { "analytics_storage", N_("Analytics storage") },
  { "ad_storage", N_("Advertising storage") },
  { "ad_user_data", N_("Advertising user data") },
  { "ad_personalization", N_("Advertising personalization") },
  { "functionality_storage", N_("Functionality storage") },
  { "personalization_storage", N_("Personalization storage") },
  { "security_storage", N_("Security storage") },
};

/* The widgets of one category's row; owned by the row (object data). */
typedef struct
{
  StkCategoriesPage *page;        /* borrowed */
  StkCategory       *category;    /* owned */
  GtkWidget         *row;         /* borrowed: owns us */
  GtkWidget         *title_label;
  GtkWidget         *id_entry;
  GtkWidget         *title_editor;
  GtkWidget         *description_editor;
  GtkWidget         *required_switch;
  GtkWidget         *signals_box;
  GPtrArray         *checks;      /* borrowed GtkCheckButtons */
  GtkWidget         *up_button;
  GtkWidget         *down_button;
  GtkWidget         *remove_button;
  gboolean           updating;
} CategoryRow;

struct _StkCategoriesPage
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkWidget  *add_button;
  GtkListBox *list_box;

  /* owned */
  StkPolicy  *policy;
  StkList    *categories;
  char      **languages;
};

G_DEFINE_FINAL_TYPE (StkCategoriesPage, stk_categories_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
category_row_free (gpointer data)
{
  CategoryRow *row = data;

  g_clear_object (&row->category);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_free (row);
}

static CategoryRow *
category_row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "stk-category-row");
}

static guint
category_row_position (CategoryRow *row)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (row->page->categories == NULL
      || !stk_list_find (row->page->categories, row->category, &position))
    return GTK_INVALID_LIST_POSITION;

  return position;
}

static void
category_row_refresh (CategoryRow *row)
{
  const char *lang = row->page->policy != NULL
                     ? stk_policy_get_default_language (row->page->policy) : NULL;
  const char *title = stk_text_lookup (stk_category_get_title (row->category), lang);
  g_autofree char *heading = NULL;

  if (title == NULL || *title == '\0')
    title = *stk_category_get_id (row->category) != '\0' ? stk_category_get_id (row->category)
                                                         : _("New category");
  gtk_label_set_text (GTK_LABEL (row->title_label), title);

  stk_field_refresh (row->id_entry);
  stk_field_refresh (row->required_switch);

  row->updating = TRUE;
  for (guint i = 0; i < row->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (row->checks, i);
      const char *signal = g_object_get_data (G_OBJECT (check), "stk-signal");
      gboolean granted = stk_category_has_signal (row->category, signal);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != granted)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), granted);
    }
  row->updating = FALSE;

  /* Translators: accessible name of a category's row; %s is its title */
  heading = g_strdup_printf (_("Category %s"), title);
  stk_set_accessible_label (row->row, heading);
}

static void
on_category_changed (GtkWidget *list_row)
{
  category_row_refresh (category_row_of (list_row));
}

static void
on_signal_toggled (GtkCheckButton *check,
                   CategoryRow    *row)
{
  const char *signal = g_object_get_data (G_OBJECT (check), "stk-signal");
  gboolean active = gtk_check_button_get_active (check);

  if (row->updating || stk_category_has_signal (row->category, signal) == active)
    return;

  stk_category_set_signal (row->category, signal, active);
  stk_seal_history_of (row->category);
}

static void
update_move_buttons (StkCategoriesPage *self)
{
  guint n = self->categories != NULL ? stk_list_get_n (self->categories) : 0;

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->list_box, i);
      CategoryRow *row;

      if (list_row == NULL)
        continue;

      row = category_row_of (GTK_WIDGET (list_row));
      gtk_widget_set_sensitive (row->up_button, i > 0);
      gtk_widget_set_sensitive (row->down_button, i + 1 < n);
    }
}

gboolean
stk_categories_page_move (StkCategoriesPage *self,
                          guint              position,
                          int                delta)
{
  g_return_val_if_fail (STK_IS_CATEGORIES_PAGE (self), FALSE);

  return stk_ordered_list_move (self->categories, position, delta);
}

static void
move_and_keep_focus (CategoryRow *row,
                     int          delta)
{
  StkCategoriesPage *self = row->page;
  guint position = category_row_position (row);
  GtkListBoxRow *moved;
  CategoryRow *moved_row;

  if (position == GTK_INVALID_LIST_POSITION || !stk_categories_page_move (self, position, delta))
    return;

  /* The row was rebuilt at its new place; give the focus back to the same button. */
  moved = gtk_list_box_get_row_at_index (self->list_box, delta < 0 ? position - 1 : position + 1);
  if (moved == NULL)
    return;

  moved_row = category_row_of (GTK_WIDGET (moved));
  stk_ordered_refocus_moved (moved_row->up_button, moved_row->down_button, moved_row->id_entry,
                             delta);
}

static void
on_up_clicked (GtkButton   *button,
               CategoryRow *row)
{
  move_and_keep_focus (row, -1);
}

static void
on_down_clicked (GtkButton   *button,
                 CategoryRow *row)
{
  move_and_keep_focus (row, +1);
}

static gboolean
on_move_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  CategoryRow *row = category_row_of (widget);

  move_and_keep_focus (row, g_variant_get_int32 (args));
  return TRUE;
}

static void
on_remove_clicked (GtkButton   *button,
                   CategoryRow *row)
{
  StkCategoriesPage *self = row->page;
  guint position = category_row_position (row);
  GtkListBoxRow *next;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  stk_list_remove (self->categories, position);
  stk_seal_history_of (self->policy);

  next = gtk_list_box_get_row_at_index (self->list_box, position);
  if (next == NULL && position > 0)
    next = gtk_list_box_get_row_at_index (self->list_box, position - 1);
  if (next != NULL)
    gtk_widget_grab_focus (category_row_of (GTK_WIDGET (next))->remove_button);
  else
    gtk_widget_grab_focus (self->add_button);
}

/* Drag and drop: a row is dragged by its handle and dropped on another row. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 CategoryRow   *row)
{
  return gdk_content_provider_new_typed (STK_TYPE_CATEGORY, row->category);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               CategoryRow   *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row->row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
clear_drop_marks (CategoryRow *row)
{
  gtk_widget_remove_css_class (row->row, "stk-drop-above");
  gtk_widget_remove_css_class (row->row, "stk-drop-below");
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                CategoryRow   *row)
{
  gboolean above = y < gtk_widget_get_height (row->row) / 2.0;

  clear_drop_marks (row);
  gtk_widget_add_css_class (row->row, above ? "stk-drop-above" : "stk-drop-below");

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               CategoryRow   *row)
{
  clear_drop_marks (row);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CategoryRow   *row)
{
  StkCategoriesPage *self = row->page;
  StkCategory *dragged = g_value_get_object (value);
  guint from, to;
  gboolean above = y < gtk_widget_get_height (row->row) / 2.0;

  clear_drop_marks (row);

  if (self->categories == NULL || dragged == NULL
      || !stk_list_find (self->categories, dragged, &from))
    return FALSE;

  to = category_row_position (row);
  if (to == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* Dropping on the lower half of a row puts the category after it. */
  if (!above)
    to++;
  if (from < to)
    to--;
  if (from == to)
    return TRUE;

  stk_list_move (self->categories, from, to);
  stk_seal_history_of (self->categories);

  return TRUE;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StkCategoriesPage *self = user_data;
  StkCategory *category = item;
  CategoryRow *row = g_new0 (CategoryRow, 1);
  const char * const *signals = stk_consent_mode_signals ();
  GtkWidget *list_row, *box, *header, *handle, *grid, *required_box, *required_label;
  GtkDragSource *drag_source;
  GtkDropTarget *drop_target;
  int y = 0;

  row->page = self;
  row->category = g_object_ref (category);
  row->checks = g_ptr_array_new ();

  list_row = gtk_list_box_row_new ();
  row->row = list_row;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  g_object_set_data_full (G_OBJECT (list_row), "stk-category-row", row, category_row_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  /* Header: handle, title, move and remove. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_set_tooltip_text (handle, _("Drag to move"));
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (header), handle);

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
  row->remove_button = stk_ordered_icon_button ("user-trash-symbolic", _("Remove category"));
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), row);
  gtk_box_append (GTK_BOX (header), row->remove_button);
  gtk_box_append (GTK_BOX (box), header);

  /* Fields. */
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  row->id_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (row->id_entry, TRUE);
  stk_field_bind_string (row->id_entry, (StkGetString) stk_category_get_id,
                         (StkSetString) stk_category_set_id, NULL);
  stk_field_set_object (row->id_entry, category);
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("_ID"), row->id_entry), 0, y, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->id_entry, 1, y++, 1, 1);

  row->title_editor = stk_text_editor_new (STK_TEXT_EDITOR_LINE, _("Title"));
  stk_text_editor_set_languages (STK_TEXT_EDITOR (row->title_editor),
                                 (const char * const *) self->languages);
  stk_text_editor_set_text (STK_TEXT_EDITOR (row->title_editor),
                            stk_category_get_title (category));
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("Title"), NULL), 0, y, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->title_editor, 1, y++, 1, 1);

  row->description_editor = stk_text_editor_new (STK_TEXT_EDITOR_PARAGRAPH, _("Description"));
  stk_text_editor_set_languages (STK_TEXT_EDITOR (row->description_editor),
                                 (const char * const *) self->languages);
  stk_text_editor_set_text (STK_TEXT_EDITOR (row->description_editor),
                            stk_category_get_description (category));
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("Description"), NULL), 0, y, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->description_editor, 1, y++, 1, 1);

  required_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row->required_switch = gtk_switch_new ();
  gtk_widget_set_valign (row->required_switch, GTK_ALIGN_CENTER);
  stk_field_bind_boolean (row->required_switch, (StkGetBoolean) stk_category_get_required,
                          (StkSetBoolean) stk_category_set_required);
  stk_field_set_object (row->required_switch, category);
  required_label =
    gtk_label_new (_("Always on: the visitor cannot turn it off (necessary cookies)"));
  gtk_label_set_xalign (GTK_LABEL (required_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (required_label), TRUE);
  gtk_widget_add_css_class (required_label, "dim-label");
  gtk_box_append (GTK_BOX (required_box), row->required_switch);
  gtk_box_append (GTK_BOX (required_box), required_label);
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("_Required"), row->required_switch),
                   0, y, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), required_box, 1, y++, 1, 1);

  row->signals_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (row->signals_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (row->signals_box), 3);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (row->signals_box), 1);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (row->signals_box), TRUE);
  stk_set_accessible_label (row->signals_box, _("Consent Mode signals"));
  for (guint i = 0; signals != NULL && signals[i] != NULL; i++)
    {
      const char *label = signals[i];
      GtkWidget *check;

      for (guint j = 0; j < G_N_ELEMENTS (signal_labels); j++)
        if (g_str_equal (signal_labels[j].signal, signals[i]))
          label = _(signal_labels[j].label);

      check = gtk_check_button_new_with_label (label);
      gtk_widget_set_tooltip_text (check, signals[i]);
      g_object_set_data_full (G_OBJECT (check), "stk-signal", g_strdup (signals[i]), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_signal_toggled), row);
      gtk_flow_box_append (GTK_FLOW_BOX (row->signals_box), check);
      g_ptr_array_add (row->checks, check);
    }
  gtk_grid_attach (GTK_GRID (grid), stk_ordered_caption (_("Consent Mode v2"), NULL), 0, y, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->signals_box, 1, y++, 1, 1);

  /* Moving: drag by the handle, drop on a row; Alt+Up and Alt+Down anywhere in the row. */
  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag_source));

  drop_target = gtk_drop_target_new (STK_TYPE_CATEGORY, GDK_ACTION_MOVE);
  g_signal_connect (drop_target, "motion", G_CALLBACK (on_drop_motion), row);
  g_signal_connect (drop_target, "leave", G_CALLBACK (on_drop_leave), row);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (list_row, GTK_EVENT_CONTROLLER (drop_target));

  stk_ordered_list_add_move_shortcuts (list_row, on_move_shortcut);

  g_signal_connect_object (category, "changed", G_CALLBACK (on_category_changed), list_row,
                           G_CONNECT_SWAPPED);
  category_row_refresh (row);

  return list_row;
}

static void
on_items_changed (StkCategoriesPage *self)
{
  stk_ordered_list_show_state (self->stack, self->categories);
  update_move_buttons (self);
}

static void
on_policy_changed (StkCategoriesPage *self)
{
  const char * const *languages = stk_policy_get_languages (self->policy);
  guint n;

  if (self->languages != NULL && languages != NULL
      && g_strv_equal ((const char * const *) self->languages, languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);

  n = stk_list_get_n (self->categories);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->list_box, i);
      CategoryRow *row = list_row != NULL ? category_row_of (GTK_WIDGET (list_row)) : NULL;

      if (row == NULL)
        continue;

      stk_text_editor_set_languages (STK_TEXT_EDITOR (row->title_editor), languages);
      stk_text_editor_set_languages (STK_TEXT_EDITOR (row->description_editor), languages);
    }
}

void
stk_categories_page_add (StkCategoriesPage *self)
{
  g_autoptr(StkCategory) category = NULL;
  g_autofree char *id = NULL;
  GtkListBoxRow *list_row;
  guint n;

  g_return_if_fail (STK_IS_CATEGORIES_PAGE (self));

  if (self->policy == NULL)
    return;

  for (guint i = 1; id == NULL || stk_policy_find_category (self->policy, id) != NULL; i++)
    {
      g_free (id);
      id = i == 1 ? g_strdup ("category") : g_strdup_printf ("category-%u", i);
    }

  category = stk_category_new ();
  stk_category_set_id (category, id);
  stk_list_append (self->categories, category);
  stk_seal_history_of (self->policy);

  n = stk_list_get_n (self->categories);
  list_row = gtk_list_box_get_row_at_index (self->list_box, n - 1);
  if (list_row != NULL)
    {
      CategoryRow *row = category_row_of (GTK_WIDGET (list_row));

      gtk_widget_grab_focus (row->id_entry);
      gtk_editable_select_region (GTK_EDITABLE (row->id_entry), 0, -1);
    }
}

static void
stk_categories_page_dispose (GObject *object)
{
  StkCategoriesPage *self = STK_CATEGORIES_PAGE (object);

  stk_categories_page_set_policy (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_CATEGORIES_PAGE);

  G_OBJECT_CLASS (stk_categories_page_parent_class)->dispose (object);
}

static void
stk_categories_page_finalize (GObject *object)
{
  StkCategoriesPage *self = STK_CATEGORIES_PAGE (object);

  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (stk_categories_page_parent_class)->finalize (object);
}

static void
stk_categories_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StkCategoriesPage *self = STK_CATEGORIES_PAGE (object);

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
stk_categories_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StkCategoriesPage *self = STK_CATEGORIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      stk_categories_page_set_policy (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_categories_page_class_init (StkCategoriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_categories_page_dispose;
  object_class->finalize = stk_categories_page_finalize;
  object_class->get_property = stk_categories_page_get_property;
  object_class->set_property = stk_categories_page_set_property;

  /**
   * StkCategoriesPage:policy:
   *
   * The policy whose categories the page edits.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         STK_TYPE_POLICY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-categories-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkCategoriesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StkCategoriesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, StkCategoriesPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, stk_categories_page_add);
}

static void
stk_categories_page_init (StkCategoriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stk_pages_ensure_style ();
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
}

GtkWidget *
stk_categories_page_new (void)
{
  return g_object_new (STK_TYPE_CATEGORIES_PAGE, NULL);
}

StkPolicy *
stk_categories_page_get_policy (StkCategoriesPage *self)
{
  g_return_val_if_fail (STK_IS_CATEGORIES_PAGE (self), NULL);

  return self->policy;
}

void
stk_categories_page_set_policy (StkCategoriesPage *self,
                                StkPolicy         *policy)
{
  g_return_if_fail (STK_IS_CATEGORIES_PAGE (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (self->policy == policy)
    return;

  if (policy == NULL)
    stk_drop_focus_within (GTK_WIDGET (self));

  if (self->policy != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->policy, self);
      g_signal_handlers_disconnect_by_data (self->categories, self);
    }
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  g_set_object (&self->policy, policy);
  g_clear_object (&self->categories);
  g_clear_pointer (&self->languages, g_strfreev);

  if (policy != NULL)
    {
      self->categories = g_object_ref (stk_policy_get_categories (policy));
      self->languages = g_strdupv ((char **) stk_policy_get_languages (policy));
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->categories),
                               create_row, self, NULL);
      g_signal_connect_swapped (self->categories, "items-changed",
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
 * stk_categories_page_focus_path:
 * @self: the page
 * @path: a finding's path ("categories[1].title.da")
 *
 * Returns: whether a field was focused
 */
gboolean
stk_categories_page_focus_path (StkCategoriesPage *self,
                                const char        *path)
{
  GtkListBoxRow *list_row;
  CategoryRow *row;
  const char *rest;
  char *end;
  guint64 index;

  g_return_val_if_fail (STK_IS_CATEGORIES_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_str_has_prefix (path, "categories"))
    return FALSE;

  rest = path + strlen ("categories");
  if (*rest != '[')
    return gtk_widget_grab_focus (gtk_widget_get_visible (self->add_button)
                                  && stk_list_get_n (self->categories) > 0
                                  ? self->add_button : GTK_WIDGET (self->stack));

  index = g_ascii_strtoull (rest + 1, &end, 10);
  if (*end != ']')
    return FALSE;
  rest = end + 1;
  if (*rest == '.')
    rest++;

  list_row = gtk_list_box_get_row_at_index (self->list_box, (int) index);
  if (list_row == NULL)
    return FALSE;
  row = category_row_of (GTK_WIDGET (list_row));

  if (g_str_has_prefix (rest, "title"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (row->title_editor),
                                           rest[5] == '.' ? rest + 6 : NULL);
  if (g_str_has_prefix (rest, "description"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (row->description_editor),
                                           rest[11] == '.' ? rest + 12 : NULL);
  if (g_str_has_prefix (rest, "required") || g_str_has_prefix (rest, "preselected"))
    return gtk_widget_grab_focus (row->required_switch);
  if (g_str_has_prefix (rest, "consent_mode") && row->checks->len > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (row->checks, 0));

  return gtk_widget_grab_focus (row->id_entry);
}
