// Calls the JSON API with the browser session; the CSRF token comes from the page's meta tags.
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const multipart = body instanceof FormData; // the browser sets its boundary
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken && csrfHeader) headers[csrfHeader] = csrfToken;
  // the page's language, not the browser's: Indonesian is the default
  headers['Accept-Language'] = document.documentElement.lang || 'id';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined || multipart ? body : JSON.stringify(body),
    credentials: 'same-origin'
  });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  return accept === 'application/json' ? response.json() : response.text();
}

// the time zone of the signed-in person's agency (WIB, WITA or WIT), from the page's meta tag
const zoneMeta = document.querySelector('meta[name="kinerja-zone"]');
export const agencyZone = zoneMeta?.content || 'Asia/Makassar';
export const agencyZoneOffset = zoneMeta?.dataset.offset || '+08:00';

export function formatDate(iso, lang) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: agencyZone, timeZoneName: 'short'
  });
}

let labelsPromise;
/** The words for codes (predikat, ratings, statuses, periods, groups) in the page's language. */
export async function loadLabels() {
  labelsPromise ||= api('/api/labels');
  const labels = await labelsPromise;
  const label = (kind, code) => (code === null || code === undefined ? '-' : labels[kind]?.[code] ?? code);
  // an agency's group is named ROLE:AGENCY (the Pengelola Kinerja of DISKOMINFO): the role's label and the agency
  return (kind, code) => {
    const [role, agency] = kind === 'group' && typeof code === 'string' ? code.split(':') : [];
    return agency ? `${label(kind, role)} ${agency}` : label(kind, code);
  };
}

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') element.className = value;
    else if (key.startsWith('on')) element.addEventListener(key.substring(2), value);
    else if (value !== undefined && value !== null && value !== false) element.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}
