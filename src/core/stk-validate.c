/* stk-validate.c — finding what is wrong or doubtful in a policy
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stk-color.h"
#include "stk-progress.h"
#include "stk-rules.h"
#include "stk-texts.h"
#include "stk-validate.h"

/*
 * What is an error and what a warning.
 *
 * An error is something that makes the exported banner or pages wrong, unlawful or broken;
 * `samtykke-cli export` refuses a policy with errors. A warning is something a person should
 * look at, but which the site can run with.
 *
 * - Missing translations: a text the banner cannot work without (the required keys of
 *   stk_text_keys()) missing in any policy language is an error, because a visitor reading
 *   that language would meet an empty button. Every other text (declaration page labels,
 *   descriptions, purposes, sections, embed placeholders, the revision note) missing in a
 *   language is a warning: the page still works, it only says less. A category title empty
 *   in the default language is an error (empty-name), since the settings dialog shows a
 *   switch with no label.
 * - Cookie durations: a negative duration, or zero with a unit other than "session", is an
 *   error; so is one longer than 25 years, which is almost always a wrong unit (1000 years
 *   instead of 1000 days). Longer than 5 years is a warning: unusually long for any cookie,
 *   worth checking against what the provider really sets.
 * - Consent lifetimes: either lifetime zero or negative, or a declined choice remembered
 *   longer than an accepted one, is an error. Remembering an accepted choice longer than
 *   13 months is a warning: Danish and EU guidance expects consent to be renewed at least
 *   about once a year. Remembering a refusal for less than six months (180 days) is a warning
 *   too: asking again sooner wears visitors down until they accept, and both the CNIL's
 *   guidance and the EU's 2025 proposal name six months.
 * - Appearance: a colour that is not one, or is translucent (what shows through it is the
 *   site's, unknown here), is an error. So is a pair of colours below WCAG 2.2 AA in light or
 *   in dark (stk_contrast_pairs(): 4.5:1 for text, 3:1 for the buttons' edges), except the
 *   lines between categories, which only decorate: a warning. A font family that cannot be
 *   written into a stylesheet as it is, and corners so round that they cut into the text of
 *   a card, are errors. The three buttons of the first layer cannot be styled apart: the
 *   format has no member for it.
 * - Texts added after the first files (the reopen button's, the Global Privacy Control note)
 *   are checked only where they are shown: the reopen button's name is needed once the button
 *   is on (an error, since a button without a name cannot be used with a screen reader); the
 *   note is a warning when Global Privacy Control answers the banner. A category that can be
 *   refused but does not honour Global Privacy Control is a warning: its one exception keeps
 *   the signal from answering the banner for any category.
 * - The consent-log endpoint receives consent records (a consent id tied to a visitor), so it
 *   must be "https:" or a path on the same site starting with a single "/"; plain "http:" or
 *   any other scheme, "//host" and "/\host" are errors. An https endpoint on a host that is not
 *   one of the policy's domains (or below one) is a warning, since the design sends records to
 *   the site's own server.
 * - Provider, privacy-policy and log URLs that could not be written as links are errors: they
 *   reach the visitor as links. What may be a link, a date, a language code or a cookie name
 *   is the rule of stk-rules.c, which the exporters and the editor's fields ask too.
 * - An e-mail address of the controller or the data-protection officer that is not one is a
 *   warning: the declaration page shows it as text instead of a link.
 * - A provider outside the EU/EEA without a data processor agreement is a warning.
 */

#define YEAR_SECONDS       ((gint64) 31557600)   /* 365.25 days */
#define ABSURD_SECONDS     (25 * YEAR_SECONDS)
#define LONG_SECONDS       (5 * YEAR_SECONDS)
#define LONG_CONSENT_DAYS  396                   /* more than 13 months */
#define SHORT_REFUSAL_DAYS 180                   /* less than six months */

G_DEFINE_ENUM_TYPE (StkSeverity, stk_severity,
                    G_DEFINE_ENUM_VALUE (STK_SEVERITY_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (STK_SEVERITY_WARNING, "warning"))

struct _StkFinding
{
  GObject      parent_instance;

  StkSeverity  severity;
  char        *rule;
  char        *path;
  char        *message;
};

G_DEFINE_FINAL_TYPE (StkFinding, stk_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_PATH,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stk_finding_finalize (GObject *object)
{
  StkFinding *self = STK_FINDING (object);

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (stk_finding_parent_class)->finalize (object);
}

static void
stk_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StkFinding *self = STK_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_finding_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  StkFinding *self = STK_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;

    case PROP_RULE:
      g_free (self->rule);
      self->rule = g_value_dup_string (value);
      break;

    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      g_free (self->message);
      self->message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stk_finding_class_init (StkFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stk_finding_finalize;
  object_class->get_property = stk_finding_get_property;
  object_class->set_property = stk_finding_set_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       STK_TYPE_SEVERITY, STK_SEVERITY_ERROR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stk_finding_init (StkFinding *self)
{
}

/**
 * stk_finding_new:
 * @severity: whether the finding is an error or a warning
 * @rule: the stable identifier of the rule
 * @path: where in the file, e.g. `providers[3].cookies[1].purpose.en`
 * @message: the translated message
 *
 * Returns: (transfer full): a new finding
 */
StkFinding *
stk_finding_new (StkSeverity  severity,
                 const char  *rule,
                 const char  *path,
                 const char  *message)
{
  return g_object_new (STK_TYPE_FINDING,
                       "severity", severity,
                       "rule", rule,
                       "path", path,
                       "message", message,
                       NULL);
}

/**
 * stk_finding_get_severity:
 * @self: a finding
 *
 * Returns: whether @self is an error or a warning
 */
StkSeverity
stk_finding_get_severity (StkFinding *self)
{
  g_return_val_if_fail (STK_IS_FINDING (self), STK_SEVERITY_ERROR);

  return self->severity;
}

/**
 * stk_finding_get_path:
 * @self: a finding
 *
 * Returns: (transfer none): the JSON path of the field the finding is about
 */
const char *
stk_finding_get_path (StkFinding *self)
{
  g_return_val_if_fail (STK_IS_FINDING (self), NULL);

  return self->path;
}

/**
 * stk_finding_get_message:
 * @self: a finding
 *
 * Returns: (transfer none): the message, in the user's language
 */
const char *
stk_finding_get_message (StkFinding *self)
{
  g_return_val_if_fail (STK_IS_FINDING (self), NULL);

  return self->message;
}

/**
 * stk_finding_get_rule:
 * @self: a finding
 *
 * Returns: (transfer none): the rule's stable identifier, the same in every language
 */
const char *
stk_finding_get_rule (StkFinding *self)
{
  g_return_val_if_fail (STK_IS_FINDING (self), NULL);

  return self->rule;
}

/**
 * stk_severity_to_string:
 * @severity: a severity
 *
 * Returns: `"error"` or `"warning"`, never translated
 */
const char *
stk_severity_to_string (StkSeverity severity)
{
  return severity == STK_SEVERITY_WARNING ? "warning" : "error";
}

/**
 * stk_findings_count:
 * @findings: a list of #StkFinding
 * @severity: which findings to count
 *
 * Returns: how many findings in @findings have @severity
 */
guint
stk_findings_count (GListModel  *findings,
                    StkSeverity  severity)
{
  guint n, count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), 0);

  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StkFinding) finding = g_list_model_get_item (findings, i);

      if (finding->severity == severity)
        count++;
    }

  return count;
}

/* Validation proper */

typedef struct
{
  StkPolicy *policy;
  GPtrArray *languages;   /* borrowed strings: the policy's valid languages, each once */
  GPtrArray *findings;    /* owned StkFinding, in file order */
} Validator;

static void
report (Validator   *v,
        StkSeverity  severity,
        const char  *rule,
        const char  *path,
        char        *message)
{
  g_ptr_array_add (v->findings, stk_finding_new (severity, rule, path, message));
  g_free (message);
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;

  return TRUE;
}

/* The value a text shows in @lang: its own, or the one written for every language. */
static const char *
text_value (StkText    *text,
            const char *lang)
{
  const char *value = stk_text_get (text, lang);

  if (is_blank (value))
    value = stk_text_get (text, STK_TEXT_ANY_LANGUAGE);

  return is_blank (value) ? NULL : value;
}

static gboolean
text_is_blank (Validator *v,
               StkText   *text)
{
  for (guint i = 0; i < v->languages->len; i++)
    if (text_value (text, g_ptr_array_index (v->languages, i)) != NULL)
      return FALSE;

  return text_value (text, STK_TEXT_ANY_LANGUAGE) == NULL;
}

/* Reports each policy language in which @text has nothing, except @skip_lang. The text's
 * path is @path, or @path.@member when @member is given; it is only built for a finding,
 * since most texts are complete and a large policy holds hundreds of thousands of them. */
static void
check_translations (Validator   *v,
                    StkText     *text,
                    const char  *path,
                    const char  *member,
                    StkSeverity  severity,
                    const char  *skip_lang)
{
  if (text == NULL)
    return;

  for (guint i = 0; i < v->languages->len; i++)
    {
      const char *lang = g_ptr_array_index (v->languages, i);
      g_autofree char *lang_path = NULL;

      if (g_strcmp0 (lang, skip_lang) == 0 || text_value (text, lang) != NULL)
        continue;

      if (member != NULL)
        lang_path = g_strdup_printf ("%s.%s.%s", path, member, lang);
      else
        lang_path = g_strdup_printf ("%s.%s", path, lang);
      report (v, severity, "missing-translation", lang_path,
              /* Translators: %s is a language code of the policy, such as "da" or "en". */
              g_strdup_printf (_("The text has no translation for the language “%s”"), lang));
    }
}

static gboolean
is_valid_id (const char *id)
{
  if (!(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '-'))
      return FALSE;

  return TRUE;
}

/* Checks an id's form and that @seen (id -> TRUE) does not hold it yet; adds it. */
static void
check_id (Validator  *v,
          const char *id,
          const char *owner_path,
          GHashTable *seen)
{
  g_autofree char *path = g_strdup_printf ("%s.id", owner_path);

  if (is_blank (id))
    {
      report (v, STK_SEVERITY_ERROR, "empty-id", path,
              g_strdup (_("The id is empty")));
      return;
    }

  if (!is_valid_id (id))
    report (v, STK_SEVERITY_ERROR, "invalid-id", path,
            /* Translators: %s is an identifier written in the policy file. Keep the
             * characters a-z, 0-9, "_" and "-" as they are. */
            g_strdup_printf (_("The id “%s” may hold only lower-case letters a-z, digits, "
                               "“_” and “-”, and must start with a letter or digit"), id));

  if (seen != NULL)
    {
      if (g_hash_table_contains (seen, id))
        report (v, STK_SEVERITY_ERROR, "duplicate-id", path,
                /* Translators: %s is an identifier, such as "necessary" or "youtube". */
                g_strdup_printf (_("The id “%s” is already used by another item of this list"),
                                 id));
      else
        g_hash_table_add (seen, (gpointer) id);
    }
}

static void
check_date (Validator  *v,
            const char *value,
            const char *path)
{
  if (stk_date_check (value) != STK_DATE_OK)
    report (v, STK_SEVERITY_ERROR, "invalid-date", path,
            /* Translators: %s is the date as written in the file; YYYY-MM-DD is the
             * expected form (year, month, day) and should stay as it is. */
            g_strdup_printf (_("“%s” is not a date of the form YYYY-MM-DD"),
                             value != NULL ? value : ""));
}

static void
check_url_value (Validator  *v,
                 const char *url,
                 const char *path)
{
  if (is_blank (url))
    return;

  switch (stk_url_check (url))
    {
    case STK_URL_OK:
    case STK_URL_EMPTY:
      break;

    case STK_URL_BAD_SCHEME:
      report (v, STK_SEVERITY_ERROR, "url-scheme", path,
              /* Translators: %s is a web address written in the policy; keep "https:",
               * "http:" and "mailto:" as they are. */
              g_strdup_printf (_("The address “%s” must start with https:, http: or mailto:"),
                               url));
      break;

    case STK_URL_FORBIDDEN_CHARACTERS:
    case STK_URL_NO_SCHEME:
    case STK_URL_NO_HOST:
    case STK_URL_NO_ADDRESS:
    default:
      report (v, STK_SEVERITY_ERROR, "invalid-url", path,
              /* Translators: %s is a web address written in the policy. */
              g_strdup_printf (_("“%s” is not a complete web address, such as "
                                 "https://example.com/privacy"), url));
      break;
    }
}

/* A URL field holds either one string for every language or one per language. One given
 * for some languages only is a missing translation (a warning): visitors reading the others
 * get no link. */
static void
check_url_text (Validator  *v,
                StkText    *text,
                const char *path)
{
  g_auto(GStrv) langs = NULL;

  if (text == NULL)
    return;

  langs = stk_text_dup_languages (text);
  for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
    {
      g_autofree char *lang_path = NULL;

      if (langs[i][0] == '\0')
        lang_path = g_strdup (path);
      else
        lang_path = g_strdup_printf ("%s.%s", path, langs[i]);

      check_url_value (v, stk_text_get (text, langs[i]), lang_path);
    }

  if (!text_is_blank (v, text))
    check_translations (v, text, path, NULL, STK_SEVERITY_WARNING, NULL);
}

static gboolean
host_is_site (Validator  *v,
              const char *host)
{
  const char * const *domains = stk_policy_get_domains (v->policy);

  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    {
      const char *domain = domains[i];

      if (domain[0] == '.')
        domain++;

      if (g_ascii_strcasecmp (host, domain) == 0)
        return TRUE;

      if (strlen (host) > strlen (domain) + 1)
        {
          const char *tail = host + strlen (host) - strlen (domain);

          if (tail[-1] == '.' && g_ascii_strcasecmp (tail, domain) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
check_log_endpoint (Validator *v)
{
  const char *endpoint = stk_policy_get_log_endpoint (v->policy);
  const char *path = "consent.log_endpoint";
  g_autoptr(GUri) uri = NULL;

  if (is_blank (endpoint))
    return;

  switch (stk_endpoint_check (endpoint))
    {
    case STK_ENDPOINT_OK:
    case STK_ENDPOINT_EMPTY:
      break;

    case STK_ENDPOINT_NOT_SITE:
      report (v, STK_SEVERITY_ERROR, "log-endpoint", path,
              /* Translators: %s is the address of the consent log written in the policy.
               * Keep "https:" and "/" as they are. */
              g_strdup_printf (_("The consent log “%s” must be an https: address or a path on "
                                 "the site starting with “/”"), endpoint));
      return;

    case STK_ENDPOINT_FORBIDDEN_CHARACTERS:
    case STK_ENDPOINT_NO_HOST:
    default:
      check_url_value (v, endpoint, path);
      return;
    }

  /* A path on the site itself is the same wherever the banner runs. */
  if (endpoint[0] == '/')
    return;

  uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && !host_is_site (v, g_uri_get_host (uri)))
    report (v, STK_SEVERITY_WARNING, "log-endpoint-foreign", path,
            /* Translators: %s is a host name such as "log.example.com". */
            g_strdup_printf (_("The consent log is sent to “%s”, which is not one of the "
                               "site’s domains"), g_uri_get_host (uri)));
}

static void
check_languages (Validator *v)
{
  const char * const *languages = stk_policy_get_languages (v->policy);
  const char *default_lang = stk_policy_get_default_language (v->policy);
  gboolean default_found = FALSE;

  if (languages == NULL || languages[0] == NULL)
    {
      report (v, STK_SEVERITY_ERROR, "no-languages", "languages",
              g_strdup (_("The policy has no languages")));
    }

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("languages[%u]", i);
      gboolean duplicate = FALSE;

      for (guint j = 0; j < v->languages->len; j++)
        if (g_str_equal (languages[i], g_ptr_array_index (v->languages, j)))
          duplicate = TRUE;

      if (stk_language_check (languages[i]) != STK_LANGUAGE_OK)
        report (v, STK_SEVERITY_ERROR, "invalid-language", path,
                /* Translators: %s is what the policy gives as a language code. "da" and
                 * "pt-BR" are examples of valid codes and should stay as they are. */
                g_strdup_printf (_("“%s” is not a language code such as “da” or “pt-BR”"),
                                 languages[i]));
      else if (duplicate)
        report (v, STK_SEVERITY_ERROR, "duplicate-language", path,
                /* Translators: %s is a language code such as "da". */
                g_strdup_printf (_("The language “%s” is listed twice"), languages[i]));
      else
        g_ptr_array_add (v->languages, (gpointer) languages[i]);

      if (g_strcmp0 (languages[i], default_lang) == 0)
        default_found = TRUE;
    }

  if (is_blank (default_lang))
    report (v, STK_SEVERITY_ERROR, "default-language", "default_language",
            g_strdup (_("The policy has no default language")));
  else if (!default_found)
    report (v, STK_SEVERITY_ERROR, "default-language", "default_language",
            /* Translators: %s is a language code such as "da". */
            g_strdup_printf (_("The default language “%s” is not one of the policy’s "
                               "languages"), default_lang));
}

/* A host name as a cookie's Domain attribute takes it: letters, digits, hyphens and dots,
 * optionally with a leading dot. */
static gboolean
is_host_name (const char *host)
{
  const char *p = host;

  if (*p == '.')
    p++;
  if (*p == '\0' || *p == '.' || strlen (p) > 253)
    return FALSE;

  for (; *p; p++)
    {
      if (*p == '.' && (p[1] == '.' || p[1] == '\0'))
        return FALSE;
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

static void
check_consent (Validator *v)
{
  const char *cookie_name = stk_policy_get_cookie_name (v->policy);
  StkCookieNameProblem name_problem;
  int accept_days = stk_policy_get_accept_days (v->policy);
  int decline_days = stk_policy_get_decline_days (v->policy);

  name_problem = stk_cookie_name_check (cookie_name);
  if (name_problem == STK_COOKIE_NAME_EMPTY)
    report (v, STK_SEVERITY_ERROR, "empty-name", "consent.cookie_name",
            g_strdup (_("The name of the cookie that records the consent is empty")));
  else if (name_problem != STK_COOKIE_NAME_OK)
    report (v, STK_SEVERITY_ERROR, "invalid-cookie-name", "consent.cookie_name",
            /* Translators: %s is a cookie name written in the policy. */
            g_strdup_printf (_("“%s” cannot be a cookie name: it holds spaces or one of "
                               "the characters ( ) < > @ , ; : \\ \" / [ ] ? = { }"),
                             cookie_name));

  if (!is_blank (stk_policy_get_cookie_domain (v->policy)) &&
      !is_host_name (stk_policy_get_cookie_domain (v->policy)))
    report (v, STK_SEVERITY_ERROR, "invalid-domain", "consent.cookie_domain",
            /* Translators: %s is what the policy gives as the consent cookie's domain. */
            g_strdup_printf (_("“%s” is not a domain name such as kk.dk"),
                             stk_policy_get_cookie_domain (v->policy)));

  if (accept_days <= 0)
    report (v, STK_SEVERITY_ERROR, "consent-lifetime", "consent.accept_days",
            g_strdup (_("An accepted choice must be remembered for at least one day")));
  else if (accept_days >= LONG_CONSENT_DAYS)
    report (v, STK_SEVERITY_WARNING, "consent-lifetime-long", "consent.accept_days",
            /* Translators: %d is a number of days, 396 or more. */
            g_strdup_printf (_("An accepted choice is remembered for %d days; consent should "
                               "be asked again at least every 13 months"), accept_days));

  if (decline_days <= 0)
    report (v, STK_SEVERITY_ERROR, "consent-lifetime", "consent.decline_days",
            g_strdup (_("A declined choice must be remembered for at least one day")));
  else if (accept_days > 0 && decline_days > accept_days)
    report (v, STK_SEVERITY_ERROR, "consent-lifetime", "consent.decline_days",
            /* Translators: both %d are numbers of days. */
            g_strdup_printf (_("A declined choice is remembered for %d days, longer than an "
                               "accepted one (%d days)"), decline_days, accept_days));
  else if (decline_days < SHORT_REFUSAL_DAYS)
    report (v, STK_SEVERITY_WARNING, "consent-lifetime-short", "consent.decline_days",
            /* Translators: %d is a number of days, less than 180. */
            g_strdup_printf (_("A declined choice is remembered for only %d days; asking again "
                               "before six months (180 days) have passed pushes visitors to "
                               "give in"), decline_days));

  check_log_endpoint (v);
}

static void
check_email (Validator  *v,
             const char *address,
             const char *path)
{
  if (is_blank (address) || stk_email_is_valid (address))
    return;

  report (v, STK_SEVERITY_WARNING, "invalid-email", path,
          /* Translators: %s is what the policy gives as an e-mail address; keep the example
           * address as it is. */
          g_strdup_printf (_("“%s” is not an e-mail address such as kontakt@kk.dk"), address));
}

static void
check_controller (Validator *v)
{
  check_email (v, stk_policy_get_controller_email (v->policy), "controller.email");
  check_email (v, stk_policy_get_dpo_email (v->policy), "controller.dpo_email");
}

static const char *
scheme_path (StkScheme scheme)
{
  return scheme == STK_SCHEME_DARK ? "dark" : "light";
}

/* A threshold as WCAG writes it: "4.5:1", "3:1". */
static char *
threshold (double ratio)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s:1", g_ascii_formatd (number, sizeof number, "%g", ratio));
}

static void
check_colors (Validator     *v,
              StkAppearance *appearance,
              StkScheme      scheme)
{
  gboolean usable[STK_N_COLORS];
  const StkContrastPair *pairs;
  guint n_pairs = 0;

  for (guint r = 0; r < STK_N_COLORS; r++)
    {
      const char *value = stk_appearance_get_color (appearance, scheme, r);
      g_autofree char *path = g_strdup_printf ("appearance.%s.%s", scheme_path (scheme),
                                               stk_color_role_to_string (r));
      StkColor color;

      usable[r] = FALSE;
      if (!stk_color_parse (value, &color))
        report (v, STK_SEVERITY_ERROR, "invalid-color", path,
                /* Translators: %s is what the policy gives as a colour. Keep #rrggbb, rgb()
                 * and hsl() as they are. */
                g_strdup_printf (_("“%s” is not a colour; write it as #rrggbb, rgb(), hsl() or "
                                   "a CSS colour name"), value != NULL ? value : ""));
      else if (color.alpha < 1.0)
        report (v, STK_SEVERITY_ERROR, "translucent-color", path,
                g_strdup (_("The colour is translucent; the site’s page would show through "
                            "it, and its contrast could not be checked")));
      else
        usable[r] = TRUE;
    }

  pairs = stk_contrast_pairs (&n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    {
      const StkContrastPair *pair = &pairs[i];
      double ratio;
      g_autofree char *path = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *needed = NULL;
      g_autofree char *fix = NULL;
      char *message;

      if (!usable[pair->foreground] || !usable[pair->background])
        continue;
      ratio = stk_appearance_get_contrast (appearance, scheme, pair);
      if (ratio >= pair->minimum)
        continue;

      path = g_strdup_printf ("appearance.%s.%s", scheme_path (scheme),
                              stk_color_role_to_string (pair->foreground));
      shown = stk_contrast_format (ratio);
      needed = threshold (pair->minimum);
      fix = stk_contrast_suggest (stk_appearance_get_color (appearance, scheme, pair->foreground),
                                  stk_appearance_get_color (appearance, scheme, pair->background),
                                  pair->minimum);

      if (scheme == STK_SCHEME_DARK)
        message = fix != NULL
          /* Translators: the first %s names two colours ("Links on the background"), the
           * second and third are contrast ratios such as "3.12:1" and "4.5:1", the last a
           * colour such as "#5a9cf8". */
          ? g_strdup_printf (_("%s: the contrast in dark mode is %s, below the %s of WCAG 2.2 "
                               "AA; %s would reach it"), _(pair->label), shown, needed, fix)
          /* Translators: %s names two colours, then two contrast ratios such as "3.12:1". */
          : g_strdup_printf (_("%s: the contrast in dark mode is %s, below the %s of WCAG 2.2 "
                               "AA"), _(pair->label), shown, needed);
      else
        message = fix != NULL
          /* Translators: the first %s names two colours ("Links on the background"), the
           * second and third are contrast ratios such as "3.12:1" and "4.5:1", the last a
           * colour such as "#0b5394". */
          ? g_strdup_printf (_("%s: the contrast in light mode is %s, below the %s of WCAG "
                               "2.2 AA; %s would reach it"), _(pair->label), shown, needed, fix)
          /* Translators: %s names two colours, then two contrast ratios such as "3.12:1". */
          : g_strdup_printf (_("%s: the contrast in light mode is %s, below the %s of WCAG "
                               "2.2 AA"), _(pair->label), shown, needed);

      report (v, pair->required ? STK_SEVERITY_ERROR : STK_SEVERITY_WARNING, "low-contrast",
              path, message);
    }
}

static void
check_appearance (Validator *v)
{
  StkAppearance *appearance = stk_policy_get_appearance (v->policy);
  int radius = stk_appearance_get_radius (appearance);
  const char *font = stk_appearance_get_font (appearance);

  if (radius < 0)
    report (v, STK_SEVERITY_ERROR, "radius", "appearance.radius",
            g_strdup (_("The corner radius cannot be negative")));
  else if (radius > STK_RADIUS_MAX)
    report (v, STK_SEVERITY_ERROR, "layout-hides-content", "appearance.radius",
            /* Translators: the first %d is the radius the policy gives, the second the largest
             * allowed; both are CSS pixels. */
            g_strdup_printf (_("Corners with a radius of %d px cut into the text of the "
                               "banner’s cards and the settings; %d px is the most they can "
                               "take"), radius, STK_RADIUS_MAX));

  if (!stk_font_family_is_valid (font))
    report (v, STK_SEVERITY_ERROR, "invalid-font", "appearance.font",
            /* Translators: %s is what the policy gives as a font. Keep "inherit" and the
             * example as they are. */
            g_strdup_printf (_("“%s” is not a list of font names; write names separated by "
                               "commas, such as “Georgia, serif”, or “inherit” for the site’s "
                               "own font"), font != NULL ? font : ""));

  check_colors (v, appearance, STK_SCHEME_LIGHT);
  check_colors (v, appearance, STK_SCHEME_DARK);
}

/* Whether the web component shows the text @key at all; the texts that came after the first
 * files are shown only where the policy uses what they name. */
static gboolean
text_is_shown (Validator  *v,
               const char *key)
{
  if (g_str_equal (key, "reopen_button"))
    return stk_appearance_get_reopen (stk_policy_get_appearance (v->policy));
  if (g_str_equal (key, "checked_label"))
    return stk_policy_get_checked (v->policy) != NULL;
  if (g_str_equal (key, "gpc_note"))
    {
      StkList *categories = stk_policy_get_categories (v->policy);
      gboolean any_optional = FALSE;

      for (guint i = 0; i < stk_list_get_n (categories); i++)
        if (!stk_category_get_required (stk_list_peek (categories, i)))
          any_optional = TRUE;
      return any_optional && stk_policy_honours_gpc (v->policy);
    }

  return TRUE;
}

static void
check_texts (Validator *v)
{
  g_autoptr(GPtrArray) present = stk_policy_dup_text_keys (v->policy);
  const StkTextKey *keys;
  guint n_keys = 0;

  keys = stk_text_keys (&n_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      const StkTextKey *key = &keys[i];
      g_autofree char *path = g_strdup_printf ("texts.%s", key->key);
      /* The reopen button is named by its text: without it, nothing tells a screen reader's
       * user what the button does. */
      gboolean needed = key->required || g_str_equal (key->key, "reopen_button");
      StkSeverity severity = needed ? STK_SEVERITY_ERROR : STK_SEVERITY_WARNING;
      StkText *text = NULL;
      gboolean held = FALSE;

      if (!text_is_shown (v, key->key))
        continue;

      /* stk_policy_get_text() creates a missing text; validation must not change the policy. */
      for (guint j = 0; present != NULL && j < present->len; j++)
        if (g_str_equal (g_ptr_array_index (present, j), key->key))
          held = TRUE;

      if (held)
        text = stk_policy_get_text (v->policy, key->key);

      if (text == NULL || text_is_blank (v, text))
        {
          if (g_str_equal (key->key, "reopen_button"))
            report (v, severity, "missing-text", path,
                    g_strdup (_("The reopen button needs its text, which names it for "
                                "visitors using a screen reader")));
          else if (g_str_equal (key->key, "gpc_note"))
            report (v, severity, "missing-text", path,
                    g_strdup (_("The settings cannot tell visitors whose browser sends Global "
                                "Privacy Control why their optional categories are off: the "
                                "text for it is empty")));
          else if (key->required)
            report (v, severity, "missing-text", path,
                    /* Translators: %s is the name of a banner text, such as "Accept all". */
                    g_strdup_printf (_("The banner cannot be shown without the text “%s”"),
                                     _(key->label)));
          else
            report (v, severity, "missing-text", path,
                    /* Translators: %s is the name of a text, such as "Table header: Name". */
                    g_strdup_printf (_("The text “%s” is empty"), _(key->label)));
          continue;
        }

      check_translations (v, text, path, NULL, severity, NULL);
    }
}

static void
check_sections (Validator *v)
{
  StkList *sections = stk_policy_get_sections (v->policy);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = stk_list_get_n (sections);

  for (guint i = 0; i < n; i++)
    {
      StkSection *section = stk_list_peek (sections, i);
      g_autofree char *path = g_strdup_printf ("sections[%u]", i);

      check_id (v, stk_section_get_id (section), path, ids);
      check_translations (v, stk_section_get_title (section), path, "title",
                          STK_SEVERITY_WARNING, NULL);
      check_translations (v, stk_section_get_body (section), path, "body",
                          STK_SEVERITY_WARNING, NULL);
    }
}

static void
check_categories (Validator *v)
{
  StkList *categories = stk_policy_get_categories (v->policy);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *default_lang = stk_policy_get_default_language (v->policy);
  gboolean default_valid = FALSE;
  gboolean any_required = FALSE;
  guint n = stk_list_get_n (categories);

  for (guint i = 0; i < v->languages->len; i++)
    if (g_strcmp0 (default_lang, g_ptr_array_index (v->languages, i)) == 0)
      default_valid = TRUE;

  for (guint i = 0; i < n; i++)
    {
      StkCategory *category = stk_list_peek (categories, i);
      g_autofree char *path = g_strdup_printf ("categories[%u]", i);
      StkText *title = stk_category_get_title (category);
      const char *skip = NULL;

      check_id (v, stk_category_get_id (category), path, ids);

      if (default_valid && text_value (title, default_lang) == NULL)
        {
          g_autofree char *lang_path = g_strdup_printf ("%s.title.%s", path, default_lang);

          report (v, STK_SEVERITY_ERROR, "empty-name", lang_path,
                  /* Translators: %s is a language code such as "da". */
                  g_strdup_printf (_("The category has no title in its default language "
                                     "“%s”"), default_lang));
          skip = default_lang;
        }
      check_translations (v, title, path, "title", STK_SEVERITY_WARNING, skip);
      check_translations (v, stk_category_get_description (category), path, "description",
                          STK_SEVERITY_WARNING, NULL);

      if (stk_category_get_required (category))
        {
          any_required = TRUE;
        }
      else if (stk_category_get_preselected (category))
        {
          g_autofree char *preselected_path = g_strdup_printf ("%s.preselected", path);

          report (v, STK_SEVERITY_ERROR, "preselected-category", preselected_path,
                  g_strdup (_("A category that can be declined must not be on by default: "
                              "a pre-ticked box is not consent")));
        }

      if (!stk_category_get_required (category) && !stk_category_get_gpc (category))
        {
          g_autofree char *gpc_path = g_strdup_printf ("%s.gpc", path);

          report (v, STK_SEVERITY_WARNING, "gpc-not-honoured", gpc_path,
                  g_strdup (_("The category does not honour Global Privacy Control, so "
                              "visitors whose browser sends it still see the banner, for every "
                              "category")));
        }
    }

  if (!any_required)
    report (v, STK_SEVERITY_ERROR, "no-required-category", "categories",
            g_strdup (_("No category is marked as required, so the banner has nowhere to "
                        "put the cookies the site cannot work without")));
}

static void
check_duration (Validator  *v,
                StkCookie  *cookie,
                const char *cookie_path)
{
  StkUnit unit = stk_cookie_get_duration_unit (cookie);
  gint64 value = stk_cookie_get_duration_value (cookie);
  gint64 unit_seconds = stk_unit_seconds (unit);
  g_autofree char *path = NULL;

  if (unit == STK_UNIT_SESSION || unit_seconds <= 0)
    return;

  if (value > 0 && value <= LONG_SECONDS / unit_seconds)
    return;

  path = g_strdup_printf ("%s.duration", cookie_path);

  if (value < 0)
    report (v, STK_SEVERITY_ERROR, "cookie-duration", path,
            g_strdup (_("The cookie’s duration is negative")));
  else if (value == 0)
    report (v, STK_SEVERITY_ERROR, "cookie-duration", path,
            g_strdup (_("The cookie’s duration is zero; use “session” for a cookie that "
                        "lasts only while the browser is open")));
  else if (value > ABSURD_SECONDS / unit_seconds)
    report (v, STK_SEVERITY_ERROR, "cookie-duration", path,
            g_strdup (_("The cookie’s duration is longer than 25 years; check the unit")));
  else if (value > LONG_SECONDS / unit_seconds)
    report (v, STK_SEVERITY_WARNING, "cookie-duration-long", path,
            g_strdup (_("The cookie’s duration is longer than 5 years; check that the "
                        "provider really keeps it that long")));
}

static void
check_cookies (Validator   *v,
               StkProvider *provider,
               const char  *provider_path)
{
  StkList *cookies = stk_provider_get_cookies (provider);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = stk_list_get_n (cookies);

  for (guint i = 0; i < n; i++)
    {
      StkCookie *cookie = stk_list_peek (cookies, i);
      const char *name = stk_cookie_get_name (cookie);
      const char *domain = stk_cookie_get_domain (cookie);
      g_autofree char *path = g_strdup_printf ("%s.cookies[%u]", provider_path, i);

      /* Only an HTTP cookie's name must be a token; other storage items are named freely. */
      if (stk_cookie_name_check (name) == STK_COOKIE_NAME_EMPTY)
        {
          g_autofree char *name_path = g_strdup_printf ("%s.name", path);

          report (v, STK_SEVERITY_ERROR, "empty-name", name_path,
                  g_strdup (_("The cookie has no name")));
        }
      else
        {
          /* Domains compare without a leading dot: ".kk.dk" and "kk.dk" are the same cookie. */
          const char *bare = domain != NULL && domain[0] == '.' ? domain + 1 : domain;
          char *key = g_strdup_printf ("%s\n%s", name, bare != NULL ? bare : "");

          if (g_hash_table_contains (seen, key))
            {
              g_autofree char *name_path = g_strdup_printf ("%s.name", path);

              report (v, STK_SEVERITY_WARNING, "duplicate-cookie", name_path,
                      /* Translators: the first %s is a cookie name, the second a domain. */
                      g_strdup_printf (_("The cookie “%s” on “%s” is listed twice for this "
                                         "provider"), name, bare != NULL ? bare : ""));
              g_free (key);
            }
          else
            {
              g_hash_table_add (seen, key);
            }
        }

      check_duration (v, cookie, path);
      check_translations (v, stk_cookie_get_purpose (cookie), path, "purpose",
                          STK_SEVERITY_WARNING, NULL);
    }
}

static void
check_embeds (Validator   *v,
              StkProvider *provider,
              const char  *provider_path)
{
  StkList *embeds = stk_provider_get_embeds (provider);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = stk_list_get_n (embeds);

  for (guint i = 0; i < n; i++)
    {
      StkEmbed *embed = stk_list_peek (embeds, i);
      g_autofree char *path = g_strdup_printf ("%s.embeds[%u]", provider_path, i);

      check_id (v, stk_embed_get_id (embed), path, ids);
      check_translations (v, stk_embed_get_placeholder (embed), path, "placeholder",
                          STK_SEVERITY_WARNING, NULL);
    }
}

static gboolean
is_valid_country (const char *country)
{
  return strlen (country) == 2 && g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]);
}

static void
check_providers (Validator *v)
{
  StkList *providers = stk_policy_get_providers (v->policy);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = stk_list_get_n (providers);

  for (guint i = 0; i < n; i++)
    {
      StkProvider *provider = stk_list_peek (providers, i);
      const char *category = stk_provider_get_category (provider);
      const char *dpa_date = stk_provider_get_dpa_date (provider);
      const char *country = stk_provider_get_country (provider);
      g_autofree char *path = g_strdup_printf ("providers[%u]", i);
      g_autofree char *name_path = g_strdup_printf ("%s.name", path);
      g_autofree char *category_path = g_strdup_printf ("%s.category", path);
      g_autofree char *website_path = g_strdup_printf ("%s.website", path);
      g_autofree char *privacy_path = g_strdup_printf ("%s.privacy_policy", path);
      g_autofree char *dpa_path = g_strdup_printf ("%s.dpa", path);
      g_autofree char *dpa_date_path = g_strdup_printf ("%s.dpa_date", path);
      g_autofree char *country_path = g_strdup_printf ("%s.country", path);

      /* A worker checking a large policy gives way to the window's frames here. */
      stk_progress_report (i, n);
      check_id (v, stk_provider_get_id (provider), path, ids);

      if (is_blank (stk_provider_get_name (provider)))
        report (v, STK_SEVERITY_ERROR, "empty-name", name_path,
                g_strdup (_("The provider has no name")));

      if (is_blank (category))
        report (v, STK_SEVERITY_ERROR, "unknown-category", category_path,
                g_strdup (_("The provider belongs to no category")));
      else if (stk_policy_find_category (v->policy, category) == NULL)
        report (v, STK_SEVERITY_ERROR, "unknown-category", category_path,
                /* Translators: %s is a category id, such as "statistical". */
                g_strdup_printf (_("There is no category with the id “%s”"), category));

      check_translations (v, stk_provider_get_purpose (provider), path, "purpose",
                          STK_SEVERITY_WARNING, NULL);
      check_url_text (v, stk_provider_get_website (provider), website_path);
      check_url_text (v, stk_provider_get_privacy_policy (provider), privacy_path);
      if (text_is_blank (v, stk_provider_get_privacy_policy (provider)))
        report (v, STK_SEVERITY_WARNING, "missing-url", privacy_path,
                g_strdup (_("The provider has no link to its privacy policy; the declaration "
                            "page should tell visitors where to read it")));

      if (!is_blank (dpa_date))
        check_date (v, dpa_date, dpa_date_path);
      else if (stk_provider_get_dpa (provider))
        report (v, STK_SEVERITY_WARNING, "dpa-date-missing", dpa_date_path,
                g_strdup (_("The data processor agreement has no date")));

      if (!is_blank (country) && !is_valid_country (country))
        report (v, STK_SEVERITY_WARNING, "invalid-country", country_path,
                /* Translators: %s is what the policy gives as a country; "DK" and "IE" are
                 * examples of two-letter country codes and should stay as they are. */
                g_strdup_printf (_("“%s” is not a two-letter country code such as “DK” or "
                                   "“IE”"), country));

      if (stk_provider_get_outside_eea (provider) && !stk_provider_get_dpa (provider))
        report (v, STK_SEVERITY_WARNING, "no-dpa-outside-eea", dpa_path,
                g_strdup (_("The provider is outside the EU/EEA and has no data processor "
                            "agreement")));

      check_embeds (v, provider, path);
      check_cookies (v, provider, path);
    }
}

/**
 * stk_policy_validate:
 * @policy: a policy
 *
 * Checks @policy for everything that would make its banner or pages wrong (errors) or that a
 * person should look at (warnings). The policy is not changed. Each finding names the field
 * by its path in the file, so that it can be located in the file or shown in the editor.
 *
 * Returns: (transfer full): a #GListModel of #StkFinding, errors first, then in file order
 */
GListModel *
stk_policy_validate (StkPolicy *policy)
{
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *language_findings = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  Validator v = { policy, languages, language_findings };

  g_return_val_if_fail (STK_IS_POLICY (policy), NULL);

  /* Every translation check depends on the languages, so they are checked first; their
   * findings are kept aside to be listed where the languages stand in the file. */
  check_languages (&v);
  v.findings = findings;

  if (stk_policy_get_revision (policy) <= 0)
    report (&v, STK_SEVERITY_ERROR, "revision", "revision",
            /* Translators: %d is the revision number given in the policy. */
            g_strdup_printf (_("The revision must be a whole number of 1 or more, not %d"),
                             stk_policy_get_revision (policy)));

  check_translations (&v, stk_policy_get_revision_note (policy), "revision_note", NULL,
                      STK_SEVERITY_WARNING, NULL);
  check_date (&v, stk_policy_get_updated (policy), "updated");
  if (*stk_policy_get_checked (policy) != '\0')
    check_date (&v, stk_policy_get_checked (policy), "checked");
  g_ptr_array_extend_and_steal (findings, language_findings);
  check_controller (&v);
  check_consent (&v);
  check_appearance (&v);
  check_texts (&v);
  check_sections (&v);
  check_categories (&v);
  check_providers (&v);

  store = g_list_store_new (STK_TYPE_FINDING);
  for (guint pass = 0; pass < 2; pass++)
    {
      StkSeverity wanted = pass == 0 ? STK_SEVERITY_ERROR : STK_SEVERITY_WARNING;

      for (guint i = 0; i < findings->len; i++)
        {
          StkFinding *finding = g_ptr_array_index (findings, i);

          if (finding->severity == wanted)
            g_list_store_append (store, finding);
        }
    }

  return G_LIST_MODEL (store);
}
