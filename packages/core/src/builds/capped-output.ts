/**
 * Passes build output lines on until `limitBytes` have gone through, then says once that the rest is
 * cut. The last lines are still kept (`tail`) so a failing build can show how it ended.
 */
export class CappedOutput {
  private bytes = 0;
  private cut = false;
  private readonly last: string[] = [];

  constructor(
    private readonly limitBytes: number,
    private readonly emit: (line: string) => void,
    private readonly tailLines = 30,
  ) {}

  line(text: string): void {
    this.last.push(text);
    if (this.last.length > this.tailLines) this.last.shift();
    if (this.cut) return;
    this.bytes += Buffer.byteLength(text) + 1;
    if (this.bytes <= this.limitBytes) {
      this.emit(text);
      return;
    }
    this.cut = true;
    this.emit(`-----> Build output passed ${Math.round(this.limitBytes / 1024)} KB (BERTH_BUILD_LOG_LIMIT_KB): the rest is not kept; the last lines are shown if the build fails`);
  }

  get wasCut(): boolean {
    return this.cut;
  }

  tail(): string[] {
    return [...this.last];
  }
}
