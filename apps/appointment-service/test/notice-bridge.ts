import { headers, type NatsConnection, type Subscription } from 'nats';

const BRIDGED = 'Arogyam-Test-Bridged';

/**
 * Carries the plain-NATS notices on `subject` between the two instances' NATS servers, both ways,
 * as one NATS would deliver them (instances.int.spec.ts gives each instance its own server so it
 * can pick who answers). A forwarded copy is marked and not forwarded back. The copy goes out on
 * the connection the test then sends its next request on, so the instance reads the notice first.
 */
export function bridgeNotices(subject: string, a: NatsConnection, b: NatsConnection): { stop(): void } {
  const forward = (from: NatsConnection, to: NatsConnection): Subscription =>
    from.subscribe(subject, {
      callback: (error, message) => {
        if (error || message.headers?.get(BRIDGED)) return;
        const marked = headers();
        marked.set(BRIDGED, '1');
        to.publish(subject, message.data, { headers: marked });
      },
    });
  const subscriptions = [forward(a, b), forward(b, a)];
  return { stop: () => subscriptions.forEach((subscription) => subscription.unsubscribe()) };
}
