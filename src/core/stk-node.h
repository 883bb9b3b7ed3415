/* stk-node.h — base class of every policy model object: parent links, change signals, undo
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STK_TYPE_NODE (stk_node_get_type ())
G_DECLARE_DERIVABLE_TYPE (StkNode, stk_node, STK, NODE, GObject)

struct _StkNodeClass
{
  GObjectClass parent_class;
};

typedef struct _StkChange StkChange;

/* Signal "changed" (StkNode *node, gpointer user_data) — no other argument — is emitted after
 * anything in the node or below it changed, on the node and then on each ancestor. */

StkNode    *stk_node_get_parent      (StkNode     *self);
StkNode    *stk_node_get_root        (StkNode     *self);
void        stk_node_set_parent      (StkNode     *self,
                                      StkNode     *parent);
void        stk_node_emit_changed    (StkNode     *self);

JsonObject *stk_node_get_extra       (StkNode     *self,
                                      const char  *where);
void        stk_node_set_extra       (StkNode     *self,
                                      const char  *where,
                                      JsonObject  *extra);

/* For the model's own setters: each records an undoable change, notifies @pspec and emits
 * ::changed, and returns whether the value really changed. */
gboolean    stk_node_set_string      (StkNode     *self,
                                      char       **field,
                                      const char  *value,
                                      GParamSpec  *pspec);
gboolean    stk_node_set_boolean     (StkNode     *self,
                                      gboolean    *field,
                                      gboolean     value,
                                      GParamSpec  *pspec);
gboolean    stk_node_set_int64       (StkNode     *self,
                                      gint64      *field,
                                      gint64       value,
                                      GParamSpec  *pspec);
gboolean    stk_node_set_int         (StkNode     *self,
                                      int         *field,
                                      int          value,
                                      GParamSpec  *pspec);
gboolean    stk_node_set_enum        (StkNode     *self,
                                      int         *field,
                                      int          value,
                                      GParamSpec  *pspec);
gboolean    stk_node_set_strv        (StkNode     *self,
                                      char      ***field,
                                      const char * const *value,
                                      GParamSpec  *pspec);

void        stk_node_record          (StkNode     *self,
                                      StkChange   *change);

G_END_DECLS
