import { useId } from 'react';
import { z } from 'zod';
import type { FieldMeta } from '@tandem/nodes';
import { CodeInput } from './CodeInput';
import { FieldErrors, FieldRow } from './FieldRow';
import { hasIssuesUnder, useFormEnv } from './formContext';
import { ListField } from './ListField';
import { FlowPicker } from './FlowPicker';
import { TemplatePicker } from './TemplatePicker';
import { WaFlowPicker } from './WaFlowPicker';
import { useWorkspaceData } from '../workspace/workspaceData';
import { unionLabels } from './choiceWords';
import {
  discriminatorOf,
  emptyOf,
  emptyValueFor,
  fieldInfo,
  humanize,
  isRecord,
  pathKey,
  primitiveKind,
  scalarUnionSuggestions,
  unionChoices,
  type FieldInfo,
  type Path,
} from './schemaInfo';
import {
  ChoiceSet,
  DateTimeInput,
  DurationInput,
  JsonInput,
  NumberInput,
  Select,
  TagsInput,
  TextArea,
  TextInput,
  TimeInput,
  Toggle,
  timeZones,
  type DurationValue,
} from './widgets';

export type OnFieldChange = (value: unknown, at: Path) => void;

export interface SchemaFieldProps {
  schema: z.ZodType;
  value: unknown;
  path: Path;
  onChange: OnFieldChange;
  /** Label when the schema carries none (the humanised key). */
  label?: string;
}

/**
 * Renders one setting from its zod schema and form metadata: the generic form every node type,
 * the flow settings and notes use. Absent settings show the schema's default and are written only when edited.
 */
export function SchemaField({ schema, value, path, onChange, label }: SchemaFieldProps) {
  const info = fieldInfo(schema);
  const title = info.meta?.label ?? label ?? '';
  const shown = value === undefined ? info.fallback : value;
  if (info.nullable) return <NullableField info={info} title={title} value={shown} path={path} onChange={onChange} />;
  return <InnerField info={info} title={title} value={shown} path={path} onChange={onChange} />;
}

/** A setting that can be switched off (null): a checkbox, then the setting itself when on. */
function NullableField({ info, title, value, path, onChange }: { info: FieldInfo; title: string; value: unknown; path: Path; onChange: OnFieldChange }) {
  const id = useId();
  const on = value !== null && value !== undefined;
  const key = pathKey(path);
  return (
    <div className="tn-nullable" data-nullable={key}>
      <Toggle id={id} path={`${key}.enabled`} label={title} value={on} onChange={(next) => onChange(next ? emptyOf(info.inner) : null, path)} />
      {info.meta?.help && <p className="tn-help">{info.meta.help}</p>}
      {on && (
        <InnerField
          info={{ ...info, meta: info.meta ? ({ ...info.meta, help: undefined } as FieldMeta) : undefined }}
          title=""
          value={value}
          path={path}
          onChange={onChange}
        />
      )}
      {!on && <FieldErrors path={key} />}
    </div>
  );
}

function InnerField({ info, title, value, path, onChange }: { info: FieldInfo; title: string; value: unknown; path: Path; onChange: OnFieldChange }) {
  const id = useId();
  const env = useFormEnv();
  const workspace = useWorkspaceData();
  const s = info.inner;
  const meta = info.meta;
  const key = pathKey(path);
  const widget = meta?.widget;
  const set = (v: unknown) => onChange(v, path);
  const row = (control: React.ReactNode, counter?: { used: number; limit: number }) => (
    <FieldRow id={id} label={title} path={key} {...(meta?.help ? { help: meta.help } : {})} {...(counter ? { counter } : {})}>
      {control}
    </FieldRow>
  );

  if (primitiveKind(s) === 'duration' || widget === 'duration') {
    return row(<DurationInput id={id} path={key} value={isRecord(value) ? (value as unknown as DurationValue) : undefined} onChange={set} />);
  }
  if (s instanceof z.ZodObject) return <ObjectField schema={s} title={title} help={meta?.help} value={value} path={path} onChange={onChange} />;
  if (s instanceof z.ZodUnion) {
    const discriminator = discriminatorOf(s);
    if (discriminator)
      return <UnionField schema={s} discriminator={discriminator} title={title} help={meta?.help} value={value} path={path} onChange={onChange} />;
    const scalar = scalarUnionSuggestions(s);
    if (scalar) {
      const suggestions = scalar.timezones ? [...scalar.suggestions, ...timeZones()] : scalar.suggestions;
      return row(
        <TextInput
          id={id}
          path={key}
          value={typeof value === 'string' ? value : ''}
          suggestions={suggestions}
          onChange={set}
          {...(meta?.choices ? { labels: meta.choices } : {})}
        />,
      );
    }
  }
  if (s instanceof z.ZodArray) {
    const element = fieldInfo(s.element as z.ZodType).inner;
    if (element instanceof z.ZodEnum) {
      return row(
        <ChoiceSet
          id={id}
          path={key}
          options={(element.options as unknown[]).map(String)}
          value={asStrings(value)}
          onChange={set}
          {...(meta?.choices ? { labels: meta.choices } : {})}
        />,
      );
    }
    if (element instanceof z.ZodString) {
      return row(<TagsInput id={id} path={key} value={asStrings(value)} onChange={set} {...(meta?.placeholder ? { placeholder: meta.placeholder } : {})} />);
    }
    return <ListField schema={s} title={title} meta={meta} value={value} path={path} onChange={onChange} />;
  }
  if (s instanceof z.ZodString) {
    const text = typeof value === 'string' ? value : '';
    const counter = meta?.limit ? { used: text.length, limit: meta.limit } : undefined;
    const placeholder = meta?.placeholder ? { placeholder: meta.placeholder } : {};
    const setText = (v: string) => onChange(v === '' && info.optional ? undefined : v, path);
    if (widget === 'expression' || widget === 'template' || widget === 'json-template') {
      return row(
        <CodeInput
          id={id}
          path={key}
          value={text}
          widget={widget}
          onChange={setText}
          {...(env.nodeId ? { nodeId: env.nodeId } : {})}
          {...(meta?.extraRoots ? { extraRoots: meta.extraRoots } : {})}
          {...placeholder}
        />,
        counter,
      );
    }
    // In a workspace, templates and flows are picked from what exists there; elsewhere they are typed.
    if (widget === 'template-picker' && workspace && env.node)
      return row(<TemplatePicker id={id} path={key} at={path.slice(0, -1)} templates={workspace.templates} />);
    if (widget === 'wa-flow-picker' && workspace && env.node) {
      return row(<WaFlowPicker id={id} path={key} waFlows={workspace.waFlows} onSync={workspace.syncWaFlows} />);
    }
    if (widget === 'flow-picker' && workspace) {
      return row(<FlowPicker id={id} path={key} value={text} flows={workspace.flows} currentFlowId={workspace.flowId} onChange={setText} />);
    }
    if (widget === 'textarea') return row(<TextArea id={id} path={key} value={text} onChange={setText} {...placeholder} />, counter);
    if (widget === 'time' || primitiveKind(s) === 'time') return row(<TimeInput id={id} path={key} value={text} onChange={setText} />);
    if (widget === 'datetime') return row(<DateTimeInput id={id} path={key} value={text} onChange={setText} />);
    const suggestions = primitiveKind(s) === 'timezone' ? { suggestions: timeZones() } : {};
    return row(<TextInput id={id} path={key} value={text} onChange={setText} {...placeholder} {...suggestions} />, counter);
  }
  if (s instanceof z.ZodNumber) {
    return row(
      <NumberInput
        id={id}
        path={key}
        integer={s.isInt}
        value={typeof value === 'number' ? value : undefined}
        onChange={(n) => onChange(n === undefined && !info.optional ? Number.NaN : n, path)}
        {...(meta?.placeholder ? { placeholder: meta.placeholder } : {})}
      />,
    );
  }
  if (s instanceof z.ZodBoolean) {
    return (
      <FieldRow id={id} label="" path={key} {...(meta?.help ? { help: meta.help } : {})}>
        <Toggle id={id} path={key} label={title} value={value === true} onChange={set} />
      </FieldRow>
    );
  }
  if (s instanceof z.ZodEnum) {
    const options = (s.options as unknown[]).map(String);
    return row(
      <Select
        id={id}
        path={key}
        options={options}
        allowEmpty={info.optional}
        value={typeof value === 'string' ? value : ''}
        onChange={(v) => onChange(v === '' ? undefined : v, path)}
        {...(meta?.choices ? { labels: meta.choices } : {})}
      />,
    );
  }
  if (s instanceof z.ZodLiteral) return null;
  return row(<JsonInput id={id} path={key} value={value} onChange={set} />);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

interface ObjectFieldProps {
  schema: z.ZodObject;
  title: string;
  help?: string | undefined;
  value: unknown;
  path: Path;
  onChange: OnFieldChange;
  /** Keys not to render (a union's discriminator, drawn as its select). */
  omit?: string;
}

/** A group of settings; `showWhen` hides those that do not apply to the sibling values. */
function ObjectField({ schema, title, help, value, path, onChange, omit }: ObjectFieldProps) {
  const env = useFormEnv();
  const record = isRecord(value) ? value : {};
  const shape = schema.shape as Record<string, z.ZodType>;
  const shownValue = (key: string) => {
    const child = shape[key];
    return record[key] === undefined && child ? fieldInfo(child).fallback : record[key];
  };
  const children = Object.entries(shape).map(([key, child]) => {
    if (key === omit) return null;
    const childPath = [...path, key];
    const when = fieldInfo(child).meta?.showWhen;
    if (when && !when.equals.includes(shownValue(when.field) as string) && !hasIssuesUnder(env, pathKey(childPath))) return null;
    const change: OnFieldChange = (v, at) => {
      const next = { ...record };
      if (v === undefined) delete next[key];
      else next[key] = v;
      onChange(next, at);
    };
    return <SchemaField key={key} schema={child} value={record[key]} path={childPath} onChange={change} label={humanize(key)} />;
  });
  if (omit !== undefined) return <>{children}</>;
  if (path.length === 0 && !title) {
    return (
      <div className="tn-form">
        {children}
        <FieldErrors path="" />
      </div>
    );
  }
  return (
    <fieldset className="tn-group" data-group={pathKey(path)}>
      {title && <legend>{title}</legend>}
      {help && <p className="tn-help">{help}</p>}
      {children}
      <FieldErrors path={pathKey(path)} />
    </fieldset>
  );
}

interface UnionFieldProps {
  schema: z.ZodUnion;
  discriminator: string;
  title: string;
  help?: string | undefined;
  value: unknown;
  path: Path;
  onChange: OnFieldChange;
}

/** One of several shapes: a select for the kind, then that kind's settings. Switching keeps what still fits. */
function UnionField({ schema, discriminator, title, help, value, path, onChange }: UnionFieldProps) {
  const id = useId();
  const choices = unionChoices(schema, discriminator);
  const named = unionLabels(schema, discriminator);
  const record = isRecord(value) ? value : {};
  const current = record[discriminator];
  const chosen = choices.find((c) => c.value === String(current));
  const switchTo = (tag: string) => {
    const choice = choices.find((c) => c.value === tag);
    if (!choice) return;
    const fresh = (emptyValueFor(choice.option) ?? {}) as Record<string, unknown>;
    for (const [k, child] of Object.entries(choice.option.shape as Record<string, z.ZodType>)) {
      if (k !== discriminator && record[k] !== undefined && child.safeParse(record[k]).success) fresh[k] = record[k];
    }
    fresh[discriminator] = tag;
    onChange(fresh, [...path, discriminator]);
  };
  const key = pathKey(path);
  const body = (
    <>
      <FieldRow id={id} label={named.question ?? humanize(discriminator)} path={pathKey([...path, discriminator])}>
        <Select
          id={id}
          path={pathKey([...path, discriminator])}
          options={choices.map((c) => c.value)}
          value={chosen?.value ?? ''}
          onChange={switchTo}
          discriminator
          labels={named.labels}
        />
      </FieldRow>
      {chosen && <ObjectField schema={chosen.option} title="" value={value} path={path} onChange={onChange} omit={discriminator} />}
    </>
  );
  if (path.length === 0 && !title)
    return (
      <div className="tn-form">
        {body}
        <FieldErrors path="" />
      </div>
    );
  return (
    <fieldset className="tn-group" data-group={key}>
      {title && <legend>{title}</legend>}
      {help && <p className="tn-help">{help}</p>}
      {body}
      <FieldErrors path={key} />
    </fieldset>
  );
}
