import { parseArgs } from 'node:util';

import { SANDBOX_API_KEY } from './seed';
import { startSandbox } from './server';

/** `npm run sandbox -- --port 4010 --latency 100 --rate-limit 20 --window sliding --whole-seconds --reports 50000` */
async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '4010' },
			'api-key': { type: 'string', default: SANDBOX_API_KEY },
			latency: { type: 'string', default: '0' },
			'rate-limit': { type: 'string', default: '0' },
			'error-rate': { type: 'string', default: '0' },
			'malformed-rate': { type: 'string', default: '0' },
			'whole-seconds': { type: 'boolean', default: false },
			window: { type: 'string', default: 'fixed' },
			'no-retry-after': { type: 'boolean', default: false },
			reports: { type: 'string', default: '0' },
		},
	});
	const sandbox = await startSandbox({
		port: Number(values.port),
		apiKeys: [String(values['api-key'])],
		reports: Number(values.reports),
		faults: {
			latencyMs: Number(values.latency),
			rateLimitPerSecond: Number(values['rate-limit']),
			errorRate: Number(values['error-rate']),
			malformedRate: Number(values['malformed-rate']),
			retryAfterWholeSeconds: values['whole-seconds'] === true,
			rateWindow: values.window === 'sliding' ? 'sliding' : 'fixed',
			retryAfter: values['no-retry-after'] !== true,
		},
	});
	process.stdout.write(`iMocha sandbox listening on ${sandbox.url} (API key "${values['api-key']}")\n`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
