const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; n8n loads node and credential icons from beside the compiled files.
function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg}')).pipe(dest(path.resolve('dist', 'nodes')));
	nodeIcons.on('end', () => {});
	return src(path.resolve('credentials', '**', '*.{png,svg}')).pipe(dest(path.resolve('dist', 'credentials')));
}

task('build:icons', copyIcons);
