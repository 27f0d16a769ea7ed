// Video consultations: the call hook, the call screen and the patient's incoming-call prompt.
export * from './call-screen';
export * from './incoming-call';
export * from './use-video-call';
