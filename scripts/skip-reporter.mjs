// node --test reporter used by scripts/run-tests.mjs: one JSON line per skipped test (file, name, reason).
export default async function* skipReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { skip, name, file } = event.data;
    if (skip === undefined || skip === false) continue;
    yield `${JSON.stringify({ file: file ?? null, name, reason: typeof skip === 'string' ? skip : '' })}\n`;
  }
}
