import { describe, expect, it } from 'vitest';
import { imapSettings } from './imap-poller.js';

describe('imapSettings', () => {
  it('reads host, port, TLS, credentials and mailbox from DEFUSE_IMAP_URL', () => {
    expect(imapSettings('imaps://help%40shop.test:p%3Ass@mail.shop.test/Support%20Inbox')).toEqual({
      host: 'mail.shop.test',
      port: 993,
      secure: true,
      user: 'help@shop.test',
      pass: 'p:ss',
      mailbox: 'Support Inbox',
    });
    expect(imapSettings('imap://u:p@127.0.0.1:1143')).toMatchObject({ port: 1143, secure: false, mailbox: 'INBOX' });
  });
});
