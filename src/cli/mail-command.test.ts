import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse, runDefuseWithInput } from '../../test/cli.js';

const raw = (headers: Record<string, string>, body: string) =>
  `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}\r\n`;

describe('defuse mail receive', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-mail-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a case from a mail on stdin, files it once, and drops an auto-reply', () => {
    expect(runDefuse(dir, 'init', '--workspace', 'Lamp Shop', '--email', 'owner@lamp.test', '--password', 'a-long-password').code).toBe(0);
    const mail = raw(
      { From: 'Ida Moss <ida@example.test>', To: 'help@lamp.test', Subject: 'Flickering lamp', 'Message-ID': '<ida.1@example.test>' },
      'The lamp I bought flickers.',
    );
    const first = runDefuseWithInput(dir, mail, 'mail', 'receive', '--workspace', 'lamp-shop', '--json');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'opened', caseRef: expect.stringMatching(/^C-\d{4}-\d{6}$/) });
    expect(runDefuseWithInput(dir, mail, 'mail', 'receive', '--workspace', 'lamp-shop').stdout).toContain('already filed');
    const auto = raw({ From: 'ooo@example.test', To: 'help@lamp.test', Subject: 'Away', 'Auto-Submitted': 'auto-replied' }, 'Away.');
    expect(runDefuseWithInput(dir, auto, 'mail', 'receive', '--workspace', 'lamp-shop').stdout).toContain('ignored');
  }, 180_000);
});
