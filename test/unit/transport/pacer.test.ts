import { DEFAULT_PACER_TUNING, Pacer, pacerFor, type PacerTuning, type Ticket } from '../../../nodes/Imocha/transport/pacer';

/**
 * A pacer on a hand-driven clock. `acquire()` sleeps in real time when a bound is reached, so the
 * tests start calls only where one is free (and do not spread them: that would need the clock).
 */
function pacerAt(tuning: Partial<PacerTuning> = {}, start = 100_000) {
	let now = start;
	const pacer = new Pacer({ ...DEFAULT_PACER_TUNING, spreadShare: 0, ...tuning }, () => now);
	return { pacer, at: (ms: number) => (now = ms), now: () => now };
}

/** Starts `count` calls now (within the bounds) and returns their tickets. */
async function start(pacer: Pacer, count: number): Promise<Ticket[]> {
	const tickets: Ticket[] = [];
	for (let index = 0; index < count; index++) tickets.push(await pacer.acquire());
	return tickets;
}

describe('Pacer', () => {
	it('does not pace by rate before the first 429, and starts with a few calls in flight', async () => {
		const { pacer } = pacerAt({ initialConcurrency: 4 });
		const first = await start(pacer, 4);
		expect(pacer.state).toMatchObject({ limit: Infinity, inFlight: 4, concurrency: 4 });
		let fifth = false;
		const waiting = pacer.acquire().then(() => (fifth = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(fifth).toBe(false);
		pacer.accepted(first[0]);
		await waiting;
		expect(pacer.state.inFlight).toBe(4);
	});

	it('grows concurrency by one per answer while callers queue for it, and halves it on a 5xx', async () => {
		const { pacer } = pacerAt({ initialConcurrency: 2, maxConcurrency: 5 });
		const first = await start(pacer, 2);
		const queued = Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
		await new Promise((resolve) => setImmediate(resolve));
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
			await new Promise((resolve) => setImmediate(resolve));
			tickets.forEach((ticket) => pacer.accepted(ticket));
			pacer.accepted(await queued);
		}
		expect(pacer.state.concurrency).toBe(3);
	});

	it('learns the limit from what got through in the window before the refused call', async () => {
		const { pacer, at } = pacerAt({ initialConcurrency: 30 });
		const tickets = await start(pacer, 25);
		tickets.slice(0, 20).forEach((ticket) => pacer.accepted(ticket));
		at(100_200);
		pacer.refused(tickets[20], 1000);
		expect(pacer.state.limit).toBe(20);
		// The other refusals of the same burst do not teach it again, and nobody else is paused.
		tickets.slice(21).forEach((ticket) => pacer.refused(ticket, 1000));
		expect(pacer.state.limit).toBe(20);
		expect(pacer.state.resumeAt).toBe(0);
		expect(pacer.state.refusals).toBe(5);
	});

	it('then starts no more than the limit in any window and guard', async () => {
		const { pacer, at, now } = pacerAt({ initialConcurrency: 100, windowMs: 1000, guardMs: 10 });
		const tickets = await start(pacer, 11);
		tickets.slice(0, 10).forEach((ticket) => pacer.accepted(ticket));
		pacer.refused(tickets[10], 0);
		expect(pacer.state.limit).toBe(10);
		// The window is full: the next call may start when the first of the ten is a window and guard old.
		let started = false;
		const next = pacer.acquire().then(() => (started = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(started).toBe(false);
		at(now() + 1010);
		await next;
	});

	it('pauses every call when nothing got through: a used-up quota, not a rate', async () => {
		const { pacer, at } = pacerAt();
		const [ticket] = await start(pacer, 1);
		at(100_050);
		pacer.refused(ticket, 5000);
		expect(pacer.state.limit).toBe(Infinity);
		expect(pacer.state.resumeAt).toBe(105_050);
	});

	it('follows a limit that fell, and widens its guard when a call is refused at the limit', async () => {
		const { pacer, at, now } = pacerAt({ initialConcurrency: 100 });
		const first = await start(pacer, 21);
		first.slice(0, 20).forEach((ticket) => pacer.accepted(ticket));
		pacer.refused(first[20], 0);
		expect(pacer.state.limit).toBe(20);

		// A window later, twenty start but only eight get through: the limit fell to eight.
		at(now() + 1100);
		const second = await start(pacer, 20);
		second.slice(0, 8).forEach((ticket) => pacer.accepted(ticket));
		second.slice(8).forEach((ticket) => pacer.refused(ticket, 0));
		expect(pacer.state.limit).toBe(8);

		// Refused with the window at the limit: a start crossed the edge; the limit holds.
		at(now() + 1100);
		const third = await start(pacer, 8);
		third.slice(0, 7).forEach((ticket) => pacer.accepted(ticket));
		const guard = pacer.state.guardMs;
		pacer.refused(third[7], 0);
		expect(pacer.state.limit).toBe(8);
		expect(pacer.state.guardMs).toBe(guard * 2);
	});

	it('probes after a quiet spell: a probe that passes raises the limit, one that is refused keeps it and waits longer', async () => {
		const tuning = { initialConcurrency: 100, minProbeAfterMs: 2000, probeStep: 0.1 };
		const { pacer, at, now } = pacerAt(tuning);
		const first = await start(pacer, 11);
		first.slice(0, 10).forEach((ticket) => pacer.accepted(ticket));
		pacer.refused(first[10], 0);
		expect(pacer.state.limit).toBe(10);

		// Quiet spell over: the window takes the limit plus one probe.
		at(now() + 2100);
		const probed = await start(pacer, 11);
		expect(probed.map((ticket) => ticket.probe)).toEqual([...Array(10).fill(false), true]);
		probed.forEach((ticket) => pacer.accepted(ticket));
		expect(pacer.state.limit).toBe(11);

		// The next probe meets a 429: the limit stays, and the next probe waits twice as long.
		at(now() + 1100);
		const again = await start(pacer, 13);
		again.slice(0, 11).forEach((ticket) => pacer.accepted(ticket));
		expect(again[11].probe).toBe(true);
		pacer.refused(again[11], 1000);
		pacer.refused(again[12], 1000);
		expect(pacer.state.limit).toBe(11);
		expect(pacer.state.probeAfterMs).toBe(4000);
	});

	it('keeps one pacer per account, shared by every caller in the process', () => {
		const a = pacerFor('https://apiv3.imocha.io#aaaa');
		expect(pacerFor('https://apiv3.imocha.io#aaaa')).toBe(a);
		expect(pacerFor('https://apiv3.imocha.io#bbbb')).not.toBe(a);
		expect(pacerFor('https://api.skillsintelligence.imocha.io#aaaa')).not.toBe(a);
	});
});
