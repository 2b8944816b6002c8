import { sleep } from 'n8n-workflow';

/**
 * One per node execution, shared by every worker of the pool.
 *
 * iMocha documents no limit, window or headers (reference §1.4), so the pacer learns the rate:
 * - until the first 429 it adds nothing (the pool's concurrency is the only bound);
 * - a 429 pauses every worker (Retry-After, else backoff) and sets the rate to what actually
 *   got through in the last second, a little below it. Request starts are then spaced evenly,
 *   so a fixed-window quota is used fully without a 429 per window;
 * - after a quiet spell it probes upward: quickly back towards the last rate that was refused,
 *   slowly above it, and stops pacing once the rate is far above anything iMocha refused.
 */
export interface PacerTuning {
	/** The span over which successful starts are counted to estimate the allowed rate. */
	windowMs: number;
	/** How far below the measured rate to settle, so jitter does not cross the limit. */
	margin: number;
	/** How long without a 429 before the rate is raised. */
	probeAfterMs: number;
	/** Growth per probe while below the last refused rate, and above it. */
	recoverFactor: number;
	probeFactor: number;
	/** Above this many requests per second the pacer stops spacing. */
	unlimitedAbove: number;
}

export const DEFAULT_PACER_TUNING: PacerTuning = {
	windowMs: 1000,
	margin: 0.975,
	probeAfterMs: 3000,
	recoverFactor: 1.5,
	probeFactor: 1.05,
	unlimitedAbove: 500,
};

export class Pacer {
	/** Requests per second; Infinity = not pacing. */
	private rate = Infinity;
	/** The rate in force when iMocha last refused a call. */
	private ceiling = Infinity;
	private resumeAt = 0;
	private nextSlot = 0;
	private lastChange = 0;
	private successes: number[] = [];
	private refusals = 0;

	constructor(
		private readonly tuning: PacerTuning = DEFAULT_PACER_TUNING,
		private readonly now: () => number = Date.now,
	) {}

	/** Waits until this worker may start a request. */
	async ready(): Promise<number> {
		for (;;) {
			const now = this.now();
			if (this.resumeAt > now) {
				await sleep(this.resumeAt - now);
				continue;
			}
			this.maybeProbe(now);
			if (!Number.isFinite(this.rate)) return now;
			// Reserve the slot before sleeping: the event loop is the only lock we need.
			const slot = Math.max(now, this.nextSlot);
			this.nextSlot = slot + 1000 / this.rate;
			if (slot > now) await sleep(slot - now);
			if (this.resumeAt <= this.now()) return slot;
		}
	}

	/** A call that started at `startedAt` was accepted. */
	accepted(startedAt: number): void {
		this.successes.push(startedAt);
		this.forgetBefore(this.now() - this.tuning.windowMs);
	}

	/** iMocha refused a call (429): pause every worker for `waitMs` and lower the rate. */
	refused(waitMs: number): void {
		const now = this.now();
		this.refusals += 1;
		this.forgetBefore(now - this.tuning.windowMs);
		const measured = this.successes.length * (1000 / this.tuning.windowMs);
		const current = Number.isFinite(this.rate) ? this.rate : measured;
		this.ceiling = Math.max(1, Number.isFinite(this.rate) ? this.rate : measured);
		this.rate = Math.max(0.5, Math.min(current, measured || current || 1) * this.tuning.margin);
		this.resumeAt = Math.max(this.resumeAt, now + waitMs);
		// Slots handed out before the pause are void: the pool restarts evenly spaced.
		this.nextSlot = this.resumeAt;
		this.lastChange = this.resumeAt;
	}

	/** For tests and diagnostics. */
	get state(): { rate: number; ceiling: number; refusals: number; resumeAt: number } {
		return { rate: this.rate, ceiling: this.ceiling, refusals: this.refusals, resumeAt: this.resumeAt };
	}

	private maybeProbe(now: number): void {
		if (!Number.isFinite(this.rate) || now - this.lastChange < this.tuning.probeAfterMs) return;
		this.lastChange = now;
		const target = this.ceiling * this.tuning.margin;
		this.rate =
			this.rate < target
				? Math.min(target, this.rate * this.tuning.recoverFactor)
				: this.rate * this.tuning.probeFactor;
		if (this.rate > this.ceiling) this.ceiling = this.rate;
		if (this.rate > this.tuning.unlimitedAbove) {
			this.rate = Infinity;
			this.ceiling = Infinity;
		}
	}

	private forgetBefore(cutoff: number): void {
		let drop = 0;
		while (drop < this.successes.length && this.successes[drop] < cutoff) drop++;
		if (drop) this.successes.splice(0, drop);
	}
}

const pacers = new WeakMap<object, Pacer>();

/** The context object n8n hands to a node lives exactly as long as one execution of it. */
export function pacerFor(context: object): Pacer {
	let pacer = pacers.get(context);
	if (!pacer) {
		pacer = new Pacer();
		pacers.set(context, pacer);
	}
	return pacer;
}
