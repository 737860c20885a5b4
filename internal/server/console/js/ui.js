// Small helpers that build the pages' elements. Text is always set as
// text, never as markup.

import { t } from './i18n.js';
import { place } from './api.js';

// el makes an element: attributes (class, hidden, data-…, on…) and
// children (elements or text).
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) {
      e.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      e.className = v;
    } else {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

// severity is the word for a finding's severity.
export function severity(s) {
  switch (s) {
    case 'deny':
      return t('sev_deny');
    case 'warn':
      return t('sev_warn');
    case 'error':
      return t('sev_error');
  }
  return s;
}

function result(r) {
  switch (r) {
    case 'pass':
      return t('result_pass');
    case 'fail':
      return t('result_fail');
    case 'error':
      return t('result_error');
    case 'skip':
      return t('result_skip');
  }
  return r;
}

// showError writes an error, and its problems at their places, into box.
export function showError(box, err) {
  box.replaceChildren(
    el('p', { class: 'error-message' }, err.message),
    err.problems && err.problems.length
      ? el('ul', {}, err.problems.map((p) => el('li', {},
        place(p) ? el('code', { class: 'place' }, place(p)) : null,
        p.path ? el('code', { class: 'path' }, p.path) : null,
        el('span', {}, p.message))))
      : null,
  );
  box.hidden = false;
}

// showExplanation writes why a rule came out as it did for a subject.
// citations shows where a rule comes from in the reader's language, each
// place once, the lines of the guide's text as its tooltip; a source that
// names no place of the guide is shown as written.
function citations(ex) {
  if (!ex.citations || !ex.citations.length) return [ex.source];
  const seen = new Map();
  for (const c of ex.citations) {
    if (!seen.has(c.text)) seen.set(c.text, []);
    if (c.lines) seen.get(c.text).push(c.lines[0] === c.lines[1] ? String(c.lines[0]) : c.lines[0] + '–' + c.lines[1]);
  }
  const out = [];
  for (const [text, lines] of seen) {
    if (out.length) out.push('; ');
    out.push(el('span', lines.length ? { title: t('source_lines') + ': ' + lines.join(', ') } : {}, text));
  }
  return out;
}

export function showExplanation(box, ex, onClose) {
  const steps = (title, list) => list && list.length
    ? [el('h4', {}, title), el('ol', { class: 'steps' }, list.map((s) => {
      const li = el('li', {}, el('code', { class: 'expr' }, s.expr), el('span', { class: 'eq' }, ' = '),
        el('code', { class: 'value' }, s.value));
      li.style.paddingInlineStart = (s.depth * 1.1) + 'em';
      return li;
    }))]
    : [];
  box.replaceChildren(
    el('div', { class: 'explain-head' },
      el('h3', { id: box.id + '-title', tabindex: '-1' }, t('explain_title')),
      el('button', { type: 'button', class: 'close secondary small', onclick: onClose }, t('close'))),
    el('p', {}, el('code', { class: 'rule' }, ex.rule), ' · ', el('code', {}, ex.subject)),
    el('p', {}, el('span', { class: 'result ' + ex.result }, result(ex.result)),
      ' ', el('span', { class: 'badge ' + ex.severity }, severity(ex.severity))),
    ex.message ? el('p', { class: 'message' }, ex.message) : null,
    ex.source ? el('p', { class: 'source' }, t('source'), ': ', ...citations(ex)) : null,
    ...steps(t('explain_when'), ex.when),
    ...steps(t('explain_expr'), ex.steps),
    ...steps(t('explain_variables'), ex.variables),
  );
  box.hidden = false;
  box.querySelector('h3').focus();
}

// download offers data as a file.
export function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
