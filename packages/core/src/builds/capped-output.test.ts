import assert from "node:assert/strict";
import { test } from "node:test";
import { CappedOutput } from "./capped-output";

test("output past the limit is cut once, with a notice, and the tail is kept", () => {
  const seen: string[] = [];
  const out = new CappedOutput(20, (l) => seen.push(l), 2);
  for (const l of ["aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff"]) out.line(l);
  assert.deepEqual(seen.slice(0, 4), ["aaaa", "bbbb", "cccc", "dddd"]);
  assert.equal(seen.length, 5);
  assert.match(seen[4] ?? "", /not kept/);
  assert.equal(out.wasCut, true);
  assert.deepEqual(out.tail(), ["eeee", "ffff"]);
});
