// The Pengelola Kinerja's page: open years and start reviews per unit; the calibration board; the follow-up of annual results.
import { api, el, loadLabels } from './api.js';
import * as development from './development.js';

const root = document.getElementById('periods-page');
const t = (key) => root.dataset[key] || key;
const result = document.getElementById('period-result');
const year = new Date().getFullYear();
const yearInput = document.getElementById('board-year');
yearInput.value = year;
document.querySelectorAll('input[name=year]').forEach((i) => { i.value = year; });

function flatten(units, depth = 0) {
  return units.flatMap((u) => [{ code: u.code, name: `${'— '.repeat(depth)}${u.name}` }, ...flatten(u.children, depth + 1)]);
}
const units = flatten(await api('/api/organisation/units'));
const label = await loadLabels();
for (const select of [document.getElementById('unit-select'), document.getElementById('review-unit-select')]) {
  select.replaceChildren(...units.map((u) => el('option', { value: u.code }, u.name)));
}

async function submit(event, path, describe) {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(event.target));
  data.year = Number(data.year);
  try {
    const outcome = await api(path, { method: 'POST', body: data });
    result.replaceChildren(el('div', { class: 'notice success', role: 'status' }, describe(outcome, data)));
    board();
    years();
  } catch (e) {
    result.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message));
  }
}
document.getElementById('open-form').addEventListener('submit', (e) =>
  submit(e, '/api/periods', (o, d) => `${t('opened')} ${d.unitCode} ${d.year}: ${o.started.length}`));
document.getElementById('review-form').addEventListener('submit', (e) => submit(e, '/api/reviews', () => t('started')));

async function board() {
  const rows = await api(`/api/reviews?year=${yearInput.value}`);
  document.getElementById('board-rows').replaceChildren(...(rows.length ? rows.map((r) => {
    const violations = r.violations || [];
    return el('tr', {},
      el('td', {}, r.unitCode), el('td', {}, label('period', r.period)), el('td', {}, label('unitPredikat', r.unitPredikat)),
      el('td', {}, r.distribution.length ? r.distribution.map((d) => `${label('predikat', d.predikat)}: ${d.count}`).join(', ') : '-'),
      el('td', { class: violations.length ? 'overdue' : '' }, violations.length ? el('ul', {}, violations.map((v) => el('li', {}, document.documentElement.lang === 'en' ? v.messageEn : v.message))) : '✓'),
      el('td', {}, r.justification ? `${r.justification} (${r.justifiedBy})` : '-'));
  }) : [el('tr', {}, el('td', { colspan: 6 }, t('none')))]));
}
async function years() {
  const rows = await api(`/api/periods?year=${yearInput.value}`);
  document.getElementById('period-rows').replaceChildren(...(rows.length ? rows.map((p) =>
    el('tr', {}, el('td', {}, p.unitCode), el('td', {}, p.year), el('td', {}, label('periodStatus', p.status)), el('td', {}, p.employees),
      el('td', {}, p.status === 'OPEN' ? el('button', { type: 'button', onclick: async () => {
        try { await api(`/api/periods/${p.id}/close`, { method: 'POST' }); } catch (e) { result.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message)); }
        years();
      } }, t('close')) : '')))
    : [el('tr', {}, el('td', { colspan: 5 }, t('none')))]));
}

/** Tindak lanjut: who is recognised, who serves an improvement period, who may be promoted. */
async function followUp() {
  const [lists, recognised] = await Promise.all([api(`/api/follow-up?year=${yearInput.value}`), api(`/api/development/recognitions?year=${yearInput.value}`)]);
  const entries = (items, extra) => (items.length ? items.map((e) =>
    el('li', {}, `${e.name} (${e.nip}) · ${e.unit} · ${label('predikat', e.predikat)}`, extra(e), e.appealPending ? ` · ${t('appealPending')}` : ''))
    : [el('li', { class: 'muted' }, t('none'))]);
  document.getElementById('talent-pool').replaceChildren(...entries(lists.talentPool, (e) => development.recognitionActions(e, yearInput.value, recognised, label, followUp)));
  document.getElementById('below-baik').replaceChildren(...entries(lists.belowBaik, (e) => ` · ${e.improvement ? label('improvement', e.improvement) : '-'}`));
  document.getElementById('promotion').replaceChildren(...entries(lists.promotionEligible, () => ''));
  const arranged = await api(`/api/development/follow-ups?year=${yearInput.value}`);
  document.getElementById('development-follow-ups').replaceChildren(...development.followUps(arranged, label, followUp));
}

/** Hari libur of the year: one per line, "YYYY-MM-DD name"; refused as a whole in words. */
const holidayText = document.getElementById('holiday-lines');
const holidayResult = document.getElementById('holiday-result');
async function holidays() {
  const year = yearInput.value;
  const list = await api(`/api/holidays/${year}`);
  if (year !== yearInput.value) return; // the year changed meanwhile: its own answer follows
  holidayText.value = list.map((h) => `${h.date} ${h.name}`).join('\n');
  holidayText.dataset.year = year;
}
document.getElementById('holiday-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const entries = holidayText.value.split('\n').map((line) => line.trim()).filter((line) => line)
    .map((line) => { const [date, ...name] = line.split(/\s+/); return { date, name: name.join(' ') }; });
  try {
    const saved = await api(`/api/holidays/${yearInput.value}`, { method: 'PUT', body: entries });
    holidayResult.replaceChildren(el('div', { class: 'notice success', role: 'status' }, `${t('holidaysSaved')} ${saved.length}`));
    holidays();
  } catch (e) {
    holidayResult.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message));
  }
});

yearInput.addEventListener('change', () => { board(); years(); followUp(); holidays(); });
board();
years();
followUp();
holidays();
