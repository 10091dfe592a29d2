import { spawnSync } from 'node:child_process';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

/** Runs the real CLI (through tsx) against a data dir on the embedded database; returns exit code and output. */
export function runDefuse(dataDir: string, ...args: string[]) {
  return runDefuseWithInput(dataDir, undefined, ...args);
}

/** runDefuse with `input` on the command's standard input. */
export function runDefuseWithInput(dataDir: string, input: string | undefined, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DEFUSE_DATA_DIR: dataDir, DEFUSE_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
