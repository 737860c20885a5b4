// The console of `sabaq serve`: the report of a dropped programme, and the
// policy playground. This module starts both and owns the language, the
// tabs and the token.

import { loadWords, setLang, currentLang, match, t } from './i18n.js';
import { setToken, whenUnauthorized } from './api.js';
import { state } from './state.js';
import { el } from './ui.js';
import { initReport, refresh as refreshReport } from './report.js';
import { initPlayground, fillPolicies, start as startPlayground, run as runPlayground } from './playground.js';

const $ = (id) => document.getElementById(id);
const LANG_KEY = 'sabaq.lang';

async function main() {
  await loadWords();
  // The language: ?lang=, else the one chosen before, else the service's
  // reading of Accept-Language (the Content-Language of its answer).
  const fromURL = match(new URLSearchParams(location.search).get('lang'));
  const chosen = fromURL || match(localStorage.getItem(LANG_KEY));
  setLang(chosen || 'en');
  initToken();
  initReport();
  initPlayground();
  $('lang').addEventListener('change', () => {
    localStorage.setItem(LANG_KEY, $('lang').value);
    changeLang($('lang').value);
  });
  await loadPolicies(!chosen);
  $('lang').value = currentLang();
  initTabs();
  document.body.dataset.ready = 'true';
}

function changeLang(l) {
  setLang(l);
  $('lang').value = currentLang();
  refreshReport();
  runPlayground();
  loadPolicies(false);
}

// loadPolicies fills the lists of policies; with adopt, the language of
// the answer becomes the console's.
async function loadPolicies(adopt) {
  let resp;
  try {
    // Without lang when adopting, so that the service reads
    // Accept-Language; else the descriptions in the language chosen.
    const query = adopt ? '' : '?lang=' + currentLang();
    resp = await fetch('/v1/policies' + query, { headers: authHeaders() });
  } catch {
    return;
  }
  if (adopt) {
    const l = match(resp.headers.get('Content-Language'));
    if (l && l !== currentLang()) setLang(l);
  }
  if (resp.status === 401) {
    $('token-form').hidden = false;
    return;
  }
  if (!resp.ok) return;
  const body = await resp.json();
  state.policies = body.policies;
  const sel = $('report-policy');
  const keep = sel.value || 'guide';
  sel.replaceChildren(...body.policies.map((p) =>
    el('option', { value: p.name, title: p.description }, p.name + (p.description ? ' — ' + p.description : ''))));
  if (body.policies.some((p) => p.name === keep)) sel.value = keep;
  fillPolicies(body.policies);
}

function authHeaders() {
  const token = sessionStorage.getItem('sabaq.token');
  return token ? { Authorization: 'Bearer ' + token } : {};
}

function initToken() {
  const form = $('token-form');
  whenUnauthorized(() => {
    form.hidden = false;
    $('token').focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    setToken($('token').value);
    $('token').value = '';
    form.hidden = true;
    await loadPolicies(false);
    refreshReport();
    runPlayground();
  });
}

// initTabs makes the tab list work by mouse and keyboard (arrows, Home,
// End), as the ARIA tabs pattern says.
function initTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const show = (tab, focus) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', on ? 'true' : 'false');
      other.tabIndex = on ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    if (tab.id === 'tab-playground') startPlayground();
    history.replaceState(null, '', '#' + tab.id.slice(4));
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(tab, false));
    tab.addEventListener('keydown', (e) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      show(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
  const wanted = $('tab-' + location.hash.slice(1));
  if (wanted && wanted.getAttribute('role') === 'tab') show(wanted, false);
}

main().catch((err) => {
  document.body.prepend(el('p', { class: 'fatal' }, t('console_failed'), ' ', String(err.message || err)));
});
