// A vanilla-cookieconsent 3 configuration in the shape its documentation shows: an ES module
// that imports the library and calls CookieConsent.run() once.
import 'https://cdn.example.com/cookieconsent@3/dist/cookieconsent.umd.js';

CookieConsent.run({
  revision: 2,
  cookie: { name: 'cc_cookie', expiresAfterDays: 182 },
  guiOptions: { consentModal: { layout: 'box', position: 'bottom right', equalWeightButtons: true } },

  onConsent: ({ cookie }) => { console.log('consent', cookie.categories); },
  onChange: function () {},

  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: {
        cookies: [ { name: /^_ga_.*$/ }, { name: '_gid' } ]
      },
      services: {
        ga: {
          label: 'Google Analytics',
          onAccept: () => {},
          onReject: () => {},
          cookies: [ { name: /^_ga_.*$/ }, { name: '_gid' } ]
        }
      }
    }
  },

  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We would like to measure how the site is used.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences'
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Strictly necessary', description: 'The site needs these.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Counting visits.', linkedCategory: 'analytics',
              cookieTable: {
                headers: { name: 'Name', domain: 'Service', description: 'Description' },
                body: [ { name: '_ga', domain: 'Google Analytics', description: 'Tells visitors apart.' } ]
              } }
          ]
        }
      },
      de: {
        consentModal: { title: 'Wir verwenden Cookies', acceptAllBtn: 'Alle akzeptieren' },
        preferencesModal: { sections: [] }
      }
    }
  }
});
