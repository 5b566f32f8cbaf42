// Who is typing on this laptop: people have no accounts, so each computer says who acts and in which role.
import { useCallback, useState } from 'react';
import type { Actor } from '../../../../shared/domain/incident';

const STORAGE_KEY = 'tocsin.operator';

export interface Operator {
  readonly name: string;
  readonly role: string | null;
}

function read(): Operator {
  try {
    const raw = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Operator>;
    return { name: typeof raw.name === 'string' ? raw.name : '', role: typeof raw.role === 'string' ? raw.role : null };
  } catch {
    return { name: '', role: null };
  }
}

export function useOperator(fallbackName: string): [Operator, (next: Operator) => void, Actor] {
  const [operator, setOperator] = useState(read);
  const save = useCallback((next: Operator) => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setOperator(next);
  }, []);
  const actor: Actor = { author: operator.name.trim() || fallbackName, authorRole: operator.role };
  return [operator, save, actor];
}
