// Video consultations: the call hook, the call screen and the patient's incoming-call prompt; the
// media sessions behind the hook (peer-to-peer, or the SFU through a mediasoup-client device).
export * from './call-media';
export * from './call-screen';
export * from './incoming-call';
export * from './p2p-media';
export * from './sfu-media';
export * from './use-video-call';
export * from './video-consultation-page';
