// How the portal's pages reach bihuan's server: the portal's own sign-in hands `createSyncedStore`
// its token (`getToken`), and a page gets a synced store when a user is signed in — otherwise a
// store in this browser only — and a line on the page says which.
//
// The sign-in here is the example's DEVELOPMENT-ONLY one (`/dev/`): it keeps this window's session
// in sessionStorage (`bihuan-dev-token`), so two windows can be two people. A real portal's
// `getToken` asks its own backend instead (see the README, "The example portal").
import { createIndexedDbStore, defineStore } from '/widgets/cdn/kit/core/store.js';
import { defaultStore } from '/widgets/cdn/kit/default-store.js';

/** Where `npm start` mounts @bihuan/server (same origin: the CSP's `connect-src 'self'` suffices). */
export const API = '/api';
const SESSION_KEY = 'bihuan-dev-token';

function storedSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    return s && typeof s.token === 'string' && s.claims && typeof s.claims.sub === 'string' ? s : null;
  } catch {
    return null; // storage refused (private mode) or damaged: not signed in
  }
}

/** The signed-in user of this window (the token's claims), or null. */
export function signedInUser() {
  return storedSession()?.claims ?? null;
}

let handedOut;
/**
 * The portal's sign-in wired to `createSyncedStore`: the token of this window's session. The sync
 * calls it once at start and once more after the server refused a token (401): then, or when the
 * token is about to expire, the portal's sign-in issues a fresh one for the same user.
 */
export async function getToken() {
  const session = storedSession();
  if (!session) throw new Error('not signed in');
  const fresh = Date.parse(session.expiresAt) - Date.now() > 60_000;
  if (fresh && session.token !== handedOut) return (handedOut = session.token);
  const response = await fetch('/dev/api/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: session.claims.sub }),
  });
  if (!response.ok) throw new Error('the sign-in did not renew the token');
  const next = await response.json();
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: next.token, expiresAt: next.expiresAt, claims: next.claims }));
  return (handedOut = next.token);
}

const SAY = {
  synced: (u) => ({
    'zh-CN': `已登录为 ${u.name}（${u.unit ?? u.roles.join('、')}）：数据与门户服务器同步，操作以本人身份记录。`,
    en: `Signed in as ${u.name} (${u.unit ?? u.roles.join(', ')}): data are kept in step with the portal's server, and every action is recorded as yours.`,
  }),
  local: {
    'zh-CN': '未登录：本页数据只保存在本浏览器中，不与服务器同步。门户服务器运行时（npm start），请先在“开发登录”页以示例用户登录。',
    en: 'Not signed in: this page keeps its data in this browser only, not on a server. With the portal’s server running (npm start), sign in as a sample user on the development sign-in page first.',
  },
  failed: {
    'zh-CN': '无法打开同步存储（例如浏览器禁用了 IndexedDB）：本页数据只保存在本浏览器中。',
    en: 'The synced store could not be opened (IndexedDB turned off, say): this page keeps its data in this browser only.',
  },
};

/**
 * Says on the page how its data are kept: `#portal-connection` (a status line in the page's
 * markup) gets the sentence in both languages, and a link to the sign-in when it helps.
 */
function tell(mode, user) {
  const line = document.getElementById('portal-connection');
  if (!line) return;
  const words = mode === 'synced' ? SAY.synced(user) : SAY[mode];
  const text = document.createElement('span');
  text.dataset.zh = words['zh-CN'];
  text.dataset.en = words.en;
  text.textContent = document.documentElement.lang === 'en' ? words.en : words['zh-CN'];
  line.replaceChildren(text);
  if (mode !== 'failed') {
    const link = document.createElement('a');
    link.href = '/dev/';
    link.dataset.zh = mode === 'synced' ? '切换用户' : '开发登录';
    link.dataset.en = mode === 'synced' ? 'Switch user' : 'Development sign-in';
    link.textContent = document.documentElement.lang === 'en' ? link.dataset.en : link.dataset.zh;
    line.append(' ', link);
  }
  line.dataset.mode = mode;
}

/**
 * The store a page's loop widgets share. Signed in: a synced store against the portal's server
 * (the local cache is one IndexedDB database per user, so two people on one computer never read
 * each other's cache); when the server cannot be reached it works offline and catches up later.
 * Not signed in (or no server at all, as in a static build, where no one can sign in): the
 * widgets' default store in this browser. Answers `{ store, mode: 'synced' | 'failed' | 'local', user }`.
 */
export async function connectStore(spec, { collections, attachments } = {}) {
  const user = signedInUser();
  if (user) {
    try {
      const local = await createIndexedDbStore(defineStore({ ...spec, name: `${spec.name}@${user.sub}` }));
      // The sync engine is loaded only for a signed-in user: a visit without sign-in never runs it.
      const { createSyncedStore } = await import('/widgets/cdn/kit/core/sync.js');
      // `attachments`: the user's own store of files, which the synced store sends to the server
      // (a settlement there needs its signed scan as much as here).
      const store = await createSyncedStore({ url: API, getToken, local, ...(collections ? { collections } : {}), ...(attachments ? { attachments } : {}) });
      tell('synced', user);
      return { store, mode: 'synced', user };
    } catch (error) {
      console.warn('bihuan portal: the synced store did not open', error);
    }
  }
  const mode = user ? 'failed' : 'local';
  tell(mode);
  return { store: await defaultStore(spec), mode, user: null };
}

/**
 * Resolves once a synced store has finished its first sync (or given up with an error): the
 * widgets then read whole data, never the cache half caught up. A local store resolves at once.
 */
export function firstSync(store) {
  if (!store.sync) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (s) => s.lastSyncAt !== undefined || s.error !== undefined;
    if (done(store.sync.state())) return resolve();
    const stop = store.sync.subscribe((s) => {
      if (!done(s)) return;
      stop();
      resolve();
    });
  });
}

/**
 * What a page's status line says while its widgets wait: data from the server when someone is
 * signed in (`what`: `{ zh, en }`, the page's data), else the example data being put in place.
 */
export function loadingWords(what) {
  return signedInUser()
    ? { zh: `正在从门户服务器读取${what.zh}……`, en: `Reading ${what.en} from the portal’s server…` }
    : { zh: '正在准备示例数据……', en: 'Preparing the example data…' };
}

/**
 * A store kept in this browser only (attachments' files, supervision orders: nothing the server
 * keeps), but the signed-in user's own (`<name>@<user id>`, which sign-out deletes with the rest of
 * the user's cache); not signed in, the widgets' default store.
 */
export async function personalStore(spec) {
  const user = signedInUser();
  if (!user) return defaultStore(spec);
  try {
    return await createIndexedDbStore(defineStore({ ...spec, name: `${spec.name}@${user.sub}` }));
  } catch (error) {
    console.warn('bihuan portal: the user’s own store did not open', error);
    return defaultStore(spec);
  }
}
