import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { NOTIFICATION_REALTIME_WILDCARD, type NotificationView } from '@arogyam/contracts';

export interface RealtimePush {
  subject: string;
  userId: string;
  notification: NotificationView;
}

const codec = JSONCodec<NotificationView>();

/** Listens, as a gateway would, to every user's `rt.user.<id>.notification` messages. */
export class RealtimeWatcher {
  readonly pushes: RealtimePush[] = [];
  private subscription?: Subscription;

  constructor(private readonly nats: NatsConnection) {}

  async start(): Promise<void> {
    this.subscription = this.nats.subscribe(NOTIFICATION_REALTIME_WILDCARD, {
      callback: (error, message) => {
        if (error) return;
        this.pushes.push({
          subject: message.subject,
          userId: message.subject.split('.')[2],
          notification: codec.decode(message.data),
        });
      },
    });
    await this.nats.flush();
  }

  to(userId: string): NotificationView[] {
    return this.pushes.filter((push) => push.userId === userId).map((push) => push.notification);
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }
}
