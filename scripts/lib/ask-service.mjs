// One request to a service over NATS as an operator (the operator commands: audit:verify,
// analytics:rebuild): NATS_URL, and on a NATS with users (the generated config) NATS_USER /
// NATS_PASSWORD of the `admin` user (deploy/nats/generated/admin.env), NATS_CA_FILE for a tls:// NATS.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, JSONCodec } from 'nats';

export const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const codec = JSONCodec();

/** The service's answer to `subject` (no payload), or a rejection with its error. */
export async function askService(subject, { name, timeoutMs }) {
  const { NATS_USER: user, NATS_PASSWORD: pass, NATS_CA_FILE: caFile } = process.env;
  const connection = await connect({
    servers: natsUrl.split(','),
    name,
    ...(user && pass ? { user, pass } : {}),
    ...(caFile ? { tls: { ca: readFileSync(caFile, 'utf8') } } : {}),
  });
  try {
    // The packet format of @nestjs/microservices' NATS transport.
    const reply = await connection.request(
      subject,
      codec.encode({ pattern: subject, data: {}, id: randomUUID() }),
      { timeout: timeoutMs },
    );
    const answer = codec.decode(reply.data);
    if (answer.err) throw new Error(answer.err.message ?? JSON.stringify(answer.err));
    return answer.response;
  } finally {
    await connection.close();
  }
}
