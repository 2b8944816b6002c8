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
	return src(path.resolve('nodes', '**', '__schema__', '**', '*.json')).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', copyIcons);
task('build:schemas', copySchemas);
task('build:assets', parallel(copyIcons, copySchemas));
