export function staleReason(root?: string): string | null;
export function ensureFreshBuild(root?: string): Promise<boolean>;
