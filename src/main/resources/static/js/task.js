// The task page: the task's Camunda Form (form-js), its context and the process diagram (bpmn-js).
import { api, ApiError, el, formatDate, loadLabels } from './api.js';
import { renderPicture } from './rating-picture.js';

const page = document.getElementById('task-page');
const taskId = page.dataset.taskId;
const lang = document.documentElement.lang || 'id';
const t = (key) => page.dataset[key] || key;

const formContainer = document.getElementById('task-form');
const messages = document.getElementById('task-messages');

function showMessage(text, kind) {
  messages.replaceChildren(el('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text));
}

function renderSummary(task) {
  const summary = document.getElementById('task-summary');
  summary.replaceChildren(
    el('h1', {}, task.name),
    el('dl', { class: 'facts' },
      el('dt', {}, t('labelProcess')), el('dd', {}, `${task.processName || task.processId} (v${task.processVersion})`),
      task.employeeNip ? [el('dt', {}, 'NIP'), el('dd', {}, task.employeeNip)] : null,
      task.periodYear ? [el('dt', {}, t('labelPeriod')), el('dd', {}, task.periodYear)] : null,
      el('dt', {}, t('labelAssignee')), el('dd', {}, task.assignee || t('unassigned')),
      task.actingFor ? [el('dt', {}, t('labelActingFor')), el('dd', {}, task.actingFor)] : null,
      task.dueDate ? [el('dt', {}, t('labelDue')), el('dd', { class: task.overdue ? 'overdue' : '' }, formatDate(task.dueDate, lang))] : null));
}

/**
 * The superior's RHK a result supports: chosen from the superior's SKP, or typed (and marked so)
 * while the superior had none approved.
 */
function superiorRhk(result) {
  const rhk = result.chosenRhkAtasan || result.rhkAtasan;
  if (!rhk) return null;
  const typed = !result.chosenRhkAtasan && result.rhkAtasanFreeText !== false;
  return el('div', { class: 'muted' }, `↳ ${rhk}`, typed ? el('em', { class: 'free-text' }, ` (${t('rhkAtasanFreeText')})`) : null);
}

/** The SKP in question, when the task carries one: results, the superior's RHK and indicators. */
async function renderSkp(variables) {
  const panel = document.getElementById('task-skp');
  const results = variables.hasilKerja;
  if (!Array.isArray(results) || !results.length) return;
  const label = await loadLabels();
  panel.hidden = false;
  panel.append(...results.map((r) => el('div', { class: 'skp-result' },
    el('strong', {}, `${label('jenis', r.jenis)}: ${r.rhk || ''}`),
    superiorRhk(r),
    el('ul', {}, (r.indikator || []).map((i) => el('li', {}, i.tipe === 'KUALITATIF'
      ? `${i.iki} (${label('aspek', i.aspek)}, ${label('tipeIndikator', i.tipe)}): ${i.hasilDiharapkan || ''}`
      : `${i.iki} (${label('aspek', i.aspek)}): ${i.target} ${i.satuan || ''}`))))));
}

/** An http(s) address, or null: links of other schemes (javascript:, data:) never become links. */
function webAddress(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/**
 * Evidence anywhere in the task's data (file pickers and bukti links of earlier steps): files as
 * downloads, links as their text with a safe link beside it.
 */
function renderEvidence(variables) {
  const found = [];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const label = value.iki || value.rhk;
      if (typeof value.bukti === 'string' && value.bukti) found.push({ label: label || 'bukti', link: value.bukti });
      for (const [key, v] of Object.entries(value)) {
        if (Array.isArray(v) && v.length && v.every((f) => f && f.evidenceId)) found.push({ label: label || key, files: v });
        else walk(v);
      }
    }
  };
  walk(variables);
  if (!found.length) return;
  const panel = document.getElementById('task-skp');
  panel.hidden = false;
  const item = ({ label, files, link }) => {
    if (files) {
      return el('li', {}, `${label}: `,
        files.map((f) => el('a', { href: f.url, download: f.name }, f.name)).flatMap((a, n) => (n ? [', ', a] : [a])));
    }
    const address = webAddress(link);
    return el('li', {}, `${label}: `, el('span', { class: 'evidence-link' }, link),
      address ? [' ', el('a', { href: address, target: '_blank', rel: 'noopener noreferrer nofollow' }, t('openLink'))] : null);
  };
  panel.append(el('h2', {}, t('evidence')), el('ul', {}, found.map(item)));
}

/**
 * Uploads the files chosen in file pickers and puts their references where form-js left its
 * "files::…" keys, so the submission carries only data.
 */
async function withUploadedFiles(data, files) {
  const references = new Map();
  for (const [key, list] of files) {
    const uploaded = [];
    for (const file of list) {
      const body = new FormData();
      body.append('file', file);
      uploaded.push(await api(`/api/tasks/${taskId}/evidence`, { method: 'POST', body }));
    }
    references.set(key, uploaded);
  }
  const replace = (value) => {
    if (typeof value === 'string' && references.has(value)) return references.get(value);
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  return replace(data);
}

function renderHistory(history) {
  const list = document.getElementById('task-history');
  list.replaceChildren(...history.map((h) =>
    el('li', {}, el('strong', {}, h.name), ' — ', t(`state${h.state}`),
      h.endedBy ? ` (${h.endedBy}, ${formatDate(h.endedAt, lang)})` : ` (${formatDate(h.createdAt, lang)})`)));
}

async function renderDiagram(url, elementId) {
  const container = document.getElementById('task-diagram');
  if (!window.BpmnJS) return;
  try {
    const xml = await api(url, { accept: 'application/xml' });
    const viewer = new window.BpmnJS({ container });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport');
    canvas.addMarker(elementId, 'current-step');
  } catch (e) {
    container.replaceChildren(el('p', { class: 'muted' }, t('diagramUnavailable')));
  }
}

/** Server-side field errors, shown next to the fields (by path) and in a summary. */
function showFieldErrors(errors) {
  document.querySelectorAll('.server-error').forEach((n) => n.remove());
  const summary = el('ul', { class: 'error-list' });
  for (const error of errors) {
    summary.append(el('li', {}, `${error.field}: ${error.message}`));
    const key = error.field.split('.').pop().replace(/\[\d+\]$/, '');
    const input = formContainer.querySelector(`[name="${key}"], [id$="-${key}"]`);
    const field = input?.closest('.fjs-form-field');
    if (field) field.append(el('div', { class: 'fjs-form-field-error server-error' }, error.message));
  }
  messages.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, t('invalid')), summary);
}

/** A task the engine ended: says so in words, and where the work went. */
async function showGone(continuedIn) {
  const label = await loadLabels();
  const where = continuedIn.length
    ? [el('p', {}, t('continuedIn')), el('ul', { class: 'continued-in' }, continuedIn.map((c) =>
      el('li', {}, el('strong', {}, c.name), ' — ',
        c.assignee || `${t('offeredTo')} ${c.candidateGroups.map((g) => label('group', g)).join(', ')}`)))]
    : [el('p', {}, t('continuedNowhere'))];
  messages.replaceChildren(el('div', { class: 'notice info', role: 'status' }, el('p', {}, t('gone')), ...where));
}

async function load() {
  let detail;
  try {
    detail = await api(`/api/tasks/${taskId}`);
  } catch (e) {
    showMessage(e.message, 'error');
    return;
  }
  renderSummary(detail.task);
  renderHistory(detail.history);
  await renderSkp(detail.variables || {});
  renderEvidence(detail.variables || {});
  if (detail.task.processId === 'employee-review' && detail.elementId === 'rate') {
    renderPicture(taskId, lang).catch((e) => showMessage(e.message, 'error'));
  }
  renderDiagram(detail.diagramUrl, detail.elementId);

  if (detail.task.state === 'CANCELED') {
    showGone(detail.continuedIn || []);
    return;
  }
  if (detail.task.state !== 'OPEN') {
    showMessage(t(`state${detail.task.state}`), 'info');
    return;
  }
  if (!detail.form) {
    showMessage(t('noForm'), 'error');
    return;
  }
  const form = new window.FormViewer.Form({ container: formContainer });
  await form.importSchema(detail.form, detail.variables);
  const submit = document.getElementById('task-submit');
  submit.hidden = false;
  submit.addEventListener('click', async () => {
    const { data, errors, files } = form.submit();
    if (Object.keys(errors).length) {
      showMessage(t('invalid'), 'error');
      return;
    }
    submit.disabled = true;
    try {
      const submission = await withUploadedFiles(data, files || new Map());
      await api(`/api/tasks/${taskId}/complete`, { method: 'POST', body: submission });
      showMessage(t('completed'), 'success');
      submit.hidden = true;
      form.setProperty('readOnly', true);
      setTimeout(() => { window.location.href = '/tasks'; }, 1200);
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors) showFieldErrors(e.problem.errors);
      else if (e instanceof ApiError && e.problem.code === 'tasklist.error.gone') {
        submit.hidden = true;
        const again = await api(`/api/tasks/${taskId}`);
        showGone(again.continuedIn || []);
      } else showMessage(e.message, 'error');
    } finally {
      submit.disabled = false;
    }
  });
}

load();
