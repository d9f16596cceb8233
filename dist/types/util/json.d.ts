/** JSON with object keys sorted, so equal values give equal bytes whatever their key order. */
export declare function canonicalJson(value: unknown): string;
