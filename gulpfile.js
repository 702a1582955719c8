// tsc compiles TypeScript only; n8n also needs the SVG icons and the output schemas
// (nodes/*/__schema__, which n8n serves to the editor) next to the compiled files.
const { src, dest } = require('gulp');

function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyIcons;
