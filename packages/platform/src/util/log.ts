/** Bring-up's narration: one line per step, so an operator always sees what is happening. */
export interface StepLog {
  step(title: string): void;
  info(line: string): void;
  ok(line: string): void;
  warn(line: string): void;
}

export function consoleStepLog(write: (line: string) => void = (l) => process.stdout.write(l + "\n")): StepLog {
  return {
    step: (title) => write(`==> ${title}`),
    info: (line) => write(`    ${line}`),
    ok: (line) => write(`    ok: ${line}`),
    warn: (line) => write(`    warning: ${line}`),
  };
}
