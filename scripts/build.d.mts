export function buildDist(): Promise<{ files: number; ms: number }>;
