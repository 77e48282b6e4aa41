// The rater's page: the people they rate, their SKP status and open or overdue tasks.
import { api, el, loadLabels } from './api.js';

const root = document.getElementById('team-page');
const [members, label] = await Promise.all([api('/api/team'), loadLabels()]);
document.getElementById('team-rows').replaceChildren(...(members.length ? members.map((m) =>
  el('tr', { 'data-nip': m.nip },
    el('td', {}, el('strong', {}, m.name), el('div', { class: 'muted' }, `${m.position} · ${m.nip}`)),
    el('td', {}, m.skpStatus ? `${m.skpYear}: ${label('skpStatus', m.skpStatus)}` : '-'),
    el('td', {}, m.openTasks),
    el('td', { class: m.overdueTasks ? 'overdue' : '' }, m.overdueTasks)))
  : [el('tr', {}, el('td', { colspan: 4 }, root.dataset.none))]));
