// The employee's page: SKPs with their rounds and the rater's expectations, the year's check-ins with capaian and the
// rater's feedback, results with the rater's notes and the appeal action while its window is open, coaching and improvement periods.
import { api, ApiError, el, formatDate, loadLabels } from './api.js';
import * as development from './development.js';

const root = document.getElementById('my-page');
const t = (key) => root.dataset[key] || key;
const lang = document.documentElement.lang || 'id';
const nip = root.dataset.nip;
const label = await loadLabels();

async function skps() {
  const list = await api('/api/my/skp');
  document.getElementById('my-skps').replaceChildren(...(list.length ? list.map(({ skp, rounds }) =>
    el('div', { class: 'panel' },
      el('strong', {}, `SKP ${skp.periodYear}${skp.post > 1 ? ` · ${t('post')}${skp.post}` : ''} · ${label('skpStatus', skp.status)}`),
      el('a', { class: 'button document', href: `/api/skp/${skp.id}/document.pdf`, download: '' }, t('skpPdf')),
      el('ul', {}, (skp.content?.hasilKerja || []).map((h) => el('li', {}, `${label('jenis', h.jenis)}: ${h.rhk}`))),
      expectations(skp.content?.ekspektasiPerilaku),
      el('ol', { class: 'muted' }, rounds.map((r) => el('li', {},
        `${label('roundKind', r.kind)}${r.decision ? ' ' + label('skpDecision', r.decision) : ''} · ${r.actor || ''} · ${formatDate(r.at, lang)}${r.notes ? ' — ' + r.notes : ''}`)))))
    : [el('p', { class: 'muted' }, t('none'))]));
}

/** The rater's ekspektasi khusus per BerAKHLAK value, where the rater wrote one. */
function expectations(rows) {
  const given = (rows || []).filter((r) => r.ekspektasi);
  if (!given.length) return null;
  return [el('p', {}, el('strong', {}, t('expectations'))),
    el('ul', { class: 'expectations' }, given.map((r) => el('li', {}, el('strong', {}, label('berakhlak', r.nilai)), `: ${r.ekspektasi}`)))];
}

/** The year as it went: each check-in's realisasi and capaian, and the rater's feedback on it. */
async function checkIns() {
  const list = await api('/api/my/checkins');
  document.getElementById('my-checkins').replaceChildren(...(list.length ? list.map((c) => {
    const perValue = (c.feedbackPerValue || []).filter((v) => v.feedback);
    return el('div', { class: 'panel checkin' },
      el('strong', {}, `${c.periodYear} · ${t('month')}${c.month}${c.post > 1 ? ` · ${t('post')}${c.post}` : ''}`),
      el('ul', {}, (c.items || []).map(reported)),
      c.gap ? el('p', { class: 'notice error' }, `${t('gap')}: ${c.gapSummary}`) : null,
      c.feedback ? el('p', {}, el('strong', {}, `${t('feedbackResults')}: `), c.feedback) : null,
      c.feedbackPerilaku ? el('p', {}, el('strong', {}, `${t('feedbackBehaviour')}: `), c.feedbackPerilaku) : null,
      perValue.length ? [el('p', {}, el('strong', {}, `${t('feedbackBehaviour')}:`)),
        el('ul', { class: 'feedback-per-value' }, perValue.map((v) => el('li', {}, el('strong', {}, v.name), `: ${v.feedback}`)))] : null,
      !c.feedback && !perValue.length && !c.feedbackPerilaku ? el('p', { class: 'muted' }, t('noFeedback')) : null);
  }) : [el('p', { class: 'muted' }, t('none'))]));
}

/**
 * One indicator as reported: a quantitative one against its target to date (pro rata to the months elapsed), a
 * qualitative one with its narrative, not part of the numeric capaian.
 */
function reported(i) {
  if (i.counted === false) {
    return el('li', { class: 'qualitative' }, `${i.iki} (${t('qualitative')}): ${i.narasi || '-'} · `, el('em', {}, t('notCounted')));
  }
  const capaian = i.capaian === null || i.capaian === undefined ? '-' : `${i.capaian}%`;
  return el('li', {},
    `${i.iki}: ${i.realisasi ?? '-'} / ${i.targetToDate ?? i.target} ${i.satuan || ''} (${t('targetToDate')}; ${t('annualTarget')} ${i.target}) · ${t('capaian')}: ${capaian}`);
}

function appealForm(evaluation) {
  const reasons = el('textarea', { 'aria-label': t('reasons'), rows: 3, minlength: 20, required: true });
  const message = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'appeal-form' }, el('label', {}, t('reasons')), reasons,
    el('button', { type: 'submit', class: 'primary' }, t('appeal')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/api/evaluations/${evaluation.id}/appeal`, { method: 'POST', body: { reasons: reasons.value } });
      message.replaceChildren(el('div', { class: 'notice success' }, t('filed')));
      form.querySelector('button').disabled = true;
      appeals();
    } catch (e) {
      message.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
    }
  });
  return form;
}

async function results() {
  if (!nip) return;
  const [list, clock] = await Promise.all([api(`/api/employees/${nip}/evaluations`), api('/api/clock')]);
  document.getElementById('my-results').replaceChildren(...(list.length ? list.map((e) => {
    const open = e.status === 'DELIVERED' && e.appealDeadline && clock.today <= e.appealDeadline;
    return el('div', { class: 'panel', 'data-evaluation': e.id },
      el('strong', {}, `${e.periodYear} ${label('period', e.period)}: ${label('predikat', e.predikat)}`),
      el('p', { class: 'muted' },
        `${t('hasilKerja')}: ${label('rating', e.ratingHasilKerja)} · ${t('perilaku')}: ${label('rating', e.ratingPerilaku)} · ${label('evaluationStatus', e.status)}${e.post > 1 ? ` · ${t('post')}${e.post}` : ''}`),
      // the rater's notes reach the employee with the result, not before
      e.status === 'DELIVERED' && e.notes ? el('p', { class: 'rating-notes' }, el('strong', {}, `${t('ratingNotes')}: `), e.notes) : null,
      e.status === 'DELIVERED' ? el('a', { class: 'button document', href: `/api/evaluations/${e.id}/document.pdf`, download: '' }, t('evaluationPdf')) : null,
      open ? [el('p', {}, `${t('appealUntil')} ${e.appealDeadline}`), appealForm(e)] : null);
  }) : [el('p', { class: 'muted' }, t('none'))]));
}

async function appeals() {
  const list = await api('/api/my/appeals');
  document.getElementById('my-appeals').replaceChildren(...(list.length ? list.map((a) =>
    el('div', { class: 'panel' }, el('strong', {}, label('appealStatus', a.status)), el('p', {}, a.reasons),
      a.explanation ? el('p', { class: 'muted' }, a.explanation) : null,
      a.employeeExplanation ? el('p', { class: 'muted' }, a.employeeExplanation) : null,
      a.decisionNotes ? el('p', {}, a.decisionNotes) : null)) : [el('p', { class: 'muted' }, t('none'))]));
}

async function coaching() {
  try {
    const list = await api('/api/coaching/mine');
    document.getElementById('my-coaching').replaceChildren(...(list.length ? list.map((c) =>
      el('div', { class: 'panel' }, el('strong', {}, `${label('coachingKind', c.assignment.kind)} · ${label('coachingStatus', c.assignment.status)}`),
        el('p', {}, c.assignment.coachName || c.assignment.coachUsername || ''),
        el('ol', { class: 'muted' }, (c.sessions || []).map((x) => el('li', {}, `${x.sessionDate || ''} ${x.outcome ? label('coachingOutcome', x.outcome) : ''}`))))) : [el('p', { class: 'muted' }, t('none'))]));
  } catch (e) {
    document.getElementById('my-coaching').replaceChildren(el('p', { class: 'muted' }, t('none')));
  }
  const periods = await api('/api/coaching/improvement/mine');
  document.getElementById('my-coaching').append(...periods.map((p) =>
    el('div', { class: 'panel' }, el('strong', {}, `${t('improvement')} ${p.periodYear} · ${label('predikat', p.predikat)}`),
      el('p', {}, `${formatDate(p.startedAt, lang)} · ${p.outcome ? label('improvement', p.outcome) : t('improvementRunning')}`))));
}

/** My own development plans, the training and special assignments arranged for me, my awards and talent-pool entries. */
async function myDevelopment() {
  const mine = await api('/api/development/mine');
  document.getElementById('my-development-plans').replaceChildren(...development.plans(mine.plans, label));
  document.getElementById('my-follow-ups').replaceChildren(...development.followUps(mine.followUps, label, myDevelopment));
  document.getElementById('my-recognitions').replaceChildren(...development.recognitions(mine.recognitions, label));
}

skps(); checkIns(); results(); appeals(); coaching(); myDevelopment();
