import { PassThrough } from "node:stream";
import type Docker from "dockerode";

export interface ExecResult {
  exitCode: number;
  stdout: string;
}

/**
 * Runs a program (an argument array, no shell) in a running container and returns its exit code
 * and standard output; stderr is read and dropped. Throws when the engine refuses or `timeoutMs`
 * passes, so a caller can fall back instead of waiting on a stuck exec.
 */
export async function execInContainer(docker: Docker, container: string, cmd: string[], timeoutMs: number): Promise<ExecResult> {
  const exec = await docker.getContainer(container).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout: Buffer[] = [];
  const out = new PassThrough();
  out.on("data", (c: Buffer) => stdout.push(c));
  docker.modem.demuxStream(stream, out, new PassThrough().resume());
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise((resolve, reject) => {
        stream.on("end", resolve);
        stream.on("error", reject);
      }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${cmd[0]} in ${container} did not finish within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? -1, stdout: Buffer.concat(stdout).toString("utf8") };
}
