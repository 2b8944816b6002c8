import { sleep } from 'n8n-workflow';

/**
 * One per node execution: when any call meets a 429, every worker of the pool waits, so the
 * node as a whole slows to what iMocha allows instead of each worker hammering on its own.
 */
export class Pacer {
	private resumeAt = 0;

	pauseFor(ms: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}

	async ready(): Promise<void> {
		for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) {
			await sleep(wait);
		}
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
