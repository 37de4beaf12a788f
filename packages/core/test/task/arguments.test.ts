// Every public function of the task loop refuses bad input with a typed error naming the argument.
import { describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  TaskDataError,
  columnsFromOrders,
  createMemoryStore,
  dispatchMonth,
  dispatchMonthToStore,
  dispatchOnEvent,
  findTemplate,
  laggards,
  loadCatalog,
  loadRoster,
  orderColumns,
  reassignOnLeave,
  reminders,
  rollups,
  taskDue,
  taskStoreSpec,
  urgeOrders,
  validateFeedback,
} from '@bihuan/core';
import { exampleTaskOrders } from '@bihuan/core/examples';
import { catalog, cityRoster } from './fixtures.js';

const AT = '2025-10-01T08:00:00+08:00';
const base = () => ({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT });

const cases: [string, () => unknown, string][] = [
  ['dispatchMonth input', () => dispatchMonth(null as never), 'input'],
  ['dispatchMonth catalog', () => dispatchMonth({ ...base(), catalog: { id: 'x' } as never }), 'input.catalog.version'],
  ['dispatchMonth roster', () => dispatchMonth({ ...base(), roster: {} as never }), 'input.roster.id'],
  ['dispatchMonth month', () => dispatchMonth({ ...base(), month: '2025-1' }), 'input.month'],
  ['dispatchMonth at', () => dispatchMonth({ ...base(), at: '2025-10-01 08:00' }), 'input.at'],
  ['dispatchMonth actor', () => dispatchMonth({ ...base(), actor: { id: 'x', role: 'officer' } }), 'actor'],
  ['dispatchMonth existing', () => dispatchMonth({ ...base(), existing: ['a'] as never }), 'input.existing'],
  ['dispatchOnEvent officer', () => dispatchOnEvent({ ...base(), template: 'event', officer: 'nobody', event: 'e1' }), 'input.officer'],
  ['dispatchOnEvent event', () => dispatchOnEvent({ ...base(), template: 'event', officer: 'wang', event: 'a b' }), 'input.event'],
  ['reassignOnLeave to', () => reassignOnLeave({ orders: [], roster: cityRoster(), from: 'wang', to: 'nobody', reason: 'x', at: AT }), 'input.to'],
  ['reassignOnLeave from', () => reassignOnLeave({ orders: [], roster: cityRoster(), from: 'li', to: 'li', reason: 'x', at: AT }), 'input.from'],
  ['reassignOnLeave reason', () => reassignOnLeave({ orders: [], roster: cityRoster(), from: 'wang', to: 'li', reason: ' ', at: AT }), 'input.reason'],
  ['reassignOnLeave orders', () => reassignOnLeave({ orders: null as never, roster: cityRoster(), from: 'wang', to: 'li', reason: 'x', at: AT }), 'input.orders'],
  ['taskDue rule', () => taskDue(null as never, { month: '2025-10' }), 'rule'],
  ['validateFeedback template', () => validateFeedback(null as never, {}), 'template'],
  ['findTemplate catalog', () => findTemplate({} as never, 'x'), 'catalog.id'],
  ['columnsFromOrders orders', () => columnsFromOrders('x' as never), 'orders'],
  ['orderColumns input', () => orderColumns(null as never), 'input'],
  ['rollups groupings', () => rollups(columnsFromOrders([]), [], { asOf: 0 }), 'groupings'],
  ['rollups options', () => rollups(columnsFromOrders([]), [['city']], null as never), 'options'],
  ['laggards rows', () => laggards(null as never), 'rows'],
  ['laggards limit', () => laggards([], { limit: 1.5 }), 'options.limit'],
  ['reminders policy', () => reminders([], 0, {} as never), 'policy'],
  ['exampleTaskOrders now', () => exampleTaskOrders({ roster: cityRoster(), month: '2025-10', now: 'later' }), 'input.now'],
];

describe('bad arguments are refused with InvalidArgumentError naming them', () => {
  test.each(cases)('%s', (_name, call, argument) => {
    try {
      call();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as InvalidArgumentError).text('zh-CN')).toContain(`参数 ${argument}`);
    }
  });

  test('loading data refuses with TaskDataError listing paths', () => {
    expect(() => loadCatalog({})).toThrow(TaskDataError);
    expect(() => loadRoster('[]')).toThrow(TaskDataError);
  });

  test('store helpers', async () => {
    await expect(dispatchMonthToStore({} as never, base())).rejects.toMatchObject({ argument: 'store' });
    await expect(dispatchMonthToStore(createMemoryStore(taskStoreSpec), { ...base(), month: 'x' })).rejects.toMatchObject({ argument: 'input.month' });
    await expect(urgeOrders(createMemoryStore(taskStoreSpec), { orders: [1] as never, instruction: 'x', actor: { id: 's', role: 'supervisor' }, at: AT })).rejects.toMatchObject({ argument: 'input.orders' });
    await expect(urgeOrders(createMemoryStore(taskStoreSpec), { orders: ['none'], instruction: 'x', actor: { id: 's', role: 'supervisor' }, at: AT })).resolves.toEqual({ urged: [], refused: [{ id: 'none', reason: 'not_found' }] });
  });
});
