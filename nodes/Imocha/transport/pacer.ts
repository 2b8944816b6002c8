import { sleep } from 'n8n-workflow';

/**
 * One per node execution, shared by every worker of the pool.
 *
 * iMocha documents no limit, window or headers (reference §1.4), so the pacer learns the rate:
 * - until the first 429 it adds nothing (the pool's concurrency is the only bound);
 * - a 429 pauses every worker (Retry-After, else backoff) and sets the rate a little below what
 *   got through in the last second. Request starts are then spaced evenly, so a fixed-window
 *   quota is used fully without a 429 per window;
 * - after a quiet spell it probes upward. A probe that meets a 429 makes the next one wait twice
 *   as long (a gateway's whole-second Retry-After can cost most of a window each time); probes
 *   that pass grow in size, so a lifted limit stops the pacing within about three minutes.
 */
export interface PacerTuning {
	/** The span over which accepted starts are counted to estimate the allowed rate. */
	windowMs: number;
	/** How far below the measured rate to settle, so jitter does not cross a window's edge. */
	margin: number;
	/** Quiet time before a probe, at first and at most. */
	minQuietMs: number;
	maxQuietMs: number;
	/** Growth of the first probe, and the cap it doubles up to while probes pass. */
	firstStep: number;
	maxStep: number;
	/** Never slower than this many requests per second. */
	minRate: number;
	/** Above this many requests per second the pacer stops spacing. */
	unlimitedAbove: number;
}

export const DEFAULT_PACER_TUNING: PacerTuning = {
	windowMs: 1000,
	margin: 0.975,
	minQuietMs: 30_000,
	maxQuietMs: 60_000,
	firstStep: 0.05,
	maxStep: 1,
	minRate: 0.5,
	unlimitedAbove: 500,
};

export class Pacer {
	/** Requests per second; Infinity = not pacing. */
	private rate = Infinity;
	private resumeAt = 0;
	private nextSlot = 0;
	private lastChange = 0;
	private quietMs: number;
	private step: number;
	private probing = false;
	/** The pace before the current probe. */
	private goodRate = Infinity;
	private acceptedStarts: number[] = [];
	private refusals = 0;
	private lastRefusalAt = -Infinity;
	private pauseEndedAt = -Infinity;

	constructor(
		private readonly tuning: PacerTuning = DEFAULT_PACER_TUNING,
		private readonly now: () => number = Date.now,
	) {
		this.quietMs = tuning.minQuietMs;
		this.step = tuning.firstStep;
	}

	/** Waits until this worker may start a request; returns the start time it was given. */
	async ready(): Promise<number> {
		for (;;) {
			const now = this.now();
			if (this.resumeAt > now) {
				await sleep(this.resumeAt - now);
				continue;
			}
			this.maybeProbe(now);
			if (!Number.isFinite(this.rate)) return now;
			// Reserve the slot before sleeping: the event loop is the only lock needed.
			const slot = Math.max(now, this.nextSlot);
			this.nextSlot = slot + 1000 / this.rate;
			if (slot > now) await sleep(slot - now);
			// A 429 met meanwhile voids the slot.
			if (this.resumeAt <= this.now()) return slot;
		}
	}

	/** iMocha answered (anything but 429) a call that started at `startedAt`. */
	accepted(startedAt: number): void {
		this.acceptedStarts.push(startedAt);
		// Kept a little longer than the window: a refusal samples the second before its own start.
		this.forgetBefore(this.now() - 2 * this.tuning.windowMs);
	}

	/**
	 * iMocha refused a call (429) that started at `startedAt`: pause every worker for `waitMs`
	 * and slow down. Calls already in flight at the previous 429 are part of that event: they
	 * extend the pause but do not slow the pool again.
	 */
	refused(waitMs: number, startedAt: number): void {
		const now = this.now();
		const { margin, minRate, maxQuietMs, firstStep, windowMs } = this.tuning;
		this.refusals += 1;
		// Calls in flight at the previous 429, or started within a window of the pool resuming,
		// meet the same congestion: they extend the pause but do not slow the pool again.
		if (startedAt < this.lastRefusalAt || startedAt < this.pauseEndedAt + windowMs) {
			this.resumeAt = Math.max(this.resumeAt, now + waitMs);
			this.pauseEndedAt = this.resumeAt;
			this.nextSlot = Math.max(this.nextSlot, this.resumeAt);
			return;
		}
		this.lastRefusalAt = now;
		// What got through in the second before the refused call started: calls started since
		// then may still be in flight, and would make the sample look smaller than the limit.
		this.forgetBefore(startedAt - windowMs);
		const measured = this.acceptedStarts.filter((start) => start < startedAt).length * (1000 / windowMs);
		if (!Number.isFinite(this.rate)) {
			// The first 429: what got through is the best estimate there is.
			if (measured) this.rate = Math.max(minRate, measured * margin);
		} else if (measured && measured < this.rate * 0.9) {
			// The limit dropped well below the pace: follow it at once.
			this.rate = Math.max(minRate, measured * margin);
		} else {
			// A probe went too far (back to the last good pace), or a window's edge met jitter.
			this.rate = Math.max(minRate, this.probing ? this.goodRate : this.rate * margin);
		}
		if (this.probing) this.quietMs = Math.min(maxQuietMs, this.quietMs * 2);
		this.probing = false;
		this.step = firstStep;
		this.resumeAt = Math.max(this.resumeAt, now + waitMs);
		this.pauseEndedAt = this.resumeAt;
		// Slots handed out before the pause are void: the pool restarts evenly spaced.
		this.nextSlot = this.resumeAt;
		this.lastChange = this.resumeAt;
	}

	/** For tests and diagnostics. */
	get state(): { rate: number; refusals: number; resumeAt: number; quietMs: number } {
		return { rate: this.rate, refusals: this.refusals, resumeAt: this.resumeAt, quietMs: this.quietMs };
	}

	private maybeProbe(now: number): void {
		if (!Number.isFinite(this.rate) || now - this.lastChange < this.quietMs) return;
		if (this.probing) {
			// The last probe passed: probe sooner and further.
			this.step = Math.min(this.tuning.maxStep, this.step * 2);
			this.quietMs = Math.max(this.tuning.minQuietMs, this.quietMs / 2);
		}
		this.probing = true;
		this.goodRate = this.rate;
		this.lastChange = now;
		this.rate *= 1 + this.step;
		if (this.rate > this.tuning.unlimitedAbove) this.rate = Infinity;
	}

	private forgetBefore(cutoff: number): void {
		let drop = 0;
		while (drop < this.acceptedStarts.length && this.acceptedStarts[drop] < cutoff) drop++;
		if (drop) this.acceptedStarts.splice(0, drop);
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
