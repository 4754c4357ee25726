// The README's runnable examples: fenced blocks whose first line is a `// tested` or `# tested` comment.
import { readFileSync } from 'node:fs';

export interface Snippet {
  lang: 'js' | 'sh';
  code: string;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
}

export const README_URL = new URL('../../README.md', import.meta.url);
/** The address the README's examples use; the test puts its own server's in its place. */
export const README_BASE = 'http://127.0.0.1:8080';

export function readmeSnippets(markdown = readFileSync(README_URL, 'utf8')): Snippet[] {
  const snippets: Snippet[] = [];
  const fence = /^```(\w*)[^\n]*\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const [, info, code] = match;
    const first = code.split('\n', 1)[0].trim();
    if (!/^(\/\/|#) tested\b/.test(first)) continue;
    const lang = info === 'js' || info === 'javascript' ? 'js' : info === 'sh' || info === 'bash' ? 'sh' : undefined;
    if (!lang) throw new Error(`README: a tested block in \`${info}\` (only js and sh blocks can be run)`);
    snippets.push({ lang, code, line: markdown.slice(0, match.index).split('\n').length });
  }
  return snippets;
}
