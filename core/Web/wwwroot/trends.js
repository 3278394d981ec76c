// The trends (GET /api/findings/trends): findings per week by location and by family, open findings by age, and per rule
// the share dismissed in the last 90 days. Each chart (Chart.js, embedded as chart.umd.min.js) has a real table beside
// it with the same figures, for screen readers and for anyone who wants the numbers; the tables come first in the
// reading order and stand on their own if the chart cannot be drawn.
import * as api from './api.js';
import { h, replace } from './dom.js';
import * as f from './format.js';

let Chart = null; // the library, once loaded (null: it could not be; the tables still say everything)
const weekChoices = ['4', '12', '26', '52'];
// Distinct on white (3:1 at least against the background) and told apart by the table, never by colour alone.
const palette = ['#0b5cad', '#b34700', '#2e7d32', '#6a1b9a', '#a4161a', '#00695c', '#5d4037', '#37474f', '#ad1457', '#7a5a00'];
const ageWords = { '0-6': 'Under a week (0–6 days)', '7-29': '1 to 4 weeks (7–29 days)', '30-89': '1 to 3 months (30–89 days)', '90+': '3 months or more (90+ days)' };

export async function showTrends(main, session, params) {
  document.title = 'Trends - SocialMonitor';
  const query = new URLSearchParams();
  for (const name of ['location', 'weeks']) {
    if (params.get(name)) query.set(name, params.get(name));
  }
  const results = h('div', { id: 'trends' });
  replace(main, h('h1', {}, 'Trends'), form(session, query), results);

  let trends;
  try {
    trends = await api.get('/api/findings/trends' + (query.size > 0 ? '?' + query : ''));
  } catch (error) {
    replace(results, h('p', { class: 'error', role: 'alert', id: 'trends-error' }, 'The trends could not be read: ' + error.message));
    return;
  }
  Chart = await chartLibrary();
  const weeks = trends.weeks.map(w => `${w.week} (${day(w.start)})`);
  const rules = trends.dismissedByRule;
  replace(results,
    h('p', {}, `Days and weeks (Monday to Sunday) in the library's time zone, ${trends.timeZone}; today is ${day(trends.today, true)}.`),
    section({
      id: 'by-location', wide: true, title: 'Findings per week by location', words: 'Findings first seen each week, by location, whatever their status now.',
      table: seriesTable('by-location', 'Findings first seen per week, by location', weeks, trends.byLocation, f.locationName),
      draw: (canvas => stacked(canvas, weeks, trends.byLocation, f.locationName)),
    }),
    section({
      id: 'by-family', wide: true, title: 'Findings per week by family', words: 'Findings first seen each week, by family of rules.',
      table: trends.byFamily.length === 0 ? h('p', {}, 'No findings in these weeks.')
        : seriesTable('by-family', 'Findings first seen per week, by family', weeks, trends.byFamily, f.family),
      draw: trends.byFamily.length > 0 && (canvas => stacked(canvas, weeks, trends.byFamily, f.family)),
    }),
    section({
      id: 'open-by-age', title: 'Open findings by age', words: 'Findings open, acknowledged or escalated now, by days since first seen.',
      table: ageTable(trends.openByAge),
      draw: (canvas => bars(canvas, trends.openByAge.map(a => ageWords[a.bucket] ?? a.bucket), trends.openByAge.map(a => a.count), 'Open findings', 'x')),
    }),
    section({
      id: 'dismissed', wide: true, bars: rules.length, title: 'Share dismissed per rule',
      words: `Of the findings first seen since ${day(trends.dismissedSince, true)}, the share dismissed now. A rule whose findings are mostly dismissed is noise: look at its lists.`,
      table: rules.length === 0 ? h('p', {}, 'No findings in the last 90 days.') : shareTable(rules),
      draw: rules.length > 0 && (canvas => bars(canvas, rules.map(r => f.rule(r.rule).title), rules.map(r => percent(r.share)), 'Share dismissed (%)', 'y', 100)),
    }));
}

function form(session, query) {
  const weeks = query.get('weeks') ?? '12';
  return h('form', { class: 'filters', 'aria-label': 'Choose the trends', action: '/trends', method: 'get' },
    h('div', { class: 'field' },
      h('label', { for: 'trends-location' }, 'Location'),
      h('select', { id: 'trends-location', name: 'location' },
        h('option', { value: '' }, 'All I may see'),
        session.locations.map(l => h('option', { value: l.id, selected: query.get('location') === l.id }, l.name)))),
    h('div', { class: 'field' },
      h('label', { for: 'trends-weeks' }, 'Weeks'),
      h('select', { id: 'trends-weeks', name: 'weeks' },
        [...new Set([...weekChoices, weeks])].map(w => h('option', { value: w, selected: w === weeks }, w)))),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show')));
}

/**
 * A section: its heading and words, the table, and the chart drawn beside it (an image named after the table that has its
 * figures); draw is false when there is nothing to draw. wide: a table of many columns or rows, with its chart below it;
 * bars: the bars of a horizontal chart (for its height).
 */
function section({ id, title, words, table, draw, wide = false, bars = 0 }) {
  const chart = draw ? h('div', { class: 'chart' }) : null;
  // Through the CSSOM, which the CSP allows (a style attribute it would refuse): room for each bar's label.
  if (chart && bars) chart.style.height = `${Math.max(12, 2 * Number(bars) + 4)}rem`;
  if (draw && Chart) {
    const canvas = h('canvas', { id: `chart-${id}`, role: 'img', 'aria-label': `Bar chart of the table "${title}"` });
    chart.append(canvas);
    // Drawn once the section is in the page, so the chart knows its size.
    requestAnimationFrame(() => draw(canvas));
  } else if (draw) {
    chart.append(h('p', { class: 'help' }, 'The chart could not be drawn; the table has the figures.'));
  }
  return h('section', { class: 'trend', 'aria-labelledby': `heading-${id}` },
    h('h2', { id: `heading-${id}` }, title),
    h('p', {}, words),
    h('div', { class: wide ? 'trend-body wide' : 'trend-body' }, h('div', { class: 'trend-table' }, table), chart));
}

function seriesTable(id, caption, weeks, series, name) {
  return h('table', { id: `table-${id}` },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week'), series.map(s => h('th', { scope: 'col' }, name(s.key))))),
    h('tbody', {}, weeks.map((week, i) => h('tr', {}, h('th', { scope: 'row' }, week), series.map(s => h('td', {}, String(s.counts[i])))))));
}

function ageTable(ages) {
  return h('table', { id: 'table-open-by-age' },
    h('caption', {}, 'Open findings by age'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Age'), h('th', { scope: 'col' }, 'Open findings'))),
    h('tbody', {}, ages.map(a => h('tr', {}, h('th', { scope: 'row' }, ageWords[a.bucket] ?? a.bucket), h('td', {}, String(a.count))))));
}

function shareTable(rules) {
  return h('table', { id: 'table-dismissed' },
    h('caption', {}, 'Findings dismissed per rule, last 90 days'),
    h('thead', {}, h('tr', {}, ['Rule', 'Findings', 'Dismissed', 'Share dismissed'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rules.map(r => h('tr', { 'data-rule': r.rule },
      h('th', { scope: 'row' }, f.rule(r.rule).title), h('td', {}, String(r.raised)), h('td', {}, String(r.dismissed)), h('td', {}, `${percent(r.share)}%`)))));
}

function stacked(canvas, labels, series, name) {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s, i) => ({ label: name(s.key), data: s.counts, backgroundColor: palette[i % palette.length] })) },
    options: { ...common(), scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

function bars(canvas, labels, values, label, indexAxis, max) {
  const value = indexAxis === 'y' ? 'x' : 'y';
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: palette[0] }] },
    options: { ...common(), indexAxis, plugins: { legend: { display: false } }, scales: { [value]: { beginAtZero: true, max, ticks: { precision: 0 } } } },
  });
}

function common() {
  return { animation: false, responsive: true, maintainAspectRatio: false, color: '#1b1b1b' };
}

/** Chart.js, loaded once; null when it cannot be (the tables still show the figures). */
async function chartLibrary() {
  try {
    await import('./chart.umd.min.js');
    return globalThis.Chart ?? null;
  } catch {
    return null;
  }
}

function percent(share) {
  return Math.round(share * 1000) / 10;
}

/** A local date of the API (yyyy-MM-dd) as words, never shifted by a zone. */
function day(value, year = false) {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', ...(year ? { year: 'numeric' } : {}) })
    .format(new Date(value + 'T00:00:00Z'));
}
