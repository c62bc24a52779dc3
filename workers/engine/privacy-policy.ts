import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PrivacyPolicy } from './api.js';
import { PmwError } from './errors.js';

export const DEFAULT_PRIVACY_POLICY: Readonly<PrivacyPolicy> = Object.freeze({ onIdentifiers: 'warn', minCellCount: 5, dateShiftDays: 180 });

const POLICY_KEY = 'privacy_policy';
const SECRET_KEY = 'hmac_secret';
const ACTIONS: readonly PrivacyPolicy['onIdentifiers'][] = ['warn', 'refuse', 'transform'];

/** The policy stored in `_meta`, or the defaults. */
export async function readPrivacyPolicy(connection: DuckDBConnection): Promise<PrivacyPolicy> {
  const reader = await connection.runAndReadAll('SELECT value FROM _meta WHERE key = $1', [POLICY_KEY]);
  const stored = reader.getRowsJS()[0]?.[0];
  if (stored === undefined) return { ...DEFAULT_PRIVACY_POLICY };
  return { ...DEFAULT_PRIVACY_POLICY, ...(JSON.parse(String(stored)) as Partial<PrivacyPolicy>) };
}

/** Checks a change field by field; unknown fields are refused so a typo cannot pass for a policy. */
export function checkPolicyChange(change: unknown): Partial<PrivacyPolicy> {
  if (!change || typeof change !== 'object' || Array.isArray(change)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'a policy change must be an object', hint: 'e.g. { "minCellCount": 10 }' });
  }
  const checked: Partial<PrivacyPolicy> = {};
  for (const [key, value] of Object.entries(change)) {
    if (key === 'onIdentifiers') {
      if (!ACTIONS.includes(value as PrivacyPolicy['onIdentifiers'])) {
        throw new PmwError({ code: 'BAD_REQUEST', message: `onIdentifiers is ${JSON.stringify(value)}`, hint: 'use warn, refuse or transform' });
      }
      checked.onIdentifiers = value as PrivacyPolicy['onIdentifiers'];
    } else if (key === 'minCellCount' || key === 'dateShiftDays') {
      const max = key === 'minCellCount' ? 1_000_000 : 3650;
      if (!Number.isInteger(value) || (value as number) < (key === 'dateShiftDays' ? 1 : 0) || (value as number) > max) {
        throw new PmwError({ code: 'BAD_REQUEST', message: `${key} is ${JSON.stringify(value)}`, hint: key === 'minCellCount' ? 'a whole number from 0 (show every count) up' : 'a whole number of days from 1 to 3650' });
      }
      checked[key] = value as number;
    } else {
      throw new PmwError({ code: 'BAD_REQUEST', message: `unknown policy setting ${key}`, hint: 'the settings are onIdentifiers, minCellCount and dateShiftDays' });
    }
  }
  return checked;
}

export async function writePrivacyPolicy(connection: DuckDBConnection, policy: PrivacyPolicy): Promise<void> {
  await connection.run('INSERT OR REPLACE INTO _meta VALUES ($1, $2)', [POLICY_KEY, JSON.stringify(policy)]);
}

/** The workspace's HMAC key (32 random bytes, hex), made on first use and kept in `_meta`. */
export async function workspaceSecret(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll('SELECT value FROM _meta WHERE key = $1', [SECRET_KEY]);
  const stored = reader.getRowsJS()[0]?.[0];
  if (stored !== undefined) return String(stored);
  const secret = randomBytes(32).toString('hex');
  await connection.run('INSERT INTO _meta VALUES ($1, $2) ON CONFLICT DO NOTHING', [SECRET_KEY, secret]);
  return String((await connection.runAndReadAll('SELECT value FROM _meta WHERE key = $1', [SECRET_KEY])).getRowsJS()[0]?.[0]);
}

/** The count an analysis applies: the policy's, or a larger one the spec asks for. */
export function effectiveMinCellCount(policy: PrivacyPolicy, requested: unknown): number {
  if (requested === undefined || requested === null) return policy.minCellCount;
  if (!Number.isInteger(requested) || (requested as number) < 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `minCellCount is ${JSON.stringify(requested)}`, hint: 'a whole number ≥ 0' });
  }
  return Math.max(policy.minCellCount, requested as number);
}
