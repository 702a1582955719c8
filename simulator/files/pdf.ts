// A small but valid PDF (one Letter page of Helvetica text lines, correct xref offsets).

const escape = (line: string): string =>
	line
		.normalize('NFKD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/[\\()]/g, (c) => `\\${c}`);

export function pdf(title: string, lines: readonly string[]): Buffer {
	const text = [`BT /F1 16 Tf 72 740 Td (${escape(title)}) Tj ET`, 'BT /F1 11 Tf 72 710 Td 14 TL']
		.concat(lines.map((l) => `(${escape(l)}) '`))
		.concat('ET')
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
		`<< /Title (${escape(title)}) /Producer (Argyle simulator) >>`,
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
