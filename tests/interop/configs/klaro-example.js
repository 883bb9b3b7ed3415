// A Klaro 0.7 configuration in the shape its documentation shows: a global klaroConfig that
// klaro.js reads when it loads.
var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  translations: {
    zz: { privacyPolicyUrl: '/privacy' },
    en: {
      privacyPolicyUrl: '/privacy',
      consentNotice: { description: 'We use cookies for {purposes}.' },
      ok: 'Accept all',
      decline: 'Decline',
      purposes: {
        analytics: { title: 'Analytics', description: 'Counting visits.' },
        essential: { title: 'Essential', description: 'The site needs these.' }
      }
    },
    da: {
      consentNotice: { description: 'Vi bruger cookies til {purposes}.' },
      ok: 'Accepter alle',
      decline: 'Afvis',
      purposes: {
        analytics: { title: 'Statistik' },
        essential: { title: 'Nødvendige' }
      }
    }
  },
  services: [
    {
      name: 'matomo',
      title: 'Matomo',
      purposes: ['analytics'],
      cookies: [
        [/^_pk_id.*$/, '/', 'example.org'],
        '_pk_ses'
      ],
      callback: function (consent, service) {
        console.log(service.name, consent);
      },
      required: false,
      optOut: false,
      onlyOnce: true
    },
    {
      name: 'session',
      title: 'Session',
      purposes: ['essential'],
      required: true,
      cookies: ['PHPSESSID']
    }
  ]
};
