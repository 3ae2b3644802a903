import assert from "node:assert/strict";
import { test } from "node:test";
import { satisfies } from "./runtime-versions";

test("ranges people write in engines.node, .nvmrc and requires-python", () => {
  const yes = ["18", "18.x", "v18.20.4", "^18.1", "~18", ">=16", ">=16 <20", "16 || 18", "*", "lts/*", "18.x.x"];
  for (const r of yes) assert.equal(satisfies(r, "18.20.4"), true, r);
  const no = ["20", "^20.1", ">=20", "<18", "14 || 16", "4.2.x", "~18.2"];
  for (const r of no) assert.equal(satisfies(r, "18.20.4"), false, r);
  assert.equal(satisfies(">=3.9", "3.11.2"), true);
  assert.equal(satisfies(">=3.12", "3.11.2"), false);
  assert.equal(satisfies("==3.11.*", "3.11.2"), true);
  assert.equal(satisfies("~=3.10", "3.11.2"), true);
  assert.equal(satisfies("hydrogen", "18.20.4"), null);
});
