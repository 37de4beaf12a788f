export interface ExampleServer {
  readonly api: (request: Request) => Promise<Response>;
  readonly dev: (request: Request) => Response | Promise<Response>;
  readonly database: string;
  readonly created: number;
  readonly ms: number;
  close(): Promise<void>;
}
export declare function buildExampleServer(): Promise<string>;
export declare function startExampleServer(outdir: string, options?: { dataDir?: string; log?: (entry: Record<string, unknown>) => void; template?: Blob }): Promise<ExampleServer>;
