/* stk-text-editor.c — edits a localized text: one field per policy language, side by side
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-text-editor.h"

typedef struct
{
  char      *lang;      /* STK_TEXT_ANY_LANGUAGE for a URL held once */
  GtkWidget *box;       /* borrowed: child of the editor */
  GtkWidget *caption;
  GtkWidget *field;     /* GtkEntry or GtkTextView */
  GtkWidget *frame;     /* around a text view; NULL for entries */
  gboolean   missing;
} Column;

struct _StkTextEditor
{
  GtkWidget           parent_instance;

  /* owned */
  StkText            *text;
  char              **languages;
  char               *label;
  char               *placeholder;
  GPtrArray          *columns;

  StkTextEditorStyle  style;
  gboolean            captions;
  gboolean            uniform;     /* a URL held once for every language */
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (StkTextEditor, stk_text_editor, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (StkTextEditorStyle, stk_text_editor_style,
                    G_DEFINE_ENUM_VALUE (STK_TEXT_EDITOR_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (STK_TEXT_EDITOR_PARAGRAPH, "paragraph"),
                    G_DEFINE_ENUM_VALUE (STK_TEXT_EDITOR_URL, "url"))

enum {
  PROP_0,
  PROP_STYLE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->lang);
  g_free (column);
}

static gboolean
is_right_to_left (const char *lang)
{
  static const char * const rtl[] = { "ar", "fa", "he", "ur", "yi", "ps", "ku", NULL };

  return lang != NULL && g_strv_contains (rtl, lang);
}

static gboolean
text_holds_uniform (StkText *text)
{
  const char *any;

  if (text == NULL)
    return TRUE;

  any = stk_text_get (text, STK_TEXT_ANY_LANGUAGE);

  return (any != NULL && *any != '\0') || stk_text_is_empty (text);
}

static char *
column_get_value (Column *column)
{
  if (GTK_IS_TEXT_VIEW (column->field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (column->field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (column->field)));
}

static void
column_set_value (Column     *column,
                  const char *value)
{
  g_autofree char *current = column_get_value (column);

  if (g_strcmp0 (current, value) == 0)
    return;

  if (GTK_IS_TEXT_VIEW (column->field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (column->field)), value, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (column->field), value);
}

static void
column_set_missing (StkTextEditor *self,
                    Column        *column,
                    gboolean       missing)
{
  GtkWidget *marked = column->frame != NULL ? column->frame : column->field;

  if (column->missing == missing)
    return;

  column->missing = missing;

  if (missing)
    {
      gtk_widget_add_css_class (marked, "stk-missing");
      if (GTK_IS_ENTRY (column->field))
        {
          gtk_entry_set_icon_from_icon_name (GTK_ENTRY (column->field), GTK_ENTRY_ICON_SECONDARY,
                                             "dialog-warning-symbolic");
          gtk_entry_set_icon_tooltip_text (GTK_ENTRY (column->field), GTK_ENTRY_ICON_SECONDARY,
                                           _("Missing translation"));
        }
      gtk_widget_set_tooltip_text (marked, _("Missing translation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (column->field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Missing translation"),
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (marked, "stk-missing");
      if (GTK_IS_ENTRY (column->field))
        gtk_entry_set_icon_from_icon_name (GTK_ENTRY (column->field), GTK_ENTRY_ICON_SECONDARY,
                                           NULL);
      gtk_widget_set_tooltip_text (marked, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (column->field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  if (column->caption != NULL)
    {
      if (missing)
        gtk_widget_add_css_class (column->caption, "warning");
      else
        gtk_widget_remove_css_class (column->caption, "warning");
    }
}

static void
refresh (StkTextEditor *self)
{
  self->updating = TRUE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      const char *value = self->text != NULL ? stk_text_get (self->text, column->lang) : NULL;
      gboolean missing = FALSE;

      column_set_value (column, value != NULL ? value : "");

      if (self->style == STK_TEXT_EDITOR_URL)
        {
          g_autofree char *current = column_get_value (column);
          stk_mark_invalid (column->field, stk_check_url (current));
        }
      else if (self->text != NULL && *column->lang != '\0')
        {
          missing = stk_text_is_missing (self->text, column->lang);
        }

      column_set_missing (self, column, missing);
    }

  self->updating = FALSE;
}

static Column *
find_column_of_field (StkTextEditor *self,
                      GObject       *field)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if ((GObject *) column->field == field
          || (GTK_IS_TEXT_VIEW (column->field)
              && (GObject *) gtk_text_view_get_buffer (GTK_TEXT_VIEW (column->field)) == field))
        return column;
    }

  return NULL;
}

static void
on_field_changed (GObject       *field,
                  StkTextEditor *self)
{
  Column *column = find_column_of_field (self, field);
  g_autofree char *value = NULL;

  if (column == NULL)
    return;

  value = column_get_value (column);

  if (self->style == STK_TEXT_EDITOR_URL)
    stk_mark_invalid (column->field, stk_check_url (value));

  if (self->updating || self->text == NULL)
    return;

  if (g_strcmp0 (stk_text_get (self->text, column->lang), value) != 0
      && !(*value == '\0' && stk_text_get (self->text, column->lang) == NULL))
    stk_text_set (self->text, column->lang, value);
}

static void
on_field_focus_leave (StkTextEditor *self)
{
  if (self->text != NULL)
    stk_seal_history_of (self->text);
}

/* Grows the paragraph field with its text, as far as a limit, once the text is laid out. */
static void
on_paragraph_height_changed (GtkAdjustment     *adjustment,
                             GParamSpec        *pspec,
                             GtkScrolledWindow *scroller)
{
  int height = CLAMP ((int) gtk_adjustment_get_upper (adjustment) + 4, 64, 320);

  if (gtk_scrolled_window_get_min_content_height (scroller) != height)
    gtk_scrolled_window_set_min_content_height (scroller, height);
}

static char *
describe (StkTextEditor *self,
          const char    *lang)
{
  const char *label = self->label != NULL ? self->label : "";

  if (*lang == '\0')
    /* Translators: an accessible name: the field's label, then "all languages" */
    return g_strdup_printf (_("%s, all languages"), label);

  /* Translators: an accessible name: the field's label, then the language name */
  return g_strdup_printf (_("%s, %s"), label, stk_language_name (lang));
}

static void
add_column (StkTextEditor *self,
            const char    *lang)
{
  Column *column = g_new0 (Column, 1);
  g_autofree char *accessible = describe (self, lang);
  GtkEventController *focus;
  GtkWidget *marked;

  column->lang = g_strdup (lang);
  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (column->box, TRUE);

  if (self->captions)
    {
      column->caption = gtk_label_new (*lang == '\0' ? _("All languages")
                                                     : stk_language_name (lang));
      gtk_label_set_xalign (GTK_LABEL (column->caption), 0.0);
      gtk_widget_add_css_class (column->caption, "caption");
      gtk_widget_add_css_class (column->caption, "dim-label");
      gtk_box_append (GTK_BOX (column->box), column->caption);
    }

  if (self->style == STK_TEXT_EDITOR_PARAGRAPH)
    {
      GtkTextBuffer *buffer;
      GtkWidget *scroller;

      column->field = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (column->field), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (column->field), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (column->field), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (column->field), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (column->field), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (column->field), 8);
      gtk_widget_add_css_class (column->field, "stk-paragraph");

      /* A text view only learns its height once laid out in a scrolled window; this one grows
       * with the text up to a limit, then scrolls. */
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 64);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column->field);
      g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column->field)),
                               "notify::upper", G_CALLBACK (on_paragraph_height_changed),
                               scroller, 0);

      column->frame = gtk_frame_new (NULL);
      gtk_widget_add_css_class (column->frame, "stk-paragraph-frame");
      gtk_frame_set_child (GTK_FRAME (column->frame), scroller);
      gtk_box_append (GTK_BOX (column->box), column->frame);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (column->field));
      g_signal_connect (buffer, "changed", G_CALLBACK (on_field_changed), self);
    }
  else
    {
      column->field = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (column->field),
                                      self->placeholder != NULL ? self->placeholder
                                      : self->captions ? NULL
                                      : *lang == '\0' ? _("All languages")
                                      : stk_language_name (lang));
      if (self->style == STK_TEXT_EDITOR_URL)
        gtk_entry_set_input_purpose (GTK_ENTRY (column->field), GTK_INPUT_PURPOSE_URL);
      gtk_box_append (GTK_BOX (column->box), column->field);
      g_signal_connect (column->field, "changed", G_CALLBACK (on_field_changed), self);
    }

  if (is_right_to_left (lang))
    gtk_widget_set_direction (column->field, GTK_TEXT_DIR_RTL);

  marked = column->frame != NULL ? column->frame : column->field;
  gtk_widget_add_css_class (marked, "stk-text-field");
  stk_set_accessible_label (column->field, accessible);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_field_focus_leave), self);
  gtk_widget_add_controller (column->field, focus);

  gtk_widget_set_parent (column->box, GTK_WIDGET (self));
  g_ptr_array_add (self->columns, column);
}

static void
rebuild (StkTextEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->columns, 0);

  self->uniform = self->style == STK_TEXT_EDITOR_URL && text_holds_uniform (self->text);

  if (self->uniform)
    add_column (self, STK_TEXT_ANY_LANGUAGE);
  else if (self->languages != NULL)
    for (guint i = 0; self->languages[i] != NULL; i++)
      add_column (self, self->languages[i]);

  refresh (self);
}

static void
on_text_changed (StkTextEditor *self)
{
  /* An address switches between one field and one per language only on a change made
   * elsewhere (undo): never under the user's typing. */
  if (self->style == STK_TEXT_EDITOR_URL && self->uniform != text_holds_uniform (self->text)
      && gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
    {
      rebuild (self);
      return;
    }

  refresh (self);
}

static void
stk_text_editor_dispose (GObject *object)
{
  StkTextEditor *self = STK_TEXT_EDITOR (object);
  GtkWidget *child;

  if (self->text != NULL)
    g_signal_handlers_disconnect_by_data (self->text, self);
  g_clear_object (&self->text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);

  G_OBJECT_CLASS (stk_text_editor_parent_class)->dispose (object);
}

static void
stk_text_editor_finalize (GObject *object)
{
  StkTextEditor *self = STK_TEXT_EDITOR (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (stk_text_editor_parent_class)->finalize (object);
}

static void
stk_text_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StkTextEditor *self = STK_TEXT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_text_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StkTextEditor *self = STK_TEXT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      self->style = g_value_get_enum (value);
      break;

    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      if (self->label != NULL)
        stk_set_accessible_label (GTK_WIDGET (self), self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
stk_text_editor_grab_focus (GtkWidget *widget)
{
  StkTextEditor *self = STK_TEXT_EDITOR (widget);

  if (self->columns->len == 0)
    return FALSE;

  return gtk_widget_grab_focus (((Column *) g_ptr_array_index (self->columns, 0))->field);
}

static void
stk_text_editor_class_init (StkTextEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_text_editor_dispose;
  object_class->finalize = stk_text_editor_finalize;
  object_class->get_property = stk_text_editor_get_property;
  object_class->set_property = stk_text_editor_set_property;
  widget_class->grab_focus = stk_text_editor_grab_focus;

  /**
   * StkTextEditor:style:
   *
   * Entries, paragraphs or an address; set once, when the editor is made.
   */
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       STK_TYPE_TEXT_EDITOR_STYLE, STK_TEXT_EDITOR_LINE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StkTextEditor:label:
   *
   * The field's name, for the accessible names of the editor and its language fields.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stk-text-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stk_text_editor_init (StkTextEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);

  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->captions = TRUE;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  stk_pages_ensure_style ();
}

/**
 * stk_text_editor_new:
 * @style: entries, paragraphs or an address
 * @label: the field's name, for the accessible names of the language fields
 *
 * Returns: (transfer floating): a new editor without a text
 */
GtkWidget *
stk_text_editor_new (StkTextEditorStyle  style,
                     const char         *label)
{
  return g_object_new (STK_TYPE_TEXT_EDITOR,
                       "style", style,
                       "label", label,
                       NULL);
}

StkText *
stk_text_editor_get_text (StkTextEditor *self)
{
  g_return_val_if_fail (STK_IS_TEXT_EDITOR (self), NULL);

  return self->text;
}

void
stk_text_editor_set_text (StkTextEditor *self,
                          StkText       *text)
{
  g_return_if_fail (STK_IS_TEXT_EDITOR (self));

  if (self->text == text)
    return;

  if (self->text != NULL)
    g_signal_handlers_disconnect_by_data (self->text, self);
  g_set_object (&self->text, text);
  if (text != NULL)
    g_signal_connect_swapped (text, "changed", G_CALLBACK (on_text_changed), self);

  rebuild (self);
}

void
stk_text_editor_set_languages (StkTextEditor      *self,
                               const char * const *languages)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (STK_IS_TEXT_EDITOR (self));

  if (languages == NULL)
    languages = none;
  if (self->languages != NULL && g_strv_equal ((const char * const *) self->languages, languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);
  rebuild (self);
}

void
stk_text_editor_set_captions (StkTextEditor *self,
                              gboolean       captions)
{
  g_return_if_fail (STK_IS_TEXT_EDITOR (self));

  if (self->captions == !!captions)
    return;

  self->captions = !!captions;
  rebuild (self);
}

void
stk_text_editor_set_placeholder (StkTextEditor *self,
                                 const char    *placeholder)
{
  g_return_if_fail (STK_IS_TEXT_EDITOR (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  rebuild (self);
}

static Column *
find_column (StkTextEditor *self,
             const char    *lang)
{
  if (self->uniform)
    return self->columns->len > 0 ? g_ptr_array_index (self->columns, 0) : NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (lang == NULL || g_strcmp0 (column->lang, lang) == 0)
        return column;
    }

  return NULL;
}

GtkWidget *
stk_text_editor_get_field (StkTextEditor *self,
                           const char    *lang)
{
  Column *column;

  g_return_val_if_fail (STK_IS_TEXT_EDITOR (self), NULL);

  column = find_column (self, lang);

  return column != NULL ? column->field : NULL;
}

/**
 * stk_text_editor_focus_language:
 * @self: an editor
 * @lang: (nullable): a language code, or %NULL for the first field
 *
 * Returns: whether a field took the focus
 */
gboolean
stk_text_editor_focus_language (StkTextEditor *self,
                                const char    *lang)
{
  GtkWidget *field;

  g_return_val_if_fail (STK_IS_TEXT_EDITOR (self), FALSE);

  field = stk_text_editor_get_field (self, lang);
  if (field == NULL)
    field = stk_text_editor_get_field (self, NULL);
  if (field == NULL)
    return FALSE;

  return gtk_widget_grab_focus (field);
}

gboolean
stk_text_editor_is_marked_missing (StkTextEditor *self,
                                   const char    *lang)
{
  Column *column;

  g_return_val_if_fail (STK_IS_TEXT_EDITOR (self), FALSE);

  column = find_column (self, lang);

  return column != NULL && column->missing;
}
