// The browser tests' stand-in for the Rust side: Tauri's mockIPC forwards every command to
// `window.yetaEngine`, which Playwright exposes and answers by running the real `yeta` CLI, so
// the numbers the UI shows are the engine's. Progress events are emitted here.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';

type W = Window & { yetaEngine(cmd: string, args: unknown): Promise<unknown>; yetaCalls: { cmd: string; args: unknown }[] };
const w = window as unknown as W;
w.yetaCalls = [];

mockIPC(
  async (cmd, args) => {
    w.yetaCalls.push({ cmd, args });
    const a = (args ?? {}) as Record<string, unknown>;
    // The Rust side rejects with a typed error `{code, path, args, detail}`; the engine stand-in
    // returns it as `{__error}` (only JSON crosses Playwright's bridge) and it is thrown here.
    const answer = async () => {
      const r = (await w.yetaEngine(cmd, args)) as { __error?: unknown } | null;
      if (r && typeof r === 'object' && '__error' in r) throw r.__error;
      return r;
    };
    if (cmd === 'run_risk' || cmd === 'export_pdf') {
      const total = cmd === 'run_risk' ? Number(a.draws) : 3;
      await emit('job-progress', { id: a.job, done: 0, total });
      // As the Rust side does: the draws reported done, then the engine summarises them.
      if (cmd === 'run_risk') await emit('job-progress', { id: a.job, done: Number(a.draws) >= 1_000_000 ? total / 2 : total, total });
      const r = await answer();
      await emit('job-progress', { id: a.job, done: total, total });
      return r;
    }
    return answer();
  },
  { shouldMockEvents: true },
);

await import('../src/main');
