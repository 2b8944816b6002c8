import { DEFAULT_PACER_TUNING, Pacer, pacerFor, type PacerTuning, type Ticket } from '../../../nodes/Imocha/transport/pacer';

/**
 * A pacer on a hand-driven clock. When a bound is reached it waits in real time for what the
 * clock says is left, so the tests start calls only where one is free (and do not spread them:
 * that would need the clock), and move the clock before they wait.
 */
function pacerAt(tuning: Partial<PacerTuning> = {}, start = 100_000) {
	let now = start;
	const pacer = new Pacer({ ...DEFAULT_PACER_TUNING, spreadShare: 0, ...tuning }, () => now);
	return { pacer, at: (ms: number) => (now = ms), now: () => now };
}

/** Lets the pacer's loop hand out what it may. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** Starts `count` calls now (within the bounds) and returns their tickets. */
async function start(pacer: Pacer, count: number): Promise<Ticket[]> {
	const tickets: Ticket[] = [];
	for (let index = 0; index < count; index++) tickets.push(await pacer.acquire());
	return tickets;
}

/** Whether a call asked for now has started once the pacer had its turn. */
async function startsNow(pacer: Pacer): Promise<{ started: boolean; ticket: Promise<Ticket> }> {
	let started = false;
	const ticket = pacer.acquire().then((value) => {
		started = true;
		return value;
	});
	await settled();
	return { started, ticket };
}

/** Teaches a pacer the limit `limit` with a first burst of `limit + 1` calls. */
async function learnt(limit: number, tuning: Partial<PacerTuning> = {}) {
	const clock = pacerAt({ initialConcurrency: 200, ...tuning });
	const burst = await start(clock.pacer, limit + 1);
	burst.slice(0, limit).forEach((ticket) => clock.pacer.accepted(ticket));
	clock.pacer.refused(burst[limit], 1000);
	expect(clock.pacer.state.limit).toBe(limit);
	return clock;
}

/** 1.2 s later, starts `count` calls: `accepted` get through, the rest are refused. */
async function shortWindow(clock: Awaited<ReturnType<typeof learnt>>, count: number, accepted: number): Promise<void> {
	clock.at(clock.now() + 1200);
	const tickets = await start(clock.pacer, count);
	tickets.slice(0, accepted).forEach((ticket) => clock.pacer.accepted(ticket));
	tickets.slice(accepted).forEach((ticket) => clock.pacer.refused(ticket, 1000));
}

describe('Pacer', () => {
	it('does not pace by rate before the first 429, and starts with a few calls in flight', async () => {
		const { pacer } = pacerAt({ initialConcurrency: 4 });
		const first = await start(pacer, 4);
		expect(pacer.state).toMatchObject({ limit: Infinity, inFlight: 4, concurrency: 4 });
		const fifth = await startsNow(pacer);
		expect(fifth.started).toBe(false);
		pacer.accepted(first[0]);
		await fifth.ticket;
		expect(pacer.state.inFlight).toBe(4);
	});

	it('grows concurrency by one per answer while callers queue for it, and halves it on a 5xx', async () => {
		const { pacer } = pacerAt({ initialConcurrency: 2, maxConcurrency: 5 });
		const first = await start(pacer, 2);
		const queued = Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
		await settled();
		first.forEach((ticket) => pacer.accepted(ticket));
		const more = await queued;
		expect(pacer.state.concurrency).toBe(4);
		expect(pacer.state.inFlight).toBe(3);
		pacer.failed(more[0]);
		expect(pacer.state.concurrency).toBe(2);
		// Answers of calls started before the cut are part of the same overload.
		pacer.failed(more[1]);
		expect(pacer.state.concurrency).toBe(2);
	});

	it('never lets concurrency grow beyond its maximum', async () => {
		const { pacer } = pacerAt({ initialConcurrency: 1, maxConcurrency: 3 });
		for (let round = 0; round < 10; round++) {
			const tickets = await start(pacer, pacer.state.concurrency);
			const queued = pacer.acquire();
			await settled();
			tickets.forEach((ticket) => pacer.accepted(ticket));
			pacer.accepted(await queued);
		}
		expect(pacer.state.concurrency).toBe(3);
	});

	it('reads the first 429 once the calls started before it are answered, counting those let go with it', async () => {
		const { pacer, at } = pacerAt({ initialConcurrency: 30 });
		const tickets = await start(pacer, 25);
		// The 429 comes back first: the calls started before it are still out, and nobody starts.
		at(100_200);
		pacer.refused(tickets[15], 1000);
		expect(pacer.state.limit).toBe(Infinity);
		const held = await startsNow(pacer);
		expect(held.started).toBe(false);
		// Calls let go together reach the gateway in any order: the refused one arrived last of twenty.
		tickets.filter((_, index) => index !== 15 && index <= 20).forEach((ticket) => pacer.accepted(ticket));
		tickets.slice(21).forEach((ticket) => pacer.refused(ticket, 1000));
		expect(pacer.state.limit).toBe(20);
		// The other refusals of the same burst do not teach it again, and nobody else is paused.
		expect(pacer.state.resumeAt).toBe(0);
		expect(pacer.state.refusals).toBe(5);
		// The caller held meanwhile starts once the window has room.
		at(101_100);
		await held.ticket;
	});

	it('then starts no more than the limit in any window and guard', async () => {
		const { pacer, at, now } = await learnt(10, { windowMs: 1000, guardMs: 10 });
		// The window is full: the next call may start when the first of the ten is a window and guard old.
		const next = await startsNow(pacer);
		expect(next.started).toBe(false);
		at(now() + 1010);
		await next.ticket;
	});

	it('after a 429 in a window below the limit, starts nothing until the oldest call in it is a window old', async () => {
		const { pacer, at, now } = await learnt(10);
		const t0 = now();
		at(t0 + 1010);
		const second = await start(pacer, 6);
		second.slice(0, 5).forEach((ticket) => pacer.accepted(ticket));
		at(t0 + 1100);
		pacer.refused(second[5], 1000);
		// Only five of ten started in this window, but the gateway said it is full.
		const next = await startsNow(pacer);
		expect(next.started).toBe(false);
		at(t0 + 2020);
		await next.ticket;
	});

	it('pauses every call when nothing got through: a used-up quota, not a rate', async () => {
		const { pacer, at } = pacerAt();
		const [ticket] = await start(pacer, 1);
		at(100_050);
		pacer.refused(ticket, 5000);
		expect(pacer.state.limit).toBe(Infinity);
		expect(pacer.state.resumeAt).toBe(105_050);
	});

	it('takes one short window for jitter, and follows a quota that is short in two windows', async () => {
		const clock = await learnt(20);
		const { pacer, at, now } = clock;
		// Three windows later: what follows does not depend on how long ago the limit was read.
		at(now() + 3100);
		const window = (accepted: number) => shortWindow(clock, 20, accepted);
		await window(8);
		expect(pacer.state.limit).toBe(20);
		await window(9);
		// The better of the two readings.
		expect(pacer.state.limit).toBe(9);
	});

	it("also takes one short window right after the first burst for jitter: n8n's first calls reach iMocha late", async () => {
		const clock = await learnt(20);
		const { pacer } = clock;
		const window = (accepted: number) => shortWindow(clock, 20, accepted);
		// Seen in n8n (R = 20, 400 ms): one window read 4 and the limit stayed there for seconds.
		await window(4);
		expect(pacer.state.limit).toBe(20);
		// A burst read too high still falls within two windows, to the better reading.
		await window(15);
		expect(pacer.state.limit).toBe(15);
	});

	it('probes after a quiet spell: a probe that passes raises the limit, one that is refused keeps it and waits longer', async () => {
		const { pacer, at, now } = await learnt(10, { minProbeAfterMs: 2000, probeStep: 0.1 });
		// Quiet spell over: the window takes the limit plus one probe.
		at(now() + 2100);
		const probed = await start(pacer, 11);
		expect(probed.map((ticket) => ticket.probe)).toEqual([...Array(10).fill(false), true]);
		probed.forEach((ticket) => pacer.accepted(ticket));
		expect(pacer.state.limit).toBe(11);

		// The next probe (a window later, twice as wide) meets a 429: the limit stays, and the
		// next probe waits twice as long.
		at(now() + 1100);
		const again = await start(pacer, 13);
		again.slice(0, 11).forEach((ticket) => pacer.accepted(ticket));
		expect(again.slice(11).map((ticket) => ticket.probe)).toEqual([true, true]);
		pacer.refused(again[11], 1000);
		pacer.refused(again[12], 1000);
		expect(pacer.state.limit).toBe(11);
		expect(pacer.state.probeAfterMs).toBe(4000);
	});

	it('goes back from a limit a probe raised when the next window does not hold it', async () => {
		const { pacer, at, now } = await learnt(10, { minProbeAfterMs: 2000, probeStep: 0.1 });
		at(now() + 2100);
		const probed = await start(pacer, 11);
		probed.forEach((ticket) => pacer.accepted(ticket));
		expect(pacer.state.limit).toBe(11);
		// Jitter let the probe through: the next window holds only ten.
		at(now() + 1100);
		const next = await start(pacer, 11);
		next.slice(0, 10).forEach((ticket) => pacer.accepted(ticket));
		pacer.refused(next[10], 1000);
		expect(pacer.state.limit).toBe(10);
		expect(pacer.state.probeAfterMs).toBe(4000);
	});

	it('lets a call that is tried again go before the new ones', async () => {
		const { pacer } = pacerAt({ initialConcurrency: 1 });
		const [first] = await start(pacer, 1);
		const order: string[] = [];
		const fresh = pacer.acquire().then((ticket) => (order.push('fresh'), ticket));
		const retry = pacer.acquire(true).then((ticket) => (order.push('retry'), ticket));
		await settled();
		pacer.accepted(first);
		pacer.accepted(await retry);
		await fresh;
		expect(order).toEqual(['retry', 'fresh']);
	});

	it('keeps one pacer per account, shared by every caller in the process', () => {
		const a = pacerFor('https://apiv3.imocha.io#aaaa');
		expect(pacerFor('https://apiv3.imocha.io#aaaa')).toBe(a);
		expect(pacerFor('https://apiv3.imocha.io#bbbb')).not.toBe(a);
		expect(pacerFor('https://api.skillsintelligence.imocha.io#aaaa')).not.toBe(a);
	});
});
