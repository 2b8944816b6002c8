import { sleep } from 'n8n-workflow';

/**
 * Paces every call to one iMocha account, across all executions in this n8n process.
 *
 * iMocha documents no limit, window or rate headers (https://developer.imocha.io/api/errors; "Unverified" in the README),
 * so the pacer learns them, with two bounds that adapt the way TCP's congestion control does:
 * - **Concurrency** (calls in flight) starts at `initialConcurrency` and grows by one per answer
 *   while callers queue for it (slow start: it doubles every round trip), up to
 *   `maxConcurrency`. A 5xx, timeout or dropped connection halves it (multiplicative decrease),
 *   once per round trip.
 * - **Rate**: until the first 429 there is none. A 429 teaches `limit`, the number of calls that
 *   got through in the second before the refused one started; from then on no more than `limit`
 *   calls start in any `windowMs + guardMs`. That keeps a fixed or a sliding one-second window
 *   full without crossing it. A limit that falls is followed: to what got through, or to three
 *   quarters of it when refusals at the limit repeat (multiplicative decrease; a single one is
 *   taken for jitter and widens the guard). After a quiet spell the pacer probes: it lets `step`
 *   (5%, at least one) extra calls into a window. A probe that passes raises `limit` (additive
 *   increase); one that is refused keeps it and doubles the wait before the next probe.
 *
 * A refused call always waits its own Retry-After (or backoff) before it is sent again. The
 * whole account waits too when nothing got through in the last window (a used-up quota, not a
 * rate): then there is no limit to pace by. Otherwise the learnt limit already keeps the other
 * calls out of the full window, and pausing them for a whole-second Retry-After would only waste
 * the part of the window that is already free.
 */
export interface PacerTuning {
	/** The window the gateway counts calls in. */
	windowMs: number;
	/** Added to the window so that jitter between our start and iMocha's count cannot cross it. */
	guardMs: number;
	/** The guard doubles up to this when a call within the limit is refused at a window's edge. */
	maxGuardMs: number;
	initialConcurrency: number;
	/** Per account, over all executions; each execution's own Concurrency is a further bound. */
	maxConcurrency: number;
	/** The first probe's size, as a share of the limit (at least one call). */
	probeStep: number;
	/** Quiet time before a probe, at first and at most. */
	minProbeAfterMs: number;
	maxProbeAfterMs: number;
	/** The share of the limit kept when refusals at the limit repeat. */
	decrease: number;
	/** Starts of a full window are spread over at least this share of it. */
	spreadShare: number;
	/** An account with no call for this long starts afresh: plans and quotas change. */
	forgetAfterMs: number;
}

export const DEFAULT_PACER_TUNING: PacerTuning = {
	windowMs: 1000,
	guardMs: 10,
	maxGuardMs: 250,
	initialConcurrency: 10,
	maxConcurrency: 200,
	probeStep: 0.05,
	minProbeAfterMs: 5000,
	maxProbeAfterMs: 60_000,
	spreadShare: 0.25,
	decrease: 0.75,
	forgetAfterMs: 10 * 60_000,
};

/** One call's place in the pacer, from `acquire()` until it is settled. */
export interface Ticket {
	readonly seq: number;
	readonly startedAt: number;
	/** Started above the known limit, to find out whether the limit rose. */
	readonly probe: boolean;
	/** How many calls had started in the window before this one (this one not counted). */
	readonly before: number;
	/** Whether a caller was waiting for concurrency while this call was in flight. */
	pressed: boolean;
	state: 'flight' | 'accepted' | 'refused' | 'failed';
}

export interface PacerState {
	/** Calls allowed per window; Infinity until the first 429. */
	limit: number;
	concurrency: number;
	inFlight: number;
	guardMs: number;
	resumeAt: number;
	refusals: number;
	probeAfterMs: number;
}

export class Pacer {
	private limit = Infinity;
	/** Fractional while it grows by one per round trip. */
	private concurrency: number;
	/** Doubling per round trip until the first sign of overload, then one more per round trip. */
	private slowStart = true;
	private inFlight = 0;
	private guardMs: number;
	private guardRaisedAt = -Infinity;
	private edgeAt = -Infinity;
	/** Whether the limit rose by a probe since the last refusal. */
	private raisedByProbe = false;
	private resumeAt = 0;
	private refusals = 0;
	private seq = 0;
	/** Every call started within the last window and guard, oldest first. */
	private log: Ticket[] = [];
	private waiters: Array<() => void> = [];
	private step = 1;
	private probeAfterMs: number;
	private probeAt = Infinity;
	/** Probes numbered up to this were in flight when the last one was refused. */
	private probeEndedSeq = 0;
	/** Calls numbered up to this were already in flight at the last change of the limit. */
	private limitChangedSeq = 0;
	private concurrencyCutSeq = 0;
	lastUsed: number;

	constructor(
		private readonly tuning: PacerTuning = DEFAULT_PACER_TUNING,
		private readonly now: () => number = Date.now,
	) {
		this.concurrency = tuning.initialConcurrency;
		this.guardMs = tuning.guardMs;
		this.probeAfterMs = tuning.minProbeAfterMs;
		this.lastUsed = now();
	}

	/** Waits until a call may start, then counts it as started. Settle the ticket exactly once. */
	async acquire(): Promise<Ticket> {
		for (;;) {
			const now = this.now();
			if (this.resumeAt > now) {
				await sleep(this.resumeAt - now);
				continue;
			}
			if (this.inFlight >= Math.floor(this.concurrency)) {
				for (const ticket of this.log) if (ticket.state === 'flight') ticket.pressed = true;
				await new Promise<void>((resolve) => this.waiters.push(resolve));
				continue;
			}
			const { freeAt, before, probe } = this.slot(now);
			if (freeAt > now) {
				await sleep(freeAt - now);
				continue;
			}
			// Taken synchronously after the checks: the event loop is the only lock needed.
			const ticket: Ticket = { seq: ++this.seq, startedAt: now, probe, before, pressed: false, state: 'flight' };
			this.log.push(ticket);
			this.inFlight += 1;
			this.lastUsed = now;
			return ticket;
		}
	}

	/** iMocha answered anything but 429 (including 4xx: the call was counted and not refused). */
	accepted(ticket: Ticket): void {
		if (!this.settle(ticket, 'accepted')) return;
		if (ticket.probe && ticket.seq > this.limitChangedSeq) {
			// The window held more calls than the limit: the limit rose.
			this.limit = Math.max(this.limit, this.throughBefore(ticket, false) + 1);
			this.raisedByProbe = true;
			this.step = this.firstStep(this.limit);
			this.probeAfterMs = this.tuning.minProbeAfterMs;
			this.limitChangedSeq = this.seq;
		}
		// Grow only while callers queue for concurrency: an idle pool proves nothing.
		if (ticket.pressed && ticket.seq > this.concurrencyCutSeq) {
			const growth = this.slowStart ? 1 : 1 / this.concurrency;
			this.concurrency = Math.min(this.tuning.maxConcurrency, this.concurrency + growth);
			this.wake();
		}
	}

	/** A 5xx, a timeout or a dropped connection: iMocha may be overloaded, so fewer calls at once. */
	failed(ticket: Ticket): void {
		if (!this.settle(ticket, 'failed')) return;
		if (ticket.seq <= this.concurrencyCutSeq) return;
		this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
		this.slowStart = false;
		this.concurrencyCutSeq = this.seq;
	}

	/**
	 * iMocha refused the call (429). The caller waits `waitMs` before sending it again (its own
	 * Retry-After or backoff); this decides what the account learns from it.
	 */
	refused(ticket: Ticket, waitMs: number): void {
		if (!this.settle(ticket, 'refused')) return;
		const now = this.now();
		this.refusals += 1;
		const through = this.throughBefore(ticket, true);
		if (ticket.probe) {
			// The limit did not rise: keep it, and probe less often while that holds. Probes of the
			// same window are one answer.
			if (ticket.seq <= this.probeEndedSeq) return;
			this.probeEndedSeq = this.seq;
			// What got through before it is proven, even if the limit was read low.
			this.limit = Math.max(this.limit, this.throughBefore(ticket, false));
			this.probeAfterMs = Math.min(this.tuning.maxProbeAfterMs, this.probeAfterMs * 2);
			this.step = this.firstStep(this.limit);
			this.probeAt = now + this.probeAfterMs;
			return;
		}
		// Calls already in flight at the last change are part of the event that caused it.
		if (ticket.seq <= this.limitChangedSeq) return;
		if (through === 0) {
			// Nothing got through: a quota used up, not a rate. Every call waits.
			this.resumeAt = Math.max(this.resumeAt, now + waitMs);
		} else if (through < this.limit - 1 || (this.raisedByProbe && through < this.limit)) {
			// The first 429, a limit that fell, or a probe that passed only across two fixed windows.
			this.limit = through;
			this.step = this.firstStep(through);
		} else if (now - this.edgeAt > 3 * this.tuning.windowMs && this.guardMs < this.tuning.maxGuardMs) {
			// The window was full but for this call: jitter moved a start across the window's edge.
			this.guardMs = Math.min(this.tuning.maxGuardMs, this.guardMs * 2);
			this.guardRaisedAt = now;
			this.edgeAt = now;
		} else {
			// Refused again at the limit: not jitter. Multiplicative decrease, as TCP does.
			this.limit = Math.max(1, Math.floor(this.limit * this.tuning.decrease));
			this.step = this.firstStep(this.limit);
			this.edgeAt = -Infinity;
		}
		this.raisedByProbe = false;
		this.limitChangedSeq = this.seq;
		this.probeAt = now + this.probeAfterMs;
	}

	/** Calls started in the window before `ticket` that got through (or may still: in flight). */
	private throughBefore(ticket: Ticket, countFlight: boolean): number {
		// The guard counts too: jitter is what it is there for.
		const from = ticket.startedAt - this.tuning.windowMs - this.guardMs;
		let count = 0;
		for (const other of this.log) {
			if (other.seq >= ticket.seq || other.startedAt < from) continue;
			if (other.state === 'accepted' || (countFlight && other.state === 'flight')) count++;
		}
		return count;
	}

	/** For tests and diagnostics. */
	get state(): PacerState {
		const { limit, inFlight, guardMs, resumeAt, refusals, probeAfterMs } = this;
		return { limit, concurrency: Math.floor(this.concurrency), inFlight, guardMs, resumeAt, refusals, probeAfterMs };
	}

	/** When the next call may start by the rate, and whether it would be a probe. */
	private slot(now: number): { freeAt: number; before: number; probe: boolean } {
		// A wide guard costs throughput: narrow it again once it has held for a quiet spell.
		if (this.guardMs > this.tuning.guardMs && now - this.guardRaisedAt > this.tuning.minProbeAfterMs) {
			this.guardMs = Math.max(this.tuning.guardMs, this.guardMs / 2);
			this.guardRaisedAt = now;
		}
		const span = this.tuning.windowMs + this.guardMs;
		let drop = 0;
		while (drop < this.log.length && this.log[drop].state !== 'flight' && this.log[drop].startedAt <= now - span - this.tuning.maxGuardMs) drop++;
		if (drop) this.log.splice(0, drop);
		// Refused calls are not counted: a gateway does not count what it refused.
		const recent = this.log.filter((ticket) => ticket.startedAt > now - span && ticket.state !== 'refused');
		const before = recent.length;
		if (!Number.isFinite(this.limit)) return { freeAt: now, before, probe: false };
		const allowed = now >= this.probeAt ? this.limit + this.step : this.limit;
		if (before >= allowed) return { freeAt: recent[before - allowed].startedAt + span, before, probe: false };
		// Spread a window's calls a little instead of starting them all in one instant.
		const last = recent[before - 1]?.startedAt ?? -Infinity;
		const spread = last + (this.tuning.spreadShare * this.tuning.windowMs) / allowed;
		return { freeAt: Math.max(now, spread), before, probe: before >= this.limit };
	}

	private settle(ticket: Ticket, state: Ticket['state']): boolean {
		if (ticket.state !== 'flight') return false;
		ticket.state = state;
		this.inFlight -= 1;
		this.lastUsed = this.now();
		this.wake();
		return true;
	}

	/** Lets as many queued callers re-check as there are free places (they check again anyway). */
	private wake(): void {
		let free = Math.floor(this.concurrency) - this.inFlight;
		while (free-- > 0 && this.waiters.length) this.waiters.shift()!();
	}

	private firstStep(limit: number): number {
		return Math.max(1, Math.ceil(limit * this.tuning.probeStep));
	}
}

const pacers = new Map<string, Pacer>();

/** Names an account: the host called (the two APIs have their own limits) and a hash of the key. */
export function accountOf(url: string, keyHash: string): string {
	return `${new URL(url).origin}#${keyHash}`;
}

/**
 * The pacer for one account: `account` is a base URL and a hash of the API key (never the key).
 * Kept in module memory, so executions running at the same time in this process share what
 * they learnt; other processes (queue-mode workers) each learn on their own.
 */
export function pacerFor(account: string, tuning: PacerTuning = DEFAULT_PACER_TUNING): Pacer {
	const now = Date.now();
	for (const [key, pacer] of pacers) {
		if (now - pacer.lastUsed > tuning.forgetAfterMs && pacer.state.inFlight === 0) pacers.delete(key);
	}
	let pacer = pacers.get(account);
	if (!pacer) {
		pacer = new Pacer(tuning);
		pacers.set(account, pacer);
	}
	return pacer;
}

/** Forgets every account's pacing (tests that change the sandbox's limit between cases). */
export function forgetPacers(): void {
	pacers.clear();
}
