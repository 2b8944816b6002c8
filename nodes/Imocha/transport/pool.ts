/**
 * Runs `work` over indices 0..count-1 with at most `concurrency` in flight, and returns the
 * results in input order whatever order they finish in.
 */
export async function mapWithConcurrency<R>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(count);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < count) {
			const index = next++;
			let finished = false;
			try {
				results[index] = await work(index);
				finished = true;
			} finally {
				// A failure fails the whole run: stop handing out work to the other workers.
				if (!finished) failed = true;
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker);
	await Promise.all(workers);
	return results;
}
