/** Reads executions from a throwaway n8n's sqlite database (the CLI cannot print very large runs). */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

import type { N8nInstance } from '../n8n/instance';
import { cacheRoot, N8N_VERSION } from '../n8n/runtime';

export function sql(n8n: N8nInstance, query: string): string {
	const db = path.join(n8n.userFolder, '.n8n', 'database.sqlite');
	return execFileSync('sqlite3', ['-readonly', db, query], { encoding: 'utf8', maxBuffer: 1024 ** 3 });
}

/**
 * The run data of a workflow's latest execution. n8n stores it in the `flatted` format; its own
 * copy of the library reads it back.
 */
export function latestRun(n8n: N8nInstance, workflowId: string): any {
	const flatted = require(path.join(cacheRoot(), `n8n-${N8N_VERSION}`, 'node_modules', 'flatted')) as { parse(text: string): any };
	const data = sql(
		n8n,
		`select d.data from execution_data d where d.executionId = (select max(id) from execution_entity where workflowId = '${workflowId}');`,
	);
	return data.trim() ? { data: flatted.parse(data.trim()) } : undefined;
}
