// Words and times as the people of the library read them: dates in the library's own time zone, rules by their titles.

let zone = 'UTC';
let vocabulary = null;

export function configure(session) {
  zone = session.timeZone;
  vocabulary = session;
}

const formats = new Map();

function formatter(options) {
  const key = JSON.stringify(options);
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options }));
  return formats.get(key);
}

/** "Oct 15, 2026, 11:04 AM PDT": a time in the library's zone, with the zone's name. */
export function time(value) {
  if (!value) return '';
  return formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) + ' ' + zoneName(value);
}

function zoneName(value) {
  const part = formatter({ timeZoneName: 'short' }).formatToParts(new Date(value)).find(p => p.type === 'timeZoneName');
  return part ? part.value : '';
}

/** The <time> element's datetime: the instant in UTC. */
export function iso(value) {
  return value ? new Date(value).toISOString() : '';
}

export function rule(id) {
  return vocabulary.rules.find(r => r.id === id) ?? { id, title: id, advice: 'Look at the item and tell the coordinator what you did.', family: id.split('.')[0] };
}

export function locationName(id) {
  return vocabulary.locations.find(l => l.id === id)?.name ?? id;
}

const platformNames = { facebook: 'Facebook', instagram: 'Instagram', x: 'X', youtube: 'YouTube', linkedin: 'LinkedIn' };

export function platform(id) {
  return platformNames[id] ?? id;
}

export function capital(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

const familyNames = {
  'link-domain': 'Links', conduct: 'Conduct', pii: 'Personal data', 'personal-gain': 'Personal gain', accessibility: 'Accessibility',
  governance: 'Governance', branding: 'Branding', capture: 'Capture',
};

export function family(id) {
  return familyNames[id] ?? capital(id);
}

export const reasons = { 'false-positive': 'False positive', 'allowed-by-policy': 'Allowed by the policy', duplicate: 'Duplicate of another finding' };
