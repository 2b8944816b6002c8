import { DEFAULT_PACER_TUNING, Pacer } from '../../../nodes/Imocha/transport/pacer';

const tuning = DEFAULT_PACER_TUNING;

/** A pacer on a hand-driven clock; `ready()` is only used where real time is fine. */
function pacerAt(start = 100_000) {
	let now = start;
	const pacer = new Pacer(tuning, () => now);
	return { pacer, at: (ms: number) => (now = ms), now: () => now };
}

/** `count` accepted calls started evenly over the second before `end`. */
function acceptOver(pacer: Pacer, end: number, count: number) {
	for (let index = 0; index < count; index++) pacer.accepted(end - 1000 + (index * 1000) / count);
}

describe('Pacer', () => {
	it('does not pace before the first 429', async () => {
		const pacer = new Pacer();
		const started = Date.now();
		await Promise.all(Array.from({ length: 20 }, () => pacer.ready()));
		expect(Date.now() - started).toBeLessThan(50);
		expect(pacer.state.rate).toBe(Infinity);
	});

	it('learns the rate from what got through in the second before the refused call', () => {
		const { pacer, at } = pacerAt();
		acceptOver(pacer, 100_400, 20);
		at(100_500);
		pacer.refused(600, 100_400);
		expect(pacer.state.rate).toBeCloseTo(20 * tuning.margin);
		expect(pacer.state.resumeAt).toBe(101_100);
	});

	it('treats calls already in flight at a 429 as the same event: they extend the pause only', () => {
		const { pacer, at } = pacerAt();
		acceptOver(pacer, 100_400, 20);
		at(100_500);
		pacer.refused(600, 100_400);
		const rate = pacer.state.rate;
		at(100_520);
		pacer.refused(800, 100_450);
		expect(pacer.state.rate).toBe(rate);
		expect(pacer.state.resumeAt).toBe(101_320);
		expect(pacer.state.refusals).toBe(2);
	});

	it('stays unpaced when nothing got through (a quota used up before the run): it only waits', () => {
		const { pacer, at } = pacerAt();
		at(100_100);
		pacer.refused(5000, 100_000);
		expect(pacer.state.rate).toBe(Infinity);
		expect(pacer.state.resumeAt).toBe(105_100);
	});

	it('follows a limit that dropped well below the pace at once', () => {
		const { pacer, at } = pacerAt();
		acceptOver(pacer, 100_400, 20);
		at(100_500);
		pacer.refused(500, 100_400);
		// Two windows later only 8 got through.
		acceptOver(pacer, 103_000, 8);
		at(103_100);
		pacer.refused(500, 103_000);
		expect(pacer.state.rate).toBeCloseTo(8 * tuning.margin);
	});

	it('probes upward after a quiet spell, returns to the last good pace when the probe meets a 429, and waits longer next time', async () => {
		const { pacer, at } = pacerAt();
		acceptOver(pacer, 100_400, 20);
		at(100_500);
		pacer.refused(500, 100_400);
		const good = pacer.state.rate;
		at(101_000 + tuning.minQuietMs);
		await pacer.ready();
		expect(pacer.state.rate).toBeCloseTo(good * (1 + tuning.firstStep));

		acceptOver(pacer, 122_000, 20);
		at(122_100);
		pacer.refused(900, 122_000);
		expect(pacer.state.rate).toBeCloseTo(good);
		expect(pacer.state.quietMs).toBe(tuning.minQuietMs * 2);
	});

	it('grows its probes while they pass, until it stops pacing', async () => {
		const { pacer, at, now } = pacerAt();
		acceptOver(pacer, 100_400, 20);
		at(100_500);
		pacer.refused(500, 100_400);
		const rates: number[] = [];
		for (let probe = 0; probe < 12 && Number.isFinite(pacer.state.rate); probe++) {
			at(now() + pacer.state.quietMs);
			await pacer.ready();
			rates.push(pacer.state.rate);
		}
		expect(pacer.state.rate).toBe(Infinity);
		// Each step at least as large as the last, relative to the rate.
		const steps = rates.slice(1).map((rate, index) => rate / rates[index]);
		expect(steps.every((step, index) => index === 0 || step >= steps[index - 1] - 1e-9)).toBe(true);
	});

	it('spaces request starts evenly once pacing', async () => {
		const pacer = new Pacer({ ...tuning, margin: 1 });
		const now = Date.now();
		for (let index = 0; index < 50; index++) pacer.accepted(now - 999 + index * 19);
		pacer.refused(0, now);
		expect(pacer.state.rate).toBe(50);
		const starts = await Promise.all(Array.from({ length: 6 }, () => pacer.ready()));
		const gaps = starts.slice(1).map((start, index) => start - starts[index]);
		expect(gaps.every((gap) => Math.abs(gap - 20) < 1)).toBe(true);
		expect(Date.now() - now).toBeGreaterThanOrEqual(95);
	});
});
