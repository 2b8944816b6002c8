/**
 * The n8n versions `npm run test:compat` proves the package on, besides the e2e suite's default
 * (n8n 2.40.7 on Node 24). Versions measured available from the npm registry on 2026-11-29 and
 * re-checked on 2026-12-04: 1.123.81 is the last 1.x; 2.41.3 (the newest) does not install (it
 * needs @n8n/agents@0.26.2, which the registry does not have), so 2.41.1 is the newest
 * installable 2.x. The ids are also CI's compat matrix (`tsx scripts/compat/run.ts --list`).
 */
import type { RuntimeSpec } from '../n8n/runtime';

export interface CompatTarget extends RuntimeSpec {
	/** Also the CI matrix entry: `npm run test:compat -- --target <id>`. */
	id: string;
	/** Extra environment for n8n, with the reason in `why`. */
	env?: Record<string, string>;
	why?: string;
}

const target = (n8nVersion: string, nodeMajor: string, extra: Partial<CompatTarget> = {}): CompatTarget => ({
	id: `n8n-${n8nVersion}-node${nodeMajor}`,
	n8nVersion,
	nodeMajor,
	...extra,
});

export const TARGETS: CompatTarget[] = [
	target('1.123.81', '24'),
	target('1.123.81', '22'),
	target('1.123.81', '20', {
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		// Its `vm` engine needs isolated-vm 6.2.0 (Node >= 22, prebuilt for Node 22 and 24 only):
		// without this, n8n's first command fails with "Could not initialize the vm expression engine".
		why: "n8n 1.123.81's default expression engine does not run on Node 20",
	}),
	target('2.41.1', '24'),
];

/** The real-n8n suites that make up the smoke: load, every resource, callback loop, Get PDF, Invite and Wait. */
export const SMOKE_SUITES = [
	'test/e2e/runtime.test.ts',
	'test/e2e/load.test.ts',
	'test/e2e/operations.test.ts',
	'test/e2e/callbackLoop.test.ts',
	'test/e2e/inviteAndWait.test.ts',
];
