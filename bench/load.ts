import http from "node:http";

export interface Sample {
  at: number;
  ms: number;
  ok: boolean;
  slow: boolean;
  phase: string;
  error?: string;
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
    const done = (ok: boolean, error?: string) => {
      inFlight--;
      samples.push({ at: Date.now(), ms: performance.now() - started, ok, slow, phase: tag, error });
    };
    const req = http.request(
      { host: "127.0.0.1", port: opts.port, path: slow ? "/slow" : "/", headers: { Host: opts.host }, agent, timeout: opts.timeoutMs ?? 10_000 },
      (res) => {
        res.resume();
        res.on("end", () => done(res.statusCode === 200, res.statusCode === 200 ? undefined : `HTTP ${res.statusCode}`));
        res.on("error", (e) => done(false, e.message));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => done(false, e.message));
    req.end();
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
