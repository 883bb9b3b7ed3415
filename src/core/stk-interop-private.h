/* stk-interop-private.h — what the exporters and importers of other formats share
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "stk-cookie.h"
#include "stk-interop.h"

G_BEGIN_DECLS

/* Reports (stk-interop-report.c) */
void        stk_interop_report_add          (StkInteropReport   *self,
                                             StkInteropSeverity  severity,
                                             int                 line,
                                             const char         *path,
                                             const char         *message);
void        stk_interop_report_addf         (StkInteropReport   *self,
                                             StkInteropSeverity  severity,
                                             int                 line,
                                             const char         *path,
                                             const char         *format,
                                             ...) G_GNUC_PRINTF (5, 6);

/* Values between the formats (stk-interop-text.c) */

/* A JavaScript string literal in double quotes, in ASCII: the file works whatever encoding
 * the page that includes it declares. */
void        stk_js_append_string            (GString            *out,
                                             const char         *text);
/* A cookie name pattern ("_ga_*") as a regular expression source ("^_ga_.*$"). */
char       *stk_interop_pattern_to_regexp   (const char         *name,
                                             gboolean            pattern);
/* The same as a JavaScript RegExp literal, /^_ga_.*$/, in ASCII. */
void        stk_js_append_regexp            (GString            *out,
                                             const char         *name,
                                             gboolean            pattern);
/* A regular expression as a cookie name: NULL when it is more than literal text and ".*"
 * wildcards; *pattern says whether a wildcard is left, *approximate whether the name matches
 * a little more or less than the expression (".+", a flag "i"). */
char       *stk_interop_regexp_to_name      (const char         *source,
                                             const char         *flags,
                                             gboolean           *pattern,
                                             gboolean           *approximate);
/* Writes @node as JavaScript: member names bare where they can be, an object
 * {"$regexp": {"source": S}} as the literal /S/ and {"$code": C} as C itself. */
void        stk_js_write_node               (GString            *out,
                                             JsonNode           *node,
                                             int                 depth);
JsonNode   *stk_js_regexp_node              (const char         *name,
                                             gboolean            pattern);
JsonNode   *stk_js_code_node                (const char         *code);
/* A storage kind in words ("local storage"), and back from the words of either language and
 * the format's own names. */
const char *stk_interop_kind_words          (StkKind             kind);
gboolean    stk_interop_kind_parse          (const char         *text,
                                             StkKind            *kind);
/* Text for an HTML context (& < > " '). */
void        stk_interop_append_html         (GString            *out,
                                             const char         *text);
/* The text of an HTML fragment: tags removed (a <br> becomes a line break), entities
 * decoded; *had_markup says whether a tag was removed. */
char       *stk_interop_html_to_text        (const char         *html,
                                             gboolean           *had_markup);
/* A cookie's duration in @lang, by the policy's unit texts, else by Samtykke's own words for
 * Danish and English (and English for any other language). */
char       *stk_interop_duration_text       (StkPolicy          *policy,
                                             StkCookie          *cookie,
                                             const char         *lang);
/* A duration as Samtykke's own words in @lang ("da" or "en"): "session", "12 måneder". */
char       *stk_interop_duration_words      (gint64              value,
                                             StkUnit             unit,
                                             const char         *lang);
/* "session", "Sessionen", "12 months", "1 måned", "30 minutter" and the format's own unit names;
 * FALSE for anything else. */
gboolean    stk_interop_duration_parse      (const char         *text,
                                             gint64             *value,
                                             StkUnit            *unit);
gboolean    stk_interop_id_is_valid         (const char         *id);
/* An id made from @wanted (lower case, æ ø å spelt out, anything else a "-") that is not in
 * @taken, which it is added to. */
char       *stk_interop_make_id             (const char         *wanted,
                                             GHashTable         *taken);

/* Renderers (stk-interop-vcc.c, stk-interop-klaro.c, stk-interop-csv.c) */
GBytes     *stk_interop_vcc_render          (StkPolicy                *policy,
                                             const char               *site_path,
                                             StkInteropReport         *notes);
GBytes     *stk_interop_klaro_render        (StkPolicy                *policy,
                                             const char               *site_path,
                                             StkInteropReport         *notes);
GBytes     *stk_interop_csv_render          (StkPolicy                *policy,
                                             gboolean                  excel,
                                             const char               *language);

/* What the renderers of configurations share (stk-interop-export.c) */
/* The policy's text @key in @lang, or NULL. */
const char *stk_interop_text_of             (StkPolicy          *policy,
                                             const char         *key,
                                             const char         *lang);
/* A new object, set as @member of @object, which owns it. */
JsonObject *stk_interop_child_object        (JsonObject         *object,
                                             const char         *member);
/* Whether a provider has an embed, and whether a category sends a consent signal: what
 * neither library carries over. */
gboolean    stk_interop_has_embeds          (StkPolicy          *policy);
gboolean    stk_interop_has_signals         (StkPolicy          *policy);

/* Reading a configuration object (stk-interop-config.c). The object comes from a JSON file or
 * from samtykke-import-js, with its markers: {"$function": NAME}, {"$regexp": {"source",
 * "flags"}}, {"$unsupported": WHAT}; member names that start with "$" have a second one. Every
 * member the mapping takes is marked, and what is left is reported at the end. */
typedef struct
{
  StkInteropReport *report;
  JsonNode         *root;
  GHashTable       *paths;   /* JsonObject or JsonArray -> its path ("" for the root) */
  GHashTable       *used;    /* JsonObject -> set of member names taken */
  gboolean          html;    /* the texts are HTML */
} StkConfigReader;

void         stk_config_reader_init     (StkConfigReader *reader,
                                         JsonNode        *root,
                                         StkInteropReport *report);
void         stk_config_reader_clear    (StkConfigReader *reader);
/* A member's name as the configuration wrote it, from the name the object stores. */
const char  *stk_config_real_name       (const char      *member);
/* The path of @container, which the reader gave out; "" for the root. */
const char  *stk_config_path            (StkConfigReader *reader,
                                         gconstpointer    container);
char        *stk_config_member_path     (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
/* Takes @member of @object: NULL when it is absent (or null). */
JsonNode    *stk_config_take            (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
/* The same for a value of one type; a value of another type is reported and gives NULL. */
JsonObject  *stk_config_take_object     (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
JsonArray   *stk_config_take_array      (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
const char  *stk_config_take_string     (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
gboolean     stk_config_take_boolean    (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member,
                                         gboolean        *value);
gboolean     stk_config_take_number     (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member,
                                         double          *value);
/* A text: HTML made plain when the reader's texts are HTML (and that reported). */
char        *stk_config_take_text       (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
/* The policy's text @key in @lang from @member of @object, a place that should agree with
 * another one (the first layer's and the settings' buttons): the first wins, a different
 * second is reported. */
void         stk_config_take_policy_text (StkConfigReader *reader,
                                          StkPolicy       *policy,
                                          JsonObject      *object,
                                          const char      *member,
                                          const char      *key,
                                          const char      *lang);
/* Marks @member as dealt with, without reading it. */
void         stk_config_skip            (StkConfigReader *reader,
                                         JsonObject      *object,
                                         const char      *member);
/* An object inside a container the reader gave out, registered so its members are tracked. */
JsonObject  *stk_config_enter_object    (StkConfigReader *reader,
                                         JsonNode        *node,
                                         const char      *path);
JsonArray   *stk_config_enter_array     (StkConfigReader *reader,
                                         JsonNode        *node,
                                         const char      *path);
gboolean     stk_config_is_function     (JsonNode        *node);
gboolean     stk_config_is_regexp       (JsonNode        *node,
                                         const char     **source,
                                         const char     **flags);
/* A text made plain when the reader's texts are HTML, and that reported at @path. */
char        *stk_config_plain_text      (StkConfigReader *reader,
                                         const char      *text,
                                         const char      *path);
void         stk_config_warn            (StkConfigReader *reader,
                                         const char      *path,
                                         const char      *format,
                                         ...) G_GNUC_PRINTF (3, 4);
/* Reports every member no one took, and every function among them as a callback. */
void         stk_config_report_rest     (StkConfigReader *reader);

/* The mappings: a new policy from a configuration object, NULL when it holds nothing of use
 * (@error says why). */
StkPolicy   *stk_interop_vcc_read       (StkConfigReader *reader,
                                         JsonObject      *config,
                                         GError         **error);
StkPolicy   *stk_interop_klaro_read     (StkConfigReader *reader,
                                         JsonObject      *config,
                                         GError         **error);

/* Leading import declarations of a module rewritten into plain script (stk-interop-js.c): the
 * engine runs scripts only. Lines and columns of the rest stay where they were. */
char        *stk_interop_rewrite_imports (const char     *source,
                                          gsize           length,
                                          gsize          *out_length,
                                          guint          *n_imports);

/* stk-export.c: refuses a policy with validation errors, listing them. */
gboolean stk_export_check_policy (StkPolicy  *policy,
                                  GError    **error);

G_END_DECLS
