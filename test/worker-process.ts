import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Starts a test worker script (run by tsx) and resolves once it prints "started" (it then hangs
 * where the test wants it to die). The worker gets a process group of its own, so that killGroup
 * reaches both tsx and the node process it starts.
 */
export function startWorker(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/tsx', [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => {
      void killGroup(child);
      reject(new Error(`worker never started: ${err}`));
    }, 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
  });
}

/** SIGKILL to the worker's whole process group: no cleanup, no rollback courtesy, like a crash. */
export function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-(child.pid as number), 'SIGKILL');
  });
}
