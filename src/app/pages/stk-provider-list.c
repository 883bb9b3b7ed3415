/* stk-provider-list.c — the providers: a list to search, with the provider being edited chosen
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-field.h"
#include "stk-provider-list.h"
#include "stk-row-model.h"

/* One list item the list view has bound to a row: the provider its inscription shows now. */
typedef struct
{
  StkProviderList *list;       /* borrowed */
  GtkListItem     *list_item;  /* borrowed: its widget is a GtkInscription */
  StkRow          *row;        /* owned */
  StkProvider     *provider;   /* owned */
} BoundItem;

struct _StkProviderList
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;

  /* owned */
  StkPolicy          *policy;
  StkList            *providers;
  StkProvider        *provider;       /* the one being edited, shown in the details */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  StkRowModel        *rows;           /* the shown providers as rows the list view keeps */
  GtkSingleSelection *selection;
  GHashTable         *bound_items;    /* GtkListItem -> BoundItem */
  char               *needle;         /* case-folded search text; NULL shows every provider */
  GHashTable         *haystacks;      /* StkProvider -> case-folded searchable text */
  guint               index_source;   /* builds the haystacks ahead of the first search */
  guint               index_next;
  GdkFrameClock      *catch_up_clock; /* whose next frame lets waiting rows come */
  gulong              catch_up_handler;
  guint               catch_up_idle;

  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (StkProviderList, stk_provider_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROVIDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_DETAILS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Searching ------------------------------------------------------------------------------ */

static void on_provider_changed_for_search (StkProvider     *provider,
                                            StkProviderList *self);

static void
drop_haystacks (StkProviderList *self)
{
  GHashTableIter iter;
  gpointer provider;

  g_hash_table_iter_init (&iter, self->haystacks);
  while (g_hash_table_iter_next (&iter, &provider, NULL))
    g_signal_handlers_disconnect_by_func (provider, on_provider_changed_for_search, self);
  g_hash_table_remove_all (self->haystacks);
}

static void
on_provider_changed_for_search (StkProvider     *provider,
                                StkProviderList *self)
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
haystack_of (StkProviderList *self,
             StkProvider     *provider)
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
  StkProviderList *self = user_data;
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
start_index (StkProviderList *self)
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
  StkProviderList *self = user_data;

  if (self->needle == NULL || self->policy == NULL)
    return TRUE;

  return strstr (haystack_of (self, item), self->needle) != NULL;
}

static void
update_state (StkProviderList *self)
{
  guint total = self->providers != NULL ? stk_list_get_n (self->providers) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (self->needle != NULL)
    /* Translators: providers shown by a search, of all providers */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u provider", "%u providers", total),
                             total);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "provider-list.remove",
                                 self->provider != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "provider-list.add", self->policy != NULL);
}

void
stk_provider_list_set_filter (StkProviderList *self,
                              const char      *text)
{
  g_autofree char *stripped = NULL;
  char *folded = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  GtkAdjustment *adjustment;

  g_return_if_fail (STK_IS_PROVIDER_LIST (self));

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
  update_state (self);
}

static void
on_search_changed (StkProviderList *self)
{
  if (!self->updating)
    stk_provider_list_set_filter (self,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (StkProviderList *self)
{
  stk_provider_list_set_filter (self, "");
}

/* The filtered list the sidebar shows (a GListModel of StkProvider). */
GListModel *
stk_provider_list_get_shown (StkProviderList *self)
{
  g_return_val_if_fail (STK_IS_PROVIDER_LIST (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* Rows ------------------------------------------------------------------------------------ */

/* A row is one inscription, name above category and cookie count. GTK 4.8's list view keeps
 * about 200 rows; they are kept while a search changes which providers they show (see
 * stk-row-model.c), and an inscription takes its size from line and character counts instead
 * of measuring its text, so rows that are off screen cost little (bench/editor/FILTER.md). */
static void
update_bound_item (BoundItem *bound)
{
  GtkWidget *row = gtk_list_item_get_child (bound->list_item);
  StkProvider *provider = bound->provider;
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
                             stk_category_title (bound->list->policy,
                                                 stk_provider_get_category (provider)),
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

/* The list item's inscription follows the provider its row shows now. */
static void
follow_row_item (BoundItem *bound)
{
  StkProvider *provider = stk_row_get_item (bound->row);

  if (bound->provider != provider)
    {
      if (bound->provider != NULL)
        g_signal_handlers_disconnect_by_func (bound->provider, update_bound_item, bound);
      if (provider != NULL)
        g_signal_connect_swapped (provider, "changed", G_CALLBACK (update_bound_item), bound);
      g_set_object (&bound->provider, provider);
    }

  update_bound_item (bound);
}

static void
bound_item_free (gpointer data)
{
  BoundItem *bound = data;

  g_signal_handlers_disconnect_by_func (bound->row, follow_row_item, bound);
  if (bound->provider != NULL)
    g_signal_handlers_disconnect_by_func (bound->provider, update_bound_item, bound);
  g_clear_object (&bound->row);
  g_clear_object (&bound->provider);
  g_free (bound);
}

static void
setup_list_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 StkProviderList          *self)
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
  gtk_list_item_set_child (list_item, row);
}

static void
bind_list_item (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                StkProviderList          *self)
{
  BoundItem *bound = g_new0 (BoundItem, 1);

  bound->list = self;
  bound->list_item = list_item;
  bound->row = g_object_ref (gtk_list_item_get_item (list_item));
  g_hash_table_insert (self->bound_items, list_item, bound);
  g_signal_connect_swapped (bound->row, "notify::item", G_CALLBACK (follow_row_item), bound);
  follow_row_item (bound);
}

static void
unbind_list_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  StkProviderList          *self)
{
  if (self->bound_items != NULL)
    g_hash_table_remove (self->bound_items, list_item);
}

/* Category titles are part of what a search matches, and of what the rows say. */
static void
on_categories_changed (StkProviderList *self)
{
  GHashTableIter iter;
  gpointer bound;

  drop_haystacks (self);
  start_index (self);
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, NULL, &bound))
    update_bound_item (bound);
}

/* Rows waiting to be added (a short list became a long one) come once the window has drawn
 * the rows there are: after the list view's next frame, or at once when it has no frames. */
static gboolean
catch_up_rows (gpointer data)
{
  StkProviderList *self = data;

  self->catch_up_idle = 0;
  stk_row_model_catch_up (self->rows);

  return G_SOURCE_REMOVE;
}

static void
stop_catching_up (StkProviderList *self)
{
  if (self->catch_up_clock != NULL)
    g_clear_signal_handler (&self->catch_up_handler, self->catch_up_clock);
  g_clear_object (&self->catch_up_clock);
  g_clear_handle_id (&self->catch_up_idle, g_source_remove);
}

static void
on_frame_drawn (StkProviderList *self)
{
  stop_catching_up (self);
  self->catch_up_idle = g_idle_add (catch_up_rows, self);
}

static void
on_rows_waiting (StkProviderList *self)
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

/* Choosing ------------------------------------------------------------------------------- */

/* The selected row is the one showing the provider being edited, or none when a search hides
 * that provider. Rows keep their place while the providers they show change, so this runs
 * after every change of the shown providers. */
static void
sync_selection (StkProviderList *self)
{
  guint position;

  if (self->provider == NULL || !stk_row_model_find_item (self->rows, self->provider, &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
set_provider (StkProviderList *self,
              StkProvider     *provider)
{
  if (!g_set_object (&self->provider, provider))
    return;

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER]);
}

/* The provider of the selected row, if any. */
static StkProvider *
selected_provider (StkProviderList *self)
{
  StkRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? stk_row_get_item (row) : NULL;
}

static void
on_selection_changed (StkProviderList *self)
{
  StkProvider *selected = selected_provider (self);

  /* A search that hides the provider being edited leaves it in the details: the list is
   * narrowed, not the work in progress. */
  if (selected == NULL && self->provider != NULL && self->providers != NULL
      && stk_list_find (self->providers, self->provider, NULL))
    return;

  set_provider (self, selected);
}

static void
on_list_activate (StkProviderList *self)
{
  g_signal_emit (self, signals[SHOW_DETAILS], 0);
}

/* The provider being edited: the selected row's, or the one a search hides. */
StkProvider *
stk_provider_list_get_provider (StkProviderList *self)
{
  g_return_val_if_fail (STK_IS_PROVIDER_LIST (self), NULL);

  return self->provider;
}

/**
 * stk_provider_list_select:
 * @self: a list
 * @provider: (nullable): a provider of the list's policy, or %NULL to select no row
 *
 * Selects the row of @provider, ending a search that hides it, and makes it the provider being
 * edited. %NULL leaves the provider being edited as it is.
 */
void
stk_provider_list_select (StkProviderList *self,
                          StkProvider     *provider)
{
  guint position;

  g_return_if_fail (STK_IS_PROVIDER_LIST (self));

  if (provider == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  if (self->needle != NULL && !filter_provider (provider, self))
    stk_provider_list_set_filter (self, "");

  stk_row_model_catch_up (self->rows);
  if (stk_row_model_find_item (self->rows, provider, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
  if (self->providers != NULL && stk_list_find (self->providers, provider, NULL))
    set_provider (self, provider);
}

static void
on_providers_changed (StkProviderList *self)
{
  /* A provider taken out of the list (removed, or undone) is no longer edited. */
  if (self->provider != NULL && !stk_list_find (self->providers, self->provider, NULL))
    set_provider (self, selected_provider (self));

  update_state (self);
}

/**
 * stk_provider_list_add:
 * @self: a list
 *
 * Adds a provider with an id no other has, in the last category, and asks to show its details.
 */
void
stk_provider_list_add (StkProviderList *self)
{
  g_autoptr(StkProvider) provider = NULL;
  g_autofree char *id = NULL;
  StkList *categories;
  guint n_categories;

  g_return_if_fail (STK_IS_PROVIDER_LIST (self));

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

  stk_provider_list_select (self, provider);
  g_signal_emit (self, signals[SHOW_DETAILS], 0);
}

/* Removes the provider being edited; the one next to it in the list is edited next. */
void
stk_provider_list_remove (StkProviderList *self)
{
  guint position, shown, n_shown;

  g_return_if_fail (STK_IS_PROVIDER_LIST (self));

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

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  stk_provider_list_add (STK_PROVIDER_LIST (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  stk_provider_list_remove (STK_PROVIDER_LIST (widget));
}

gboolean
stk_provider_list_focus_list (StkProviderList *self)
{
  g_return_val_if_fail (STK_IS_PROVIDER_LIST (self), FALSE);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/**
 * stk_provider_list_set_policy:
 * @self: a list
 * @policy: (nullable): the policy whose providers to list
 *
 * Lists the providers of @policy, the first one chosen.
 */
void
stk_provider_list_set_policy (StkProviderList *self,
                              StkPolicy       *policy)
{
  g_return_if_fail (STK_IS_PROVIDER_LIST (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (self->policy == policy)
    return;

  g_clear_handle_id (&self->index_source, g_source_remove);
  drop_haystacks (self);
  if (self->policy != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->providers, self);
      g_signal_handlers_disconnect_by_data (stk_policy_get_categories (self->policy), self);
    }
  set_provider (self, NULL);

  g_set_object (&self->policy, policy);
  g_clear_object (&self->providers);

  if (policy != NULL)
    {
      self->providers = g_object_ref (stk_policy_get_providers (policy));
      g_signal_connect_swapped (stk_policy_get_categories (policy), "changed",
                                G_CALLBACK (on_categories_changed), self);
    }

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->providers));
  if (self->providers != NULL)
    g_signal_connect_swapped (self->providers, "items-changed",
                              G_CALLBACK (on_providers_changed), self);

  if (policy != NULL)
    {
      start_index (self);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
    }
  update_state (self);
}

static void
stk_provider_list_dispose (GObject *object)
{
  StkProviderList *self = STK_PROVIDER_LIST (object);

  stk_provider_list_set_policy (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_PROVIDER_LIST);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  stop_catching_up (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (stk_provider_list_parent_class)->dispose (object);
}

static void
stk_provider_list_finalize (GObject *object)
{
  StkProviderList *self = STK_PROVIDER_LIST (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);

  G_OBJECT_CLASS (stk_provider_list_parent_class)->finalize (object);
}

static void
stk_provider_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StkProviderList *self = STK_PROVIDER_LIST (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      g_value_set_object (value, self->provider);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_provider_list_class_init (StkProviderListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_provider_list_dispose;
  object_class->finalize = stk_provider_list_finalize;
  object_class->get_property = stk_provider_list_get_property;

  /**
   * StkProviderList:provider:
   *
   * The provider being edited: the selected row's, or one a search hides; %NULL for none.
   */
  properties[PROP_PROVIDER] =
    g_param_spec_object ("provider", NULL, NULL,
                         STK_TYPE_PROVIDER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StkProviderList::show-details:
   * @self: the list
   *
   * Emitted when the user asks to see the details of the provider being edited: by
   * activating its row, or by adding it.
   */
  signals[SHOW_DETAILS] = g_signal_new ("show-details", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "provider-list.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "provider-list.remove", NULL, remove_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               STK_PAGES_RESOURCE "stk-provider-list.ui");
  gtk_widget_class_bind_template_child (widget_class, StkProviderList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StkProviderList, stack);
  gtk_widget_class_bind_template_child (widget_class, StkProviderList, list_view);
  gtk_widget_class_bind_template_child (widget_class, StkProviderList, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
stk_provider_list_init (StkProviderList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->bound_items = g_hash_table_new_full (NULL, NULL, NULL, bound_item_free);

  /* Every provider, through the search filter, as rows, with one selected. */
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
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_state (self);
}
