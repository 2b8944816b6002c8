import { runImocha, testSandbox } from '../helpers/runNode';
it("sim", async () => {
  const N = Number(process.env.N ?? 400);
  for (const whole of [true, false]) {
    const sandbox = await testSandbox({ faults: { latencyMs: 100, rateLimitPerSecond: 20, retryAfterWholeSeconds: whole } });
    const items = Array.from({ length: N }, (_, i) => ({ json: { email: `s${i}@x.example.com` } }));
    const t = Date.now(); (globalThis as any).PLOG = [];
    const out = await runImocha(sandbox, { items, parameters: (i: number) => ({ resource: 'invitation', operation: 'invite', testId: { mode: 'id', value: '1134601' }, candidateEmail: `s${i}@x.example.com`, candidateName: 'S' }) });
    const ms = Date.now() - t;
    const r429 = sandbox.requests.filter((r) => r.status === 429).length;
    console.log(JSON.stringify({ whole, N, ms, ratio: (ms / (N / 20 * 1000)).toFixed(3), out: out.length, r429, inv: new Set(sandbox.state.invitations.filter(i=>i.email.endsWith('@x.example.com')).map(i=>i.email)).size }));
    console.log((globalThis as any).PLOG.join("\n")); await sandbox.close();
  }
}, 300000);
