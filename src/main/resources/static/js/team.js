// The rater's page: the people they rate, their SKP status and open or overdue tasks.
import { api, el, loadLabels } from './api.js';
import * as development from './development.js';

const root = document.getElementById('team-page');
const [members, documents, label] = await Promise.all([api('/api/team'), api('/api/team/documents'), loadLabels()]);
const links = new Map(documents.map((d) => [d.nip, d.documents]));
// the latest SKP and the latest delivered evaluation of each person, as PDF
function documentLinks(nip) {
  const list = links.get(nip) || [];
  const skp = list.find((d) => d.kind === 'SKP');
  const evaluation = list.find((d) => d.kind === 'EVALUATION' && d.status === 'DELIVERED');
  return [skp ? el('a', { class: 'button document', href: skp.url, download: '' }, `${root.dataset.skpPdf} ${skp.year}`) : null,
    evaluation ? el('a', { class: 'button document', href: evaluation.url, download: '' }, `${root.dataset.evaluationPdf} ${evaluation.year} ${label('period', evaluation.period)}`) : null];
}
document.getElementById('team-rows').replaceChildren(...(members.length ? members.map((m) =>
  el('tr', { 'data-nip': m.nip },
    el('td', {}, el('strong', {}, m.name), el('div', { class: 'muted' }, `${m.position} · ${m.nip}`)),
    el('td', {}, m.skpStatus ? `${m.skpYear}: ${label('skpStatus', m.skpStatus)}` : '-'),
    el('td', {}, m.openTasks),
    el('td', { class: m.overdueTasks ? 'overdue' : '' }, m.overdueTasks),
    el('td', {}, documentLinks(m.nip))))
  : [el('tr', {}, el('td', { colspan: 5 }, root.dataset.none))]));

/** The plans I agree with my people and their training and special assignments; I close the assignments I arrange. */
const names = new Map(members.map((m) => [m.nip, m.name]));
async function teamDevelopment() {
  const team = await api('/api/development/team');
  document.getElementById('team-development-plans').replaceChildren(...development.plans(team.plans, label, names));
  document.getElementById('team-follow-ups').replaceChildren(...development.followUps(team.followUps, label, teamDevelopment, names));
}
teamDevelopment();
