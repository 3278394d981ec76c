// The API, called with the browser's session (an HttpOnly cookie the script never sees). Changes carry the
// anti-forgery token of GET /api/session, kept in this module's memory only: never in the page, a URL or storage.

let antiForgery = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `The request failed (HTTP ${status}).`);
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, { body, headers } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && antiForgery) init.headers['X-Anti-Forgery'] = antiForgery;
  const response = await fetch(path, init);
  if (response.status === 401) {
    // The session ended: sign in again and come back here.
    window.location.assign('/signin?next=' + encodeURIComponent(window.location.pathname + window.location.search));
    throw new ApiError(401, { detail: 'Your session ended: signing in again.' });
  }
  return response;
}

async function json(response) {
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export async function session() {
  const data = await json(await call('GET', '/api/session'));
  antiForgery = data.antiForgery;
  return data;
}

export async function get(path) {
  return json(await call('GET', path));
}

/** GET with the answer's ETag: { data, etag }. */
export async function getWithETag(path) {
  const response = await call('GET', path);
  const data = await json(response);
  return { data, etag: response.headers.get('ETag') };
}

export async function post(path, body, headers) {
  const response = await call('POST', path, { body, headers });
  if (response.status === 204) return { data: null, etag: null };
  const data = await json(response);
  return { data, etag: response.headers.get('ETag') };
}

/** DELETE (a revocation), with its headers (If-Match): { data, etag }. */
export async function del(path, headers) {
  const response = await call('DELETE', path, { headers });
  const data = await json(response);
  return { data, etag: response.headers.get('ETag') };
}

/** GET of a file to read as it streams (the records export): the response once its headers are in; a problem is thrown. */
export async function stream(path) {
  const response = await call('GET', path, { headers: { Accept: 'application/zip, application/problem+json' } });
  if (!response.ok) await json(response);
  return response;
}

/** Every page of a CSV list, joined under one header line. */
export async function csv(path) {
  let text = '';
  let token = null;
  do {
    const url = path + (token ? '&continuationToken=' + encodeURIComponent(token) : '');
    const response = await call('GET', url, { headers: { Accept: 'text/csv' } });
    if (!response.ok) await json(response);
    const page = await response.text();
    text += text === '' ? page : page.slice(page.indexOf('\n') + 1);
    token = response.headers.get('X-Continuation-Token');
  } while (token);
  return text;
}

export async function signOut(path) {
  await call('POST', path);
}
