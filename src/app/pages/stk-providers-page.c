/* stk-providers-page.c — the editor page of the providers: a searchable list and its details
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-providers-page.h"
#include "stk-row-model.h"
#include "stk-text-editor.h"

typedef enum
{
  CELL_NAME,
  CELL_PATTERN,
  CELL_DOMAIN,
  CELL_PATH,
  CELL_DURATION,
  CELL_PARTY,
  CELL_KIND,
  CELL_PURPOSE,
  CELL_DELETE,
} CellKind;

/* What one column of the cookie table shows; owned by its factory. */
typedef struct
{
  StkProvidersPage *page;   /* borrowed */
  CellKind          kind;
  char             *lang;   /* CELL_PURPOSE only */
} CellColumn;

struct _StkProvidersPage
{
  AdwBin               parent_instance;

  /* template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkSearchEntry      *search_entry;
  GtkStack            *sidebar_stack;
  GtkListView         *list_view;
  GtkWidget           *add_provider_button;
  GtkWidget           *remove_provider_button;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  GtkWidget           *detail_scroller;
  GtkWidget           *back_button;
  GtkWidget           *name_row;
  GtkWidget           *id_row;
  AdwComboRow         *category_row;
  GtkWidget           *country_row;
  GtkWidget           *outside_eea_switch;
  AdwPreferencesGroup *purpose_group;
  AdwPreferencesGroup *links_group;
  GtkWidget           *dpa_switch;
  GtkWidget           *dpa_date_row;
  GtkListBox          *embeds_list;
  GtkWidget           *add_embed_button;
  GtkLabel            *cookies_heading;
  GtkWidget           *add_cookie_button;
  GtkWidget           *duplicate_cookie_button;
  GtkWidget           *remove_cookie_button;
  GtkScrolledWindow   *cookies_scroller;
  GtkColumnView       *cookies_view;

  /* owned */
  StkPolicy           *policy;
  StkList             *providers;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  StkRowModel         *rows;         /* the shown providers as rows the list view keeps */
  GdkFrameClock       *catch_up_clock; /* whose next frame lets waiting rows come */
  gulong               catch_up_handler;
  guint                catch_up_idle;
  GHashTable          *bound_items;  /* the list items bound to a row, borrowed */
  GtkSingleSelection  *selection;
  char                *needle;       /* case-folded search text; NULL shows every provider */
  GHashTable          *haystacks;    /* StkProvider -> case-folded searchable text */
  guint                index_source; /* builds the haystacks ahead of the first search */
  guint                index_next;
  StkProvider         *provider;     /* the one shown in the details */
  GtkSingleSelection  *cookie_selection;
  GPtrArray           *fields;       /* borrowed detail widgets bound with stk_field_bind_* */
  GtkWidget           *purpose_editor;
  GtkWidget           *website_editor;
  GtkWidget           *privacy_editor;
  GtkStringList       *category_titles;
  char               **category_ids;
  char               **languages;
  GPtrArray           *purpose_columns;
  GHashTable          *cells;        /* "cookie:kind:lang" -> borrowed cell widget */

  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (StkProvidersPage, stk_providers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_provider (StkProvidersPage *self,
                           StkProvider      *provider);

/* The model's enum and int accessors, widened for the generic bindings. */
static gint64 get_duration_value (gpointer c) { return stk_cookie_get_duration_value (c); }
static void set_duration_value (gpointer c, gint64 v) { stk_cookie_set_duration_value (c, v); }
static gint64 get_duration_unit (gpointer c) { return stk_cookie_get_duration_unit (c); }
static void set_duration_unit (gpointer c, gint64 v) { stk_cookie_set_duration_unit (c, v); }
static gint64 get_party (gpointer c) { return stk_cookie_get_party (c); }
static void set_party (gpointer c, gint64 v) { stk_cookie_set_party (c, (StkParty) v); }
static gint64 get_kind (gpointer c) { return stk_cookie_get_kind (c); }
static void set_kind (gpointer c, gint64 v) { stk_cookie_set_kind (c, (StkKind) v); }

static const char *
check_country (const char *value)
{
  if (value == NULL || *value == '\0')
    return NULL;

  if (strlen (value) != 2 || !g_ascii_isupper (value[0]) || !g_ascii_isupper (value[1]))
    return _("Write the two-letter country code in capitals, such as DK, SE or US");

  return NULL;
}

/* Searching ------------------------------------------------------------------------------ */

static void on_provider_changed_for_search (StkProvider      *provider,
                                            StkProvidersPage *self);

static void
drop_haystacks (StkProvidersPage *self)
{
  GHashTableIter iter;
  gpointer provider;

  g_hash_table_iter_init (&iter, self->haystacks);
  while (g_hash_table_iter_next (&iter, &provider, NULL))
    g_signal_handlers_disconnect_by_func (provider, on_provider_changed_for_search, self);
  g_hash_table_remove_all (self->haystacks);
}

static void
on_provider_changed_for_search (StkProvider      *provider,
                                StkProvidersPage *self)
{
  g_signal_handlers_disconnect_by_func (provider, on_provider_changed_for_search, self);
  g_hash_table_remove (self->haystacks, provider);
}

static void
append_text_values (GString *haystack,
                    StkText *text)
{
  g_auto(GStrv) languages = stk_text_dup_languages (text);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_string_append (haystack, stk_text_get (text, languages[i]));
      g_string_append_c (haystack, '\n');
    }
}

/* Everything a search matches, case-folded once and kept until the provider changes, so a
 * keystroke costs one substring search per provider. */
static const char *
haystack_of (StkProvidersPage *self,
             StkProvider      *provider)
{
  GString *haystack;
  StkList *cookies;
  StkCategory *category;
  char *folded;
  guint n;

  folded = g_hash_table_lookup (self->haystacks, provider);
  if (folded != NULL)
    return folded;

  haystack = g_string_sized_new (256);
  g_string_append (haystack, stk_provider_get_name (provider));
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, stk_provider_get_id (provider));
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, stk_provider_get_category (provider));
  g_string_append_c (haystack, '\n');

  category = stk_policy_find_category (self->policy, stk_provider_get_category (provider));
  if (category != NULL)
    append_text_values (haystack, stk_category_get_title (category));

  cookies = stk_provider_get_cookies (provider);
  n = stk_list_get_n (cookies);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (haystack, stk_cookie_get_name (stk_list_peek (cookies, i)));
      g_string_append_c (haystack, '\n');
    }

  folded = g_utf8_casefold (haystack->str, haystack->len);
  g_string_free (haystack, TRUE);

  g_hash_table_insert (self->haystacks, provider, folded);
  g_signal_connect (provider, "changed", G_CALLBACK (on_provider_changed_for_search), self);

  return folded;
}

/* Builds the search text of a few hundred providers per idle moment after a policy is set, so
 * that the first keystroke of a search does not have to do it for every provider at once. */
static gboolean
build_index_step (gpointer user_data)
{
  StkProvidersPage *self = user_data;
  guint n = self->providers != NULL ? stk_list_get_n (self->providers) : 0;
  guint end = MIN (n, self->index_next + 250);

  for (; self->index_next < end; self->index_next++)
    haystack_of (self, stk_list_peek (self->providers, self->index_next));

  if (self->index_next < n)
    return G_SOURCE_CONTINUE;

  self->index_source = 0;
  return G_SOURCE_REMOVE;
}

static void
start_index (StkProvidersPage *self)
{
  g_clear_handle_id (&self->index_source, g_source_remove);
  self->index_next = 0;

  if (self->policy != NULL)
    self->index_source = g_idle_add_full (G_PRIORITY_LOW, build_index_step, self, NULL);
}

static gboolean
filter_provider (gpointer item,
                 gpointer user_data)
{
  StkProvidersPage *self = user_data;

  if (self->needle == NULL || self->policy == NULL)
    return TRUE;

  return strstr (haystack_of (self, item), self->needle) != NULL;
}

static void
update_sidebar (StkProvidersPage *self)
{
  guint total = self->providers != NULL ? stk_list_get_n (self->providers) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");

  if (self->needle != NULL)
    /* Translators: providers shown by a search, of all providers */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u provider", "%u providers", total),
                             total);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_set_sensitive (self->remove_provider_button, self->provider != NULL);
  gtk_widget_set_sensitive (self->add_provider_button, self->policy != NULL);
}

/* The selected row is the one showing the provider in the details, or none when a search
 * hides that provider. Rows keep their place while the providers they show change, so this
 * runs after every change of the shown providers. */
static void
sync_selection (StkProvidersPage *self)
{
  guint position;

  if (self->provider == NULL || !stk_row_model_find_item (self->rows, self->provider, &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

/* Rows waiting to be added (a short list became a long one) come once the window has drawn
 * the rows there are: after the list view's next frame, or at once when it has no frames. */
static gboolean
catch_up_rows (gpointer data)
{
  StkProvidersPage *self = data;

  self->catch_up_idle = 0;
  stk_row_model_catch_up (self->rows);

  return G_SOURCE_REMOVE;
}

static void
stop_catching_up (StkProvidersPage *self)
{
  if (self->catch_up_clock != NULL)
    g_clear_signal_handler (&self->catch_up_handler, self->catch_up_clock);
  g_clear_object (&self->catch_up_clock);
  g_clear_handle_id (&self->catch_up_idle, g_source_remove);
}

static void
on_frame_drawn (StkProvidersPage *self)
{
  stop_catching_up (self);
  self->catch_up_idle = g_idle_add (catch_up_rows, self);
}

static void
on_rows_waiting (StkProvidersPage *self)
{
  GdkFrameClock *clock;

  if (!stk_row_model_get_waiting (self->rows))
    {
      stop_catching_up (self);
      return;
    }
  if (self->catch_up_clock != NULL || self->catch_up_idle != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      self->catch_up_clock = g_object_ref (clock);
      self->catch_up_handler = g_signal_connect_swapped (clock, "after-paint",
                                                         G_CALLBACK (on_frame_drawn), self);
    }
  else
    self->catch_up_idle = g_idle_add (catch_up_rows, self);
}

/* The provider of the selected row, if any. */
static StkProvider *
selected_provider (StkProvidersPage *self)
{
  StkRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? stk_row_get_item (row) : NULL;
}

void
stk_providers_page_set_filter (StkProvidersPage *self,
                               const char       *text)
{
  g_autofree char *stripped = NULL;
  char *folded = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  GtkAdjustment *adjustment;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped != '\0')
    folded = g_utf8_casefold (stripped, -1);

  if (g_strcmp0 (folded, self->needle) == 0)
    {
      g_free (folded);
      return;
    }

  /* Tell the filter which way it changed, so it only looks at the providers concerned. */
  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (folded, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = folded;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 text != NULL ? text : "") != 0)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->updating = FALSE;
    }

  /* Results start at the top. Scrolled before filtering: an empty result has no row for the
   * list view to scroll to. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  if (gtk_adjustment_get_value (adjustment) != 0)
    gtk_adjustment_set_value (adjustment, 0);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_sidebar (self);
}

static void
on_search_changed (StkProvidersPage *self)
{
  if (!self->updating)
    stk_providers_page_set_filter (self,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (StkProvidersPage *self)
{
  stk_providers_page_set_filter (self, "");
}

GListModel *
stk_providers_page_get_shown (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* The list -------------------------------------------------------------------------------- */

static const char *
category_title (StkProvidersPage *self,
                const char       *id)
{
  StkCategory *category = self->policy != NULL ? stk_policy_find_category (self->policy, id) : NULL;
  const char *title;

  if (category == NULL)
    return id;

  title = stk_text_lookup (stk_category_get_title (category),
                           stk_policy_get_default_language (self->policy));

  return title != NULL && *title != '\0' ? title : id;
}

/* A row is one inscription, name above category and cookie count. GTK 4.8's list view keeps
 * about 200 rows; they are kept while a search changes which providers they show (see
 * stk-row-model.c), and an inscription takes its size from line and character counts instead
 * of measuring its text, so rows that are off screen cost little (bench/editor/FILTER.md). */
static void
update_list_item (GtkListItem *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  StkProvidersPage *self = g_object_get_data (G_OBJECT (row), "stk-page");
  StkProvider *provider = g_object_get_data (G_OBJECT (row), "stk-provider");
  const char *name;
  guint n_cookies, start;
  g_autofree char *details = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  PangoAttrList *attributes;
  PangoAttribute *attribute;

  if (provider == NULL)
    return;

  name = stk_provider_get_name (provider);
  if (name == NULL || *name == '\0')
    name = *stk_provider_get_id (provider) != '\0' ? stk_provider_get_id (provider)
                                                   : _("New provider");

  n_cookies = stk_list_get_n (stk_provider_get_cookies (provider));
  /* Translators: a provider's category, then how many cookies it sets */
  details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u cookie", "%s · %u cookies",
                                          n_cookies),
                             category_title (self, stk_provider_get_category (provider)),
                             n_cookies);

  /* The second line smaller and dimmed; attributes rather than markup, which would be parsed
   * for every row a search brings in. */
  text = g_strconcat (name, "\n", details, NULL);
  start = strlen (name) + 1;
  attributes = pango_attr_list_new ();
  attribute = pango_attr_scale_new (PANGO_SCALE_SMALL);
  attribute->start_index = start;
  pango_attr_list_insert (attributes, attribute);
  attribute = pango_attr_foreground_alpha_new (G_MAXUINT16 / 10 * 6);
  attribute->start_index = start;
  pango_attr_list_insert (attributes, attribute);
  gtk_inscription_set_text (GTK_INSCRIPTION (row), text);
  gtk_inscription_set_attributes (GTK_INSCRIPTION (row), attributes);
  pango_attr_list_unref (attributes);

  /* What a screen reader says for the row. */
  label = g_strdup_printf ("%s, %s", name, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The list item's row widget follows the provider its row shows now. */
static void
follow_row_item (GtkListItem *list_item)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  StkRow *row = gtk_list_item_get_item (list_item);
  StkProvider *old = g_object_get_data (G_OBJECT (widget), "stk-provider");
  StkProvider *provider = row != NULL ? stk_row_get_item (row) : NULL;

  if (old != provider)
    {
      if (old != NULL)
        g_signal_handlers_disconnect_by_func (old, update_list_item, list_item);
      if (provider != NULL)
        g_signal_connect_swapped (provider, "changed", G_CALLBACK (update_list_item), list_item);
      g_object_set_data_full (G_OBJECT (widget), "stk-provider",
                              provider != NULL ? g_object_ref (provider) : NULL, g_object_unref);
    }

  update_list_item (list_item);
}

static void
setup_list_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 StkProvidersPage         *self)
{
  GtkWidget *row = gtk_inscription_new (NULL);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (row), 0.0);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (row), 2);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (row), 2);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (row), 16);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (row), 28);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (row), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (row), "stk-page", self);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_list_item (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                StkProvidersPage         *self)
{
  g_hash_table_add (self->bound_items, list_item);
  g_signal_connect_swapped (gtk_list_item_get_item (list_item), "notify::item",
                            G_CALLBACK (follow_row_item), list_item);
  follow_row_item (list_item);
}

static void
unbind_list_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  StkProvidersPage         *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  StkProvider *provider = g_object_get_data (G_OBJECT (widget), "stk-provider");
  StkRow *row = gtk_list_item_get_item (list_item);

  g_hash_table_remove (self->bound_items, list_item);
  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, follow_row_item, list_item);
  if (provider != NULL)
    g_signal_handlers_disconnect_by_func (provider, update_list_item, list_item);
  g_object_set_data (G_OBJECT (widget), "stk-provider", NULL);
}

static void
on_selection_changed (StkProvidersPage *self)
{
  StkProvider *selected = selected_provider (self);

  /* A search that hides the provider being edited leaves it in the details: the list is
   * narrowed, not the work in progress. */
  if (selected == NULL && self->provider != NULL && self->providers != NULL
      && stk_list_find (self->providers, self->provider, NULL))
    return;

  show_provider (self, selected);
}

static void
on_list_activate (StkProvidersPage *self,
                  guint             position)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  gtk_widget_grab_focus (self->name_row);
}

static void
on_back_clicked (StkProvidersPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

StkProvider *
stk_providers_page_get_selected (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), NULL);

  return self->provider;
}

void
stk_providers_page_select (StkProvidersPage *self,
                           StkProvider      *provider)
{
  guint position;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  if (provider == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  if (self->needle != NULL && !filter_provider (provider, self))
    stk_providers_page_set_filter (self, "");

  stk_row_model_catch_up (self->rows);
  if (stk_row_model_find_item (self->rows, provider, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
}

static void
on_providers_changed (StkProvidersPage *self,
                      guint             position,
                      guint             removed,
                      guint             added)
{
  guint position_shown;

  /* A provider taken out of the list (removed, or undone) leaves the details. */
  if (self->provider != NULL && !stk_list_find (self->providers, self->provider, &position_shown))
    show_provider (self, selected_provider (self));

  update_sidebar (self);
}

void
stk_providers_page_add_provider (StkProvidersPage *self)
{
  g_autoptr(StkProvider) provider = NULL;
  g_autofree char *id = NULL;
  StkList *categories;
  guint n_categories;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  if (self->policy == NULL)
    return;

  for (guint i = 1; id == NULL || stk_policy_find_provider (self->policy, id) != NULL; i++)
    {
      g_free (id);
      id = i == 1 ? g_strdup ("provider") : g_strdup_printf ("provider-%u", i);
    }

  provider = stk_provider_new ();
  stk_provider_set_id (provider, id);
  /* A new provider starts in the last category, usually the least necessary one. */
  categories = stk_policy_get_categories (self->policy);
  n_categories = stk_list_get_n (categories);
  if (n_categories > 0)
    stk_provider_set_category (provider,
                               stk_category_get_id (stk_list_peek (categories, n_categories - 1)));
  stk_list_append (self->providers, provider);
  stk_seal_history_of (self->policy);

  stk_providers_page_select (self, provider);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  gtk_widget_grab_focus (self->name_row);
}

void
stk_providers_page_remove_provider (StkProvidersPage *self)
{
  guint position, shown, n_shown;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  if (self->provider == NULL || !stk_list_find (self->providers, self->provider, &position))
    return;

  /* Show the neighbour first, so the details never empty out under the user; its row may be
   * one that waits. */
  stk_row_model_catch_up (self->rows);
  shown = gtk_single_selection_get_selected (self->selection);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (shown != GTK_INVALID_LIST_POSITION && n_shown > 1)
    gtk_single_selection_set_selected (self->selection,
                                       shown + 1 < n_shown ? shown + 1 : shown - 1);

  stk_list_remove (self->providers, position);
  stk_seal_history_of (self->policy);
}

/* Category drop-down ---------------------------------------------------------------------- */

static void
refresh_categories (StkProvidersPage *self)
{
  StkList *categories = self->policy != NULL ? stk_policy_get_categories (self->policy) : NULL;
  guint n = categories != NULL ? stk_list_get_n (categories) : 0;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) new_ids = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->category_titles));
  gboolean same = old_n == n && self->category_ids != NULL;

  for (guint i = 0; i < n; i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      const char *id = stk_category_get_id (category);
      const char *title = category_title (self, id);

      g_ptr_array_add (titles, (gpointer) title);
      g_strv_builder_add (ids, id);
      if (same && (g_strcmp0 (self->category_ids[i], id) != 0
                   || g_strcmp0 (gtk_string_list_get_string (self->category_titles, i),
                                 title) != 0))
        same = FALSE;
      if (self->provider != NULL && g_strcmp0 (id, stk_provider_get_category (self->provider)) == 0)
        selected = i;
    }
  g_ptr_array_add (titles, NULL);
  new_ids = g_strv_builder_end (ids);

  self->updating = TRUE;
  if (!same)
    {
      gtk_string_list_splice (self->category_titles, 0, old_n,
                              (const char * const *) titles->pdata);
      g_strfreev (self->category_ids);
      self->category_ids = g_steal_pointer (&new_ids);
    }
  if (adw_combo_row_get_selected (self->category_row) != selected)
    adw_combo_row_set_selected (self->category_row, selected);
  self->updating = FALSE;

  if (self->provider != NULL && selected == GTK_INVALID_LIST_POSITION)
    {
      const char *id = stk_provider_get_category (self->provider);
      /* Translators: %s is a category id that no category has */
      g_autofree char *message = g_strdup_printf (_("No category has the id “%s”"), id);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), message);
      gtk_widget_add_css_class (GTK_WIDGET (self->category_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->category_row), "error");
    }
}

static void
on_category_selected (StkProvidersPage *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->updating || self->provider == NULL || self->category_ids == NULL
      || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (self->category_ids))
    return;

  if (g_strcmp0 (stk_provider_get_category (self->provider), self->category_ids[selected]) != 0)
    {
      stk_provider_set_category (self->provider, self->category_ids[selected]);
      stk_seal_history_of (self->provider);
    }
}

/* Embedded content ----------------------------------------------------------------------- */

static void
on_remove_embed_clicked (GtkButton        *button,
                         StkProvidersPage *self)
{
  StkEmbed *embed = g_object_get_data (G_OBJECT (button), "stk-embed");
  StkList *embeds;
  guint position;

  if (self->provider == NULL)
    return;

  embeds = stk_provider_get_embeds (self->provider);
  if (stk_list_find (embeds, embed, &position))
    {
      stk_list_remove (embeds, position);
      stk_seal_history_of (self->provider);
    }
}

static void
on_embed_changed (GtkWidget *entry)
{
  stk_field_refresh (entry);
}

static GtkWidget *
create_embed_row (gpointer item,
                  gpointer user_data)
{
  StkProvidersPage *self = user_data;
  StkEmbed *embed = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *caption = gtk_label_new (_("Placeholder shown until the visitor consents"));
  GtkWidget *editor = stk_text_editor_new (STK_TEXT_EDITOR_PARAGRAPH, _("Placeholder"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("ID, such as youtube-video"));
  stk_set_accessible_label (entry, _("Embedded content ID"));
  gtk_widget_set_hexpand (entry, TRUE);
  stk_field_bind_string (entry, (StkGetString) stk_embed_get_id, (StkSetString) stk_embed_set_id,
                         NULL);
  stk_field_set_object (entry, embed);
  g_signal_connect_object (embed, "changed", G_CALLBACK (on_embed_changed), entry,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_tooltip_text (remove, _("Remove the embedded content"));
  stk_set_accessible_label (remove, _("Remove the embedded content"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "stk-embed", embed);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_embed_clicked), self);

  gtk_box_append (GTK_BOX (header), entry);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  stk_text_editor_set_languages (STK_TEXT_EDITOR (editor), (const char * const *) self->languages);
  stk_text_editor_set_text (STK_TEXT_EDITOR (editor), stk_embed_get_placeholder (embed));
  gtk_box_append (GTK_BOX (box), editor);

  g_object_set_data (G_OBJECT (row), "stk-id-entry", entry);
  g_object_set_data (G_OBJECT (row), "stk-editor", editor);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
on_add_embed_clicked (StkProvidersPage *self)
{
  g_autoptr(StkEmbed) embed = NULL;
  StkList *embeds;
  GtkListBoxRow *row;

  if (self->provider == NULL)
    return;

  embeds = stk_provider_get_embeds (self->provider);
  embed = stk_embed_new ();
  stk_embed_set_id (embed, stk_provider_get_id (self->provider));
  stk_list_append (embeds, embed);
  stk_seal_history_of (self->provider);

  row = gtk_list_box_get_row_at_index (self->embeds_list, stk_list_get_n (embeds) - 1);
  if (row != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "stk-id-entry"));
}

/* Cookie table ---------------------------------------------------------------------------- */

static char *
cell_key (gpointer    cookie,
          CellKind    kind,
          const char *lang)
{
  return g_strdup_printf ("%p:%d:%s", cookie, kind, lang != NULL ? lang : "");
}

static void
cell_column_free (gpointer data)
{
  CellColumn *column = data;

  g_free (column->lang);
  g_free (column);
}

static void
refresh_cell (GtkWidget *cell)
{
  CellColumn *column = g_object_get_data (G_OBJECT (cell), "stk-column");
  GPtrArray *fields = g_object_get_data (G_OBJECT (cell), "stk-fields");
  StkCookie *cookie = g_object_get_data (G_OBJECT (cell), "stk-cookie");

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    stk_field_refresh (g_ptr_array_index (fields, i));

  if (cookie == NULL)
    return;

  if (column->kind == CELL_PURPOSE)
    {
      StkText *purpose = stk_cookie_get_purpose (cookie);
      const char *value = stk_text_get (purpose, column->lang);

      g_object_set_data (G_OBJECT (cell), "stk-updating", GINT_TO_POINTER (TRUE));
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), value != NULL ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (cell), value != NULL ? value : "");
      g_object_set_data (G_OBJECT (cell), "stk-updating", GINT_TO_POINTER (FALSE));

      if (stk_text_is_missing (purpose, column->lang))
        {
          gtk_widget_add_css_class (cell, "stk-missing");
          gtk_widget_set_tooltip_text (cell, _("Missing translation"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Missing translation"), -1);
        }
      else
        {
          gtk_widget_remove_css_class (cell, "stk-missing");
          gtk_widget_set_tooltip_text (cell, NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (cell),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
  else if (column->kind == CELL_DURATION)
    {
      GtkWidget *spin_button = g_ptr_array_index (fields, 0);

      gtk_widget_set_sensitive (spin_button,
                                stk_cookie_get_duration_unit (cookie) != STK_UNIT_SESSION);
    }
}

static void
on_purpose_cell_changed (GtkEditable *cell)
{
  CellColumn *column = g_object_get_data (G_OBJECT (cell), "stk-column");
  StkCookie *cookie = g_object_get_data (G_OBJECT (cell), "stk-cookie");
  const char *text = gtk_editable_get_text (cell);
  StkText *purpose;

  if (cookie == NULL || g_object_get_data (G_OBJECT (cell), "stk-updating"))
    return;

  purpose = stk_cookie_get_purpose (cookie);
  if (g_strcmp0 (stk_text_get (purpose, column->lang), text) != 0
      && !(*text == '\0' && stk_text_get (purpose, column->lang) == NULL))
    stk_text_set (purpose, column->lang, text);
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller,
                     GtkWidget               *cell)
{
  stk_seal_history_of (g_object_get_data (G_OBJECT (cell), "stk-cookie"));
}

/* Editing a cell makes its row the selected one, which Duplicate and Remove act on. */
static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     GtkWidget               *cell)
{
  CellColumn *column = g_object_get_data (G_OBJECT (cell), "stk-column");
  StkCookie *cookie = g_object_get_data (G_OBJECT (cell), "stk-cookie");
  StkProvidersPage *self = column->page;
  guint position;

  if (cookie == NULL || self->provider == NULL
      || !stk_list_find (stk_provider_get_cookies (self->provider), cookie, &position))
    return;

  if (gtk_single_selection_get_selected (self->cookie_selection) != position)
    gtk_single_selection_set_selected (self->cookie_selection, position);
}

static GtkWidget *
make_choice (const char * const *choices,
             const char         *accessible)
{
  g_autoptr(GPtrArray) translated = g_ptr_array_new ();
  GtkWidget *drop_down;

  for (guint i = 0; choices[i] != NULL; i++)
    g_ptr_array_add (translated, (gpointer) _(choices[i]));
  g_ptr_array_add (translated, NULL);

  drop_down = gtk_drop_down_new_from_strings ((const char * const *) translated->pdata);
  stk_set_accessible_label (drop_down, accessible);

  return drop_down;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CellColumn               *column)
{
  static const char * const units[] = {
    N_("Session"), N_("Seconds"), N_("Minutes"), N_("Hours"), N_("Days"), N_("Weeks"),
    N_("Months"), N_("Years"), NULL
  };
  static const char * const parties[] = { N_("First party"), N_("Third party"), NULL };
  static const char * const kinds[] = {
    N_("HTTP cookie"), N_("localStorage"), N_("sessionStorage"), N_("IndexedDB"), N_("Pixel"),
    NULL
  };
  GPtrArray *fields = g_ptr_array_new ();
  GtkEventController *enter;
  GtkWidget *cell = NULL;

  switch (column->kind)
    {
    case CELL_NAME:
    case CELL_DOMAIN:
    case CELL_PATH:
      cell = gtk_entry_new ();
      gtk_widget_add_css_class (cell, "flat");
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), column->kind == CELL_PATH ? 4
                                                          : column->kind == CELL_NAME ? 18 : 12);
      if (column->kind == CELL_NAME)
        {
          stk_field_bind_string (cell, (StkGetString) stk_cookie_get_name,
                                 (StkSetString) stk_cookie_set_name, NULL);
          stk_set_accessible_label (cell, _("Name"));
        }
      else if (column->kind == CELL_DOMAIN)
        {
          stk_field_bind_string (cell, (StkGetString) stk_cookie_get_domain,
                                 (StkSetString) stk_cookie_set_domain, NULL);
          stk_set_accessible_label (cell, _("Domain"));
        }
      else
        {
          stk_field_bind_string (cell, (StkGetString) stk_cookie_get_path,
                                 (StkSetString) stk_cookie_set_path, NULL);
          stk_set_accessible_label (cell, _("Path"));
        }
      g_ptr_array_add (fields, cell);
      break;

    case CELL_PATTERN:
    case CELL_DELETE:
      cell = gtk_check_button_new ();
      gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
      if (column->kind == CELL_PATTERN)
        {
          stk_field_bind_boolean (cell, (StkGetBoolean) stk_cookie_get_pattern,
                                  (StkSetBoolean) stk_cookie_set_pattern);
          stk_set_accessible_label (cell, _("The name is a pattern"));
        }
      else
        {
          stk_field_bind_boolean (cell, (StkGetBoolean) stk_cookie_get_delete_on_withdraw,
                                  (StkSetBoolean) stk_cookie_set_delete_on_withdraw);
          stk_set_accessible_label (cell, _("Deleted when consent is withdrawn"));
        }
      g_ptr_array_add (fields, cell);
      break;

    case CELL_DURATION:
      {
        GtkWidget *spin_button = gtk_spin_button_new_with_range (0, 1000000, 1);
        GtkWidget *unit = make_choice (units, _("Duration unit"));

        cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin_button), TRUE);
        gtk_editable_set_width_chars (GTK_EDITABLE (spin_button), 3);
        stk_set_accessible_label (spin_button, _("Duration"));
        stk_field_bind_number (spin_button, get_duration_value, set_duration_value);
        stk_field_bind_choice (unit, get_duration_unit, set_duration_unit);
        gtk_box_append (GTK_BOX (cell), spin_button);
        gtk_box_append (GTK_BOX (cell), unit);
        g_ptr_array_add (fields, spin_button);
        g_ptr_array_add (fields, unit);
      }
      break;

    case CELL_PARTY:
      cell = make_choice (parties, _("Party"));
      stk_field_bind_choice (cell, get_party, set_party);
      g_ptr_array_add (fields, cell);
      break;

    case CELL_KIND:
      cell = make_choice (kinds, _("Kind"));
      stk_field_bind_choice (cell, get_kind, set_kind);
      g_ptr_array_add (fields, cell);
      break;

    case CELL_PURPOSE:
      {
        g_autofree char *label = NULL;
        GtkEventController *focus = gtk_event_controller_focus_new ();

        cell = gtk_entry_new ();
        gtk_widget_add_css_class (cell, "flat");
        gtk_editable_set_width_chars (GTK_EDITABLE (cell), 20);
        /* Translators: accessible name of a cookie's purpose; %s is a language name */
        label = g_strdup_printf (_("Purpose, %s"), stk_language_name (column->lang));
        stk_set_accessible_label (cell, label);
        g_signal_connect (cell, "changed", G_CALLBACK (on_purpose_cell_changed), NULL);
        g_signal_connect (focus, "leave", G_CALLBACK (on_cell_focus_leave), cell);
        gtk_widget_add_controller (cell, focus);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  enter = gtk_event_controller_focus_new ();
  g_signal_connect (enter, "enter", G_CALLBACK (on_cell_focus_enter), cell);
  gtk_widget_add_controller (cell, enter);

  g_object_set_data (G_OBJECT (cell), "stk-column", column);
  g_object_set_data_full (G_OBJECT (cell), "stk-fields", fields,
                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < fields->len; i++)
    stk_field_set_object (g_ptr_array_index (fields, i), NULL);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellColumn               *column)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  StkCookie *cookie = gtk_list_item_get_item (list_item);
  GPtrArray *fields = g_object_get_data (G_OBJECT (cell), "stk-fields");

  g_object_set_data (G_OBJECT (cell), "stk-cookie", cookie);
  for (guint i = 0; i < fields->len; i++)
    stk_field_set_object (g_ptr_array_index (fields, i), cookie);
  g_signal_connect_swapped (cookie, "changed", G_CALLBACK (refresh_cell), cell);
  g_hash_table_insert (column->page->cells, cell_key (cookie, column->kind, column->lang), cell);
  refresh_cell (cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CellColumn               *column)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  StkCookie *cookie = g_object_get_data (G_OBJECT (cell), "stk-cookie");
  GPtrArray *fields = g_object_get_data (G_OBJECT (cell), "stk-fields");
  g_autofree char *key = NULL;

  if (cookie == NULL)
    return;

  key = cell_key (cookie, column->kind, column->lang);
  if (g_hash_table_lookup (column->page->cells, key) == cell)
    g_hash_table_remove (column->page->cells, key);

  g_signal_handlers_disconnect_by_func (cookie, refresh_cell, cell);
  g_object_set_data (G_OBJECT (cell), "stk-cookie", NULL);
  for (guint i = 0; i < fields->len; i++)
    stk_field_set_object (g_ptr_array_index (fields, i), NULL);
}

static GtkColumnViewColumn *
add_cookie_column (StkProvidersPage *self,
                   const char       *title,
                   CellKind          kind,
                   const char       *lang,
                   gboolean          expand)
{
  CellColumn *column = g_new0 (CellColumn, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  column->page = self;
  column->kind = kind;
  column->lang = g_strdup (lang);
  g_object_set_data_full (G_OBJECT (factory), "stk-column", column, cell_column_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), column);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->cookies_view, view_column);
  g_object_unref (view_column);

  return view_column;
}

static void
rebuild_purpose_columns (StkProvidersPage *self)
{
  GtkColumnViewColumn *delete_column;

  for (guint i = 0; i < self->purpose_columns->len; i++)
    gtk_column_view_remove_column (self->cookies_view,
                                   g_ptr_array_index (self->purpose_columns, i));
  g_ptr_array_set_size (self->purpose_columns, 0);

  /* The last column (deleted on withdrawal) stays last. */
  delete_column = g_object_get_data (G_OBJECT (self->cookies_view), "stk-delete-column");
  if (delete_column != NULL)
    gtk_column_view_remove_column (self->cookies_view, delete_column);

  for (guint i = 0; self->languages != NULL && self->languages[i] != NULL; i++)
    {
      /* Translators: a column heading; %s is a language code */
      g_autofree char *title = g_strdup_printf (_("Purpose (%s)"), self->languages[i]);
      GtkColumnViewColumn *column = add_cookie_column (self, title, CELL_PURPOSE,
                                                       self->languages[i], TRUE);

      g_ptr_array_add (self->purpose_columns, g_object_ref (column));
    }

  delete_column = add_cookie_column (self, _("Deleted on withdrawal"), CELL_DELETE, NULL, FALSE);
  g_object_set_data (G_OBJECT (self->cookies_view), "stk-delete-column", delete_column);
}

guint
stk_providers_page_get_cookie_position (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), GTK_INVALID_LIST_POSITION);

  if (self->provider == NULL)
    return GTK_INVALID_LIST_POSITION;

  return gtk_single_selection_get_selected (self->cookie_selection);
}

/* Scrolls the cookie table so that @position is in view (GTK 4.8 has no scroll-to). */
static void
scroll_cookies_to (StkProvidersPage *self,
                   guint             position)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->cookies_scroller);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cookie_selection));
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
stk_providers_page_set_cookie_position (StkProvidersPage *self,
                                        guint             position)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  gtk_single_selection_set_selected (self->cookie_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_cookies_to (self, position);
}

typedef struct
{
  StkProvidersPage *page;
  StkCookie        *cookie;
  CellKind          kind;
  char             *lang;
  guint             tries;
} FocusCell;

static void
focus_cell_free (gpointer data)
{
  FocusCell *focus = data;

  g_object_unref (focus->page);
  g_object_unref (focus->cookie);
  g_free (focus->lang);
  g_free (focus);
}

static gboolean
focus_cell_now (FocusCell *focus)
{
  g_autofree char *key = cell_key (focus->cookie, focus->kind, focus->lang);
  GtkWidget *cell = g_hash_table_lookup (focus->page->cells, key);

  if (cell == NULL)
    return FALSE;

  if (GTK_IS_BOX (cell))
    gtk_widget_grab_focus (gtk_widget_get_first_child (cell));
  else
    gtk_widget_grab_focus (cell);

  return TRUE;
}

static gboolean
focus_cell_later (gpointer data)
{
  FocusCell *focus = data;

  if (focus_cell_now (focus) || ++focus->tries > 10)
    return G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

/* Focuses a cell of the cookie table; cells only exist once their row is laid out, so this
 * may finish a moment later. */
static void
focus_cell (StkProvidersPage *self,
            StkCookie        *cookie,
            CellKind          kind,
            const char       *lang)
{
  FocusCell *focus = g_new0 (FocusCell, 1);

  focus->page = g_object_ref (self);
  focus->cookie = g_object_ref (cookie);
  focus->kind = kind;
  focus->lang = g_strdup (lang);

  if (focus_cell_now (focus))
    {
      focus_cell_free (focus);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->cookies_view));
  g_timeout_add_full (G_PRIORITY_DEFAULT, 30, focus_cell_later, focus, focus_cell_free);
}

void
stk_providers_page_add_cookie (StkProvidersPage *self)
{
  g_autoptr(StkCookie) cookie = NULL;
  const char * const *domains;
  StkList *cookies;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  if (self->provider == NULL)
    return;

  cookie = stk_cookie_new ();
  domains = stk_policy_get_domains (self->policy);
  if (domains != NULL && domains[0] != NULL)
    stk_cookie_set_domain (cookie, domains[0]);
  cookies = stk_provider_get_cookies (self->provider);
  stk_list_append (cookies, cookie);
  stk_seal_history_of (self->provider);

  stk_providers_page_set_cookie_position (self, stk_list_get_n (cookies) - 1);
  focus_cell (self, cookie, CELL_NAME, NULL);
}

void
stk_providers_page_duplicate_cookie (StkProvidersPage *self)
{
  g_autoptr(StkCookie) copy = NULL;
  StkList *cookies;
  guint position;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  position = stk_providers_page_get_cookie_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  cookies = stk_provider_get_cookies (self->provider);
  copy = stk_cookie_copy (stk_list_peek (cookies, position));
  stk_list_insert (cookies, position + 1, copy);
  stk_seal_history_of (self->provider);

  stk_providers_page_set_cookie_position (self, position + 1);
  focus_cell (self, copy, CELL_NAME, NULL);
}

void
stk_providers_page_remove_cookie (StkProvidersPage *self)
{
  StkList *cookies;
  guint position, n;

  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));

  position = stk_providers_page_get_cookie_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  cookies = stk_provider_get_cookies (self->provider);
  stk_list_remove (cookies, position);
  stk_seal_history_of (self->provider);

  n = stk_list_get_n (cookies);
  if (n > 0)
    stk_providers_page_set_cookie_position (self, MIN (position, n - 1));
}

static void
update_cookie_buttons (StkProvidersPage *self)
{
  gboolean selected = stk_providers_page_get_cookie_position (self) != GTK_INVALID_LIST_POSITION;
  guint n = self->provider != NULL ? stk_list_get_n (stk_provider_get_cookies (self->provider)) : 0;
  g_autofree char *heading = NULL;

  gtk_widget_set_sensitive (self->duplicate_cookie_button, selected);
  gtk_widget_set_sensitive (self->remove_cookie_button, selected);

  /* Translators: a heading, with how many cookies the provider sets */
  heading = g_strdup_printf (_("Cookies and Storage (%u)"), n);
  gtk_label_set_text (self->cookies_heading, heading);
}

/* Details --------------------------------------------------------------------------------- */

static void
refresh_detail (StkProvidersPage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    stk_field_refresh (g_ptr_array_index (self->fields, i));

  refresh_categories (self);
  update_cookie_buttons (self);
}

static void
show_provider (StkProvidersPage *self,
               StkProvider      *provider)
{
  if (self->provider == provider)
    return;

  if (self->provider != NULL)
    g_signal_handlers_disconnect_by_func (self->provider, refresh_detail, self);
  if (provider == NULL)
    stk_drop_focus_within (GTK_WIDGET (self->detail_stack));
  g_set_object (&self->provider, provider);

  for (guint i = 0; i < self->fields->len; i++)
    stk_field_set_object (g_ptr_array_index (self->fields, i), provider);

  stk_text_editor_set_text (STK_TEXT_EDITOR (self->purpose_editor),
                            provider != NULL ? stk_provider_get_purpose (provider) : NULL);
  stk_text_editor_set_text (STK_TEXT_EDITOR (self->website_editor),
                            provider != NULL ? stk_provider_get_website (provider) : NULL);
  stk_text_editor_set_text (STK_TEXT_EDITOR (self->privacy_editor),
                            provider != NULL ? stk_provider_get_privacy_policy (provider) : NULL);

  if (provider != NULL)
    gtk_list_box_bind_model (self->embeds_list, G_LIST_MODEL (stk_provider_get_embeds (provider)),
                             create_embed_row, self, NULL);
  else
    gtk_list_box_bind_model (self->embeds_list, NULL, NULL, NULL, NULL);

  gtk_single_selection_set_model (self->cookie_selection,
                                  provider != NULL
                                  ? G_LIST_MODEL (stk_provider_get_cookies (provider)) : NULL);
  gtk_single_selection_set_selected (self->cookie_selection, GTK_INVALID_LIST_POSITION);

  if (provider != NULL)
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->detail_scroller);

      g_signal_connect_swapped (provider, "changed", G_CALLBACK (refresh_detail), self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, provider != NULL ? "detail" : "none");
  refresh_detail (self);
  update_sidebar (self);
}

static void
on_policy_changed (StkProvidersPage *self)
{
  const char * const *languages = stk_policy_get_languages (self->policy);

  if (self->languages == NULL || languages == NULL
      || !g_strv_equal ((const char * const *) self->languages, languages))
    {
      g_strfreev (self->languages);
      self->languages = g_strdupv ((char **) languages);
      stk_text_editor_set_languages (STK_TEXT_EDITOR (self->purpose_editor), languages);
      stk_text_editor_set_languages (STK_TEXT_EDITOR (self->website_editor), languages);
      stk_text_editor_set_languages (STK_TEXT_EDITOR (self->privacy_editor), languages);
      rebuild_purpose_columns (self);
      if (self->provider != NULL)
        gtk_list_box_bind_model (self->embeds_list,
                                 G_LIST_MODEL (stk_provider_get_embeds (self->provider)),
                                 create_embed_row, self, NULL);
    }

  refresh_categories (self);
}

static void
on_categories_changed (StkProvidersPage *self)
{
  GHashTableIter iter;
  gpointer list_item;

  /* Category titles are part of what a search matches, and of what the rows say. */
  drop_haystacks (self);
  start_index (self);
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_list_item (list_item);
}

static void
stk_providers_page_dispose (GObject *object)
{
  StkProvidersPage *self = STK_PROVIDERS_PAGE (object);

  stk_providers_page_set_policy (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_PROVIDERS_PAGE);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  stop_catching_up (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->cookie_selection);
  g_clear_object (&self->category_titles);
  g_clear_pointer (&self->purpose_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_providers_page_parent_class)->dispose (object);
}

static void
stk_providers_page_finalize (GObject *object)
{
  StkProvidersPage *self = STK_PROVIDERS_PAGE (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_strfreev);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (stk_providers_page_parent_class)->finalize (object);
}

static void
stk_providers_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StkProvidersPage *self = STK_PROVIDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_providers_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StkProvidersPage *self = STK_PROVIDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      stk_providers_page_set_policy (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_providers_page_class_init (StkProvidersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_providers_page_dispose;
  object_class->finalize = stk_providers_page_finalize;
  object_class->get_property = stk_providers_page_get_property;
  object_class->set_property = stk_providers_page_set_property;

  /**
   * StkProvidersPage:policy:
   *
   * The policy whose providers the page edits.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         STK_TYPE_POLICY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-providers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, add_provider_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, remove_provider_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, outside_eea_switch);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, purpose_group);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, links_group);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, dpa_switch);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, dpa_date_row);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, embeds_list);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, add_embed_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, cookies_heading);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, add_cookie_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, duplicate_cookie_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, remove_cookie_button);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, cookies_scroller);
  gtk_widget_class_bind_template_child (widget_class, StkProvidersPage, cookies_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_embed_clicked);
  gtk_widget_class_bind_template_callback (widget_class, stk_providers_page_add_provider);
  gtk_widget_class_bind_template_callback (widget_class, stk_providers_page_remove_provider);
  gtk_widget_class_bind_template_callback (widget_class, stk_providers_page_add_cookie);
  gtk_widget_class_bind_template_callback (widget_class, stk_providers_page_duplicate_cookie);
  gtk_widget_class_bind_template_callback (widget_class, stk_providers_page_remove_cookie);
}

/* The table is as tall as its rows, up to a limit, then scrolls. A list view only learns its
 * rows' heights once they exist, so the height is reckoned from the number of rows. */
static void
update_cookies_height (StkProvidersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cookie_selection));
  int height = CLAMP (40 + 52 * (int) n, 120, 520);

  if (gtk_scrolled_window_get_min_content_height (self->cookies_scroller) != height)
    gtk_scrolled_window_set_min_content_height (self->cookies_scroller, height);
}

static GtkWidget *
add_labelled_editor (AdwPreferencesGroup *group,
                     StkTextEditorStyle   style,
                     const char          *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *editor = stk_text_editor_new (style, title);

  /* Under a group of the same name the editor needs no caption of its own. */
  if (g_strcmp0 (adw_preferences_group_get_title (group), title) != 0)
    {
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (GTK_BOX (box), editor);
  gtk_widget_set_margin_top (box, 6);
  adw_preferences_group_add (group, box);

  return editor;
}

static void
bind_field (StkProvidersPage *self,
            GtkWidget        *widget)
{
  g_ptr_array_add (self->fields, widget);
  stk_field_set_object (widget, NULL);
}

static void
stk_providers_page_init (StkProvidersPage *self)
{
  GtkListItemFactory *factory;
  GtkExpression *expression;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  stk_pages_ensure_style ();

  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->fields = g_ptr_array_new ();
  self->purpose_columns = g_ptr_array_new_with_free_func (g_object_unref);

  /* The list: every provider, through the search filter, with one selected. */
  self->filter = gtk_custom_filter_new (filter_provider, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->rows = stk_row_model_new (G_LIST_MODEL (self->filtered));
  /* A screenful of rows at once when a search brings many back, the rest after drawing. */
  stk_row_model_set_eager_rows (self->rows, 64);
  g_signal_connect_swapped (self->rows, "notify::waiting", G_CALLBACK (on_rows_waiting), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  /* After the rows, the selection and the list view have followed a change. */
  g_signal_connect_data (self->filtered, "items-changed", G_CALLBACK (sync_selection), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_data (self->selection, "items-changed", G_CALLBACK (sync_selection), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_list_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list_item), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_list_item), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->sidebar);

  /* Details. */
  stk_field_bind_string (self->name_row, (StkGetString) stk_provider_get_name,
                         (StkSetString) stk_provider_set_name, NULL);
  bind_field (self, self->name_row);
  stk_field_bind_string (self->id_row, (StkGetString) stk_provider_get_id,
                         (StkSetString) stk_provider_set_id, NULL);
  bind_field (self, self->id_row);
  stk_field_bind_string (self->country_row, (StkGetString) stk_provider_get_country,
                         (StkSetString) stk_provider_set_country, check_country);
  bind_field (self, self->country_row);
  stk_field_bind_boolean (self->outside_eea_switch, (StkGetBoolean) stk_provider_get_outside_eea,
                          (StkSetBoolean) stk_provider_set_outside_eea);
  bind_field (self, self->outside_eea_switch);
  stk_field_bind_boolean (self->dpa_switch, (StkGetBoolean) stk_provider_get_dpa,
                          (StkSetBoolean) stk_provider_set_dpa);
  bind_field (self, self->dpa_switch);
  stk_field_bind_string (self->dpa_date_row, (StkGetString) stk_provider_get_dpa_date,
                         (StkSetString) stk_provider_set_dpa_date, stk_check_date);
  bind_field (self, self->dpa_date_row);

  self->category_titles = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->category_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (self->category_titles));

  self->purpose_editor = add_labelled_editor (self->purpose_group, STK_TEXT_EDITOR_PARAGRAPH,
                                              _("Purpose"));
  self->website_editor = add_labelled_editor (self->links_group, STK_TEXT_EDITOR_URL,
                                              _("Website"));
  self->privacy_editor = add_labelled_editor (self->links_group, STK_TEXT_EDITOR_URL,
                                              _("Privacy policy"));

  placeholder = gtk_label_new (_("No embedded content"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->embeds_list, placeholder);

  /* The cookie table. */
  self->cookie_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->cookie_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->cookie_selection, TRUE);
  g_signal_connect_swapped (self->cookie_selection, "notify::selected",
                            G_CALLBACK (update_cookie_buttons), self);
  gtk_column_view_set_model (self->cookies_view, GTK_SELECTION_MODEL (self->cookie_selection));
  g_signal_connect_swapped (self->cookie_selection, "items-changed",
                            G_CALLBACK (update_cookies_height), self);
  add_cookie_column (self, _("Name"), CELL_NAME, NULL, FALSE);
  add_cookie_column (self, _("Pattern"), CELL_PATTERN, NULL, FALSE);
  add_cookie_column (self, _("Domain"), CELL_DOMAIN, NULL, FALSE);
  add_cookie_column (self, _("Path"), CELL_PATH, NULL, FALSE);
  add_cookie_column (self, _("Duration"), CELL_DURATION, NULL, FALSE);
  add_cookie_column (self, _("Party"), CELL_PARTY, NULL, FALSE);
  add_cookie_column (self, _("Kind"), CELL_KIND, NULL, FALSE);
  rebuild_purpose_columns (self);

  show_provider (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), FALSE);
  update_sidebar (self);
}

GtkWidget *
stk_providers_page_new (void)
{
  return g_object_new (STK_TYPE_PROVIDERS_PAGE, NULL);
}

StkPolicy *
stk_providers_page_get_policy (StkProvidersPage *self)
{
  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), NULL);

  return self->policy;
}

void
stk_providers_page_set_policy (StkProvidersPage *self,
                               StkPolicy        *policy)
{
  g_return_if_fail (STK_IS_PROVIDERS_PAGE (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (self->policy == policy)
    return;

  if (policy == NULL)
    stk_drop_focus_within (GTK_WIDGET (self));

  g_clear_handle_id (&self->index_source, g_source_remove);
  if (self->haystacks != NULL)
    drop_haystacks (self);
  if (self->policy != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->policy, self);
      g_signal_handlers_disconnect_by_data (self->providers, self);
      g_signal_handlers_disconnect_by_data (stk_policy_get_categories (self->policy), self);
    }
  if (self->fields != NULL)
    show_provider (self, NULL);

  g_set_object (&self->policy, policy);
  g_clear_object (&self->providers);

  if (self->filtered == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
      return;
    }

  if (policy != NULL)
    {
      self->providers = g_object_ref (stk_policy_get_providers (policy));
      g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);
      g_signal_connect_swapped (stk_policy_get_categories (policy), "changed",
                                G_CALLBACK (on_categories_changed), self);
    }

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->providers));
  if (self->providers != NULL)
    g_signal_connect_swapped (self->providers, "items-changed",
                              G_CALLBACK (on_providers_changed), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), policy != NULL);

  if (policy != NULL)
    {
      start_index (self);
      on_policy_changed (self);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
    }
  update_sidebar (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

static gboolean
take_index (const char **path,
            const char  *name,
            guint       *index)
{
  gsize len = strlen (name);
  guint64 value;
  char *end;

  if (strncmp (*path, name, len) != 0 || (*path)[len] != '[')
    return FALSE;

  value = g_ascii_strtoull (*path + len + 1, &end, 10);
  if (*end != ']')
    return FALSE;

  *index = (guint) value;
  *path = end + 1;
  if (**path == '.')
    (*path)++;

  return TRUE;
}

static const char *
lang_after (const char *rest,
            const char *member)
{
  gsize len = strlen (member);

  return rest[len] == '.' ? rest + len + 1 : NULL;
}

/**
 * stk_providers_page_focus_path:
 * @self: the page
 * @path: a finding's path ("providers[3].cookies[1].purpose.en", "providers[2].website")
 *
 * Shows the provider and focuses the field @path names.
 *
 * Returns: whether something was focused
 */
gboolean
stk_providers_page_focus_path (StkProvidersPage *self,
                               const char       *path)
{
  const char *rest = path;
  StkProvider *provider;
  guint index;

  g_return_val_if_fail (STK_IS_PROVIDERS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->providers == NULL)
    return FALSE;

  if (!take_index (&rest, "providers", &index))
    return g_str_has_prefix (path, "providers")
           && gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  if (index >= stk_list_get_n (self->providers))
    return FALSE;

  provider = stk_list_peek (self->providers, index);
  stk_providers_page_select (self, provider);
  show_provider (self, provider);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));

  if (take_index (&rest, "cookies", &index))
    {
      StkList *cookies = stk_provider_get_cookies (provider);
      StkCookie *cookie;
      CellKind kind = CELL_NAME;
      const char *lang = NULL;

      if (index >= stk_list_get_n (cookies))
        return gtk_widget_grab_focus (self->add_cookie_button);

      cookie = stk_list_peek (cookies, index);
      stk_providers_page_set_cookie_position (self, index);

      if (g_str_has_prefix (rest, "purpose"))
        {
          kind = CELL_PURPOSE;
          lang = lang_after (rest, "purpose");
          if (lang == NULL && self->languages != NULL)
            lang = self->languages[0];
        }
      else if (g_str_has_prefix (rest, "domain"))
        kind = CELL_DOMAIN;
      else if (g_str_has_prefix (rest, "path"))
        kind = CELL_PATH;
      else if (g_str_has_prefix (rest, "duration"))
        kind = CELL_DURATION;
      else if (g_str_has_prefix (rest, "party"))
        kind = CELL_PARTY;
      else if (g_str_has_prefix (rest, "kind"))
        kind = CELL_KIND;
      else if (g_str_has_prefix (rest, "pattern"))
        kind = CELL_PATTERN;
      else if (g_str_has_prefix (rest, "delete_on_withdraw"))
        kind = CELL_DELETE;

      focus_cell (self, cookie, kind, lang);
      return TRUE;
    }

  if (take_index (&rest, "embeds", &index))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->embeds_list, (int) index);

      if (row == NULL)
        return gtk_widget_grab_focus (self->add_embed_button);
      if (g_str_has_prefix (rest, "placeholder"))
        return stk_text_editor_focus_language (g_object_get_data (G_OBJECT (row), "stk-editor"),
                                               lang_after (rest, "placeholder"));
      return gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "stk-id-entry"));
    }

  if (g_str_has_prefix (rest, "purpose"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (self->purpose_editor),
                                           lang_after (rest, "purpose"));
  if (g_str_has_prefix (rest, "website"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (self->website_editor),
                                           lang_after (rest, "website"));
  if (g_str_has_prefix (rest, "privacy_policy"))
    return stk_text_editor_focus_language (STK_TEXT_EDITOR (self->privacy_editor),
                                           lang_after (rest, "privacy_policy"));
  if (g_str_has_prefix (rest, "id"))
    return gtk_widget_grab_focus (self->id_row);
  if (g_str_has_prefix (rest, "category"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
  if (g_str_has_prefix (rest, "dpa_date"))
    return gtk_widget_grab_focus (self->dpa_date_row) || gtk_widget_grab_focus (self->dpa_switch);
  if (g_str_has_prefix (rest, "dpa"))
    return gtk_widget_grab_focus (self->dpa_switch);
  if (g_str_has_prefix (rest, "country"))
    return gtk_widget_grab_focus (self->country_row);
  if (g_str_has_prefix (rest, "outside_eea"))
    return gtk_widget_grab_focus (self->outside_eea_switch);
  if (g_str_has_prefix (rest, "embeds"))
    return gtk_widget_grab_focus (self->add_embed_button);
  if (g_str_has_prefix (rest, "cookies"))
    return gtk_widget_grab_focus (self->add_cookie_button);

  return gtk_widget_grab_focus (self->name_row);
}
