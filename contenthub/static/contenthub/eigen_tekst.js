// The "eigen tekst voor deze gemeente" boxes of a product with a basistekst
// (contenthub/forms.py): ticking one opens the field's editor at once, starting
// from the national text; unticking shows the national text again. The help
// text under the box says what ticking or unticking will do.
(function () {
  'use strict';

  function update(box) {
    var field = document.querySelector('[data-eigen-veld="' + box.name + '"]');
    if (field) {
      var national = field.querySelector('[data-landelijk]');
      var own = field.querySelector('[data-eigen]');
      national.hidden = box.checked;
      own.hidden = !box.checked;
    }
    var helpId = (box.getAttribute('aria-describedby') || '').split(' ')[0];
    var help = helpId && document.getElementById(helpId);
    var text = help && help.querySelector('.help');
    if (text) {
      text.textContent = box.checked ? box.dataset.hulpUit : box.dataset.hulpAan;
    }
  }

  document.addEventListener('change', function (event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.hasAttribute('data-contenthub-eigen-tekst')) {
      update(box);
    }
  });
})();
