// The part of autocannon's programmatic API the load run uses (the package ships no types).
declare module "autocannon" {
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: { method?: string; path: string }[];
  }
  /** One connection's client: its request iterator holds the request in flight. */
  interface Client {
    requestIterator: { currentRequest: { path: string } };
  }
  /** The run, as an emitter: "response" once per answer, with the client and the answer's time in ms. */
  interface Instance {
    on(
      event: "response",
      listener: (client: Client, statusCode: number, bytes: number, responseTime: number) => void,
    ): Instance;
  }
  function autocannon(options: Options): Promise<Result>;
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
