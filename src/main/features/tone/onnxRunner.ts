// Runs an ONNX model with onnxruntime-web's WebAssembly backend in a worker thread, and answers synchronously:
// mentions are enriched inside the ingest transaction, which cannot wait for a promise, so the caller blocks on an
// Atomics signal while the worker runs (a bag-of-words model answers in well under a millisecond).
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * The worker's program, sent as its source text: it owns the inference session and raises the shared flag once each
 * answer is posted. Being run from its text, it may use nothing from this module's scope.
 */
function workerProgram(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ort = require(workerData.runtime as string) as typeof import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  const flag = new Int32Array(workerData.flag as SharedArrayBuffer);
  const port = workerData.port as MessagePort;
  let session: Awaited<ReturnType<typeof ort.InferenceSession.create>> | null = null;
  const reply = (message: unknown) => {
    port.postMessage(message);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  port.on('message', async (request: { kind: 'open'; model: Uint8Array } | { kind: 'run'; input: string; data: Float32Array; dims: number[]; output: string }) => {
    try {
      if (request.kind === 'open') {
        session = await ort.InferenceSession.create(request.model, { executionProviders: ['wasm'] });
        reply({ ok: true, inputs: session.inputNames, outputs: session.outputNames });
      } else {
        const result = await session!.run({ [request.input]: new ort.Tensor('float32', request.data, request.dims) }, [request.output]);
        const tensor = result[request.output]!;
        reply({ ok: true, data: Float32Array.from(tensor.data as Float32Array), dims: tensor.dims });
      }
    } catch (error) {
      reply({ ok: false, message: String(error instanceof Error ? error.message : error) });
    }
  });
}

const WORKER_SOURCE = `(${workerProgram.toString()})()`;

/** Node 20 has Atomics.waitAsync; the project's TypeScript library (ES2022) does not declare it yet. */
type AtomicsWithWaitAsync = typeof Atomics & {
  waitAsync(array: Int32Array, index: number, value: number, timeout: number): { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
};

const OPEN_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 10_000;

type Answer = { ok: true; inputs?: string[]; outputs?: string[]; data?: Float32Array; dims?: number[] } | { ok: false; message: string };

/** The runtime's own failure, as it worded it (kept for the log; people see a catalogue sentence). */
export class OnnxRuntimeError extends Error {}

export class OnnxRunner {
  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly flag: Int32Array,
    readonly inputNames: readonly string[],
    readonly outputNames: readonly string[],
  ) {}

  /** Starts a worker and opens the model in it; rejects with the runtime's message when the bytes are no model it can run. */
  static async open(model: Uint8Array): Promise<OnnxRunner> {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const runtime = createRequire(import.meta.url).resolve('onnxruntime-web');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { runtime, flag: flag.buffer, port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    port1.postMessage({ kind: 'open', model });
    const waited = (Atomics as AtomicsWithWaitAsync).waitAsync(flag, 0, 0, OPEN_TIMEOUT_MS);
    const outcome = waited.async ? await waited.value : waited.value;
    const answer = outcome === 'timed-out' ? ({ ok: false, message: 'ONNX_TIMEOUT' } as const) : (receiveMessageOnPort(port1)?.message as Answer | undefined);
    if (!answer?.ok) {
      void worker.terminate();
      throw new OnnxRuntimeError(answer?.message ?? 'ONNX_NO_ANSWER');
    }
    return new OnnxRunner(worker, port1, flag, answer.inputs ?? [], answer.outputs ?? []);
  }

  /** The named output for a float32 input of the given shape, computed before this returns. */
  run(input: string, data: Float32Array, dims: number[], output: string): { data: Float32Array; dims: number[] } {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ kind: 'run', input, data, dims, output });
    if (Atomics.wait(this.flag, 0, 0, RUN_TIMEOUT_MS) === 'timed-out') throw new OnnxRuntimeError('ONNX_TIMEOUT');
    const answer = receiveMessageOnPort(this.port)?.message as Answer | undefined;
    if (!answer?.ok || !answer.data || !answer.dims) throw new OnnxRuntimeError(answer && !answer.ok ? answer.message : 'ONNX_NO_ANSWER');
    return { data: answer.data, dims: answer.dims };
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
