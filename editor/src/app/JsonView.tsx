import { lazy, Suspense, useState } from 'react';
import { useEditorEnv } from '../form/editorEnv';
import { parseFlowJson } from '../store/loadDocument';
import { useFlowStore } from '../store/useFlow';

const MonacoJsonEditor = lazy(() => import('../monaco/MonacoJsonEditor'));

/**
 * The whole flow as JSON: edit, then apply. Text that is not JSON, or not a valid flow document,
 * never replaces the document; applying is one undo step.
 */
export function JsonView({ onClose }: { onClose: () => void }) {
  const store = useFlowStore();
  const env = useEditorEnv();
  const [text, setText] = useState(() => JSON.stringify(store.getState().doc, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const apply = () => {
    const result = parseFlowJson(text);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    store.getState().commit(result.doc);
    onClose();
  };
  const plain = <textarea className="tn-json-text tn-mono" aria-label="Flow JSON" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />;
  return (
    <div className="tn-json-view nokey" role="dialog" aria-label="Flow JSON">
      <header>
        <h2>Flow JSON</h2>
        <span className="tn-spacer" />
        <button type="button" onClick={() => setText(JSON.stringify(store.getState().doc, null, 2))}>
          Reload from canvas
        </button>
        <button type="button" className="tn-primary" onClick={apply}>
          Apply
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {errors.length > 0 && (
        <ul className="tn-errors" role="alert">
          {errors.slice(0, 20).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="tn-json-body">
        {env.codeEditor === 'plain' ? (
          plain
        ) : (
          <Suspense fallback={plain}>
            <MonacoJsonEditor value={text} onChange={setText} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
