// The console's words, in Kazakh, Russian and English, from words.json.
// Every word a person reads comes from there: t(KEY) in the scripts,
// data-i18n="key" (text), data-i18n-label (aria-label) and
// data-i18n-title (title) in the page.

export const LANGS = ['kk', 'ru', 'en'];

let words = {};
let lang = 'en';

export async function loadWords() {
  const resp = await fetch('words.json', { cache: 'no-cache' });
  words = await resp.json();
}

export function currentLang() {
  return lang;
}

export function setLang(l) {
  lang = LANGS.includes(l) ? l : 'en';
  document.documentElement.lang = lang;
  apply(document);
}

// t returns the word for key in the current language, its {0}, {1}…
// filled with args.
export function t(key, ...args) {
  const entry = words[key];
  const text = entry ? entry[lang] || entry.en : key;
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));
}

// apply writes the words into every marked element under root.
export function apply(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.setAttribute('title', t(el.dataset.i18nTitle));
  }
}

// match picks kk, ru or en for a language tag ("kk-KZ", "ru", "en-GB").
export function match(tag) {
  const base = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(base) ? base : '';
}
