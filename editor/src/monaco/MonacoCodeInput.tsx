import { useEffect, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { codeProblems, type CodeProblem } from '../form/codeAssist';
import { CodeProblems } from '../form/CodeProblems';
import type { CodeInputProps } from '../form/CodeInput';
import { useValidation, useValidationStore } from '../validation/useValidation';
import { fieldContexts, languageOf, monaco } from './setupMonaco';

const noVariables = { contact: [], vars: [], trigger: [] };
let instances = 0;

/** Monaco for one expression or message text: autocomplete of the variables at this step, problems as markers. */
export default function MonacoCodeInput(props: CodeInputProps) {
  const validation = useValidationStore();
  const result = useValidation((s) => s.result);
  const single = props.widget === 'expression';
  const [height, setHeight] = useState(single ? 28 : 76);
  const [model, setModel] = useState<monaco.editor.ITextModel | null>(null);
  const [problems, setProblems] = useState<CodeProblem[]>([]);
  // One model per input, not per path: a list item that moves keeps its input, and the input its text.
  const [instance] = useState(() => ++instances);
  const uri = `inmemory://tandem/${props.nodeId ?? 'flow'}/${instance}.${single ? 'cel' : 'txt'}`;
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
    if (!model || model.isDisposed()) return;
    const variables = nodeId && result ? result.variablesAt(nodeId) : undefined;
    const problems = codeProblems(props.value, widget, { ...(variables ? { variables } : {}), ...(extraRoots ? { extraRoots } : {}) });
    setProblems(problems);
    monaco.editor.setModelMarkers(
      model,
      'tandem',
      problems.map((p) => {
        const start = model.getPositionAt(p.start);
        const end = model.getPositionAt(p.end);
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
  }, [model, props.value, widget, extraRoots, nodeId, result]);

  const onMount: OnMount = (editor) => {
    editor.onDidContentSizeChange((e) => setHeight(Math.min(single ? 90 : 260, Math.max(single ? 28 : 76, e.contentHeight + 6))));
    // An expression is one line: Enter accepts a suggestion or does nothing.
    if (single) editor.addCommand(monaco.KeyCode.Enter, () => undefined, '!suggestWidgetVisible');
    setModel(editor.getModel());
    editor.onDidChangeModel(() => setModel(editor.getModel()));
  };

  return (
    <>
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
      <CodeProblems source={props.value} problems={problems} />
    </>
  );
}
