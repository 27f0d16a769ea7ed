// Video consultations: the call hook, the call screen, the waiting room with its device check, the
// patient's incoming-call prompt and Join button; the media sessions behind the hook (peer-to-peer,
// or the SFU through a mediasoup-client device).
export * from './call-media';
export * from './call-screen';
export * from './connection-banner';
export * from './device-check';
export * from './device-pickers';
export * from './incoming-call';
export * from './join-video-visit';
export * from './p2p-media';
export * from './sfu-media';
export * from './stream-video';
export * from './use-video-call';
export * from './use-video-window';
export * from './video-consultation-page';
export * from './waiting-room';
