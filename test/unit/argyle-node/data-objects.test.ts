/**
 * The output descriptors of the data sets against the objects the research recorded: every field
 * of every recorded object is described, with its type and nullability.
 */
import { schemaViolations } from '../../../scripts/schema/conformance';
import { operationSchema } from '../../../scripts/schema/outputSchemas';
import { CASES, examples, WITH_GET, type ArgyleObject } from './data-cases';

describe('output descriptors against the recorded objects', () => {
	const variants: Array<[string, string, ArgyleObject]> = [
		...WITH_GET.map(({ resource, example }) => [resource, 'get', example] as [string, string, ArgyleObject]),
		...CASES.map(({ resource, example, listed }) => [resource, 'getAll', listed ?? example] as [string, string, ArgyleObject]),
		['payrollDocument', 'get', examples.PAYOUT_STATEMENT],
		['depositDestination', 'get', examples.CARD_DESTINATION],
		['gig', 'get', examples.CANCELLED_GIG],
		['userUpload', 'get', examples.PROCESSED_UPLOAD],
		['verification', 'get', examples.BANKING_VERIFICATION],
	];

	it.each(variants)('%s / %s describes every field of example %#', (resource, operation, example) => {
		expect(schemaViolations(example, operationSchema(resource, operation))).toEqual([]);
	});

	it("describes a W-2's and a 1099-MISC's boxes beside the parties", () => {
		const form = operationSchema('payrollDocument', 'get').properties!.ocr_data.properties!.form.properties!;
		expect(Object.keys(form)).toEqual(expect.arrayContaining(['recipient', 'payer', 'comp_1', 'state_income_tax_17', 'rent_1', 'comp_7']));
	});

	it('Item: Get has features and no matching_score; Get Many the other way round', () => {
		expect(Object.keys(operationSchema('item', 'get').properties!)).toContain('features');
		expect(Object.keys(operationSchema('item', 'get').properties!)).not.toContain('matching_score');
		expect(schemaViolations(examples.ITEM, operationSchema('item', 'getAll'))).toEqual([
			'$.matching_score: missing',
			'$.features: not in the schema',
		]);
	});
});
