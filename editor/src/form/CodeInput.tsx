import { lazy, Suspense, useMemo } from 'react';
import { useEditorEnv } from './editorEnv';
import { codeProblems, type CodeWidget } from './codeAssist';
import { CodeProblems } from './CodeProblems';

export interface CodeInputProps {
  id: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  widget: CodeWidget;
  /** The step whose variables autocomplete offers. */
  nodeId?: string;
  extraRoots?: readonly string[];
  placeholder?: string;
}

const MonacoCodeInput = lazy(() => import('../monaco/MonacoCodeInput'));

/** An expression or message text: Monaco with autocomplete and markers, or a plain box listing the same problems. */
export function CodeInput(props: CodeInputProps) {
  const env = useEditorEnv();
  if (env.codeEditor === 'plain') return <PlainCodeInput {...props} />;
  return (
    <Suspense fallback={<PlainCodeInput {...props} />}>
      <MonacoCodeInput {...props} />
    </Suspense>
  );
}

function PlainCodeInput(props: CodeInputProps) {
  const problems = useMemo(
    () => codeProblems(props.value, props.widget, props.extraRoots ? { extraRoots: props.extraRoots } : {}),
    [props.value, props.widget, props.extraRoots],
  );
  const common = {
    id: props.id,
    'data-path': props.path,
    className: 'tn-mono',
    value: props.value,
    placeholder: props.placeholder,
    spellCheck: false,
  };
  return (
    <>
      {props.widget === 'expression' ? (
        <input type="text" {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <textarea rows={props.widget === 'json-template' ? 5 : 3} {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      <CodeProblems source={props.value} problems={problems} />
    </>
  );
}
