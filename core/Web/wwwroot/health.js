// Capture health, one row per account the caller may see: the last good scan and how the last scan ended, the token,
// throttling, the platform's quota or budget, what the platform cannot show, the facts a manager checks by hand with
// their attestations and due dates (attest in two clicks: "Attest…", then "Record" in the dialog, through the
// approvals API), and the open capture findings.
import * as api from './api.js';
import { h, replace, announce, formDialog, field } from './dom.js';
import * as f from './format.js';
import { factNames, addDays } from './approvals.js';

const standingWords = { attested: 'Attested', due: 'Overdue', missing: 'Not attested' };

export async function showHealth(main, session) {
  document.title = 'Health - SocialMonitor';
  main.classList.add('wide');
  const alerts = h('div', { id: 'health-alerts' });
  const list = h('div', { id: 'health' }, h('p', {}, 'Loading…'));
  replace(main, h('h1', {}, 'Health'), h('p', { class: 'meta' }, `Today is ${session.today} in the library's time zone.`), alerts, list);
  await load(list, session, alerts);
}

async function load(list, session, alerts) {
  let health;
  try {
    health = await api.get('/api/health');
  } catch (error) {
    replace(list, h('p', { class: 'error', role: 'alert', id: 'health-error' }, 'The health of the accounts could not be read: ' + error.message));
    return;
  }
  const reloaded = () => load(list, session, alerts);
  replace(list,
    health.items.length === 0 ? h('p', {}, 'No accounts to show.') :
      h('ul', { class: 'health' }, health.items.map(account => row(account, session, alerts, reloaded))),
    health.unassignedCaptureFindings.length ? h('section', { 'aria-labelledby': 'unassigned-heading' },
      h('h2', { id: 'unassigned-heading' }, 'Capture findings about no account'), findingList(health.unassignedCaptureFindings)) : null);
}

function row(a, session, alerts, reloaded) {
  const heading = 'account-' + a.account;
  return h('li', { class: 'health-row status-' + a.status, id: 'health-' + a.account },
    h('section', { 'aria-labelledby': heading },
      h('h2', { id: heading }, a.account, h('span', { class: 'meta' }, ` ${f.platform(a.platform)} · ${f.locationName(a.location)}`)),
      h('p', { class: 'tags' }, h('span', { class: 'badge' }, a.status === 'ok' ? 'OK' : 'Needs attention')),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Last good scan'), h('dd', {}, when(a.lastGoodScan, 'never')),
        h('dt', {}, 'Last scan'), h('dd', {}, when(a.lastScanAt, 'never'), a.lastScanStopped ? ` · stopped early: ${a.lastScanStopped}` : null),
        h('dt', {}, 'Token'), h('dd', {}, token(a)),
        h('dt', {}, 'Throttling'), h('dd', { class: 'throttling' }, a.throttledSince ? ['Throttled since ', when(a.throttledSince)] : 'Not throttled'),
        h('dt', {}, 'Quota or budget'), h('dd', { class: 'budget' }, budget(a.budget)),
        h('dt', {}, 'Cannot verify'), h('dd', {}, a.cannotVerify.length ? a.cannotVerify.join(', ') : 'nothing',
          a.notYet.length ? ` · not yet read: ${a.notYet.join(', ')}` : null,
          Object.entries(a.capabilityNotes).map(([name, note]) => h('p', { class: 'help' }, `${name}: ${note}`)))),
      h('h3', {}, 'Checked by hand'),
      attestations(a, session, alerts, reloaded),
      h('h3', {}, 'Open capture findings'),
      a.captureFindings.length ? findingList(a.captureFindings) : h('p', {}, 'None.')));
}

function when(value, none = '') {
  return value ? h('time', { datetime: f.iso(value) }, f.time(value)) : none;
}

function token(a) {
  const state = a.tokenValid === false ? 'refused by the platform' : a.tokenValid === true ? 'valid' : 'never checked';
  return [a.tokenExpiresAt ? ['expires ', when(a.tokenExpiresAt), ' · '] : a.tokenValid === null ? null : 'no expiry · ', state,
    a.tokenCheckedAt ? [' (checked ', when(a.tokenCheckedAt), ')'] : null];
}

function budget(b) {
  if (!b) return 'The platform counts no quota or budget for these reads.';
  const percent = b.limit > 0 ? Math.round((100 * b.used) / b.limit) : 0;
  return `${b.used.toLocaleString('en-US')} of ${b.limit.toLocaleString('en-US')} units used this ${b.period} (${b.periodKey}, ${percent}%), shared by the platform's accounts`;
}

function attestations(a, session, alerts, reloaded) {
  const soon = addDays(session.today, 30);
  return h('table', { class: 'attestations', id: 'attestations-' + a.account },
    h('caption', { class: 'visually-hidden' }, `Facts of ${a.account} checked by hand`),
    h('thead', {}, h('tr', {}, ['Fact', 'Standing', 'Attested by', 'Next due', 'Finding', 'Action'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, a.attestations.map(s => {
      const needed = s.status !== 'attested' || (s.dueOn && s.dueOn <= soon);
      return h('tr', { id: `attestation-${a.account}-${s.fact}` },
        h('th', { scope: 'row' }, f.capital(factNames[s.fact] ?? s.fact)),
        h('td', { class: 'standing' }, standingWords[s.status] ?? s.status),
        h('td', {}, s.approver ? `${s.approver}, ${s.date}` : '—'),
        h('td', {}, s.dueOn ?? '—'),
        h('td', {}, s.findingId ? h('a', { href: '/findings/' + s.findingId }, 'Open finding') : '—'),
        h('td', {}, needed ? h('button', {
          type: 'button', id: `attest-${a.account}-${s.fact}`,
          onclick: event => attestDialog(a, s, session, event.currentTarget, alerts, reloaded),
        }, 'Attest…', h('span', { class: 'visually-hidden' }, ` ${factNames[s.fact] ?? s.fact} of ${a.account}`)) : null));
    })));
}

const statements = {
  roles: (account, today) => `Checked who holds roles on ${account} by hand on ${today}: only the approved staff.`,
  apps: (account, today) => `Checked the apps connected to ${account} by hand on ${today}: none beyond those reviewed.`,
  groups: (account, today) => `Checked the outside groups ${account} joined by hand on ${today}: none.`,
};

function attestDialog(a, s, session, opener, alerts, reloaded) {
  const statement = h('textarea', { name: 'statement', rows: 3, maxlength: 2000, 'aria-required': 'true' });
  statement.value = (statements[s.fact] ?? statements.groups)(a.account, session.today);
  const due = h('input', { type: 'date', name: 'reviewOn' });
  formDialog({
    id: 'attest-dialog', title: `Attest ${factNames[s.fact] ?? s.fact} of ${a.account}`, opener, submitText: 'Record',
    fields: [
      h('p', {}, `${f.platform(a.platform)} cannot show the ${factNames[s.fact] ?? s.fact} of ${a.account}: say what you found when you checked by hand.`),
      field('attest-statement', 'What you found (required)', statement),
      field('attest-due', 'Next due on', due, "Empty: the policy's attestation period."),
    ],
    send: async () => {
      if (!statement.value.trim()) {
        statement.focus();
        return 'Say what you found.';
      }
      let data;
      try {
        ({ data } = await api.post('/api/approvals/attestations',
          { scope: a.account, value: s.fact, statement: statement.value.trim(), reviewOn: due.value || undefined }));
      } catch (error) {
        return 'Not recorded: ' + error.message;
      }
      const done = `Attestation ${data.id} recorded, next due ${data.reviewOn}.` +
        (s.findingId ? ' Its finding is resolved when the monitor evaluates the account again (queued now).' : '');
      replace(alerts, h('p', { class: 'notice', role: 'status', id: 'health-done' }, done));
      announce(done);
      await reloaded();
      return null;
    },
  });
}

function findingList(findings) {
  return h('ul', { class: 'capture' }, findings.map(c => h('li', {},
    h('a', { href: '/findings/' + c.id }, f.rule(c.rule).title), ` (${f.capital(c.severity)}, ${c.status}): ${c.evidence} · since `, when(c.firstSeen))));
}
