import type { Metadata } from "next";
import { QueuesPanel } from "./queues-panel";

export const metadata: Metadata = { title: "Job queues" };

export default function QueuesPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Job queues</h1>
      <p className="mt-1 text-sm text-slate-500">The worker&apos;s BullMQ queues in Redis. Jobs carry ids only; a retried job checks its row first, so retrying is safe.</p>
      <QueuesPanel />
    </>
  );
}
