import { useState, type KeyboardEvent } from 'react';
import { durationUnits } from '@tandem/shared';
import type { ChoiceLabel } from '@tandem/nodes';
import { keyedByContent } from '../shell/contentKeys';
import { choiceText } from './choiceWords';
import './choices.css';

interface InputProps<T> {
  id: string;
  path: string;
  value: T;
  onChange: (value: T) => void;
  placeholder?: string;
}

export function TextInput(props: InputProps<string> & { suggestions?: readonly string[]; labels?: Readonly<Record<string, ChoiceLabel>> }) {
  const listId = props.suggestions?.length ? `${props.id}-options` : undefined;
  return (
    <>
      <input
        id={props.id}
        data-path={props.path}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        list={listId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {listId && (
        <datalist id={listId}>
          {props.suggestions!.map((s) => (
            <option key={s} value={s} {...(props.labels?.[s] ? { label: props.labels[s].label } : {})} />
          ))}
        </datalist>
      )}
    </>
  );
}

export function TextArea(props: InputProps<string> & { rows?: number }) {
  return (
    <textarea
      id={props.id}
      data-path={props.path}
      rows={props.rows ?? 3}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/** Keeps what is typed while it is not a number yet ("-", "1."), and reports numbers (or undefined when empty). */
export function NumberInput(props: InputProps<number | undefined> & { integer: boolean }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const shown = draft ?? (props.value === undefined || Number.isNaN(props.value) ? '' : String(props.value));
  return (
    <input
      id={props.id}
      data-path={props.path}
      type="number"
      step={props.integer ? 1 : 'any'}
      value={shown}
      placeholder={props.placeholder}
      onChange={(e) => {
        const text = e.target.value;
        const n = Number(text);
        if (text.trim() === '') {
          setDraft(undefined);
          props.onChange(undefined);
        } else if (Number.isFinite(n)) {
          setDraft(undefined);
          props.onChange(n);
        } else {
          setDraft(text);
        }
      }}
      onBlur={() => setDraft(undefined)}
    />
  );
}

export function Toggle(props: InputProps<boolean> & { label: string }) {
  return (
    <label className="tn-toggle">
      <input id={props.id} data-path={props.path} type="checkbox" checked={props.value} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

/**
 * One of a few values, each by its name (`labels`, as the schema declares them); the chosen one's
 * help is said under the select.
 */
export function Select(
  props: InputProps<string> & { options: readonly string[]; allowEmpty?: boolean; discriminator?: boolean; labels?: Readonly<Record<string, ChoiceLabel>> },
) {
  const help = props.labels?.[props.value]?.help;
  return (
    <>
      <select
        id={props.id}
        data-path={props.path}
        {...(props.discriminator ? { 'data-discriminator': '' } : {})}
        {...(help ? { 'aria-describedby': `${props.id}-choice` } : {})}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {(props.allowEmpty || !props.options.includes(props.value)) && <option value="">—</option>}
        {props.options.map((o) => (
          <option key={o} value={o} title={props.labels?.[o]?.help}>
            {choiceText(o, props.labels)}
          </option>
        ))}
      </select>
      {help && (
        <p className="tn-choice-help" id={`${props.id}-choice`} data-testid="choice-help" data-choice={props.value}>
          {help}
        </p>
      )}
    </>
  );
}

export function TimeInput(props: InputProps<string>) {
  return <input id={props.id} data-path={props.path} type="time" value={props.value} onChange={(e) => props.onChange(e.target.value)} />;
}

export function DateTimeInput(props: InputProps<string>) {
  return <input id={props.id} data-path={props.path} type="datetime-local" value={props.value} onChange={(e) => props.onChange(e.target.value)} />;
}

export interface DurationValue {
  amount: number;
  unit: (typeof durationUnits)[number];
}

export function DurationInput(props: InputProps<DurationValue | undefined>) {
  const value = props.value ?? { amount: 1, unit: 'hours' };
  return (
    <div className="tn-duration">
      <NumberInput
        id={props.id}
        path={`${props.path}.amount`}
        integer={false}
        value={value.amount}
        onChange={(amount) => props.onChange({ ...value, amount: amount ?? Number.NaN })}
      />
      <select
        aria-label="Unit"
        data-path={`${props.path}.unit`}
        value={value.unit}
        onChange={(e) => props.onChange({ ...value, unit: e.target.value as DurationValue['unit'] })}
      >
        {durationUnits.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A list of short texts as removable chips; Enter or comma adds what was typed. */
export function TagsInput(props: InputProps<readonly string[]>) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const parts = draft
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && !props.value.includes(s));
    if (parts.length) props.onChange([...props.value, ...parts]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && draft === '' && props.value.length) {
      props.onChange(props.value.slice(0, -1));
    }
  };
  return (
    <div className="tn-tags">
      {keyedByContent(props.value, (t) => t).map(({ key, item: t, index: i }) => (
        <span key={key} className="tn-tag">
          {t}
          <button type="button" aria-label={`Remove ${t}`} onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={props.id}
        data-path={props.path}
        type="text"
        value={draft}
        placeholder={props.placeholder ?? 'Type and press Enter'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  );
}

/** A set of choices from a fixed list (weekdays...), as toggles in the list's order. */
export function ChoiceSet(props: InputProps<readonly string[]> & { options: readonly string[]; labels?: Readonly<Record<string, ChoiceLabel>> }) {
  return (
    <div className="tn-choice-set" id={props.id} data-path={props.path}>
      {props.options.map((o) => (
        <label key={o} className="tn-choice">
          <input
            type="checkbox"
            checked={props.value.includes(o)}
            onChange={(e) =>
              props.onChange(e.target.checked ? props.options.filter((x) => x === o || props.value.includes(x)) : props.value.filter((x) => x !== o))
            }
          />
          {choiceText(o, props.labels)}
        </label>
      ))}
    </div>
  );
}

/** Last resort for a shape the form does not know: its JSON, applied when it parses. */
export function JsonInput(props: InputProps<unknown>) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? null, null, 2));
  const [error, setError] = useState<string>();
  return (
    <>
      <textarea
        id={props.id}
        data-path={props.path}
        className="tn-mono"
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            props.onChange(JSON.parse(e.target.value));
            setError(undefined);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      />
      {error && <p className="tn-errors">{error}</p>}
    </>
  );
}

let zones: string[] | undefined;
/** IANA time zones this browser knows, for suggestions. */
export function timeZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return zones;
}
