// The admin's page: the engine's incidents with their retry, the organisation import (units, employees) with its row-by-row report, the demo clock, users and roles.
import { api, el, formatDate } from './api.js';

const root = document.getElementById('admin-page');
const ROLES = ['PEGAWAI', 'PENGELOLA_KINERJA', 'PENGELOLA_BKPSDM', 'PROCESS_OWNER', 'ADMIN'];
const lang = document.documentElement.lang || 'id';
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

document.getElementById('import-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  if (csrfToken) headers[csrfHeader] = csrfToken;
  const form = new FormData(event.target);
  for (const part of ['units', 'employees']) if (!form.get(part)?.size) form.delete(part);
  const dryRun = form.get('dryRun') === 'true';
  form.delete('dryRun');
  const response = await fetch(`/api/organisation/import?dryRun=${dryRun}`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const report = await response.json();
  const counts = (c) => `${c.created} ${root.dataset.created}, ${c.updated} ${root.dataset.updated}, ${c.unchanged} ${root.dataset.unchanged}`;
  document.getElementById('import-result').replaceChildren(
    response.ok
      ? el('div', { class: 'notice success', role: 'status' },
        `${report.dryRun ? root.dataset.checked : root.dataset.imported}: ${report.units.rows ? `unit ${counts(report.units)}; ` : ''}${counts(report.employees)}`)
      : el('div', { class: 'notice error', role: 'alert' }, el('ul', {}, (report.errors || report.detail ? (report.errors || [{ row: 0, field: '', message: report.detail }]) : []).map((e) => el('li', {}, `${e.file || ''} #${e.row} ${e.field}: ${e.message}`)))));
  users();
});

// stopped process steps: which process, where, why; retried once the cause is fixed
async function incidents() {
  const panel = document.getElementById('incidents');
  const list = await api('/api/admin/incidents');
  document.getElementById('incidents-none').hidden = list.length > 0;
  document.getElementById('incidents-table').hidden = list.length === 0;
  document.getElementById('incident-rows').replaceChildren(...list.map((i) => {
    const retry = el('button', { type: 'button', onclick: async () => {
      retry.disabled = true;
      try {
        await api(`/api/admin/incidents/${i.key}/retry`, { method: 'POST' });
        retry.textContent = panel.dataset.retried;
        setTimeout(incidents, 2000);
      } catch (e) {
        retry.disabled = false;
        retry.after(el('div', { class: 'notice error', role: 'alert' }, e.message));
      }
    } }, panel.dataset.retry);
    return el('tr', { 'data-incident': i.key },
      el('td', {}, `${i.processId} #${i.processInstanceKey}`), el('td', {}, i.elementId),
      el('td', {}, i.message || i.errorType), el('td', {}, i.createdAt ? formatDate(i.createdAt, lang) : ''),
      el('td', {}, retry));
  }));
}
incidents();

async function clock() {
  const now = await api('/api/clock');
  document.getElementById('clock-now').textContent = formatDate(now.now, lang);
  document.getElementById('clock-form').hidden = !now.canAdvance;
}
document.getElementById('clock-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await api('/api/demo/clock', { method: 'POST', body: { days: Number(new FormData(event.target).get('days')), hours: 0 } });
  clock();
});

let asked = 0; // an answer to an earlier search that arrives late is dropped
async function users() {
  const q = document.getElementById('user-search').value;
  const mine = ++asked;
  const list = await api(`/api/admin/users?q=${encodeURIComponent(q)}`);
  if (mine !== asked) return;
  document.getElementById('user-rows').replaceChildren(...list.map((u) => {
    const assigned = u.roles.split(', ');
    const boxes = ROLES.map((role) => el('label', { class: 'role' },
      el('input', { type: 'checkbox', value: role, checked: assigned.includes(role) }), ` ${role} `));
    const save = el('button', { type: 'button', onclick: async () => {
      const roles = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      await api(`/api/admin/users/${encodeURIComponent(u.username)}/roles`, { method: 'PUT', body: { roles } });
      users();
    } }, root.dataset.save);
    const password = el('input', { type: 'password', autocomplete: 'new-password', minlength: 12, maxlength: 72, 'aria-label': root.dataset.password });
    const setPassword = el('button', { type: 'button', onclick: async () => {
      try {
        await api(`/api/admin/users/${encodeURIComponent(u.username)}/password`, { method: 'PUT', body: { password: password.value } });
        password.value = '';
        alert(root.dataset.passwordSet);
      } catch (e) {
        alert(e.message);
      }
    } }, root.dataset.setPassword);
    return el('tr', {}, el('td', {}, u.username), el('td', {}, u.name), el('td', {}, u.nip || ''), el('td', {}, boxes, save), el('td', {}, password, setPassword));
  }));
}
document.getElementById('user-search').addEventListener('input', users);
clock(); users();
