import { Fragment } from 'react';

/** Template text with its `{{1}}` / `{{name}}` variables marked. */
export function TemplateText({ text }: { text: string }) {
  const parts = text.split(/(\{\{\s*[\w.]+\s*\}\})/g);
  return (
    <>
      {parts.map((part, i) =>
        /^\{\{\s*[\w.]+\s*\}\}$/.test(part) ? (
          <mark key={i} className="tn-var">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
