/* stk-cookie-table.c — a provider's cookies and storage, a row each, edited in place
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-cookie-cell.h"
#include "stk-cookie-table.h"
#include "stk-field.h"

struct _StkCookieTable
{
  GtkBox               parent_instance;

  /* template widgets */
  GtkLabel            *heading;
  GtkWidget           *add_button;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *view;

  /* owned */
  StkProvider         *provider;
  GtkSingleSelection  *selection;
  char               **languages;
  GPtrArray           *purpose_columns;  /* GtkColumnViewColumns, one a language */
  GtkColumnViewColumn *delete_column;    /* always the last */
  GHashTable          *cells;            /* the StkCookieCells bound to a cookie, borrowed */
};

G_DEFINE_FINAL_TYPE (StkCookieTable, stk_cookie_table, GTK_TYPE_BOX)

/* What the cells of one column show; shared by the column's factory signals. */
typedef struct
{
  StkCookieTable  *table;   /* borrowed: the factory goes with the column, before the table */
  StkCookieColumn  column;
  char            *lang;    /* for a purpose */
} ColumnSpec;

static void
column_spec_clear (gpointer data)
{
  g_free (((ColumnSpec *) data)->lang);
}

static void
column_spec_release (gpointer  data,
                     GClosure *closure)
{
  g_rc_box_release_full (data, column_spec_clear);
}

/* Editing a cell makes its row the selected one, which Duplicate and Remove act on. */
static void
on_cell_focus_enter (StkCookieTable     *self,
                     GtkEventController *controller)
{
  StkCookie *cookie = stk_cookie_cell_get_cookie (
    STK_COOKIE_CELL (gtk_event_controller_get_widget (controller)));
  guint position;

  if (cookie == NULL || self->provider == NULL
      || !stk_list_find (stk_provider_get_cookies (self->provider), cookie, &position))
    return;

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnSpec               *spec)
{
  GtkWidget *cell = stk_cookie_cell_new (spec->column, spec->lang);
  GtkEventController *enter = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (enter, "enter", G_CALLBACK (on_cell_focus_enter), spec->table);
  gtk_widget_add_controller (cell, enter);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnSpec               *spec)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  stk_cookie_cell_set_cookie (STK_COOKIE_CELL (cell), gtk_list_item_get_item (list_item));
  g_hash_table_add (spec->table->cells, cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnSpec               *spec)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (spec->table->cells != NULL)
    g_hash_table_remove (spec->table->cells, cell);
  stk_cookie_cell_set_cookie (STK_COOKIE_CELL (cell), NULL);
}

static GtkColumnViewColumn *
add_column (StkCookieTable  *self,
            const char      *title,
            StkCookieColumn  column,
            const char      *lang,
            gboolean         expand)
{
  ColumnSpec *spec = g_rc_box_new0 (ColumnSpec);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  spec->table = self;
  spec->column = column;
  spec->lang = g_strdup (lang);
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), g_rc_box_acquire (spec),
                         column_spec_release, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), g_rc_box_acquire (spec),
                         column_spec_release, 0);
  g_signal_connect_data (factory, "unbind", G_CALLBACK (unbind_cell), spec,
                         column_spec_release, 0);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->view, view_column);
  g_object_unref (view_column);

  return view_column;
}

/* A purpose column for each language, then the column that stays last. */
static void
rebuild_purpose_columns (StkCookieTable *self)
{
  for (guint i = 0; i < self->purpose_columns->len; i++)
    gtk_column_view_remove_column (self->view, g_ptr_array_index (self->purpose_columns, i));
  g_ptr_array_set_size (self->purpose_columns, 0);

  if (self->delete_column != NULL)
    gtk_column_view_remove_column (self->view, self->delete_column);
  g_clear_object (&self->delete_column);

  for (guint i = 0; self->languages != NULL && self->languages[i] != NULL; i++)
    {
      /* Translators: a column heading; %s is a language code */
      g_autofree char *title = g_strdup_printf (_("Purpose (%s)"), self->languages[i]);
      GtkColumnViewColumn *column = add_column (self, title, STK_COOKIE_COLUMN_PURPOSE,
                                                self->languages[i], TRUE);

      g_ptr_array_add (self->purpose_columns, g_object_ref (column));
    }

  self->delete_column = g_object_ref (add_column (self, _("Deleted on withdrawal"),
                                                  STK_COOKIE_COLUMN_DELETE, NULL, FALSE));
}

void
stk_cookie_table_set_languages (StkCookieTable     *self,
                                const char * const *languages)
{
  g_return_if_fail (STK_IS_COOKIE_TABLE (self));

  if (self->languages != NULL && languages != NULL
      && g_strv_equal ((const char * const *) self->languages, languages))
    return;

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);
  rebuild_purpose_columns (self);
}

/* The selected cookie ------------------------------------------------------------------- */

guint
stk_cookie_table_get_position (StkCookieTable *self)
{
  g_return_val_if_fail (STK_IS_COOKIE_TABLE (self), GTK_INVALID_LIST_POSITION);

  if (self->provider == NULL)
    return GTK_INVALID_LIST_POSITION;

  return gtk_single_selection_get_selected (self->selection);
}

/* Scrolls the table so that @position is in view (GTK 4.8 has no scroll-to). */
static void
scroll_to (StkCookieTable *self,
           guint           position)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double row_height, target;

  if (n == 0 || upper <= page)
    return;

  row_height = upper / n;
  target = row_height * position;
  if (target < gtk_adjustment_get_value (adjustment))
    gtk_adjustment_set_value (adjustment, target);
  else if (target + row_height > gtk_adjustment_get_value (adjustment) + page)
    gtk_adjustment_set_value (adjustment, target + row_height - page);
}

void
stk_cookie_table_set_position (StkCookieTable *self,
                               guint           position)
{
  g_return_if_fail (STK_IS_COOKIE_TABLE (self));

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

static void
update_buttons (StkCookieTable *self)
{
  gboolean selected = stk_cookie_table_get_position (self) != GTK_INVALID_LIST_POSITION;
  guint n = self->provider != NULL ? stk_list_get_n (stk_provider_get_cookies (self->provider)) : 0;
  g_autofree char *heading = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cookie-table.add", self->provider != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cookie-table.duplicate", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cookie-table.remove", selected);

  /* Translators: a heading, with how many cookies the provider sets */
  heading = g_strdup_printf (_("Cookies and Storage (%u)"), n);
  gtk_label_set_text (self->heading, heading);
}

/* The table is as tall as its rows, up to a limit, then scrolls. A list view only learns its
 * rows' heights once they exist, so the height is reckoned from the number of rows. */
static void
update_height (StkCookieTable *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  int height = CLAMP (40 + 52 * (int) n, 120, 520);

  if (gtk_scrolled_window_get_min_content_height (self->scroller) != height)
    gtk_scrolled_window_set_min_content_height (self->scroller, height);
}

/* Focusing a cell ------------------------------------------------------------------------- */

typedef struct
{
  StkCookieTable  *table;
  StkCookie       *cookie;
  StkCookieColumn  column;
  char            *lang;
  guint            tries;
} FocusCell;

static void
focus_cell_free (gpointer data)
{
  FocusCell *focus = data;

  g_object_unref (focus->table);
  g_object_unref (focus->cookie);
  g_free (focus->lang);
  g_free (focus);
}

static gboolean
focus_cell_now (FocusCell *focus)
{
  GHashTableIter iter;
  gpointer cell;

  if (focus->table->cells == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, focus->table->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (stk_cookie_cell_get_cookie (cell) == focus->cookie
        && stk_cookie_cell_get_column (cell) == focus->column
        && g_strcmp0 (stk_cookie_cell_get_lang (cell), focus->lang) == 0)
      {
        gtk_widget_grab_focus (cell);
        return TRUE;
      }

  return FALSE;
}

static gboolean
focus_cell_later (gpointer data)
{
  FocusCell *focus = data;

  if (focus_cell_now (focus) || ++focus->tries > 10)
    return G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

/* Focuses a cell; cells only exist once their row is laid out, so this may finish a moment
 * later. */
static void
focus_cell (StkCookieTable  *self,
            StkCookie       *cookie,
            StkCookieColumn  column,
            const char      *lang)
{
  FocusCell *focus = g_new0 (FocusCell, 1);

  focus->table = g_object_ref (self);
  focus->cookie = g_object_ref (cookie);
  focus->column = column;
  focus->lang = g_strdup (lang);

  if (focus_cell_now (focus))
    {
      focus_cell_free (focus);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  g_timeout_add_full (G_PRIORITY_DEFAULT, 30, focus_cell_later, focus, focus_cell_free);
}

/**
 * stk_cookie_table_focus_path:
 * @self: a table
 * @path: a finding's path ("providers[1].cookies[2].purpose.en")
 * @i: the segment that names the cookies ("cookies")
 *
 * Selects the cookie @path names and focuses the cell of the field after it; the add button
 * when it names no cookie.
 *
 * Returns: whether something was focused
 */
gboolean
stk_cookie_table_focus_path (StkCookieTable *self,
                             StkPath        *path,
                             guint           i)
{
  static const struct
  {
    const char      *member;
    StkCookieColumn  column;
  } members[] = {
    { "purpose", STK_COOKIE_COLUMN_PURPOSE },
    { "domain", STK_COOKIE_COLUMN_DOMAIN },
    { "path", STK_COOKIE_COLUMN_PATH },
    { "duration", STK_COOKIE_COLUMN_DURATION },
    { "party", STK_COOKIE_COLUMN_PARTY },
    { "kind", STK_COOKIE_COLUMN_KIND },
    { "pattern", STK_COOKIE_COLUMN_PATTERN },
    { "delete_on_withdraw", STK_COOKIE_COLUMN_DELETE },
  };
  StkList *cookies;
  StkCookieColumn column = STK_COOKIE_COLUMN_NAME;
  const char *lang = NULL;
  guint index;

  g_return_val_if_fail (STK_IS_COOKIE_TABLE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->provider == NULL)
    return FALSE;

  cookies = stk_provider_get_cookies (self->provider);
  if (!stk_path_match_index (path, i, "cookies", &index) || index >= stk_list_get_n (cookies))
    return gtk_widget_grab_focus (self->add_button);

  stk_cookie_table_set_position (self, index);

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    if (stk_path_has_name (path, i + 2, members[m].member))
      column = members[m].column;

  if (column == STK_COOKIE_COLUMN_PURPOSE)
    {
      lang = stk_path_get_name (path, i + 3);
      if (lang == NULL && self->languages != NULL)
        lang = self->languages[0];
    }

  focus_cell (self, stk_list_peek (cookies, index), column, lang);
  return TRUE;
}

/* Adding and removing --------------------------------------------------------------------- */

/* Adds a cookie of the site's first domain and puts the cursor in its name. */
void
stk_cookie_table_add (StkCookieTable *self)
{
  g_autoptr(StkCookie) cookie = NULL;
  StkNode *root;
  StkList *cookies;

  g_return_if_fail (STK_IS_COOKIE_TABLE (self));

  if (self->provider == NULL)
    return;

  cookie = stk_cookie_new ();
  root = stk_node_get_root (STK_NODE (self->provider));
  if (STK_IS_POLICY (root))
    {
      const char * const *domains = stk_policy_get_domains (STK_POLICY (root));

      if (domains != NULL && domains[0] != NULL)
        stk_cookie_set_domain (cookie, domains[0]);
    }
  cookies = stk_provider_get_cookies (self->provider);
  stk_list_append (cookies, cookie);
  stk_seal_history_of (self->provider);

  stk_cookie_table_set_position (self, stk_list_get_n (cookies) - 1);
  focus_cell (self, cookie, STK_COOKIE_COLUMN_NAME, NULL);
}

/* Puts a copy of the selected cookie after it and puts the cursor in its name. */
void
stk_cookie_table_duplicate (StkCookieTable *self)
{
  g_autoptr(StkCookie) copy = NULL;
  StkList *cookies;
  guint position;

  g_return_if_fail (STK_IS_COOKIE_TABLE (self));

  position = stk_cookie_table_get_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  cookies = stk_provider_get_cookies (self->provider);
  copy = stk_cookie_copy (stk_list_peek (cookies, position));
  stk_list_insert (cookies, position + 1, copy);
  stk_seal_history_of (self->provider);

  stk_cookie_table_set_position (self, position + 1);
  focus_cell (self, copy, STK_COOKIE_COLUMN_NAME, NULL);
}

/* Removes the selected cookie; the next one, or the last, is selected then. */
void
stk_cookie_table_remove (StkCookieTable *self)
{
  StkList *cookies;
  guint position, n;

  g_return_if_fail (STK_IS_COOKIE_TABLE (self));

  position = stk_cookie_table_get_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  cookies = stk_provider_get_cookies (self->provider);
  stk_list_remove (cookies, position);
  stk_seal_history_of (self->provider);

  n = stk_list_get_n (cookies);
  if (n > 0)
    stk_cookie_table_set_position (self, MIN (position, n - 1));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  stk_cookie_table_add (STK_COOKIE_TABLE (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stk_cookie_table_duplicate (STK_COOKIE_TABLE (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  stk_cookie_table_remove (STK_COOKIE_TABLE (widget));
}

/* The table --------------------------------------------------------------------------------- */

/* Shows the cookies of @provider, none selected. */
void
stk_cookie_table_set_provider (StkCookieTable *self,
                               StkProvider    *provider)
{
  g_return_if_fail (STK_IS_COOKIE_TABLE (self));

  if (self->provider == provider)
    return;

  if (self->provider != NULL)
    g_signal_handlers_disconnect_by_data (self->provider, self);
  g_set_object (&self->provider, provider);
  if (provider != NULL)
    g_signal_connect_swapped (provider, "changed", G_CALLBACK (update_buttons), self);

  gtk_single_selection_set_model (self->selection,
                                  provider != NULL
                                  ? G_LIST_MODEL (stk_provider_get_cookies (provider)) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_buttons (self);
}

static void
stk_cookie_table_dispose (GObject *object)
{
  StkCookieTable *self = STK_COOKIE_TABLE (object);

  stk_cookie_table_set_provider (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_COOKIE_TABLE);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->delete_column);
  g_clear_pointer (&self->purpose_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_cookie_table_parent_class)->dispose (object);
}

static void
stk_cookie_table_finalize (GObject *object)
{
  g_strfreev (STK_COOKIE_TABLE (object)->languages);

  G_OBJECT_CLASS (stk_cookie_table_parent_class)->finalize (object);
}

static void
stk_cookie_table_class_init (StkCookieTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_cookie_table_dispose;
  object_class->finalize = stk_cookie_table_finalize;

  gtk_widget_class_install_action (widget_class, "cookie-table.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "cookie-table.duplicate", NULL,
                                   duplicate_action);
  gtk_widget_class_install_action (widget_class, "cookie-table.remove", NULL, remove_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-cookie-table.ui");
  gtk_widget_class_bind_template_child (widget_class, StkCookieTable, heading);
  gtk_widget_class_bind_template_child (widget_class, StkCookieTable, add_button);
  gtk_widget_class_bind_template_child (widget_class, StkCookieTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, StkCookieTable, view);
}

static void
stk_cookie_table_init (StkCookieTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new (NULL, NULL);
  self->purpose_columns = g_ptr_array_new_with_free_func (g_object_unref);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (update_buttons), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_height), self);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Name"), STK_COOKIE_COLUMN_NAME, NULL, FALSE);
  add_column (self, _("Pattern"), STK_COOKIE_COLUMN_PATTERN, NULL, FALSE);
  add_column (self, _("Domain"), STK_COOKIE_COLUMN_DOMAIN, NULL, FALSE);
  add_column (self, _("Path"), STK_COOKIE_COLUMN_PATH, NULL, FALSE);
  add_column (self, _("Duration"), STK_COOKIE_COLUMN_DURATION, NULL, FALSE);
  add_column (self, _("Party"), STK_COOKIE_COLUMN_PARTY, NULL, FALSE);
  add_column (self, _("Kind"), STK_COOKIE_COLUMN_KIND, NULL, FALSE);
  rebuild_purpose_columns (self);
  update_buttons (self);
}
