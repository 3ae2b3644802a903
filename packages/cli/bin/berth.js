#!/usr/bin/env node
// The CLI ships as TypeScript sources. tsx is resolved from this file's real location (the `berth`
// on the PATH is a symlink, and git runs it as a credential helper from any directory).
const { register } = await import(import.meta.resolve("tsx/esm/api"));
register();
const { run } = await import(new URL("../src/main.ts", import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
