import http from "node:http";

export interface Sample {
  at: number;
  ms: number;
  ok: boolean;
  slow: boolean;
  phase: string;
  error?: string;
  /** Sent again once because a reused keep-alive connection was closed under it (see below). */
  retried: boolean;
}

/**
 * Open-loop load: a request every 1000/rps ms through the router on 127.0.0.1 with the app's Host,
 * every `slowEvery`th one to /slow. Open loop, so a stall shows up as latency and errors instead of
 * quietly lowering the rate. Each sample is tagged with the phase current when it was sent.
 */
export function startLoad(opts: { port: number; host: string; rps: number; slowEvery: number; timeoutMs?: number }) {
  const samples: Sample[] = [];
  let phase = "warmup";
  let n = 0;
  let inFlight = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const fire = () => {
    const slow = ++n % opts.slowEvery === 0;
    const started = performance.now();
    const tag = phase;
    inFlight++;
    const done = (ok: boolean, retried: boolean, error?: string) => {
      inFlight--;
      samples.push({ at: Date.now(), ms: performance.now() - started, ok, slow, phase: tag, error, retried });
    };
    const send = (retried: boolean) => {
      const req = http.request(
        { host: "127.0.0.1", port: opts.port, path: slow ? "/slow" : "/", headers: { Host: opts.host }, agent, timeout: opts.timeoutMs ?? 10_000 },
        (res) => {
          res.resume();
          res.on("end", () => done(res.statusCode === 200, retried, res.statusCode === 200 ? undefined : `HTTP ${res.statusCode}`));
          res.on("error", (e) => done(false, retried, e.message));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (e: NodeJS.ErrnoException) => {
        // The keep-alive race every HTTP/1.1 client meets: the server (here the router, whose
        // config reloads close idle client connections) closed a pooled connection just as this
        // request was written onto it. Browsers and Go's client resend an idempotent GET once;
        // Node's agent leaves it to the caller, as its documentation says. Counted apart.
        if (!retried && req.reusedSocket && e.code === "ECONNRESET") return send(true);
        done(false, retried, e.message);
      });
      req.end();
    };
    send(false);
  };
  const timer = setInterval(fire, 1000 / opts.rps);
  return {
    samples,
    setPhase: (p: string) => void (phase = p),
    stop: async () => {
      clearInterval(timer);
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
      agent.destroy();
    },
  };
}
