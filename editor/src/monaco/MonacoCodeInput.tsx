import { useEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { codeProblems } from '../form/codeAssist';
import type { CodeInputProps } from '../form/CodeInput';
import { useValidation, useValidationStore } from '../validation/useValidation';
import { fieldContexts, languageOf, monaco } from './setupMonaco';

const noVariables = { contact: [], vars: [], trigger: [] };

/** Monaco for one expression or message text: autocomplete of the variables at this step, problems as markers. */
export default function MonacoCodeInput(props: CodeInputProps) {
  const validation = useValidationStore();
  const result = useValidation((s) => s.result);
  const single = props.widget === 'expression';
  const [height, setHeight] = useState(single ? 28 : 76);
  const [mounted, setMounted] = useState(false);
  const model = useRef<monaco.editor.ITextModel | null>(null);
  const uri = `inmemory://tandem/${props.nodeId ?? 'flow'}/${props.path || 'value'}.${single ? 'cel' : 'txt'}`;
  const { nodeId, widget, extraRoots } = props;

  useEffect(() => {
    fieldContexts.set(uri, {
      widget,
      extraRoots: extraRoots ?? [],
      variables: () => (nodeId ? (validation.getState().result?.variablesAt(nodeId) ?? noVariables) : noVariables),
    });
    return () => void fieldContexts.delete(uri);
  }, [uri, widget, extraRoots, nodeId, validation]);

  useEffect(() => {
    const m = model.current;
    if (!m || m.isDisposed()) return;
    const variables = nodeId && result ? result.variablesAt(nodeId) : undefined;
    const problems = codeProblems(props.value, widget, { ...(variables ? { variables } : {}), ...(extraRoots ? { extraRoots } : {}) });
    monaco.editor.setModelMarkers(
      m,
      'tandem',
      problems.map((p) => {
        const start = m.getPositionAt(p.start);
        const end = m.getPositionAt(p.end);
        return {
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
          message: p.message,
          severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        };
      }),
    );
  }, [props.value, widget, extraRoots, nodeId, result, mounted]);

  const onMount: OnMount = (editor) => {
    model.current = editor.getModel();
    editor.onDidContentSizeChange((e) => setHeight(Math.min(single ? 90 : 260, Math.max(single ? 28 : 76, e.contentHeight + 6))));
    // An expression is one line: Enter accepts a suggestion or does nothing.
    if (single) editor.addCommand(monaco.KeyCode.Enter, () => undefined, '!suggestWidgetVisible');
    setMounted(true);
  };

  return (
    <div className="tn-monaco" id={props.id} data-path={props.path}>
      <Editor
        value={props.value}
        onChange={(v) => props.onChange(v ?? '')}
        language={languageOf(widget)}
        path={uri}
        height={height}
        onMount={onMount}
        loading={null}
        options={{
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: 4,
          lineNumbersMinChars: 0,
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          overviewRulerLanes: 0,
          renderLineHighlight: 'none',
          fixedOverflowWidgets: true,
          automaticLayout: true,
          fontSize: 13,
          scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
          quickSuggestions: { other: true, strings: true, comments: false },
          ...(props.placeholder ? { placeholder: props.placeholder } : {}),
        }}
      />
    </div>
  );
}
