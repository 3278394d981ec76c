// The records screen (coordinator only): a records export of a scope (location, account, platform, dates, free text),
// read as it streams with the bytes received shown, then saved; the past exports, from the audit log; and the legal
// holds, placed and lifted with a reason. The API refuses all of it to a manager's key; the server refuses the screen.
import * as api from './api.js';
import { h, replace, announce, formDialog, field } from './dom.js';
import * as f from './format.js';

const exportsPageSize = 20;

/** The object URL of the last export's ZIP, released when the next one starts. */
let lastZip = null;

export async function showRecords(main, session) {
  document.title = 'Records - SocialMonitor';
  if (session.role !== 'Coordinator') {
    replace(main, h('h1', {}, 'Records'), h('p', { class: 'error', role: 'alert' }, 'The records screen is the coordinator’s only.'));
    return;
  }
  const exports = h('div', { id: 'exports' });
  const holds = h('div', { id: 'holds' });
  const holdAlerts = h('div', { id: 'hold-alerts' });
  const refreshExports = () => showExports(exports, null);
  const refreshHolds = () => showHolds(holds, holdAlerts, session);
  replace(main,
    h('h1', {}, 'Records'),
    h('p', {}, 'Answer a public records request with every item in its scope, their versions, events, findings, emails and the platforms’ answers, in one ZIP that ',
      h('code', {}, 'socialmonitor records verify'), ' checks. Legal holds keep what they cover whatever the retention.'),
    exportSection(session, refreshExports),
    h('section', { 'aria-labelledby': 'exports-heading' }, h('h2', { id: 'exports-heading' }, 'Past exports'), exports),
    h('section', { 'aria-labelledby': 'holds-heading' },
      h('h2', { id: 'holds-heading' }, 'Legal holds'),
      h('p', {}, 'A hold keeps everything of its location, account and days (each optional, at least one) until you lift it.'),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'place-hold', onclick: event => placeDialog(session, event.currentTarget, holdAlerts, refreshHolds) }, 'Place a hold…')),
      holdAlerts,
      holds));
  await Promise.all([refreshExports(), refreshHolds()]);
}

function choices(id, name, options, extra = {}) {
  return h('select', { id, name, ...extra }, h('option', { value: '' }, 'Any'), options.map(([value, text]) => h('option', { value }, text)));
}

function scopeFields(prefix, session) {
  return [
    field(prefix + '-location', 'Location', choices(prefix + '-location', 'location', session.locations.map(l => [l.id, l.name]))),
    field(prefix + '-account', 'Account', choices(prefix + '-account', 'account', session.accounts.map(a => [a.id, `${a.id} (${f.platform(a.platform)})`]))),
  ];
}

function exportSection(session, exported) {
  const problem = h('p', { class: 'error', role: 'alert', id: 'export-error' });
  const status = h('div', { id: 'export-status' });
  const submit = h('button', { type: 'submit', id: 'export-submit' }, 'Export');
  const form = h('form', { class: 'filters', id: 'export-form', 'aria-labelledby': 'export-heading', 'aria-describedby': 'export-error' },
    ...scopeFields('export', session),
    field('export-platform', 'Platform', choices('export-platform', 'platform', session.platforms.map(p => [p, f.platform(p)]))),
    field('export-from', 'From (a day)', h('input', { id: 'export-from', name: 'from', type: 'date', 'aria-describedby': 'export-from-help' }),
      'Items created, or changed, on or after this day.'),
    field('export-to', 'To (a day, included)', h('input', { id: 'export-to', name: 'to', type: 'date' })),
    field('export-text', 'Text', h('input', { id: 'export-text', name: 'text', type: 'search', maxlength: 200, 'aria-describedby': 'export-text-help' }),
      'Only items whose text (any version) holds these words.'),
    h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.textContent = '';
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== '') query.set(name, String(value).trim());
    }
    if (query.has('from') && query.has('to') && query.get('to') < query.get('from')) {
      problem.textContent = 'The export was not started: “To” is before “From”.';
      document.getElementById('export-to').focus();
      return;
    }
    submit.disabled = true;
    try {
      await download(query, status, problem);
      await exported();
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, 'Export for a records request'), form, problem, status);
}

/** Reads the export as it streams, showing the bytes received, then offers the ZIP (and saves it at once). */
async function download(query, status, problem) {
  const received = h('span', { id: 'export-received' }, size(0));
  replace(status,
    h('p', { id: 'export-progress-label' }, 'Exporting: ', received, ' received so far.'),
    h('progress', { id: 'export-progress', 'aria-labelledby': 'export-progress-label' }));
  announce('The export started.');
  try {
    const response = await api.stream('/api/records/export' + (query.size > 0 ? '?' + query : ''));
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'records.zip';
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      received.textContent = size(bytes);
    }
    if (lastZip) URL.revokeObjectURL(lastZip);
    const url = URL.createObjectURL(new Blob(chunks, { type: 'application/zip' }));
    lastZip = url;
    const link = h('a', { href: url, download: name, id: 'export-download', class: 'button' }, `Save ${name} again`);
    replace(status,
      h('p', { class: 'notice', role: 'status', id: 'export-done' }, `The export is ready: ${name}, ${size(bytes)}. Your browser saves it now.`),
      h('p', {}, link),
      h('p', { class: 'help' }, 'Check it before you hand it out: ', h('code', {}, `socialmonitor records verify ${name}`), '.'));
    link.click();
    announce(`The export is ready: ${size(bytes)}.`);
  } catch (error) {
    // A problem before the first byte (a bad scope) or a response cut short: no partial ZIP is offered.
    replace(status);
    problem.textContent = 'The export failed: ' + error.message;
  }
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The exports of the audit log, newest first, a page at a time. */
async function showExports(container, token) {
  let page;
  try {
    page = await api.get(`/api/audit?subject=records&action=export&pageSize=${exportsPageSize}` + (token ? '&continuationToken=' + encodeURIComponent(token) : ''));
  } catch (error) {
    replace(container, h('p', { class: 'error', role: 'alert', id: 'exports-error' }, 'The past exports could not be listed: ' + error.message));
    return;
  }
  const rows = page.items.map(entry => h('tr', {},
    h('td', {}, h('time', { datetime: f.iso(entry.at) }, f.time(entry.at))),
    h('td', {}, entry.actor),
    h('td', {}, entry.after?.query ?? entry.why),
    h('td', { class: 'number' }, String(entry.after?.counts?.items ?? '')),
    h('td', { class: 'number' }, String(entry.after?.files ?? '')),
    h('td', {}, h('code', { class: 'hash' }, entry.after?.manifestSha256 ?? entry.subjectId))));
  const table = container.querySelector('table');
  if (token && table) {
    table.tBodies[0].append(...rows);
  } else if (rows.length === 0) {
    replace(container, h('p', { id: 'exports-none' }, 'No export yet.'));
    return;
  } else {
    replace(container, h('table', { id: 'exports-table' },
      h('caption', {}, 'Records exports, newest first'),
      h('thead', {}, h('tr', {}, ['When', 'By', 'Scope', 'Items', 'Files', 'Manifest SHA-256'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows)));
  }
  container.querySelector('#exports-more')?.remove();
  if (page.continuationToken) {
    container.append(h('p', { id: 'exports-more' }, h('button', { type: 'button', class: 'secondary', onclick: () => showExports(container, page.continuationToken) }, 'Show older exports')));
  }
}

function holdScope(hold) {
  const where = [hold.location ? f.locationName(hold.location) : 'every location', hold.account ? `account ${hold.account}` : null].filter(Boolean).join(', ');
  const days = hold.from && hold.to ? `${hold.from} to ${hold.to}` : hold.from ? `from ${hold.from} on` : hold.to ? `up to ${hold.to}` : 'any day';
  return `${where}; ${days}`;
}

async function showHolds(container, alerts, session) {
  let holds;
  try {
    holds = (await api.get('/api/records/holds')).items;
  } catch (error) {
    replace(container, h('p', { class: 'error', role: 'alert', id: 'holds-error' }, 'The legal holds could not be listed: ' + error.message));
    return;
  }
  if (holds.length === 0) {
    replace(container, h('p', { id: 'holds-none' }, 'No legal hold has been placed.'));
    return;
  }
  const ordered = [...holds.filter(x => !x.liftedAt), ...holds.filter(x => x.liftedAt)];
  replace(container, h('table', { id: 'holds-table' },
    h('caption', {}, 'Legal holds, active first'),
    h('thead', {}, h('tr', {}, ['Scope', 'Reason', 'Placed', 'State', 'Action'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ordered.map(hold => h('tr', { id: 'hold-' + hold.id },
      h('td', {}, holdScope(hold)),
      h('td', {}, hold.reason),
      h('td', {}, hold.placedBy, ', ', h('time', { datetime: f.iso(hold.placedAt) }, f.time(hold.placedAt))),
      h('td', {}, hold.liftedAt
        ? ['Lifted by ', hold.liftedBy, ', ', h('time', { datetime: f.iso(hold.liftedAt) }, f.time(hold.liftedAt)), `: ${hold.liftReason}`]
        : h('strong', {}, 'Active')),
      h('td', {}, hold.liftedAt ? '' : h('button', {
        type: 'button', class: 'secondary', id: 'lift-' + hold.id, 'aria-label': `Lift the hold on ${holdScope(hold)}`,
        onclick: event => liftDialog(hold, event.currentTarget, alerts, () => showHolds(container, alerts, session)),
      }, 'Lift…')))))));
}

function placeDialog(session, opener, alerts, placed) {
  const value = name => document.getElementById('hold-' + name).value.trim();
  formDialog({
    id: 'place-dialog', title: 'Place a legal hold', opener, submitText: 'Place the hold',
    fields: [
      ...scopeFields('hold', session),
      field('hold-from', 'From (a day)', h('input', { id: 'hold-from', type: 'date' })),
      field('hold-to', 'To (a day, included)', h('input', { id: 'hold-to', type: 'date' })),
      field('hold-reason', 'Reason (required)', h('textarea', { id: 'hold-reason', rows: 3, maxlength: 500, 'aria-required': 'true' }),
        'For example: records request 2026-114, or the case number.'),
    ],
    send: async () => {
      const body = { location: value('location') || null, account: value('account') || null, from: value('from') || null, to: value('to') || null, reason: value('reason') };
      if (body.reason === '') return 'Say why the records are held.';
      try {
        const { data } = await api.post('/api/records/holds', body);
        await placed();
        announce('The hold is placed.');
        replace(alerts, h('p', { class: 'notice', role: 'status', id: 'hold-done' }, `Hold placed on ${holdScope(data)}.`));
        return null;
      } catch (error) {
        return error.message;
      }
    },
  });
}

function liftDialog(hold, opener, alerts, lifted) {
  const reason = h('textarea', { id: 'lift-reason', rows: 3, maxlength: 500, 'aria-required': 'true' });
  formDialog({
    id: 'lift-dialog', title: 'Lift the legal hold', opener, submitText: 'Lift the hold',
    fields: [
      h('p', {}, `On ${holdScope(hold)}, placed for: ${hold.reason}. Once lifted, retention may remove what it kept.`),
      field('lift-reason', 'Why it is lifted (required)', reason),
    ],
    send: async () => {
      if (reason.value.trim() === '') return 'Say why the hold is lifted.';
      try {
        await api.del(`/api/records/holds/${encodeURIComponent(hold.id)}?reason=${encodeURIComponent(reason.value.trim())}`);
        await lifted();
        announce('The hold is lifted.');
        replace(alerts, h('p', { class: 'notice', role: 'status', id: 'hold-done' }, `Hold on ${holdScope(hold)} lifted.`));
        return null;
      } catch (error) {
        return error.message;
      }
    },
  });
}
