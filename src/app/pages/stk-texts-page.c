/* stk-texts-page.c — the editor page of the policy's texts, every language side by side
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-text-editor.h"
#include "stk-texts-page.h"

struct _StkTextsPage
{
  StkEditorPage parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkWidget  *scroller;
  GtkLabel   *missing_label;
  GtkWidget  *next_missing_button;
  GtkBox     *groups_box;

  /* borrowed */
  StkPolicy  *policy;      /* the page's */

  /* owned */
  char      **languages;   /* the languages the editors were built for */
  GPtrArray  *keys;        /* text keys in the order shown */
  GHashTable *editors;     /* key -> StkTextEditor (borrowed) */
};

static void stk_texts_page_page_init (StkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StkTextsPage, stk_texts_page, STK_TYPE_EDITOR_PAGE,
                               G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE, stk_texts_page_page_init))

STK_DEFINE_EDITOR_PAGE_FUNCTIONS (StkTextsPage, stk_texts_page)

/* Texts that hold sentences rather than a few words get a multi-line field. */
static gboolean
is_paragraph_key (const char *key)
{
  return g_str_has_suffix (key, "_body") || g_str_has_suffix (key, "_placeholder")
         || g_str_equal (key, "embed_placeholder");
}

static GtkWidget *
make_language_header (const char * const *languages)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_hexpand (box, TRUE);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      /* Translators: a column heading: a language name, then its code: "Danish (da)" */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"),
                                                stk_language_name (languages[i]), languages[i]);
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

typedef struct
{
  GtkWidget *grid;
  int        row;
} Group;

static Group *
ensure_group (StkTextsPage  *self,
              Group        **groups,
              guint          index,
              const char    *title)
{
  GtkWidget *box, *heading, *card;

  if (groups[index] != NULL)
    return groups[index];

  groups[index] = g_new0 (Group, 1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), heading);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  groups[index]->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (groups[index]->grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (groups[index]->grid), 12);
  gtk_widget_set_margin_top (groups[index]->grid, 12);
  gtk_widget_set_margin_bottom (groups[index]->grid, 12);
  gtk_widget_set_margin_start (groups[index]->grid, 12);
  gtk_widget_set_margin_end (groups[index]->grid, 12);
  gtk_box_append (GTK_BOX (card), groups[index]->grid);
  gtk_box_append (GTK_BOX (box), card);

  gtk_grid_attach (GTK_GRID (groups[index]->grid),
                   make_language_header ((const char * const *) self->languages), 1, 0, 1, 1);
  groups[index]->row = 1;

  gtk_box_append (self->groups_box, box);

  return groups[index];
}

static void
add_text_row (StkTextsPage *self,
              Group        *group,
              const char   *key,
              const char   *label_text,
              const char   *hint)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *editor;

  gtk_widget_set_size_request (labels, 200, -1);
  gtk_widget_set_valign (labels, GTK_ALIGN_START);
  gtk_widget_set_margin_top (labels, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (labels), label);

  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (hint_label), 24);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_add_css_class (hint_label, "stk-hint");
      gtk_box_append (GTK_BOX (labels), hint_label);
    }

  editor = stk_text_editor_new (is_paragraph_key (key) ? STK_TEXT_EDITOR_PARAGRAPH
                                                       : STK_TEXT_EDITOR_LINE,
                                label_text);
  stk_text_editor_set_captions (STK_TEXT_EDITOR (editor), FALSE);
  if (hint != NULL)
    gtk_widget_set_tooltip_text (editor, hint);
  stk_text_editor_set_languages (STK_TEXT_EDITOR (editor),
                                 (const char * const *) self->languages);
  stk_text_editor_set_text (STK_TEXT_EDITOR (editor), stk_policy_get_text (self->policy, key));

  gtk_grid_attach (GTK_GRID (group->grid), labels, 0, group->row, 1, 1);
  gtk_grid_attach (GTK_GRID (group->grid), editor, 1, group->row, 1, 1);
  group->row++;

  g_ptr_array_add (self->keys, g_strdup (key));
  g_hash_table_insert (self->editors, g_strdup (key), editor);
}

static void
clear_groups (StkTextsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  g_hash_table_remove_all (self->editors);
  g_ptr_array_set_size (self->keys, 0);
}

static void
rebuild (StkTextsPage *self)
{
  enum { N_GROUPS = STK_TEXT_GROUP_EMBED + 2 };
  Group *groups[N_GROUPS] = { NULL, };
  const StkTextKey *keys;
  g_autoptr(GPtrArray) all_keys = NULL;
  guint n_keys;

  clear_groups (self);

  g_clear_pointer (&self->languages, g_strfreev);
  if (self->policy == NULL)
    return;

  self->languages = g_strdupv ((char **) stk_policy_get_languages (self->policy));

  keys = stk_text_keys (&n_keys);
  for (guint group = 0; group <= STK_TEXT_GROUP_EMBED; group++)
    for (guint i = 0; i < n_keys; i++)
      {
        if (keys[i].group != group)
          continue;

        ensure_group (self, groups, group, _(stk_text_group_label (group)));
        add_text_row (self, groups[group], keys[i].key, _(keys[i].label),
                      keys[i].hint != NULL ? _(keys[i].hint) : NULL);
      }

  /* Texts this version does not know are kept in the file; they stay editable. */
  all_keys = stk_policy_dup_text_keys (self->policy);
  for (guint i = 0; all_keys != NULL && i < all_keys->len; i++)
    {
      const char *key = g_ptr_array_index (all_keys, i);

      if (stk_text_key_lookup (key) != NULL || g_hash_table_contains (self->editors, key))
        continue;

      ensure_group (self, groups, N_GROUPS - 1, _("Other Texts"));
      add_text_row (self, groups[N_GROUPS - 1], key, key, NULL);
    }

  for (guint i = 0; i < N_GROUPS; i++)
    g_free (groups[i]);
}

static StkTextEditor *
editor_at (StkTextsPage *self,
           guint         index)
{
  return g_hash_table_lookup (self->editors, g_ptr_array_index (self->keys, index));
}

guint
stk_texts_page_count_missing (StkTextsPage *self)
{
  guint missing = 0;

  g_return_val_if_fail (STK_IS_TEXTS_PAGE (self), 0);

  if (self->policy == NULL || self->languages == NULL)
    return 0;

  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);
      StkText *text = stk_text_editor_get_text (g_hash_table_lookup (self->editors, key));

      for (guint j = 0; self->languages[j] != NULL; j++)
        if (stk_text_is_missing (text, self->languages[j]))
          missing++;
    }

  return missing;
}

static void
update_missing (StkTextsPage *self)
{
  guint missing = stk_texts_page_count_missing (self);
  g_autofree char *message = NULL;

  if (missing == 0)
    message = g_strdup (_("Every text is written in every language."));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u translation is missing.",
                                            "%u translations are missing.", missing),
                               missing);

  gtk_label_set_text (self->missing_label, message);
  gtk_widget_set_sensitive (self->next_missing_button, missing > 0);
}

static void
on_policy_changed (StkTextsPage *self)
{
  const char * const *languages = stk_policy_get_languages (self->policy);

  if (self->languages == NULL || languages == NULL
      || !g_strv_equal ((const char * const *) self->languages, languages))
    rebuild (self);

  update_missing (self);
}

gboolean
stk_texts_page_focus_next_missing (StkTextsPage *self)
{
  GtkRoot *root;
  GtkWidget *focus = NULL;
  guint n_languages, n, start = 0;

  g_return_val_if_fail (STK_IS_TEXTS_PAGE (self), FALSE);

  if (self->policy == NULL || self->languages == NULL || self->keys->len == 0)
    return FALSE;

  n_languages = g_strv_length (self->languages);
  n = self->keys->len * n_languages;
  if (n == 0)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    focus = gtk_root_get_focus (root);

  if (focus != NULL)
    for (guint i = 0; i < n; i++)
      {
        StkTextEditor *editor = editor_at (self, i / n_languages);
        GtkWidget *field = stk_text_editor_get_field (editor, self->languages[i % n_languages]);

        if (field != NULL && (focus == field || gtk_widget_is_ancestor (focus, field)))
          {
            start = i + 1;
            break;
          }
      }

  for (guint k = 0; k < n; k++)
    {
      guint i = (start + k) % n;
      StkTextEditor *editor = editor_at (self, i / n_languages);
      const char *lang = self->languages[i % n_languages];

      if (stk_text_is_missing (stk_text_editor_get_text (editor), lang))
        return stk_text_editor_focus_language (editor, lang);
    }

  return FALSE;
}

static void
on_next_missing_clicked (StkTextsPage *self)
{
  stk_texts_page_focus_next_missing (self);
}

static void
stk_texts_page_policy_changed (StkEditorPage *page,
                               StkPolicy     *old)
{
  StkTextsPage *self = STK_TEXTS_PAGE (page);

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  self->policy = stk_editor_page_get_policy (page);

  rebuild (self);
  if (self->policy != NULL)
    {
      g_signal_connect_swapped (self->policy, "changed", G_CALLBACK (on_policy_changed), self);
      update_missing (self);
    }
  gtk_stack_set_visible_child_name (self->stack, self->policy != NULL ? "texts" : "empty");
}

static void
stk_texts_page_finalize (GObject *object)
{
  StkTextsPage *self = STK_TEXTS_PAGE (object);

  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);

  G_OBJECT_CLASS (stk_texts_page_parent_class)->finalize (object);
}

static gboolean
stk_texts_page_iface_owns_path (StkPage *page,
                                StkPath *path)
{
  return stk_path_has_name (path, 0, "texts");
}

/* @path: "texts.KEY.LANG", "texts.KEY" or "texts" */
static gboolean
stk_texts_page_iface_focus_path (StkPage *page,
                                 StkPath *path)
{
  StkTextsPage *self = STK_TEXTS_PAGE (page);
  const char *key = stk_path_get_name (path, 1);
  StkTextEditor *editor;

  if (!stk_path_has_name (path, 0, "texts"))
    return FALSE;

  if (stk_path_get_n_segments (path) == 1)
    return self->keys->len > 0 && stk_text_editor_focus_language (editor_at (self, 0), NULL);

  editor = key != NULL ? g_hash_table_lookup (self->editors, key) : NULL;
  if (editor == NULL)
    return FALSE;

  return stk_text_editor_focus_language (editor, stk_path_get_name (path, 2));
}

static void
stk_texts_page_page_init (StkPageInterface *iface)
{
  iface->owns_path = stk_texts_page_iface_owns_path;
  iface->focus_path = stk_texts_page_iface_focus_path;
}

static void
stk_texts_page_class_init (StkTextsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stk_texts_page_finalize;
  STK_EDITOR_PAGE_CLASS (klass)->policy_changed = stk_texts_page_policy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-texts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkTextsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StkTextsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, StkTextsPage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, StkTextsPage, next_missing_button);
  gtk_widget_class_bind_template_child (widget_class, StkTextsPage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, on_next_missing_clicked);
}

static void
stk_texts_page_init (StkTextsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
