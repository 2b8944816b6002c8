import type { IDataObject } from 'n8n-workflow';

export interface DedupeLimits {
	/** How long a key is remembered. */
	ttlMs: number;
	/** How many keys are kept at most; the oldest go first. */
	maxKeys: number;
}

/** The iMocha Trigger's default: its Options' De-Duplication Window (24 h); maxKeys is not used there (trigger/claim.ts). */
export const WEBHOOK_DEDUPE: DedupeLimits = { ttlMs: 24 * 3600_000, maxKeys: 5_000 };

/** Keys and when they were first seen (epoch ms), kept in the workflow's static data. */
export type SeenKeys = Record<string, number>;

/** The key map under `name` in static data, created on first use. */
export function seenKeysIn(staticData: IDataObject, name = 'seen'): SeenKeys {
	const existing = staticData[name];
	if (existing && typeof existing === 'object' && !Array.isArray(existing)) return existing as SeenKeys;
	const created: SeenKeys = {};
	staticData[name] = created;
	return created;
}

/** Drops expired keys, then the oldest ones above the cap. Runs on every call. */
export function prune(seen: SeenKeys, limits: DedupeLimits, now: number): void {
	for (const [key, at] of Object.entries(seen)) {
		if (typeof at !== 'number' || now - at >= limits.ttlMs) delete seen[key];
	}
	const keys = Object.keys(seen);
	if (keys.length <= limits.maxKeys) return;
	keys.sort((a, b) => seen[a] - seen[b]);
	for (const key of keys.slice(0, keys.length - limits.maxKeys)) delete seen[key];
}

/**
 * Whether `key` was seen within the window; records it when it was not. A TTL of 0 switches
 * de-duplication off (nothing is remembered).
 */
export function isDuplicate(seen: SeenKeys, key: string, limits: DedupeLimits, now = Date.now()): boolean {
	if (limits.ttlMs <= 0) {
		for (const stale of Object.keys(seen)) delete seen[stale];
		return false;
	}
	prune(seen, limits, now);
	if (key in seen) return true;
	seen[key] = now;
	// The new key is the newest, so it survives the cap.
	prune(seen, limits, now);
	return false;
}
