import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, ErrorCode, type NatsError } from 'nats';
import {
  connectNats,
  generateBusPasswords,
  natsConnectionOptions,
  natsServerConfig,
} from '@arogyam/messaging';
import { findNatsServer } from '../binaries';
import { launch, stopProcess } from '../local-infra';
import { freePort, waitForPort } from '../ports';

/** A CA and a server certificate for 127.0.0.1 signed by it, as cert-manager would issue. */
function issueCertificates(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=arogyam-test-ca',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=nats',
    '-keyout',
    file('tls.key'),
    '-out',
    file('tls.csr'),
  );
  writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('tls.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('san.ext'),
    '-out',
    file('tls.crt'),
  );
  return { caFile: file('ca.crt'), certFile: file('tls.crt'), keyFile: file('tls.key') };
}

/** Production's NATS: the generated config with its tls block; clients trust the CA from NATS_CA_FILE. */
describe('NATS with TLS (the production config)', () => {
  it('takes a principal that trusts the CA over tls://, and refuses a client that does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arogyam-nats-tls-'));
    const tls = issueCertificates(dir);
    const passwords = generateBusPasswords();
    const port = await freePort();
    const configFile = join(dir, 'nats-server.conf');
    writeFileSync(configFile, natsServerConfig({ passwords, tls, listen: `127.0.0.1:${port}` }));
    const server = launch(
      findNatsServer(),
      ['-c', configFile, '-js', '-sd', join(dir, 'js')],
      undefined,
      'nats',
    );
    try {
      await waitForPort(port);
      const url = `tls://127.0.0.1:${port}`;
      const nc = await connectNats(
        { url, user: 'chat', password: passwords.chat, caFile: tls.caFile },
        'tls-test',
      );
      expect(nc.info?.tls_required).toBe(true);
      await nc.close();

      const untrusting = await connect({
        ...natsConnectionOptions({ url, user: 'chat', password: passwords.chat }),
        reconnect: false,
      }).then(
        (connection) => connection.close().then(() => 'connected'),
        (error: NatsError) => error.code ?? error.message,
      );
      expect(untrusting).not.toBe('connected');
      expect(untrusting).not.toBe(ErrorCode.AuthorizationViolation);
    } finally {
      await stopProcess(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
