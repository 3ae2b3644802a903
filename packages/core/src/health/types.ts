export type ComponentName = "postgres" | "redis" | "docker" | "registry" | "router";

export interface ComponentHealth {
  name: ComponentName;
  label: string;
  ok: boolean;
  /** A full sentence for a human: what answered, or what failed and how to bring it back. */
  reason: string;
  latencyMs: number;
}

export interface PlatformHealth {
  ok: boolean;
  checkedAt: string;
  components: ComponentHealth[];
  worker: { lastSeenAt: string | null };
}
