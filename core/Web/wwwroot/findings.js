// The findings queue: newest first, the filters kept in the address (so a filtered view can be shared), a page at a
// time, bulk acknowledge, and the CSV of the whole filter.
import * as api from './api.js';
import { h, replace, announce } from './dom.js';
import * as f from './format.js';

const filters = ['location', 'account', 'platform', 'family', 'rule', 'severity', 'status', 'from', 'to', 'q', 'pageSize'];
const defaultPageSize = 25;

export async function showFindings(main, session, params) {
  document.title = 'Findings - SocialMonitor';
  const query = new URLSearchParams();
  for (const name of filters) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const list = h('div', { id: 'results' });
  const form = filterForm(session, query);
  replace(main, h('h1', {}, 'Findings'), form, list);

  let page;
  try {
    const paging = new URLSearchParams(query);
    const size = Number.parseInt(query.get('pageSize') ?? '', 10);
    paging.set('pageSize', String(size >= 1 && size <= 200 ? size : defaultPageSize));
    if (params.get('after')) paging.set('continuationToken', params.get('after'));
    page = await api.get('/api/findings?' + paging);
  } catch (error) {
    replace(list, h('p', { class: 'error', role: 'alert', id: 'list-error' }, 'The findings could not be listed: ' + error.message));
    return;
  }
  showPage(list, session, query, params, page);
}

function filterForm(session, query) {
  const select = (name, label, options) => {
    const id = 'filter-' + name;
    return h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('select', { id, name },
        h('option', { value: '' }, 'Any'),
        options.map(([value, text]) => h('option', { value, selected: query.get(name) === value }, text))));
  };
  const input = (name, label, type, extra = {}) => {
    const id = 'filter-' + name;
    return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name, type, value: query.get(name) ?? '', ...extra }));
  };
  const families = [...new Set(session.rules.map(r => r.family))];
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the findings', action: '/findings', method: 'get' },
    input('q', 'Text', 'search', { placeholder: 'words in the item or the evidence' }),
    select('location', 'Location', session.locations.map(l => [l.id, l.name])),
    select('account', 'Account', session.accounts.map(a => [a.id, `${a.id} (${f.platform(a.platform)})`])),
    select('platform', 'Platform', session.platforms.map(p => [p, f.platform(p)])),
    select('family', 'Family', families.map(x => [x, f.family(x)])),
    select('rule', 'Rule', session.rules.map(r => [r.id, r.title])),
    select('severity', 'Severity', session.severities.map(s => [s, f.capital(s)])),
    select('status', 'Status', session.statuses.map(s => [s, f.capital(s)])),
    input('from', 'Found from', 'date'),
    input('to', 'Found before', 'date'),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h('a', { href: '/findings', class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== '') next.set(name, String(value).trim());
    }
    window.location.assign('/findings' + (next.size > 0 ? '?' + next : ''));
  });
  return form;
}

function showPage(list, session, query, params, page) {
  const items = page.items;
  const heading = h('h2', { id: 'results-heading' }, items.length === 0 ? 'No findings match' : `Findings ${params.get('after') ? '(a later page)' : ''}`.trim());
  if (items.length === 0) {
    replace(list, heading, h('p', {}, query.size > 0 ? 'Nothing matches these filters. Clear them to see every finding.' : 'There are no findings yet.'));
    return;
  }
  const selectAll = h('input', { type: 'checkbox', id: 'select-all' });
  const acknowledge = h('button', { type: 'button', id: 'bulk-acknowledge', disabled: true }, 'Acknowledge selected');
  const csvButton = h('button', { type: 'button', class: 'secondary', id: 'csv' }, 'Download CSV of this filter');
  const outcome = h('div', { id: 'bulk-outcome' });
  const boxes = [];
  const rows = items.map(finding => {
    const rule = f.rule(finding.rule);
    const box = h('input', { type: 'checkbox', id: 'select-' + finding.id, 'data-id': finding.id, 'aria-label': `Select: ${rule.title}, ${f.locationName(finding.location)}` });
    boxes.push({ box, finding });
    return h('li', { class: 'finding severity-' + finding.severity },
      h('div', { class: 'select' }, box),
      h('div', { class: 'body' },
        h('h3', {}, h('a', { href: '/findings/' + encodeURIComponent(finding.id) }, rule.title)),
        h('p', { class: 'tags' },
          h('span', { class: 'badge severity' }, severityLabel(finding.severity)),
          h('span', { class: 'badge status status-' + finding.status }, 'Status: ' + f.capital(finding.status))),
        finding.quote ? h('p', { class: 'quote' }, '“', quoteText(finding.quote), '”') : h('p', { class: 'quote' }, finding.evidence),
        h('p', { class: 'meta' },
          f.locationName(finding.location), ' · ', finding.account ? `${finding.account} on ${f.platform(finding.platform)}` : f.platform(finding.platform), ' · ',
          finding.source ? f.capital(finding.source) + ' · ' : '',
          'found ', h('time', { datetime: f.iso(finding.firstSeen) }, f.time(finding.firstSeen)))));
  });
  const refresh = () => {
    const chosen = boxes.filter(b => b.box.checked);
    acknowledge.disabled = chosen.length === 0;
    acknowledge.textContent = chosen.length === 0 ? 'Acknowledge selected' : `Acknowledge ${chosen.length} selected`;
    selectAll.checked = chosen.length === boxes.length;
    selectAll.indeterminate = chosen.length > 0 && chosen.length < boxes.length;
  };
  boxes.forEach(b => b.box.addEventListener('change', refresh));
  selectAll.addEventListener('change', () => { boxes.forEach(b => { b.box.checked = selectAll.checked; }); refresh(); });
  acknowledge.addEventListener('click', () => bulkAcknowledge(boxes.filter(b => b.box.checked).map(b => b.finding), outcome, refresh));
  csvButton.addEventListener('click', () => downloadCsv(query, csvButton, outcome));

  const paging = h('nav', { class: 'paging', 'aria-label': 'Pages' });
  if (params.get('after')) paging.append(h('a', { href: '/findings' + (query.size > 0 ? '?' + query : '') }, 'First page'));
  if (page.continuationToken) {
    const next = new URLSearchParams(query);
    next.set('after', page.continuationToken);
    paging.append(h('a', { href: '/findings?' + next, rel: 'next' }, 'Next page'));
  }
  replace(list, heading,
    h('div', { class: 'bulk' }, h('span', { class: 'select-all' }, selectAll, h('label', { for: 'select-all' }, 'Select all on this page')), acknowledge, csvButton),
    outcome,
    h('ul', { class: 'findings', 'aria-labelledby': 'results-heading' }, rows),
    paging);
}

function quoteText(quote) {
  const start = quote.indexOf('»');
  const end = quote.indexOf('«', start + 1);
  if (start < 0 || end < 0) return [quote];
  return [quote.slice(0, start), h('mark', {}, quote.slice(start + 1, end)), quote.slice(end + 1)];
}

export function severityLabel(severity) {
  const marks = { critical: '!!!', high: '!!', medium: '!', low: '·' };
  return `${marks[severity] ?? ''} ${f.capital(severity)}`.trim();
}

/**
 * Acknowledges the chosen findings in one request. Each is read first for its ETag; one that changed since the list
 * was shown is not sent (its change is reported), so nobody's change is overwritten unseen.
 */
async function bulkAcknowledge(chosen, outcome, refresh) {
  document.getElementById('bulk-acknowledge').disabled = true;
  const reads = await Promise.all(chosen.map(async shown => {
    try {
      const { data, etag } = await api.getWithETag('/api/findings/' + encodeURIComponent(shown.id));
      return { shown, now: data, etag };
    } catch (error) {
      return { shown, error };
    }
  }));
  const lines = [];
  const entries = [];
  for (const read of reads) {
    const title = f.rule(read.shown.rule).title;
    if (read.error) {
      lines.push(`${title}: ${read.error.message}`);
    } else if (read.now.status !== read.shown.status || read.now.statusChangedAt !== read.shown.statusChangedAt) {
      lines.push(`${title}: not changed, because it changed since this list was shown (now ${read.now.status}, by ${read.now.statusChangedBy ?? 'someone'}). Reload the list.`);
    } else {
      entries.push({ id: read.shown.id, etag: read.etag, status: 'acknowledged' });
    }
  }
  let done = 0;
  if (entries.length > 0) {
    try {
      const { data } = await api.post('/api/findings/dispositions', { entries });
      for (const result of data.results) {
        const shown = chosen.find(c => c.id === result.id);
        if (result.status === 200) {
          done++;
          const box = document.getElementById('select-' + result.id);
          box.checked = false;
          box.closest('li').querySelector('.status').textContent = 'Status: Acknowledged';
        } else {
          lines.push(`${f.rule(shown.rule).title}: ${result.problem.detail}`);
        }
      }
    } catch (error) {
      lines.push('The change was not made: ' + error.message);
    }
  }
  const summary = `${done} of ${chosen.length} acknowledged.`;
  replace(outcome, h('div', { class: lines.length > 0 ? 'notice warning' : 'notice', role: lines.length > 0 ? 'alert' : 'status' },
    h('p', {}, summary), lines.length > 0 ? h('ul', {}, lines.map(line => h('li', {}, line))) : null));
  announce(summary);
  refresh();
}

async function downloadCsv(query, button, outcome) {
  button.disabled = true;
  try {
    const params = new URLSearchParams(query);
    params.set('format', 'csv');
    params.set('pageSize', '200');
    const text = await api.csv('/api/findings?' + params);
    const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: 'findings.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    announce('The CSV was downloaded.');
  } catch (error) {
    replace(outcome, h('p', { class: 'error', role: 'alert' }, 'The CSV could not be made: ' + error.message));
  } finally {
    button.disabled = false;
  }
}
