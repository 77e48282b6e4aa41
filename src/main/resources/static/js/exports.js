// The officers' exports: start one in the background, watch its progress bar, download the file.
import { api, el, formatDate } from './api.js';

const root = document.getElementById('exports-page');
const t = (key) => root.dataset[key] || key;
const lang = document.documentElement.lang || 'id';
const form = document.getElementById('export-form');
const unitSelect = document.getElementById('export-unit');
const message = document.getElementById('export-message');

function flatten(units, depth = 0) {
  return units.flatMap((u) => [{ code: u.code, name: `${'— '.repeat(depth)}${u.name}` }, ...flatten(u.children, depth + 1)]);
}
const [units, clock] = await Promise.all([api('/api/exports/units'), api('/api/clock')]);
unitSelect.replaceChildren(...flatten(units).map((u) => el('option', { value: u.code }, u.name)));
document.getElementById('export-year').value = Number(String(clock.today).substring(0, 4));

const status = (s) => t(`status${s.charAt(0)}${s.substring(1).toLowerCase()}`);
const kind = (k) => (k === 'SKP' ? t('kindSkp') : t('kindEvaluations'));

function card(job) {
  return el('div', { class: 'panel export-job', 'data-id': job.id, 'data-status': job.status },
    el('strong', {}, `${kind(job.kind)} · ${job.unitCode} · ${job.year}${job.period ? ' ' + job.period : ''} · ${job.format}`),
    el('div', { class: 'muted' }, `${status(job.status)} · ${formatDate(job.createdAt, lang)}${job.totalRows != null ? ` · ${job.doneRows}/${job.totalRows}` : ''}`),
    el('progress', { max: 100, value: job.percent, 'aria-label': status(job.status) }),
    el('span', { class: 'percent' }, ` ${job.percent}%`),
    job.downloadUrl ? el('div', {}, el('a', { href: job.downloadUrl, class: 'button download', download: '' }, t('download'))) : null,
    job.error ? el('div', { class: 'notice error' }, job.error) : null);
}

async function jobs() {
  const list = await api('/api/exports');
  document.getElementById('export-jobs').replaceChildren(...list.map(card));
  if (list.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING')) setTimeout(jobs, 500);
}

async function table() {
  const target = document.getElementById('tunjangan-table');
  try {
    const tbl = await api(`/api/exports/tunjangan-table?unit=${encodeURIComponent(unitSelect.value)}`);
    target.replaceChildren(tbl.present
      ? el('div', {}, el('p', { class: 'muted' }, `${tbl.decisionId}: ${t('tableExample')}`),
        el('ul', {}, tbl.rows.map((r) => el('li', { 'data-predikat': r.predikat }, `${r.label}: ${r.persen}%`))))
      : el('p', { class: 'notice' }, t('tableNone')));
  } catch (e) {
    target.replaceChildren(el('p', { class: 'notice error' }, e.message));
  }
}
unitSelect.addEventListener('change', table);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  data.year = Number(data.year);
  try {
    await api('/api/exports', { method: 'POST', body: data });
    message.replaceChildren();
    jobs();
  } catch (e) {
    message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message));
  }
});

jobs();
table();
