// Example lists for a community police station: for stories, the example portal and tests.
import { type Localized, L } from '../i18n/locale.js';
import { loadDutyList, loadNegativeList } from './three-lists.js';
import type { DutyList, NegativeList } from './schema.js';

/**
 * An EXAMPLE negative list for a community police station (illustrative, not any city's rules):
 * matters a station must not take on, and where they go. Kinds include the dispute categories of
 * the dispute loop (`labour`, `landAndHousing`, `consumer` …) so that the dispute intake can check.
 */
export function exampleNegativeList(unit = 'example-station'): NegativeList {
  return loadNegativeList({
    unit,
    version: 1,
    example: true,
    rules: [
      { id: 'economic-disputes', kinds: ['economicDispute', 'debt', 'contract'], title: L('不得插手经济纠纷', 'No intervention in economic disputes'), basis: L('公安机关不得违法插手经济纠纷的规定', 'police must not intervene in economic disputes'), referTo: L('人民法院或仲裁机构', 'a court or an arbitration body') },
      { id: 'labour-disputes', kinds: ['labour'], title: L('劳动争议不由派出所处理', 'Labour disputes are not the station’s'), basis: L('劳动争议调解仲裁法', 'Labour Dispute Mediation and Arbitration Law'), referTo: L('劳动人事争议仲裁委员会', 'the labour dispute arbitration committee') },
      { id: 'land-contracts', kinds: ['landAndHousing'], minAmount: 0, title: L('土地承包及房屋权属纠纷不由派出所处理', 'Land-contract and property-title disputes are not the station’s'), basis: L('农村土地承包经营纠纷调解仲裁法', 'Rural Land Contract Dispute Mediation and Arbitration Law'), referTo: L('乡镇人民政府或农村土地承包仲裁委员会', 'the township government or the land-contract arbitration committee') },
      { id: 'consumer-large', kinds: ['consumer'], minAmount: 50_000, title: L('大额消费纠纷不由派出所调处', 'Large consumer disputes are not the station’s'), basis: L('消费者权益保护法', 'Consumer Rights Protection Law'), referTo: L('市场监管部门或人民法院', 'market regulation or a court') },
      { id: 'serious-crimes', kinds: ['homicide', 'organizedCrime', 'drugTrafficking', 'economicCrime'], title: L('重大刑事案件由专业警种侦办', 'Serious crimes go to specialist units'), basis: L('刑事案件管辖分工规定', 'the division of criminal-case jurisdiction'), referTo: L('县级公安机关刑侦、经侦或禁毒部门', 'the county criminal, economic-crime or narcotics unit') },
      { id: 'medical-disputes', kinds: ['medical'], title: L('医疗纠纷不由派出所调处', 'Medical disputes are not the station’s'), basis: L('医疗纠纷预防和处理条例', 'Regulations on Medical Disputes'), referTo: L('医疗纠纷人民调解委员会或卫生健康部门', 'the medical-dispute mediation committee or the health authority') },
    ],
  });
}

/** An EXAMPLE duty list for a community police station, prevention first (illustrative). */
export function exampleDutyList(unit = 'example-station'): DutyList {
  return loadDutyList({
    unit,
    version: 1,
    duties: [
      { id: 'prevention', kind: 'prevention', title: L('以防为主：社区治安防范', 'Prevention first: community crime prevention') },
      { id: 'community-policing', kind: 'prevention', title: L('落实社区警务任务清单', 'Carry out the community-policing task list') },
      { id: 'basic-control', kind: 'control', title: L('实有人口、房屋、单位基础管控', 'Basic control of residents, housing and organisations') },
      { id: 'disputes', kind: 'service', title: L('矛盾纠纷排查与就地化解', 'Screen and settle disputes locally') },
      { id: 'service', kind: 'service', title: L('便民服务与群众求助', 'Services and help for residents') },
      { id: 'minor-cases', kind: 'caseHandling', title: L('办理辖区治安案件和轻微刑事案件', 'Handle public-order cases and minor crimes in the area') },
    ],
  });
}
