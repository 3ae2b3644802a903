import { loadConfig } from "@berth/config/config";
import { up, printAccess } from "./up";
import { BringUpError } from "./util/bring-up-error";
import { consoleStepLog } from "./util/log";
import { COMPONENTS, controlComponent, isComponent, type ControlAction } from "./control";
import { showStatus } from "./status";
import { rebuildBaseImages } from "./services/base-images";

const USAGE = `Usage: npm run platform -- <command>

  up [--with-test-tools]        install what is missing, start every service, build and start Berth
  status                        health of every component and the platform processes
  start|stop|restart <name>     one component: ${COMPONENTS.join(", ")}
  images [--rebuild] [kind...]  make sure the base images exist; --rebuild builds them again
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = consoleStepLog();
  switch (command) {
    case "up": {
      const config = await up(log, { withTestTools: rest.includes("--with-test-tools") });
      printAccess(config);
      return 0;
    }
    case "status":
      return (await showStatus(loadConfig())) ? 0 : 1;
    case "start":
    case "stop":
    case "restart": {
      const name = rest[0];
      if (!name || !isComponent(name)) {
        throw new BringUpError(`\`${command}\` needs a component name, one of: ${COMPONENTS.join(", ")}.`, `Example: npm run platform -- ${command} worker`);
      }
      await controlComponent(command as ControlAction, name, loadConfig(), log);
      return 0;
    }
    case "images": {
      const rebuild = rest.includes("--rebuild");
      await rebuildBaseImages(loadConfig(), log, { rebuild, kinds: rest.filter((a) => !a.startsWith("--")) });
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command \`${command}\`.\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BringUpError) {
      process.stderr.write(`\nberth: ${err.message}\n`);
      if (err.fix) process.stderr.write(`fix: ${err.fix}\n`);
    } else {
      process.stderr.write(`\nberth: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exit(1);
  },
);
