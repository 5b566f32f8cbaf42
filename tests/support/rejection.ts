// The error of a given class a call ends with; a call that succeeds, or fails otherwise, fails the test.
export async function rejectionOf<E extends Error>(call: Promise<unknown>, kind: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await call;
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected the call to be refused with a ${kind.name}`);
}
