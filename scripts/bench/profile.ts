/**
 * Reads the .cpuprofile files Node writes under --cpu-prof and says where the time went: per
 * function (file:line), the self time and the inclusive time (the function and all it called),
 * the heaviest first, plus the share spent inside this package.
 *
 *   npx tsx scripts/bench/profile.ts <dir-or-file.cpuprofile>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

const PACKAGE = 'n8n-nodes-imocha';
/** Where n8n loads the package from (the cache path also holds the name, so match the folder). */
const PACKAGE_DIR = `/node_modules/${PACKAGE}/`;

function label(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	const file = url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + 14) : path.basename(url) || '(native)';
	return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

/** Summary of one profile: total ms, top functions by self and inclusive time. */
function summarizeOne(file: string, top = 15): string {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const self = new Map<string, number>();
	const inclusive = new Map<string, number>();
	let inPackage = 0;
	let busy = 0;
	profile.samples.forEach((id, index) => {
		const ms = (profile.timeDeltas[index] ?? 0) / 1000;
		const leaf = byId.get(id)!;
		const leafLabel = label(leaf);
		self.set(leafLabel, (self.get(leafLabel) ?? 0) + ms);
		if (leaf.callFrame.functionName !== '(idle)') busy += ms;
		const seen = new Set<string>();
		let packageFrame = false;
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
			const node = byId.get(cur)!;
			const name = label(node);
			if (node.callFrame.url.includes(PACKAGE_DIR)) packageFrame = true;
			if (seen.has(name)) continue;
			seen.add(name);
			inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
		}
		if (packageFrame) inPackage += ms;
	});
	const list = (map: Map<string, number>, filter: (name: string) => boolean = () => true) =>
		[...map.entries()]
			.filter(([name]) => !/^\((idle|root|program|garbage collector)\)/.test(name) && filter(name))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${name}`)
			.join('\n');
	const wall = (profile.endTime - profile.startTime) / 1000;
	const gc = self.get('(garbage collector) (native):0') ?? 0;
	return [
		`${path.basename(file)}: ${(wall / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s on CPU, ${(gc / 1000).toFixed(1)} s GC, ${(inPackage / 1000).toFixed(1)} s under ${PACKAGE} frames`,
		'top self time:',
		list(self),
		'top inclusive time (a function and all it called):',
		list(inclusive),
		`top inclusive time in ${PACKAGE}:`,
		list(inclusive, (name) => name.includes('/dist/nodes/') || name.includes('/dist/credentials/')),
	].join('\n');
}

/** Summaries of every .cpuprofile under `target` (a file or a directory), biggest first. */
export function summarize(target: string): string {
	const files = fs.statSync(target).isDirectory()
		? fs.readdirSync(target).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(target, name))
		: [target];
	files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
	return files.map((file) => summarizeOne(file)).join('\n\n');
}

if (require.main === module) {
	const target = process.argv[2];
	if (!target) {
		console.error('usage: npx tsx scripts/bench/profile.ts <dir-or-file.cpuprofile>');
		process.exit(2);
	}
	console.log(summarize(target));
}
