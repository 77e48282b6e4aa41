// The audit trail for admins and the Pengelola Kinerja: filter it, page through it, verify its hash chain.
import { api, el, formatDate } from './api.js';

const root = document.getElementById('audit-page');
const t = (key) => root.dataset[key] || key;
const fill = (text, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, v), text);
const lang = document.documentElement.lang || 'id';
const filters = document.getElementById('audit-filters');
const messages = document.getElementById('audit-messages');
const size = 50;
let page = 0;

const json = (value) => (value === null || value === undefined ? '' : JSON.stringify(value));

async function load() {
  const query = new URLSearchParams({ page, size });
  for (const [key, value] of new FormData(filters)) if (value) query.set(key, value);
  try {
    const result = await api(`/api/audit?${query}`);
    messages.replaceChildren();
    document.getElementById('audit-rows').replaceChildren(...(result.items.length ? result.items.map((e) =>
      el('tr', {},
        el('td', {}, formatDate(e.at, lang)),
        el('td', {}, e.actor),
        el('td', {}, e.actionLabel),
        el('td', {}, `${e.subjectLabel} ${e.subjectId}`),
        el('td', {}, el('code', {}, [json(e.before), json(e.after)].filter(Boolean).join(' → ')))))
      : [el('tr', {}, el('td', { colspan: 5 }, t('none')))]));
    const pages = Math.max(1, Math.ceil(result.total / size));
    document.getElementById('audit-page-info').textContent = `${page + 1} / ${pages} (${result.total})`;
    document.getElementById('audit-previous').disabled = page === 0;
    document.getElementById('audit-next').disabled = page + 1 >= pages;
  } catch (e) {
    messages.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message));
  }
}

async function verify() {
  const out = document.getElementById('audit-verification');
  const v = await api('/api/audit/verify');
  out.replaceChildren(v.intact
    ? el('div', { class: 'notice success', role: 'status' }, fill(t('intact'), v.entries))
    : el('div', { class: 'notice error', role: 'alert' },
      fill(t('broken'), v.firstBroken.id, formatDate(v.firstBroken.at, lang), t(`reason${v.firstBroken.reason}`))));
}

filters.addEventListener('submit', (event) => { event.preventDefault(); page = 0; load(); });
document.getElementById('audit-previous').addEventListener('click', () => { page -= 1; load(); });
document.getElementById('audit-next').addEventListener('click', () => { page += 1; load(); });
document.getElementById('audit-verify').addEventListener('click', verify);
load();
