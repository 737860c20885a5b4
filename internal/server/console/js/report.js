// The report page: drop a programme file or workbook (or choose one, or
// take the example) and read the service's HTML report in a sandboxed
// frame; click a finding to see why.

import { request, programmeType, ApiError } from './api.js';
import { t } from './i18n.js';
import { state, setProgramme, onProgramme } from './state.js';
import { el, showError, showExplanation, download } from './ui.js';

const $ = (id) => document.getElementById(id);

let html = '';
let seq = 0;

export function initReport() {
  const drop = $('drop');
  const file = $('file');
  for (const name of ['dragenter', 'dragover']) {
    drop.addEventListener(name, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  for (const name of ['dragleave', 'drop']) {
    drop.addEventListener(name, () => drop.classList.remove('over'));
  }
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) choose(f);
  });
  // A file dropped anywhere else on the page is not opened by the browser.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  file.addEventListener('change', () => {
    if (file.files[0]) choose(file.files[0]);
    file.value = '';
  });
  $('use-example').addEventListener('click', useExample);
  $('report-policy').addEventListener('change', refresh);
  $('report-asof').addEventListener('change', refresh);
  $('print').addEventListener('click', () => $('report-frame').contentWindow.print());
  $('download-report').addEventListener('click', () => {
    const base = state.programme ? state.programme.name.replace(/\.[^.]*$/, '') : 'programme';
    download(base + '.report.html', 'text/html', html);
  });
  $('report-frame').addEventListener('load', framed);
  onProgramme(refresh);
}

// choose takes a file the person dropped or chose.
export function choose(f) {
  const type = programmeType(f.name);
  if (!type) {
    $('report-status').textContent = t('unsupported_file', f.name);
    return;
  }
  setProgramme({ name: f.name, type, data: f });
}

export async function useExample() {
  const resp = await fetch('example.json');
  setProgramme({ name: 'example.json', type: 'application/json', data: await resp.blob() });
}

// refresh asks for the report of the programme in use, in the language in
// use.
export async function refresh() {
  const p = state.programme;
  if (!p) return;
  const mine = ++seq;
  const status = $('report-status');
  const problems = $('report-problems');
  status.textContent = t('checking', p.name);
  problems.hidden = true;
  $('report-explain').hidden = true;
  try {
    const resp = await request('POST', '/v1/report', {
      query: { policy: $('report-policy').value, as_of: $('report-asof').value, file: p.name },
      body: p.data, type: p.type,
    });
    const page = await resp.text();
    if (mine !== seq) return;
    html = page;
    status.textContent = t('report_of', p.name);
    $('report-view').hidden = false;
    $('drop').classList.add('compact');
    $('report-frame').srcdoc = page;
  } catch (err) {
    if (mine !== seq) return;
    status.textContent = t('report_failed', p.name);
    $('report-view').hidden = true;
    showError(problems, err instanceof ApiError ? err : new ApiError(0, null));
  }
}

// framed fits the frame to its page and makes every finding a button that
// explains it.
function framed() {
  const frame = $('report-frame');
  const doc = frame.contentDocument;
  if (!doc || !doc.body) return;
  doc.head.append(el('link', { rel: 'stylesheet', href: new URL('report-frame.css', location.href).href }));
  for (const f of doc.querySelectorAll('.finding[data-rule]')) {
    f.setAttribute('tabindex', '0');
    f.setAttribute('role', 'button');
    f.setAttribute('title', t('click_finding'));
  }
  doc.addEventListener('click', (e) => {
    const f = e.target.closest && e.target.closest('.finding[data-rule]');
    if (f) explain(f);
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const f = e.target.closest && e.target.closest('.finding[data-rule]');
    if (f) {
      e.preventDefault();
      explain(f);
    }
  });
  fit();
  // Fonts and the stylesheet may change the height once loaded.
  setTimeout(fit, 200);
}

function fit() {
  const frame = $('report-frame');
  const doc = frame.contentDocument;
  if (doc && doc.documentElement) frame.style.height = (doc.documentElement.scrollHeight + 4) + 'px';
}

async function explain(finding) {
  const p = state.programme;
  const box = $('report-explain');
  for (const f of finding.ownerDocument.querySelectorAll('.finding.selected')) f.classList.remove('selected');
  finding.classList.add('selected');
  box.replaceChildren(el('p', { class: 'status' }, t('explaining')));
  box.hidden = false;
  try {
    const resp = await request('POST', '/v1/explain', {
      query: {
        policy: $('report-policy').value, as_of: $('report-asof').value, file: p.name,
        rule: finding.dataset.rule, subject: finding.dataset.subject,
      },
      body: p.data, type: p.type,
    });
    showExplanation(box, await resp.json(), () => {
      box.hidden = true;
      finding.classList.remove('selected');
      finding.focus();
    });
  } catch (err) {
    showError(box, err instanceof ApiError ? err : new ApiError(0, null));
  }
}
