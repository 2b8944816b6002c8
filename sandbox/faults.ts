import type { SandboxRequest, SandboxResponse } from './router';

/**
 * Switchable misbehaviour. Rates and the rate limit are for load and benchmarks; `script` queues
 * exact one-off faults for tests that must be deterministic.
 */
export interface FaultConfig {
	/** Added before every answer. */
	latencyMs: number;
	/** A random extra delay up to this, so answers come back out of order. */
	latencyJitterMs: number;
	/** Requests per second above which the sandbox answers 429 (0 = unlimited). Never told to clients. */
	rateLimitPerSecond: number;
	/**
	 * How the second is counted: `fixed` starts a window at the first request after the last one
	 * ended (a gateway's renewal period); `sliding` allows the limit in any one second.
	 */
	rateWindow: 'fixed' | 'sliding';
	/** A quota that changes mid-run: from `afterMs` after `configure()`, the limit is `perSecond`. */
	rateChanges: Array<{ afterMs: number; perSecond: number }>;
	/** Whether 429s carry Retry-After (seconds until the window frees up). */
	retryAfter: boolean;
	/**
	 * Whether Retry-After is rounded up to whole seconds, as real gateways send it (Azure API
	 * Management, which fronts iMocha, does). Fractions are exact, and let tests run fast.
	 */
	retryAfterWholeSeconds: boolean;
	/** Share of requests (0..1) answered with `errorStatus`. */
	errorRate: number;
	errorStatus: number;
	/** Share of successful requests whose body is cut off mid-JSON. */
	malformedRate: number;
}

export type ScriptedFault =
	| { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
	| { kind: 'html'; status: number }
	| { kind: 'empty'; status: number }
	/** Exactly this body under this content type, e.g. an empty or HTML "application/pdf". */
	| { kind: 'raw'; status: number; contentType: string; body: string }
	| { kind: 'malformed' }
	/** The request is carried out, then the connection is dropped before the answer. */
	| { kind: 'reset-after' }
	/** The connection is dropped before the request is carried out. */
	| { kind: 'reset' }
	/** Never answers (the client's timeout must fire). */
	| { kind: 'hang' };

export interface ScriptEntry {
	/** Matched against `METHOD /path`, e.g. /POST \/v3\/tests\/\d+\/invite/. */
	match: RegExp;
	fault: ScriptedFault;
	times: number;
}

export const NO_FAULTS: FaultConfig = {
	latencyMs: 0,
	latencyJitterMs: 0,
	rateLimitPerSecond: 0,
	rateWindow: 'fixed',
	rateChanges: [],
	retryAfter: true,
	retryAfterWholeSeconds: false,
	errorRate: 0,
	errorStatus: 500,
	malformedRate: 0,
};

export class Faults {
	config: FaultConfig = { ...NO_FAULTS };
	private script: ScriptEntry[] = [];
	private windowStart = 0;
	private windowCount = 0;
	/** Accepted requests of the last second, for the sliding window. */
	private accepted: number[] = [];
	private configuredAt = Date.now();
	/** 429s the rate limit answered since the last reset (for benchmarks). */
	refusedCount = 0;

	configure(config: Partial<FaultConfig>): void {
		this.config = { ...this.config, ...config };
		this.configuredAt = Date.now();
	}

	reset(): void {
		this.config = { ...NO_FAULTS };
		this.script = [];
		this.windowStart = 0;
		this.windowCount = 0;
		this.accepted = [];
		this.refusedCount = 0;
		this.configuredAt = Date.now();
	}

	/** Queue a fault for the next `times` requests matching `match`. */
	inject(match: RegExp, fault: ScriptedFault, times = 1): void {
		this.script.push({ match, fault, times });
	}

	takeScripted(request: SandboxRequest): ScriptedFault | undefined {
		const key = `${request.method} ${request.path}`;
		const entry = this.script.find((candidate) => candidate.match.test(key));
		if (!entry) return undefined;
		entry.times -= 1;
		if (entry.times <= 0) this.script.splice(this.script.indexOf(entry), 1);
		return entry.fault;
	}

	/** The limit in force at `now` (after any scheduled change). */
	limitAt(now = Date.now()): number {
		let limit = this.config.rateLimitPerSecond;
		for (const change of this.config.rateChanges) {
			if (now - this.configuredAt >= change.afterMs) limit = change.perSecond;
		}
		return limit;
	}

	/** A fixed or sliding one-second window, like a gateway's quota; refused calls do not count. */
	rateLimited(now = Date.now()): SandboxResponse | undefined {
		const limit = this.limitAt(now);
		if (!limit) return undefined;
		const freeAt = this.config.rateWindow === 'sliding' ? this.takeSliding(now, limit) : this.takeFixed(now, limit);
		if (freeAt === undefined) return undefined;
		const waitSeconds = Math.max(0.001, (freeAt - now) / 1000);
		const header = this.config.retryAfterWholeSeconds ? String(Math.ceil(waitSeconds)) : waitSeconds.toFixed(3);
		this.refusedCount += 1;
		return {
			status: 429,
			body: { statusCode: 429, message: 'Rate limit is exceeded. Try again later.' },
			headers: this.config.retryAfter ? { 'Retry-After': header } : {},
		};
	}

	/** Counts the request and returns undefined, or returns when the window frees up. */
	private takeFixed(now: number, limit: number): number | undefined {
		if (now - this.windowStart >= 1000) {
			this.windowStart = now;
			this.windowCount = 0;
		}
		if (this.windowCount < limit) {
			this.windowCount += 1;
			return undefined;
		}
		return this.windowStart + 1000;
	}

	private takeSliding(now: number, limit: number): number | undefined {
		while (this.accepted.length && this.accepted[0] <= now - 1000) this.accepted.shift();
		if (this.accepted.length < limit) {
			this.accepted.push(now);
			return undefined;
		}
		return this.accepted[this.accepted.length - limit] + 1000;
	}

	randomError(): SandboxResponse | undefined {
		if (this.config.errorRate <= 0 || Math.random() >= this.config.errorRate) return undefined;
		return { status: this.config.errorStatus, body: { statusCode: this.config.errorStatus, message: 'Injected failure' } };
	}

	randomMalformed(): boolean {
		return this.config.malformedRate > 0 && Math.random() < this.config.malformedRate;
	}
}
