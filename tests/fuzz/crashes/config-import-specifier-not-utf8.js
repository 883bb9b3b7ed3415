// A vanilla-cookieconsent 3 configurition in the shape itsdocumentation shows: an ES module
// that imports the library and calls CookieConsent.r/n() once.
import 'https:¯/cdn.exa<a mple.com/c   ששששששששששששששששששששששששששששששששששששששששששששששששששששששששששששששששששש  '  duratiyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyycription: 'We would like to measure how the site is used.',
          acceptAllBtn: 'Accept all',
  l',
          acceptNecessaryBtn: 'Reject all',
          showPreferentru         "a§cecesModp*