import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  loading: '正在读取…',
  example: '示例题目：仅供普法教育使用，不构成法律意见。',
  className: '班级',
  classHint: '例如：四年级（2）班',
  start: '开始闯关',
  progress: (n: number, total: number) => `第 ${n} 题，共 ${total} 题`,
  check: '确认答案',
  next: '下一题',
  finish: '查看成绩',
  chooseFirst: '请先选择一个答案。',
  right: '答对了！',
  wrong: (answer: string) => `答错了。正确答案是：${answer}。`,
  source: (s: string) => `依据：${s}`,
  score: (correct: number, total: number, percent: string) => `答对 ${correct} 题，共 ${total} 题（${percent}）`,
  passed: '闯关成功！',
  notPassed: '再接再厉，再试一次吧！',
  again: '再来一次',
  resultsCaption: '各班成绩',
  noResults: '还没有同学参加。',
  columns: { className: '班级', attempts: '参加人次', passed: '闯关成功', passRate: '成功率', perfect: '全部答对', accuracy: '答题正确率' },
  letters: 'ABCDEF',
};

export type LawQuizMessages = typeof zhCN;

const en: LawQuizMessages = {
  loading: 'Loading…',
  example: 'Example questions for legal education only — not legal advice.',
  className: 'Class',
  classHint: 'For example: Year 4, class 2',
  start: 'Start the challenge',
  progress: (n, total) => `Question ${n} of ${total}`,
  check: 'Check my answer',
  next: 'Next question',
  finish: 'See my score',
  chooseFirst: 'Please choose an answer first.',
  right: 'Right!',
  wrong: (answer) => `Not quite. The right answer is: ${answer}.`,
  source: (s) => `Based on: ${s}`,
  score: (correct, total, percent) => `${correct} of ${total} right (${percent})`,
  passed: 'Challenge passed!',
  notPassed: 'Keep going — try again!',
  again: 'Try again',
  resultsCaption: 'Results by class',
  noResults: 'No one has taken part yet.',
  columns: { className: 'Class', attempts: 'Attempts', passed: 'Passed', passRate: 'Pass rate', perfect: 'All right', accuracy: 'Answers right' },
  letters: 'ABCDEF',
};

export const lawQuizMessages: Record<Locale, LawQuizMessages> = { 'zh-CN': zhCN, en };
