// The rater's full picture above the rating form: what the rating rests on, from /api/tasks/{id}/picture.
import { api, el } from './api.js';

/** An http(s) address, or null: links of other schemes never become links. */
function webAddress(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/** A calendar day (yyyy-mm-dd) in words, e.g. 3 Des 2026. */
function day(iso, lang) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID',
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function table(headers, rows) {
  return el('table', { class: 'table' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function section(id, title, ...content) {
  return el('details', { class: 'picture-part', id: `picture-${id}`, open: true }, el('summary', {}, el('h3', {}, title)), ...content.flat(Infinity));
}

function skp(picture, t) {
  if (!picture.skp) return section('skp', t('skp'), el('p', { class: 'muted' }, t('noSkp')));
  return section('skp', `${t('skp')} (${picture.skp.status})`,
    picture.skp.results.map((r) => el('div', { class: 'skp-result' },
      el('strong', {}, `${r.jenis}: ${r.rhk}`),
      r.rhkAtasan ? el('div', { class: 'muted' }, `↳ ${t('rhkAtasan')}: ${r.rhkAtasan}`) : null,
      el('ul', {}, r.indicators.map((i) => el('li', {},
        `${i.iki}${i.aspek ? ` (${i.aspek})` : ''}: ${i.target ?? '-'} ${i.satuan || ''}`,
        i.lowerIsBetter ? el('em', { class: 'muted' }, ` (${t('lowerIsBetter')})`) : null))))));
}

function capaian(picture, t) {
  const c = picture.capaian;
  if (c.checkInMonth === null) return section('capaian', t('capaian'), el('p', { class: 'muted' }, t('noCheckIn')));
  return section('capaian', t('capaian'),
    el('p', {}, `${t('fromCheckIn')} ${c.checkInMonthName} ${picture.periodYear}.`),
    el('p', { class: 'muted basis' }, c.basis),
    table([t('indicator'), t('target'), t('targetToDate'), t('realisasi'), t('capaianPercent')],
      c.rows.map((r) => (r.qualitative
        // a qualitative indicator: its expected result and the employee's narrative, not counted
        ? [`${r.iki} (${r.jenis})`, el('span', {}, el('em', {}, `${t('expected')}: `), r.expected || '-'), '-',
          el('span', {}, el('em', {}, `${t('narrative')}: `), r.narrative || '-'), el('span', { class: 'muted' }, r.capaian)]
        : [
          [`${r.iki} (${r.jenis})`, r.lowerIsBetter ? el('em', { class: 'muted' }, ` ${t('lowerIsBetter')}`) : null],
          `${r.annualTarget} ${r.satuan || ''}`,
          `${r.targetToDate} ${r.satuan || ''}`,
          `${r.realisasi} ${r.satuan || ''}`,
          el('span', { class: r.belowFloor ? 'overdue' : '' }, r.capaian, r.belowFloor ? ` (${t('belowFloor')})` : '')]))));
}

function suggestion(picture, t) {
  const s = picture.suggestion;
  return section('suggestion', t('suggestion'),
    el('p', {}, el('strong', {}, s.ratingLabel || t('noSuggestion'))),
    el('p', { class: 'rule' }, s.explanation));
}

function feedback(picture, t) {
  if (!picture.feedback.length) return section('feedback', t('feedback'), el('p', { class: 'muted' }, t('noFeedback')));
  return section('feedback', t('feedback'), picture.feedback.map((f) => el('div', { class: 'month-feedback' },
    el('h4', {}, f.monthName),
    f.results ? el('p', {}, el('strong', {}, `${t('results')}: `), f.results) : null,
    f.behaviour ? el('p', {}, el('strong', {}, `${t('behaviour')}: `), f.behaviour) : null,
    f.perValue.length ? el('ul', {}, f.perValue.map((v) => el('li', {}, el('strong', {}, `${v.name}: `), v.feedback))) : null)));
}

function evidence(picture, t) {
  if (!picture.evidence.length) return section('evidence', t('evidence'), el('p', { class: 'muted' }, t('noEvidence')));
  return section('evidence', t('evidence'), el('ul', {}, picture.evidence.map((e) => {
    const address = e.link ? webAddress(e.link) : null;
    const link = e.link ? [e.files.length ? ' · ' : '', el('span', { class: 'evidence-link' }, e.link),
      address ? [' ', el('a', { href: address, target: '_blank', rel: 'noopener noreferrer nofollow' }, t('openLink'))] : []] : [];
    return el('li', {}, `${e.monthName}, ${e.iki}: `,
      e.files.map((f) => el('a', { href: f.url, download: f.name }, f.name)).flatMap((a, n) => (n ? [', ', a] : [a])),
      link.flat());
  })));
}

function scores(perValue, t, lang) {
  const mean = (v) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return table([t('value'), t('average'), t('answers')],
    perValue.map((v) => [v.name, v.average === null ? t('noAnswers') : mean(v.average), String(v.answers)]));
}

function feedback360(picture, t, lang) {
  const f = picture.feedback360;
  return section('feedback360', t('feedback360'),
    el('p', { class: 'muted' }, t('anonymous')),
    f.answers === 0
      ? el('p', {}, t('noAnswers'))
      : [el('p', {}, `${t('answers')}: ${f.answers} (${f.perSource.map((s) => `${s.name} ${s.answers}`).join(', ')})`), scores(f.perValue, t, lang)]);
}

function publicAnswers(picture, t, lang) {
  const p = picture.publicAnswers;
  if (!p) return null;
  return section('public', `${t('public')}: ${p.unitName}, ${p.period} ${picture.periodYear}`,
    el('p', { class: 'muted' }, t('anonymous')),
    p.answers === 0
      ? el('p', {}, t('noAnswers'))
      : [el('p', {}, `${t('answers')}: ${p.answers}`), scores(p.perValue, t, lang),
        p.recentComments.length ? [el('h4', {}, t('comments')),
          el('ul', { class: 'comments' }, p.recentComments.map((c) => el('li', {}, `${day(c.on, lang)}: `, c.text)))] : null]);
}

/** Fetches and shows the picture; a task without one (or not for this person) shows nothing. */
export async function renderPicture(taskId, lang) {
  const container = document.getElementById('task-picture');
  const t = (key) => container.dataset[key] || key;
  const picture = await api(`/api/tasks/${taskId}/picture`);
  // append() would show a missing part (a unit nobody from the public answered about) as "null"
  container.append(...[
    el('p', {}, el('strong', {}, `${picture.employee.name} (${picture.employee.nip})`), ` · ${picture.employee.position} · ${picture.employee.unitName} · ${picture.period} ${picture.periodYear}`),
    suggestion(picture, t), skp(picture, t), capaian(picture, t), feedback(picture, t), evidence(picture, t),
    feedback360(picture, t, lang), publicAnswers(picture, t, lang)].filter((part) => part !== null));
  container.hidden = false;
}
