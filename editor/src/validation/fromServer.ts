import { diagnosticCatalog, type Diagnostic, type DiagnosticCode, type ErrorIssue } from '@tandem/shared';

const isCode = (code: string): code is DiagnosticCode => Object.hasOwn(diagnosticCatalog, code);

/** The server's diagnostics (typed loosely by the API) with codes this editor knows. */
export function knownDiagnostics(
  list: readonly {
    code: string;
    severity: Diagnostic['severity'];
    message: string;
    nodeId?: string | undefined;
    edgeId?: string | undefined;
    path?: (string | number)[] | undefined;
  }[],
): Diagnostic[] {
  return list.flatMap((d) => (isCode(d.code) ? [{ ...d, code: d.code } as Diagnostic] : []));
}

/**
 * The problems a refused publish (422) lists, back as diagnostics on their steps: the server
 * reports each at `["nodes", <step id>, ...setting path]`.
 */
export function publishIssuesToDiagnostics(issues: readonly ErrorIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const code: DiagnosticCode = issue.code && isCode(issue.code) ? issue.code : 'invalid-config';
    const onNode = issue.path[0] === 'nodes' && typeof issue.path[1] === 'string';
    return {
      code,
      severity: 'error',
      message: issue.message,
      ...(onNode
        ? { nodeId: issue.path[1] as string, ...(issue.path.length > 2 ? { path: issue.path.slice(2) } : {}) }
        : issue.path.length
          ? { path: issue.path }
          : {}),
    };
  });
}
