/* stk-embed-row.c — one piece of a provider's embedded content: its id and placeholder
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-embed-row.h"
#include "stk-field.h"
#include "stk-text-editor.h"

struct _StkEmbedRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkWidget     *id_entry;
  StkTextEditor *placeholder_editor;

  /* owned */
  StkEmbed      *embed;
  StkField      *id_field;
};

G_DEFINE_FINAL_TYPE (StkEmbedRow, stk_embed_row, GTK_TYPE_LIST_BOX_ROW)

/* Takes the embed out of the provider's list of embeds. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StkEmbedRow *self = STK_EMBED_ROW (widget);
  StkNode *embeds = stk_node_get_parent (STK_NODE (self->embed));
  guint position;

  if (STK_IS_LIST (embeds) && stk_list_find (STK_LIST (embeds), self->embed, &position))
    {
      stk_list_remove (STK_LIST (embeds), position);
      stk_seal_history_of (embeds);
    }
}

static void
stk_embed_row_dispose (GObject *object)
{
  StkEmbedRow *self = STK_EMBED_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_EMBED_ROW);
  g_clear_object (&self->id_field);
  g_clear_object (&self->embed);

  G_OBJECT_CLASS (stk_embed_row_parent_class)->dispose (object);
}

static void
stk_embed_row_class_init (StkEmbedRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = stk_embed_row_dispose;

  gtk_widget_class_install_action (widget_class, "embed-row.remove", NULL, remove_action);

  g_type_ensure (STK_TYPE_TEXT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-embed-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StkEmbedRow, id_entry);
  gtk_widget_class_bind_template_child (widget_class, StkEmbedRow, placeholder_editor);
}

static void
stk_embed_row_init (StkEmbedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->id_field = stk_field_new_string (self->id_entry, (StkGetString) stk_embed_get_id,
                                         (StkSetString) stk_embed_set_id, NULL);
}

/**
 * stk_embed_row_new:
 * @embed: the embedded content to edit, in a provider's list of embeds
 * @languages: the policy's languages, for the placeholder
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
stk_embed_row_new (StkEmbed           *embed,
                   const char * const *languages)
{
  StkEmbedRow *self;

  g_return_val_if_fail (STK_IS_EMBED (embed), NULL);

  self = g_object_new (STK_TYPE_EMBED_ROW, NULL);
  self->embed = g_object_ref (embed);
  stk_field_set_object (self->id_field, embed);
  g_signal_connect_object (embed, "changed", G_CALLBACK (stk_field_refresh), self->id_field,
                           G_CONNECT_SWAPPED);
  stk_text_editor_set_languages (self->placeholder_editor, languages);
  stk_text_editor_set_text (self->placeholder_editor, stk_embed_get_placeholder (embed));

  return GTK_WIDGET (self);
}

void
stk_embed_row_focus_id (StkEmbedRow *self)
{
  g_return_if_fail (STK_IS_EMBED_ROW (self));

  gtk_widget_grab_focus (self->id_entry);
}

/**
 * stk_embed_row_focus_path:
 * @self: a row
 * @path: a finding's path ("providers[1].embeds[0].placeholder.da")
 * @i: the segment after the embed's own ("placeholder"); past the end for the embed itself
 *
 * Returns: whether a field was focused
 */
gboolean
stk_embed_row_focus_path (StkEmbedRow *self,
                          StkPath     *path,
                          guint        i)
{
  g_return_val_if_fail (STK_IS_EMBED_ROW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (stk_path_has_name (path, i, "placeholder"))
    return stk_text_editor_focus_language (self->placeholder_editor,
                                           stk_path_get_name (path, i + 1));

  return gtk_widget_grab_focus (self->id_entry);
}
