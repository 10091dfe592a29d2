import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 signing key (PKCS#8 PEM), as config.signingKey holds one. */
export const newSigningKey = (): string => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** One key for the whole test run, where the test is not about keys. */
export const TEST_SIGNING_KEY = newSigningKey();
