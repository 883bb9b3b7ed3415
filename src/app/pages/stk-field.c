/* stk-field.c — keeping an editing widget and one field of a model object in step
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "stk-field.h"

/* A field remembers which object it edits and how to read and write the value. The widget owns
 * the Field (object data); the Field holds a reference on the object. While the widget is being
 * set from the model, `updating` keeps the widget's own signal from writing the value back. */
typedef enum
{
  FIELD_STRING,
  FIELD_BOOLEAN,
  FIELD_NUMBER,
  FIELD_CHOICE,
} FieldKind;

typedef struct
{
  FieldKind  kind;
  GtkWidget *widget;      /* borrowed: owns us */
  GObject   *object;      /* owned */
  gboolean   updating;
  gpointer   get;
  gpointer   set;
  StkCheck   check;
} Field;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_object (&field->object);
  g_free (field);
}

static Field *
field_lookup (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "stk-field");
}

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
on_focus_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  stk_seal_history_of (field->object);
}

static void
on_string_changed (GtkEditable *editable,
                   Field       *field)
{
  const char *text = gtk_editable_get_text (editable);

  if (field->check != NULL)
    stk_mark_invalid (field->widget, field->check (text));

  if (field->updating || field->object == NULL)
    return;

  if (g_strcmp0 (((StkGetString) field->get) (field->object), text) != 0)
    ((StkSetString) field->set) (field->object, text);
}

static void
on_boolean_changed (GtkWidget  *widget,
                    GParamSpec *pspec,
                    Field      *field)
{
  gboolean value;

  if (field->updating || field->object == NULL)
    return;

  if (GTK_IS_SWITCH (widget))
    value = gtk_switch_get_active (GTK_SWITCH (widget));
  else
    value = gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));

  if (((StkGetBoolean) field->get) (field->object) != value)
    {
      ((StkSetBoolean) field->set) (field->object, value);
      stk_seal_history_of (field->object);
    }
}

static void
on_number_changed (GtkSpinButton *spin,
                   Field         *field)
{
  gint64 value;

  if (field->updating || field->object == NULL)
    return;

  value = (gint64) gtk_spin_button_get_value (spin);
  if (((StkGetNumber) field->get) (field->object) != value)
    ((StkSetNumber) field->set) (field->object, value);
}

static void
on_choice_changed (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   Field       *field)
{
  guint position;

  if (field->updating || field->object == NULL)
    return;

  position = gtk_drop_down_get_selected (drop_down);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  if (((StkGetNumber) field->get) (field->object) != (gint64) position)
    {
      ((StkSetNumber) field->set) (field->object, position);
      stk_seal_history_of (field->object);
    }
}

static Field *
field_new (GtkWidget *widget,
           FieldKind  kind,
           gpointer   get,
           gpointer   set)
{
  Field *field = g_new0 (Field, 1);
  GtkEventController *focus;

  field->kind = kind;
  field->widget = widget;
  field->get = get;
  field->set = set;
  g_object_set_data_full (G_OBJECT (widget), "stk-field", field, field_free);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), field);
  gtk_widget_add_controller (widget, focus);

  return field;
}

void
stk_field_bind_string (GtkWidget    *widget,
                       StkGetString  get,
                       StkSetString  set,
                       StkCheck      check)
{
  Field *field;

  g_return_if_fail (GTK_IS_EDITABLE (widget));

  field = field_new (widget, FIELD_STRING, get, set);
  field->check = check;
  g_signal_connect (widget, "changed", G_CALLBACK (on_string_changed), field);
}

void
stk_field_bind_boolean (GtkWidget     *widget,
                        StkGetBoolean  get,
                        StkSetBoolean  set)
{
  Field *field;

  g_return_if_fail (GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget));

  field = field_new (widget, FIELD_BOOLEAN, get, set);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_boolean_changed), field);
}

void
stk_field_bind_number (GtkWidget    *widget,
                       StkGetNumber  get,
                       StkSetNumber  set)
{
  Field *field;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (widget));

  field = field_new (widget, FIELD_NUMBER, get, set);
  g_signal_connect (widget, "value-changed", G_CALLBACK (on_number_changed), field);
}

void
stk_field_bind_choice (GtkWidget    *widget,
                       StkGetNumber  get,
                       StkSetNumber  set)
{
  Field *field;

  g_return_if_fail (GTK_IS_DROP_DOWN (widget));

  field = field_new (widget, FIELD_CHOICE, get, set);
  g_signal_connect (widget, "notify::selected", G_CALLBACK (on_choice_changed), field);
}

void
stk_field_set_object (GtkWidget *widget,
                      gpointer   object)
{
  Field *field = field_lookup (widget);

  g_return_if_fail (field != NULL);

  g_set_object (&field->object, object);

  stk_field_refresh (widget);
}

gpointer
stk_field_get_object (GtkWidget *widget)
{
  Field *field = field_lookup (widget);

  return field != NULL ? field->object : NULL;
}

/* Shows the model's value; touches the widget only when it differs, so the cursor stays put
 * while the user types and nothing is written back. */
void
stk_field_refresh (GtkWidget *widget)
{
  Field *field = field_lookup (widget);

  g_return_if_fail (field != NULL);

  field->updating = TRUE;

  switch (field->kind)
    {
    case FIELD_STRING:
      {
        const char *value = "";

        if (field->object != NULL)
          value = ((StkGetString) field->get) (field->object);
        if (value == NULL)
          value = "";
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), value) != 0)
          gtk_editable_set_text (GTK_EDITABLE (widget), value);
        if (field->check != NULL)
          stk_mark_invalid (widget, field->check (value));
      }
      break;

    case FIELD_BOOLEAN:
      {
        gboolean value = FALSE;

        if (field->object != NULL)
          value = ((StkGetBoolean) field->get) (field->object);
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

        if (field->object != NULL)
          value = ((StkGetNumber) field->get) (field->object);
        if ((gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)) != value)
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), (double) value);
      }
      break;

    case FIELD_CHOICE:
      {
        gint64 value = 0;

        if (field->object != NULL)
          value = ((StkGetNumber) field->get) (field->object);
        if (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)) != (guint) value)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), (guint) value);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  field->updating = FALSE;
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
