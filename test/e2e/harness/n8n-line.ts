/**
 * What differs between the n8n lines the harness runs (install.ts N8N_LINES), in one place.
 * Everything here was found by running both lines; N8N-FACTS.md section j lists it.
 * The package under test has no such switch: only the harness adapts.
 */
import { N8N_LINE, N8N_LINES, resolveLine, type N8nLineName } from './install';
import type { ActivationMode, WorkflowData, WorkflowInput } from './n8n-types';

export interface N8nLineProfile {
	readonly name: N8nLineName;
	/** the pinned n8n version of the line */
	readonly version: string;
	readonly nodeMajor: number;
	/** the activation modes the line has */
	readonly activationModes: readonly ActivationMode[];
	/** throws when the line has no such activation mode */
	checkActivation(mode: ActivationMode): void;
	/** environment on top of n8n-env.ts's (undefined removes a variable) */
	env(activation: ActivationMode): Record<string, string | undefined>;
	/** whether createWorkflowBody needs the owner's personal project id */
	readonly createsInProject: boolean;
	/** body of POST /rest/workflows (the editor's first save) */
	createWorkflowBody(json: Omit<WorkflowInput, 'active'>, personalProjectId?: string): Record<string, unknown>;
	/** body of POST /rest/workflows/:id/run for "Listen for test event" on a trigger */
	listenBody(workflow: WorkflowData, triggerNodeName: string, destinationNode?: { nodeName: string; mode: 'inclusive' | 'exclusive' }): Record<string, unknown>;
	/** whether /healthz/readiness can answer 200 before the REST routes are mounted */
	readonly readinessBeforeRest: boolean;
	/**
	 * whether n8n checks the nodes' required parameters when a workflow is activated (2.x's
	 * "Missing or invalid required parameters: <names>"); without it, the trigger's own checks answer
	 */
	readonly checksParametersOnActivation: boolean;
	/**
	 * what a failed activation answers when a trigger threw a NodeApiError: 'message' (2.x: its
	 * message, with its description beside it) or 'description' (1.x: the description instead of the message)
	 */
	readonly activationApiErrorText: 'message' | 'description';
}

const common = {
	checkActivation(this: N8nLineProfile, mode: ActivationMode): void {
		if (!this.activationModes.includes(mode)) {
			throw new Error(`n8n ${this.version} (${this.name}) has no '${mode}' activation mode (it has ${this.activationModes.join(', ')})`);
		}
	},
};

const line2: N8nLineProfile = {
	...common,
	name: '2.x',
	version: N8N_LINES['2.x'].n8n,
	nodeMajor: N8N_LINES['2.x'].node,
	// 2.x activates through the workflow publication outbox by default; 'sync' switches it off
	activationModes: ['sync', 'outbox'],
	env: (activation) => ({
		// without it a boot-time task calls https://api.n8n.io/api/mcp-servers
		N8N_DISABLED_MODULES: 'mcp-registry',
		...(activation === 'sync' ? { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' } : {}),
	}),
	// n8n 2.x ignores `active` in the body (activation is a separate publish step), and resolves
	// credentials given by name only ({ id: null, name }, as in our examples) in the personal project
	createsInProject: false,
	createWorkflowBody: (json) => ({ settings: { executionOrder: 'v1' }, ...json }),
	// 2.x runs the SAVED workflow; it takes only the trigger to start from
	listenBody: (_workflow, triggerNodeName, destinationNode) => ({
		triggerToStartFrom: { name: triggerNodeName },
		...(destinationNode ? { destinationNode } : {}),
	}),
	readinessBeforeRest: false,
	// WorkflowValidationService, before the triggers run
	checksParametersOnActivation: true,
	// WorkflowActivationBadRequestError(error.message, { description }) (workflow.service.js)
	activationApiErrorText: 'message',
};

const line1: N8nLineProfile = {
	...common,
	name: '1.x',
	version: N8N_LINES['1.x'].n8n,
	nodeMajor: N8N_LINES['1.x'].node,
	// 1.x has no publication service: activation is always synchronous (ActiveWorkflowManager inline)
	activationModes: ['sync'],
	// 1.x knows no 'mcp-registry' module (an unknown name in N8N_DISABLED_MODULES is fatal at boot),
	// and makes no boot-time call to api.n8n.io without it
	env: () => ({}),
	// 1.x: without `active` the insert fails (SQLITE_CONSTRAINT: NOT NULL workflow_entity.active), and
	// credentials given by name only ({ id: null, name }) are resolved only when the body names a
	// projectId (else activation fails: "Found credential with no ID."). 1.x's editor sends both
	// (workflows store createNewWorkflow: active = false, projectId = the current project).
	createsInProject: true,
	createWorkflowBody: (json, personalProjectId) => ({ settings: { executionOrder: 'v1' }, ...json, active: false, projectId: personalProjectId }),
	// 1.x runs the workflow the editor sends: without workflowData the run fails
	listenBody: (workflow, triggerNodeName, destinationNode) => ({
		workflowData: workflow,
		triggerToStartFrom: { name: triggerNodeName },
		...(destinationNode ? { destinationNode } : {}),
	}),
	// 1.x answers readiness once the migrations ran, before the REST routes exist (POST /rest/login -> 404)
	readinessBeforeRest: true,
	// 1.x has no WorkflowValidationService: activation goes straight to the triggers
	checksParametersOnActivation: false,
	// workflow.service.js activateWorkflow: `if (error instanceof NodeApiError) message = error.description`
	activationApiErrorText: 'description',
};

const PROFILES: Record<N8nLineName, N8nLineProfile> = { '2.x': line2, '1.x': line1 };

/** The profile of a line (a name or pinned version); default the line under test (ARGYLE_E2E_N8N). */
export function lineProfile(line: string = N8N_LINE): N8nLineProfile {
	return PROFILES[resolveLine(line)];
}
