// Memoises one object (repository, engine…) per open workspace, so prepared statements are built once.
import type { OpenWorkspace } from './workspaceStore';

export function perWorkspace<T>(factory: (ws: OpenWorkspace) => T): (ws: OpenWorkspace) => T {
  const cache = new WeakMap<OpenWorkspace, T>();
  return (ws) => {
    let value = cache.get(ws);
    if (value === undefined) {
      value = factory(ws);
      cache.set(ws, value);
    }
    return value;
  };
}
