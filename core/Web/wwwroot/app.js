// The page's entry: who is signed in, then the screen the address names (/findings, /findings/{id}, /approvals, /health, /trends, /records).
import * as api from './api.js';
import { configure } from './format.js';
import { h, replace } from './dom.js';
import { showFindings } from './findings.js';
import { showFinding } from './finding.js';
import { showApprovals } from './approvals.js';
import { showHealth } from './health.js';
import { showTrends } from './trends.js';
import { showRecords } from './records.js';

const main = document.getElementById('main');

async function start() {
  let session;
  try {
    session = await api.session();
  } catch (error) {
    replace(main, h('h1', {}, 'SocialMonitor'), h('p', { class: 'error', role: 'alert' }, error.message));
    return;
  }
  configure(session);
  document.getElementById('who').textContent = `${session.name} (${session.role === 'Coordinator' ? 'coordinator' : 'manager'})`;
  const signOut = document.getElementById('signout');
  signOut.hidden = false;
  signOut.addEventListener('click', async () => {
    if (session.signOut.startsWith('/.auth/')) {
      window.location.assign(session.signOut);
      return;
    }
    await api.signOut(session.signOut);
    window.location.assign('/signin');
  });

  document.getElementById('nav-records').hidden = session.role !== 'Coordinator';
  const path = window.location.pathname;
  document.querySelector(`nav a[href="${path.startsWith('/findings') ? '/findings' : path}"]`)?.setAttribute('aria-current', 'page');
  if (path === '/findings') {
    await showFindings(main, session, new URLSearchParams(window.location.search));
  } else if (path.startsWith('/findings/')) {
    await showFinding(main, session, decodeURIComponent(path.slice('/findings/'.length)));
  } else if (path === '/approvals') {
    await showApprovals(main, session, new URLSearchParams(window.location.search));
  } else if (path === '/health') {
    await showHealth(main, session);
  } else if (path === '/trends') {
    await showTrends(main, session, new URLSearchParams(window.location.search));
  } else if (path === '/records') {
    await showRecords(main, session);
  }
}

start();
