import { z } from 'zod';

/**
 * Every check Tandem runs on a flow, by stable code. Codes never change meaning; the
 * editor, the CLI and the API show `title` as the headline and the diagnostic's own message
 * as the detail.
 */
export const diagnosticCatalog = {
  'invalid-json': { severity: 'error', title: 'The file is not valid JSON' },
  'not-a-flow': { severity: 'error', title: 'This is not a Tandem flow document' },
  'invalid-document': { severity: 'error', title: 'A flow field has an invalid value' },
  'unknown-node-type': { severity: 'error', title: 'Unknown step type' },
  'node-version-too-new': { severity: 'error', title: 'Step saved by a newer Tandem' },
  'duplicate-id': { severity: 'error', title: 'Two elements share an id' },
  'invalid-config': { severity: 'error', title: 'A step setting is invalid' },
  'dangling-edge': { severity: 'error', title: 'A connection points to a missing step' },
  'unknown-port': { severity: 'error', title: 'A connection leaves an output the step does not have' },
  'duplicate-connection': { severity: 'error', title: 'An output is connected twice' },
  'edge-into-trigger': { severity: 'error', title: 'A trigger has an incoming connection' },
  'no-trigger': { severity: 'error', title: 'The flow has no trigger' },
  'unreachable-node': { severity: 'warning', title: 'A step can never be reached' },
  'unconnected-port': { severity: 'error', title: 'A required output is not connected' },
  'instant-loop': { severity: 'error', title: 'A loop never waits' },
  'expression-syntax': { severity: 'error', title: 'An expression cannot be read' },
  'expression-type': { severity: 'error', title: 'An expression mixes incompatible values' },
  'unknown-variable': { severity: 'error', title: 'Unknown variable' },
  'variable-maybe-unset': { severity: 'error', title: 'A variable may not be set yet' },
  'invalid-regex': { severity: 'error', title: 'A pattern is not a valid regular expression' },
  'slow-regex': { severity: 'error', title: 'A pattern could take too long to match' },
  'window-closed-send': { severity: 'error', title: 'A message may be sent after the 24-hour window closed' },
  'marketing-without-opt-out': { severity: 'warning', title: 'Marketing template without an opt-out' },
  'question-without-timeout': { severity: 'warning', title: 'A question waits forever' },
  'answer-does-not-fit-field': { severity: 'error', title: 'The answer does not fit the contact field' },
  'message-outside-window': { severity: 'warning', title: 'A message may be skipped outside the 24-hour window' },
  'reply-buttons-ignored': { severity: 'warning', title: 'Contacts are not asked: the step could listen to the buttons before it' },
  'unknown-flow': { severity: 'error', title: 'The flow to go to does not exist' },
  'unknown-template': { severity: 'error', title: 'The template does not exist' },
  'template-parameters': { severity: 'error', title: "The template's variables do not match" },
  'unknown-wa-flow': { severity: 'error', title: 'The WhatsApp Flow does not exist' },
  'broadcast-in-past': { severity: 'warning', title: 'A one-off broadcast is in the past' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof diagnosticCatalog;
export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export const diagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(severities),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Where in the node's settings (or the document) the problem is, e.g. `["buttons", 2, "title"]`. */
  path: z.array(z.union([z.string(), z.number()])).optional(),
  /**
   * New settings for the step (`nodeId`) that solve the problem, offered as one click: the button
   * text, the settings, what changes in words, and the outputs whose connections go with it.
   */
  fix: z.object({ label: z.string(), config: z.record(z.string(), z.unknown()), notes: z.array(z.string()), disconnect: z.array(z.string()) }).optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema> & { code: DiagnosticCode };

/** Builds a diagnostic with the catalog's severity. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  where: { nodeId?: string; edgeId?: string; path?: (string | number)[]; fix?: NonNullable<Diagnostic['fix']> } = {},
): Diagnostic {
  return { code, severity: diagnosticCatalog[code].severity, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
