/* test-window.c — drives a real editor window: documents, undo and redo, saving, problems
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-helpers.h"
#include "stk-application.h"
#include "stk-problems-page.h"
#include "stk-providers-page.h"
#include "stk-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* The banner's title, edited on the Banner Texts page. */
#define TEXT_PATH "texts.banner_title"
#define OLD_DA "\"da\": \"Vi bruger cookies\""
#define OLD_EN "\"en\": \"We use cookies\""

static StkApplication *app;
static char *tmp_dir;


/* The policy that takes a while to save, and how long to wait for that: the sanitizers make
 * everything several times slower. */
#ifdef __SANITIZE_ADDRESS__
#define N_LARGE_PROVIDERS 100
#else
#define N_LARGE_PROVIDERS 4000
#endif
#define LARGE_SECONDS 180

static StkDocument *
document_of (StkWindow *window)
{
  return stk_window_get_document (window);
}

static StkPolicy *
window_policy (StkWindow *window)
{
  return stk_document_get_policy (document_of (window));
}

static GFile *
window_file (StkWindow *window)
{
  return stk_document_get_file (document_of (window));
}

static gboolean
window_modified (StkWindow *window)
{
  return stk_document_get_modified (document_of (window));
}

/* Until the window's document has finished loading, checking or saving. */
static void
wait_idle (StkWindow *window)
{
  STK_WAIT_UNTIL (!stk_document_get_busy (document_of (window)));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = stk_document_load_finish (STK_DOCUMENT (object), result, &outcome->error);
  outcome->done = TRUE;
}

/* Loads @file into the window's document and waits for the end; FALSE with @error set when it
 * failed. */
static gboolean
load_file (StkWindow  *window,
           GFile      *file,
           GError    **error)
{
  Outcome outcome = { FALSE, FALSE, NULL };

  stk_document_load_async (document_of (window), file, NULL, load_done_cb, &outcome);
  STK_WAIT_UNTIL (outcome.done);
  g_assert_false (stk_document_get_busy (document_of (window)));

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);

  return outcome.ok;
}

static StkWindow *
open_window (GFile *file)
{
  StkWindow *window = stk_window_new (GTK_APPLICATION (app));

  if (file != NULL)
    g_assert_true (load_file (window, file, NULL));
  gtk_window_present (GTK_WINDOW (window));
  STK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

static void
destroy_window (StkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (window));
  STK_WAIT_UNTIL (widget == NULL);
}

static GtkWidget *
find_widget (GtkWidget   *root,
             GType        type,
             const char  *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The count shown at the end of a sidebar row. */
static const char *
sidebar_count (StkWindow  *window,
               const char *row_name)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW, row_name);
  GtkWidget *box;

  g_assert_nonnull (row);
  box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static char *
field_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  g_assert_true (GTK_IS_EDITABLE (field));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

/* Goes to a field the way the Problems page does and returns the focused widget. */
static GtkWidget *
focus_field (StkWindow  *window,
             const char *path)
{
  GtkWidget *focus;

  g_assert_true (stk_window_focus_path (window, path));
  STK_WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL
                  && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)));

  return focus;
}

/* Types @value into the field of @path, replacing what it held, then leaves the field. */
static void
edit_field (StkWindow  *window,
            const char *path,
            const char *value)
{
  GtkWidget *focus = focus_field (window, path);

  if (GTK_IS_TEXT_VIEW (focus))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), value, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (focus), value);

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  stk_test_drain ();
}

static StkText *
edited_text (StkWindow *window)
{
  StkPolicy *policy = window_policy (window);

  return stk_policy_get_text (policy, "banner_title");
}

static AdwMessageDialog *
find_question (StkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Answers the unsaved-changes question as a click on its button would. */
static void
answer_question (StkWindow  *window,
                 const char *response)
{
  AdwMessageDialog *dialog = NULL;

  STK_WAIT_UNTIL ((dialog = find_question (window)) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  stk_test_drain ();
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static char *
replace_once (const char *haystack,
              const char *old,
              const char *new)
{
  const char *at = strstr (haystack, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));

  return g_strdup_printf ("%.*s%s%s", (int) (at - haystack), haystack, new, at + strlen (old));
}

static void
test_edit_undo_redo_save (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "edit.json");
  g_autofree char *original = read_file (file);
  g_autofree char *expected_da = replace_once (original, OLD_DA, "\"da\": \"Cookies på kk.dk\"");
  g_autofree char *expected = replace_once (expected_da, OLD_EN, "\"en\": \"Cookies on kk.dk\"");
  g_autofree char *saved = NULL;
  g_autofree char *shown = NULL;
  StkWindow *window = open_window (file);
  StkText *text = edited_text (window);
  g_autofree char *old_da = g_strdup (stk_text_get (text, "da"));
  g_autofree char *old_en = g_strdup (stk_text_get (text, "en"));

  g_assert_false (window_modified (window));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "edit.json"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Københavns Kommune"));

  edit_field (window, TEXT_PATH ".da", "Cookies på kk.dk");
  edit_field (window, TEXT_PATH ".en", "Cookies on kk.dk");
  g_assert_cmpstr (stk_text_get (text, "da"), ==, "Cookies på kk.dk");
  g_assert_cmpstr (stk_text_get (text, "en"), ==, "Cookies on kk.dk");
  g_assert_true (window_modified (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Each field is one step: the first undo takes back only the English text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (stk_text_get (text, "en"), ==, old_en);
  g_assert_cmpstr (stk_text_get (text, "da"), ==, "Cookies på kk.dk");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (stk_text_get (text, "da"), ==, old_da);

  /* Back at the saved state: no unsaved mark, and the field shows the model's value. */
  g_assert_false (window_modified (window));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  shown = field_text (focus_field (window, TEXT_PATH ".da"));
  g_assert_cmpstr (shown, ==, old_da);
  gtk_root_set_focus (GTK_ROOT (window), NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (stk_text_get (text, "da"), ==, "Cookies på kk.dk");
  g_assert_cmpstr (stk_text_get (text, "en"), ==, "Cookies on kk.dk");
  g_assert_true (window_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (stk_document_get_saving (document_of (window)));
  wait_idle (window);
  saved = read_file (file);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_false (window_modified (window));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  destroy_window (window);
}

/* Through the Providers page's own commands (its add and remove buttons call these). */
static void
test_add_remove_provider_cookie (void)
{
  StkWindow *window = open_window (NULL);
  StkPolicy *policy = window_policy (window);
  StkList *providers = stk_policy_get_providers (policy);
  guint n_providers = stk_list_get_n (providers);
  g_autofree char *before = g_strdup_printf ("%u", n_providers);
  g_autofree char *after = g_strdup_printf ("%u", n_providers + 1);
  StkProvidersPage *page;
  StkProvider *provider;
  StkList *cookies;

  stk_window_show_page (window, "providers");
  page = STK_PROVIDERS_PAGE (find_widget (GTK_WIDGET (window), STK_TYPE_PROVIDERS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, before);

  stk_providers_page_add_provider (page);
  g_assert_cmpuint (stk_list_get_n (providers), ==, n_providers + 1);
  provider = stk_list_peek (providers, n_providers);
  g_assert_true (stk_providers_page_get_selected (page) == provider);
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, after);
  g_assert_true (window_modified (window));

  cookies = stk_provider_get_cookies (provider);
  stk_providers_page_add_cookie (page);
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 1);

  /* Undo takes back the cookie, then the provider; the sidebar follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 0);
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, after);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, before);
  g_assert_false (window_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, after);
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 1);

  stk_providers_page_select (page, provider);
  stk_providers_page_set_cookie_position (page, 0);
  stk_providers_page_remove_cookie (page);
  g_assert_cmpuint (stk_list_get_n (cookies), ==, 0);
  stk_providers_page_remove_provider (page);
  g_assert_cmpuint (stk_list_get_n (providers), ==, n_providers);
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, before);

  destroy_window (window);
}

static void
test_close_question (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "close.json");
  g_autofree char *original = read_file (file);
  g_autofree char *saved = NULL;
  StkWindow *window = open_window (file);
  GtkWidget *alive = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);

  stk_policy_set_name (window_policy (window), "Gentofte Kommune");

  /* Cancel: the window and its changes stay. */
  gtk_window_close (GTK_WINDOW (window));
  answer_question (window, "cancel");
  g_assert_nonnull (alive);
  g_assert_true (window_modified (window));
  g_assert_cmpstr (stk_policy_get_name (window_policy (window)), ==, "Gentofte Kommune");

  /* Save: the file holds the change and the window closes. */
  gtk_window_close (GTK_WINDOW (window));
  answer_question (window, "save");
  STK_WAIT_UNTIL (alive == NULL);
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"name\": \"Gentofte Kommune\""));

  /* Discard: the window closes and the file is left as it was. */
  g_assert_true (g_file_replace_contents (file, original, strlen (original), NULL, FALSE, 0,
                                          NULL, NULL, NULL));
  window = open_window (file);
  alive = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);
  stk_policy_set_name (window_policy (window), "Gladsaxe Kommune");
  gtk_window_close (GTK_WINDOW (window));
  answer_question (window, "discard");
  STK_WAIT_UNTIL (alive == NULL);
  g_clear_pointer (&saved, g_free);
  saved = read_file (file);
  g_assert_cmpstr (saved, ==, original);

  /* An unchanged window closes without a question. */
  window = open_window (file);
  alive = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (find_question (window));
  STK_WAIT_UNTIL (alive == NULL);
}

static void
test_open_over_changes (void)
{
  g_autoptr(GFile) first = stk_test_copy_example (tmp_dir, "first.json");
  g_autoptr(GFile) second = stk_test_copy_example (tmp_dir, "second.json");
  StkWindow *window = open_window (first);
  StkPolicy *policy = window_policy (window);

  stk_policy_set_name (policy, "Changed");

  /* Cancel keeps the changed document; Discard opens the other file. */
  stk_window_open_file (window, second);
  answer_question (window, "cancel");
  g_assert_true (window_policy (window) == policy);
  g_assert_true (g_file_equal (window_file (window), first));

  stk_window_open_file (window, second);
  answer_question (window, "discard");
  STK_WAIT_UNTIL (g_file_equal (window_file (window), second));
  wait_idle (window);
  g_assert_false (window_modified (window));
  g_assert_cmpstr (stk_policy_get_name (window_policy (window)), ==,
                   "Københavns Kommune – kk.dk");

  destroy_window (window);
}

static void
test_malformed_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "broken.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GFile) good = stk_test_copy_example (tmp_dir, "good.json");
  g_autoptr(GError) error = NULL;
  StkWindow *window = open_window (good);
  StkPolicy *policy = window_policy (window);
  StkDocument *document = NULL;
  guint n_windows;
  GtkWidget *bar;
  GtkWidget *label;

  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"samtykke-policy\",\n  \"name\": ]\n}\n",
                                      -1, NULL));
  g_assert_null (stk_document_get_load_error (document_of (window)));

  stk_window_open_file (window, broken);
  g_assert_true (stk_document_get_loading (document_of (window)));
  wait_idle (window);

  /* The core's message, naming the file, line and column, is shown in the window ... */
  g_assert_nonnull (stk_document_get_load_error (document_of (window)));
  g_assert_nonnull (strstr (stk_document_get_load_error (document_of (window)), "broken.json:3:"));
  bar = find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR, NULL);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  label = find_widget (bar, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  g_assert_nonnull (find_widget (bar, GTK_TYPE_LABEL, NULL));
  {
    gboolean shown = FALSE;

    for (GtkWidget *l = label; l != NULL; l = gtk_widget_get_next_sibling (l))
      if (GTK_IS_LABEL (l)
          && strstr (gtk_label_get_label (GTK_LABEL (l)),
                     stk_document_get_load_error (document_of (window))))
        shown = TRUE;
    g_assert_true (shown);
  }

  /* ... and the previous document stays. */
  g_assert_true (window_policy (window) == policy);
  g_assert_true (g_file_equal (window_file (window), good));

  /* The same through the document's own function. */
  g_assert_false (load_file (window, broken, &error));
  g_assert_error (error, STK_ERROR, STK_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "broken.json:3:"));
  g_assert_true (window_policy (window) == policy);

  /* Opening a good file clears the message. */
  stk_window_open_file (window, good);
  wait_idle (window);
  g_assert_null (stk_document_get_load_error (document_of (window)));
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  destroy_window (window);

  /* `samtykke broken.json`: a window with the message, over the bundled example. */
  window = stk_window_new_for_file (GTK_APPLICATION (app), broken);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (window);
  g_assert_nonnull (stk_document_get_load_error (document_of (window)));
  g_assert_nonnull (strstr (stk_document_get_load_error (document_of (window)), "broken.json:3:"));
  g_assert_null (window_file (window));
  g_assert_nonnull (window_policy (window));
  bar = find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR, NULL);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  destroy_window (window);

  /* A file named on the command line begins loading before its window is made: the window
   * says it is opening the file until the policy is there, then shows it. */
  document = stk_document_new ();
  stk_document_load_async (document, good, NULL, NULL, NULL);
  window = stk_window_new_for_document (GTK_APPLICATION (app), document);
  g_clear_object (&document);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (stk_window_get_visible_page (window), ==, "opening");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "good.json"));
  wait_idle (window);
  g_assert_true (g_file_equal (window_file (window), good));
  g_assert_null (stk_document_get_load_error (document_of (window)));
  g_assert_cmpstr (stk_window_get_visible_page (window), ==, "policy");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Københavns Kommune"));

  /* Opening the same file again shows that window rather than another. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &good, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  destroy_window (window);
}

static gboolean
findings_have (StkWindow  *window,
               const char *path,
               guint      *position)
{
  GListModel *findings = stk_document_get_findings (stk_window_get_document (window));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (stk_finding_get_path (finding), path)
          && g_str_equal (stk_finding_get_rule (finding), "missing-translation"))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_problems_page (void)
{
  StkWindow *window = open_window (NULL);
  StkText *text = edited_text (window);
  GtkWidget *problems;
  GtkWidget *list_view;
  GtkWidget *focus;
  GtkWidget *page;
  guint position = 0;

  stk_document_validate_now (document_of (window));
  g_assert_false (findings_have (window, TEXT_PATH ".en", NULL));

  /* The findings follow an edit by themselves, shortly after it. */
  stk_text_set (text, "en", "");
  STK_WAIT_UNTIL (findings_have (window, TEXT_PATH ".en", &position));
  g_assert_cmpuint (g_ascii_strtoull (sidebar_count (window, "problems"), NULL, 10), >=, 1);

  stk_window_show_page (window, "problems");
  g_assert_cmpstr (stk_window_get_visible_page (window), ==, "problems");
  problems = find_widget (GTK_WIDGET (window), STK_TYPE_PROBLEMS_PAGE, NULL);
  g_assert_nonnull (problems);
  list_view = find_widget (problems, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);

  /* Activating the row goes to the field and focuses it: typing there fills the gap. */
  g_signal_emit_by_name (list_view, "activate", position);
  STK_WAIT_UNTIL (g_strcmp0 (stk_window_get_visible_page (window), "problems") != 0);
  page = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_ancestor (problems,
                                                                          GTK_TYPE_STACK)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
  if (GTK_IS_TEXT_VIEW (focus))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Filled", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (focus), "Filled");
  g_assert_cmpstr (stk_text_get (text, "en"), ==, "Filled");
  STK_WAIT_UNTIL (!findings_have (window, TEXT_PATH ".en", NULL));

  /* Ctrl+M finds the next missing translation the same way. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  stk_text_set (text, "da", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-missing", NULL));
  g_assert_true (findings_have (window, TEXT_PATH ".da", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
  if (GTK_IS_TEXT_VIEW (focus))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Udfyldt", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (focus), "Udfyldt");
  g_assert_cmpstr (stk_text_get (text, "da"), ==, "Udfyldt");

  destroy_window (window);
}

static void
test_new_document (void)
{
  StkWindow *window = open_window (NULL);

  /* The window starts on the bundled example, untitled and unchanged. */
  g_assert_null (window_file (window));
  g_assert_false (window_modified (window));
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (window_policy (window))),
                    >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_null (window_file (window));
  g_assert_false (window_modified (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                  window_modified (window));
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (window_policy (window))),
                    ==, 0);
  g_assert_cmpstr (sidebar_count (window, "providers"), ==, "0");
  g_assert_cmpuint (g_strv_length ((char **) stk_policy_get_languages (window_policy (window))),
                    >=, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-example", NULL));
  g_assert_cmpuint (stk_list_get_n (stk_policy_get_providers (window_policy (window))),
                    >, 0);

  /* Every page the sidebar names can be shown. */
  for (const char * const *name = (const char * const[]) { "policy", "texts", "categories",
                                                           "providers", "sections", "problems",
                                                           NULL };
       *name != NULL; name++)
    {
      stk_window_show_page (window, *name);
      g_assert_cmpstr (stk_window_get_visible_page (window), ==, *name);
    }

  destroy_window (window);
}

static void
test_settings_and_recent (void)
{
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "remembered.json");
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *last = NULL;
  GSettings *settings = stk_application_get_settings (app);
  StkWindow *window;
  GtkWidget *alive;
  int width, height;

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "last-folder", "");

  window = stk_window_new_for_file (GTK_APPLICATION (app), file);
  alive = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  STK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  wait_idle (window);

  /* The folder of the last file opened, and the file among the recent ones. */
  last = g_settings_get_string (settings, "last-folder");
  g_assert_cmpstr (last, ==, folder_uri);
  STK_WAIT_UNTIL (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* The size a window had when it closed is the size the next one opens with. */
  gtk_window_close (GTK_WINDOW (window));
  STK_WAIT_UNTIL (alive == NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  window = open_window (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  destroy_window (window);
}

static void
test_drop_file (void)
{
  g_autoptr(GFile) dropped = stk_test_copy_example (tmp_dir, "dropped.json");
  g_autofree char *path = g_build_filename (tmp_dir, "notes.txt", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (path);
  StkWindow *window = open_window (NULL);

  g_assert_true (g_file_set_contents (path, "not a policy\n", -1, NULL));

  /* A .json file dropped on the window opens in it, once a look at it found a policy. */
  g_assert_true (stk_test_drop_file (GTK_WIDGET (window), dropped));
  STK_WAIT_UNTIL (window_file (window) != NULL && g_file_equal (window_file (window), dropped));
  wait_idle (window);

  /* Anything else is refused and the document stays. */
  g_assert_false (stk_test_drop_file (GTK_WIDGET (window), text));
  g_assert_true (g_file_equal (window_file (window), dropped));

  destroy_window (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static void
test_shortcuts_and_about (void)
{
  static const char * const actions[] = {
    "win.save", "win.save-as", "win.open", "win.new", "win.undo", "win.redo",
    "win.next-missing", "win.export", "win.export-again", "app.quit", "window.close",
  };
  StkWindow *window = open_window (NULL);
  GtkWindow *shown = NULL;

  /* Every common action has a key. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   actions[i]);

      g_assert_nonnull (accels);
      g_assert_nonnull (accels[0]);
    }

  /* The sidebar's pages, in its order, at Alt+1 to Alt+9, the website check among them. */
  {
    static const char * const pages[] = {
      "policy", "texts", "categories", "providers", "sections", "appearance", "preview",
      "audit", "problems",
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        g_autofree char *detailed = g_strdup_printf ("win.show-page('%s')", pages[i]);
        g_autofree char *key = g_strdup_printf ("<Alt>%u", i + 1);
        g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     detailed);

        g_assert_nonnull (accels);
        g_assert_cmpstr (accels[0], ==, key);
        /* The preview's web engine is tested on its own (tests/preview). */
        if (g_str_equal (pages[i], "preview"))
          continue;
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                   pages[i]));
        g_assert_cmpstr (stk_window_get_visible_page (window), ==, pages[i]);
      }
  }

  /* The shortcuts window (Ctrl+?) lists them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  STK_WAIT_UNTIL ((shown = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL);
  gtk_window_close (shown);
  STK_WAIT_UNTIL (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == NULL);

  /* The About window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  STK_WAIT_UNTIL ((shown = find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (shown)), ==,
                   "Samtykke");
  gtk_window_destroy (shown);

  destroy_window (window);
}

/* Runs xdotool, which sends real key events through the X server, and handles the events
 * that have arrived when it is done. */
static void
run_xdotool (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (gpointer) *args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  STK_WAIT_UNTIL (g_subprocess_get_identifier (process) == NULL);
  g_assert_true (g_subprocess_get_successful (process));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Typing in text fields and pressing Ctrl+Z and Ctrl+Shift+Z there: the keys reach the policy's
 * history, not the fields' own undo, and each field's typing is one step. */
static void
test_keyboard_undo_in_fields (void)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(GFile) file = stk_test_copy_example (tmp_dir, "keys.json");
  StkWindow *window;
  StkText *text;
  g_autofree char *old_da = NULL;
  g_autofree char *old_en = NULL;
  g_autofree char *typed_da = NULL;
  g_autofree char *typed_en = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *xdotool_path = NULL;
  GtkWidget *field;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs an X11 display (Xvfb) for xdotool");
      return;
    }
  xdotool_path = g_find_program_in_path ("xdotool");
  if (xdotool_path == NULL)
    g_error ("xdotool is missing: tools/install-deps --tests installs it");

  window = open_window (file);
  text = edited_text (window);
  old_da = g_strdup (stk_text_get (text, "da"));
  old_en = g_strdup (stk_text_get (text, "en"));
  typed_da = g_strconcat (old_da, " igen", NULL);
  typed_en = g_strconcat (old_en, " again", NULL);
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (
                           gtk_native_get_surface (GTK_NATIVE (window))));
  run_xdotool ((const char *[]) { "windowfocus", xid, NULL });
  STK_WAIT_UNTIL (gtk_window_is_active (GTK_WINDOW (window)));

  field = focus_field (window, TEXT_PATH ".da");
  gtk_editable_set_position (GTK_EDITABLE (field), -1);
  run_xdotool ((const char *[]) { "type", "--delay", "15", " igen", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "da"), typed_da) == 0);

  field = focus_field (window, TEXT_PATH ".en");
  gtk_editable_set_position (GTK_EDITABLE (field), -1);
  run_xdotool ((const char *[]) { "type", "--delay", "15", " again", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "en"), typed_en) == 0);
  g_assert_true (window_modified (window));

  /* Back in the Danish field, whose own undo would take back the Danish typing: Ctrl+Z takes
   * back the policy's last step instead, the English typing, all of it; the second Ctrl+Z the
   * Danish typing. Then the policy is at its saved state again. */
  field = focus_field (window, TEXT_PATH ".da");
  run_xdotool ((const char *[]) { "key", "ctrl+z", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "en"), old_en) == 0);
  g_assert_cmpstr (stk_text_get (text, "da"), ==, typed_da);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, typed_da);
  run_xdotool ((const char *[]) { "key", "ctrl+z", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "da"), old_da) == 0);
  g_assert_cmpstr (stk_text_get (text, "en"), ==, old_en);
  g_assert_false (window_modified (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, old_da);

  run_xdotool ((const char *[]) { "key", "ctrl+shift+z", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "da"), typed_da) == 0);
  g_assert_cmpstr (stk_text_get (text, "en"), ==, old_en);
  run_xdotool ((const char *[]) { "key", "ctrl+shift+z", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "en"), typed_en) == 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, typed_da);
  g_assert_true (window_modified (window));

  /* Discard the changes without the question. */
  run_xdotool ((const char *[]) { "key", "ctrl+z", "ctrl+z", NULL });
  STK_WAIT_UNTIL (!window_modified (window));
  destroy_window (window);
#else
  g_test_skip ("built without X11 support");
#endif
}

/* Keys typed 40 ms apart: they take longer than the save. */
#define N_KEYS_X "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

static guint
count_x (const char *text)
{
  guint n = 0;

  for (; text != NULL && *text != '\0'; text++)
    n += *text == 'x';

  return n;
}

typedef struct
{
  StkDocument *document;
  guint        changes;
  guint        changes_while_busy;
} ChangeCount;

static void
count_change_cb (StkPolicy   *policy,
                 ChangeCount *count)
{
  count->changes++;
  if (stk_document_get_busy (count->document))
    count->changes_while_busy++;
}

/* While the policy is saved in the background, keys typed into a field and the actions that
 * would edit or replace the document are held off: the file gets the policy as it was when
 * the save began, and the model does not change under the worker reading it. */
static void
test_edit_during_save (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *path = g_build_filename (tmp_dir, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dropped = stk_test_copy_example (tmp_dir, "dropped-while-saving.json");
  g_autoptr(StkPolicy) large = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *old_da = NULL;
  g_autofree char *at_save = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *xdotool_path = NULL;
  ChangeCount count = { NULL, 0, 0 };
  StkDocument *document;
  StkWindow *window;
  StkText *text;
  GtkWidget *field;
  gsize length;
  g_autoptr(GSubprocess) typing = NULL;
  guint typed_before;
  guint held;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs an X11 display (Xvfb) for xdotool");
      return;
    }
  xdotool_path = g_find_program_in_path ("xdotool");
  if (xdotool_path == NULL)
    g_error ("xdotool is missing: tools/install-deps --tests installs it");

  large = stk_test_new_large_policy (N_LARGE_PROVIDERS);
  window = open_window (NULL);
  document = document_of (window);
  stk_document_set_policy (document, large, file);
  stk_document_validate_now (document);
  text = stk_policy_get_text (large, "banner_title");
  old_da = g_strdup (stk_text_get (text, "da"));

  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (
                           gtk_native_get_surface (GTK_NATIVE (window))));
  run_xdotool ((const char *[]) { "windowfocus", xid, NULL });
  STK_WAIT_UNTIL (gtk_window_is_active (GTK_WINDOW (window)));
  field = focus_field (window, TEXT_PATH ".da");
  gtk_editable_set_position (GTK_EDITABLE (field), -1);

  /* A stream of keys into the focused field, the save beginning while it runs. */
  count.document = document;
  g_signal_connect (large, "changed", G_CALLBACK (count_change_cb), &count);
  typing = g_subprocess_newv ((const char *const[]) { "xdotool", "type", "--delay", "40",
                                                      N_KEYS_X, NULL },
                              G_SUBPROCESS_FLAGS_NONE, NULL);
  g_assert_nonnull (typing);
  STK_WAIT_UNTIL (count_x (stk_text_get (text, "da")) > count_x (old_da));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (stk_document_get_saving (document));
  /* The typing only changes this field: with it put back, the policy is as the save found
   * it (see the end). */
  at_save = g_strdup (stk_text_get (text, "da"));
  typed_before = count_x (at_save) - count_x (old_da);

  /* What would replace the document or undo is refused meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-example", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (stk_test_drop_file (GTK_WIDGET (window), dropped));
  g_assert_true (stk_document_get_policy (document) == large);

  STK_WAIT_UNTIL_WITHIN (!stk_document_get_busy (document), LARGE_SECONDS);
  STK_WAIT_UNTIL_WITHIN (g_subprocess_get_identifier (typing) == NULL, LARGE_SECONDS);
  g_assert_true (g_subprocess_get_successful (typing));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* Nothing changed while the worker read the policy, and the keys typed meanwhile went
   * nowhere. */
  g_assert_cmpuint (count.changes_while_busy, ==, 0);
  held = strlen (N_KEYS_X) - (count_x (stk_text_get (text, "da")) - count_x (old_da));
  g_test_message ("%u keys before the save, %u held off", typed_before, held);
  if (held == 0)
    g_error ("The save ended before a key reached the window: make the policy larger");
  g_assert_true (g_str_has_prefix (stk_text_get (text, "da"), old_da));

  /* Afterwards the same field takes typing again. */
  typed = g_strconcat (stk_text_get (text, "da"), "y", NULL);
  run_xdotool ((const char *[]) { "type", "--delay", "0", "y", NULL });
  STK_WAIT_UNTIL (g_strcmp0 (stk_text_get (text, "da"), typed) == 0);
  g_assert_true (stk_document_get_modified (document));
  g_assert_cmpuint (count.changes, >, 0);

  /* The file has the policy as it was when the save began. */
  stk_text_set (text, "da", at_save);
  before = stk_policy_to_bytes (large);
  g_assert_true (g_file_get_contents (path, &saved, &length, NULL));
  g_assert_cmpmem (saved, length, g_bytes_get_data (before, NULL), g_bytes_get_size (before));

  g_signal_handlers_disconnect_by_func (large, count_change_cb, &count);
  destroy_window (window);
#else
  g_test_skip ("built without X11 support");
#endif
}

/* While a large file opens in a running window, a progress bar along the top of the page
 * shows how far it is read (where a spinner would redraw the window sixty times a second);
 * it goes, with the busy cursor, once the policy is there. */
static void
test_progress_while_opening (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StkWindow *window = open_window (NULL);
  StkDocument *document = document_of (window);
  GtkWidget *bar = find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR, "busy-progress");
  GtkWidget *spinner = find_widget (GTK_WIDGET (window), GTK_TYPE_SPINNER, "busy-spinner");

  {
    g_autoptr(StkPolicy) large = stk_test_new_large_policy (500);

    g_assert_true (stk_policy_save_file (large, file, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (bar);
  g_assert_nonnull (spinner);
  g_assert_false (gtk_widget_get_visible (bar));

  /* Held, the reader goes 256 members and elements per 100 ms: the bar shows, and moves,
   * before it is done. */
  stk_test_hold_workers_begin ();
  stk_document_load_async (document, file, NULL, NULL, NULL);
  STK_WAIT_UNTIL (gtk_widget_get_visible (bar)
                  && gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0);
  g_assert_true (stk_document_get_loading (document));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_cmpstr (gtk_widget_get_cursor (GTK_WIDGET (window)) != NULL
                   ? gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (window))) : NULL,
                   ==, "wait");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), ==,
                     stk_document_get_progress (document));
  stk_test_hold_workers_end ();
  STK_WAIT_UNTIL (!stk_document_get_busy (document));

  g_assert_true (g_file_equal (stk_document_get_file (document), file));
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (window)));

  destroy_window (window);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  stk_test_gui_init ();
  tmp_dir = g_dir_make_tmp ("samtykke-app-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  /* Recent files are written below here rather than into the user's own list. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  /* Changes kept for recovery too. */
  g_setenv ("XDG_STATE_HOME", tmp_dir, TRUE);

  g_set_prgname ("samtykke-test");
  gtk_test_init (&argc, &argv, NULL);

  app = stk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/app/window/edit-undo-redo-save", test_edit_undo_redo_save);
  g_test_add_func ("/app/window/add-remove-provider-cookie", test_add_remove_provider_cookie);
  g_test_add_func ("/app/window/close-question", test_close_question);
  g_test_add_func ("/app/window/open-over-changes", test_open_over_changes);
  g_test_add_func ("/app/window/malformed-file", test_malformed_file);
  g_test_add_func ("/app/window/problems-page", test_problems_page);
  g_test_add_func ("/app/window/new-document", test_new_document);
  g_test_add_func ("/app/window/settings-and-recent", test_settings_and_recent);
  g_test_add_func ("/app/window/shortcuts-and-about", test_shortcuts_and_about);
  g_test_add_func ("/app/window/drop-file", test_drop_file);
  g_test_add_func ("/app/window/keyboard-undo-in-fields", test_keyboard_undo_in_fields);
  g_test_add_func ("/app/window/edit-during-save", test_edit_during_save);
  g_test_add_func ("/app/window/progress-while-opening", test_progress_while_opening);

  status = g_test_run ();

  g_clear_object (&app);
  stk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
