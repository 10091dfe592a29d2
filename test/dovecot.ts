import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Debian's dovecot-imapd (`apt-get install -y dovecot-imapd`); tests that need it skip when it is absent. */
export const DOVECOT = '/usr/sbin/dovecot';
export const hasDovecot = existsSync(DOVECOT);

export type Dovecot = { port: number; user: string; password: string; url(mailbox?: string): string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Waits until the IMAP greeting arrives, or throws with dovecot's log. */
async function greeting(port: number, log: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not start: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : 'no log'}`);
}

/**
 * A real IMAP server of our own: dovecot run in the foreground from a configuration in a fresh
 * directory (no system files touched), plain IMAP on a free port of 127.0.0.1, one user with a
 * password, maildir storage. Run as root it drops to Debian's `dovecot`/`dovenull` users, as the
 * package sets them up; run as anyone else it stays that user.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-dovecot-'));
  // Dovecot's own processes run as its users and must reach the mail under this directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const me = userInfo();
  const root = me.uid === 0;
  const mailUser = root ? 'dovecot' : me.username;
  const ids = root ? idsOf('dovecot') : { uid: me.uid, gid: me.gid };
  const user = 'help@shop.test';
  const password = 'imap-test-password';
  mkdirSync(join(dir, 'mail'));
  if (root) chownSync(join(dir, 'mail'), ids.uid, ids.gid);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const log = join(dir, 'dovecot.log');
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${mailUser}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = ${Math.min(ids.uid, 100)}
mail_location = maildir:${dir}/mail/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${ids.uid} gid=${ids.gid} home=${dir}/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  try {
    await greeting(port, log);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    port,
    user,
    password,
    url: (mailbox = 'INBOX') => `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${mailbox}`,
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idsOf(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error(`no user ${name}`);
  return { uid: Number(uid), gid: Number(gid) };
}
