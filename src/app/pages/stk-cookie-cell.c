/* stk-cookie-cell.c — one cell of the cookie table: one field of one cookie, edited in place
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-cookie-cell.h"
#include "stk-field.h"

struct _StkCookieCell
{
  AdwBin           parent_instance;

  StkCookieColumn  column;
  char            *lang;      /* the purpose's language */

  /* borrowed: the cell's child, or children for a duration */
  GtkWidget       *control;   /* the one that takes the focus */
  GtkWidget       *unit;

  /* owned */
  StkCookie       *cookie;
  GPtrArray       *fields;    /* StkFields of the controls; a purpose has none */

  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (StkCookieCell, stk_cookie_cell, ADW_TYPE_BIN)

/* The model's enum and int accessors, widened for the generic bindings. */
static gint64 get_duration_value (gpointer c) { return stk_cookie_get_duration_value (c); }
static void set_duration_value (gpointer c, gint64 v) { stk_cookie_set_duration_value (c, v); }
static gint64 get_duration_unit (gpointer c) { return stk_cookie_get_duration_unit (c); }
static void set_duration_unit (gpointer c, gint64 v) { stk_cookie_set_duration_unit (c, v); }
static gint64 get_party (gpointer c) { return stk_cookie_get_party (c); }
static void set_party (gpointer c, gint64 v) { stk_cookie_set_party (c, (StkParty) v); }
static gint64 get_kind (gpointer c) { return stk_cookie_get_kind (c); }
static void set_kind (gpointer c, gint64 v) { stk_cookie_set_kind (c, (StkKind) v); }

static void
refresh_purpose (StkCookieCell *self)
{
  StkText *purpose = stk_cookie_get_purpose (self->cookie);
  const char *value = stk_text_get (purpose, self->lang);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->control)),
                 value != NULL ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->control), value != NULL ? value : "");
  self->updating = FALSE;

  if (stk_text_is_missing (purpose, self->lang))
    {
      gtk_widget_add_css_class (self->control, "stk-missing");
      gtk_widget_set_tooltip_text (self->control, _("Missing translation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->control),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Missing translation"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->control, "stk-missing");
      gtk_widget_set_tooltip_text (self->control, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->control),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
refresh (StkCookieCell *self)
{
  stk_fields_refresh (self->fields);

  if (self->cookie == NULL)
    return;

  if (self->column == STK_COOKIE_COLUMN_PURPOSE)
    refresh_purpose (self);
  else if (self->column == STK_COOKIE_COLUMN_DURATION)
    gtk_widget_set_sensitive (self->control,
                              stk_cookie_get_duration_unit (self->cookie) != STK_UNIT_SESSION);
}

static void
on_purpose_changed (StkCookieCell *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->control));
  StkText *purpose;

  if (self->cookie == NULL || self->updating)
    return;

  purpose = stk_cookie_get_purpose (self->cookie);
  if (g_strcmp0 (stk_text_get (purpose, self->lang), text) != 0
      && !(*text == '\0' && stk_text_get (purpose, self->lang) == NULL))
    stk_text_set (purpose, self->lang, text);
}

static void
on_purpose_focus_leave (StkCookieCell *self)
{
  stk_seal_history_of (self->cookie);
}

static GtkWidget *
make_entry (int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_add_css_class (entry, "flat");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);

  return entry;
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

static GtkWidget *
make_check (void)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);

  return check;
}

/* Builds the controls of the cell's column and binds them to the fields they edit. */
static void
build (StkCookieCell *self)
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
  GtkWidget *child;
  StkField *field = NULL;

  switch (self->column)
    {
    case STK_COOKIE_COLUMN_NAME:
      self->control = make_entry (18);
      stk_set_accessible_label (self->control, _("Name"));
      field = stk_field_new_string (self->control, (StkGetString) stk_cookie_get_name,
                                    (StkSetString) stk_cookie_set_name, NULL);
      break;

    case STK_COOKIE_COLUMN_DOMAIN:
      self->control = make_entry (12);
      stk_set_accessible_label (self->control, _("Domain"));
      field = stk_field_new_string (self->control, (StkGetString) stk_cookie_get_domain,
                                    (StkSetString) stk_cookie_set_domain, NULL);
      break;

    case STK_COOKIE_COLUMN_PATH:
      self->control = make_entry (4);
      stk_set_accessible_label (self->control, _("Path"));
      field = stk_field_new_string (self->control, (StkGetString) stk_cookie_get_path,
                                    (StkSetString) stk_cookie_set_path, NULL);
      break;

    case STK_COOKIE_COLUMN_PATTERN:
      self->control = make_check ();
      stk_set_accessible_label (self->control, _("The name is a pattern"));
      field = stk_field_new_boolean (self->control, (StkGetBoolean) stk_cookie_get_pattern,
                                     (StkSetBoolean) stk_cookie_set_pattern);
      break;

    case STK_COOKIE_COLUMN_DELETE:
      self->control = make_check ();
      stk_set_accessible_label (self->control, _("Deleted when consent is withdrawn"));
      field = stk_field_new_boolean (self->control,
                                     (StkGetBoolean) stk_cookie_get_delete_on_withdraw,
                                     (StkSetBoolean) stk_cookie_set_delete_on_withdraw);
      break;

    case STK_COOKIE_COLUMN_DURATION:
      self->control = gtk_spin_button_new_with_range (0, 1000000, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->control), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->control), 3);
      stk_set_accessible_label (self->control, _("Duration"));
      self->unit = make_choice (units, _("Duration unit"));
      g_ptr_array_add (self->fields, stk_field_new_number (self->control, get_duration_value,
                                                           set_duration_value));
      field = stk_field_new_choice (self->unit, get_duration_unit, set_duration_unit);
      break;

    case STK_COOKIE_COLUMN_PARTY:
      self->control = make_choice (parties, _("Party"));
      field = stk_field_new_choice (self->control, get_party, set_party);
      break;

    case STK_COOKIE_COLUMN_KIND:
      self->control = make_choice (kinds, _("Kind"));
      field = stk_field_new_choice (self->control, get_kind, set_kind);
      break;

    case STK_COOKIE_COLUMN_PURPOSE:
      {
        /* Translators: accessible name of a cookie's purpose; %s is a language name */
        g_autofree char *label = g_strdup_printf (_("Purpose, %s"), stk_language_name (self->lang));
        GtkEventController *focus = gtk_event_controller_focus_new ();

        self->control = make_entry (20);
        stk_set_accessible_label (self->control, label);
        g_signal_connect_swapped (self->control, "changed", G_CALLBACK (on_purpose_changed), self);
        g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_purpose_focus_leave), self);
        gtk_widget_add_controller (self->control, focus);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (field != NULL)
    g_ptr_array_add (self->fields, field);

  child = self->control;
  if (self->unit != NULL)
    {
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), self->control);
      gtk_box_append (GTK_BOX (child), self->unit);
    }
  adw_bin_set_child (ADW_BIN (self), child);
}

static gboolean
stk_cookie_cell_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (STK_COOKIE_CELL (widget)->control);
}

static void
stk_cookie_cell_dispose (GObject *object)
{
  StkCookieCell *self = STK_COOKIE_CELL (object);

  stk_cookie_cell_set_cookie (self, NULL);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (stk_cookie_cell_parent_class)->dispose (object);
}

static void
stk_cookie_cell_finalize (GObject *object)
{
  g_free (STK_COOKIE_CELL (object)->lang);

  G_OBJECT_CLASS (stk_cookie_cell_parent_class)->finalize (object);
}

static void
stk_cookie_cell_class_init (StkCookieCellClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stk_cookie_cell_dispose;
  G_OBJECT_CLASS (klass)->finalize = stk_cookie_cell_finalize;
  GTK_WIDGET_CLASS (klass)->grab_focus = stk_cookie_cell_grab_focus;
}

static void
stk_cookie_cell_init (StkCookieCell *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * stk_cookie_cell_new:
 * @column: the field of the cookie the cell edits
 * @lang: (nullable): for a purpose, its language
 *
 * Returns: (transfer floating): a new cell without a cookie
 */
GtkWidget *
stk_cookie_cell_new (StkCookieColumn  column,
                     const char      *lang)
{
  StkCookieCell *self = g_object_new (STK_TYPE_COOKIE_CELL, NULL);

  self->column = column;
  self->lang = g_strdup (lang);
  build (self);

  return GTK_WIDGET (self);
}

StkCookieColumn
stk_cookie_cell_get_column (StkCookieCell *self)
{
  g_return_val_if_fail (STK_IS_COOKIE_CELL (self), STK_COOKIE_COLUMN_NAME);

  return self->column;
}

const char *
stk_cookie_cell_get_lang (StkCookieCell *self)
{
  g_return_val_if_fail (STK_IS_COOKIE_CELL (self), NULL);

  return self->lang;
}

StkCookie *
stk_cookie_cell_get_cookie (StkCookieCell *self)
{
  g_return_val_if_fail (STK_IS_COOKIE_CELL (self), NULL);

  return self->cookie;
}

/* Shows and edits @cookie, or nothing. */
void
stk_cookie_cell_set_cookie (StkCookieCell *self,
                            StkCookie     *cookie)
{
  g_return_if_fail (STK_IS_COOKIE_CELL (self));

  if (self->cookie == cookie)
    return;

  if (self->cookie != NULL)
    g_signal_handlers_disconnect_by_func (self->cookie, refresh, self);
  g_set_object (&self->cookie, cookie);
  if (cookie != NULL)
    g_signal_connect_swapped (cookie, "changed", G_CALLBACK (refresh), self);

  stk_fields_set_object (self->fields, cookie);
  refresh (self);
}
