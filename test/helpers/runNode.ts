import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Imocha } from '../../nodes/Imocha/Imocha.node';
import { sandboxCredentialData } from '../../sandbox/credential';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { createExecuteContext, type ContextOptions } from './context';

export const imochaNode = new Imocha();

export function sandboxCredentials(sandbox: Sandbox, extra: IDataObject = {}): IDataObject {
	return { ...sandboxCredentialData(sandbox.url), ...extra };
}

/** Runs the Imocha node's execute() with the given parameters against a sandbox. */
export async function runImocha(
	sandbox: Sandbox,
	options: Omit<ContextOptions, 'credentials' | 'properties'> & { credentials?: IDataObject },
): Promise<INodeExecutionData[]> {
	const context = createExecuteContext({
		...options,
		credentials: options.credentials ?? sandboxCredentials(sandbox),
		properties: imochaNode.description.properties,
	});
	const [output] = await imochaNode.execute.call(context);
	return output;
}

/** A sandbox that stops by itself if a test forgets it. */
export function testSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return startSandbox({ maxLifetimeMs: 5 * 60_000, ...options });
}
