/* stk-texts.c — the texts every policy holds: banner, settings dialog, declaration page
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stk-texts.h"

/* The order here is the order in the file and in the editor. */
static const StkTextKey text_keys[] = {
  { "banner_title", STK_TEXT_GROUP_BANNER, TRUE, N_("Banner title"), NULL },
  { "banner_body", STK_TEXT_GROUP_BANNER, TRUE, N_("Banner text"), NULL },
  { "accept_all", STK_TEXT_GROUP_BANNER, TRUE, N_("Accept all button"), NULL },
  { "reject_all", STK_TEXT_GROUP_BANNER, TRUE, N_("Reject all button"), NULL },
  { "settings", STK_TEXT_GROUP_BANNER, TRUE, N_("Settings button"), NULL },
  { "save_choices", STK_TEXT_GROUP_SETTINGS, TRUE, N_("Save choices button"), NULL },
  { "close", STK_TEXT_GROUP_SETTINGS, TRUE, N_("Close button"), NULL },
  { "settings_title", STK_TEXT_GROUP_SETTINGS, TRUE, N_("Settings title"), NULL },
  { "settings_body", STK_TEXT_GROUP_SETTINGS, FALSE, N_("Settings text"), NULL },
  { "always_on", STK_TEXT_GROUP_SETTINGS, FALSE, N_("Label of a required category"), NULL },
  { "show_details", STK_TEXT_GROUP_SETTINGS, FALSE, N_("Show providers and cookies"), NULL },
  { "gpc_note", STK_TEXT_GROUP_SETTINGS, FALSE, N_("Global Privacy Control note"), NULL, TRUE },
  { "policy_link", STK_TEXT_GROUP_BANNER, FALSE, N_("Link to the cookie policy"), NULL },
  { "consent_settings_link", STK_TEXT_GROUP_CONSENT, TRUE, N_("Consent settings link"), NULL },
  { "reopen_button", STK_TEXT_GROUP_CONSENT, FALSE, N_("Reopen button"), NULL, TRUE },
  { "page_title", STK_TEXT_GROUP_PAGE, FALSE, N_("Page title"), NULL },
  { "providers_heading", STK_TEXT_GROUP_PAGE, FALSE, N_("Providers heading"), NULL },
  { "col_name", STK_TEXT_GROUP_PAGE, FALSE, N_("Column: name"), NULL },
  { "col_provider", STK_TEXT_GROUP_PAGE, FALSE, N_("Column: provider"), NULL },
  { "col_purpose", STK_TEXT_GROUP_PAGE, FALSE, N_("Column: purpose"), NULL },
  { "col_duration", STK_TEXT_GROUP_PAGE, FALSE, N_("Column: duration"), NULL },
  { "col_party", STK_TEXT_GROUP_PAGE, FALSE, N_("Column: first or third party"), NULL },
  { "col_kind", STK_TEXT_GROUP_PAGE, FALSE, N_("Column: kind of storage"), NULL },
  { "party_first", STK_TEXT_GROUP_PAGE, FALSE, N_("First party"), NULL },
  { "party_third", STK_TEXT_GROUP_PAGE, FALSE, N_("Third party"), NULL },
  { "kind_cookie", STK_TEXT_GROUP_PAGE, FALSE, N_("Kind: HTTP cookie"), NULL },
  { "kind_local_storage", STK_TEXT_GROUP_PAGE, FALSE, N_("Kind: local storage"), NULL },
  { "kind_session_storage", STK_TEXT_GROUP_PAGE, FALSE, N_("Kind: session storage"), NULL },
  { "kind_indexeddb", STK_TEXT_GROUP_PAGE, FALSE, N_("Kind: IndexedDB"), NULL },
  { "kind_pixel", STK_TEXT_GROUP_PAGE, FALSE, N_("Kind: pixel"), NULL },
  { "duration_session", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration: the session"), NULL },
  { "unit_seconds", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in seconds"), "{n} …|{n} …" },
  { "unit_minutes", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in minutes"), "{n} …|{n} …" },
  { "unit_hours", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in hours"), "{n} …|{n} …" },
  { "unit_days", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in days"), "{n} …|{n} …" },
  { "unit_weeks", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in weeks"), "{n} …|{n} …" },
  { "unit_months", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in months"), "{n} …|{n} …" },
  { "unit_years", STK_TEXT_GROUP_PAGE, FALSE, N_("Duration in years"), "{n} …|{n} …" },
  { "dpa_label", STK_TEXT_GROUP_PAGE, FALSE, N_("Data processor agreement"), NULL },
  { "dpa_yes", STK_TEXT_GROUP_PAGE, FALSE, N_("Agreement signed"), "{date}" },
  { "dpa_no", STK_TEXT_GROUP_PAGE, FALSE, N_("No agreement"), NULL },
  { "country_label", STK_TEXT_GROUP_PAGE, FALSE, N_("Country"), NULL },
  { "outside_eea", STK_TEXT_GROUP_PAGE, FALSE, N_("Outside the EU/EEA"), NULL },
  { "privacy_policy_link", STK_TEXT_GROUP_PAGE, FALSE, N_("Link to a provider's privacy policy"),
    NULL },
  { "your_consent", STK_TEXT_GROUP_CONSENT, FALSE, N_("Your consent (heading)"), NULL },
  { "consent_id", STK_TEXT_GROUP_CONSENT, FALSE, N_("Consent ID"), NULL },
  { "consent_date", STK_TEXT_GROUP_CONSENT, FALSE, N_("Consent given (date)"), NULL },
  { "consent_none", STK_TEXT_GROUP_CONSENT, FALSE, N_("No consent given yet"), NULL },
  { "change_consent", STK_TEXT_GROUP_CONSENT, FALSE, N_("Change consent"), NULL },
  { "withdraw_consent", STK_TEXT_GROUP_CONSENT, FALSE, N_("Withdraw consent"), NULL },
  { "embed_placeholder", STK_TEXT_GROUP_EMBED, FALSE, N_("Placeholder of blocked content"),
    "{provider} {category}" },
  { "embed_accept", STK_TEXT_GROUP_EMBED, FALSE, N_("Accept and show content"), NULL },
  { "revision_label", STK_TEXT_GROUP_PAGE, FALSE, N_("Version"), NULL },
  { "updated_label", STK_TEXT_GROUP_PAGE, FALSE, N_("Last updated"), NULL },
  { "checked_label", STK_TEXT_GROUP_PAGE, FALSE, N_("Last checked against the site"), NULL,
    TRUE },
  { "controller_label", STK_TEXT_GROUP_PAGE, FALSE, N_("Data controller"), NULL },
};

/**
 * stk_text_keys:
 * @n_keys: (out): how many
 *
 * Returns: (transfer none) (array length=n_keys): every text a policy holds, in file order
 */
const StkTextKey *
stk_text_keys (guint *n_keys)
{
  *n_keys = G_N_ELEMENTS (text_keys);
  return text_keys;
}

/**
 * stk_text_key_lookup:
 * @key: a text key
 *
 * Returns: (nullable) (transfer none): the key's description, or %NULL for an unknown key
 */
const StkTextKey *
stk_text_key_lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    if (strcmp (text_keys[i].key, key) == 0)
      return &text_keys[i];

  return NULL;
}

/**
 * stk_text_group_label:
 * @group: a group of texts
 *
 * Returns: the group's translated name
 */
const char *
stk_text_group_label (StkTextGroup group)
{
  switch (group)
    {
    case STK_TEXT_GROUP_BANNER: return _("Banner");
    case STK_TEXT_GROUP_SETTINGS: return _("Settings dialog");
    case STK_TEXT_GROUP_PAGE: return _("Declaration page");
    case STK_TEXT_GROUP_CONSENT: return _("Consent on the page");
    case STK_TEXT_GROUP_EMBED: return _("Blocked content");
    default: return "";
    }
}
