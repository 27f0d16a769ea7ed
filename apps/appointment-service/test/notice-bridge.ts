import { headers, type NatsConnection, type Subscription } from 'nats';
import { waitFor } from '@arogyam/testing';

const BRIDGED = 'Arogyam-Test-Bridged';

export interface NoticeBridge {
  /** Resolves once a notice published after this call has been carried to the other server. */
  nextCarried(): Promise<void>;
  stop(): void;
}

/**
 * Carries the plain-NATS notices on `subject` between the two instances' NATS servers, both ways,
 * as one NATS would deliver them (instances.int.spec.ts gives each instance its own server so it
 * can pick who answers). A carried copy is marked and not carried back. The instance's reply and
 * its notice do not travel together, so a test waits for the notice (`nextCarried`) as a client
 * of one NATS would find it delivered by the time it asks again.
 */
export function bridgeNotices(subject: string, a: NatsConnection, b: NatsConnection): NoticeBridge {
  let carried = 0;
  const forward = (from: NatsConnection, to: NatsConnection): Subscription =>
    from.subscribe(subject, {
      callback: (error, message) => {
        if (error || message.headers?.get(BRIDGED)) return;
        const marked = headers();
        marked.set(BRIDGED, '1');
        to.publish(subject, message.data, { headers: marked });
        void to.flush().then(() => (carried += 1));
      },
    });
  const subscriptions = [forward(a, b), forward(b, a)];
  return {
    nextCarried: () => {
      const before = carried;
      return waitFor(() => carried > before, 5000, `a ${subject} notice carried across`).then(
        () => undefined,
      );
    },
    stop: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
  };
}
