/**
 * The slice of `fetch` the self-hosted WeChat clients use (code2session, WeChat Pay v3). Injected,
 * so tests answer as WeChat does and nothing reaches the network.
 */
export type Fetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
  /** For binary answers (mini-program code images). */
  arrayBuffer?(): Promise<ArrayBuffer>;
  headers?: { get(name: string): string | null };
}>;
