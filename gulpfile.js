const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript; n8n loads node and credential icons from beside the compiled files.
function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg}')).pipe(dest(path.resolve('dist', 'nodes')));
	nodeIcons.on('end', () => {});
	return src(path.resolve('credentials', '**', '*.{png,svg}')).pipe(dest(path.resolve('dist', 'credentials')));
}

// n8n serves a node's output schemas from `__schema__` beside its compiled file (see
// scripts/schemas/schemas.ts); tsc copies no JSON it does not import.
function copySchemas() {
	const all = src(path.resolve('nodes', '**', '__schema__', '**', '*.json')).pipe(dest(path.resolve('dist', 'nodes')));
	all.on('end', () => {});
	// The iMocha node's version 1.1 changed inputs only (CHANGELOG.md), so its outputs are version
	// 1's: the editor asks for them under 1.1.0.
	return src(path.resolve('nodes', 'Imocha', '__schema__', 'v1.0.0', '*', '*.json'), { base: path.resolve('nodes', 'Imocha', '__schema__', 'v1.0.0') }).pipe(
		dest(path.resolve('dist', 'nodes', 'Imocha', '__schema__', 'v1.1.0')),
	);
}

task('build:icons', copyIcons);
task('build:schemas', copySchemas);
task('build:assets', parallel(copyIcons, copySchemas));
