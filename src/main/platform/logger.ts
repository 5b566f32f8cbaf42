// Minimal structured logger passed into the core, so tests can capture or silence it.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const write =
  (level: string, stream: NodeJS.WriteStream) =>
  (message: string, fields?: Record<string, unknown>): void => {
    stream.write(`${new Date().toISOString()} ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  };

export const consoleLogger: Logger = {
  info: write('INFO', process.stdout),
  warn: write('WARN', process.stderr),
  error: write('ERROR', process.stderr),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
