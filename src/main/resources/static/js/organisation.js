// The tree page of the admin and the Pengelola Kinerja: units, heads, people and their derived
// raters; editing a unit, moving a person, a rater override with its reason, acting officials.
import { api, el } from './api.js';

const root = document.getElementById('tree-page');
const t = (key) => root.dataset[key] || key;
const messages = document.getElementById('tree-messages');
const agencySelect = document.getElementById('agency-select');
let tree = null;
let unit = null;
let person = null;
let loading = 0; // an answer to an earlier agency choice that arrives late is dropped

const say = (text, ok = true) => messages.replaceChildren(
  el('div', { class: `notice ${ok ? 'success' : 'error'}`, role: ok ? 'status' : 'alert' }, text));
const who = (p) => (p ? `${p.name}${p.nip ? ` (${p.nip})` : ''}` : '-');
const source = (code) => t(`source${code.toLowerCase().replace(/(^|_)(.)/g, (m, s, c) => c.toUpperCase())}`);
const options = (select, items, blank) => select.replaceChildren(
  ...(blank !== undefined ? [el('option', { value: '' }, blank)] : []),
  ...items.map(([value, label]) => el('option', { value }, label)));
const everyone = () => tree.units.flatMap((u) => u.people);

async function act(call) {
  try {
    await call();
    say(t('saved'));
    await load(unit?.code);
  } catch (e) {
    say(e.message, false);
  }
}

async function load(keep) {
  const mine = ++loading;
  const answer = await api(`/api/organisation/tree?agency=${encodeURIComponent(agencySelect.value)}`);
  if (mine !== loading) return;
  tree = answer;
  document.getElementById('officials').replaceChildren(...(tree.officials.length
    ? tree.officials.map((o) => el('li', {}, `${t(o.kind === 'RATER' ? 'kindRater' : 'kindAppealDecider')}: ${o.name}, ${o.position}`))
    : [el('li', { class: 'muted' }, t('none'))]));
  document.getElementById('unit-tree').replaceChildren(...tree.units.map((u) =>
    el('li', { style: `padding-left:${u.depth * 1.2}em` },
      el('button', { type: 'button', class: 'link', 'data-unit': u.code, onclick: () => show(u.code) }, u.name),
      el('span', { class: 'badge' }, u.people.length))));
  show(keep && tree.units.some((u) => u.code === keep) ? keep : tree.units[0].code);
}

function raterCell(p) {
  if (!p.rater) return el('td', {}, '-');
  const r = p.rater;
  return el('td', {},
    el('div', {}, who(r.person), el('span', { class: 'muted' }, ` · ${source(r.source)}`)),
    r.source === 'OVERRIDE' ? el('div', { class: 'override' }, `${t('override')}: ${r.overrideReason} · ${t('derived')}: ${who(r.derived)}`) : null,
    r.actingOfficial ? el('div', { class: 'acting' }, `${t('acting')}: ${who(r.actingOfficial)}`) : null);
}

function show(code) {
  unit = tree.units.find((u) => u.code === code);
  document.querySelectorAll('#unit-tree button').forEach((b) => b.setAttribute('aria-current', b.dataset.unit === code ? 'true' : 'false'));
  document.getElementById('unit-title').textContent = `${unit.name} (${unit.code})`;
  document.getElementById('unit-head').textContent = `${t('head')}: ${unit.head ? who(unit.head) : t('vacant')}`
    + (unit.actingHead ? ` · ${unit.actingHead.kind === 'PLH' ? 'Plh.' : 'Plt.'} ${who(unit.actingHead.acting)}` : '');
  const form = document.getElementById('unit-form');
  form.elements.name.value = unit.name;
  options(form.elements.parentCode, tree.units.filter((u) => u.code !== code).map((u) => [u.code, u.name]), '—');
  form.elements.parentCode.value = unit.parentCode || '';
  const candidates = [...unit.people, ...(tree.units.find((u) => u.code === unit.parentCode)?.people || [])];
  options(form.elements.headNip, candidates.map((p) => [p.nip, who(p)]), t('vacant'));
  form.elements.headNip.value = unit.head?.nip || '';
  const acting = document.getElementById('acting-form');
  options(acting.elements.post, [[`unit:${code}`, `${t('headOf')} ${unit.name}`],
    ...unit.people.map((p) => [`holder:${p.nip}`, `${t('postOf')} ${who(p)}`])]);
  options(acting.elements.actingNip, everyone().map((p) => [p.nip, who(p)]));
  const here = tree.acting.filter((a) => a.unitCode === code || unit.people.some((p) => p.nip === a.holder?.nip));
  document.getElementById('acting-list').replaceChildren(...(here.length ? here.map((a) =>
    el('li', {}, `${a.kind === 'PLH' ? 'Plh.' : 'Plt.'} ${who(a.acting)} → ${a.unitCode ? `${t('headOf')} ${tree.units.find((u) => u.code === a.unitCode)?.name || a.unitCode}` : `${t('postOf')} ${who(a.holder)}`}: ${a.startsOn} – ${a.endsOn}${a.reason ? ` (${a.reason})` : ''} `,
      el('button', { type: 'button', class: 'link', onclick: () => act(() => api(`/api/organisation/acting/${a.id}/end`, { method: 'POST' })) }, t('end'))))
    : [el('li', { class: 'muted' }, t('none'))]));
  document.getElementById('people-rows').replaceChildren(...(unit.people.length ? unit.people.map((p) =>
    el('tr', { 'data-nip': p.nip },
      el('td', {}, p.nip), el('td', {}, p.name), el('td', {}, p.position), raterCell(p), el('td', {}, who(p.raterSuperior)),
      el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => choose(p) }, `${t('move')} / ${t('setRater')}`))))
    : [el('tr', {}, el('td', { colspan: 6 }, t('none')))]));
  document.getElementById('person-panel').hidden = true;
}

function choose(p) {
  person = p;
  document.getElementById('person-panel').hidden = false;
  document.getElementById('person-title').textContent = who(p);
  const move = document.getElementById('move-form');
  options(move.elements.unitCode, tree.units.map((u) => [u.code, u.name]));
  move.elements.unitCode.value = unit.code;
  options(move.elements.superiorNip, everyone().filter((q) => q.nip !== p.nip).map((q) => [q.nip, who(q)]), '—');
  move.elements.superiorNip.value = p.superiorNip || '';
  const override = document.getElementById('override-form');
  options(override.elements.raterNip, everyone().filter((q) => q.nip !== p.nip).map((q) => [q.nip, who(q)]));
  if (p.rater?.person?.nip) override.elements.raterNip.value = p.rater.person.nip;
  override.elements.reason.value = p.rater?.source === 'OVERRIDE' ? p.rater.overrideReason : '';
  tasksOf(p);
}

/** The person's open tasks, each of which the Pengelola Kinerja may give to someone else. */
async function tasksOf(p) {
  const list = document.getElementById('person-tasks');
  if (!list || !p.username) return;
  const tasks = await api(`/api/tasks/assigned-to/${encodeURIComponent(p.username)}`);
  list.replaceChildren(...(tasks.length ? tasks.map((task) => {
    const to = el('select', { name: 'assignee', 'aria-label': t('reassign') },
      ...everyone().filter((q) => q.username && q.nip !== p.nip).map((q) => el('option', { value: q.username }, who(q))));
    const reason = el('input', { name: 'reason', required: true, placeholder: t('reason'), 'aria-label': t('reason') });
    return el('li', { 'data-task': task.id }, `${task.name}${task.employeeNip ? ` (${task.employeeNip})` : ''} `, to, reason,
      el('button', { type: 'button', onclick: () => act(() => api(`/api/tasks/${task.id}/reassign`, { method: 'POST', body: { assignee: to.value, reason: reason.value } })) }, t('reassign')));
  }) : [el('li', { class: 'muted' }, t('none'))]));
}

document.getElementById('unit-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(event.target));
  act(() => api(`/api/organisation/units/${encodeURIComponent(unit.code)}`, { method: 'PUT', body }));
});
document.getElementById('acting-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(event.target));
  const [kind, value] = data.post.split(':');
  delete data.post;
  data[kind === 'unit' ? 'unitCode' : 'holderNip'] = value;
  act(() => api('/api/organisation/acting', { method: 'POST', body: data }));
});
document.getElementById('move-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(event.target));
  act(() => api(`/api/organisation/employees/${person.nip}/move`, { method: 'POST', body }));
});
document.getElementById('override-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(event.target));
  act(() => api(`/api/organisation/employees/${person.nip}/rater-override`, { method: 'PUT', body }));
});
document.getElementById('clear-override').addEventListener('click', () =>
  act(() => api(`/api/organisation/employees/${person.nip}/rater-override`, { method: 'DELETE' })));

const agencies = await api('/api/organisation/agencies');
options(agencySelect, agencies.map((a) => [a.code, a.name]));
agencySelect.addEventListener('change', () => load());
await load();
