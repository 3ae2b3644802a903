import type { Metadata } from "next";
import { NodesPanel } from "./nodes-panel";

export const metadata: Metadata = { title: "Nodes" };

export default function NodesPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Nodes</h1>
      <p className="mt-1 text-sm text-slate-500">The Docker Swarm nodes apps run on. Add one with `docker swarm join` on another machine.</p>
      <NodesPanel />
    </>
  );
}
