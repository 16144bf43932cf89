import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ValidationState, ValidationStore } from './validationStore';

export const ValidationStoreContext = createContext<ValidationStore | null>(null);

export function useValidationStore(): ValidationStore {
  const store = useContext(ValidationStoreContext);
  if (!store) throw new Error('useValidation needs a ValidationStoreContext provider');
  return store;
}

/** Subscribes to part of the latest check results. */
export function useValidation<T>(selector: (state: ValidationState) => T): T {
  return useStore(useValidationStore(), selector);
}
