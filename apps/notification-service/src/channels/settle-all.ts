/** Lets every attempt finish (one channel's or user's outage must not stop another), then fails if any did. */
export async function settleAll(attempts: Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(attempts);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}
