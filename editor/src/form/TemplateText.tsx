import { Fragment } from 'react';
import { keyedByContent } from '../shell/contentKeys';

/** Template text with its `{{1}}` / `{{name}}` variables marked. */
export function TemplateText({ text }: { text: string }) {
  const parts = text.split(/(\{\{\s*[\w.]+\s*\}\})/g);
  return (
    <>
      {keyedByContent(parts, (part) => part).map(({ key, item: part }) =>
        /^\{\{\s*[\w.]+\s*\}\}$/.test(part) ? (
          <mark key={key} className="tn-var">
            {part}
          </mark>
        ) : (
          <Fragment key={key}>{part}</Fragment>
        ),
      )}
    </>
  );
}
