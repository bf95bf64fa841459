// The Controle tab of the product editor (publicatie/panels.py): when no stored
// verdict holds for the last saved version, the tab asks the server for it once
// the page has loaded, so opening the editor never waits for the gate.
(function () {
  'use strict';

  function load(panel) {
    fetch(panel.getAttribute('data-controle-url'), {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-controle]');
        if (!fresh) throw new Error('leeg antwoord');
        panel.replaceWith(fresh);
      })
      .catch(function () {
        panel.removeAttribute('aria-busy');
        var text = panel.querySelector('[data-controle-bezig]');
        if (text) {
          text.textContent =
            'De controle kon niet worden geladen. Vernieuw de pagina om het opnieuw te proberen.';
        }
      });
  }

  function start() {
    document.querySelectorAll('[data-controle-url]').forEach(load);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
