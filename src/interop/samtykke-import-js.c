/* samtykke-import-js.c — runs a banner library's JavaScript configuration and prints what it set
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor and samtykke-cli start this program to read a vanilla-cookieconsent or Klaro
 * configuration written as JavaScript. It reads the script on standard input and runs it in a
 * bare JavaScriptCore context: no DOM, no network, no files, no timers. Stand-ins capture the
 * configuration: CookieConsent.run(config) (and run() of an imported module), Klaro's
 * setup(config), and a global klaroConfig (which `window.klaroConfig = ...` sets, since window
 * is the global object here). What was captured is printed on standard output as one JSON
 * document (docs/interop.md describes it): functions become {"$function": NAME}, regular
 * expressions {"$regexp": {"source": ..., "flags": ...}}, anything else JSON has no form for
 * {"$unsupported": WHAT}, and member names starting with "$" get a second "$".
 *
 * The program runs whatever the file holds, so it bounds it: a watchdog thread ends the
 * process when the script runs longer than the time limit or the process holds more memory
 * than the memory limit, and the capture is refused when it nests deeper, holds more values
 * or longer strings than the limits below. Exit status: 0 when a JSON document was printed
 * (also for a script that threw or captured nothing), 3 past the time limit, 4 past the memory
 * limit, 2 on bad usage.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <jsc/jsc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define EXIT_USAGE 2
#define EXIT_TIME 3
#define EXIT_MEMORY 4

/* The largest script read, and the bounds of what is captured. A real configuration is a
 * few kilobytes, nests six or seven levels and holds a few hundred values. */
#define MAX_SOURCE      ((gsize) 8 << 20)
#define MAX_DEPTH       32
#define MAX_VALUES      200000
#define MAX_ITEMS       20000      /* elements of one array, members of one object */
#define MAX_STRING      (1 << 20)  /* bytes of one string */
#define MAX_OUTPUT      (16 << 20) /* bytes of the whole document */

typedef struct
{
  guint64 deadline;      /* g_get_monotonic_time () */
  gsize   memory_limit;  /* bytes of resident memory */
} Watchdog;

static Watchdog watchdog;

static gsize
resident_bytes (void)
{
  char buffer[128];
  ssize_t n;
  int fd = open ("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  unsigned long size = 0, resident = 0;

  if (fd < 0)
    return 0;
  n = read (fd, buffer, sizeof buffer - 1);
  close (fd);
  if (n <= 0)
    return 0;
  buffer[n] = '\0';
  if (sscanf (buffer, "%lu %lu", &size, &resident) != 2)
    return 0;

  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

/* Ends the process from its own thread, whatever the script is doing: JavaScriptCore's GLib
 * API has no way to interrupt a running script. Ten milliseconds between looks keeps what a
 * script can allocate past the limit small. */
static gpointer
watchdog_thread (gpointer data)
{
  for (;;)
    {
      if (g_get_monotonic_time () >= (gint64) watchdog.deadline)
        _exit (EXIT_TIME);
      if (resident_bytes () > watchdog.memory_limit)
        _exit (EXIT_MEMORY);
      g_usleep (10000);
    }

  return NULL;
}

/* What the stand-ins captured. */
typedef struct
{
  JSCValue *vcc;         /* the first CookieConsent.run() argument */
  guint     vcc_calls;
  JSCValue *klaro;       /* the first Klaro setup() argument */
  guint     klaro_calls;
  gboolean  read_location;
} Capture;

static void
capture_cb (const char *library,
            JSCValue   *config,
            gpointer    user_data)
{
  Capture *capture = user_data;

  if (g_strcmp0 (library, "vanilla-cookieconsent") == 0)
    {
      if (capture->vcc_calls++ == 0)
        capture->vcc = g_object_ref (config);
    }
  else if (g_strcmp0 (library, "klaro") == 0)
    {
      if (capture->klaro_calls++ == 0)
        capture->klaro = g_object_ref (config);
    }
  else if (g_strcmp0 (library, "location") == 0)
    {
      capture->read_location = TRUE;
    }
}

/* The stand-ins, made once before the file runs; the capture function stays in the closure,
 * out of the script's reach. Returns a function that calls the listeners the script added for
 * the page's "load" and "DOMContentLoaded", as a page would once the script has run. */
static const char prelude[] =
  "(function (capture) {\n"
  "  'use strict';\n"
  "  var g = globalThis;\n"
  "  var listeners = [];\n"
  "  function nothing () {}\n"
  "  function no () { return false; }\n"
  "  var cc = {\n"
  "    run: function run (config) { capture('vanilla-cookieconsent', config);\n"
  "                                 return Promise.resolve (); }\n"
  "  };\n"
  "  ['acceptCategory', 'acceptService', 'eraseCookies', 'loadScript', 'setCookieData',\n"
  "   'show', 'hide', 'showPreferences', 'hidePreferences', 'reset', 'setLanguage',\n"
  "   'getCookie', 'getConfig', 'getUserPreferences'].forEach (function (name) {\n"
  "    cc[name] = nothing; });\n"
  "  ['acceptedCategory', 'acceptedService', 'validConsent', 'validCookie'].forEach (\n"
  "    function (name) { cc[name] = no; });\n"
  "  var klaro = {\n"
  "    setup: function setup (config) { capture('klaro', config); }\n"
  "  };\n"
  "  ['show', 'render', 'initialize', 'getManager', 'resetManagers', 'language', 'version']\n"
  "    .forEach (function (name) { klaro[name] = nothing; });\n"
  "  g.window = g;\n"
  "  g.self = g;\n"
  "  g.CookieConsent = cc;\n"
  "  g.klaro = klaro;\n"
  /* The page's address, for configurations that read it: an empty page's, and the caller
   * is told that the file looked. */
  "  var location = {};\n"
  "  ['href', 'origin', 'protocol', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']\n"
  "    .forEach (function (name) {\n"
  "      Object.defineProperty (location, name, { enumerable: true, get: function () {\n"
  "        capture ('location', null);\n"
  "        return name === 'pathname' ? '/' : ''; } });\n"
  "    });\n"
  "  g.location = location;\n"
  "  g.URLSearchParams = function URLSearchParams (init) {\n"
  "    var pairs = [];\n"
  "    String (init === undefined ? '' : init).replace (/^\\?/, '').split ('&')\n"
  "      .forEach (function (part) {\n"
  "        if (part === '') return;\n"
  "        var at = part.indexOf ('=');\n"
  "        var decode = function (text) {\n"
  "          return decodeURIComponent (text.replace (/\\+/g, ' ')); };\n"
  "        pairs.push (at < 0 ? [decode (part), ''] : [decode (part.slice (0, at)),\n"
  "                                                    decode (part.slice (at + 1))]);\n"
  "      });\n"
  "    this.get = function (key) {\n"
  "      for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === key) return pairs[i][1];\n"
  "      return null;\n"
  "    };\n"
  "    this.has = function (key) { return this.get (key) !== null; };\n"
  "    this.getAll = function (key) {\n"
  "      return pairs.filter (function (p) { return p[0] === key; })\n"
  "                  .map (function (p) { return p[1]; });\n"
  "    };\n"
  "  };\n"
  "  g.addEventListener = function (type, listener) {\n"
  "    if (type === 'load' || type === 'DOMContentLoaded') listeners.push (listener);\n"
  "  };\n"
  "  g.removeEventListener = nothing;\n"
  "  g.__samtykkeImport = function (specifier) {\n"
  "    return /klaro/i.test (String (specifier)) ? klaro : cc;\n"
  "  };\n"
  "  return function () {\n"
  "    for (var i = 0; i < listeners.length; i++) {\n"
  "      var listener = listeners[i];\n"
  "      if (typeof listener === 'function') listener.call (g, { type: 'load' });\n"
  "      else if (listener && typeof listener.handleEvent === 'function')\n"
  "        listener.handleEvent ({ type: 'load' });\n"
  "    }\n"
  "  };\n"
  "})\n";

/* Writing JSON */

typedef struct
{
  JSCContext *context;
  GString    *out;
  GString    *path;       /* where the value being written is, for a limit's message */
  guint       n_values;
  const char *limit;      /* the limit met, or NULL */
  guint64     limit_max;
  char       *limit_path;
  JSCException *exception;/* thrown while reading the configuration */
} Writer;

static void
write_string (GString    *out,
              const char *text,
              gsize       length)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* JSON strings are UTF-8 without U+0000; a JavaScript string may hold lone surrogates (which
 * JavaScriptCore turns into U+FFFD) and U+0000 (kept as the escape, which the reader refuses
 * in its turn, naming the place). */
static void
write_js_string (GString *out,
                 GBytes  *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_utf8_validate_len (data, length, NULL))
    {
      write_string (out, data, length);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (data, length);

      write_string (out, valid, strlen (valid));
    }
}

static gboolean
fail_limit (Writer     *writer,
            const char *limit,
            guint64     max)
{
  if (writer->limit == NULL)
    {
      writer->limit = limit;
      writer->limit_max = max;
      writer->limit_path = g_strdup (writer->path->str);
    }
  return FALSE;
}

static gboolean
check_exception (Writer *writer)
{
  JSCException *exception = jsc_context_get_exception (writer->context);

  if (exception == NULL)
    return TRUE;

  if (writer->exception == NULL)
    writer->exception = g_object_ref (exception);
  return FALSE;
}

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_' && *name != '$')
    return FALSE;
  for (const char *p = name + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '$')
      return FALSE;
  return TRUE;
}

static void
path_push_name (GString    *path,
                const char *name)
{
  if (is_identifier (name))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
    }
  else
    {
      g_string_append_c (path, '[');
      write_string (path, name, strlen (name));
      g_string_append_c (path, ']');
    }
}

static gboolean write_value (Writer *writer, JSCValue *value, int depth);

static void
write_marker (GString    *out,
              const char *marker,
              const char *value)
{
  g_string_append_printf (out, "{\"%s\":", marker);
  write_string (out, value, strlen (value));
  g_string_append_c (out, '}');
}

static gboolean
write_regexp (Writer   *writer,
              JSCValue *value)
{
  g_autoptr(JSCValue) source = jsc_value_object_get_property (value, "source");
  g_autoptr(JSCValue) flags = NULL;
  g_autoptr(GBytes) source_bytes = NULL;
  g_autoptr(GBytes) flags_bytes = NULL;

  if (!check_exception (writer))
    return FALSE;
  flags = jsc_value_object_get_property (value, "flags");
  if (!check_exception (writer))
    return FALSE;

  source_bytes = jsc_value_to_string_as_bytes (source);
  flags_bytes = jsc_value_to_string_as_bytes (flags);
  if (!check_exception (writer))
    return FALSE;
  if (g_bytes_get_size (source_bytes) > MAX_STRING)
    return fail_limit (writer, "string", MAX_STRING);

  g_string_append (writer->out, "{\"$regexp\":{\"source\":");
  write_js_string (writer->out, source_bytes);
  g_string_append (writer->out, ",\"flags\":");
  write_js_string (writer->out, flags_bytes);
  g_string_append (writer->out, "}}");
  return TRUE;
}

static gboolean
write_array (Writer   *writer,
             JSCValue *value,
             int       depth)
{
  g_autoptr(JSCValue) length_value = jsc_value_object_get_property (value, "length");
  double length;
  gsize path_length = writer->path->len;

  if (!check_exception (writer))
    return FALSE;
  length = jsc_value_to_double (length_value);
  if (!check_exception (writer))
    return FALSE;
  if (!(length <= MAX_ITEMS))
    return fail_limit (writer, "items", MAX_ITEMS);

  g_string_append_c (writer->out, '[');
  for (guint i = 0; i < (guint) length; i++)
    {
      g_autoptr(JSCValue) element = jsc_value_object_get_property_at_index (value, i);

      if (!check_exception (writer))
        return FALSE;
      if (i > 0)
        g_string_append_c (writer->out, ',');
      g_string_append_printf (writer->path, "[%u]", i);
      if (jsc_value_is_undefined (element))
        g_string_append (writer->out, "null");
      else if (!write_value (writer, element, depth + 1))
        return FALSE;
      g_string_truncate (writer->path, path_length);
    }
  g_string_append_c (writer->out, ']');
  return TRUE;
}

static gboolean
write_object (Writer   *writer,
              JSCValue *value,
              int       depth)
{
  g_auto(GStrv) names = jsc_value_object_enumerate_properties (value);
  gsize path_length = writer->path->len;
  gboolean first = TRUE;

  if (!check_exception (writer))
    return FALSE;
  if (names != NULL && g_strv_length (names) > MAX_ITEMS)
    return fail_limit (writer, "items", MAX_ITEMS);

  g_string_append_c (writer->out, '{');
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(JSCValue) member = jsc_value_object_get_property (value, names[i]);
      gsize out_length;

      if (!check_exception (writer))
        return FALSE;
      /* As JSON.stringify does: a member whose value is undefined is not written. */
      if (jsc_value_is_undefined (member))
        continue;

      out_length = writer->out->len;
      if (!first)
        g_string_append_c (writer->out, ',');
      if (names[i][0] == '$')
        {
          g_autofree char *escaped = g_strconcat ("$", names[i], NULL);

          write_string (writer->out, escaped, strlen (escaped));
        }
      else
        {
          write_string (writer->out, names[i], strlen (names[i]));
        }
      g_string_append_c (writer->out, ':');
      path_push_name (writer->path, names[i]);
      if (!write_value (writer, member, depth + 1))
        {
          if (writer->limit != NULL || writer->exception != NULL)
            return FALSE;
          g_string_truncate (writer->out, out_length);
        }
      else
        {
          first = FALSE;
        }
      g_string_truncate (writer->path, path_length);
    }
  g_string_append_c (writer->out, '}');
  return TRUE;
}

static gboolean
write_value (Writer   *writer,
             JSCValue *value,
             int       depth)
{
  if (++writer->n_values > MAX_VALUES)
    return fail_limit (writer, "values", MAX_VALUES);
  if (depth > MAX_DEPTH)
    return fail_limit (writer, "depth", MAX_DEPTH);
  if (writer->out->len > MAX_OUTPUT)
    return fail_limit (writer, "size", MAX_OUTPUT);

  if (jsc_value_is_null (value) || jsc_value_is_undefined (value))
    {
      g_string_append (writer->out, "null");
    }
  else if (jsc_value_is_boolean (value))
    {
      g_string_append (writer->out, jsc_value_to_boolean (value) ? "true" : "false");
    }
  else if (jsc_value_is_number (value))
    {
      double number = jsc_value_to_double (value);

      if (!isfinite (number))
        write_marker (writer->out, "$unsupported", isnan (number) ? "NaN" : "Infinity");
      else if (number == floor (number) && fabs (number) < 9007199254740992.0)
        g_string_append_printf (writer->out, "%.0f", number);
      else
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (writer->out, g_ascii_formatd (buffer, sizeof buffer, "%.17g", number));
        }
    }
  else if (jsc_value_is_string (value))
    {
      g_autoptr(GBytes) bytes = jsc_value_to_string_as_bytes (value);

      if (g_bytes_get_size (bytes) > MAX_STRING)
        return fail_limit (writer, "string", MAX_STRING);
      write_js_string (writer->out, bytes);
    }
  else if (jsc_value_is_function (value))
    {
      g_autoptr(JSCValue) name = jsc_value_object_get_property (value, "name");
      g_autofree char *text = NULL;

      if (!check_exception (writer))
        return FALSE;
      text = jsc_value_is_string (name) ? jsc_value_to_string (name) : g_strdup ("");
      if (strlen (text) > 200)
        text[200] = '\0';
      write_marker (writer->out, "$function", g_utf8_validate (text, -1, NULL) ? text : "");
    }
  else if (jsc_value_is_array (value))
    {
      return write_array (writer, value, depth);
    }
  else if (jsc_value_is_object (value))
    {
      if (jsc_value_object_is_instance_of (value, "RegExp"))
        return write_regexp (writer, value);
      if (jsc_value_object_is_instance_of (value, "Date")
          || jsc_value_object_is_instance_of (value, "Map")
          || jsc_value_object_is_instance_of (value, "Set")
          || jsc_value_object_is_instance_of (value, "Promise"))
        {
          write_marker (writer->out, "$unsupported", "object");
          return TRUE;
        }
      return write_object (writer, value, depth);
    }
  else
    {
      /* A symbol or a BigInt. */
      write_marker (writer->out, "$unsupported", "value");
    }

  return check_exception (writer);
}

/* The document */

static void
write_exception (GString      *out,
                 const char   *status,
                 JSCException *exception)
{
  const char *name = jsc_exception_get_name (exception);
  const char *message = jsc_exception_get_message (exception);

  g_string_append_printf (out, "{\"status\":\"%s\",\"name\":", status);
  write_string (out, name ? name : "Error", strlen (name ? name : "Error"));
  g_string_append (out, ",\"message\":");
  write_string (out, message ? message : "", strlen (message ? message : ""));
  g_string_append_printf (out, ",\"line\":%u,\"column\":%u}\n",
                          jsc_exception_get_line_number (exception),
                          jsc_exception_get_column_number (exception));
}

static char *
read_source (gsize *length)
{
  GString *source = g_string_sized_new (65536);
  char buffer[65536];

  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_printerr ("samtykke-import-js: cannot read the script: %s\n", g_strerror (errno));
          exit (EXIT_USAGE);
        }
      if (n == 0)
        break;
      if (source->len + (gsize) n > MAX_SOURCE)
        {
          g_printerr ("samtykke-import-js: the script is larger than %" G_GSIZE_FORMAT " bytes\n",
                      MAX_SOURCE);
          exit (EXIT_USAGE);
        }
      g_string_append_len (source, buffer, n);
    }

  *length = source->len;
  return g_string_free (source, FALSE);
}

static void
emit (int      fd,
      GString *document)
{
  const char *p = document->str;
  gsize left = document->len;

  while (left > 0)
    {
      ssize_t n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        _exit (EXIT_USAGE);
      p += n;
      left -= n;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *name = NULL;
  int time_limit = 5;
  int memory_limit = 256;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The file name errors refer to", "NAME" },
    { "time-limit", 0, 0, G_OPTION_ARG_INT, &time_limit, "Seconds the script may run", "S" },
    { "memory-limit", 0, 0, G_OPTION_ARG_INT, &memory_limit, "Mebibytes the process may hold",
      "MIB" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("< SCRIPT");
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCContext) context = NULL;
  g_autoptr(JSCValue) setup = NULL;
  g_autoptr(JSCValue) capture_function = NULL;
  g_autoptr(JSCValue) after = NULL;
  g_autoptr(JSCValue) result = NULL;
  g_autoptr(JSCValue) global_config = NULL;
  g_autoptr(GString) document = g_string_new (NULL);
  g_autofree char *source = NULL;
  Capture capture = { NULL, 0, NULL, 0, FALSE };
  JSCException *exception;
  JSCValue *captured = NULL;
  const char *library = NULL;
  const char *via = NULL;
  struct rlimit no_core = { 0, 0 };
  gsize length = 0;
  int out_fd;

  g_option_context_add_main_entries (options, entries, NULL);
  g_option_context_set_summary (options, "Runs a cookie banner's JavaScript configuration and "
                                         "prints the configuration it sets as JSON.");
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 1
      || time_limit < 1 || memory_limit < 64)
    {
      g_printerr ("samtykke-import-js: %s\n",
                  error != NULL ? error->message : "bad arguments (see --help)");
      return EXIT_USAGE;
    }

  /* A crash leaves no core file behind; the caller reports it. */
  setrlimit (RLIMIT_CORE, &no_core);

  source = read_source (&length);

  /* Standard output carries the document only: the script cannot reach it anyway (a bare
   * context has no console that prints), and nothing in the engine may write there. */
  out_fd = dup (STDOUT_FILENO);
  if (out_fd < 0)
    return EXIT_USAGE;
  {
    int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);

    if (null_fd >= 0)
      {
        dup2 (null_fd, STDOUT_FILENO);
        close (null_fd);
      }
  }

  /* The interpreter is enough for a configuration; without the JIT and WebAssembly the
   * engine reserves and runs less. */
  jsc_options_set_boolean ("useJIT", FALSE);
  jsc_options_set_boolean ("useWebAssembly", FALSE);

  watchdog.deadline = g_get_monotonic_time () + (gint64) time_limit * G_USEC_PER_SEC;
  watchdog.memory_limit = (gsize) memory_limit << 20;
  g_thread_unref (g_thread_new ("watchdog", watchdog_thread, NULL));

  context = jsc_context_new ();
  setup = jsc_context_evaluate (context, prelude, -1);
  capture_function = jsc_value_new_function (context, "capture", G_CALLBACK (capture_cb),
                                             &capture, NULL, G_TYPE_NONE, 2,
                                             G_TYPE_STRING, JSC_TYPE_VALUE);
  after = jsc_value_function_call (setup, JSC_TYPE_VALUE, capture_function, G_TYPE_NONE);
  if (jsc_context_get_exception (context) != NULL)
    {
      g_printerr ("samtykke-import-js: %s\n",
                  jsc_exception_report (jsc_context_get_exception (context)));
      _exit (EXIT_USAGE);
    }

  result = jsc_context_evaluate_with_source_uri (context, source, length,
                                                 name != NULL ? name : "config.js", 1);
  exception = jsc_context_get_exception (context);
  if (exception == NULL)
    {
      g_autoptr(JSCValue) ignored = jsc_value_function_call (after, G_TYPE_NONE);

      exception = jsc_context_get_exception (context);
    }
  if (exception != NULL)
    {
      write_exception (document, "exception", exception);
      emit (out_fd, document);
      _exit (0);
    }

  if (capture.vcc != NULL)
    {
      captured = capture.vcc;
      library = "vanilla-cookieconsent";
      via = "CookieConsent.run";
    }
  if (capture.klaro != NULL)
    {
      if (captured == NULL)
        {
          captured = capture.klaro;
          library = "klaro";
          via = "setup";
        }
      else
        library = "both";
    }
  global_config = jsc_context_get_value (context, "klaroConfig");
  if (global_config != NULL && jsc_value_is_object (global_config))
    {
      if (captured == NULL)
        {
          captured = global_config;
          library = "klaro";
          via = "klaroConfig";
        }
      else if (g_strcmp0 (library, "vanilla-cookieconsent") == 0)
        library = "both";
    }

  if (captured == NULL)
    {
      g_string_append (document, "{\"status\":\"nothing\"}\n");
    }
  else if (g_strcmp0 (library, "both") == 0)
    {
      g_string_append (document, "{\"status\":\"both\"}\n");
    }
  else if (!jsc_value_is_object (captured) || jsc_value_is_array (captured)
           || jsc_value_is_function (captured))
    {
      g_string_append_printf (document, "{\"status\":\"not-object\",\"library\":\"%s\"}\n",
                              library);
    }
  else
    {
      Writer writer = { context, g_string_new (NULL), g_string_new (NULL), 0, NULL, 0, NULL,
                        NULL };

      if (write_value (&writer, captured, 0))
        {
          g_string_append_printf (document,
                                  "{\"status\":\"captured\",\"library\":\"%s\",\"via\":\"%s\","
                                  "\"calls\":%u,\"read_location\":%s,\"config\":",
                                  library, via,
                                  g_str_equal (library, "klaro") ? capture.klaro_calls
                                                                 : capture.vcc_calls,
                                  capture.read_location ? "true" : "false");
          g_string_append_len (document, writer.out->str, writer.out->len);
          g_string_append (document, "}\n");
        }
      else if (writer.exception != NULL)
        {
          write_exception (document, "exception", writer.exception);
        }
      else
        {
          g_string_append_printf (document, "{\"status\":\"limit\",\"limit\":\"%s\","
                                            "\"max\":%" G_GUINT64_FORMAT ",\"path\":",
                                  writer.limit, writer.limit_max);
          write_string (document, writer.limit_path, strlen (writer.limit_path));
          g_string_append (document, "}\n");
        }
    }

  emit (out_fd, document);
  /* Straight out: tearing the engine down would only cost time, and its threads may still
   * run whatever the script left behind. */
  _exit (0);
}
