import type { ComponentName } from "./types";

/** The one command that brings a component back; the platform CLI owns these names. */
export function startCommand(name: ComponentName): string {
  return `\`npm run platform -- start ${name}\``;
}
