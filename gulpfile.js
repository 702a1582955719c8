// tsc compiles TypeScript only; n8n also needs the SVG icons next to the compiled files.
const { src, dest } = require('gulp');

function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyIcons;
