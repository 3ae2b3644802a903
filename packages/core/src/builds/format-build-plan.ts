import type { BuildPlan } from "@berth/builder/build-plan";

/** The build plan as the top of the build output: what was detected, why, and what will run. */
export function formatBuildPlan(plan: BuildPlan): string[] {
  const out = [`-----> Build plan: ${plan.provider} (${plan.reason})`];
  const row = (label: string, value: string) => out.push(`       ${label.padEnd(10)} ${value}`);
  if (plan.buildDir) row("directory", plan.buildDir);
  if (plan.dockerfilePath) row("dockerfile", plan.dockerfilePath);
  if (plan.framework) row("framework", plan.framework);
  for (const v of plan.versions) row(v.name, `${v.used}${v.requested ? ` (asked: ${v.requested}, from ${v.source})` : " (default)"}`);
  if (plan.packageManager) row("packages", `${plan.packageManager.name}${plan.packageManager.version ? `@${plan.packageManager.version}` : ""} (${plan.packageManager.source})`);
  if (plan.commands.install) row("install", plan.commands.install);
  if (plan.commands.build) row("build", plan.commands.build);
  if (plan.commands.start) row("start", plan.commands.start);
  row("port", `$PORT=${plan.port}`);
  const types = Object.entries(plan.processTypes);
  if (types.length) for (const [name, cmd] of types) row(`process`, `${name}: ${cmd}`);
  else row("process", "web: the image's command");
  if (plan.release) row("release", plan.release);
  if (plan.overrides.length) row("settings", plan.overrides.join(", "));
  for (const w of plan.warnings) out.push(`       warning: ${w}`);
  return out;
}
