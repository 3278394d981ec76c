// One finding: the item as its author wrote it with the evidence marked, its thread, versions and events, the rule's
// clause, why and what to do, the permalink, the finding's history, and its triage (acknowledge, resolve with the action
// taken, dismiss with a reason), each sent with the ETag of the last read: a stale one says who changed it and offers a reload.
import * as api from './api.js';
import { h, replace, marked, markedPart, announce } from './dom.js';
import * as f from './format.js';
import { severityLabel } from './findings.js';

export async function showFinding(main, session, id) {
  let read;
  try {
    read = await api.getWithETag('/api/findings/' + encodeURIComponent(id));
  } catch (error) {
    document.title = 'Finding not found - SocialMonitor';
    replace(main, h('h1', {}, error.status === 404 ? 'Finding not found' : 'The finding could not be read'),
      h('p', { class: 'error', role: 'alert' }, error.message), h('p', {}, h('a', { href: '/findings' }, 'Back to the findings')));
    return;
  }
  let item = null;
  if (read.data.item) {
    try {
      item = await api.get(`/api/items/${encodeURIComponent(read.data.itemId)}?platform=${encodeURIComponent(read.data.platform)}`);
    } catch {
      item = null; // The finding still shows its own copy of the item.
    }
  }
  render(main, session, read.data, read.etag, item);
}

function render(main, session, finding, etag, record) {
  const rule = f.rule(finding.rule);
  document.title = `${rule.title} - SocialMonitor`;
  const state = { finding, etag };
  const alerts = h('div', { id: 'alerts' });
  const actions = h('div', { class: 'actions', id: 'actions' });
  const statusLine = h('p', { class: 'tags', id: 'status-line' });
  const showStatus = () => {
    replace(statusLine,
      h('span', { class: 'badge severity' }, severityLabel(state.finding.severity)),
      h('span', { class: 'badge status status-' + state.finding.status }, 'Status: ' + f.capital(state.finding.status)),
      state.finding.statusChangedBy ? h('span', { class: 'changed' }, `set by ${state.finding.statusChangedBy}, `, h('time', { datetime: f.iso(state.finding.statusChangedAt) }, f.time(state.finding.statusChangedAt))) : null);
    replace(actions, ...actionButtons(session, state, alerts, () => { showStatus(); }));
  };
  showStatus();

  const item = finding.item;
  const evidenceText = markedPart(finding.quote);
  replace(main,
    h('p', { class: 'back' }, h('a', { href: '/findings' }, '← All findings')),
    h('h1', {}, rule.title),
    statusLine,
    h('p', { class: 'meta' }, f.locationName(finding.location), ' · ', finding.account ? `${finding.account} on ${f.platform(finding.platform)}` : f.platform(finding.platform),
      ' · found ', h('time', { datetime: f.iso(finding.firstSeen) }, f.time(finding.firstSeen)),
      finding.lastSeen !== finding.firstSeen ? [' · last seen ', h('time', { datetime: f.iso(finding.lastSeen) }, f.time(finding.lastSeen))] : null),
    alerts,
    actions,
    h('section', { 'aria-labelledby': 'item-heading' },
      h('h2', { id: 'item-heading' }, item ? f.capital(finding.source ?? `${item.origin} ${item.kind}`) : 'What was found'),
      item ? itemView(item, evidenceText ?? evidenceInText(item.text, finding.evidence)) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Evidence'), h('dd', {}, finding.evidence),
        finding.quote ? [h('dt', {}, 'In its words'), h('dd', {}, '“', marked(finding.quote), '”')] : null,
        h('dt', {}, 'Permalink'), h('dd', {}, permalink(finding.permalink ?? item?.permalink)))),
    h('section', { 'aria-labelledby': 'why-heading' },
      h('h2', { id: 'why-heading' }, 'Why it was flagged'),
      h('p', {}, finding.explanation),
      h('h3', {}, 'What to do'),
      h('p', { class: 'advice' }, rule.advice),
      h('h3', {}, 'The policy says'),
      h('blockquote', { class: 'clause' }, h('p', {}, finding.clause))),
    record ? threadView(record) : null,
    record ? versionsView(record) : null,
    historyView(finding.history));
}

function evidenceInText(text, evidence) {
  const plain = (evidence ?? '').replace(/^'(.*)'$/, '$1');
  return plain && text && text.toLocaleLowerCase().includes(plain.toLocaleLowerCase()) ? plain : null;
}

function itemView(item, evidence) {
  return h('figure', { class: 'item' },
    h('blockquote', { class: 'text' }, item.text ? marked(item.text, evidence) : h('em', {}, '(no text)')),
    h('figcaption', {},
      item.author?.name ? `${item.author.name}` : 'Author unknown', ' · ',
      item.createdAt ? h('time', { datetime: f.iso(item.createdAt) }, f.time(item.createdAt)) : 'time unknown',
      item.editedAt ? [' · edited ', h('time', { datetime: f.iso(item.editedAt) }, f.time(item.editedAt))] : null),
    item.links?.length ? h('ul', { class: 'links', 'aria-label': 'Links in the item' }, item.links.map(link => h('li', {}, link))) : null,
    item.media?.length ? h('ul', { class: 'media', 'aria-label': 'Media in the item' }, item.media.map(m =>
      h('li', {}, `${f.capital(m.type)}: `, m.altText === null || m.altText === undefined ? 'alt text unknown' : m.altText === '' ? 'no alt text' : `alt text “${m.altText}”`))) : null);
}

function permalink(url) {
  if (!url || !/^https?:\/\//i.test(url)) return 'none';
  return h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'Open on the platform', h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
}

function threadView(record) {
  return h('section', { 'aria-labelledby': 'thread-heading' },
    h('h2', { id: 'thread-heading' }, 'The thread'),
    record.thread.length === 0 ? h('p', {}, 'No thread was captured.') :
      h('ol', { class: 'thread' }, record.thread.map(member => h('li', { class: member.isThis ? 'this' : null, 'aria-current': member.isThis ? 'true' : null },
        h('p', { class: 'who' }, member.item.author?.name ?? 'Author unknown', ` (${member.item.origin} ${member.item.kind})`, member.isThis ? ' · this item' : null,
          member.hidden ? ' · hidden' : null, member.deleted ? ' · deleted' : null, ' · ',
          member.item.createdAt ? h('time', { datetime: f.iso(member.item.createdAt) }, f.time(member.item.createdAt)) : ''),
        h('p', { class: 'text' }, member.item.text || '(no text)')))),
    record.threadTruncated ? h('p', {}, 'The thread is longer: only its first items are shown.') : null);
}

function versionsView(record) {
  const lines = [
    ...record.versions.map(v => ({ at: v.at, text: `Version ${v.version} captured`, body: v.item?.text })),
    ...record.events.map(e => ({ at: e.at, text: f.capital(e.event) + (e.detail ? `: ${e.detail}` : ''), body: null })),
  ].sort((a, b) => new Date(a.at) - new Date(b.at));
  return h('section', { 'aria-labelledby': 'versions-heading' },
    h('h2', { id: 'versions-heading' }, 'Versions and events'),
    h('ol', { class: 'timeline' }, lines.map(line => h('li', {}, h('time', { datetime: f.iso(line.at) }, f.time(line.at)), ' · ', line.text,
      line.body && record.versions.length > 1 ? h('p', { class: 'text' }, line.body) : null))));
}

function historyView(history) {
  return h('section', { 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, 'History of the finding'),
    history.length === 0 ? h('p', {}, 'No change yet.') :
      h('ol', { class: 'timeline', id: 'history' }, history.map(entry => h('li', {},
        h('time', { datetime: f.iso(entry.at) }, f.time(entry.at)), ' · ', entry.actor, ': ', words(entry), entry.why ? ` (${entry.why})` : ''))));
}

function words(entry) {
  const after = entry.after?.status;
  return after ? `${entry.action} → ${after}` : entry.action;
}

function actionButtons(session, state, alerts, changed) {
  const allowed = session.transitions[state.finding.status] ?? [];
  const buttons = [];
  const send = disposition => submit(state, disposition, alerts, changed);
  if (allowed.includes('acknowledged')) buttons.push(h('button', { type: 'button', id: 'acknowledge', onclick: () => send({ status: 'acknowledged' }) }, 'Acknowledge'));
  if (allowed.includes('resolved')) buttons.push(h('button', { type: 'button', id: 'resolve', onclick: () => resolveDialog(send) }, 'Resolve…'));
  if (allowed.includes('dismissed')) buttons.push(h('button', { type: 'button', id: 'dismiss', class: 'secondary', onclick: () => dismissDialog(send) }, 'Dismiss…'));
  if (buttons.length === 0) buttons.push(h('p', {}, `This finding is ${state.finding.status}: nothing to do.`));
  return buttons;
}

/** Sends a status change with the ETag of the last read; a stale one shows who changed the finding and offers a reload. */
async function submit(state, disposition, alerts, changed) {
  replace(alerts);
  try {
    const { data, etag } = await api.post(`/api/findings/${encodeURIComponent(state.finding.id)}/disposition`, disposition, { 'If-Match': state.etag });
    state.finding = { ...state.finding, ...data };
    state.etag = etag;
    changed();
    const history = await api.get('/api/findings/' + encodeURIComponent(state.finding.id)).catch(() => null);
    if (history) {
      state.finding.history = history.history;
      document.getElementById('history-heading').closest('section').replaceWith(historyView(history.history));
    }
    announce(`The finding is ${data.status} now.`);
    replace(alerts, h('p', { class: 'notice', role: 'status' }, `Done: the finding is ${data.status} now.`));
    return true;
  } catch (error) {
    if (error.status === 412) {
      const now = await api.get('/api/findings/' + encodeURIComponent(state.finding.id)).catch(() => null);
      const who = now ? `${now.statusChangedBy ?? 'someone'} set it ${now.status}${now.statusChangedAt ? ' at ' + f.time(now.statusChangedAt) : ''}` : 'someone changed it';
      replace(alerts, h('div', { class: 'notice warning', role: 'alert', id: 'stale' },
        h('p', {}, `Your change was not made: this finding changed since you opened it (${who}).`),
        h('button', { type: 'button', id: 'reload', onclick: () => window.location.reload() }, 'Reload the finding')));
      document.getElementById('reload').focus();
    } else {
      replace(alerts, h('p', { class: 'error', role: 'alert', id: 'change-error' }, 'Your change was not made: ' + error.message));
    }
    return false;
  }
}

function dialog(id, title, fields, submitText, collect) {
  const problem = h('p', { class: 'error', role: 'alert', id: id + '-problem' });
  const form = h('form', { method: 'dialog' }, fields, problem,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', value: 'ok' }, submitText),
      h('button', { type: 'button', class: 'secondary', value: 'cancel', onclick: () => box.close() }, 'Cancel')));
  const box = h('dialog', { id, 'aria-labelledby': id + '-title' }, h('h2', { id: id + '-title' }, title), form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = collect();
    if (typeof result === 'string') {
      problem.textContent = result;
      return;
    }
    box.close();
    await result.send();
  });
  box.addEventListener('close', () => box.remove());
  document.body.append(box);
  box.showModal();
  return box;
}

function resolveDialog(send) {
  const action = h('textarea', { id: 'resolve-action', name: 'action', rows: 3, 'aria-required': 'true', maxlength: 1000, 'aria-describedby': 'resolve-action-help resolve-dialog-problem' });
  const note = h('textarea', { id: 'resolve-note', name: 'note', rows: 2, maxlength: 1000 });
  dialog('resolve-dialog', 'Resolve the finding', [
    h('div', { class: 'field' }, h('label', { for: 'resolve-action' }, 'What was done (required)'), action,
      h('p', { class: 'help', id: 'resolve-action-help' }, 'For example: comment hidden on Facebook by the Hayden manager.')),
    h('div', { class: 'field' }, h('label', { for: 'resolve-note' }, 'Note (optional)'), note),
  ], 'Resolve', () => action.value.trim() === '' ? 'Say what was done.' :
    { send: () => send({ status: 'resolved', action: action.value.trim(), note: note.value.trim() || undefined }) });
}

function dismissDialog(send) {
  const reasons = Object.entries(f.reasons).map(([value, label], index) =>
    h('div', { class: 'choice' }, h('input', { type: 'radio', name: 'reason', id: 'reason-' + value, value, checked: index === 0 }), h('label', { for: 'reason-' + value }, label)));
  const duplicate = h('input', { type: 'text', id: 'dismiss-duplicate', name: 'duplicateOf', maxlength: 32, 'aria-describedby': 'dismiss-duplicate-help' });
  const note = h('textarea', { id: 'dismiss-note', name: 'note', rows: 2, maxlength: 1000 });
  dialog('dismiss-dialog', 'Dismiss the finding', [
    h('fieldset', {}, h('legend', {}, 'Why'), reasons),
    h('div', { class: 'field' }, h('label', { for: 'dismiss-duplicate' }, 'Id of the finding it duplicates (for a duplicate)'), duplicate,
      h('p', { class: 'help', id: 'dismiss-duplicate-help' }, 'The id shown in the address of that finding.')),
    h('div', { class: 'field' }, h('label', { for: 'dismiss-note' }, 'Note (optional)'), note),
  ], 'Dismiss', () => {
    const reason = document.querySelector('#dismiss-dialog input[name=reason]:checked').value;
    if (reason === 'duplicate' && duplicate.value.trim() === '') return 'Give the id of the finding it duplicates.';
    return { send: () => send({ status: 'dismissed', reason, duplicateOf: reason === 'duplicate' ? duplicate.value.trim() : undefined, note: note.value.trim() || undefined }) };
  });
}
