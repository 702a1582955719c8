/** How Argyle's snake_case names read in n8n: `invalid_mfa` → `Invalid MFA`, `ocr_completed` → `OCR Completed`. */
const ACRONYMS: Record<string, string> = { mfa: 'MFA', url: 'URL', tos: 'TOS', gov: 'Gov', ocr: 'OCR', id: 'ID' };

export function titleFromSnake(name: string): string {
	return name
		.split('_')
		.map((word) => ACRONYMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}
