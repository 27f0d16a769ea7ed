import { Device } from 'mediasoup-client';
import type { SfuDevice, SfuDeviceFactory } from './sfu-media';

/** The SFU client every app uses unless a test passes its own: mediasoup-client's Device. */
export const mediasoupDevice: SfuDeviceFactory = (): SfuDevice => new Device();
