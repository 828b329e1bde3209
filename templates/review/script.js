// The review page's behaviour: rule filters, n/p navigation, overruling.
// Plain JavaScript, no network, no framework.
(function () {
  'use strict';
  var body = document.body;

  // Filters: hiding a rule is one class on the body (see the page's styles).
  Array.prototype.forEach.call(document.querySelectorAll('input.filter'), function (box) {
    box.addEventListener('change', function () {
      body.classList.toggle('hide-' + box.getAttribute('data-rule'), !box.checked);
    });
  });

  function rejectedCount() {
    document.getElementById('rejected-count').textContent =
      document.querySelectorAll('input.keep:not(:checked)').length;
  }

  // Overruling: an unticked edit is marked in the list and in the text.
  document.addEventListener('change', function (e) {
    var box = e.target;
    if (!box.classList || !box.classList.contains('keep')) return;
    var entry = box.closest('li');
    entry.classList.toggle('rejecting', !box.checked);
    var mark = document.getElementById('e-' + entry.getAttribute('data-n'));
    if (mark) mark.classList.toggle('rejecting', !box.checked);
    rejectedCount();
  });

  // The download: the ids of the unticked edits, one per line.
  var download = document.getElementById('download');
  download.addEventListener('click', function () {
    var seen = {};
    var ids = [];
    Array.prototype.forEach.call(document.querySelectorAll('li.entry'), function (entry) {
      var id = entry.getAttribute('data-id');
      if (!entry.querySelector('input.keep').checked && !seen[id]) {
        seen[id] = true;
        ids.push(id);
      }
    });
    var text = '# Edits rejected on the review page of ' + download.getAttribute('data-name') +
      '\n# recto convert --reject FILE leaves them undone\n' + ids.map(function (id) { return id + '\n'; }).join('');
    download.setAttribute('href', 'data:text/plain;charset=utf-8,' + encodeURIComponent(text));
  });

  // n / p: next and previous edit in the text, among the rules shown.
  function shown() {
    return Array.prototype.filter.call(document.querySelectorAll('#text .edit'), function (el) {
      return !body.classList.contains('hide-' + el.getAttribute('data-rule'));
    });
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'n' && e.key !== 'p')) return;
    var tag = e.target && e.target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && e.target.type === 'text')) return;
    var list = shown();
    if (!list.length) return;
    var current = document.querySelector('#text .edit.current');
    var i = current ? list.indexOf(current) : -1;
    i = e.key === 'n' ? (i + 1) % list.length : (i <= 0 ? list.length - 1 : i - 1);
    if (current) current.classList.remove('current');
    list[i].classList.add('current');
    list[i].scrollIntoView({ block: 'center' });
    document.getElementById('position').textContent = 'Edit ' + (i + 1) + ' of ' + list.length + ': ' + list[i].title;
    e.preventDefault();
  });
  rejectedCount();
})();
