"use client";

import { useState } from "react";

/** Copies a value shown once (a token, an invite link); says so, or says to copy by hand when the browser refuses. */
export function CopyButton({ value, label = "Copy", testId }: { value: string; label?: string; testId?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Clipboard access needs https or localhost; on a plain-http install the text is still selectable.
      setState("failed");
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      data-testid={testId}
      className="shrink-0 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy it" : label}
    </button>
  );
}
