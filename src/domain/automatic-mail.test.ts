import { describe, expect, it } from 'vitest';
import { automaticMailReason, intakeAddress, slugOfIntakeAddress } from './automatic-mail.js';

const h = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));

describe('automaticMailReason', () => {
  it('lets a plain personal mail through', () => {
    expect(automaticMailReason(h({ subject: 'Re: your case' }), 'ann@example.com')).toBeNull();
  });

  it('treats Auto-Submitted: no as written by a person, any other value as automatic', () => {
    expect(automaticMailReason(h({ 'Auto-Submitted': 'no' }), 'ann@example.com')).toBeNull();
    expect(automaticMailReason(h({ 'Auto-Submitted': 'auto-replied' }), 'ann@example.com')).toBe('auto_submitted');
    expect(automaticMailReason(h({ 'Auto-Submitted': 'auto-generated; owner-email="x@y"' }), 'ann@example.com')).toBe('auto_submitted');
  });

  it('recognises bulk and list precedence, list headers and autoresponder headers', () => {
    for (const p of ['bulk', 'List', 'junk', 'auto_reply']) expect(automaticMailReason(h({ Precedence: p }), 'a@b.c')).toBe('precedence');
    expect(automaticMailReason(h({ Precedence: 'first-class' }), 'a@b.c')).toBeNull();
    expect(automaticMailReason(h({ 'List-Id': '<news.example.com>' }), 'a@b.c')).toBe('list');
    expect(automaticMailReason(h({ 'X-Autoreply': 'yes' }), 'a@b.c')).toBe('autoresponder');
    expect(automaticMailReason(h({ 'X-Auto-Response-Suppress': 'All' }), 'a@b.c')).toBe('autoresponder');
  });

  it('recognises delivery status notifications and mail from the mailer daemon', () => {
    const dsn = h({ 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="x"' });
    expect(automaticMailReason(dsn, 'someone@example.com')).toBe('delivery_report');
    expect(automaticMailReason(h({ 'Content-Type': 'multipart/mixed; boundary="x"' }), 'a@b.c')).toBeNull();
    expect(automaticMailReason(h({}), 'MAILER-DAEMON@mx.example.com')).toBe('mailer_daemon');
    expect(automaticMailReason(h({}), 'postmaster@example.com')).toBe('mailer_daemon');
    expect(automaticMailReason(h({ 'Return-Path': '<>' }), 'a@b.c')).toBe('mailer_daemon');
  });
});

describe('intake addresses', () => {
  it('round-trips a workspace slug and refuses other domains and shapes', () => {
    const address = intakeAddress('Acme-Shop', 'in.example.com');
    expect(address).toBe('intake+acme-shop@in.example.com');
    expect(slugOfIntakeAddress(address.toUpperCase(), 'in.example.com')).toBe('acme-shop');
    expect(slugOfIntakeAddress(address, 'other.example.com')).toBeNull();
    expect(slugOfIntakeAddress('reply+c-2026-000001@in.example.com', 'in.example.com')).toBeNull();
  });
});
