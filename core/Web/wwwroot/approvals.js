// The approvals: one tab per kind the API lets the caller see (links, accounts, access, apps, attestations: a manager
// gets access and attestations of their own locations), each kind's list with add and revoke (a reason, and the
// approval's ETag in If-Match), and what expires or falls due in the next 30 days. Every refusal is the API's own
// words, shown where the person acted (in the dialog, or above the list).
import * as api from './api.js';
import { h, replace, announce, formDialog, field } from './dom.js';
import * as f from './format.js';

export const kinds = ['links', 'accounts', 'access', 'apps', 'attestations'];
const kindNames = { links: 'Links', accounts: 'Accounts', access: 'Access', apps: 'Apps', attestations: 'Attestations' };
const singular = { links: 'link', accounts: 'account', access: 'access', apps: 'app', attestations: 'attestation' };
export const factNames = { roles: 'who holds roles', apps: 'connected apps', groups: 'outside groups joined' };
const addText = { links: 'Add a link…', accounts: 'Add an account…', access: 'Add access…', apps: 'Add an app…', attestations: 'Add an attestation…' };
const dueDays = 30;

export async function showApprovals(main, session, params) {
  document.title = 'Approvals - SocialMonitor';
  main.classList.add('wide');
  replace(main, h('h1', {}, 'Approvals'), h('p', {}, 'Loading…'));
  const lists = await Promise.all(kinds.map(kind => api.get(`/api/approvals/${kind}`).then(data => ({ kind, items: data.items }), error => ({ kind, error }))));
  const visible = lists.filter(l => !l.error || l.error.status !== 403);
  const refused = lists.filter(l => l.error?.status === 403);
  const state = { session, lists: new Map(visible.map(l => [l.kind, l])), selected: null };
  const wanted = params.get('kind');
  state.selected = state.lists.has(wanted) ? wanted : visible[0]?.kind;

  const alerts = h('div', { id: 'approvals-alerts' });
  const due = h('section', { 'aria-labelledby': 'due-heading', id: 'due' });
  const tabs = h('div', { role: 'tablist', 'aria-label': 'Kinds of approval', class: 'tabs' });
  const panels = h('div', { class: 'panels' });
  replace(main,
    h('h1', {}, 'Approvals'),
    h('p', { class: 'meta' }, `Today is ${session.today} in the library's time zone.`),
    alerts,
    due,
    tabs,
    panels,
    refused.length ? h('p', { class: 'help', id: 'refused-kinds' }, refused.map(r => r.error.message).find(Boolean)) : null);

  const render = () => {
    renderDue(due, state);
    replace(tabs, ...[...state.lists.keys()].map(kind => tab(kind, state, tabs, render)));
    replace(panels, ...[...state.lists.keys()].map(kind => panel(kind, state, alerts, render)));
  };
  render();
}

/** Reads one kind's list again (after a change) and shows it. */
async function reload(kind, state, render) {
  try {
    const data = await api.get(`/api/approvals/${kind}`);
    state.lists.set(kind, { kind, items: data.items });
  } catch (error) {
    state.lists.set(kind, { kind, error });
  }
  render();
}

function tab(kind, state, tabs, render) {
  const selected = kind === state.selected;
  return h('button', {
    type: 'button', role: 'tab', id: 'tab-' + kind, 'aria-controls': 'panel-' + kind, 'aria-selected': selected ? 'true' : 'false',
    tabindex: selected ? '0' : '-1',
    onclick: () => select(kind, state, render),
    onkeydown: event => {
      const keys = [...state.lists.keys()];
      const at = keys.indexOf(kind);
      const next = { ArrowRight: keys[(at + 1) % keys.length], ArrowLeft: keys[(at - 1 + keys.length) % keys.length], Home: keys[0], End: keys[keys.length - 1] }[event.key];
      if (!next) return;
      event.preventDefault();
      select(next, state, render);
      document.getElementById('tab-' + next).focus();
    },
  }, kindNames[kind], ` (${state.lists.get(kind).items?.length ?? '?'})`);
}

function select(kind, state, render) {
  state.selected = kind;
  const url = new URL(window.location.href);
  url.searchParams.set('kind', kind);
  window.history.replaceState(null, '', url);
  render();
}

function panel(kind, state, alerts, render) {
  const list = state.lists.get(kind);
  const box = h('div', { role: 'tabpanel', id: 'panel-' + kind, 'aria-labelledby': 'tab-' + kind, tabindex: '0', hidden: kind !== state.selected });
  if (list.error) {
    replace(box, h('p', { class: 'error', role: 'alert' }, `The ${kind} approvals could not be listed: ${list.error.message}`));
    return box;
  }
  const opener = h('button', { type: 'button', id: 'add-' + kind, onclick: () => addDialog(kind, state, opener, alerts, render) }, addText[kind]);
  const items = list.items;
  replace(box,
    h('h2', { class: 'visually-hidden' }, kindNames[kind]),
    h('div', { class: 'actions' }, opener),
    items.length === 0 ? h('p', {}, `No ${kind} approvals yet.`) :
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': `${kindNames[kind]} approvals` },
        h('table', { class: 'approvals', id: 'table-' + kind },
          h('caption', { class: 'visually-hidden' }, `${kindNames[kind]} approvals, newest first`),
          h('thead', {}, h('tr', {}, ['What', 'For', 'Approved', 'Dates', 'State', 'Action'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, items.map(a => row(a, state, alerts, render))))));
  return box;
}

function what(a) {
  switch (a.kind) {
    case 'links': return `${a.match} ${a.value}`;
    case 'accounts': return a.value;
    case 'access': return `${a.person} (${a.value}) as ${a.role}, ${a.level}`;
    case 'apps': return `${a.appName} (app ${a.value})`;
    default: return [h('strong', {}, factNames[a.value] ?? a.value), ': ', a.statement];
  }
}

function row(a, state, alerts, render) {
  const dates = [
    a.expires ? `expires ${a.expires}` : null,
    a.reviewOn ? `${a.kind === 'attestations' ? 'next due' : 'review'} ${a.reviewOn}` : null,
    a.closesOn ? `closes ${a.closesOn}` : null,
  ].filter(Boolean);
  const standing = a.revokedAt ? `Revoked by ${a.revokedBy}${a.revokedReason ? ': ' + a.revokedReason : ''}` : a.inForce ? 'In force' : 'Expired';
  const revoke = !a.revokedAt
    ? h('button', { type: 'button', class: 'secondary', id: 'revoke-' + a.id, onclick: event => revokeDialog(a, event.currentTarget, alerts, () => reload(a.kind, state, render)) },
      'Revoke…', h('span', { class: 'visually-hidden' }, ' ' + a.id))
    : null;
  return h('tr', { id: 'approval-' + a.id },
    h('td', {}, what(a), a.note ? h('p', { class: 'help' }, a.note) : null),
    h('td', {}, a.scope === 'all' ? 'All accounts' : a.scope),
    h('td', {}, a.approver, h('br'), a.date),
    h('td', {}, dates.length ? dates.join('; ') : '—'),
    h('td', {}, standing),
    h('td', {}, revoke));
}

/** What expires or falls due (an access review, an attestation's next, an access closing) in the next 30 days, soonest first. */
function renderDue(section, state) {
  const today = state.session.today;
  const until = addDays(today, dueDays);
  const soon = [];
  for (const list of state.lists.values()) {
    for (const a of list.items ?? []) {
      if (a.revokedAt || !a.inForce) continue;
      for (const [date, words] of [[a.expires, 'expires'], [a.reviewOn, a.kind === 'attestations' ? 'is due again' : 'is due for review'], [a.closesOn, 'closes']]) {
        if (date && date >= today && date <= until) soon.push({ date, words, a });
      }
    }
  }
  soon.sort((x, y) => x.date.localeCompare(y.date) || x.a.id.localeCompare(y.a.id));
  replace(section,
    h('h2', { id: 'due-heading' }, `Due in the next ${dueDays} days`),
    soon.length === 0 ? h('p', {}, `Nothing expires or falls due by ${until}.`) :
      h('ul', { class: 'due', id: 'due-list' }, soon.map(s => h('li', {},
        h('time', { datetime: s.date }, s.date), ': ', `${kindNames[s.a.kind]} `, h('a', { href: `/approvals?kind=${s.a.kind}#approval-${s.a.id}` }, s.a.id),
        ` (${plain(s.a)}, ${s.a.scope}) ${s.words}`))));
}

function plain(a) {
  return a.kind === 'attestations' ? factNames[a.value] ?? a.value : a.kind === 'access' ? `${a.person} as ${a.role}` : a.kind === 'apps' ? a.appName : a.value;
}

export function addDays(day, days) {
  const date = new Date(day + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A labelled field: an input, a select (options [value, text]) or a textarea, with help text. */

function scopes(session, kind) {
  const accounts = session.accounts.map(a => [a.id, `${a.id} (${f.platform(a.platform)}, ${f.locationName(a.location)})`]);
  if (kind === 'links') return [['all', 'Every account'], ...session.locations.filter(l => l.id !== 'district').map(l => [l.id, `Location: ${l.name}`]), ...accounts];
  if (kind === 'apps') return [['all', 'Every account'], ...accounts];
  return accounts;
}

const options = list => list.map(([value, text]) => h('option', { value }, text));

function addDialog(kind, state, opener, alerts, render) {
  const p = 'add-' + kind + '-';
  const c = {};
  const input = (name, extra = {}) => (c[name] = h('input', { type: 'text', name, ...extra }));
  const date = name => (c[name] = h('input', { type: 'date', name }));
  const scope = (c.scope = h('select', { name: 'scope' }, options(scopes(state.session, kind))));
  const fields = [field(p + 'scope', kind === 'links' || kind === 'apps' ? 'For' : 'Account', scope)];
  switch (kind) {
    case 'links':
      c.match = h('select', { name: 'match' }, options([['domain', 'A whole domain'], ['prefix', 'Addresses starting with'], ['url', 'One address']]));
      fields.push(field(p + 'match', 'Match', c.match), field(p + 'value', 'Destination (required)', input('value', { 'aria-required': 'true' }), 'A domain such as eventbrite.com, or a full https:// address.'));
      break;
    case 'accounts':
      break;
    case 'access':
      fields.push(
        field(p + 'value', "The person's email (required)", input('value', { type: 'email', 'aria-required': 'true' })),
        field(p + 'person', 'As the platform shows them (required)', input('person', { 'aria-required': 'true' }), 'Their name or handle on the platform.'),
        field(p + 'role', 'Role (required)', input('role', { 'aria-required': 'true' }), 'The platform\'s role in capitals, e.g. MODERATE, CREATE_CONTENT, MANAGE, or SHARED_LOGIN. Only the coordinator approves an administrator-level role.'),
        field(p + 'reviewOn', 'Review on', date('reviewOn'), 'Empty: the policy\'s review period.'),
        field(p + 'closesOn', 'Access ends on', date('closesOn'), 'For a seasonal role (optional).'));
      break;
    case 'apps':
      fields.push(field(p + 'value', 'App id (required)', input('value', { 'aria-required': 'true' })), field(p + 'appName', 'App name (required)', input('appName', { 'aria-required': 'true' })));
      break;
    default:
      c.value = h('select', { name: 'value' }, options(Object.entries(factNames).map(([v, t]) => [v, `${f.capital(t)} (${v})`])));
      fields.push(field(p + 'value', 'What you checked', c.value),
        field(p + 'statement', 'What you found (required)', (c.statement = h('textarea', { name: 'statement', rows: 3, maxlength: 2000, 'aria-required': 'true' }))),
        field(p + 'reviewOn', 'Next due on', date('reviewOn'), 'Empty: the policy\'s attestation period.'));
  }
  fields.push(field(p + 'expires', 'Expires on', date('expires'), 'Optional.'), field(p + 'note', 'Note', (c.note = h('textarea', { name: 'note', rows: 2, maxlength: 1000 }))));
  formDialog({
    id: 'add-dialog', title: addText[kind].replace('…', ''), opener, fields, submitText: 'Approve',
    send: async () => {
      const body = {};
      for (const [name, control] of Object.entries(c)) {
        const value = control.value.trim();
        if (value) body[name] = value;
      }
      const missing = Object.entries(c).find(([, control]) => control.getAttribute('aria-required') === 'true' && !control.value.trim());
      if (missing) {
        missing[1].focus();
        return `Fill in "${document.querySelector(`label[for="${missing[1].id}"]`).textContent}".`;
      }
      try {
        const { data } = await api.post(`/api/approvals/${kind}`, body);
        await reload(kind, state, render);
        const done = `Approved: ${data.id}.`;
        replace(alerts, h('p', { class: 'notice', role: 'status', id: 'approvals-done' }, done));
        announce(done);
        return null;
      } catch (error) {
        return `Not approved: ${error.message}`;
      }
    },
  });
}

function revokeDialog(a, opener, alerts, reloaded) {
  const reason = h('textarea', { name: 'reason', rows: 3, maxlength: 500, 'aria-required': 'true' });
  formDialog({
    id: 'revoke-dialog', title: `Revoke ${a.id}`, opener, submitText: 'Revoke',
    fields: [h('p', {}, `${f.capital(singular[a.kind])} approval: `, plain(a), ` for ${a.scope}. It stays on record, marked revoked.`),
      field('revoke-reason', 'Why (required)', reason)],
    send: async () => {
      if (!reason.value.trim()) {
        reason.focus();
        return 'Say why it is revoked.';
      }
      try {
        await api.del(`/api/approvals/${a.kind}/${encodeURIComponent(a.id)}?reason=${encodeURIComponent(reason.value.trim())}`, { 'If-Match': a.etag });
      } catch (error) {
        return error.status === 412 ? `Not revoked: it changed since you opened this page. ${error.message}` : `Not revoked: ${error.message}`;
      }
      await reloaded();
      const done = `Revoked: ${a.id}.`;
      replace(alerts, h('p', { class: 'notice', role: 'status', id: 'approvals-done' }, done));
      announce(done);
      return null;
    },
  });
}
