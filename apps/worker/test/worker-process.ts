// A real worker process for tests that kill it (SIGKILL): the same code as apps/worker/src/main.ts,
// started from a path the platform's supervisor does not mistake for the platform's own worker.
import "../src/main";
