import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import type { NodeVariables } from '@tandem/engine/compiler';
import { flowJsonSchema } from '@tandem/nodes';
import { completionsAt, type CodeWidget } from '../form/codeAssist';

// The bundled Monaco, with its workers from this build: nothing is ever fetched from a CDN.
globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });

export { monaco };

export const languageOf = (widget: CodeWidget) => (widget === 'expression' ? 'tandem-expression' : 'tandem-template');

/** What autocomplete needs for each open code field, by model URI. */
export const fieldContexts = new Map<string, { widget: CodeWidget; extraRoots: readonly string[]; variables: () => NodeVariables }>();

const expressionRules: monaco.languages.IMonarchLanguageRule[] = [
  [/"([^"\\]|\\.)*"/, 'string'],
  [/'([^'\\]|\\.)*'/, 'string'],
  [/\b(true|false|null|in)\b/, 'keyword'],
  [/\b(contact|vars|trigger|now|answer)\b/, 'variable'],
  [/\d+(\.\d+)?/, 'number'],
  [/[A-Za-z_]\w*/, 'identifier'],
  [/[=!<>&|+\-*/%?:]+/, 'operator'],
];

monaco.languages.register({ id: 'tandem-expression' });
monaco.languages.register({ id: 'tandem-template' });
monaco.languages.setMonarchTokensProvider('tandem-expression', { tokenizer: { root: expressionRules } });
monaco.languages.setMonarchTokensProvider('tandem-template', {
  tokenizer: {
    root: [
      [/\{\{/, { token: 'delimiter.bracket', next: '@placeholder' }],
      [/[^{]+/, ''],
      [/\{/, ''],
    ],
    placeholder: [[/\}\}/, { token: 'delimiter.bracket', next: '@pop' }], [/\|/, 'operator'], ...expressionRules],
  },
});

const kinds = {
  root: monaco.languages.CompletionItemKind.Variable,
  field: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
};

for (const language of ['tandem-expression', 'tandem-template']) {
  monaco.languages.registerCompletionItemProvider(language, {
    triggerCharacters: ['.', '{'],
    provideCompletionItems(model, position) {
      const context = fieldContexts.get(model.uri.toString());
      if (!context) return { suggestions: [] };
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const found = completionsAt(before, context.widget, context.variables(), context.extraRoots);
      if (!found) return { suggestions: [] };
      const start = model.getPositionAt(found.from);
      const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
      return {
        suggestions: found.items.map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          detail: item.detail,
          insertText: item.kind === 'function' ? `${item.label}($0)` : item.label,
          ...(item.kind === 'function' ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          range,
        })),
      };
    },
  });
}

// The raw JSON view checks against the flow document's JSON Schema (each step type's settings included).
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  schemas: [{ uri: 'https://tandem.dev/schemas/flow-document.json', fileMatch: ['flow.json'], schema: flowJsonSchema() }],
});
