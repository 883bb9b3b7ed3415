/* stk-scanner.c — runs samtykke-scan on a site and gathers what it finds into a report
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "stk-error.h"
#include "stk-scanner.h"

/* What the child may write on its standard error before the rest is dropped. */
#define MAX_STDERR (64 * 1024)

struct _StkScanner
{
  GObject            parent_instance;

  /* owned */
  StkPolicy         *policy;
  char              *program;
  guint              max_pages;
  guint              page_timeout;
  GStrv              extra_args;

  /* the run */
  GTask             *task;
  GCancellable      *cancellable;
  gulong             cancelled_id;
  GSubprocess       *child;
  GDataInputStream  *lines;
  GString           *stderr_text;
  StkAuditReport    *report;
  GStrv              granted;        /* the consent given in pass 2 */
  char              *fatal;          /* an "error" event's message */
  char              *end_reason;
  char              *current_page;
  guint              pages_done;
  guint              items_found;
  guint              pass;
  gboolean           stdout_done;
  gboolean           stderr_done;
  gboolean           exited;
  gboolean           stopped;
  gboolean           consent_available;
  gboolean           saw_consent_event;
};

G_DEFINE_FINAL_TYPE (StkScanner, stk_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAGES_DONE,
  PROP_ITEMS_FOUND,
  PROP_PASS,
  PROP_CURRENT_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stk_scanner_dispose (GObject *object)
{
  StkScanner *self = STK_SCANNER (object);

  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->cancellable);
  if (self->child != NULL && !self->exited)
    g_subprocess_force_exit (self->child);
  g_clear_object (&self->child);
  g_clear_object (&self->lines);
  g_clear_object (&self->report);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (stk_scanner_parent_class)->dispose (object);
}

static void
stk_scanner_finalize (GObject *object)
{
  StkScanner *self = STK_SCANNER (object);

  g_free (self->program);
  g_strfreev (self->extra_args);
  g_strfreev (self->granted);
  g_free (self->fatal);
  g_free (self->end_reason);
  g_free (self->current_page);
  if (self->stderr_text != NULL)
    g_string_free (self->stderr_text, TRUE);

  G_OBJECT_CLASS (stk_scanner_parent_class)->finalize (object);
}

static void
stk_scanner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StkScanner *self = STK_SCANNER (object);

  switch (prop_id)
    {
    case PROP_PAGES_DONE:
      g_value_set_uint (value, self->pages_done);
      break;
    case PROP_ITEMS_FOUND:
      g_value_set_uint (value, self->items_found);
      break;
    case PROP_PASS:
      g_value_set_uint (value, self->pass);
      break;
    case PROP_CURRENT_PAGE:
      g_value_set_string (value, self->current_page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_scanner_class_init (StkScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_scanner_dispose;
  object_class->finalize = stk_scanner_finalize;
  object_class->get_property = stk_scanner_get_property;

  properties[PROP_PAGES_DONE] =
    g_param_spec_uint ("pages-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEMS_FOUND] =
    g_param_spec_uint ("items-found", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASS] =
    g_param_spec_uint ("pass", NULL, NULL, 0, 2, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PAGE] =
    g_param_spec_string ("current-page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_scanner_init (StkScanner *self)
{
  self->max_pages = 25;
  self->page_timeout = 20;
}

char *
stk_scanner_find_program (void)
{
  const char *env = g_getenv ("SAMTYKKE_SCAN");
  g_autofree char *self_exe = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* Run from the build folder (src/cli/samtykke-cli, src/app/samtykke, tests/...): the
   * scanner built beside them. An installed program never has src/scan next to it. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);

      for (int up = 1; up <= 3; up++)
        {
          g_autoptr(GString) candidate = g_string_new (dir);

          for (int i = 0; i < up; i++)
            g_string_append (candidate, "/..");
          g_string_append (candidate, "/src/scan/samtykke-scan");
          if (g_file_test (candidate->str, G_FILE_TEST_IS_EXECUTABLE)
              && g_file_test (candidate->str, G_FILE_TEST_IS_REGULAR))
            {
              g_autoptr(GFile) file = g_file_new_for_path (candidate->str);

              return g_file_get_path (file);
            }
        }
    }

  return g_build_filename (LIBEXECDIR, "samtykke-scan", NULL);
}

StkScanner *
stk_scanner_new (StkPolicy *policy)
{
  StkScanner *self;

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  self = g_object_new (STK_TYPE_SCANNER, NULL);
  self->policy = g_object_ref (policy);

  return self;
}

void
stk_scanner_set_program (StkScanner *self,
                         const char *program)
{
  g_return_if_fail (STK_IS_SCANNER (self));

  g_free (self->program);
  self->program = g_strdup (program);
}

void
stk_scanner_set_max_pages (StkScanner *self,
                           guint       max_pages)
{
  g_return_if_fail (STK_IS_SCANNER (self));

  self->max_pages = MAX (max_pages, 1);
}

void
stk_scanner_set_page_timeout (StkScanner *self,
                              guint       seconds)
{
  g_return_if_fail (STK_IS_SCANNER (self));

  self->page_timeout = MAX (seconds, 1);
}

void
stk_scanner_set_extra_args (StkScanner         *self,
                            const char * const *args)
{
  g_return_if_fail (STK_IS_SCANNER (self));

  g_strfreev (self->extra_args);
  self->extra_args = g_strdupv ((char **) args);
}

guint
stk_scanner_get_pages_done (StkScanner *self)
{
  return self->pages_done;
}

guint
stk_scanner_get_items_found (StkScanner *self)
{
  return self->items_found;
}

guint
stk_scanner_get_pass (StkScanner *self)
{
  return self->pass;
}

const char *
stk_scanner_get_current_page (StkScanner *self)
{
  return self->current_page;
}

/* Reading the child's lines ---------------------------------------------------------------- */

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name,
         gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);

  return fallback;
}

static gboolean
get_bool (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static GStrv
get_strv (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  GPtrArray *strings;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  strings = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element)
          && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
    }
  g_ptr_array_add (strings, NULL);

  return (GStrv) g_ptr_array_free (strings, FALSE);
}

static void
set_current_page (StkScanner *self,
                  const char *url)
{
  if (g_strcmp0 (self->current_page, url) == 0)
    return;

  g_free (self->current_page);
  self->current_page = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

static void
observe_item (StkScanner *self,
              JsonObject *object,
              StkKind     kind)
{
  StkObservation o = { 0 };
  g_autofree char *origin_host = NULL;
  guint before = g_list_model_get_n_items (stk_audit_report_get_items (self->report));

  o.name = get_string (object, "name");
  if (o.name == NULL)
    return;

  o.kind = kind;
  o.page = get_string (object, "page");
  o.granted = self->pass >= 2 ? (const char * const *) self->granted : NULL;
  o.seen_at = g_get_real_time () / G_USEC_PER_SEC;
  o.third_party = get_bool (object, "third_party");

  if (kind == STK_KIND_COOKIE)
    {
      o.domain = get_string (object, "domain");
      o.path = get_string (object, "path");
      o.expires = get_int (object, "expires", 0);
      o.expires = MAX (o.expires, 0);
      o.http_only = get_bool (object, "http_only");
      o.secure = get_bool (object, "secure");
      o.same_site = get_string (object, "same_site");
    }
  else
    {
      const char *origin = get_string (object, "origin");
      g_autoptr(GUri) uri = origin != NULL ? g_uri_parse (origin, G_URI_FLAGS_NONE, NULL)
                                           : NULL;

      o.expires = -1;
      if (uri != NULL && g_uri_get_host (uri) != NULL)
        origin_host = g_strdup (g_uri_get_host (uri));
      o.domain = origin_host;
    }

  stk_audit_report_observe (self->report, &o);

  if (g_list_model_get_n_items (stk_audit_report_get_items (self->report)) != before)
    {
      self->items_found++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS_FOUND]);
    }
}

/* Returns FALSE when the line is not what the protocol allows. */
static gboolean
handle_line (StkScanner *self,
             const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  const char *event;

  if (!json_parser_load_from_data (parser, line, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;

  object = json_node_get_object (json_parser_get_root (parser));
  event = get_string (object, "event");
  if (event == NULL)
    return FALSE;

  if (g_str_equal (event, "pass"))
    {
      self->pass = (guint) CLAMP (get_int (object, "pass", 1), 1, 2);
      if (self->pass == 2)
        {
          g_strfreev (self->granted);
          self->granted = get_strv (object, "consent");
          if (self->granted == NULL)
            self->granted = g_new0 (char *, 1);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASS]);
    }
  else if (g_str_equal (event, "page"))
    {
      const char *url = get_string (object, "url");

      if (url != NULL)
        {
          /* The same page in pass 2 is not a new page of the site. */
          if (self->pass < 2)
            stk_audit_report_add_page (self->report, url, (int) get_int (object, "status", 0),
                                       get_string (object, "error"));
          set_current_page (self, url);
        }
      self->pages_done++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES_DONE]);
    }
  else if (g_str_equal (event, "cookie"))
    observe_item (self, object, STK_KIND_COOKIE);
  else if (g_str_equal (event, "storage"))
    {
      const char *kind = get_string (object, "kind");

      if (g_strcmp0 (kind, "local_storage") == 0)
        observe_item (self, object, STK_KIND_LOCAL_STORAGE);
      else if (g_strcmp0 (kind, "session_storage") == 0)
        observe_item (self, object, STK_KIND_SESSION_STORAGE);
    }
  else if (g_str_equal (event, "request"))
    stk_audit_report_add_third_party (self->report, get_string (object, "host"));
  else if (g_str_equal (event, "consent"))
    {
      self->saw_consent_event = TRUE;
      self->consent_available = get_bool (object, "available");
    }
  else if (g_str_equal (event, "error"))
    {
      g_free (self->fatal);
      self->fatal = g_strdup (get_string (object, "message"));
    }
  else if (g_str_equal (event, "end"))
    {
      g_free (self->end_reason);
      self->end_reason = g_strdup (get_string (object, "reason"));
    }
  /* "start", "progress" and events of newer scanners need nothing. */

  return TRUE;
}

static void
maybe_complete (StkScanner *self)
{
  g_autoptr(GTask) task = NULL;
  int status;

  if (!self->stdout_done || !self->stderr_done || !self->exited || self->task == NULL)
    return;

  task = g_steal_pointer (&self->task);
  status = g_subprocess_get_if_exited (self->child) ? g_subprocess_get_exit_status (self->child)
                                                    : -1;

  if (g_task_had_error (task))
    return;

  if (status != 0 || self->fatal != NULL || self->end_reason == NULL)
    {
      g_autofree char *details = g_strstrip (g_strdup (self->stderr_text->str));

      if (self->fatal != NULL)
        g_task_return_new_error (task, STK_ERROR, STK_ERROR_SYNTAX, "%s", self->fatal);
      else if (*details != '\0')
        g_task_return_new_error (task, STK_ERROR, STK_ERROR_SYNTAX, "%s", details);
      else if (status < 0)
        g_task_return_new_error (task, STK_ERROR, STK_ERROR_SYNTAX,
                                 _("The scanner stopped unexpectedly (it was killed or "
                                   "crashed)"));
      else
        g_task_return_new_error (task, STK_ERROR, STK_ERROR_SYNTAX,
                                 _("The scanner stopped with status %d before it finished"),
                                 status);
      return;
    }

  if (g_strcmp0 (self->end_reason, "cancelled") == 0)
    stk_audit_report_add_warning (self->report, NULL,
                                  _("The scan was stopped before it finished: pages it did "
                                    "not reach were not checked."));
  if (self->saw_consent_event && !self->consent_available)
    stk_audit_report_add_warning (self->report, NULL,
                                  _("The site does not run the Samtykke banner, so only what "
                                    "it sets before any consent was checked."));

  stk_audit_report_finish (self->report);
  set_current_page (self, NULL);
  g_task_return_pointer (task, g_steal_pointer (&self->report), g_object_unref);
}

static void
fail_run (StkScanner *self,
          GError     *error)
{
  if (self->task != NULL && !g_task_had_error (self->task))
    {
      GTask *task = g_steal_pointer (&self->task);

      g_task_return_error (task, error);
      g_object_unref (task);
      if (self->child != NULL && !self->exited)
        g_subprocess_force_exit (self->child);
      return;
    }

  g_error_free (error);
}

static void read_next_line (StkScanner *self);

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StkScanner) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gsize length;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                    &length, &error);
  if (error != NULL)
    {
      fail_run (self, g_error_new (STK_ERROR, STK_ERROR_SYNTAX,
                                   _("Could not read what the scanner found: %s"),
                                   error->message));
      self->stdout_done = TRUE;
      return;
    }

  if (line == NULL)
    {
      self->stdout_done = TRUE;
      maybe_complete (self);
      return;
    }

  if (self->task != NULL && *line != '\0' && !handle_line (self, line))
    {
      fail_run (self, g_error_new (STK_ERROR, STK_ERROR_SYNTAX,
                                   _("The scanner wrote something that is not one of its "
                                     "messages: “%.80s”"), line));
    }

  read_next_line (self);
}

static void
read_next_line (StkScanner *self)
{
  g_data_input_stream_read_line_async (self->lines, G_PRIORITY_DEFAULT, NULL,
                                       line_read_cb, g_object_ref (self));
}

static void
stderr_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StkScanner) self = user_data;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      self->stderr_done = TRUE;
      maybe_complete (self);
      return;
    }

  if (self->stderr_text->len < MAX_STDERR)
    g_string_append_len (self->stderr_text, g_bytes_get_data (bytes, NULL),
                         MIN (g_bytes_get_size (bytes), MAX_STDERR - self->stderr_text->len));

  g_input_stream_read_bytes_async (G_INPUT_STREAM (source), 4096, G_PRIORITY_DEFAULT, NULL,
                                   stderr_read_cb, g_object_ref (self));
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StkScanner) self = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  self->exited = TRUE;
  maybe_complete (self);
}

static void
cancelled_cb (GCancellable *cancellable,
              StkScanner   *self)
{
  stk_scanner_stop (self);
}

void
stk_scanner_run_async (StkScanner          *self,
                       const char * const  *urls,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GInputStream *output;

  g_return_if_fail (STK_IS_SCANNER (self));
  g_return_if_fail (self->task == NULL && self->child == NULL);
  g_return_if_fail (urls != NULL && urls[0] != NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, stk_scanner_run_async);
  self->report = stk_audit_report_new (self->policy, STK_AUDIT_SOURCE_SCAN);
  self->stderr_text = g_string_new (NULL);

  g_ptr_array_add (argv, self->program != NULL ? g_strdup (self->program)
                                               : stk_scanner_find_program ());
  g_ptr_array_add (argv, g_strdup ("--pages"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", self->max_pages));
  g_ptr_array_add (argv, g_strdup ("--page-timeout"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", self->page_timeout));
  for (guint i = 0; self->extra_args != NULL && self->extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (self->extra_args[i]));
  g_ptr_array_add (argv, g_strdup ("--"));
  for (guint i = 0; urls[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (urls[i]));
  g_ptr_array_add (argv, NULL);

  self->child = g_subprocess_newv ((const char * const *) argv->pdata,
                                   G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                   | G_SUBPROCESS_FLAGS_STDERR_PIPE
                                   | G_SUBPROCESS_FLAGS_STDIN_INHERIT,
                                   &error);
  if (self->child == NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_new_error (task, STK_ERROR, STK_ERROR_SYNTAX,
                               _("The scanner %s could not be started: %s"),
                               (const char *) g_ptr_array_index (argv, 0), error->message);
      return;
    }

  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                  self, NULL);
    }

  output = g_subprocess_get_stdout_pipe (self->child);
  self->lines = g_data_input_stream_new (output);
  g_data_input_stream_set_newline_type (self->lines, G_DATA_STREAM_NEWLINE_TYPE_LF);
  read_next_line (self);
  g_input_stream_read_bytes_async (g_subprocess_get_stderr_pipe (self->child), 4096,
                                   G_PRIORITY_DEFAULT, NULL, stderr_read_cb,
                                   g_object_ref (self));
  g_subprocess_wait_async (self->child, NULL, wait_cb, g_object_ref (self));
}

StkAuditReport *
stk_scanner_run_finish (StkScanner    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
stk_scanner_stop (StkScanner *self)
{
  g_return_if_fail (STK_IS_SCANNER (self));

  if (self->child == NULL || self->exited || self->stopped)
    return;

  self->stopped = TRUE;
  g_subprocess_send_signal (self->child, SIGTERM);
}
