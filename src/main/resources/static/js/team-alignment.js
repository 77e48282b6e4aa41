// The rater's team against the rater's RHKs (cascading): who supports which RHK, which RHK nobody supports,
// and whose SKP supports an RHK that is not (or no longer) in the rater's approved SKP.
import { api, el, formatDate, loadLabels } from './api.js';

const root = document.getElementById('team-alignment');
const t = (key) => root.dataset[key] || key;
const lang = document.documentElement.lang || 'id';
const yearInput = document.getElementById('alignment-year');
const label = await loadLabels();

function person(m) {
  if (!m.skpStatus) return el('span', { class: 'muted' }, t('noSkp'));
  const state = [];
  if (m.unsupported.length) {
    state.push(el('div', { class: 'notice error' }, `${t('unsupported')}: `, m.unsupported.join('; ')));
  }
  if (m.freeText) state.push(el('div', { class: 'muted' }, t('freeText')));
  if (m.flaggedAt) state.push(el('div', { class: 'muted' }, `${t('waiting')} ${formatDate(m.flaggedAt, lang)}`));
  return state.length ? state : el('span', { class: 'aligned' }, `✓ ${t('aligned')}`);
}

async function show() {
  // without a year the server answers this year in the agency's time zone
  const view = await api(`/api/team/alignment${yearInput.value ? `?year=${encodeURIComponent(yearInput.value)}` : ''}`);
  yearInput.value = view.year;
  document.getElementById('alignment-note').replaceChildren(
    view.raterHasApprovedSkp ? '' : el('p', { class: 'notice' }, t('noRaterSkp')));
  document.getElementById('alignment-rhk').replaceChildren(...view.rhk.map((r) =>
    el('tr', {},
      el('td', {}, r.rhk),
      el('td', { class: r.supporters.length ? '' : 'overdue' },
        r.supporters.length ? r.supporters.map((s) => s.name).join(', ') : t('nobody')))));
  document.getElementById('alignment-people').replaceChildren(...(view.people.length ? view.people.map((m) =>
    el('tr', { 'data-nip': m.nip },
      el('td', {}, el('strong', {}, m.name), el('div', { class: 'muted' }, m.nip)),
      el('td', {}, m.skpStatus ? label('skpStatus', m.skpStatus) : '-'),
      el('td', {}, person(m))))
    : [el('tr', {}, el('td', { colspan: 3 }, t('none')))]));
}

yearInput.addEventListener('change', show);
show();
