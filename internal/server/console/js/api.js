// Requests to the service: the bearer token when one was given, the
// language of every message, and the service's error objects turned into
// ApiError values the pages show.

import { currentLang, t } from './i18n.js';

const TOKEN_KEY = 'sabaq.token';

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || t('error_status', status));
    this.status = status;
    this.code = e.code || '';
    this.problems = e.problems || [];
  }
}

// onUnauthorized is called when the service asks for a token.
let onUnauthorized = () => {};
export function whenUnauthorized(f) {
  onUnauthorized = f;
}

export function setToken(token) {
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

// request sends one request to the API. query's empty values are left
// out; lang is added. It returns the Response of a 2xx answer and throws
// an ApiError for any other.
export async function request(method, path, { query = {}, body, type, accept, signal } = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, lang: currentLang() })) {
    if (v !== undefined && v !== null && v !== '') params.set(k, v);
  }
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  if (type) headers['Content-Type'] = type;
  if (accept) headers.Accept = accept;
  const resp = await fetch(path + '?' + params, { method, headers, body, signal });
  if (resp.ok) return resp;
  let parsed = null;
  try {
    parsed = await resp.json();
  } catch {
    // not an error object: the status says enough
  }
  if (resp.status === 401) onUnauthorized();
  throw new ApiError(resp.status, parsed);
}

// The media types of programme files, by extension.
const TYPES = {
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// programmeType is the media type of a programme file by its name, or ''.
export function programmeType(name) {
  const ext = String(name).toLowerCase().split('.').pop();
  return TYPES[ext] || '';
}

// column turns a spreadsheet column number into its letters: 1 is A.
function column(n) {
  let s = '';
  while (n > 0) {
    n--;
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

// place writes where a problem is: file:line:col, or a workbook's
// file!sheet!D7.
export function place(p) {
  if (p.sheet) {
    return (p.file || '') + '!' + p.sheet + (p.line ? '!' + column(p.column || 0) + p.line : '');
  }
  let s = p.file || '';
  if (p.line) s += (s ? ':' : '') + p.line + (p.column ? ':' + p.column : '');
  return s;
}
