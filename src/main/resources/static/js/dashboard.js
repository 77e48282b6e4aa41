// The dashboards: every chart draws what its JSON endpoint answers (labels and series), with Chart.js.
import { api, el } from './api.js';

const root = document.getElementById('dashboard');
const t = (key) => root.dataset[key] || key;
const COLOURS = ['#0b5cad', '#1d7a3e', '#e0a100', '#b42318', '#6b4fbb', '#5b6675'];
const yearInput = document.getElementById('dashboard-year');
const clock = await api('/api/clock');
if (yearInput) yearInput.value = Number(String(clock.today).substring(0, 4));
const year = () => (yearInput ? yearInput.value : '');

function config(canvas, data) {
  const { type } = canvas.dataset;
  const line = canvas.dataset.line;
  const datasets = data.datasets.map((s, i) => {
    const asLine = s.key === line;
    return {
      label: s.label,
      data: s.data,
      type: asLine ? 'line' : undefined,
      borderColor: type === 'doughnut' ? '#fff' : COLOURS[i % COLOURS.length],
      backgroundColor: type === 'doughnut' ? COLOURS : COLOURS[i % COLOURS.length],
      pointStyle: asLine ? 'line' : undefined,
      borderDash: asLine ? [6, 4] : undefined,
      fill: false
    };
  });
  const options = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } };
  if (type === 'bar' || type === 'line') {
    const value = { beginAtZero: true, stacked: canvas.dataset.stacked === 'true', ticks: { precision: 0 } };
    if (canvas.dataset.percent === 'true') Object.assign(value, { max: 100, ticks: { callback: (v) => `${v}%` } });
    if (canvas.dataset.scale === 'predikat') {
      const scale = data.details.scale;
      Object.assign(value, { min: 1, max: 5, ticks: { stepSize: 1, callback: (v) => scale[v] || '' } });
      options.plugins.tooltip = { callbacks: { label: (c) => data.details.predikat[c.dataIndex] } };
    }
    const category = { stacked: canvas.dataset.stacked === 'true' };
    options.indexAxis = canvas.dataset.horizontal === 'true' ? 'y' : 'x';
    options.scales = options.indexAxis === 'y' ? { x: value, y: category } : { x: category, y: value };
  }
  return { type, data: { labels: data.labels, datasets }, options };
}

function draw(canvas, data) {
  Chart.getChart(canvas)?.destroy();
  canvas.dataset.loaded = String(data.labels.length);
  new Chart(canvas, config(canvas, data));
}

async function charts() {
  for (const canvas of document.querySelectorAll('canvas[data-endpoint]')) {
    const query = canvas.dataset.noYear === 'true' ? '' : `?year=${year()}`;
    draw(canvas, await api(`${canvas.dataset.endpoint}${query}`));
  }
}

const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
const ratingLabel = (r) => t(`r${r.toLowerCase().replace(/_([a-z])/g, (m, c) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())}`);

function board(b) {
  const canvas = el('canvas', { id: `chart-calibration-${b.reviewId}`, 'data-type': 'bar', 'data-line': 'atMost' });
  const constraints = el('ul', { class: 'constraints' });
  const people = el('tbody', {});
  const changes = new Map();
  let asked = 0; // only the answer to the latest change is drawn, whatever order answers arrive in
  const panel = el('div', { class: 'panel calibration', 'data-review': b.reviewId },
    el('h2', {}, `${b.unitName} · ${b.periodLabel} · ${b.unitPredikatLabel}`),
    el('div', { class: 'charts' }, el('figure', { class: 'chart-box' }, canvas), constraints),
    el('table', { class: 'table' }, el('thead', {}, el('tr', {}, el('th', {}, t('name')), el('th', {}, t('hasil')), el('th', {}, t('perilaku')), el('th', {}, t('predikat')))), people));

  function render(state) {
    const atLeast = state.chart.datasets.find((s) => s.key === 'atLeast');
    const data = { ...state.chart, datasets: state.chart.datasets.map((s) => (s.key === 'atLeast' ? { ...s, key: 'atLeastLine' } : s)) };
    draw(canvas, data);
    const chart = Chart.getChart(canvas);
    const second = chart.data.datasets[2];
    Object.assign(second, { type: 'line', pointStyle: 'line', showLine: false, pointRadius: 22, pointBorderWidth: 4, data: atLeast.data });
    Object.assign(chart.data.datasets[1], { showLine: false, pointRadius: 22, pointBorderWidth: 4 });
    chart.update();
    constraints.replaceChildren(...state.constraints.map((c) => el('li', { class: c.holds ? 'holds' : 'violated', 'data-code': c.code },
      `${c.holds ? t('holds') : t('violated')}: ${c.text}`)));
    people.replaceChildren(...state.people.map((p) => el('tr', { 'data-evaluation': p.evaluationId, class: p.changed ? 'changed' : '' },
      el('td', {}, p.name),
      el('td', {}, select(p, 'ratingHasilKerja')),
      el('td', {}, select(p, 'ratingPerilaku')),
      el('td', { class: 'predikat' }, state.chart.labels[['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG'].indexOf(p.predikat)] || '-'))));
  }

  function select(person, field) {
    const s = el('select', { name: field, 'aria-label': `${person.name}: ${field === 'ratingHasilKerja' ? t('hasil') : t('perilaku')}` },
      RATINGS.map((r) => el('option', { value: r, selected: person[field] === r ? 'selected' : null }, ratingLabel(r))));
    s.addEventListener('change', async () => {
      const row = s.closest('tr');
      changes.set(person.evaluationId, {
        evaluationId: person.evaluationId,
        ratingHasilKerja: row.querySelector('select[name=ratingHasilKerja]').value,
        ratingPerilaku: row.querySelector('select[name=ratingPerilaku]').value
      });
      const mine = ++asked;
      const state = await api(`/api/dashboards/calibration/${b.reviewId}/what-if`, { method: 'POST', body: { changes: [...changes.values()] } });
      if (mine === asked) render(state);
    });
    return s;
  }
  return { panel, render: () => render(b) };
}

async function calibration() {
  const target = document.getElementById('calibration-boards');
  const boards = await api(`/api/dashboards/calibration?year=${year()}`);
  const built = boards.map(board);
  target.replaceChildren(...(built.length ? built.map((b) => b.panel) : [el('p', { class: 'muted' }, t('none'))]));
  built.forEach((b) => b.render());
}

/** A calendar day (yyyy-mm-dd) in words, e.g. 3 Des 2026. */
function day(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID',
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A mean score with one decimal in the page's language (4,5 or 4.5). */
function mean(value) {
  return value.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The public's answers per unit: a table of the mean per value and quarter, and the latest comments. */
async function publicAnswers() {
  const section = document.getElementById('public-answers');
  if (!section) return;
  const s = (key) => section.dataset[key] || key;
  const units = await api(`${section.dataset.endpoint}?year=${year()}`);
  const target = document.getElementById('public-answers-units');
  const score = (v) => (v.average === null ? s('noAnswers') : `${mean(v.average)} (${v.answers})`);
  target.replaceChildren(...(units.length ? units.map((u) => {
    const whole = u.periods[u.periods.length - 1];
    return el('div', { class: 'public-unit', 'data-unit': u.unitCode },
      el('h3', {}, u.unitName),
      el('table', { class: 'table' },
        el('thead', {}, el('tr', {}, el('th', {}, s('value')), u.periods.map((p) => el('th', {}, p.name)))),
        el('tbody', {},
          el('tr', { class: 'count' }, el('th', {}, s('answers')), u.periods.map((p) => el('td', {}, String(p.answers)))),
          whole.perValue.map((v, i) => el('tr', {}, el('th', {}, v.name), u.periods.map((p) => el('td', {}, score(p.perValue[i]))))))),
      whole.recentComments.length
        ? [el('h4', {}, s('comments')), el('ul', { class: 'comments' }, whole.recentComments.map((c) => el('li', {}, `${day(c.on)}: `, c.text)))]
        : null);
  }) : [el('p', { class: 'muted' }, s('none'))]));
}

const refresh = root.dataset.kind === 'calibration' ? calibration : async () => { await charts(); await publicAnswers(); };
yearInput?.addEventListener('change', refresh);
await refresh();
root.dataset.ready = 'true';
