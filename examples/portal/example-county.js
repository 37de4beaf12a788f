// The example county's police roster, shared by the portal's server (examples/server/seed-loops.mjs
// dispatches the month's task orders to it) and the tasks page (which keeps the roster beside the
// orders it pulls): AN EXAMPLE, NOT REAL PEOPLE. Ids are the task loop's (letters, digits, - only);
// each station is its town's, and `STATION_TOWN` names the town an order belongs to on the server.
export const TASK_ROSTER = {
  id: 'example-county',
  city: { id: 'example-city', name: { 'zh-CN': '示例市', en: 'Example City' } },
  counties: [{ id: 'east', name: { 'zh-CN': '东区', en: 'East district' } }],
  stations: [
    { id: 'town-a', county: 'east', name: { 'zh-CN': '甲镇派出所', en: 'Town A station' } },
    { id: 'town-b', county: 'east', name: { 'zh-CN': '乙镇派出所', en: 'Town B station' } },
  ],
  officers: [
    { id: 'officer-a', name: '孙警官', station: 'town-a', community: '幸福社区', communityType: 'urban' },
    { id: 'officer-b', name: '周警官', station: 'town-b', community: '和平社区', communityType: 'urban' },
  ],
};

/** The town (as the server's scopes name it) of each station of the roster. */
export const STATION_TOWN = { 'town-a': '甲镇', 'town-b': '乙镇' };
