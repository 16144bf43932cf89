import type { effectNames, assignNames, guardNames } from '@tandem/shared';

type ValueOf<T> = T[keyof T];

/** A named action with its parameters, as it appears in a machine config. */
export interface ActionRef {
  type: ValueOf<typeof effectNames> | ValueOf<typeof assignNames>;
  params: Record<string, string | number | boolean>;
}

export interface GuardRef {
  type: ValueOf<typeof guardNames>;
  params: Record<string, string | number | boolean>;
}

export interface TransitionJson {
  /** Absent: stay in the node and only run the actions. */
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  reenter?: boolean;
}

/** One node's state in the compiled XState machine: plain JSON, implementations by name. */
export interface StateJson {
  type?: 'final';
  entry?: ActionRef[];
  exit?: ActionRef[];
  always?: TransitionJson[];
  on?: Record<string, TransitionJson[]>;
}
