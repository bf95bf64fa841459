// The page of a running doorwerking brings itself up to date every few
// seconds until the run has ended (publicatie/templates/quality/doorwerking_detail.html).
(function () {
  'use strict';
  var INTERVAL_MS = 3000;

  function refresh() {
    var current = document.querySelector('[data-doorwerking-bezig]');
    if (!current) return;
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-doorwerking]');
        if (!fresh) return;
        current.replaceWith(fresh);
        if (fresh.hasAttribute('data-doorwerking-bezig')) window.setTimeout(refresh, INTERVAL_MS);
      })
      .catch(function () { window.setTimeout(refresh, INTERVAL_MS * 2); });
  }

  if (document.querySelector('[data-doorwerking-bezig]')) window.setTimeout(refresh, INTERVAL_MS);
})();
