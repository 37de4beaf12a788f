// DEVELOPMENT ONLY: signs this window in as a sample user of the example county and shows the
// token and what it carries. The token is kept in this window's sessionStorage only (key
// `bihuan-dev-token`), so a second window can be a second person. Portal pages read it from there.
const KEY = 'bihuan-dev-token';
const en = () => document.documentElement.lang === 'en';
const say = (el, texts) => { el.textContent = en() ? texts.en : texts['zh-CN']; };
const $ = (id) => document.getElementById(id);

async function call(path, init) {
  const response = await fetch(`/dev/api/${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(body?.error?.message?.en ?? `HTTP ${response.status}`), { texts: body?.error?.message });
  return body;
}

function showSession() {
  const dl = $('session');
  dl.replaceChildren();
  let session = null;
  try {
    session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    session = null;
  }
  $('token').value = session?.token ?? '';
  const rows = session
    ? [
        [{ 'zh-CN': '用户', en: 'User' }, `${session.claims.name} (${session.claims.sub})`],
        [{ 'zh-CN': '角色', en: 'Roles' }, session.claims.roles.join(', ')],
        [{ 'zh-CN': '单位', en: 'Unit' }, session.claims.unit ?? '—'],
        [{ 'zh-CN': '辖区', en: 'Scope' }, Object.values(session.claims.scope).join(' / ')],
        [{ 'zh-CN': '有效至', en: 'Expires' }, new Date(session.expiresAt).toLocaleString(en() ? 'en' : 'zh-CN')],
      ]
    : [[{ 'zh-CN': '状态', en: 'Status' }, en() ? 'not signed in' : '未登录']];
  for (const [label, value] of rows) {
    const dt = document.createElement('dt');
    say(dt, label);
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
}

async function signIn(user) {
  try {
    const session = await call('token', { method: 'POST', body: JSON.stringify({ user: user.id }) });
    sessionStorage.setItem(KEY, JSON.stringify({ token: session.token, expiresAt: session.expiresAt, claims: session.claims }));
    say($('status'), { 'zh-CN': `已登录为 ${user.label['zh-CN']}`, en: `Signed in as ${user.label.en}` });
  } catch (error) {
    say($('status'), error.texts ?? { 'zh-CN': '登录失败', en: 'sign-in failed' });
  }
  showSession();
}

async function start() {
  try {
    const { users, warning } = await call('users');
    say($('warning'), warning);
    const list = $('users');
    for (const user of users) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'portal-button';
      button.dataset.user = user.id;
      say(button, { 'zh-CN': `${user.name} · ${user.label['zh-CN']}`, en: `${user.name} · ${user.label.en}` });
      button.addEventListener('click', () => signIn(user));
      item.append(button);
      list.append(item);
    }
  } catch {
    say($('warning'), { 'zh-CN': '开发登录服务未运行（请用 npm start 启动）', en: 'The development sign-in is not running (start it with npm start)' });
  }
  showSession();
}

/**
 * Sign-out on a shared computer: the portal's pages cache each user's records in IndexedDB
 * databases of their own (`<store>@<user id>`, its outbox `<store>@<user id>:sync` and its files `…:blobs`, see
 * portal/connect.js); they go with the session. (A page holding a synced store would call
 * `store.clear()`; this page holds none, so it deletes the databases, once other tabs let go.)
 */
async function forgetCache(sub) {
  const all = (await indexedDB.databases?.().catch(() => [])) ?? [];
  const owner = (name) => name.slice(name.indexOf('@') + 1).replace(/:(sync|blobs)$/, '');
  const mine = all.map((d) => d.name).filter((n) => n?.includes('@') && owner(n) === sub);
  await Promise.all(
    mine.map((name) => new Promise((done) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => done();
    })),
  );
  return mine.length;
}

$('sign-out').addEventListener('click', async () => {
  let sub;
  try {
    sub = JSON.parse(sessionStorage.getItem(KEY) ?? 'null')?.claims?.sub;
  } catch {
    sub = undefined;
  }
  sessionStorage.removeItem(KEY);
  const forgotten = sub ? await forgetCache(sub) : 0;
  say($('status'), { 'zh-CN': `已退出登录，本机缓存已清除（${forgotten} 个数据库）`, en: `Signed out; this computer's cache cleared (${forgotten} database${forgotten === 1 ? '' : 's'})` });
  showSession();
});
start();
