// The account page: the signed-in person changes their password.
import { api, el } from './api.js';

const root = document.getElementById('account-page');
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
