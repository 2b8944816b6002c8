import type { IDataObject } from 'n8n-workflow';

import { intelligenceOf } from '../../sandbox/routes/intelligence';
import type { Sandbox } from '../../sandbox/server';
import { runImocha, testSandbox } from './runNode';
import type { ContextOptions } from './context';

/** A sandbox per test file, with its request log cleared before each test. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});
	return () => sandbox;
}

export const byId = (value: string | number) => ({ mode: 'id', value: String(value) });
export const fromList = (value: string | number) => ({ mode: 'list', value: String(value) });

export function run(
	sandbox: Sandbox,
	parameters: ContextOptions['parameters'],
	extra: Omit<ContextOptions, 'parameters' | 'credentials' | 'properties'> & { credentials?: ContextOptions['credentials'] } = {},
) {
	return runImocha(sandbox, { parameters, ...extra });
}

export const si = (sandbox: Sandbox) => intelligenceOf(sandbox.state);

export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

/** The SI requests the sandbox received, as method + path + query. */
export const received = (sandbox: Sandbox) =>
	sandbox.requests.map(({ method, path, query }) => ({ method, path, query }));
