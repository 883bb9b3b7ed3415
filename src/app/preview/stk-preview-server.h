/* stk-preview-server.h — serves an export from memory to the preview, on the loopback only
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STK_TYPE_PREVIEW_SERVER (stk_preview_server_get_type ())
G_DECLARE_FINAL_TYPE (StkPreviewServer, stk_preview_server, STK, PREVIEW_SERVER, GObject)

/* Listens on 127.0.0.1, on a port the system chooses. */
StkPreviewServer *stk_preview_server_new            (GError           **error);
/* "http://127.0.0.1:PORT/", with the final slash. */
const char       *stk_preview_server_get_base_uri   (StkPreviewServer  *self);
/* "127.0.0.1:PORT". */
const char       *stk_preview_server_get_host_port  (StkPreviewServer  *self);
/* Whether @uri is served by this server (and so may be loaded by the preview). */
gboolean          stk_preview_server_owns_uri       (StkPreviewServer  *self,
                                                     const char        *uri);
/* Serves @bytes as /@name; NULL stops serving it. */
void              stk_preview_server_set_file       (StkPreviewServer  *self,
                                                     const char        *name,
                                                     GBytes            *bytes);
/* Serves exactly @files (name -> GBytes, as stk_export_render() returns them). */
void              stk_preview_server_set_files      (StkPreviewServer  *self,
                                                     GHashTable        *files);
/* How many requests for any other host reached the server (it refuses them all). */
guint             stk_preview_server_get_n_refused  (StkPreviewServer  *self);
/* How many of its own files it served. */
guint             stk_preview_server_get_n_served   (StkPreviewServer  *self);

G_END_DECLS
