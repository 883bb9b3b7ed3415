/* stk-editor-page.h — what every editor page shares: the policy it edits
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "stk-core.h"
#include "stk-page.h"

G_BEGIN_DECLS

#define STK_TYPE_EDITOR_PAGE (stk_editor_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (StkEditorPage, stk_editor_page, STK, EDITOR_PAGE, AdwBin)

struct _StkEditorPageClass
{
  AdwBinClass parent_class;

  /* Follows the page's new policy; @old is the one it had (either may be NULL). Also runs
   * when the page is disposed, before its template is. */
  void (*policy_changed) (StkEditorPage *self,
                          StkPolicy     *old);
};

StkPolicy *stk_editor_page_get_policy (StkEditorPage *self);
void       stk_editor_page_set_policy (StkEditorPage *self,
                                       StkPolicy     *policy);

/* An editor page is a StkPage: it takes the policy; each final page says which paths are its
 * own and focuses them.
 *
 * Declares the final page type @TypeName (prefix @type_name, cast macro MODULE_OBJ_NAME) and
 * the functions every page has:
 *
 *   GtkWidget *type_name_new        (void);
 *   StkPolicy *type_name_get_policy (TypeName *self);
 *   void       type_name_set_policy (TypeName *self, StkPolicy *policy);
 *   gboolean   type_name_focus_path (TypeName *self, const char *path);
 *
 * _focus_path() parses a finding's path ("providers[3].website") and hands it to
 * stk_page_focus_path(): FALSE for a text that is not a path. */
#define STK_DECLARE_EDITOR_PAGE(TypeName, type_name, MODULE, OBJ_NAME)                         \
  STK_DECLARE_PAGE_TYPE (TypeName, type_name, MODULE, OBJ_NAME, StkEditorPage)

/* The same for a page of another parent type, itself a StkEditorPage. */
#define STK_DECLARE_PAGE_TYPE(TypeName, type_name, MODULE, OBJ_NAME, ParentName)               \
  G_DECLARE_FINAL_TYPE (TypeName, type_name, MODULE, OBJ_NAME, ParentName)                    \
  GtkWidget *type_name##_new        (void);                                                   \
  StkPolicy *type_name##_get_policy (TypeName   *self);                                       \
  void       type_name##_set_policy (TypeName   *self,                                        \
                                     StkPolicy  *policy);                                     \
  gboolean   type_name##_focus_path (TypeName   *self,                                        \
                                     const char *path);

/* Defines what STK_DECLARE_EDITOR_PAGE() declares for every page, for the final page type
 * @TypeName (prefix @type_name): _new(), _get_policy(), _set_policy() and _focus_path(). */
#define STK_DEFINE_EDITOR_PAGE_FUNCTIONS(TypeName, type_name)                                 \
  GtkWidget *                                                                                 \
  type_name##_new (void)                                                                      \
  {                                                                                           \
    return g_object_new (type_name##_get_type (), NULL);                                      \
  }                                                                                           \
                                                                                              \
  StkPolicy *                                                                                 \
  type_name##_get_policy (TypeName *self)                                                     \
  {                                                                                           \
    return stk_editor_page_get_policy (STK_EDITOR_PAGE (self));                               \
  }                                                                                           \
                                                                                              \
  void                                                                                        \
  type_name##_set_policy (TypeName  *self,                                                    \
                          StkPolicy *policy)                                                  \
  {                                                                                           \
    stk_editor_page_set_policy (STK_EDITOR_PAGE (self), policy);                              \
  }                                                                                           \
                                                                                              \
  gboolean                                                                                    \
  type_name##_focus_path (TypeName   *self,                                                   \
                          const char *path)                                                   \
  {                                                                                           \
    g_autoptr(StkPath) parsed = stk_path_parse (path);                                        \
                                                                                              \
    return parsed != NULL && stk_page_focus_path (STK_PAGE (self), parsed);                   \
  }

G_END_DECLS
