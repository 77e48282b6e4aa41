// Development plans, training and special assignments, awards and talent pool: the sections the employee's page,
// the rater's team page and the Pengelola Kinerja's follow-up lists share. Words come from #development-texts.
import { api, ApiError, el, formatDate } from './api.js';

const texts = document.getElementById('development-texts');
export const t = (key) => texts?.dataset[key] || key;
const lang = document.documentElement.lang || 'id';

/** Plans with their status; names maps a NIP to the person's name where the page knows it. */
export function plans(list, label, names = new Map()) {
  if (!list.length) return [el('p', { class: 'muted' }, t('none'))];
  return list.map((p) => el('div', { class: 'panel development-plan', 'data-plan': p.id, 'data-status': p.status },
    el('strong', {}, `${names.get(p.employeeNip) ? `${names.get(p.employeeNip)} · ` : ''}${t('plans')}${p.periodYear ? ` ${p.periodYear}` : ''} · ${label('planStatus', p.status)}`),
    p.goals ? el('p', {}, el('strong', {}, `${t('goals')}: `), p.goals) : null,
    p.actions ? el('p', {}, el('strong', {}, `${t('actions')}: `), p.actions) : null,
    p.supportNeeded ? el('p', {}, el('strong', {}, `${t('support')}: `), p.supportNeeded) : null,
    p.targetDate ? el('p', {}, el('strong', {}, `${t('target')}: `), p.targetDate) : null,
    p.status === 'RETURNED' && p.returnNote ? el('p', { class: 'notice error' }, `${t('returnNote')}: ${p.returnNote}`) : null,
    p.status === 'AGREED' ? el('p', { class: 'muted' }, `${t('agreedBy')} ${p.decidedBy} · ${formatDate(p.decidedAt, lang)}`) : null));
}

function outcomeForm(followUp, label, reload) {
  const outcome = el('select', { 'aria-label': t('outcome') },
    ['COMPLETED', 'NOT_COMPLETED'].map((code) => el('option', { value: code }, label('followUpOutcome', code))));
  const notes = el('textarea', { 'aria-label': t('outcomeNotes'), rows: 2, required: true, maxlength: 4000 });
  const message = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'follow-up-outcome' }, el('label', {}, t('outcome')), outcome,
    el('label', {}, t('outcomeNotes')), notes, el('button', { type: 'submit', class: 'primary' }, t('recordOutcome')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/api/development/follow-ups/${followUp.id}/outcome`, { method: 'POST', body: { outcome: outcome.value, notes: notes.value } });
      reload();
    } catch (e) {
      message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
    }
  });
  return form;
}

/** Training and special assignments: owner, due date (overdue marked), outcome or, for its owner, the form to record it. */
export function followUps(list, label, reload, names = new Map()) {
  if (!list.length) return [el('p', { class: 'muted' }, t('none'))];
  return list.map(({ followUp: f, overdue, mayRecordOutcome }) => el('div', { class: `panel follow-up-record${overdue ? ' is-overdue' : ''}`, 'data-follow-up': f.id },
    el('strong', {}, `${label('followUpKind', f.kind)} · ${names.get(f.employeeNip) || f.employeeName} (${f.employeeNip})`),
    el('p', { class: 'muted' }, `${label('followUpSource', f.source)}${f.description ? ` — ${f.description}` : ''}`),
    el('p', {}, `${t('owner')}: ${f.ownerUsername || t('ownerOfficer')} · ${t('due')}: ${f.dueDate}`, overdue ? el('strong', { class: 'overdue' }, ` · ${t('overdue')}`) : null),
    f.outcome ? el('p', {}, el('strong', {}, `${label('followUpOutcome', f.outcome)}: `), `${f.outcomeNotes} (${f.recordedBy}, ${formatDate(f.recordedAt, lang)})`) : null,
    mayRecordOutcome ? outcomeForm(f, label, reload) : null));
}

/** An employee's awards and talent-pool entries. */
export function recognitions(list, label) {
  if (!list.length) return [el('p', { class: 'muted' }, t('none'))];
  return list.map((r) => el('div', { class: 'panel recognition' },
    el('strong', {}, `${r.periodYear} · ${label('recognitionKind', r.kind)}${r.title ? `: ${r.title}` : ''}`),
    el('p', {}, r.reason), el('p', { class: 'muted' }, `${t('decidedBy')} ${r.decidedBy} · ${formatDate(r.decidedAt, lang)}`)));
}

/**
 * For a Sangat Baik entry of the follow-up list: what is recorded already, and the forms to give an award or add to the
 * talent pool for what is not.
 */
export function recognitionActions(entry, year, recorded, label, reload) {
  const mine = recorded.filter((r) => r.employeeNip === entry.nip);
  const done = mine.map((r) => el('span', { class: 'badge recognised' }, `${label('recognitionKind', r.kind)}${r.title ? `: ${r.title}` : ''} (${r.decidedBy})`));
  const open = ['AWARD', 'TALENT_POOL'].filter((kind) => !mine.some((r) => r.kind === kind));
  return [...done, ...open.map((kind) => {
    const title = kind === 'AWARD' ? el('input', { 'aria-label': t('awardTitle'), placeholder: t('awardTitle'), maxlength: 200, required: true }) : null;
    const reason = el('input', { 'aria-label': t('reason'), placeholder: t('reason'), maxlength: 4000, required: true });
    const message = el('span', { 'aria-live': 'polite' });
    const form = el('form', { class: 'recognition-form', 'data-kind': kind }, title, reason,
      el('button', { type: 'submit' }, kind === 'AWARD' ? t('award') : t('talentPool')), message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('/api/development/recognitions', { method: 'POST', body: { nip: entry.nip, year: Number(year), kind, title: title?.value, reason: reason.value } });
        reload();
      } catch (e) {
        message.replaceChildren(el('span', { class: 'notice error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
      }
    });
    return form;
  })];
}
