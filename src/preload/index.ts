// Preload: exposes one function per contract call and a subscription limited to contract events.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, isEventName, type AppApi } from '../shared/contract/index';

const calls = Object.fromEntries(
  callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)]),
);

const api = {
  ...calls,
  subscribe: (name: string, listener: (payload: unknown) => void) => {
    if (!isEventName(name)) throw new Error(`Unknown event: ${name}`);
    // The raw IpcRendererEvent (with its sender) never reaches the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  },
} as unknown as AppApi;

contextBridge.exposeInMainWorld('api', api);
