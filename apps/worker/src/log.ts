/** One line per event, timestamped, on stdout: the process supervisor keeps the log. */
export function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} worker ${message}\n`);
}
