"use client";

import { cardClass } from "../../../components/form-styles";
import { Empty, Section } from "../../../components/section-states";
import { formatBytes } from "../../../lib/format";
import { trpc } from "../../../lib/trpc-client";
import { useLoad } from "../../../lib/use-load";

export function RegistryPanel() {
  const usage = useLoad(() => trpc.admin.registry.query());
  return (
    <section className={`${cardClass} mt-6`}>
      <Section data={usage.data} error={usage.error} loading="Reading the registry…">
        {(u) => (
          <>
            <p className="text-sm" data-testid="registry-total">
              <strong>{formatBytes(u.totalBytes)}</strong> in {u.repositories.length} repositor{u.repositories.length === 1 ? "y" : "ies"}
            </p>
            {u.repositories.length === 0 ? (
              <Empty>No images yet.</Empty>
            ) : (
              <div className="mt-3 overflow-x-auto">
                <table className="w-full min-w-[32rem] text-left text-sm" data-testid="registry-list">
                  <thead className="text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th className="py-2 pr-3 font-medium">Repository</th>
                      <th className="py-2 pr-3 font-medium">Tags</th>
                      <th className="py-2 text-right font-medium">Size</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {u.repositories.map((r) => (
                      <tr key={r.repository}>
                        <td className="py-2 pr-3 font-mono text-xs">{r.repository}</td>
                        <td className="py-2 pr-3 text-xs text-slate-600">{r.tags.length > 6 ? `${r.tags.slice(0, 6).join(", ")} and ${r.tags.length - 6} more` : r.tags.join(", ") || "none"}</td>
                        <td className="py-2 text-right">{formatBytes(r.bytes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Section>
    </section>
  );
}
