// The system feature: what the shell is, and opening a checked link where the shell can.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { systemHandlers, type ShellFacts } from './handlers';

export const createSystem = (shell: ShellFacts): FeatureModule => ({ handlers: systemHandlers(shell) });
