/**
 * Has Zapier's app tester print its logs (LOG_TO_STDOUT, DETAILED_LOG_TO_STDOUT: z.console lines,
 * HTTP logs with request and response, bundle logs) and keeps what it prints — the text a
 * developer sees in `zapier logs` — instead of letting it reach the terminal.
 */
export interface ZapierLogCapture {
  /** What was printed since the last take. */
  take(): string;
  /** Waits for late lines, stops capturing and returns them. */
  stop(): Promise<string>;
}

const SWITCHES = ['LOG_TO_STDOUT', 'DETAILED_LOG_TO_STDOUT'] as const;

export function captureZapierLogs(): ZapierLogCapture {
  let lines: string[] = [];
  const original = console.log;
  const saved = SWITCHES.map((name) => [name, process.env[name]] as const);
  for (const name of SWITCHES) process.env[name] = '1';
  console.log = (...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  };
  const take = () => {
    const text = lines.join('\n');
    lines = [];
    return text;
  };
  return {
    take,
    stop: async () => {
      // Zapier logs some responses only when their body has been read, after the call settled.
      await new Promise((resolve) => setTimeout(resolve, 500));
      console.log = original;
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      return take();
    },
  };
}
