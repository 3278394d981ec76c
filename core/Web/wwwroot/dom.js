// Builds elements from data. Every text from a platform, a person or the API goes in as a text node (never as HTML):
// guest comments are hostile input. There is no innerHTML anywhere in the page's scripts.

/** h('p', {class: 'x'}, 'text', child...) : an element with attributes, event handlers (on* functions) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/**
 * A text with the parts marked: the evidence in <mark>, the rest as text. `quote` marks the evidence between » and «
 * (the finding's quote); `needle`, when given, is marked wherever it occurs in `text` (the item's full text).
 */
export function marked(text, needle) {
  const parts = [];
  if (needle && needle.length > 0) {
    const lower = text.toLocaleLowerCase();
    const find = needle.toLocaleLowerCase();
    let at = 0;
    for (let hit = lower.indexOf(find); hit >= 0; hit = lower.indexOf(find, at)) {
      parts.push(text.slice(at, hit), h('mark', {}, text.slice(hit, hit + needle.length)));
      at = hit + needle.length;
    }
    parts.push(text.slice(at));
    return parts;
  }
  const start = text.indexOf('»');
  const end = text.indexOf('«', start + 1);
  if (start < 0 || end < 0) return [text];
  return [text.slice(0, start), h('mark', {}, text.slice(start + 1, end)), text.slice(end + 1)];
}

/** The evidence the quote marks (between » and «), or null. */
export function markedPart(quote) {
  if (!quote) return null;
  const start = quote.indexOf('»');
  const end = quote.indexOf('«', start + 1);
  return start >= 0 && end > start ? quote.slice(start + 1, end) : null;
}

/** Says something to screen readers through the page's live region. */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  // A new text node after clearing, so that the same message said twice is announced twice.
  setTimeout(() => { region.textContent = text; }, 50);
}

/** A labelled form field (its control gets the id; a help text describes it). */
export function field(id, label, control, help) {
  if (help) control.setAttribute('aria-describedby', id + '-help');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, help ? h('p', { class: 'help', id: id + '-help' }, help) : null);
}

/**
 * A form in a modal <dialog>: focus goes to its first field, Escape or Cancel closes it and focus returns to the button
 * that opened it. `send()` returns a problem to show (the dialog stays open, the problem in its alert) or nothing (done).
 */
export function formDialog({ id, title, opener, fields, submitText, send }) {
  const problem = h('p', { class: 'error', role: 'alert', id: id + '-problem' });
  const submit = h('button', { type: 'submit' }, submitText);
  const form = h('form', { method: 'dialog', novalidate: true, 'aria-describedby': id + '-problem' }, fields, problem,
    h('div', { class: 'buttons' }, submit, h('button', { type: 'button', class: 'secondary', onclick: () => box.close() }, 'Cancel')));
  const box = h('dialog', { id, 'aria-labelledby': id + '-title' }, h('h2', { id: id + '-title' }, title), form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.textContent = '';
    submit.disabled = true;
    try {
      const wrong = await send();
      if (wrong) {
        problem.textContent = wrong;
        problem.scrollIntoView({ block: 'nearest' });
        return;
      }
      box.close();
    } finally {
      submit.disabled = false;
      // Disabling the button took focus away: give it back unless send() put it on the field to fix.
      if (box.open && !form.contains(document.activeElement)) submit.focus();
    }
  });
  box.addEventListener('close', () => {
    box.remove();
    // The list is drawn again after a change: focus goes back to the same button, or to the screen when it is gone.
    (opener?.isConnected ? opener : document.getElementById(opener?.id) ?? document.getElementById('main'))?.focus();
  });
  document.body.append(box);
  box.showModal();
  return box;
}
