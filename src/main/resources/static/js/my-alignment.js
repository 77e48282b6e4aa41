// The employee's approved SKPs that support RHKs their rater's approved SKP has not: choose the rater's RHK
// each result supports. Only that link changes; the approval stays.
import { api, ApiError, el, formatDate } from './api.js';

const root = document.getElementById('my-alignment');
const t = (key) => root.dataset[key] || key;
const lang = document.documentElement.lang || 'id';

function form(item) {
  const selects = item.results.map((rhk, i) => {
    const select = el('select', { 'aria-label': rhk, required: true },
      el('option', { value: '' }, '-'),
      item.offered.map((o) => el('option', { value: o }, o)));
    if (item.offered.includes(item.supported[i])) select.value = item.supported[i];
    return select;
  });
  const message = el('div', { 'aria-live': 'polite' });
  const element = el('form', { class: 'panel alignment-form', 'data-skp': item.skpId },
    el('strong', {}, `${t('title')} · SKP ${item.periodYear}`),
    el('p', {}, t('intro')),
    item.flaggedAt ? el('p', { class: 'muted' }, `${t('since')} ${formatDate(item.flaggedAt, lang)}`) : null,
    item.results.map((rhk, i) => el('div', { class: 'field' },
      el('label', {}, el('strong', {}, rhk)),
      item.unsupported.includes(item.supported[i])
        ? el('div', { class: 'notice error' }, `${t('was')}: ${item.supported[i]}`) : null,
      selects[i])),
    el('button', { type: 'submit', class: 'primary' }, t('save')), message);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/api/my/skp/${item.skpId}/alignment`, { method: 'PUT', body: { rhkAtasan: selects.map((s) => s.value) } });
      message.replaceChildren(el('div', { class: 'notice success' }, t('saved')));
      element.querySelector('button').disabled = true;
    } catch (e) {
      message.replaceChildren(el('div', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  });
  return element;
}

const list = await api('/api/my/alignment');
root.replaceChildren(...list.map(form));
