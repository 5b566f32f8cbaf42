// Asks for the data passphrase on the terminal (browser mode), without echoing it.
import { createInterface } from 'node:readline';
import { AppFailure } from '../../shared/contract/envelope';

export function askPassphrase(): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(
      new AppFailure('LOCKED', 'The data is protected by a passphrase: set TOCSIN_PASSPHRASE or start Tocsin from a terminal.'),
    );
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question('Passphrase protecting the Tocsin data: ', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
