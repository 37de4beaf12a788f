import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Quiz } from './schema.js';

/** The id of the shipped example quiz. */
export const CIVIL_CODE_QUIZ_ID = 'example-civil-code-challenge';

type Q = readonly [id: string, topic: string, source: string, prompt: string, choices: readonly [string, string, string], answer: 'a' | 'b' | 'c', explanation: string];

// EXAMPLE CONTENT for a school session — not legal advice. Each answer rests on the provision
// named beside it (Civil Code of the PRC, in force since 2021-01-01), put in plain words.
const ZH: readonly Q[] = [
  ['neighbour-noise', '相邻关系', '《民法典》第二百九十四条', '楼上邻居经常在深夜大声放音乐，吵得全家睡不好。按照民法典，哪种说法是对的？',
    ['在自己家里，想多大声都可以', '不得违反国家规定排放噪声；可以先友好沟通，不行再找居委会、调解组织或者依法维权', '可以冲到邻居家把音响砸了'], 'b',
    '民法典第二百九十四条规定，不动产权利人不得违反国家规定排放噪声等有害物质。遇到噪声扰邻，先友好沟通；协商不成，可以请居委会、调解组织帮忙，或者依法维权，但不能自己动手损坏别人的东西。'],
  ['neighbour-principle', '相邻关系', '《民法典》第二百八十八条', '处理邻里关系，民法典要求遵循什么原则？',
    ['谁先住进来谁说了算', '有利生产、方便生活、团结互助、公平合理', '谁家房子大听谁的'], 'b',
    '民法典第二百八十八条规定，不动产的相邻权利人应当按照有利生产、方便生活、团结互助、公平合理的原则，正确处理相邻关系。'],
  ['neighbour-throwing', '相邻关系', '《民法典》第一千二百五十四条', '小刚觉得好玩，想从楼上窗户往下扔矿泉水瓶。这样做可以吗？',
    ['可以，瓶子很轻，砸不伤人', '可以，只要楼下没有人', '不可以，法律禁止从建筑物中抛掷物品'], 'c',
    '民法典第一千二百五十四条规定，禁止从建筑物中抛掷物品。高空抛物非常危险，造成他人损害的，要依法承担侵权责任。'],
  ['contract-form', '合同', '《民法典》第四百六十九条', '合同一定要写在纸上、签了字才算数吗？',
    ['是的，没有书面文件就不算合同', '不是，合同可以采用书面形式、口头形式或者其他形式', '只有盖了公章才算'], 'b',
    '民法典第四百六十九条规定，当事人订立合同，可以采用书面形式、口头形式或者其他形式。法律、行政法规规定要用书面形式的，要依照规定；重要的约定最好写下来，以后说得清楚。'],
  ['contract-keep', '合同', '《民法典》第五百零九条、第五百七十七条', '签了合同以后，一方觉得不划算，可以说不干就不干吗？',
    ['可以，随时都能反悔', '不可以，应当按照约定全面履行；不履行的，要承担违约责任', '只要退回一半的钱就行'], 'b',
    '民法典第五百零九条规定，当事人应当按照约定全面履行自己的义务；第五百七十七条规定，不履行合同义务的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。'],
  ['minor-age', '未成年人保护', '《民法典》第十七条', '按照民法典，多少周岁以上的人是成年人？',
    ['十六周岁', '十八周岁', '二十周岁'], 'b',
    '民法典第十七条规定，十八周岁以上的自然人为成年人；不满十八周岁的自然人为未成年人。'],
  ['minor-payment', '未成年人保护', '《民法典》第十九条', '十岁的小明没告诉爸爸妈妈，用家里的手机给游戏充值了五千元。哪种说法是对的？',
    ['钱已经充了，怎样都不能退', '小明是限制民事行为能力人，这么大金额的充值与他的年龄不相适应，需要父母同意或者追认', '小孩子做的任何事都一律无效'], 'b',
    '民法典第十九条规定，八周岁以上的未成年人是限制民事行为能力人，实施民事法律行为由法定代理人代理，或者经法定代理人同意、追认；但可以独立实施纯获利益的，或者与其年龄、智力相适应的民事法律行为。买一支铅笔可以自己做主，大额充值就需要父母同意或者追认。'],
  ['minor-portrait', '未成年人保护', '《民法典》第一千零一十九条', '有同学没有经过小丽同意，把她的照片改成搞笑图片发到网上。这样做对吗？',
    ['没关系，只是开玩笑', '不对，不得丑化他人肖像，未经本人同意也不得制作、使用、公开他人的肖像', '只要不写她的名字就可以'], 'b',
    '民法典第一千零一十九条规定，任何组织或者个人不得以丑化、污损，或者利用信息技术手段伪造等方式侵害他人的肖像权；未经肖像权人同意，不得制作、使用、公开肖像权人的肖像（法律另有规定的除外）。遇到这种事，要告诉老师和家长。'],
];

const EN: readonly Q[] = [
  ['neighbour-noise', 'Neighbours', 'Civil Code, Article 294', 'The neighbours upstairs often play loud music late at night and the whole family cannot sleep. Which is right under the Civil Code?',
    ['At home you may be as loud as you like', 'No one may make noise against state rules; talk it over first, then ask the residents’ committee or a mediator, or go to the law', 'You may go round and smash their speakers'], 'b',
    'Article 294 says that the holder of a property must not give off noise or other harmful things against state rules. Talk it over kindly first; if that fails, the residents’ committee or a mediation body can help, or you can go to the law — but never damage other people’s things yourself.'],
  ['neighbour-principle', 'Neighbours', 'Civil Code, Article 288', 'What principles does the Civil Code set for getting on with neighbours?',
    ['Whoever moved in first decides', 'Helping production, making life easier, mutual help and unity, fairness and reason', 'The one with the bigger flat decides'], 'b',
    'Article 288 says that neighbours shall handle their relations on the principles of helping production, making life easier, unity and mutual help, fairness and reason.'],
  ['neighbour-throwing', 'Neighbours', 'Civil Code, Article 1254', 'Gang thinks it would be fun to throw a water bottle out of an upstairs window. Is that allowed?',
    ['Yes, a bottle is light and cannot hurt anyone', 'Yes, as long as nobody is below', 'No, the law forbids throwing things out of buildings'], 'c',
    'Article 1254 forbids throwing things out of buildings. It is very dangerous, and whoever harms someone that way is liable under the law.'],
  ['contract-form', 'Contracts', 'Civil Code, Article 469', 'Does a contract only count if it is written on paper and signed?',
    ['Yes, without a written document there is no contract', 'No, a contract may be made in writing, by word of mouth or in other forms', 'Only if it carries an official seal'], 'b',
    'Article 469 says a contract may be made in writing, orally or in other forms. Where a law or regulation requires writing, follow it; and it is wise to write important agreements down.'],
  ['contract-keep', 'Contracts', 'Civil Code, Articles 509 and 577', 'After signing a contract, one side feels it is a bad deal. May they simply stop?',
    ['Yes, you can back out at any time', 'No, each side must fully do what it agreed; a side that does not is liable for breach', 'Only if they pay back half the money'], 'b',
    'Article 509 says each party shall fully perform its obligations as agreed; Article 577 says a party that does not shall bear liability for breach, such as continuing to perform, taking remedial measures or paying damages.'],
  ['minor-age', 'Protecting minors', 'Civil Code, Article 17', 'Under the Civil Code, from what age is a person an adult?',
    ['16', '18', '20'], 'b',
    'Article 17 says a natural person aged eighteen or over is an adult; a person under eighteen is a minor.'],
  ['minor-payment', 'Protecting minors', 'Civil Code, Article 19', 'Ming, aged ten, used the family phone to pay 5,000 yuan into a game without telling his parents. Which is right?',
    ['The money is paid, so it can never come back', 'Ming has limited capacity: a payment this large does not suit his age, so it needs his parents’ consent or later approval', 'Nothing a child does ever counts'], 'b',
    'Article 19 says a minor aged eight or over has limited capacity: acts are done through the guardian, or with the guardian’s consent or later approval — but the child may alone do acts that only benefit them or that suit their age and understanding. Buying a pencil is fine; a large payment needs the parents.'],
  ['minor-portrait', 'Protecting minors', 'Civil Code, Article 1019', 'A classmate turned Li’s photo into a joke picture and posted it online without asking her. Is that all right?',
    ['It is fine, it is only a joke', 'No: no one may uglify another’s image, or make, use or publish it without their consent', 'It is fine as long as her name is not written'], 'b',
    'Article 1019 says no one may infringe another’s right of portrait by uglifying or defacing it or faking it with technology, nor make, use or publish a person’s portrait without consent (unless the law provides otherwise). If it happens, tell a teacher and your parents.'],
];

const TITLE = { 'zh-CN': '民法典大闯关（示例题目）', en: 'Civil Code challenge (example questions)' } as const;

/**
 * The shipped EXAMPLE quiz — a "Civil Code challenge" (民法典大闯关) of eight questions on
 * neighbour rights, contracts and protecting minors, in the given language. Marked `example: true`:
 * content for a school session, not legal advice.
 */
export function civilCodeQuiz(locale: Locale = DEFAULT_LOCALE): Quiz {
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new InvalidArgumentError('civilCodeQuiz', 'locale', { 'zh-CN': '必须是 "zh-CN" 或 "en"', en: 'must be "zh-CN" or "en"' }, locale);
  }
  return {
    id: CIVIL_CODE_QUIZ_ID,
    title: TITLE[locale],
    example: true,
    passPercent: 60,
    questions: (locale === 'en' ? EN : ZH).map(([id, topic, source, prompt, choices, answer, explanation]) => ({
      id,
      topic,
      source,
      prompt,
      choices: choices.map((text, i) => ({ id: 'abc'[i]!, text })),
      answer,
      explanation,
    })),
  };
}
