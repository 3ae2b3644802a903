#!/usr/bin/env node
// The CLI ships as TypeScript sources. tsx is resolved from this file's real location (the `berth`
// on the PATH is a symlink, and git runs it as a credential helper from any directory).
// git runs `git:credential store|erase` on every push to say what worked or failed; the token lives
// in the CLI config, so there is nothing to do, and answering before tsx loads saves ~0.3 s a push.
const [command, op] = process.argv.slice(2);
if (command === "git:credential" && (op === "store" || op === "erase")) {
  for await (const _ of process.stdin); // git writes the credential to us; read it so git never sees a broken pipe
  process.exit(0);
}
const { register } = await import(import.meta.resolve("tsx/esm/api"));
register();
const { run } = await import(new URL("../src/main.ts", import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
