import os from 'node:os';

/**
 * Runs a benchmark to the end and always cleans up (the embedded database, child processes): on success,
 * on failure, on Ctrl-C, on an error thrown outside the main chain, and when it overruns its deadline.
 */
export function runBenchmark(main: () => Promise<void>, tearDown: () => Promise<void>, timeoutSeconds: number): void {
  const leave = (code: number) => void tearDown().finally(() => process.exit(code));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, cleaning up`);
      leave(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('bench failed:', error.stack ?? error.message);
    leave(1);
  });
  setTimeout(() => {
    console.error(`bench: still running after ${timeoutSeconds} s, giving up`);
    leave(1);
  }, timeoutSeconds * 1000).unref();
  main().then(
    () => leave(0),
    (error: unknown) => {
      console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
      leave(1);
    },
  );
}

/** A whole-number setting from the environment, with its default and lower bound. */
export function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return value;
}

/** What the numbers were measured on, for results.json. */
export function machineFacts(postgres: string, database: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    postgres,
    database,
  };
}
