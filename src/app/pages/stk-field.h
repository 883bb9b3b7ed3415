/* stk-field.h — keeping an editing widget and one field of a model object in step
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "stk-core.h"

G_BEGIN_DECLS

#define STK_PAGES_RESOURCE "/io/github/samtykke/Samtykke/pages/"

typedef const char *(*StkGetString)  (gpointer object);
typedef void        (*StkSetString)  (gpointer object,
                                      const char *value);
typedef gboolean    (*StkGetBoolean) (gpointer object);
typedef void        (*StkSetBoolean) (gpointer object,
                                      gboolean value);
typedef gint64      (*StkGetNumber)  (gpointer object);
typedef void        (*StkSetNumber)  (gpointer object,
                                      gint64 value);
/* Returns NULL when @value is acceptable, else a translated explanation. */
typedef const char *(*StkCheck)      (const char *value);

#define STK_TYPE_FIELD (stk_field_get_type ())
G_DECLARE_FINAL_TYPE (StkField, stk_field, STK, FIELD, GObject)

/* @widget is a GtkEditable (GtkEntry, AdwEntryRow, GtkEditableLabel). */
StkField   *stk_field_new_string    (GtkWidget     *widget,
                                     StkGetString   get,
                                     StkSetString   set,
                                     StkCheck       check);
/* @widget is a GtkSwitch or a GtkCheckButton. */
StkField   *stk_field_new_boolean   (GtkWidget     *widget,
                                     StkGetBoolean  get,
                                     StkSetBoolean  set);
/* @widget is a GtkSpinButton. */
StkField   *stk_field_new_number    (GtkWidget     *widget,
                                     StkGetNumber   get,
                                     StkSetNumber   set);
/* @widget is a GtkDropDown whose positions are the enum's values. */
StkField   *stk_field_new_choice    (GtkWidget     *widget,
                                     StkGetNumber   get,
                                     StkSetNumber   set);
GtkWidget  *stk_field_get_widget    (StkField      *self);
void        stk_field_set_object    (StkField      *self,
                                     gpointer       object);
void        stk_field_refresh       (StkField      *self);

/* The same for each StkField of @fields. */
void        stk_fields_set_object   (GPtrArray     *fields,
                                     gpointer       object);
void        stk_fields_refresh      (GPtrArray     *fields);

/* Ends the current undo step of the policy @node belongs to, if any. */
void        stk_seal_history_of     (gpointer       node);

const char *stk_check_url           (const char    *value);
const char *stk_check_date          (const char    *value);
const char *stk_check_email         (const char    *value);
void        stk_mark_invalid        (GtkWidget     *widget,
                                     const char    *message);

/* Takes the keyboard focus away when it is inside @widget, before @widget is made insensitive
 * or emptied: a text field that loses the focus without being told complains. */
void        stk_drop_focus_within   (GtkWidget     *widget);

void        stk_set_accessible_label (GtkWidget    *widget,
                                      const char   *label);
/* A readable name for a language code ("da" -> "Danish"), translated; the code when unknown. */
const char *stk_language_name       (const char    *code);
void        stk_pages_ensure_style  (void);
/* The title of @policy's category @id in its default language, or @id when it has none. */
const char *stk_category_title      (StkPolicy     *policy,
                                     const char    *id);

G_END_DECLS
