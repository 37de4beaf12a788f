// The portal's own script: switching <html lang> is all it takes — every bihuan widget follows
// the nearest lang attribute and re-renders.
const texts = {
  'zh-CN': {
    kicker: '示例门户 · 所有数据均为示例',
    title: '基层治理闭环工作台',
    langHint: '切换界面语言',
    ratesHeading: '闭环率 — 来源中的数字',
    note: '数字取自《法治日报》报道；比率均为精确计算（四舍五入到两位小数），两个比率之差以“个百分点”表示。',
    toggle: 'English',
  },
  en: {
    kicker: 'Example portal · all data are examples',
    title: 'Closed-loop governance workbench',
    langHint: 'Switch the interface language',
    ratesHeading: 'Loop rates — the figures from the source',
    note: 'Figures from a Legal Daily report; rates are exact (rounded half-up to two decimals), and the difference of two rates is in percentage points.',
    toggle: '中文',
  },
};

const cardLabels = {
  'centre-rate': ['综治中心化解率', 'Centre resolution rate', '化解', 'resolved', '受理', 'Accepted', '件', ''],
  'towns-rate': ['镇街化解率', 'Towns resolution rate', '化解', 'resolved', '上报', 'Reported', '件', ''],
  'task-rate': ['社区警务任务完成率', 'Community-policing task completion', '完成', 'completed', '派发', 'Dispatched', '条', 'orders'],
  'reception-rate': ['企业接待日问题办结率', 'Reception-day issues closed', '办结', 'closed', '收集', 'Collected', '件', 'issues'],
  'certificate-rate': ['回迁安置房下证率', 'Resettlement certificates issued', '下证', 'issued', '办完结印和契证', 'Papers done', '套', 'flats'],
  'policy-rate': ['政策咨询解答率', 'Policy questions answered', '解答', 'answered', '咨询', 'Asked', '件', ''],
  'empty-rate': ['本月新受理纠纷化解率', 'This month’s resolution rate', '化解', 'resolved', '受理', 'Accepted', '件', ''],
};

function apply(lang) {
  document.documentElement.lang = lang;
  const t = texts[lang];
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
  document.getElementById('lang-toggle').textContent = t.toggle;
  const en = lang === 'en';
  for (const [id, l] of Object.entries(cardLabels)) {
    const card = document.getElementById(id);
    if (!card) continue;
    card.label = en ? l[1] : l[0];
    card.numeratorLabel = en ? l[3] : l[2];
    card.denominatorLabel = en ? l[5] : l[4];
    card.unit = en ? l[7] : l[6];
  }
  document.getElementById('towns-rate').previousLabel = en ? 'the centre' : '综治中心';
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  apply(document.documentElement.lang === 'en' ? 'zh-CN' : 'en');
});
