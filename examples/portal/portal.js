// The portal's own script, shared by every page. Switching <html lang> is all the widgets need:
// each follows the nearest lang attribute and re-renders. The portal's own texts switch through
// data attributes — `data-en="…"` for text, `data-en-attr-NAME="…"` for an attribute — so that
// every page carries its English beside its Chinese.
const KEY = 'bihuan-portal-lang';

/** The portal's pages, in navigation order. Each area adds its page here. */
const PAGES = [
  { href: 'index.html', zh: '闭环率', en: 'Loop rates' },
  { href: 'disputes.html', zh: '矛盾纠纷', en: 'Disputes' },
  { href: 'services.html', zh: '服务与普法', en: 'Services' },
  { href: 'community.html', zh: '平安建设', en: 'Community safety' },
  { href: 'tasks.html', zh: '社区警务任务', en: 'Policing tasks' },
  { href: 'evaluation.html', zh: '述法评议', en: 'Law-report evaluation' },
];

function buildNavigation() {
  const list = document.querySelector('#portal-nav ul');
  if (!list) return;
  const here = location.pathname.split('/').pop() || 'index.html';
  for (const page of PAGES) {
    const link = document.createElement('a');
    link.href = `./${page.href}`;
    link.textContent = page.zh;
    link.dataset.en = page.en;
    if (page.href === here) link.setAttribute('aria-current', 'page');
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
}
buildNavigation();

function swap(el, lang) {
  if (el.dataset.en !== undefined) {
    if (el.dataset.zh === undefined) el.dataset.zh = el.textContent;
    el.textContent = lang === 'en' ? el.dataset.en : el.dataset.zh;
  }
  for (const { name, value } of [...el.attributes]) {
    if (!name.startsWith('data-en-attr-')) continue;
    const attr = name.slice('data-en-attr-'.length);
    const stash = `data-zh-attr-${attr}`;
    if (!el.hasAttribute(stash)) el.setAttribute(stash, el.getAttribute(attr) ?? '');
    el.setAttribute(attr, lang === 'en' ? value : el.getAttribute(stash));
  }
}

export function applyLanguage(lang) {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-en]')) swap(el, lang);
  for (const el of document.querySelectorAll('*')) {
    if ([...el.attributes].some((a) => a.name.startsWith('data-en-attr-'))) swap(el, lang);
  }
  const toggle = document.getElementById('lang-toggle');
  if (toggle) toggle.textContent = lang === 'en' ? '中文' : 'English';
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

let saved = null;
try {
  saved = localStorage.getItem(KEY);
} catch {
  saved = null;
}
if (saved === 'en') applyLanguage('en');

document.getElementById('lang-toggle')?.addEventListener('click', () => {
  applyLanguage(document.documentElement.lang === 'en' ? 'zh-CN' : 'en');
});

const LOADING = { zh: '正在准备示例数据……', en: 'Preparing the example data…' };

/**
 * Puts a page's example data in place (on a first visit) before its widgets read them. The widgets
 * step out of the page meanwhile and a status line says so; they come back when every seed is
 * done and read the finished data once — never figures from half-loaded data, and no reload per
 * write. Each seed checks for itself whether its data are there already (a later visit). Failures
 * are reported on the console; the widgets come back either way and show what the store holds.
 * `loading` (`{ zh, en }`) says what the page waits for, when it is not example data.
 */
export async function seedThen(widgets, seeds, loading = LOADING) {
  const en = document.documentElement.lang === 'en';
  const waiting = widgets.map((el) => {
    const note = document.createElement('p');
    note.className = 'portal-loading';
    note.setAttribute('role', 'status');
    note.dataset.en = loading.en;
    note.dataset.zh = loading.zh;
    note.textContent = en ? loading.en : loading.zh;
    el.replaceWith(note);
    return [el, note];
  });
  const results = await Promise.allSettled(seeds.map((seed) => seed()));
  for (const r of results) if (r.status === 'rejected') console.warn('bihuan portal: example data not loaded', r.reason);
  for (const [el, note] of waiting) note.replaceWith(el);
}
