/* stk-window-pages.c — the window's pages: making them, handing them the document, showing one
 * and focusing the field a finding names
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "stk-window-private.h"

#include "stk-page.h"
#include "stk-appearance-page.h"
#include "stk-audit-page.h"
#include "stk-categories-page.h"
#include "stk-policy-page.h"
#include "stk-preview-page.h"
#include "stk-providers-page.h"
#include "stk-sections-page.h"
#include "stk-texts-page.h"

static const char * const page_names[N_EDIT_PAGES] = {
  "policy", "texts", "categories", "providers", "sections", "appearance", "preview",
};

/* Gives @page the current document when it does not have it yet. */
static void
sync_page (StkWindow *self,
           GtkWidget *page)
{
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    {
      if (page == NULL || self->pages[i] != page || !self->page_stale[i])
        continue;

      self->page_stale[i] = FALSE;
      if (i == PAGE_PREVIEW)
        stk_preview_page_set_file (STK_PREVIEW_PAGE (page),
                                   stk_document_get_file (self->document));
      stk_page_set_policy (STK_PAGE (page), stk_document_get_policy (self->document));
    }
}

static void
finding_activated_cb (StkWindow       *self,
                      StkFinding      *finding,
                      StkProblemsPage *page)
{
  stk_window_focus_path (self, stk_finding_get_path (finding));
}

static void
visible_page_changed_cb (StkWindow *self)
{
  sync_page (self, gtk_stack_get_visible_child (self->stack));
  _stk_window_update_title (self);
  _stk_window_update_busy (self);
}

static void
show_audit_page_cb (StkWindow *self)
{
  stk_window_show_page (self, "audit");
}

void
_stk_window_pages_init (StkWindow *self)
{
  static const char * const titles[N_EDIT_PAGES] = {
    N_("Policy"), N_("Banner Texts"), N_("Categories"), N_("Providers"), N_("Page Sections"),
    N_("Appearance"), N_("Preview"),
  };
  self->pages[PAGE_POLICY] = g_object_new (STK_TYPE_POLICY_PAGE, NULL);
  self->pages[PAGE_TEXTS] = g_object_new (STK_TYPE_TEXTS_PAGE, NULL);
  self->pages[PAGE_CATEGORIES] = g_object_new (STK_TYPE_CATEGORIES_PAGE, NULL);
  self->pages[PAGE_PROVIDERS] = g_object_new (STK_TYPE_PROVIDERS_PAGE, NULL);
  self->pages[PAGE_SECTIONS] = g_object_new (STK_TYPE_SECTIONS_PAGE, NULL);
  self->pages[PAGE_APPEARANCE] = g_object_new (STK_TYPE_APPEARANCE_PAGE, NULL);
  self->pages[PAGE_PREVIEW] = g_object_new (STK_TYPE_PREVIEW_PAGE, NULL);

  for (guint i = 0; i < N_EDIT_PAGES; i++)
    {
      gtk_stack_add_titled (self->stack, self->pages[i], page_names[i], _(titles[i]));
      /* Every page waits for the document until it is first shown. */
      self->page_stale[i] = TRUE;
    }

  /* Checking the website: its actions reach the menu as "audit.*", and starting a scan or an
   * import from there shows the page where its progress and results appear. */
  {
    GtkWidget *audit = stk_audit_page_new (self->document);
    GActionGroup *actions = stk_audit_page_get_actions (STK_AUDIT_PAGE (audit));

    gtk_stack_add_titled (self->stack, audit, "audit", _("Check Website"));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "audit", actions);
    for (guint i = 0; i < 2; i++)
      g_signal_connect_object (g_action_map_lookup_action (G_ACTION_MAP (actions),
                                                           i == 0 ? "scan" : "import-har"),
                               "activate", G_CALLBACK (show_audit_page_cb), self,
                               G_CONNECT_SWAPPED);
  }

  self->problems_page = STK_PROBLEMS_PAGE (stk_problems_page_new ());
  stk_problems_page_set_findings (self->problems_page,
                                  stk_document_get_findings (self->document));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->problems_page), "problems", _("Problems"));

  /* How far the file is read (StkDocument:progress, through _stk_window_update_busy()). */
  self->opening_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->opening_progress), 240, -1);
  gtk_widget_set_halign (GTK_WIDGET (self->opening_progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->opening_progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opening…"),
                                  -1);
  self->opening_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_child (self->opening_page, GTK_WIDGET (self->opening_progress));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->opening_page), OPENING_PAGE);

  g_signal_connect_object (self->problems_page, "finding-activated",
                           G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_stk_window_select_sidebar_row (StkWindow  *self,
                                const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

/**
 * stk_window_show_page:
 * @self: a window
 * @name: policy, texts, categories, providers, sections, preview or problems
 *
 * While the window's first document is being read, the page shows once it is there.
 */
void
stk_window_show_page (StkWindow  *self,
                      const char *name)
{
  g_return_if_fail (STK_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (g_str_equal (name, OPENING_PAGE) || gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return;

  _stk_window_select_sidebar_row (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  if (_stk_window_is_opening (self))
    {
      g_free (self->wanted_page);
      self->wanted_page = g_strdup (name);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, name);
}

const char *
stk_window_get_visible_page (StkWindow *self)
{
  g_return_val_if_fail (STK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The page that edits the place @path names: the first that says it is its own, and the
 * policy page, which shows the policy as a whole, for a path no page claims. */
static guint
page_for_path (StkWindow *self,
               StkPath   *path)
{
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    if (stk_page_owns_path (STK_PAGE (self->pages[i]), path))
      return i;

  return PAGE_POLICY;
}

/**
 * stk_window_focus_path:
 * @self: a window
 * @path: a finding's path ("providers[3].cookies[1].purpose.en")
 *
 * Shows the page that edits the place @path names and focuses the field there; the policy
 * page for a text that is not a path.
 *
 * Returns: whether a field took the focus
 */
gboolean
stk_window_focus_path (StkWindow  *self,
                       const char *path)
{
  g_autoptr(StkPath) parsed = NULL;
  guint page;

  g_return_val_if_fail (STK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (_stk_window_is_opening (self))
    return FALSE;

  /* The only place a finding's path is parsed; the pages go on from its segments. */
  parsed = stk_path_parse (path);
  page = parsed != NULL ? page_for_path (self, parsed) : PAGE_POLICY;
  stk_window_show_page (self, page_names[page]);

  return parsed != NULL && stk_page_focus_path (STK_PAGE (self->pages[page]), parsed);
}

/* Only the page in view gets the document now; the others when they are first shown, so that a
 * large policy is on screen without building every page for it first. */
void
_stk_window_pages_follow_policy (StkWindow *self)
{
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    {
      if (self->pages[i] != NULL && !self->page_stale[i])
        {
          self->page_stale[i] = TRUE;
          stk_page_set_policy (STK_PAGE (self->pages[i]), NULL);
        }
    }
  sync_page (self, gtk_stack_get_visible_child (self->stack));
}

void
_stk_window_pages_follow_file (StkWindow *self)
{
  if (!self->page_stale[PAGE_PREVIEW])
    stk_preview_page_set_file (STK_PREVIEW_PAGE (self->pages[PAGE_PREVIEW]),
                               stk_document_get_file (self->document));
}

void
_stk_window_pages_dispose (StkWindow *self)
{
  for (guint i = 0; i < N_EDIT_PAGES; i++)
    self->pages[i] = NULL;
  self->problems_page = NULL;
}
