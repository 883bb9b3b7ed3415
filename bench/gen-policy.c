/* gen-policy.c — writes a large, valid policy for measuring the core's speed
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy starts from the bundled example (its texts, sections and categories) and gets
 * PROVIDERS providers of COOKIES cookies each, in Danish and English. The output depends only
 * on the two counts, so every run measures the same bytes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "stk-core.h"

/* A small deterministic generator (a 64-bit LCG, Knuth's constants): the same sequence on every
 * platform, unlike rand(). */
typedef struct
{
  guint64 state;
} Lcg;

static guint
lcg_next (Lcg   *lcg,
          guint  bound)
{
  lcg->state = lcg->state * G_GUINT64_CONSTANT (6364136223846793005) +
               G_GUINT64_CONSTANT (1442695040888963407);
  return (guint) ((lcg->state >> 33) % bound);
}

static const char * const name_heads[] = {
  "Nord", "Syd", "Øst", "Vest", "Data", "Web", "Kort", "Video", "Chat", "Stat",
  "Sky", "Net", "Form", "Søg", "Tal", "Læs", "Lyd", "Bog", "Hav", "Bro",
};

static const char * const name_tails[] = {
  "analyse", "metrik", "kortet", "tjenesten", "hjælp", "formular", "afspiller", "indeks",
  "måling", "portal", "motor", "vagt", "boks", "punkt", "linje", "værk",
};

static const char * const company_forms[] = { "A/S", "ApS", "I/S", "Ltd.", "GmbH", "AB" };

static const char * const countries[] = { "DK", "DK", "DK", "SE", "DE", "NL", "IE", "FI" };

typedef struct
{
  const char *da;
  const char *en;
} Phrase;

/* Each follows the provider's name. */
static const Phrase provider_purposes[] = {
  { "måler, hvilke sider der bliver besøgt, så indholdet kan forbedres.",
    "measures which pages are visited so that the content can be improved." },
  { "viser interaktive kort over byens adresser, parkering og byggeri.",
    "shows interactive maps of the city's addresses, parking and building works." },
  { "leverer videoafspilleren på siderne om kultur og fritid.",
    "provides the video player on the pages about culture and leisure." },
  { "driver selvbetjeningsformularerne og husker, hvor langt du er nået.",
    "runs the self-service forms and remembers how far you have got." },
  { "stiller korte spørgsmål om, hvordan du oplever siden.",
    "asks short questions about how you experience the site." },
};

static const Phrase cookie_purposes[] = {
  { "Genkender din browser, så besøg kan tælles som ét.",
    "Recognises your browser so that visits can be counted as one." },
  { "Husker dine valg i kortet, for eksempel zoom og lag.",
    "Remembers your choices in the map, such as zoom and layers." },
  { "Husker lydstyrke og undertekster i videoafspilleren.",
    "Remembers volume and subtitles in the video player." },
  { "Holder din session samlet, mens du udfylder formularen.",
    "Keeps your session together while you fill in the form." },
  { "Husker om du har svaret på eller lukket en undersøgelse.",
    "Remembers whether you have answered or closed a survey." },
  { "Fordeler besøgende mellem serverne, så siden svarer hurtigt.",
    "Spreads visitors over the servers so that the site responds quickly." },
  { "Gemmer midlertidige data, så siden kan vises uden at hente dem igen.",
    "Stores temporary data so that the page can be shown without fetching it again." },
};

static const StkKind kinds[] = {
  STK_KIND_COOKIE, STK_KIND_COOKIE, STK_KIND_COOKIE, STK_KIND_COOKIE,
  STK_KIND_LOCAL_STORAGE, STK_KIND_SESSION_STORAGE, STK_KIND_INDEXEDDB, STK_KIND_PIXEL,
};

/* Unit and the largest value that stays under validation's five-year warning. */
static const struct
{
  StkUnit unit;
  guint   max;
} durations[] = {
  { STK_UNIT_SESSION, 0 },
  { STK_UNIT_MINUTES, 120 },
  { STK_UNIT_HOURS, 48 },
  { STK_UNIT_DAYS, 730 },
  { STK_UNIT_WEEKS, 104 },
  { STK_UNIT_MONTHS, 24 },
  { STK_UNIT_YEARS, 2 },
};

static void
set_text (StkText    *text,
          const char *da,
          const char *en)
{
  stk_text_set (text, "da", da);
  stk_text_set (text, "en", en);
}

static StkCookie *
make_cookie (Lcg        *lcg,
             const char *slug,
             const char *site_domain,
             const char *provider_domain,
             guint       index)
{
  StkCookie *cookie = stk_cookie_new ();
  const Phrase *purpose = &cookie_purposes[lcg_next (lcg, G_N_ELEMENTS (cookie_purposes))];
  guint d = lcg_next (lcg, G_N_ELEMENTS (durations));
  gboolean third = lcg_next (lcg, 3) == 0;
  gboolean pattern = lcg_next (lcg, 10) == 0;
  g_autofree char *name = g_strdup_printf (pattern ? "_%s_%u_*" : "_%s_%u", slug, index);

  stk_cookie_set_name (cookie, name);
  stk_cookie_set_pattern (cookie, pattern);
  stk_cookie_set_domain (cookie, third ? provider_domain : site_domain);
  stk_cookie_set_path (cookie, "/");
  stk_cookie_set_party (cookie, third ? STK_PARTY_THIRD : STK_PARTY_FIRST);
  stk_cookie_set_kind (cookie, kinds[lcg_next (lcg, G_N_ELEMENTS (kinds))]);
  stk_cookie_set_duration_unit (cookie, durations[d].unit);
  if (durations[d].unit != STK_UNIT_SESSION)
    stk_cookie_set_duration_value (cookie, 1 + lcg_next (lcg, durations[d].max));
  set_text (stk_cookie_get_purpose (cookie), purpose->da, purpose->en);
  stk_cookie_set_delete_on_withdraw (cookie, !third);

  return cookie;
}

static StkProvider *
make_provider (Lcg                *lcg,
               guint               index,
               guint               n_cookies,
               const char * const *category_ids,
               guint               n_categories)
{
  StkProvider *provider = stk_provider_new ();
  const char *head = name_heads[index % G_N_ELEMENTS (name_heads)];
  const char *tail = name_tails[(index / G_N_ELEMENTS (name_heads)) % G_N_ELEMENTS (name_tails)];
  const char *form = company_forms[lcg_next (lcg, G_N_ELEMENTS (company_forms))];
  const Phrase *purpose = &provider_purposes[lcg_next (lcg, G_N_ELEMENTS (provider_purposes))];
  g_autofree char *name = g_strdup_printf ("%s%s %u %s", head, tail, index, form);
  g_autofree char *id = g_strdup_printf ("provider-%05u", index);
  g_autofree char *slug = g_strdup_printf ("p%u", index);
  g_autofree char *domain = g_strdup_printf (".provider%05u.example.com", index);
  g_autofree char *website = g_strdup_printf ("https://www.provider%05u.example.com/", index);
  g_autofree char *privacy_da = g_strdup_printf ("https://www.provider%05u.example.com/da/"
                                                 "privatlivspolitik", index);
  g_autofree char *privacy_en = g_strdup_printf ("https://www.provider%05u.example.com/en/"
                                                 "privacy", index);
  g_autofree char *purpose_da = g_strconcat (name, " ", purpose->da, NULL);
  g_autofree char *purpose_en = g_strconcat (name, " ", purpose->en, NULL);
  g_autofree char *dpa_date = g_strdup_printf ("20%02u-%02u-%02u", 18 + lcg_next (lcg, 8),
                                               1 + lcg_next (lcg, 12), 1 + lcg_next (lcg, 28));
  g_autoptr(GPtrArray) cookies = g_ptr_array_new_with_free_func (g_object_unref);

  stk_provider_set_id (provider, id);
  stk_provider_set_name (provider, name);
  stk_provider_set_category (provider, category_ids[index % n_categories]);
  set_text (stk_provider_get_purpose (provider), purpose_da, purpose_en);
  stk_text_set (stk_provider_get_website (provider), STK_TEXT_ANY_LANGUAGE, website);
  set_text (stk_provider_get_privacy_policy (provider), privacy_da, privacy_en);
  stk_provider_set_dpa (provider, TRUE);
  stk_provider_set_dpa_date (provider, dpa_date);
  stk_provider_set_country (provider, countries[lcg_next (lcg, G_N_ELEMENTS (countries))]);
  stk_provider_set_outside_eea (provider, FALSE);

  for (guint j = 0; j < n_cookies; j++)
    g_ptr_array_add (cookies, make_cookie (lcg, slug, "www.kk.dk", domain, j));
  stk_list_splice (stk_provider_get_cookies (provider), 0, 0, cookies->pdata, cookies->len);

  return provider;
}

int
main (int   argc,
      char *argv[])
{
  int n_providers = 5000;
  int n_cookies = 20;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StkPolicy) policy = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) category_ids = NULL;
  g_autoptr(GFile) output = NULL;
  StkList *categories;
  StkList *list;
  Lcg lcg = { 20261101 };
  const GOptionEntry entries[] = {
    { "providers", 'p', 0, G_OPTION_ARG_INT, &n_providers, "Number of providers", "N" },
    { "cookies", 'c', 0, G_OPTION_ARG_INT, &n_cookies, "Cookies per provider", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("OUTPUT — write a large policy for benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2 || n_providers < 0 || n_cookies < 0)
    {
      g_printerr ("Usage: %s [--providers N] [--cookies N] OUTPUT\n", g_get_prgname ());
      return 2;
    }

  policy = stk_policy_new_from_example ();
  stk_policy_set_name (policy, "Benchmark");
  stk_policy_set_updated (policy, "2026-11-01");

  categories = stk_policy_get_categories (policy);
  category_ids = g_ptr_array_new ();
  for (guint i = 0; i < stk_list_get_n (categories); i++)
    g_ptr_array_add (category_ids,
                     (gpointer) stk_category_get_id (stk_list_peek (categories, i)));
  if (category_ids->len == 0)
    {
      g_printerr ("The example policy has no categories\n");
      return 1;
    }

  /* Build the providers detached, then hand them over in one splice: no per-field undo records. */
  providers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < (guint) n_providers; i++)
    g_ptr_array_add (providers, make_provider (&lcg, i, (guint) n_cookies,
                                               (const char * const *) category_ids->pdata,
                                               category_ids->len));

  list = stk_policy_get_providers (policy);
  stk_list_splice (list, 0, stk_list_get_n (list), providers->pdata, providers->len);
  stk_history_clear (stk_policy_get_history (policy));

  output = g_file_new_for_commandline_arg (argv[1]);
  if (!stk_policy_save_file (policy, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
