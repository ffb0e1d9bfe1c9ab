/**
 * The HTML report's one script, inlined in the page and allowed by the page's CSP through its hash.
 * It does two things, without a server: the filters (meeting, fact, status, outlet) hide and show
 * rows, and a value (a button: click or keyboard) opens the panel with its quotes in context.
 *
 * The quotes live in a JSON data block that is parsed on the first opening only, so a large report
 * pays nothing for them at load. Every text from the corpus is put in the page with textContent,
 * never as markup; links are made only from URLs the renderer already checked to be http(s).
 */
export const SCRIPT = `(function () {
  'use strict';
  var data = null;
  function load() {
    if (data === null) data = JSON.parse(document.getElementById('report-data').textContent);
    return data;
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function badge(status) {
    var d = load();
    var s = el('span', 'st st-' + status);
    s.append(el('span', 'sym', d.sym[status]), ' ' + status);
    return s;
  }

  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  var title = document.getElementById('panel-title');
  var opener = null;

  function quote(d, q, withOutlet) {
    var article = d.a[q[0]];
    var frag = document.createDocumentFragment();
    var bq = el('blockquote');
    bq.append(q[4], el('mark', '', q[5]), q[6]);
    frag.append(bq);
    var cite = el('p', 'cite');
    if (withOutlet) cite.append(el('strong', '', d.o[q[1]]), ' · ');
    if (article[1]) {
      var a = el('a', '', article[0]);
      a.href = article[1];
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      cite.append(a);
    } else {
      cite.append(el('span', '', article[0]));
    }
    cite.append(' · ' + article[3] + ' · ', el('span', 'where', article[2] + ':' + q[2] + ':' + q[3]));
    frag.append(cite);
    return frag;
  }

  function names(d, list, max) {
    var shown = list.slice(0, max).map(function (i) { return d.o[i]; }).join(', ');
    return list.length > max ? shown + ' and ' + (list.length - max) + ' more' : shown;
  }

  function open(button) {
    var d = load();
    var c = d.c[Number(button.getAttribute('data-c'))];
    var v = c.v[Number(button.getAttribute('data-v'))];
    var cell = button.closest('td');
    var outlet = cell && cell.hasAttribute('data-o') ? Number(cell.getAttribute('data-o')) : -1;
    title.textContent = c.t;
    body.replaceChildren();
    var meta = el('p', 'meta', c.e + ' · ');
    meta.append(badge(c.s));
    body.append(meta);
    body.append(el('h3', '', v.l + ' — ' + (outlet >= 0 ? d.o[outlet] : v.o.length + (v.o.length === 1 ? ' outlet' : ' outlets'))));
    var quotes = outlet >= 0 ? v.q.filter(function (q) { return q[1] === outlet; }) : v.q;
    var limit = 50;
    quotes.slice(0, limit).forEach(function (q) { body.append(quote(d, q, outlet < 0)); });
    var total = outlet >= 0 ? quotes.length + (v.m[outlet] || 0) : v.n;
    if (total > Math.min(quotes.length, limit)) {
      body.append(el('p', 'muted', (total - Math.min(quotes.length, limit)) + ' more quotes not shown here: istanbul-talks explain ' + c.x + ' lists them all.'));
    }
    if (!d.ctx) body.append(el('p', 'muted', 'The sentence around each quote is not in fact records read with --from-facts.'));
    if (outlet < 0 && v.o.length) body.append(el('p', '', 'Outlets: ' + names(d, v.o, 40)));
    var others = c.v.filter(function (w) { return w !== v; });
    if (others.length) {
      body.append(el('h3', '', 'Other values'));
      var ul = el('ul');
      others.forEach(function (w) { ul.append(el('li', '', w.l + ' — ' + names(d, w.o, 12))); });
      body.append(ul);
    }
    if (c.d.length) {
      body.append(el('h3', '', 'Word differences between the quotes'));
      c.d.forEach(function (diff) {
        var p = el('p', 'diff');
        p.append(el('strong', '', diff[0] + ' → ' + diff[1] + ': '));
        diff[2].forEach(function (part) {
          p.append(part[0] === '-' ? el('del', '', part[1]) : part[0] === '+' ? el('ins', '', part[1]) : part[1]);
        });
        body.append(p);
      });
    }
    if (opener) opener.setAttribute('aria-expanded', 'false');
    opener = button;
    button.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
    panel.focus();
  }

  function close() {
    panel.hidden = true;
    if (opener) {
      opener.setAttribute('aria-expanded', 'false');
      opener.focus();
      opener = null;
    }
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest('button.v');
    if (button) open(button);
    else if (target.closest('#panel-close')) close();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) close();
  });

  var form = document.getElementById('filters');
  var counter = document.getElementById('shown');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.meeting'));
  var outletRows = Array.prototype.slice.call(document.querySelectorAll('#outlets tbody tr'));
  function apply() {
    var meeting = form.elements.meeting.value;
    var fact = form.elements.fact.value;
    var status = form.elements.status.value;
    var outlet = form.elements.outlet.value;
    var shown = 0;
    var total = 0;
    sections.forEach(function (section) {
      var rows = section.querySelectorAll('tbody tr');
      var inMeeting = !meeting || section.getAttribute('data-event') === meeting;
      var any = false;
      rows.forEach(function (row) {
        total++;
        var ok = inMeeting &&
          (!fact || row.getAttribute('data-fact') === fact) &&
          (!status || row.getAttribute('data-status') === status) &&
          (!outlet || (' ' + row.getAttribute('data-os') + ' ').indexOf(' ' + outlet + ' ') >= 0);
        row.hidden = !ok;
        if (ok) { shown++; any = true; }
      });
      section.querySelectorAll('[data-o]').forEach(function (cell) {
        cell.hidden = outlet !== '' && cell.getAttribute('data-o') !== outlet;
      });
      section.querySelectorAll('button.v[data-os]').forEach(function (button) {
        button.classList.toggle('mine', outlet !== '' && (' ' + button.getAttribute('data-os') + ' ').indexOf(' ' + outlet + ' ') >= 0);
      });
      section.hidden = !any && (meeting !== '' || fact !== '' || status !== '' || outlet !== '');
    });
    outletRows.forEach(function (row) {
      row.hidden = outlet !== '' && row.getAttribute('data-o') !== outlet;
    });
    counter.textContent = shown + ' of ' + total + ' rows shown';
  }
  if (form) {
    form.hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
    apply();
  }
})();
`;
