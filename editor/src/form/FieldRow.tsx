import type { ReactNode } from 'react';
import { issuesAt, useFormEnv } from './formContext';

/** Label, control, help, live length counter and the problems of one setting. */
export function FieldRow(props: {
  id: string;
  label: string;
  help?: string;
  path: string;
  counter?: { used: number; limit: number };
  inline?: boolean;
  children: ReactNode;
}) {
  const env = useFormEnv();
  const issues = issuesAt(env, props.path);
  const over = props.counter && props.counter.used > props.counter.limit;
  return (
    <div className={`tn-field${props.inline ? ' tn-field-inline' : ''}${issues.length ? ' tn-field-invalid' : ''}`}>
      <div className="tn-field-head">
        {props.label && <label htmlFor={props.id}>{props.label}</label>}
        {props.counter && (
          <span className={`tn-counter${over ? ' tn-counter-over' : ''}`} data-counter-for={props.path}>
            {props.counter.used}/{props.counter.limit}
          </span>
        )}
      </div>
      {props.children}
      {props.help && <p className="tn-help">{props.help}</p>}
      <FieldErrors path={props.path} />
    </div>
  );
}

/** The problems recorded at exactly this path. */
export function FieldErrors({ path }: { path: string }) {
  const issues = issuesAt(useFormEnv(), path);
  if (!issues.length) return null;
  return (
    <ul className="tn-errors" data-errors-for={path}>
      {issues.map((m) => (
        <li key={m} role="alert">
          {m}
        </li>
      ))}
    </ul>
  );
}
