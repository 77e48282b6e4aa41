// The admin's page: employee import with its row-by-row report, the demo clock, users and roles.
import { api, el, formatDate } from './api.js';

const root = document.getElementById('admin-page');
const ROLES = ['PEGAWAI', 'PENGELOLA_KINERJA', 'PROCESS_OWNER', 'ADMIN'];
const lang = document.documentElement.lang || 'id';
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

document.getElementById('import-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  if (csrfToken) headers[csrfHeader] = csrfToken;
  const response = await fetch('/api/organisation/employees/import', { method: 'POST', body: new FormData(event.target), headers, credentials: 'same-origin' });
  const report = await response.json();
  document.getElementById('import-result').replaceChildren(
    report.imported
      ? el('div', { class: 'notice success', role: 'status' }, `${root.dataset.imported}: ${report.created} + ${report.updated}`)
      : el('div', { class: 'notice error', role: 'alert' }, el('ul', {}, (report.errors || []).map((e) => el('li', {}, `#${e.row} ${e.field}: ${e.message}`)))));
  users();
});

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

let search = 0;
async function users() {
  const q = document.getElementById('user-search').value;
  const mine = ++search;
  const list = await api(`/api/admin/users?q=${encodeURIComponent(q)}`);
  if (mine !== search) return; // an earlier search answering late must not replace a newer one
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
