/**
 * Sends statements on one connection without waiting for each answer: each is handed over,
 * then the event loop gets a turn so the driver sends it, and the caller's next one is built
 * while the database works on the one before. The connection still runs them in order.
 * Resolves with every answer in order, or rejects with the first failure in order (in a
 * transaction the later ones then fail with the aborted transaction; they are not reported
 * and never surface as unhandled rejections).
 */
export async function pipelined<T>(count: number, send: (index: number) => Promise<T>): Promise<T[]> {
  const sent: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    const answer = send(i);
    answer.catch(() => undefined);
    sent.push(answer);
    await new Promise((handedOver) => setImmediate(handedOver));
  }
  return Promise.all(sent);
}
