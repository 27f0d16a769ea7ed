#!/usr/bin/env node
// SFU capacity (issue 11): how many two-way consultations one mediasoup worker carries on one
// core. Each consultation is two participants, each sending one Opus audio stream and one VP8
// video in three simulcast layers, each receiving the other's audio and top video layer: four
// consumers per consultation (mediasoup's documentation puts a worker at about 500 consumers per
// core, so about 125 consultations). No browser: a load generator in this process sends plain
// RTP to PlainTransports and the consumers send to a sink that never reads (the kernel drops
// what piles up), so the worker does the forwarding it does in a call and nothing else does much.
// The worker is pinned to one core and the generator to the other.
//
// What it leaves out, on purpose: SRTP (WebRTC transports encrypt; plain RTP does not, so a real
// call costs the worker more per packet), bandwidth estimation and RTCP feedback. Loss is read
// from the worker's own counters: what each producer received against what the generator sent,
// and what each consumer sent against what its producer's forwarded layer received.
import { spawn, execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { machine, root } from './lib/stack.mjs';

const require = createRequire(import.meta.url);
const testing = require(join(root, 'libs/testing/dist/index.js'));
// The codecs of a consultation's router, as video-service creates them.
const { MEDIA_CODECS } = require(join(root, 'apps/video-service/dist/workers/media-workers.js'));

const STEPS = (process.env.BENCH_SFU_STEPS ?? '25,50,75,100,125,150')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const WARM_UP_S = 3;
const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 10);

const AUDIO_PT = 100;
const VIDEO_PT = 101;
/**
 * Per participant and second, close to what a browser's simulcast sends for a 640×360 camera:
 * Opus every 20 ms; video layers at 160×90 (15 fps, ~100 kbit/s), 320×180 (30 fps, ~260 kbit/s)
 * and 640×360 (30 fps, ~580 kbit/s). The top layer stays under 600 kbit/s: a plain transport has
 * no bandwidth estimation, and its simulcast consumers then never choose a layer above that
 * (mediasoup's initial available bitrate); a browser's transport estimates and goes higher.
 */
const AUDIO = { everyMs: 20, bytes: 120, clockStep: 960 };
const VIDEO_LAYERS = [
  { fps: 15, packetsPerFrame: 1, bytes: 830 },
  { fps: 30, packetsPerFrame: 1, bytes: 1_080 },
  { fps: 30, packetsPerFrame: 2, bytes: 1_200 },
];
/** A key frame on every layer this often: the consumers switch to a layer only at one. */
const KEY_FRAME_EVERY_MS = 1_000;

const packetsPerParticipantPerSecond =
  1_000 / AUDIO.everyMs + VIDEO_LAYERS.reduce((sum, l) => sum + l.fps * l.packetsPerFrame, 0);

function pin(pid, core) {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A UDP port that accepts and never reads: consumers' packets cost the worker, not this process. */
async function startSink() {
  const sink = spawn(
    'python3',
    [
      '-c',
      'import socket,time\n' +
        's=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n' +
        "s.bind(('127.0.0.1',0))\n" +
        'print(s.getsockname()[1],flush=True)\n' +
        'time.sleep(10**9)',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise((resolve, reject) => {
    sink.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    sink.once('error', reject);
  });
  return { port, stop: () => sink.kill() };
}

let nextSsrc = 10_000;

/** One participant's outgoing media: an RTP stream per track and layer, paced by `tick`. */
function participantStreams() {
  const audio = { ssrc: nextSsrc++, pt: AUDIO_PT, seq: 0, ts: 0, sent: 0 };
  const video = VIDEO_LAYERS.map((layer) => ({
    ...layer,
    ssrc: nextSsrc++,
    pt: VIDEO_PT,
    seq: 0,
    ts: 0,
    sent: 0,
    pictureId: 0,
    tl0: 0,
    lastKeyAt: -Infinity,
  }));
  return { audio, video };
}

function rtpHeader(stream, marker) {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (marker ? 0x80 : 0) | stream.pt;
  header.writeUInt16BE(stream.seq, 2);
  header.writeUInt32BE(stream.ts >>> 0, 4);
  header.writeUInt32BE(stream.ssrc, 8);
  stream.seq = (stream.seq + 1) & 0xffff;
  return header;
}

/**
 * VP8 payload descriptor with a two-byte picture id, TL0PICIDX and TID 0 (what mediasoup's
 * simulcast consumer rewrites), then the first payload byte whose lowest bit says key frame.
 */
function vp8Packet(layer, first, last, key) {
  const size = layer.bytes;
  const packet = Buffer.alloc(size);
  rtpHeader(layer, last).copy(packet, 0);
  packet[12] = 0x80 | (first ? 0x10 : 0); // X, S
  packet[13] = 0xe0; // I, L, T
  packet[14] = 0x80 | ((layer.pictureId >> 8) & 0x7f);
  packet[15] = layer.pictureId & 0xff;
  packet[16] = layer.tl0 & 0xff;
  packet[17] = 0x00; // TID 0
  packet[18] = key ? 0x10 : 0x11; // inverse key frame bit
  return packet;
}

/**
 * An RTCP sender report: mediasoup's simulcast consumer moves between layers only once both
 * layers' streams have one (it maps their RTP clocks through the reports' wall-clock times).
 */
function senderReport(stream, clockRate, startedAt, now) {
  const report = Buffer.alloc(28);
  report[0] = 0x80;
  report[1] = 200;
  report.writeUInt16BE(6, 2);
  report.writeUInt32BE(stream.ssrc, 4);
  const wallMs = performance.timeOrigin + startedAt + now;
  report.writeUInt32BE(Math.floor(wallMs / 1_000) + 2_208_988_800, 8);
  report.writeUInt32BE(Math.floor(((wallMs % 1_000) / 1_000) * 2 ** 32) >>> 0, 12);
  report.writeUInt32BE(Math.round((now * clockRate) / 1_000) >>> 0, 16);
  report.writeUInt32BE(stream.sent >>> 0, 20);
  report.writeUInt32BE((stream.sent * 1_000) >>> 0, 24);
  return report;
}

const SENDER_REPORT_EVERY_MS = 500;

/** Sends what each stream is due at `now` (ms since the start); returns the packets sent. */
function sendDue(participant, socket, port, startedAt, now) {
  let sent = 0;
  const send = (packet, stream) => {
    socket.send(packet, port, '127.0.0.1');
    stream.sent++;
    sent++;
  };
  if ((participant.reportDue ?? 0) <= now) {
    participant.reportDue = now + SENDER_REPORT_EVERY_MS;
    socket.send(senderReport(participant.audio, 48_000, startedAt, now), port, '127.0.0.1');
    for (const layer of participant.video)
      socket.send(senderReport(layer, 90_000, startedAt, now), port, '127.0.0.1');
  }
  const { audio } = participant;
  while ((audio.due ?? 0) <= now) {
    const packet = Buffer.alloc(12 + AUDIO.bytes);
    rtpHeader(audio, false).copy(packet, 0);
    send(packet, audio);
    audio.due = (audio.due ?? 0) + AUDIO.everyMs;
    audio.ts = Math.round((audio.due * 48_000) / 1_000);
  }
  for (const layer of participant.video) {
    const frameMs = 1_000 / layer.fps;
    while ((layer.due ?? 0) <= now) {
      const key = (layer.due ?? 0) - layer.lastKeyAt >= KEY_FRAME_EVERY_MS;
      if (key) layer.lastKeyAt = layer.due ?? 0;
      for (let p = 0; p < layer.packetsPerFrame; p++) {
        send(vp8Packet(layer, p === 0, p === layer.packetsPerFrame - 1, key), layer);
      }
      layer.pictureId = (layer.pictureId + 1) & 0x7fff;
      layer.tl0 = (layer.tl0 + 1) & 0xff;
      layer.due = (layer.due ?? 0) + frameMs;
      layer.ts = Math.round(layer.due * 90);
    }
  }
  return sent;
}

async function buildConsultations(router, count, sinkPort) {
  const listenInfo = { protocol: 'udp', ip: '127.0.0.1' };
  const participants = [];
  for (let c = 0; c < count * 2; c++) {
    const streams = participantStreams();
    const inbound = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: true });
    const audioProducer = await inbound.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: AUDIO_PT, clockRate: 48_000, channels: 2 }],
        encodings: [{ ssrc: streams.audio.ssrc }],
      },
    });
    const videoProducer = await inbound.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [{ mimeType: 'video/VP8', payloadType: VIDEO_PT, clockRate: 90_000 }],
        encodings: streams.video.map((layer) => ({ ssrc: layer.ssrc })),
      },
    });
    const socket = createSocket('udp4');
    await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
    participants.push({
      ...streams,
      inbound,
      audioProducer,
      videoProducer,
      socket,
      port: inbound.tuple.localPort,
      consumers: [],
    });
  }
  for (let c = 0; c < participants.length; c++) {
    const me = participants[c];
    const other = participants[c % 2 === 0 ? c + 1 : c - 1];
    const outbound = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: false });
    await outbound.connect({ ip: '127.0.0.1', port: sinkPort });
    for (const producer of [other.audioProducer, other.videoProducer]) {
      // The lowest layer first; the top one once every layer has a sender report (below).
      const consumer = await outbound.consume({
        producerId: producer.id,
        rtpCapabilities: router.rtpCapabilities,
        preferredLayers: { spatialLayer: 0, temporalLayer: 0 },
      });
      me.consumers.push({ consumer, source: other });
    }
    me.outbound = outbound;
  }
  return participants;
}

/** Packets each producer received per SSRC, and each consumer sent, from the worker's counters. */
async function workerCounts(participants) {
  const received = new Map();
  const sent = new Map();
  for (const p of participants) {
    for (const producer of [p.audioProducer, p.videoProducer]) {
      for (const stat of await producer.getStats()) received.set(stat.ssrc, stat.packetCount);
    }
    for (const { consumer } of p.consumers) {
      const outbound = (await consumer.getStats()).find((stat) => stat.type === 'outbound-rtp');
      sent.set(consumer.id, outbound?.packetCount ?? 0);
    }
  }
  return { received, sent };
}

const workerCpuMs = async (worker) => {
  const usage = await worker.getResourceUsage();
  return usage.ru_utime + usage.ru_stime;
};

async function measureStep(worker, count, sinkPort) {
  const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  const participants = await buildConsultations(router, count, sinkPort);
  const startedAt = performance.now();
  let behindMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now() - startedAt;
    for (const p of participants) sendDue(p, p.socket, p.port, startedAt, now);
    // How late this tick ran: a generator that cannot keep up says so instead of measuring less.
    behindMs = Math.max(behindMs, performance.now() - startedAt - now);
    ticks++;
  }, 5);
  const sentNow = () => {
    const bySsrc = new Map();
    for (const p of participants) for (const s of [p.audio, ...p.video]) bySsrc.set(s.ssrc, s.sent);
    return bySsrc;
  };
  // A consumer moves up only once the layers have sender reports, and looks again when a
  // producer's score changes or its preferred layers do. A browser's scores keep changing; this
  // generator's settle at once, so the consumers are asked for the top layer after the reports.
  await new Promise((r) => setTimeout(r, (WARM_UP_S * 1_000) / 2));
  for (const p of participants) {
    for (const { consumer } of p.consumers) {
      if (consumer.kind === 'video') await consumer.setPreferredLayers({ spatialLayer: 2, temporalLayer: 0 });
    }
  }
  await new Promise((r) => setTimeout(r, (WARM_UP_S * 1_000) / 2));
  const before = {
    generated: sentNow(),
    worker: await workerCounts(participants),
    cpu: await workerCpuMs(worker),
  };
  const wallStart = performance.now();
  const ownCpuStart = process.cpuUsage();
  await new Promise((r) => setTimeout(r, MEASURE_S * 1_000));
  const after = {
    generated: sentNow(),
    worker: await workerCounts(participants),
    cpu: await workerCpuMs(worker),
  };
  const seconds = (performance.now() - wallStart) / 1_000;
  const ownCpu = process.cpuUsage(ownCpuStart);
  clearInterval(timer);

  const delta = (a, b, key) => (a.get(key) ?? 0) - (b.get(key) ?? 0);
  let generated = 0;
  let producedIn = 0;
  for (const ssrc of after.generated.keys()) {
    generated += delta(after.generated, before.generated, ssrc);
    producedIn += delta(after.worker.received, before.worker.received, ssrc);
  }
  let forwardExpected = 0;
  let forwarded = 0;
  for (const p of participants) {
    for (const { consumer, source } of p.consumers) {
      // A consumer forwards the audio, or the top video layer it prefers.
      const ssrc = consumer.kind === 'audio' ? source.audio.ssrc : source.video[2].ssrc;
      forwardExpected += delta(after.worker.received, before.worker.received, ssrc);
      forwarded += delta(after.worker.sent, before.worker.sent, consumer.id);
    }
  }
  for (const p of participants) p.socket.close();
  router.close();
  const workerCpu = (after.cpu - before.cpu) / 1_000 / seconds;
  return {
    consultations: count,
    consumers: count * 4,
    packetsInPerSecond: Math.round(generated / seconds),
    packetsOutPerSecond: Math.round(forwarded / seconds),
    workerCpuShare: workerCpu,
    workerCpuMsPerConsultation: (workerCpu * 1_000) / count,
    inboundLoss: generated > 0 ? Math.max(0, 1 - producedIn / generated) : 0,
    forwardLoss: forwardExpected > 0 ? Math.max(0, 1 - forwarded / forwardExpected) : 0,
    generatorCpuShare: (ownCpu.user + ownCpu.system) / 1e6 / seconds,
    generatorOnSchedule: generated / (count * 2 * packetsPerParticipantPerSecond * seconds),
    ticks,
  };
}

const pct = (x) => `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)} %`;

export async function benchmarkSfuCapacity() {
  const found = testing.findMediasoupWorker();
  if (!found.bin) return `## SFU capacity\n\nNot run: ${found.skipReason}`;
  process.env.MEDIASOUP_WORKER_BIN = found.bin;
  const mediasoup = require('mediasoup');
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const twoCores = cpus().length >= 2;
  const pinned = twoCores && pin(worker.pid, 1) && pin(process.pid, 0);
  const sink = await startSink();
  const rows = [];
  try {
    for (const count of STEPS) {
      console.error(`  ${count} consultations…`);
      const row = await measureStep(worker, count, sink.port);
      rows.push(row);
      console.error(
        `  ${count}: worker ${pct(row.workerCpuShare)} of a core, forward loss ${pct(row.forwardLoss)}, ` +
          `generator on schedule ${pct(row.generatorOnSchedule)}`,
      );
      // Past a saturated worker or generator, more rows measure nothing.
      if (row.workerCpuShare > 0.98 || row.generatorOnSchedule < 0.9 || row.generatorCpuShare > 0.98) break;
    }
  } finally {
    sink.stop();
    worker.close();
  }
  const usable = rows.filter(
    (r) => r.forwardLoss < 0.01 && r.inboundLoss < 0.01 && r.generatorOnSchedule >= 0.95,
  );
  const perConsultation =
    usable.length > 0 ? usable.reduce((s, r) => s + r.workerCpuMsPerConsultation, 0) / usable.length : NaN;
  return [
    '## SFU capacity: two-way consultations on one mediasoup worker',
    '',
    `${machine()}. mediasoup ${JSON.parse(readFileSync(join(root, 'node_modules/mediasoup/package.json'), 'utf8')).version}, the worker built here ` +
      `(${pinned ? 'pinned to core 1, the load generator to core 0' : 'not pinned'}); ` +
      `${WARM_UP_S} s warm-up and ${MEASURE_S} s measured per row. Per participant: Opus every 20 ms and ` +
      `VP8 in three simulcast layers (${VIDEO_LAYERS.map((l) => `${l.fps} fps × ${l.packetsPerFrame}`).join(', ')} packets), ` +
      `${packetsPerParticipantPerSecond} packets/s; each consumes the other's audio and top layer. Plain RTP, no SRTP.`,
    '',
    '| consultations | consumers | packets in /s | packets out /s | worker CPU (one core) | worker CPU ms/s per consultation | loss into the worker | loss in forwarding | generator on schedule | generator CPU (its core) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.consultations} | ${r.consumers} | ${r.packetsInPerSecond.toLocaleString('en')} | ` +
        `${r.packetsOutPerSecond.toLocaleString('en')} | ${pct(r.workerCpuShare)} | ${r.workerCpuMsPerConsultation.toFixed(2)} | ` +
        `${pct(r.inboundLoss)} | ${pct(r.forwardLoss)} | ${pct(r.generatorOnSchedule)} | ${pct(r.generatorCpuShare)} |`,
    ),
    '',
    Number.isFinite(perConsultation)
      ? `At ${perConsultation.toFixed(2)} ms of worker CPU per second per consultation (rows without loss), one core ` +
        `carries about ${Math.floor(1_000 / perConsultation)} consultations (${Math.floor((1_000 / perConsultation) * 4)} consumers); ` +
        "mediasoup's documentation: about 500 consumers per core."
      : 'No row ran without loss: see the table.',
  ].join('\n');
}
