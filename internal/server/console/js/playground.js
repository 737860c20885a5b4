// The policy playground: a policy's YAML beside a programme. As the author
// types (after a pause), the service compiles the policy and evaluates it
// on the programme: problems are marked at their lines, findings listed;
// a finding clicked is explained by the edited policy.

import { request, ApiError, place } from './api.js';
import { t } from './i18n.js';
import { state, onProgramme } from './state.js';
import { el, showError, showExplanation, severity, download } from './ui.js';
import { useExample, choose } from './report.js';

const $ = (id) => document.getElementById(id);

// DEBOUNCE is the pause after the last keystroke before the policy is
// tried, in milliseconds.
const DEBOUNCE = 400;
// LINE is the editor's line height in pixels (style.css says the same).
const LINE = 20;

let timer = 0;
let inflight = null;
let seq = 0;
let problemLines = new Map();
let started = false;

export function initPlayground() {
  const text = $('policy-text');
  text.addEventListener('input', () => {
    drawGutter();
    schedule();
  });
  text.addEventListener('scroll', syncScroll);
  $('load-policy').addEventListener('click', () => loadPolicy($('start-from').value));
  $('download-policy').addEventListener('click', () => {
    const m = /^name:\s*["']?([\w.-]+)/m.exec(text.value);
    download((m ? m[1] : 'policy') + '.yaml', 'application/yaml', text.value);
  });
  $('pg-asof').addEventListener('change', () => run());
  const file = $('pg-file');
  file.addEventListener('change', () => {
    if (file.files[0]) choose(file.files[0]);
    file.value = '';
  });
  onProgramme(() => {
    if (started) run();
  });
}

// start opens the playground the first time it is shown: the first
// policy served that the list offers, on the programme in use or the
// example.
export async function start() {
  if (started || !$('start-from').value) return;
  started = true;
  if (!state.programme) await useExample();
  await loadPolicy($('start-from').value);
}

// fillPolicies offers the policies served as starting points.
export function fillPolicies(policies) {
  const sel = $('start-from');
  const keep = sel.value;
  sel.replaceChildren(...policies.map((p) => el('option', { value: p.name }, p.name)));
  if (policies.some((p) => p.name === keep)) sel.value = keep;
}

async function loadPolicy(name) {
  const status = $('lint-status');
  try {
    const resp = await request('GET', '/v1/policies/' + encodeURIComponent(name), { accept: 'application/yaml' });
    $('policy-text').value = await resp.text();
    $('policy-text').dataset.file = name + '.yaml';
    drawGutter();
    run();
  } catch (err) {
    status.textContent = err.message;
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE);
}

// run tries the policy on the programme; explain, when given, is
// {rule, subject} to explain as well.
export async function run(explain) {
  const p = state.programme;
  const text = $('policy-text');
  if (!p || !started) return;
  clearTimeout(timer);
  if (inflight) inflight.abort();
  const ctl = new AbortController();
  inflight = ctl;
  const mine = ++seq;
  $('pg-programme').textContent = p.name;
  const form = new FormData();
  form.append('policy', new Blob([text.value], { type: 'application/yaml' }), text.dataset.file || 'policy.yaml');
  form.append('programme', new Blob([p.data], { type: p.type }), p.name);
  const status = $('pg-status');
  status.textContent = t('checking', p.name);
  try {
    const resp = await request('POST', '/v1/playground', {
      query: { as_of: $('pg-asof').value, rule: explain && explain.rule, subject: explain && explain.subject },
      body: form, signal: ctl.signal,
    });
    const answer = await resp.json();
    if (mine !== seq) return;
    $('pg-problems').hidden = true;
    showLint(answer.lint);
    showFindings(answer.check);
    if (answer.explanation) {
      showExplanation($('pg-explain'), answer.explanation, closeExplanation);
    }
  } catch (err) {
    if (err.name === 'AbortError' || mine !== seq) return;
    status.textContent = t('playground_failed');
    showError($('pg-problems'), err instanceof ApiError ? err : new ApiError(0, null));
    if (explain) $('pg-explain').hidden = true;
  } finally {
    if (inflight === ctl) inflight = null;
  }
}

function closeExplanation() {
  $('pg-explain').hidden = true;
  const sel = document.querySelector('#pg-findings .selected');
  if (sel) {
    sel.classList.remove('selected');
    sel.querySelector('button').focus();
  }
}

function showLint(lint) {
  const status = $('lint-status');
  const list = $('lint-problems');
  const text = $('policy-text');
  problemLines = new Map();
  const items = [];
  const add = (p, kind) => {
    if (p.line && (!problemLines.has(p.line) || kind === 'bad')) problemLines.set(p.line, kind);
    items.push(el('li', { class: kind },
      el('button', { type: 'button', class: 'link', onclick: () => jump(p.line, p.column) },
        el('code', { class: 'place' }, place({ line: p.line, column: p.column }) || text.dataset.file)),
      ' ', el('span', {}, kind === 'warn' ? t('warning') + ': ' : '', p.message)));
  };
  for (const p of lint.problems) add(p, 'bad');
  for (const p of lint.warnings) add(p, 'warn');
  list.replaceChildren(...items);
  text.setAttribute('aria-invalid', lint.valid ? 'false' : 'true');
  status.className = 'lint-status ' + (lint.valid ? 'ok' : 'bad');
  status.textContent = lint.valid ? t('policy_ok', lint.name, lint.rule_count) : t('policy_problems', lint.problems.length);
  drawGutter();
}

function showFindings(check) {
  const list = $('pg-findings');
  const status = $('pg-status');
  if (!check) {
    status.textContent = t('no_evaluation');
    list.replaceChildren();
    return;
  }
  status.textContent = check.compliant ? t('compliant_count', check.findings.length) : t('not_compliant_count', check.findings.length);
  list.replaceChildren(...check.findings.map((f) => el('li', { 'data-rule': f.rule, 'data-subject': f.subject },
    el('button', { type: 'button', class: 'finding', onclick: (e) => pick(e.currentTarget.parentElement, f) },
      el('span', { class: 'badge ' + f.severity }, severity(f.severity)),
      el('code', { class: 'rule' }, f.rule), ' ', el('code', { class: 'subject' }, f.subject),
      el('span', { class: 'message' }, f.message)))));
  if (!check.findings.length) list.append(el('li', { class: 'none' }, t('no_findings')));
}

function pick(li, f) {
  for (const s of document.querySelectorAll('#pg-findings .selected')) s.classList.remove('selected');
  li.classList.add('selected');
  const box = $('pg-explain');
  box.replaceChildren(el('p', { class: 'status' }, t('explaining')));
  box.hidden = false;
  run({ rule: f.rule, subject: f.subject });
}

// jump puts the caret at a problem's line and column.
function jump(line, column) {
  const text = $('policy-text');
  const lines = text.value.split('\n');
  let at = 0;
  for (let i = 0; i < Math.min((line || 1) - 1, lines.length); i++) at += lines[i].length + 1;
  at += Math.max((column || 1) - 1, 0);
  text.focus();
  text.setSelectionRange(at, at);
  text.scrollTop = Math.max(0, ((line || 1) - 4) * LINE);
  syncScroll();
}

// drawGutter numbers the lines and marks those with problems, in the
// gutter and behind the text.
function drawGutter() {
  const text = $('policy-text');
  const n = text.value.split('\n').length;
  const gutter = $('gutter');
  const nums = [];
  for (let i = 1; i <= n; i++) {
    const kind = problemLines.get(i);
    nums.push(el('div', { class: kind || null, 'data-line': i }, String(i)));
  }
  gutter.replaceChildren(...nums);
  const marks = $('marks');
  marks.replaceChildren(...[...problemLines].filter(([line]) => line <= n).map(([line, kind]) => {
    const m = el('div', { class: 'mark ' + kind, 'data-line': line });
    m.style.top = ((line - 1) * LINE) + 'px';
    return m;
  }));
  syncScroll();
}

function syncScroll() {
  const text = $('policy-text');
  $('gutter').style.transform = 'translateY(' + (-text.scrollTop) + 'px)';
  $('marks').style.transform = 'translate(' + (-text.scrollLeft) + 'px, ' + (-text.scrollTop) + 'px)';
}
