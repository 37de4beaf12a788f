import type { Localized } from '@bihuan/core/schema';

/** The server's answer to a request it refuses: an HTTP status, a code and a reason in both languages. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly texts: Localized;
  readonly path?: string;
  constructor(status: number, code: string, texts: Localized, path?: string) {
    super(texts.en);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.texts = texts;
    if (path !== undefined) this.path = path;
  }
  /** The JSON body: `{ error: { code, message: { 'zh-CN', en }, path? } }`. */
  body(): { error: ErrorBody } {
    return { error: errorBody(this.code, this.texts, this.path) };
  }
}

export interface ErrorBody {
  readonly code: string;
  readonly message: Localized;
  readonly path?: string;
}

export function errorBody(code: string, message: Localized, path?: string): ErrorBody {
  return path === undefined ? { code, message } : { code, message, path };
}

/** Every refusal the server itself makes (the loops' own refusals come from core). */
export const TEXTS = {
  unauthenticated: { 'zh-CN': '缺少登录凭证（Authorization: Bearer 令牌）', en: 'no credentials (Authorization: Bearer token)' },
  tokenInvalid: { 'zh-CN': '登录凭证无效（签名、签发方或内容不对）', en: 'the token is not valid (signature, issuer or claims)' },
  tokenExpired: { 'zh-CN': '登录凭证已过期，请重新登录', en: 'the token has expired; sign in again' },
  roleNotHeld: { 'zh-CN': '登录凭证中没有这个角色', en: 'the token does not grant this role' },
  roleRequired: { 'zh-CN': '登录凭证有多个角色，请指明以哪个角色操作（actor.role）', en: 'the token grants several roles; say which one acts (actor.role)' },
  actorForged: { 'zh-CN': '操作人只能是登录的本人，不能冒用他人身份', en: 'the actor must be the signed-in user; another actor was claimed' },
  clientNotYours: { 'zh-CN': '这个客户端编号属于另一位用户', en: 'this client id belongs to another user' },
  notFound: { 'zh-CN': '没有找到该事项（或不在您的辖区内）', en: 'no such item (or not within your area)' },
  unknownCollection: { 'zh-CN': '没有这个事项集合', en: 'no such collection' },
  outOfScope: { 'zh-CN': '所填辖区超出您的辖区', en: 'the area given is outside your own' },
  itemExists: { 'zh-CN': '已有同一编号的事项', en: 'an item with this id already exists' },
  mutationOutOfOrder: { 'zh-CN': '操作编号必须递增：这个编号早于已处理的操作', en: 'mutation ids must increase: this one comes before one already processed' },
  tooLarge: { 'zh-CN': '请求内容过大', en: 'the request body is too large' },
  notJson: { 'zh-CN': '请求内容不是有效的 JSON', en: 'the request body is not valid JSON' },
  invalid: { 'zh-CN': '请求内容不符合要求', en: 'the request body is not valid' },
  route: { 'zh-CN': '没有这个接口', en: 'no such endpoint' },
  internal: { 'zh-CN': '服务器内部错误，已记录；请稍后重试', en: 'internal error, logged; try again later' },
  unavailable: { 'zh-CN': '数据库暂时无法访问', en: 'the database is unavailable' },
} as const satisfies Record<string, Localized>;
