// The account page: the signed-in person changes their password and manages their API tokens.
import { api, el, formatDate } from './api.js';

const root = document.getElementById('account-page');
const lang = document.documentElement.lang;
const form = document.getElementById('password-form');
const result = document.getElementById('password-result');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  try {
    await api('/api/me/password', { method: 'PUT', body: { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') } });
    form.reset();
    result.replaceChildren(el('div', { class: 'notice success' }, root.dataset.changed));
  } catch (e) {
    result.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message));
  }
});

const tokenForm = document.getElementById('token-form');
const tokenResult = document.getElementById('token-result');
const rows = document.getElementById('token-rows');

function failed(e) {
  tokenResult.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e.message));
}

async function showTokens() {
  const tokens = await api('/api/me/tokens');
  if (tokens.length === 0) {
    rows.replaceChildren(el('tr', {}, el('td', { colspan: 6 }, root.dataset.none)));
    return;
  }
  rows.replaceChildren(...tokens.map((t) => el('tr', { 'data-token': t.id },
    el('td', {}, t.name),
    el('td', {}, el('code', {}, `${t.hint}…`)),
    el('td', {}, formatDate(t.createdAt, lang)),
    el('td', {}, t.expiresAt ? formatDate(t.expiresAt, lang) : root.dataset.never),
    el('td', {}, t.lastUsedAt ? formatDate(t.lastUsedAt, lang) : '-'),
    el('td', {}, t.revokedAt
      ? `${root.dataset.revoked} ${formatDate(t.revokedAt, lang)}`
      : el('button', { type: 'button', class: 'revoke', onclick: () => revoke(t.id) }, root.dataset.revoke)))));
}

async function revoke(id) {
  try {
    await api(`/api/me/tokens/${id}`, { method: 'DELETE' });
    tokenResult.replaceChildren();
    await showTokens();
  } catch (e) {
    failed(e);
  }
}

tokenForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(tokenForm);
  const days = data.get('days');
  try {
    const created = await api('/api/me/tokens', { method: 'POST', body: { name: data.get('name'), days: days ? Number(days) : null } });
    tokenForm.reset();
    tokenResult.replaceChildren(el('div', { class: 'notice success' },
      el('p', {}, root.dataset.created), el('code', { id: 'new-token' }, created.secret)));
    await showTokens();
  } catch (e) {
    failed(e);
  }
});

showTokens().catch(failed);
