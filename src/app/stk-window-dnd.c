/* stk-window-dnd.c — dropping a policy file on a window opens it there
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-import-flow.h"
#include "stk-window-private.h"

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         StkWindow     *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  /* Nothing replaces the document while it is read or written. */
  if (stk_document_get_busy (self->document))
    return FALSE;

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* As Open does: a policy opens; another banner's configuration (JavaScript, or JSON
       * that is no policy) is imported, its report shown first. */
      if ((name != NULL && g_str_has_suffix (name, ".json"))
          || stk_import_flow_is_script_name (l->data))
        {
          stk_window_open_or_import (self, l->data);
          return TRUE;
        }
    }

  stk_window_add_toast (self, adw_toast_new (_("Only policies (.json) and banner configurations (.js) can be opened")));
  return FALSE;
}

void
_stk_window_dnd_init (StkWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
