import { AppError } from "../errors/app-error";

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function invalid(userMessage: string): AppError {
  return new AppError("INVALID_INPUT", { userMessage });
}

/** The form names are stored in: trimmed, lower-cased, without a trailing dot. Not validated. */
export function canonicalHostname(input: string): string {
  return input.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * Turns what a user typed into the hostname Berth stores and routes, or refuses it saying why.
 * Lower-cased, a trailing dot dropped; a DNS name of at least two labels (each 1–63 letters, digits
 * and inner hyphens, 253 in all). No wildcards (one route per name
 * keeps "which app answers this host" a lookup), no IP addresses (they are not names a tenant can own), and nothing under the
 * platform's base domain: `<app>.<tenant>.<base>` belongs to the app of that tenant, so a custom
 * domain there could take over another tenant's address.
 */
export function normalizeHostname(input: string, baseDomain: string): string {
  const host = canonicalHostname(input);
  if (!host) throw invalid("Enter a hostname, e.g. www.example.com.");
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host) || host.includes("/")) {
    throw invalid(`Enter only the hostname (e.g. www.example.com), without "http://" or a path.`);
  }
  if (host.includes("*")) throw invalid("Wildcard domains are not supported; add each hostname on its own (e.g. www.example.com).");
  if (host.includes(":") || /^[0-9.]+$/.test(host)) {
    throw invalid("An IP address or a port is not a domain; enter a hostname such as www.example.com and point its DNS at this Berth.");
  }
  if (host.length > 253) throw invalid("A hostname may have at most 253 characters.");
  const labels = host.split(".");
  if (labels.length < 2) throw invalid(`"${host}" is a single name; enter a full domain such as ${host}.example.com.`);
  for (const label of labels) {
    if (label.length === 0) throw invalid("A hostname cannot have empty parts (two dots in a row).");
    if (label.length > 63) throw invalid(`"${label.slice(0, 20)}…" is longer than 63 characters; each part of a hostname may have at most 63.`);
    if (!LABEL.test(label)) {
      throw invalid(`"${label}" is not a valid part of a hostname: use letters, digits and hyphens, not starting or ending with a hyphen.`);
    }
  }
  // A top-level domain is never all digits; such a name is an address written oddly, not a domain.
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) throw invalid(`"${host}" does not end in a top-level domain (e.g. .com).`);
  const base = baseDomain.toLowerCase();
  if (host === base || host.endsWith(`.${base}`)) {
    throw invalid(`Names under ${base} are Berth's own app addresses (<app>.<tenant>.${base}); add a domain you control instead.`);
  }
  return host;
}
