import { Fragment } from 'react';
import type { LogLine, Words } from './runLogWords';
import { clockText, dayText } from './timeWords';

/** A run's log as sentences grouped by day; `details` adds each line's technical record. */
export function RunSteps({ lines, details }: { lines: readonly LogLine[]; details: boolean }) {
  return (
    <ol className="tn-steps tn-run-log" data-testid="run-steps">
      {lines.map((l, i) => {
        const day = dayText(l.at);
        const newDay = i === 0 || dayText(lines[i - 1]!.at) !== day;
        return (
          <Fragment key={l.id}>
            {newDay && (
              <li className="tn-run-day" aria-hidden>
                {day}
              </li>
            )}
            <li className={`tn-run-line tn-run-${l.tone}`} data-testid="run-line" data-tone={l.tone} data-node={l.nodeId ?? undefined}>
              <time dateTime={l.at} title={new Date(l.at).toLocaleString()}>
                {clockText(l.at)}
              </time>
              <span className="tn-run-words">
                <WordsText words={l.words} />
                {l.step && <span className="tn-muted"> · {l.step}</span>}
              </span>
              {details && <code className="tn-run-technical">{l.technical}</code>}
            </li>
          </Fragment>
        );
      })}
    </ol>
  );
}

function WordsText({ words }: { words: Words }) {
  return (
    <>
      {words.map((w, i) =>
        typeof w === 'string' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <Fragment key={i}>{w}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <strong key={i}>{w.em}</strong>
        ),
      )}
    </>
  );
}
