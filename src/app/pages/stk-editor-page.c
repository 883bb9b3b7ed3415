/* stk-editor-page.c — what every editor page shares: the policy it edits
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stk-editor-page.h"
#include "stk-field.h"

typedef struct
{
  StkPolicy *policy;
} StkEditorPagePrivate;

static void stk_editor_page_page_init (StkPageInterface *iface);

/* Each final page implements StkPage again for its own paths; the policy is handed on here. */
G_DEFINE_TYPE_WITH_CODE (StkEditorPage, stk_editor_page, ADW_TYPE_BIN,
                         G_ADD_PRIVATE (StkEditorPage)
                         G_IMPLEMENT_INTERFACE (STK_TYPE_PAGE, stk_editor_page_page_init))

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every page is final and has a template: the page lets go of the policy while its widgets
 * are still there, then of its widgets. */
static void
stk_editor_page_dispose (GObject *object)
{
  StkEditorPage *self = STK_EDITOR_PAGE (object);

  stk_editor_page_set_policy (self, NULL);
  /* AdwBin unparents its child itself: let go of it before the template's children. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  G_OBJECT_CLASS (stk_editor_page_parent_class)->dispose (object);
}

static void
stk_editor_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StkEditorPage *self = STK_EDITOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, stk_editor_page_get_policy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_editor_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StkEditorPage *self = STK_EDITOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      stk_editor_page_set_policy (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_editor_page_page_set_policy (StkPage   *page,
                                 StkPolicy *policy)
{
  stk_editor_page_set_policy (STK_EDITOR_PAGE (page), policy);
}

static void
stk_editor_page_page_init (StkPageInterface *iface)
{
  iface->set_policy = stk_editor_page_page_set_policy;
}

static void
stk_editor_page_class_init (StkEditorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_editor_page_dispose;
  object_class->get_property = stk_editor_page_get_property;
  object_class->set_property = stk_editor_page_set_property;

  /**
   * StkEditorPage:policy:
   *
   * The policy the page edits.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         STK_TYPE_POLICY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_editor_page_init (StkEditorPage *self)
{
  stk_pages_ensure_style ();
}

StkPolicy *
stk_editor_page_get_policy (StkEditorPage *self)
{
  StkEditorPagePrivate *priv = stk_editor_page_get_instance_private (self);

  g_return_val_if_fail (STK_IS_EDITOR_PAGE (self), NULL);

  return priv->policy;
}

/**
 * stk_editor_page_set_policy:
 * @self: a page
 * @policy: (nullable): the policy to edit, or %NULL for none
 *
 * Shows @policy. Without one the page shows its empty state and takes the focus away from
 * the fields that go.
 */
void
stk_editor_page_set_policy (StkEditorPage *self,
                            StkPolicy     *policy)
{
  StkEditorPagePrivate *priv = stk_editor_page_get_instance_private (self);
  g_autoptr(StkPolicy) old = NULL;

  g_return_if_fail (STK_IS_EDITOR_PAGE (self));
  g_return_if_fail (policy == NULL || STK_IS_POLICY (policy));

  if (priv->policy == policy)
    return;

  if (policy == NULL)
    stk_drop_focus_within (GTK_WIDGET (self));

  old = g_steal_pointer (&priv->policy);
  priv->policy = policy != NULL ? g_object_ref (policy) : NULL;
  if (STK_EDITOR_PAGE_GET_CLASS (self)->policy_changed != NULL)
    STK_EDITOR_PAGE_GET_CLASS (self)->policy_changed (self, old);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}
