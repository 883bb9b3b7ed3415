/* stk-path.h — a place in a policy file, such as providers[2].cookies[0].purpose.en, parsed
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STK_TYPE_PATH (stk_path_get_type ())

typedef struct _StkPath StkPath;

GType        stk_path_get_type        (void) G_GNUC_CONST;

StkPath     *stk_path_parse           (const char  *text);
StkPath     *stk_path_ref             (StkPath     *self);
void         stk_path_unref           (StkPath     *self);

guint        stk_path_get_n_segments  (StkPath     *self);
const char  *stk_path_get_name        (StkPath     *self,
                                       guint        i);
int          stk_path_get_index       (StkPath     *self,
                                       guint        i);
gboolean     stk_path_has_name        (StkPath     *self,
                                       guint        i,
                                       const char  *name);
gboolean     stk_path_match_index     (StkPath     *self,
                                       guint        i,
                                       const char  *name,
                                       guint       *index);
char        *stk_path_to_string       (StkPath     *self);

gboolean     stk_path_locate          (StkPath     *self,
                                       const char  *data,
                                       gsize        length,
                                       int         *line,
                                       int         *column);

gboolean     stk_paths_locate         (StkPath    **paths,
                                       guint        n_paths,
                                       const char  *data,
                                       gsize        length,
                                       int         *lines,
                                       int         *columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StkPath, stk_path_unref)

G_END_DECLS
