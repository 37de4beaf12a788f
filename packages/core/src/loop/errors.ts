import { BihuanError, clip, describe } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';

/** A loop definition breaks a structural rule (unknown state, final state left without a reopen rule …). */
export class LoopDefinitionError extends BihuanError {
  readonly loopId: string;
  constructor(loopId: string, texts: Localized) {
    super('loop_definition_invalid', {
      'zh-CN': `闭环定义 ${loopId} 有误：${texts['zh-CN']}`,
      en: `loop definition ${loopId} is invalid: ${texts.en}`,
    });
    this.name = 'LoopDefinitionError';
    this.loopId = loopId;
  }
}

/**
 * What was passed as an event is not an event at all (a programming error, unlike a refusal).
 * `field` names the part that is wrong: `event`, `type`, `actor.id`, `at`, `attachments` …
 */
export class MalformedEventError extends BihuanError {
  readonly field: string;
  readonly received: unknown;
  constructor(fn: string, field: string, rule: Localized, received: unknown) {
    super('malformed_event', {
      'zh-CN': `${fn}：事件的 ${field} ${rule['zh-CN']}`,
      en: `${fn}: the event's ${field} ${rule.en}`,
    });
    this.name = 'MalformedEventError';
    this.field = field;
    this.received = received;
  }
}

/** A snapshot was given to a definition it does not belong to (another loop or version). */
export class LoopMismatchError extends BihuanError {
  constructor(fn: string, expected: { id: string; version: number }, received: unknown) {
    const got = describeLoop(received);
    super('loop_mismatch', {
      'zh-CN': `${fn}：快照属于 ${got}，不属于 ${expected.id} v${expected.version}`,
      en: `${fn}: the snapshot belongs to ${got}, not to ${expected.id} v${expected.version}`,
    });
    this.name = 'LoopMismatchError';
  }
}

function describeLoop(loop: unknown): string {
  if (loop && typeof loop === 'object') {
    const { id, version } = loop as { id?: unknown; version?: unknown };
    // `describe`, not `String`: an id may be any value, even an object without a prototype.
    return `${typeof id === 'string' ? clip(id, 60) : describe(id)} v${describe(version)}`;
  }
  return describe(loop);
}

export type SnapshotLoadErrorCode = 'snapshot_not_json' | 'snapshot_invalid' | 'snapshot_wrong_loop' | 'snapshot_version_unsupported' | 'snapshot_history_mismatch';

/** `loadSnapshot` refused its input; nothing of it was read. `issues` lists what failed validation. */
export class SnapshotLoadError extends BihuanError {
  readonly issues: readonly string[];
  /** `issues` in English (also on `issues`, for programs); `zhIssues` the same in Chinese, when they differ. */
  constructor(code: SnapshotLoadErrorCode, texts: Localized, issues: readonly string[] = [], zhIssues: readonly string[] = issues) {
    const detail = (list: readonly string[], zh: boolean) => (list.length ? (zh ? `（${list.slice(0, 5).join('；')}${list.length > 5 ? ' …' : ''}）` : ` (${list.slice(0, 5).join('; ')}${list.length > 5 ? ' …' : ''})`) : '');
    super(code, { 'zh-CN': texts['zh-CN'] + detail(zhIssues, true), en: texts.en + detail(issues, false) });
    this.name = 'SnapshotLoadError';
    this.issues = issues;
  }
}

/** A history does not replay: an entry is refused or lands elsewhere than it says. */
export class ReplayError extends BihuanError {
  readonly seq: number;
  constructor(seq: number, texts: Localized) {
    super('replay_failed', {
      'zh-CN': `历史第 ${seq} 条无法重放：${texts['zh-CN']}`,
      en: `history entry ${seq} does not replay: ${texts.en}`,
    });
    this.name = 'ReplayError';
    this.seq = seq;
  }
}
