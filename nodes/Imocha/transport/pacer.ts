import { sleep } from 'n8n-workflow';

/**
 * Paces every call to one iMocha account, across all executions in this n8n process.
 *
 * iMocha documents no limit, window or rate headers: only that a 429 means "too fast, or the
 * quota is used up" (https://developer.imocha.io/api/errors). So the pacer learns the limit,
 * with two bounds that adapt the way TCP's congestion control does:
 * - **Concurrency** (calls in flight) starts at `initialConcurrency` and grows by one per answer
 *   while callers queue for it (slow start: it doubles every round trip), up to
 *   `maxConcurrency`, so latency stops bounding throughput (100 calls/s at 400 ms needs 40 in
 *   flight). A 5xx, timeout or dropped connection halves it, once per round trip.
 * - **Rate**: until the first 429 there is none: calls go until the gateway refuses one. That
 *   429 teaches `limit`, the calls that got through in the window before it, read once every
 *   call started with or before it has been answered (answers come back out of order). From
 *   then on no more than `limit` calls start in any `windowMs + guardMs`. That fills a sliding
 *   window, and a fixed one too: the next window's calls start when the first of the last
 *   window's is a window old, which is the boundary the gateway counts from. Every 429 also
 *   holds new calls until the oldest call of its window is a window old: the gateway just said
 *   the window is full, whatever the pacer counted.
 *
 * Refusals are cheap (the gateway did not count them, and the call goes again first in line);
 * a limit read too low costs a share of every window. So the limit falls only on evidence that
 * holds: two refusals at least a window apart that both saw clearly fewer calls through than
 * the limit (a quota that fell, or a first burst read too high), and then to the better of the
 * two. A single short window is taken for the jitter of a loaded machine, where a call's start
 * and the gateway's count drift apart; right after the first burst that drift is largest, since
 * n8n's first calls of a run reach iMocha late (seen: one window read 4 of 20). The limit
 * rises by probes: `minProbeAfterMs` after it was last set a window takes `step` extra calls; a
 * probe that passes raises the limit and the next comes a window later with twice the step (a
 * quota that rose is found in a few seconds); one that is refused, or whose raise a 429 in the
 * next three windows does not hold, keeps the limit and waits twice as long.
 *
 * The whole account waits only when nothing got through around the refused call (a used-up
 * quota, not a rate): there is no limit to pace by then.
 */
export interface PacerTuning {
	/** The window the gateway counts calls in, ms. */
	windowMs: number;
	/** Added to the window (ms) so that jitter between our start and iMocha's count rarely crosses it. */
	guardMs: number;
	/** Calls started this close (ms) after a refused one may have reached the gateway before it. */
	reorderMs: number;
	/** A call may reach the gateway this much (ms) after it starts here, and be counted that much longer. */
	slackMs: number;
	initialConcurrency: number;
	/** Per account, over all executions; each execution's own Concurrency is a further bound. */
	maxConcurrency: number;
	/** The first probe's size, as a share of the limit (at least one call). */
	probeStep: number;
	/** Quiet time (ms) before a probe, at first and at most. */
	minProbeAfterMs: number;
	maxProbeAfterMs: number;
	/** Starts of a full window are spread over at least this share of it. */
	spreadShare: number;
	/** An account with no call for this long (ms) starts afresh: plans and quotas change. */
	forgetAfterMs: number;
}

export const DEFAULT_PACER_TUNING: PacerTuning = {
	windowMs: 1000,
	guardMs: 5,
	reorderMs: 50,
	slackMs: 100,
	initialConcurrency: 32,
	maxConcurrency: 200,
	probeStep: 0.05,
	minProbeAfterMs: 2000,
	maxProbeAfterMs: 60_000,
	spreadShare: 0.25,
	forgetAfterMs: 10 * 60_000,
};

/** One call's place in the pacer, from `acquire()` until it is settled. */
export interface Ticket {
	readonly seq: number;
	/** When the call was let go, ms since the epoch (the pacer's clock). */
	readonly startedAt: number;
	/** Started above the known limit, to find out whether the limit rose. */
	readonly probe: boolean;
	/** Whether a caller was waiting for concurrency while this call was in flight. */
	pressed: boolean;
	state: 'flight' | 'accepted' | 'refused' | 'failed';
}

export interface PacerState {
	/** Calls allowed per window; Infinity until the first 429. */
	limit: number;
	concurrency: number;
	inFlight: number;
	/** Callers waiting for a place. */
	queued: number;
	resumeAt: number;
	refusals: number;
	probeAfterMs: number;
}

interface Waiter {
	resolve: (ticket: Ticket) => void;
}

/** An answer whose meaning depends on the calls started before it, read once they are answered. */
interface Evidence {
	ticket: Ticket;
	/** For a refusal: the wait it asked for, ms; and when it came. */
	waitMs?: number;
	at: number;
}

export class Pacer {
	private limit = Infinity;
	/** Fractional while it grows by one per round trip. */
	private concurrency: number;
	private slowStart = true;
	private inFlight = 0;
	private resumeAt = 0;
	private refusals = 0;
	private seq = 0;
	/** Calls of the last few windows, oldest first. */
	private log: Ticket[] = [];
	/** Retries first, then new calls, each in arrival order. */
	private retries: Waiter[] = [];
	private fresh: Waiter[] = [];
	private pending: Evidence[] = [];
	private step = 1;
	private probeAfterMs: number;
	private probeAt = Infinity;
	/** Probes numbered up to this were in flight when the last one was answered. */
	private probeEndedSeq = 0;
	/** Calls numbered up to this were already in flight at the last change of the limit. */
	private limitChangedSeq = 0;
	private concurrencyCutSeq = 0;
	/** The limit was raised by a probe that passed, and no later window has held it yet. */
	private probeUnconfirmed = false;
	private limitSetAt = 0;
	private limitBeforeProbe = 0;
	/** After a 429, nothing starts before this (ms): the gateway's window is full until then. */
	private fullUntil = 0;
	/** A refusal that saw fewer calls through than the limit, waiting for a second one. */
	private shortfall?: { startedAt: number; through: number };
	private pumping = false;
	private kick?: () => void;
	lastUsed: number;

	constructor(
		private readonly tuning: PacerTuning = DEFAULT_PACER_TUNING,
		private readonly now: () => number = Date.now,
	) {
		this.concurrency = tuning.initialConcurrency;
		this.probeAfterMs = tuning.minProbeAfterMs;
		this.lastUsed = now();
	}

	/**
	 * Resolves when a call may start, with its ticket; settle the ticket exactly once (accepted,
	 * failed or refused). `retry`: the call was refused or failed before, so it goes first.
	 */
	acquire(retry = false): Promise<Ticket> {
		return new Promise<Ticket>((resolve) => {
			(retry ? this.retries : this.fresh).push({ resolve });
			this.schedule();
		});
	}

	/** iMocha answered anything but 429 (including 4xx: the call was counted and not refused). */
	accepted(ticket: Ticket): void {
		if (!this.settle(ticket, 'accepted')) return;
		if (ticket.probe) this.pending.push({ ticket, at: this.now() });
		// Grow only while callers queue for concurrency: an idle pool proves nothing.
		if (ticket.pressed && ticket.seq > this.concurrencyCutSeq) {
			const growth = this.slowStart ? 1 : 1 / this.concurrency;
			this.concurrency = Math.min(this.tuning.maxConcurrency, this.concurrency + growth);
		}
		this.learn();
	}

	/** A 5xx, a timeout or a dropped connection: iMocha may be overloaded, so fewer calls at once. */
	failed(ticket: Ticket): void {
		if (!this.settle(ticket, 'failed')) return;
		if (ticket.seq > this.concurrencyCutSeq) {
			this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
			this.slowStart = false;
			this.concurrencyCutSeq = this.seq;
		}
		this.learn();
	}

	/**
	 * iMocha refused the call (429). The caller waits `waitMs` (its Retry-After or backoff)
	 * before it acquires again; what the account learns from it is decided here.
	 */
	refused(ticket: Ticket, waitMs: number): void {
		if (!this.settle(ticket, 'refused')) return;
		this.refusals += 1;
		this.pending.push({ ticket, waitMs, at: this.now() });
		this.learn();
	}

	/** For tests and diagnostics. */
	get state(): PacerState {
		const { limit, inFlight, resumeAt, refusals, probeAfterMs } = this;
		const queued = this.retries.length + this.fresh.length;
		return { limit, concurrency: Math.floor(this.concurrency), inFlight, queued, resumeAt, refusals, probeAfterMs };
	}

	/** Reads the answers whose earlier calls are all answered now, oldest first. */
	private learn(): void {
		while (this.pending.length) {
			const evidence = this.pending[0];
			const until = evidence.ticket.startedAt + this.tuning.reorderMs;
			if (this.log.some((other) => other.state === 'flight' && (other.seq < evidence.ticket.seq || other.startedAt <= until))) break;
			this.pending.shift();
			if (evidence.waitMs === undefined) this.probePassed(evidence.ticket);
			else this.readRefusal(evidence.ticket, evidence.waitMs, evidence.at);
		}
		this.schedule();
	}

	private probePassed(ticket: Ticket): void {
		// Every probe of the window that passed counts (they started before the limit changed).
		const held = this.through(ticket, 'proof') + 1;
		if (held <= this.limit) return;
		// The window held more calls than the limit: the limit rose. Probe again soon, wider.
		if (!this.probeUnconfirmed) this.limitBeforeProbe = this.limit;
		this.setLimit(held, true);
		this.step *= 2;
		this.probeAfterMs = this.tuning.minProbeAfterMs;
		this.probeAt = this.now() + this.tuning.windowMs;
	}

	private readRefusal(ticket: Ticket, waitMs: number, at: number): void {
		// The gateway's window was full when this call arrived: nothing more fits until the oldest
		// call in it is a window old (the boundary of a fixed window, a place in a sliding one).
		const oldest = this.log.find((other) => other.state === 'accepted' && other.startedAt > ticket.startedAt - this.span());
		if (oldest) this.fullUntil = Math.max(this.fullUntil, oldest.startedAt + this.span());
		const through = this.through(ticket, 'refused');
		if (ticket.probe) {
			// Probes of one window are one answer: the limit did not rise. Keep it (what got
			// through is proven, even if it was read low) and probe less often while that holds.
			if (ticket.seq <= this.probeEndedSeq) return;
			this.probeEndedSeq = this.seq;
			this.limit = Math.max(this.limit, this.through(ticket, 'proof'));
			this.step = this.firstStep(this.limit);
			this.probeAfterMs = Math.min(this.tuning.maxProbeAfterMs, this.probeAfterMs * 2);
			this.probeAt = this.now() + this.probeAfterMs;
			return;
		}
		// Calls already in flight at the last change are part of the event that caused it.
		if (ticket.seq <= this.limitChangedSeq) return;
		// Three windows without a 429 confirm a probe's raise.
		if (this.probeUnconfirmed && at - this.limitSetAt > 3 * this.span()) this.probeUnconfirmed = false;
		if (through === 0) {
			// None of the window's calls got through before it. With calls through just before
			// the window or just after it, it crossed the window's edge; with none, the quota is
			// used up, not a rate: every call waits.
			const around = this.through(ticket, 'burst') + this.throughIn(ticket.startedAt - 2 * this.span(), ticket.startedAt);
			if (around === 0) this.resumeAt = Math.max(this.resumeAt, at + waitMs);
		} else if (!Number.isFinite(this.limit)) {
			// The first 429 of a burst: count the calls let go with it too, whichever arrived first.
			this.setLimit(this.through(ticket, 'burst'), false);
		} else if (this.probeUnconfirmed) {
			// A probe passed, but the limit it raised does not hold: a start that jitter moved out
			// of a window let it through. Back to what this window proves (not below the limit
			// before the probes), and probe less often.
			const proven = Math.min(this.limit - 1, this.through(ticket, 'proof'));
			this.setLimit(Math.max(this.limitBeforeProbe, proven), false);
			this.probeAfterMs = Math.min(this.tuning.maxProbeAfterMs, this.probeAfterMs * 2);
			this.probeAt = this.now() + this.probeAfterMs;
		} else if (through < this.limit - 1) {
			const earlier = this.shortfall;
			const apart = earlier ? ticket.startedAt - earlier.startedAt : Infinity;
			if (earlier && apart >= this.tuning.windowMs && apart <= 4 * this.tuning.windowMs) {
				// Short in two windows: the quota fell. The better of the two readings: jitter only lowers them.
				this.setLimit(Math.max(earlier.through, through), false);
			} else if (apart > 4 * this.tuning.windowMs) {
				this.shortfall = { startedAt: ticket.startedAt, through };
			}
		}
		// Otherwise the window was at the limit: jitter moved a start across its edge.
	}

	private setLimit(limit: number, probeUnconfirmed: boolean): void {
		this.limit = limit;
		this.probeUnconfirmed = probeUnconfirmed;
		this.limitSetAt = this.now();
		this.limitChangedSeq = this.seq;
		this.shortfall = undefined;
		this.step = this.firstStep(limit);
		this.probeAt = this.now() + this.probeAfterMs;
	}

	private span(): number {
		return this.tuning.windowMs + this.tuning.guardMs;
	}

	/** Calls that got through among those started in (from, to]. */
	private throughIn(from: number, to: number): number {
		return this.log.filter((other) => other.state === 'accepted' && other.startedAt > from && other.startedAt <= to).length;
	}

	/**
	 * Calls that got through among those started in the window (and guard) before `ticket`.
	 * - `proof`: exactly those: what a probe that passed adds to.
	 * - `refused`: also those started up to `slackMs` before the window, since a call reaches the
	 *   gateway some time after it starts here and stays in its count a window from then. So
	 *   the jitter of a loaded machine does not read as a shortfall.
	 * - `burst`: also those started up to `reorderMs` after it, since calls let go together reach
	 *   the gateway in any order (a refused call may have been the last of its batch to arrive).
	 */
	private through(ticket: Ticket, reading: 'proof' | 'refused' | 'burst'): number {
		const from = ticket.startedAt - this.span() - (reading === 'refused' ? this.tuning.slackMs : 0);
		const to = ticket.startedAt + (reading === 'burst' ? this.tuning.reorderMs : 0);
		let count = 0;
		for (const other of this.log) {
			if (other === ticket || other.state !== 'accepted' || other.startedAt <= from) continue;
			if (other.seq < ticket.seq || other.startedAt <= to) count++;
		}
		return count;
	}

	/** Lets waiting callers go while the bounds allow; one loop per pacer, woken by every change. */
	private schedule(): void {
		if (this.pumping) {
			this.kick?.();
			return;
		}
		this.pumping = true;
		void this.pump();
	}

	private async pump(): Promise<void> {
		try {
			while (this.retries.length || this.fresh.length) {
				const waitMs = this.grant();
				if (waitMs === 0) continue;
				// Woken early by an answer or a new caller; a stale timer only re-checks.
				await new Promise<void>((resolve) => {
					this.kick = resolve;
					if (Number.isFinite(waitMs)) void sleep(waitMs).then(resolve);
				});
				this.kick = undefined;
			}
		} finally {
			// Synchronously with the last check, so a caller that comes next starts a new loop.
			this.pumping = false;
		}
	}

	/** Starts one call if the bounds allow (returns 0), else how long to wait (Infinity: for an answer). */
	private grant(): number {
		const now = this.now();
		if (this.resumeAt > now) return this.resumeAt - now;
		if (this.inFlight >= Math.floor(this.concurrency)) {
			for (const ticket of this.log) if (ticket.state === 'flight') ticket.pressed = true;
			return Infinity;
		}
		// A 429 is waiting to be read: there is a limit, not yet known. Wait for the answers.
		if (!Number.isFinite(this.limit) && this.pending.some((evidence) => evidence.waitMs !== undefined)) return Infinity;
		if (this.fullUntil > now) return this.fullUntil - now;
		const { freeAt, probe } = this.slot(now);
		if (freeAt > now) return freeAt - now;
		const waiter = this.retries.shift() ?? this.fresh.shift()!;
		const ticket: Ticket = { seq: ++this.seq, startedAt: now, probe, pressed: false, state: 'flight' };
		this.log.push(ticket);
		this.inFlight += 1;
		this.lastUsed = now;
		waiter.resolve(ticket);
		return 0;
	}

	/** When the next call may start by the rate, and whether it would be a probe. */
	private slot(now: number): { freeAt: number; probe: boolean } {
		const span = this.span();
		this.prune(now - 3 * span);
		// Refused calls are not counted: a gateway does not count what it refused.
		const recent = this.log.filter((ticket) => ticket.startedAt > now - span && ticket.state !== 'refused');
		const before = recent.length;
		if (!Number.isFinite(this.limit)) return { freeAt: now, probe: false };
		const allowed = now >= this.probeAt ? this.limit + this.step : this.limit;
		if (before >= allowed) return { freeAt: recent[before - allowed].startedAt + span, probe: false };
		// Spread a window's calls a little instead of starting them all in one instant.
		const last = recent[before - 1]?.startedAt ?? -Infinity;
		const spread = last + (this.tuning.spreadShare * this.tuning.windowMs) / allowed;
		return { freeAt: Math.max(now, spread), probe: before >= this.limit };
	}

	/** Drops answered calls older than `before`, but none an unread answer still needs. */
	private prune(before: number): void {
		const needed = this.pending[0]?.ticket.startedAt ?? Infinity;
		const oldest = Math.min(before, needed - 2 * this.span());
		let drop = 0;
		while (drop < this.log.length && this.log[drop].state !== 'flight' && this.log[drop].startedAt < oldest) drop++;
		if (drop) this.log.splice(0, drop);
	}

	private settle(ticket: Ticket, state: Ticket['state']): boolean {
		if (ticket.state !== 'flight') return false;
		ticket.state = state;
		this.inFlight -= 1;
		this.lastUsed = this.now();
		return true;
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
		const { inFlight, queued } = pacer.state;
		if (now - pacer.lastUsed > tuning.forgetAfterMs && inFlight === 0 && queued === 0) pacers.delete(key);
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
