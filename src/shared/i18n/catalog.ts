// The shape every translation must match: same keys as the English source, strings at the leaves.
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
