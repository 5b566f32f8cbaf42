// The app's areas, in navigation order.
export const AREAS = ['dashboard', 'alerts', 'mentions', 'sources', 'imports', 'incidents', 'composer', 'plan', 'exercise', 'reports', 'cell', 'settings'] as const;
export type AreaId = (typeof AREAS)[number];
