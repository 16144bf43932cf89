import { Editor } from '@monaco-editor/react';
import './setupMonaco';

/** The raw flow JSON in Monaco, checked against the flow document's JSON Schema as you type. */
export default function MonacoJsonEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  return (
    <Editor
      value={value}
      onChange={(v) => onChange(v ?? '')}
      language="json"
      path="inmemory://tandem/flow.json"
      height="100%"
      loading={null}
      options={{ minimap: { enabled: false }, automaticLayout: true, tabSize: 2, fontSize: 13, scrollBeyondLastLine: false }}
    />
  );
}
