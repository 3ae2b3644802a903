import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDebian, checkNode, checkRoot, parseOsRelease } from "./preflight";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'PRETTY_NAME="Fedora Linux 40"\nID=fedora\n';

test("os-release fields are parsed with quotes removed", () => {
  assert.equal(parseOsRelease(DEBIAN).PRETTY_NAME, "Debian GNU/Linux 12 (bookworm)");
  assert.equal(parseOsRelease(DEBIAN).ID, "debian");
});

test("Debian and its derivatives pass; other systems are refused with the fix", () => {
  checkDebian(DEBIAN);
  checkDebian(UBUNTU);
  assert.throws(() => checkDebian(FEDORA), (err: Error & { fix?: string }) => {
    assert.match(err.message, /Fedora Linux 40, not Debian/);
    assert.match(err.fix ?? "", /Debian 12/);
    return true;
  });
  assert.throws(() => checkDebian(null), /no \/etc\/os-release/);
});

test("only root may bring Berth up, and the message says to use sudo", () => {
  checkRoot(0);
  assert.throws(() => checkRoot(1000), (err: Error & { fix?: string }) => /must run as root/.test(err.message) && /sudo/.test(err.fix ?? ""));
});

test("Node.js older than 20.19 is refused", () => {
  checkNode("20.19.0");
  checkNode("22.12.0");
  assert.throws(() => checkNode("20.18.1"), /too old/);
  assert.throws(() => checkNode("18.20.0"), /too old/);
});
