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
