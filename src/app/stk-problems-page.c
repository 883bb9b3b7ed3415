/* stk-problems-page.c — the list of live validation findings of a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "stk-problems-page.h"

struct _StkProblemsPage
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkStack    *stack;
  GtkLabel    *summary_label;
  GtkListView *list_view;

  /* owned */
  GListModel  *findings;
};

G_DEFINE_FINAL_TYPE (StkProblemsPage, stk_problems_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FINDINGS,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_summary (StkProblemsPage *self)
{
  guint n_errors = 0;
  guint n_warnings = 0;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *summary = NULL;

  if (self->findings != NULL)
    {
      n_errors = stk_findings_count (self->findings, STK_SEVERITY_ERROR);
      n_warnings = stk_findings_count (self->findings, STK_SEVERITY_WARNING);
    }

  gtk_stack_set_visible_child_name (self->stack, n_errors + n_warnings > 0 ? "list" : "empty");

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                            n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           n_warnings),
                              n_warnings);
  /* Translators: "3 errors, 5 warnings. Choose one to go to its field." */
  summary = g_strdup_printf (_("%s, %s. Choose one to go to its field."), errors, warnings);
  gtk_label_set_label (self->summary_label, summary);
}

static void
findings_changed_cb (StkProblemsPage *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  update_summary (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *path = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "problem-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (path, "dim-label");
  gtk_widget_add_css_class (path, "caption");
  gtk_widget_add_css_class (path, "monospace");

  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (texts), path);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  StkFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *message = gtk_widget_get_first_child (texts);
  GtkWidget *path = gtk_widget_get_next_sibling (message);
  gboolean error = stk_finding_get_severity (finding) == STK_SEVERITY_ERROR;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, error ? "warning" : "error");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"),
                                  -1);
  gtk_label_set_label (GTK_LABEL (message), stk_finding_get_message (finding));
  gtk_label_set_label (GTK_LABEL (path), stk_finding_get_path (finding));
}

static void
list_activate_cb (StkProblemsPage *self,
                  guint            position)
{
  stk_problems_page_activate (self, position);
}

static void
stk_problems_page_dispose (GObject *object)
{
  StkProblemsPage *self = STK_PROBLEMS_PAGE (object);

  stk_problems_page_set_findings (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STK_TYPE_PROBLEMS_PAGE);

  G_OBJECT_CLASS (stk_problems_page_parent_class)->dispose (object);
}

static void
stk_problems_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StkProblemsPage *self = STK_PROBLEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_problems_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StkProblemsPage *self = STK_PROBLEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FINDINGS:
      stk_problems_page_set_findings (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_problems_page_class_init (StkProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stk_problems_page_dispose;
  object_class->get_property = stk_problems_page_get_property;
  object_class->set_property = stk_problems_page_set_property;

  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StkProblemsPage::finding-activated:
   * @self: the page
   * @finding: the #StkFinding the user chose
   *
   * Emitted when the user chooses a finding, to go to its field.
   */
  signals[FINDING_ACTIVATED] = g_signal_new ("finding-activated",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, STK_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samtykke/Samtykke/stk-problems-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StkProblemsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StkProblemsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StkProblemsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problemspage");
}

static void
stk_problems_page_init (StkProblemsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  update_summary (self);
}

GtkWidget *
stk_problems_page_new (void)
{
  return g_object_new (STK_TYPE_PROBLEMS_PAGE, NULL);
}

/**
 * stk_problems_page_get_findings:
 * @self: a problems page
 *
 * Returns: (transfer none) (nullable): the findings shown
 */
GListModel *
stk_problems_page_get_findings (StkProblemsPage *self)
{
  g_return_val_if_fail (STK_IS_PROBLEMS_PAGE (self), NULL);

  return self->findings;
}

/**
 * stk_problems_page_set_findings:
 * @self: a problems page
 * @findings: (nullable): a #GListModel of #StkFinding; the page follows its changes
 */
void
stk_problems_page_set_findings (StkProblemsPage *self,
                                GListModel      *findings)
{
  g_return_if_fail (STK_IS_PROBLEMS_PAGE (self));
  g_return_if_fail (findings == NULL || G_IS_LIST_MODEL (findings));

  if (self->findings == findings)
    return;

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, findings_changed_cb, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    {
      g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (findings));

      g_signal_connect_object (findings, "items-changed", G_CALLBACK (findings_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
  else if (self->list_view != NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
    }

  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDINGS]);
}

void
stk_problems_page_activate (StkProblemsPage *self,
                            guint            position)
{
  g_autoptr(StkFinding) finding = NULL;

  g_return_if_fail (STK_IS_PROBLEMS_PAGE (self));

  if (self->findings == NULL)
    return;

  finding = g_list_model_get_item (self->findings, position);
  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}
