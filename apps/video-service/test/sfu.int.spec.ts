import type { types as ms } from 'mediasoup';
import {
  VideoSubjects,
  type Actor,
  type SfuConsumerView,
  type SfuProducedView,
  type SfuProducerClosedView,
  type SfuProducerView,
  type SfuTransportView,
  type VideoJoinView,
  type VideoPushEvent,
  type VideoStatusView,
} from '@arogyam/contracts';
import {
  findMediasoupWorker,
  rpcFailure,
  startServiceUnderTest,
  videoMediaEnv,
  waitFor,
  type MediasoupWorker,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { KEYFRAME_ASK_INTERVAL_MS, KEYFRAME_ASKING_STOPS_AFTER_MS } from '../src/sfu/first-keyframe';
import { MediaWorkers } from '../src/workers/media-workers';
import { videoService } from '../src/video-service';
import { answerAppointments, person, pushesTo, sendAs } from './appointment-stand-in';
import { clientCertificate, connectDtls, removeCertificate, type UdpCandidate } from './dtls-client';

/**
 * The SFU runs wherever a worker exists or is expected: a missing one fails these tests. They
 * skip only where scripts/build-mediasoup-worker.sh recorded that this machine cannot build one.
 */
let worker: MediasoupWorker;
let lookupFailure: Error | undefined;
try {
  worker = findMediasoupWorker();
} catch (error) {
  lookupFailure = error as Error;
  worker = { skipReason: 'lookup failed' };
}
if (worker.skipReason && !lookupFailure) {
  // Straight to stderr: Jest shows no console output of a file whose tests all skip.
  process.stderr.write(`video-service SFU tests skipped: ${worker.skipReason}\n`);
}
const describeSfu = worker.bin || lookupFailure ? describe : describe.skip;

const MIN_PORT = 45000;
const MAX_PORT = 45100;

/** A DTLS client as a browser describes itself (for the tests whose handshake never happens). */
const DTLS_PARAMETERS = {
  role: 'client',
  fingerprints: [
    {
      algorithm: 'sha-256',
      value: Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase()).join(':'),
    },
  ],
};

/** What mediasoup-client sends for a microphone: Opus, one stream. */
const audioParameters = (ssrc: number, cname: string) => ({
  mid: '0',
  codecs: [
    {
      mimeType: 'audio/opus',
      payloadType: 111,
      clockRate: 48000,
      channels: 2,
      parameters: { useinbandfec: 1 },
      rtcpFeedback: [],
    },
  ],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname },
});

/** What mediasoup-client sends for a camera with simulcast: VP8, three encodings (the hook's). */
const videoParameters = (ssrc: number, cname: string) => ({
  mid: '1',
  codecs: [
    {
      mimeType: 'video/VP8',
      payloadType: 96,
      clockRate: 90000,
      parameters: {},
      rtcpFeedback: [
        { type: 'nack', parameter: '' },
        { type: 'nack', parameter: 'pli' },
        { type: 'ccm', parameter: 'fir' },
        { type: 'goog-remb', parameter: '' },
      ],
    },
  ],
  headerExtensions: [],
  encodings: [
    { ssrc, scaleResolutionDownBy: 4, maxBitrate: 150_000 },
    { ssrc: ssrc + 1, scaleResolutionDownBy: 2, maxBitrate: 500_000 },
    { ssrc: ssrc + 2, scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
  ],
  rtcp: { cname },
});

/**
 * Two clients on the SFU, driven through video-service's own signaling subjects (what the gateway
 * sends for the socket events). No browser is involved, so the clients are the parameters a
 * mediasoup-client device would send: transports, producers and consumers are real mediasoup
 * objects in a real worker. One test also plays the browser's transport part (ICE check and a
 * real DTLS handshake, dtls-client.ts); tests/browser/video-call.browser.spec.ts sends media.
 */
describeSfu('video-service (mediasoup worker: sfu)', () => {
  let service: ServiceUnderTest;
  let appointments: ReturnType<typeof answerAppointments>;
  /** Every WebRTC transport the workers make, as mediasoup reports them in this process. */
  const transports = new Map<string, ms.WebRtcTransport>();
  /** And every producer on them, with the pauses and resumes each went through. */
  const producers = new Map<string, ms.Producer>();
  const producerChanges = new Map<string, string[]>();
  const onWorker = (w: ms.Worker) =>
    w.observer.on('newrouter', (router) =>
      router.observer.on('newtransport', (t) => {
        transports.set(t.id, t as ms.WebRtcTransport);
        t.observer.on('newproducer', (p) => {
          producers.set(p.id, p);
          const changes: string[] = [];
          producerChanges.set(p.id, changes);
          p.observer.on('pause', () => changes.push('pause'));
          p.observer.on('resume', () => changes.push('resume'));
        });
      }),
    );

  const send = sendAs(() => service.rpc);

  /** A producer the server must refuse: its status code. */
  const refusedProducer = async (actor: Actor, appointmentId: string, transportId: string, ssrc: number) =>
    (
      await rpcFailure(
        send(VideoSubjects.produce, actor, appointmentId, {
          transportId,
          kind: 'audio',
          rtpParameters: audioParameters(ssrc, actor.userId),
        }),
      )
    ).statusCode;

  let observer: typeof import('mediasoup').observer | undefined;

  beforeAll(async () => {
    if (lookupFailure) throw lookupFailure;
    const media = videoMediaEnv('sfu');
    // mediasoup fixes its worker binary when first loaded, and this file loads it (for its
    // observer) before the service would: the variable must be there first.
    process.env.MEDIASOUP_WORKER_BIN = media.MEDIASOUP_WORKER_BIN;
    observer = (await import('mediasoup')).observer;
    observer.on('newworker', onWorker);
    service = await startServiceUnderTest(videoService, {
      ...media,
      VIDEO_ICE_SERVERS: '[]',
      MEDIASOUP_WORKERS: '1',
      MEDIASOUP_LISTEN_IP: '127.0.0.1',
      MEDIASOUP_ANNOUNCED_IP: '127.0.0.1',
      MEDIASOUP_RTC_MIN_PORT: String(MIN_PORT),
      MEDIASOUP_RTC_MAX_PORT: String(MAX_PORT),
      INSTANCE_ID: 'video-int-sfu',
    });
    appointments = answerAppointments(service.nats);
  });

  afterAll(async () => {
    observer?.off('newworker', onWorker);
    appointments?.stop();
    await service?.stop();
  });

  /** A participant's side of the call: joins, sets up both transports, sends audio and video. */
  async function setUp(actor: Actor, appointmentId: string, ssrc: number) {
    const join = await send<VideoJoinView>(VideoSubjects.join, actor, appointmentId, {
      socketId: `${actor.userId}-tab`,
    });
    expect(join.mode).toBe('sfu');
    const sendTransport = await send<SfuTransportView>(VideoSubjects.createTransport, actor, appointmentId, {
      direction: 'send',
    });
    const recvTransport = await send<SfuTransportView>(VideoSubjects.createTransport, actor, appointmentId, {
      direction: 'recv',
    });
    for (const transport of [sendTransport, recvTransport]) {
      expect(
        await send(VideoSubjects.connectTransport, actor, appointmentId, {
          transportId: transport.transportId,
          dtlsParameters: DTLS_PARAMETERS,
        }),
      ).toEqual({ connected: true });
    }
    return { join, sendTransport, recvTransport, ssrc };
  }

  async function produce(actor: Actor, appointmentId: string, transportId: string, ssrc: number) {
    const audio = await send<SfuProducedView>(VideoSubjects.produce, actor, appointmentId, {
      transportId,
      kind: 'audio',
      rtpParameters: audioParameters(ssrc, actor.userId),
    });
    const video = await send<SfuProducedView>(VideoSubjects.produce, actor, appointmentId, {
      transportId,
      kind: 'video',
      rtpParameters: videoParameters(ssrc + 10, actor.userId),
    });
    return { audio: audio.producerId, video: video.producerId };
  }

  const pushed = <T>(received: { event: VideoPushEvent; data: unknown }[], event: VideoPushEvent): T[] =>
    received.filter((p) => p.event === event).map((p) => p.data as T);

  it('starts its workers and answers a join with sfu and the router RTP capabilities', async () => {
    expect(await service.rpc.send<VideoStatusView>(VideoSubjects.status, {})).toMatchObject({
      mode: 'sfu',
      workers: 1,
    });
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointments.book(doctor, patient);
    const join = await send<VideoJoinView>(VideoSubjects.join, doctor, id);
    expect(join.mode).toBe('sfu');
    expect(join.routerRtpCapabilities).toMatchObject({
      codecs: expect.arrayContaining([expect.objectContaining({ mimeType: 'audio/opus' })]),
    });
    expect(join.producers).toEqual([]);
    await send(VideoSubjects.leave, doctor, id);
  });

  it('completes a real ICE check and DTLS handshake with the worker on a transport it handed out', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointments.book(doctor, patient);
    const workers = service.app.get(MediaWorkers);
    const workerPids = workers.pids;
    const certificate = clientCertificate();
    let dtls: Awaited<ReturnType<typeof connectDtls>> | undefined;
    try {
      await send<VideoJoinView>(VideoSubjects.join, doctor, id, { socketId: `${doctor.userId}-tab` });
      const view = await send<SfuTransportView>(VideoSubjects.createTransport, doctor, id, {
        direction: 'send',
      });
      await waitFor(() => transports.has(view.transportId), 5000, 'the transport object');
      const transport = transports.get(view.transportId);
      if (!transport) throw new Error('no transport object');
      const states: string[] = [];
      transport.on('dtlsstatechange', (state) => states.push(state));
      await send(VideoSubjects.connectTransport, doctor, id, {
        transportId: view.transportId,
        dtlsParameters: {
          role: 'client',
          fingerprints: [{ algorithm: 'sha-256', value: certificate.fingerprint }],
        },
      });
      const udp = (view.iceCandidates as UdpCandidate[]).find((c) => c.protocol === 'udp');
      if (!udp) throw new Error('no UDP candidate');
      const client = await connectDtls(
        udp,
        view.iceParameters as { usernameFragment: string; password: string },
        certificate,
      );
      dtls = client;
      await waitFor(
        () => transport.dtlsState === 'connected' || transport.dtlsState === 'failed',
        10000,
        'DTLS',
      );
      expect({ dtls: transport.dtlsState, ice: transport.iceState, states }).toEqual({
        dtls: 'connected',
        ice: 'completed',
        states: ['connecting', 'connected'],
      });
      // The client saw it too, with SRTP keys negotiated (what media then runs on).
      await waitFor(() => /Protocol *: DTLSv1\.2/.test(client.output()), 5000, 'the session').catch(
        (error: Error) => {
          throw new Error(`${error.message}; openssl printed:\n${client.output()}`);
        },
      );
      expect(client.output()).toMatch(/SRTP Extension negotiated, profile=SRTP_AES128_CM_SHA1_80/);
      // The worker lived through it (the kernel-TLS OpenSSL build crashed here).
      expect(workers.pids).toEqual(workerPids);
    } finally {
      await send(VideoSubjects.leave, doctor, id);
      await dtls?.stop();
      removeCertificate(certificate.dir);
    }
  });

  it('two participants produce audio and simulcast video and consume each other; leaving closes it all', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointments.book(doctor, patient);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    const toPatient = pushesTo(service.nats, patient.userId);
    try {
      const doctorSide = await setUp(doctor, id, 1000);
      const patientSide = await setUp(patient, id, 2000);
      const candidate = (doctorSide.sendTransport.iceCandidates as { address: string; port: number }[])[0];
      expect(candidate.address).toBe('127.0.0.1');
      expect(candidate.port).toBeGreaterThanOrEqual(MIN_PORT);
      expect(candidate.port).toBeLessThanOrEqual(MAX_PORT);

      // Media only once the call is accepted, as p2p signals.
      expect(await refusedProducer(doctor, id, doctorSide.sendTransport.transportId, 1)).toBe(409);
      await send(VideoSubjects.start, doctor, id);
      await send(VideoSubjects.accept, patient, id);

      const doctorProducers = await produce(doctor, id, doctorSide.sendTransport.transportId, 1000);
      const patientProducers = await produce(patient, id, patientSide.sendTransport.transportId, 2000);
      // Cameras are held paused until the other side receives them; microphones are not.
      const paused = (ids: { audio: string; video: string }) =>
        [ids.audio, ids.video].map((producerId) => producers.get(producerId)?.paused);
      expect(paused(doctorProducers)).toEqual([false, true]);
      expect(paused(patientProducers)).toEqual([false, true]);
      // A producer on a recv transport is refused.
      expect(await refusedProducer(doctor, id, doctorSide.recvTransport.transportId, 3000)).toBe(400);

      // Each side is told of the other's producers.
      await waitFor(() => pushed(toPatient.received, 'rtc:producer').length === 2, 5000, 'rtc:producer');
      await waitFor(() => pushed(toDoctor.received, 'rtc:producer').length === 2, 5000, 'rtc:producer');
      expect(
        pushed<SfuProducerView>(toPatient.received, 'rtc:producer').map((p) => [
          p.producerId,
          p.kind,
          p.userId,
        ]),
      ).toEqual([
        [doctorProducers.audio, 'audio', doctor.userId],
        [doctorProducers.video, 'video', doctor.userId],
      ]);

      const capabilities = patientSide.join.routerRtpCapabilities;
      const consumed: SfuConsumerView[] = [];
      for (const producerId of [doctorProducers.audio, doctorProducers.video]) {
        consumed.push(
          await send<SfuConsumerView>(VideoSubjects.consume, patient, id, {
            producerId,
            rtpCapabilities: capabilities,
          }),
        );
      }
      expect(consumed.map((c) => [c.producerId, c.kind, c.paused])).toEqual([
        [doctorProducers.audio, 'audio', true],
        [doctorProducers.video, 'video', true],
      ]);
      expect((consumed[1].rtpParameters as { codecs: { mimeType: string }[] }).codecs[0].mimeType).toBe(
        'video/VP8',
      );
      // Nobody consumes their own producer.
      expect(
        await rpcFailure(
          send(VideoSubjects.consume, patient, id, {
            producerId: patientProducers.audio,
            rtpCapabilities: capabilities,
          }),
        ),
      ).toMatchObject({ statusCode: 404 });
      for (const consumer of consumed) {
        expect(
          await send(VideoSubjects.resume, patient, id, { target: 'consumer', id: consumer.consumerId }),
        ).toEqual({ target: 'consumer', id: consumer.consumerId, paused: false });
      }
      // The patient receives the doctor's camera: it is released. The doctor receives nothing yet.
      expect(paused(doctorProducers)).toEqual([false, false]);
      expect(paused(patientProducers)).toEqual([false, true]);
      // No keyframe reaches the patient here (no browser), so every 350 ms the server asks the
      // doctor's camera for one again (a pause and a resume), and stops after 4 s.
      const changes = () => producerChanges.get(doctorProducers.video) ?? [];
      await waitFor(() => changes().length >= 5, 5000, 'the keyframe asked for again, twice');
      let seen = { count: changes().length, at: Date.now() };
      const quiet = () => {
        if (changes().length !== seen.count) seen = { count: changes().length, at: Date.now() };
        return Date.now() - seen.at > 3 * KEYFRAME_ASK_INTERVAL_MS;
      };
      await waitFor(quiet, KEYFRAME_ASKING_STOPS_AFTER_MS + 3000, 'the asking to stop');
      const asked = changes();
      expect(asked[0]).toBe('resume');
      expect(asked.slice(1)).toEqual(asked.slice(1).map((_, i) => (i % 2 === 0 ? 'pause' : 'resume')));
      expect(asked.length).toBeLessThanOrEqual(
        1 + 2 * Math.ceil(KEYFRAME_ASKING_STOPS_AFTER_MS / KEYFRAME_ASK_INTERVAL_MS),
      );
      expect(producerChanges.get(doctorProducers.audio)).toEqual([]);
      expect(paused(doctorProducers)).toEqual([false, false]);
      for (const producerId of [patientProducers.audio, patientProducers.video]) {
        await send(VideoSubjects.consume, doctor, id, {
          producerId,
          rtpCapabilities: doctorSide.join.routerRtpCapabilities,
        });
      }
      // Camera off and on again: the producer pauses and resumes.
      expect(
        await send(VideoSubjects.pause, doctor, id, { target: 'producer', id: doctorProducers.video }),
      ).toMatchObject({ paused: true });
      await send(VideoSubjects.resume, doctor, id, { target: 'producer', id: doctorProducers.video });

      // A late rejoin of the patient sees the doctor's producers in the join answer.
      const again = await send<VideoJoinView>(VideoSubjects.join, patient, id, {
        socketId: `${patient.userId}-tab`,
      });
      expect(again.producers?.map((p) => p.producerId).sort()).toEqual(
        [doctorProducers.audio, doctorProducers.video].sort(),
      );

      // The doctor's socket goes: their producers close, and the patient's consumers with them.
      await send(VideoSubjects.disconnect, doctor, id, { socketId: `${doctor.userId}-tab` });
      const rejoined = await send<VideoJoinView>(VideoSubjects.join, patient, id, {
        socketId: `${patient.userId}-tab`,
      });
      expect(rejoined.producers).toEqual([]);
      await send(VideoSubjects.end, patient, id);
      const status = await service.rpc.send<VideoStatusView>(VideoSubjects.status, {});
      expect(status.routers).toBe(0);
    } finally {
      toDoctor.stop();
      toPatient.stop();
    }
  });

  it('the patient hears when a producer it consumes closes', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointments.book(doctor, patient);
    const toPatient = pushesTo(service.nats, patient.userId);
    try {
      const doctorSide = await setUp(doctor, id, 4000);
      const patientSide = await setUp(patient, id, 5000);
      await send(VideoSubjects.start, doctor, id);
      await send(VideoSubjects.accept, patient, id);
      const doctorProducers = await produce(doctor, id, doctorSide.sendTransport.transportId, 4000);
      const consumer = await send<SfuConsumerView>(VideoSubjects.consume, patient, id, {
        producerId: doctorProducers.video,
        rtpCapabilities: patientSide.join.routerRtpCapabilities,
      });
      await send(VideoSubjects.leave, doctor, id);
      await waitFor(
        () => pushed(toPatient.received, 'rtc:producer:closed').length > 0,
        5000,
        'rtc:producer:closed',
      );
      expect(pushed<SfuProducerClosedView>(toPatient.received, 'rtc:producer:closed')).toEqual([
        { appointmentId: id, producerId: doctorProducers.video, consumerId: consumer.consumerId },
      ]);
      await send(VideoSubjects.end, patient, id);
    } finally {
      toPatient.stop();
    }
  });

  it('a worker that dies is replaced; its room gets a new router and both participants are told to rejoin', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointments.book(doctor, patient);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    const toPatient = pushesTo(service.nats, patient.userId);
    try {
      const doctorSide = await setUp(doctor, id, 6000);
      await setUp(patient, id, 7000);
      await send(VideoSubjects.start, doctor, id);
      await send(VideoSubjects.accept, patient, id);
      await produce(doctor, id, doctorSide.sendTransport.transportId, 6000);

      const workers = service.app.get(MediaWorkers);
      const [dead] = workers.pids;
      process.kill(dead, 'SIGKILL');

      const rejoin = { event: 'rtc:rejoin', data: { appointmentId: id, reason: 'media_restarted' } };
      await waitFor(
        () => [toDoctor, toPatient].every((to) => to.received.some((p) => p.event === 'rtc:rejoin')),
        10000,
        'rtc:rejoin to both',
      );
      expect(toDoctor.received).toContainEqual(rejoin);
      expect(toPatient.received).toContainEqual(rejoin);
      expect(workers.count).toBe(1);
      expect(workers.pids).not.toContain(dead);

      // The old transports went with the router; joining again sets everything up on the new one.
      expect(await refusedProducer(doctor, id, doctorSide.sendTransport.transportId, 6100)).toBe(409);
      const doctorAgain = await setUp(doctor, id, 8000);
      const patientAgain = await setUp(patient, id, 9000);
      expect(doctorAgain.join.state).toBe('accepted');
      const produced = await produce(doctor, id, doctorAgain.sendTransport.transportId, 8000);
      const consumer = await send<SfuConsumerView>(VideoSubjects.consume, patient, id, {
        producerId: produced.video,
        rtpCapabilities: patientAgain.join.routerRtpCapabilities,
      });
      expect(consumer).toMatchObject({ kind: 'video', paused: true });
      await send(VideoSubjects.end, doctor, id);
    } finally {
      toDoctor.stop();
      toPatient.stop();
    }
  });
});
