import { describe, expect, it } from 'vitest';
import { checkTargetAddress } from './network-address.js';

describe('which addresses a webhook may reach', () => {
  const refused = [
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.10',
    '169.254.10.1',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '224.0.0.1',
  ];
  it.each(refused)('refuses %s by default', (address) => {
    expect(checkTargetAddress(address, false).allowed).toBe(false);
  });
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])('delivers to the public address %s', (address) => {
    expect(checkTargetAddress(address, false)).toEqual({ allowed: true });
  });
  it('lets an admin allow private targets, but never a cloud metadata service', () => {
    expect(checkTargetAddress('10.1.2.3', true)).toEqual({ allowed: true });
    expect(checkTargetAddress('127.0.0.1', true)).toEqual({ allowed: true });
    for (const metadata of ['169.254.169.254', 'fd00:ec2::254', '::ffff:169.254.169.254', '100.100.100.200']) {
      expect(checkTargetAddress(metadata, true)).toMatchObject({ allowed: false, reason: expect.stringContaining('metadata') });
    }
  });
  it('says why, in words', () => {
    expect(checkTargetAddress('::ffff:8.8.8.8', false)).toEqual({
      allowed: false,
      reason: '::ffff:8.8.8.8 is an IPv4-mapped IPv6 address',
    });
    expect(checkTargetAddress('not-an-ip', true).allowed).toBe(false);
  });
});
