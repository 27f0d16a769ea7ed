import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, X509Certificate } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The browser's part of a WebRTC transport, for a test without a browser: an ICE connectivity
 * check (a STUN Binding request with the transport's credentials, as an ICE agent sends it) and
 * then a real DTLS 1.2 handshake, made by the `openssl s_client` program with a client
 * certificate and SRTP offered, relayed through the same UDP socket so the worker sees one
 * ICE-validated tuple. What the worker must do here is exactly what it does for a browser.
 */

export interface IceServerSide {
  usernameFragment: string;
  password: string;
}

export interface UdpCandidate {
  address: string;
  port: number;
  protocol: string;
}

/** A self-signed client certificate and its SHA-256 fingerprint, as a browser announces it. */
export function clientCertificate(): { dir: string; cert: string; key: string; fingerprint: string } {
  const dir = mkdtempSync(join(tmpdir(), 'arogyam-dtls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const run = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=arogyam-test',
    ],
    { stdio: 'pipe' },
  );
  if (run.status !== 0) throw new Error(`openssl req failed: ${run.stderr.toString()}`);
  const fingerprint = new X509Certificate(readFileSync(cert)).fingerprint256;
  return { dir, cert, key, fingerprint };
}

const MAGIC_COOKIE = 0x2112a442;

function attribute(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

/** A STUN Binding request of a controlling ICE agent that nominates this pair (RFC 8445, 5389). */
export function bindingRequest(server: IceServerSide, clientUfrag: string): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0001, 0);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  randomBytes(12).copy(header, 8);
  const priority = Buffer.alloc(4);
  priority.writeUInt32BE(0x6e7f1eff, 0);
  let body = Buffer.concat([
    attribute(0x0006, Buffer.from(`${server.usernameFragment}:${clientUfrag}`)), // USERNAME
    attribute(0x0024, priority), // PRIORITY
    attribute(0x802a, randomBytes(8)), // ICE-CONTROLLING
    attribute(0x0025, Buffer.alloc(0)), // USE-CANDIDATE
  ]);
  // MESSAGE-INTEGRITY covers the message with its length already counting the attribute.
  header.writeUInt16BE(body.length + 24, 2);
  const integrity = createHmac('sha1', server.password)
    .update(Buffer.concat([header, body]))
    .digest();
  body = Buffer.concat([body, attribute(0x0008, integrity)]);
  header.writeUInt16BE(body.length + 8, 2);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((crc32(Buffer.concat([header, body])) ^ 0x5354554e) >>> 0, 0);
  return Buffer.concat([header, body, attribute(0x8028, crc)]); // FINGERPRINT
}

const isStun = (packet: Buffer): boolean => packet.length >= 20 && packet[0] < 2;

export interface DtlsClient {
  /** What `openssl s_client` printed (the session: protocol, cipher, the SRTP profile). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs the ICE check against `candidate`, then the DTLS handshake through a relay. Resolves once
 * the check succeeded and openssl is started; the caller waits for the transport's DTLS state.
 */
export async function connectDtls(
  candidate: UdpCandidate,
  ice: IceServerSide,
  certificate: { cert: string; key: string },
): Promise<DtlsClient> {
  const toWorker: Socket = createSocket('udp4');
  const toOpenssl: Socket = createSocket('udp4');
  await Promise.all([
    new Promise<void>((resolve) => toWorker.bind(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => toOpenssl.bind(0, '127.0.0.1', resolve)),
  ]);
  let openssl: RemoteInfo | undefined;
  let child: ChildProcess | undefined;
  let printed = '';
  const stop = async () => {
    child?.kill('SIGKILL');
    toWorker.close();
    toOpenssl.close();
  };
  try {
    const checked = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no STUN Binding success from the worker')), 5000);
      toWorker.on('message', (packet) => {
        if (isStun(packet)) {
          // 0x0101: Binding success response.
          if (packet.readUInt16BE(0) === 0x0101) {
            clearTimeout(timer);
            resolve();
          }
          return;
        }
        if (openssl) toOpenssl.send(packet, openssl.port, openssl.address);
      });
    });
    toWorker.send(bindingRequest(ice, randomBytes(4).toString('hex')), candidate.port, candidate.address);
    await checked;
    toOpenssl.on('message', (packet, from) => {
      openssl = from;
      toWorker.send(packet, candidate.port, candidate.address);
    });
    const relay = toOpenssl.address();
    child = spawn(
      'openssl',
      [
        's_client',
        '-dtls1_2',
        '-use_srtp',
        'SRTP_AES128_CM_SHA1_80',
        '-cert',
        certificate.cert,
        '-key',
        certificate.key,
        '-connect',
        `${relay.address}:${relay.port}`,
      ],
      // stdin stays open: s_client would end the session at its end.
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  } catch (error) {
    await stop();
    throw error;
  }
  return { output: () => printed, stop };
}

export const removeCertificate = (dir: string): void => rmSync(dir, { recursive: true, force: true });
