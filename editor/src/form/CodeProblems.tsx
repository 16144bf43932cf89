import { keyedByContent } from '../shell/contentKeys';
import type { CodeProblem } from './codeAssist';
import { problemExcerpt } from './problemExcerpt';
import './codeProblems.css';

/** The problems of an expression or text under its input, each with the characters it is about marked. */
export function CodeProblems({ source, problems }: { source: string; problems: readonly CodeProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="tn-code-problems" data-testid="code-problems">
      {keyedByContent(problems).map(({ key, item: p }) => {
        const excerpt = problemExcerpt(source, p);
        return (
          <li key={key} className={`tn-${p.severity}`}>
            <span>
              {p.message.split('`').map((part, i) =>
                // Odd parts were between backticks: the symbols the message is about.
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message never move
                i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>,
              )}
            </span>
            {excerpt && (
              <code className="tn-code-excerpt" data-testid="code-excerpt">
                {excerpt.before}
                <mark>{excerpt.marked}</mark>
                {excerpt.after}
              </code>
            )}
          </li>
        );
      })}
    </ul>
  );
}
