/* stk-core-private.h — what the core's own files share and nobody else uses
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-node.h"
#include "stk-list.h"
#include "stk-path.h"
#include "stk-text.h"

G_BEGIN_DECLS

typedef enum
{
  STK_CHANGE_PROPERTY,
  STK_CHANGE_TEXT,
  STK_CHANGE_SPLICE,
} StkChangeKind;

struct _StkChange
{
  StkChangeKind  kind;
  GObject       *object;      /* owned, except the policy itself (it owns the history) */
  gboolean       borrowed;
  /* STK_CHANGE_PROPERTY */
  GParamSpec    *pspec;
  GValue         old_value;
  GValue         new_value;
  /* STK_CHANGE_TEXT */
  char          *lang;
  char          *old_text;
  char          *new_text;
  /* STK_CHANGE_SPLICE */
  guint          position;
  GPtrArray     *removed;     /* owned items */
  GPtrArray     *added;       /* owned items */
};

StkChange *stk_change_new_property (GObject    *object,
                                    GParamSpec *pspec,
                                    const GValue *old_value,
                                    const GValue *new_value);
StkChange *stk_change_new_text     (StkText    *text,
                                    const char *lang,
                                    const char *old_text,
                                    const char *new_text);
void       stk_change_free         (StkChange  *change);
void       stk_change_apply        (StkChange  *change,
                                    gboolean    undo);
gboolean   stk_change_merge        (StkChange  *into,
                                    StkChange  *next);

/* Loading: fill without recording or signals. */
void       stk_list_take_items     (StkList    *self,
                                    GPtrArray  *items);
void       stk_text_take           (StkText    *self,
                                    char       *lang,
                                    char       *value);
void       stk_node_clear_extras   (StkNode    *self);
GHashTable *stk_node_peek_extras   (StkNode    *self);

/* Errors (stk-error.c) */
void       stk_set_located_error   (GError     **error,
                                    int          code,
                                    const char  *file,
                                    int          line,
                                    int          column,
                                    StkPath     *path,
                                    const char  *message);

/* Files (stk-file.c) */
typedef struct _StkPendingFile StkPendingFile;

StkPendingFile *stk_pending_file_write      (const char      *path,
                                             GBytes          *bytes,
                                             GError         **error);
gboolean        stk_pending_file_commit     (StkPendingFile  *self,
                                             GError         **error);
void            stk_pending_file_free       (StkPendingFile  *self);
gboolean        stk_file_replace            (const char      *path,
                                             GBytes          *bytes,
                                             GError         **error);
void            stk_file_remove_stale_temps (const char      *directory,
                                             const char      *name);
gboolean        stk_file_load_contents      (GFile           *file,
                                             char           **contents,
                                             gsize           *length,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StkPendingFile, stk_pending_file_free)

/* HTML as the exporters write it (stk-export-web.c), for the core's other HTML builders */
void       stk_export_append_escaped (GString     *out,
                                      const char  *text);
gboolean   stk_export_lang_is_rtl    (const char  *lang);

G_END_DECLS
