// The tasklist: my tasks and my groups' tasks, with counts, filters, saved filters and paging.
import { agencyZoneOffset, api, el, formatDate, loadLabels } from './api.js';

const root = document.getElementById('tasklist');
const lang = document.documentElement.lang || 'id';
const t = (key) => root.dataset[key] || key;
const filterForm = document.getElementById('task-filters');
const state = { view: 'ALL', page: 0, size: 25, asked: 0 };

function query() {
  const params = new URLSearchParams({ view: state.view, page: state.page, size: state.size });
  for (const [name, value] of new FormData(filterForm)) {
    if (!value) continue;
    params.set(name, name === 'dueBefore' ? new Date(`${value}T23:59:59${agencyZoneOffset}`).toISOString() : value);
  }
  return params;
}

// lists count up to 1,000 tasks: beyond, "1000+"
const atLeast = (count) => `${count.total.toLocaleString(lang)}${count.more ? '+' : ''}`;

async function loadCounts() {
  const counts = await api('/api/tasks/counts');
  for (const view of ['mine', 'group', 'overdue']) {
    document.getElementById(`count-${view}`).textContent = atLeast(counts[view]);
  }
}

async function loadTasks() {
  const asked = ++state.asked;
  const [result, label] = await Promise.all([api(`/api/tasks?${query()}`), loadLabels()]);
  if (asked !== state.asked) return; // a later click asked for another page meanwhile
  const list = document.getElementById('task-list');
  if (!result.items.length) {
    list.replaceChildren(el('p', { class: 'muted' }, t('empty')));
  } else {
    list.replaceChildren(...result.items.map((task) =>
      el('a', { class: `task-card${task.overdue ? ' overdue' : ''}`, href: `/tasks/${task.id}` },
        el('strong', {}, task.name),
        el('span', { class: 'muted' }, task.processName || task.processId, task.periodYear ? ` · ${task.periodYear}` : '', task.employeeNip ? ` · ${task.employeeNip}` : ''),
        el('span', {}, task.assignee ? `${t('assignee')}: ${task.assignee}` : `${t('offeredTo')}: ${[...task.candidateGroups.map((g) => label('group', g)), ...task.candidateUsers].join(', ')}`),
        task.dueDate ? el('span', { class: 'due' }, `${t('due')}: ${formatDate(task.dueDate, lang)}`) : null)));
  }
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  document.getElementById('page-info').textContent =
    `${result.page + 1} / ${pages}${result.more ? '+' : ''} (${atLeast(result)})`;
  document.getElementById('page-prev').disabled = result.page === 0;
  document.getElementById('page-next').disabled = result.page + 1 >= pages && !result.more;
}

async function loadSavedFilters() {
  const saved = await api('/api/tasks/filters');
  const list = document.getElementById('saved-filters');
  list.replaceChildren(...saved.map((filter) => el('li', {},
    el('button', { type: 'button', class: 'link', onclick: () => applyFilter(filter.query) }, filter.name),
    el('button', { type: 'button', class: 'link danger', 'aria-label': `${t('delete')} ${filter.name}`,
      onclick: async () => { await api(`/api/tasks/filters/${filter.id}`, { method: 'DELETE' }); loadSavedFilters(); } }, '×'))));
}

function applyFilter(saved) {
  for (const element of filterForm.elements) {
    if (element.name) element.value = saved[element.name] ?? '';
  }
  if (saved.view) selectView(saved.view);
  state.page = 0;
  refresh();
}

function selectView(view) {
  state.view = view;
  document.querySelectorAll('[data-view]').forEach((b) => b.setAttribute('aria-pressed', b.dataset.view === view));
}

function refresh() {
  loadTasks().catch((e) => document.getElementById('task-list').replaceChildren(el('p', { class: 'notice error' }, e.message)));
  loadCounts().catch(() => {});
}

document.querySelectorAll('[data-view]').forEach((button) => button.addEventListener('click', () => {
  selectView(button.dataset.view); state.page = 0; refresh();
}));
filterForm.addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; refresh(); });
document.getElementById('page-prev').addEventListener('click', () => { state.page -= 1; refresh(); });
document.getElementById('page-next').addEventListener('click', () => { state.page += 1; refresh(); });
document.getElementById('save-filter').addEventListener('click', async () => {
  const name = window.prompt(t('filterName'));
  if (!name) return;
  const saved = { view: state.view };
  for (const [key, value] of new FormData(filterForm)) if (value) saved[key] = value;
  await api('/api/tasks/filters', { method: 'POST', body: { name, query: saved } });
  loadSavedFilters();
});

selectView('ALL');
refresh();
loadSavedFilters().catch(() => {});
