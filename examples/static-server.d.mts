export declare const STRICT_CSP: string;
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}
export declare function startStaticServer(options: {
  mounts: Record<string, string>;
  port?: number;
  csp?: boolean | string;
  apps?: Record<string, (request: Request) => Response | Promise<Response>>;
}): Promise<StaticServer>;
