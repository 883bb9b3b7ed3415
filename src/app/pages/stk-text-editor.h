/* stk-text-editor.h — edits a localized text: one field per policy language, side by side
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_TYPE_TEXT_EDITOR (stk_text_editor_get_type ())
G_DECLARE_FINAL_TYPE (StkTextEditor, stk_text_editor, STK, TEXT_EDITOR, GtkWidget)

typedef enum
{
  STK_TEXT_EDITOR_LINE,       /* one-line entries */
  STK_TEXT_EDITOR_PARAGRAPH,  /* multi-line text views */
  STK_TEXT_EDITOR_URL,        /* an address, one for all languages or one per language */
} StkTextEditorStyle;

#define STK_TYPE_TEXT_EDITOR_STYLE (stk_text_editor_style_get_type ())
GType stk_text_editor_style_get_type (void);

GtkWidget  *stk_text_editor_new            (StkTextEditorStyle  style,
                                            const char         *label);
StkText    *stk_text_editor_get_text       (StkTextEditor      *self);
void        stk_text_editor_set_text       (StkTextEditor      *self,
                                            StkText            *text);
void        stk_text_editor_set_languages  (StkTextEditor      *self,
                                            const char * const *languages);
void        stk_text_editor_set_captions   (StkTextEditor      *self,
                                            gboolean            captions);
void        stk_text_editor_set_placeholder (StkTextEditor     *self,
                                            const char         *placeholder);
/* The widget that edits @lang (a GtkEditable, or a GtkTextView for paragraphs); for URLs held
 * once for all languages, every language gives that one field. */
GtkWidget  *stk_text_editor_get_field      (StkTextEditor      *self,
                                            const char         *lang);
gboolean    stk_text_editor_focus_language (StkTextEditor      *self,
                                            const char         *lang);
/* Whether the field of @lang is marked as a missing translation. */
gboolean    stk_text_editor_is_marked_missing (StkTextEditor   *self,
                                               const char      *lang);

G_END_DECLS
