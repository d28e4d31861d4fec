// RS256 JWTs for access and id tokens, with the matching JWKS (one key pair per process).
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { randomToken } from '../util/ids.js';

interface KeyPair {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

let keyPair: KeyPair | undefined;

function keys(): KeyPair {
  if (!keyPair) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomToken(8);
    keyPair = { kid, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
  }
  return keyPair;
}

export function signJwt(claims: Record<string, unknown>): string {
  const { kid, privateKey } = keys();
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${enc({ alg: 'RS256', kid, typ: 'JWT' })}.${enc(claims)}`;
  const signature = createSign('RSA-SHA256').update(head).sign(privateKey).toString('base64url');
  return `${head}.${signature}`;
}

export function jwks(): { keys: Record<string, unknown>[] } {
  return { keys: [keys().publicJwk] };
}
