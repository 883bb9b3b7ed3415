/* stk-field.c — keeping an editing widget and one field of a model object in step
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "stk-field.h"

typedef enum
{
  FIELD_STRING,
  FIELD_BOOLEAN,
  FIELD_NUMBER,
  FIELD_CHOICE,
} FieldKind;

/* A field remembers which object it edits and how to read and write the value. Whoever shows
 * the widget owns the field; the field holds a reference on the widget and on the object. While
 * the widget is being set from the model, `updating` keeps the widget's own signal from writing
 * the value back. */
struct _StkField
{
  GObject             parent_instance;

  FieldKind           kind;
  gpointer            get;
  gpointer            set;
  StkCheck            check;
  gboolean            updating;

  /* owned */
  GtkWidget          *widget;
  GObject            *object;

  /* borrowed: added to the widget, taken off again in dispose */
  GtkEventController *focus;
};

G_DEFINE_FINAL_TYPE (StkField, stk_field, G_TYPE_OBJECT)

void
stk_seal_history_of (gpointer node)
{
  StkNode *root;

  if (node == NULL || !STK_IS_NODE (node))
    return;

  root = stk_node_get_root (STK_NODE (node));
  if (STK_IS_POLICY (root))
    stk_history_seal (stk_policy_get_history (STK_POLICY (root)));
}

static void
on_focus_leave (StkField *self)
{
  stk_seal_history_of (self->object);
}

static void
on_string_changed (StkField *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->widget));

  if (self->check != NULL)
    stk_mark_invalid (self->widget, self->check (text));

  if (self->updating || self->object == NULL)
    return;

  if (g_strcmp0 (((StkGetString) self->get) (self->object), text) != 0)
    ((StkSetString) self->set) (self->object, text);
}

static void
on_boolean_changed (StkField *self)
{
  gboolean value;

  if (self->updating || self->object == NULL)
    return;

  if (GTK_IS_SWITCH (self->widget))
    value = gtk_switch_get_active (GTK_SWITCH (self->widget));
  else
    value = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->widget));

  if (((StkGetBoolean) self->get) (self->object) != value)
    {
      ((StkSetBoolean) self->set) (self->object, value);
      stk_seal_history_of (self->object);
    }
}

static void
on_number_changed (StkField *self)
{
  gint64 value;

  if (self->updating || self->object == NULL)
    return;

  value = (gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->widget));
  if (((StkGetNumber) self->get) (self->object) != value)
    ((StkSetNumber) self->set) (self->object, value);
}

static void
on_choice_changed (StkField *self)
{
  guint position;

  if (self->updating || self->object == NULL)
    return;

  position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->widget));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  if (((StkGetNumber) self->get) (self->object) != (gint64) position)
    {
      ((StkSetNumber) self->set) (self->object, position);
      stk_seal_history_of (self->object);
    }
}

static void
stk_field_dispose (GObject *object)
{
  StkField *self = STK_FIELD (object);

  if (self->widget != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->widget, self);
      gtk_widget_remove_controller (self->widget, self->focus);
      self->focus = NULL;
    }
  g_clear_object (&self->widget);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (stk_field_parent_class)->dispose (object);
}

static void
stk_field_class_init (StkFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stk_field_dispose;
}

static void
stk_field_init (StkField *self)
{
}

/* Binds @widget, whose @signal says that the user changed it. */
static StkField *
field_new (GtkWidget  *widget,
           FieldKind   kind,
           gpointer    get,
           gpointer    set,
           const char *signal,
           GCallback   on_changed)
{
  StkField *self = g_object_new (STK_TYPE_FIELD, NULL);

  self->kind = kind;
  self->widget = g_object_ref (widget);
  self->get = get;
  self->set = set;
  g_signal_connect_swapped (widget, signal, on_changed, self);

  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, self->focus);

  return self;
}

/**
 * stk_field_new_string:
 * @widget: a GtkEditable
 * @get: reads the value from the object
 * @set: writes it
 * @check: (nullable): marks the widget while its text is not acceptable
 *
 * Returns: (transfer full): a field without an object
 */
StkField *
stk_field_new_string (GtkWidget    *widget,
                      StkGetString  get,
                      StkSetString  set,
                      StkCheck      check)
{
  StkField *self;

  g_return_val_if_fail (GTK_IS_EDITABLE (widget), NULL);

  self = field_new (widget, FIELD_STRING, get, set, "changed", G_CALLBACK (on_string_changed));
  self->check = check;
  stk_field_refresh (self);

  return self;
}

StkField *
stk_field_new_boolean (GtkWidget     *widget,
                       StkGetBoolean  get,
                       StkSetBoolean  set)
{
  StkField *self;

  g_return_val_if_fail (GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget), NULL);

  self = field_new (widget, FIELD_BOOLEAN, get, set, "notify::active",
                    G_CALLBACK (on_boolean_changed));
  stk_field_refresh (self);

  return self;
}

StkField *
stk_field_new_number (GtkWidget    *widget,
                      StkGetNumber  get,
                      StkSetNumber  set)
{
  StkField *self;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (widget), NULL);

  self = field_new (widget, FIELD_NUMBER, get, set, "value-changed",
                    G_CALLBACK (on_number_changed));
  stk_field_refresh (self);

  return self;
}

StkField *
stk_field_new_choice (GtkWidget    *widget,
                      StkGetNumber  get,
                      StkSetNumber  set)
{
  StkField *self;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (widget), NULL);

  self = field_new (widget, FIELD_CHOICE, get, set, "notify::selected",
                    G_CALLBACK (on_choice_changed));
  stk_field_refresh (self);

  return self;
}

GtkWidget *
stk_field_get_widget (StkField *self)
{
  g_return_val_if_fail (STK_IS_FIELD (self), NULL);

  return self->widget;
}

void
stk_field_set_object (StkField *self,
                      gpointer  object)
{
  g_return_if_fail (STK_IS_FIELD (self));

  g_set_object (&self->object, object);

  stk_field_refresh (self);
}

void
stk_fields_set_object (GPtrArray *fields,
                       gpointer   object)
{
  for (guint i = 0; i < fields->len; i++)
    stk_field_set_object (g_ptr_array_index (fields, i), object);
}

void
stk_fields_refresh (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    stk_field_refresh (g_ptr_array_index (fields, i));
}

/* Shows the model's value; touches the widget only when it differs, so the cursor stays put
 * while the user types and nothing is written back. */
void
stk_field_refresh (StkField *self)
{
  GtkWidget *widget;

  g_return_if_fail (STK_IS_FIELD (self));

  widget = self->widget;
  if (widget == NULL)
    return;

  self->updating = TRUE;

  switch (self->kind)
    {
    case FIELD_STRING:
      {
        const char *value = "";

        if (self->object != NULL)
          value = ((StkGetString) self->get) (self->object);
        if (value == NULL)
          value = "";
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), value) != 0)
          gtk_editable_set_text (GTK_EDITABLE (widget), value);
        if (self->check != NULL)
          stk_mark_invalid (widget, self->check (value));
      }
      break;

    case FIELD_BOOLEAN:
      {
        gboolean value = FALSE;

        if (self->object != NULL)
          value = ((StkGetBoolean) self->get) (self->object);
        if (GTK_IS_SWITCH (widget))
          {
            if (gtk_switch_get_active (GTK_SWITCH (widget)) != value)
              gtk_switch_set_active (GTK_SWITCH (widget), value);
          }
        else if (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)) != value)
          {
            gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), value);
          }
      }
      break;

    case FIELD_NUMBER:
      {
        gint64 value = 0;

        if (self->object != NULL)
          value = ((StkGetNumber) self->get) (self->object);
        if ((gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)) != value)
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), (double) value);
      }
      break;

    case FIELD_CHOICE:
      {
        gint64 value = 0;

        if (self->object != NULL)
          value = ((StkGetNumber) self->get) (self->object);
        if (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)) != (guint) value)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), (guint) value);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  self->updating = FALSE;
}

/* The checks of the editor's fields are the core's rules (stk-rules.h), so that a value a field
 * accepts is one validation accepts; only the wording is the field's own. */
const char *
stk_check_url (const char *value)
{
  switch (stk_url_check (value))
    {
    case STK_URL_OK:
    case STK_URL_EMPTY:
      return NULL;

    case STK_URL_FORBIDDEN_CHARACTERS:
      return _("An address cannot hold spaces, line breaks or the characters \" < > \\ `; "
               "write a space as %20");

    case STK_URL_NO_ADDRESS:
      return _("A mailto: address needs an e-mail address after the colon");

    case STK_URL_NO_HOST:
      return _("This address is not complete: it needs a host name");

    case STK_URL_NO_SCHEME:
    case STK_URL_BAD_SCHEME:
    default:
      return _("Only https:, http: and mailto: addresses are allowed");
    }
}

const char *
stk_check_date (const char *value)
{
  switch (stk_date_check (value))
    {
    case STK_DATE_OK:
    case STK_DATE_EMPTY:
      return NULL;

    case STK_DATE_BAD_FORM:
    case STK_DATE_NO_SUCH_DAY:
    default:
      return _("Write the date as YYYY-MM-DD, for example 2026-11-01");
    }
}

const char *
stk_check_email (const char *value)
{
  switch (stk_email_check (value))
    {
    case STK_EMAIL_OK:
    case STK_EMAIL_EMPTY:
      return NULL;

    case STK_EMAIL_FORBIDDEN_CHARACTERS:
    case STK_EMAIL_NOT_ADDRESS:
    default:
      return _("This is not an e-mail address");
    }
}

void
stk_mark_invalid (GtkWidget  *widget,
                  const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
stk_drop_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
}

void
stk_set_accessible_label (GtkWidget  *widget,
                          const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static const struct
{
  const char *code;
  const char *name;
} languages[] = {
  { "da", N_("Danish") },
  { "en", N_("English") },
  { "de", N_("German") },
  { "sv", N_("Swedish") },
  { "nb", N_("Norwegian Bokmål") },
  { "nn", N_("Norwegian Nynorsk") },
  { "fi", N_("Finnish") },
  { "is", N_("Icelandic") },
  { "fo", N_("Faroese") },
  { "kl", N_("Greenlandic") },
  { "fr", N_("French") },
  { "es", N_("Spanish") },
  { "it", N_("Italian") },
  { "nl", N_("Dutch") },
  { "pl", N_("Polish") },
  { "uk", N_("Ukrainian") },
  { "tr", N_("Turkish") },
  { "so", N_("Somali") },
  { "ar", N_("Arabic") },
  { "fa", N_("Persian") },
  { "he", N_("Hebrew") },
  { "ur", N_("Urdu") },
};

const char *
stk_language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, code) == 0)
      return _(languages[i].name);

  return code;
}

void
stk_pages_ensure_style (void)
{
  static GdkDisplay *styled_display;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == styled_display)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, STK_PAGES_RESOURCE "stk-pages.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  styled_display = display;
}

const char *
stk_category_title (StkPolicy  *policy,
                    const char *id)
{
  StkCategory *category = policy != NULL ? stk_policy_find_category (policy, id) : NULL;
  const char *title;

  if (category == NULL)
    return id;

  title = stk_text_lookup (stk_category_get_title (category),
                           stk_policy_get_default_language (policy));

  return title != NULL && *title != '\0' ? title : id;
}
