// The process owner's page: deployed processes, decisions and forms with their versions, the
// deployment history with reasons for failures, uploads, diagrams and a diff of two versions.
import { api, ApiError, el, formatDate } from './api.js';

const root = document.getElementById('processes-page');
const lang = document.documentElement.lang || 'id';
const t = (key) => root.dataset[key] || key;
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

function definitionTable(definitions, kind) {
  if (!definitions.length) return el('p', { class: 'muted' }, t('none'));
  return el('table', { class: 'table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'ID'), el('th', {}, t('latest')), el('th', {}, t('versions')))),
    el('tbody', {}, definitions.map((d) => el('tr', { 'data-definition': d.id },
      el('td', {}, d.id),
      el('td', {}, `v${d.latestVersion}`),
      el('td', {}, d.versions.map((v) => el('span', { class: 'version' },
        kind === 'BPMN'
          ? el('button', { type: 'button', class: 'link', onclick: () => showDiagram(d.id, v.version) }, `v${v.version}`)
          : `v${v.version}`,
        ` ${formatDate(v.deployedAt, lang)} · ${v.deployedBy}`,
        kind === 'BPMN' ? ` · ${t('waiting')}: ${v.waitingInstances}` : '')),
        kind === 'BPMN' && d.versions.length > 1
          ? el('button', { type: 'button', class: 'link', onclick: () => showDiff(d.id, d.versions[1].version, d.versions[0].version) }, t('diff'))
          : null)))));
}

async function loadDefinitions() {
  const [processes, decisions, forms, jobTypes] = await Promise.all([
    api('/api/process-definitions'), api('/api/decision-definitions'), api('/api/form-definitions'), api('/api/job-types')]);
  document.getElementById('process-list').replaceChildren(definitionTable(processes, 'BPMN'));
  document.getElementById('decision-list').replaceChildren(definitionTable(decisions, 'DMN'));
  document.getElementById('form-list').replaceChildren(definitionTable(forms, 'FORM'));
  document.getElementById('job-types').replaceChildren(...jobTypes.map((type) => el('li', {}, el('code', {}, type))));
}

async function loadDeployments() {
  const deployments = await api('/api/deployments?size=30');
  document.getElementById('deployment-list').replaceChildren(...deployments.map((d) =>
    el('li', { class: d.outcome === 'FAILED' ? 'failed' : 'deployed' },
      el('strong', {}, d.outcome === 'FAILED' ? t('failed') : t('deployed')),
      ` ${formatDate(d.deployedAt, lang)} · ${d.deployedBy} · ${d.resources.map((r) => r.name + (r.version ? ` v${r.version}` : '')).join(', ')}`,
      d.problems.length ? el('ul', { class: 'problems' }, d.problems.map((p) => el('li', {}, p.message))) : null)));
}

async function showDiagram(id, version) {
  const container = document.getElementById('diagram');
  container.hidden = false;
  container.replaceChildren();
  document.getElementById('diagram-title').textContent = `${id} v${version}`;
  const xml = await api(`/api/process-definitions/${encodeURIComponent(id)}/versions/${version}/xml`, { accept: 'application/xml' });
  const viewer = new window.BpmnJS({ container });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
}

/** A line diff (longest common subsequence) of two versions' XML. */
async function showDiff(id, older, newer) {
  const [a, b] = await Promise.all([older, newer].map((v) =>
    api(`/api/process-definitions/${encodeURIComponent(id)}/versions/${v}/xml`, { accept: 'application/xml' })));
  const x = a.split('\n'); const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint16Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--)
    lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const lines = [];
  let i = 0; let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) { i++; j++; }
    else if (j < y.length && (i === x.length || lcs[i][j + 1] >= lcs[i + 1][j])) lines.push(el('div', { class: 'added' }, `+ ${y[j++]}`));
    else lines.push(el('div', { class: 'removed' }, `- ${x[i++]}`));
  }
  document.getElementById('diff-title').textContent = `${id}: v${older} → v${newer}`;
  document.getElementById('diff').hidden = false;
  document.getElementById('diff').replaceChildren(...(lines.length ? lines : [el('p', {}, t('noDifference'))]));
}

document.getElementById('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('upload-result');
  const body = new FormData(event.target);
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  if (csrfToken && csrfHeader) headers[csrfHeader] = csrfToken;
  const response = await fetch('/api/deployments', { method: 'POST', body, headers, credentials: 'same-origin' });
  const outcome = await response.json().catch(() => ({}));
  if (response.ok) {
    const versions = (outcome.definitions || []).map((d) => `${d.id} v${d.version}`).join(', ');
    result.replaceChildren(el('div', { class: 'notice success', role: 'status' },
      outcome.status === 'UNCHANGED' ? t('unchanged') : `${t('uploaded')} ${versions}`));
  } else {
    result.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, outcome.detail || t('failed')),
      el('ul', { class: 'problems' }, (outcome.problems || []).map((p) => el('li', {}, p.message))));
  }
  loadDefinitions();
  loadDeployments();
});

loadDefinitions().catch((e) => document.getElementById('process-list').replaceChildren(el('p', { class: 'notice error' }, e.message)));
loadDeployments().catch(() => {});
