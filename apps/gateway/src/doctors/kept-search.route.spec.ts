import { Module, type INestApplication, type PipeTransform } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppointmentSubjects, DoctorSubjects } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { doctorCard, pageOf } from '../../test/doctor-cards';
import { noticeConnection } from '../../test/notice-connection';
import { GatewayConfig } from '../config/gateway.config';
import { ServiceClient } from '../http/service-client';
import { createHttpValidationPipe } from '../http/validation.pipe';
import { DoctorSearchCache } from './doctor-search-cache';
import { DoctorsController } from './doctors.controller';
import { NextAvailableTimes } from './next-available-times';
import { SentSearchPages } from './sent-search-pages';

const page = pageOf(doctorCard('doctor-x'));

/**
 * The search route in Nest, with the global ValidationPipe as the gateway sets it (counting the
 * queries it validates), the real caches, and doctor-service and appointment-service played by the
 * test: what runs before the route's pipes is Nest's, which a unit test of the interceptor cannot
 * show. The whole platform's behaviour is in tests/e2e (appointments: kept searches).
 */
describe('the search route with a kept answer', () => {
  let app: INestApplication;
  let baseUrl: string;
  const validated: unknown[] = [];
  const send = jest.fn(async (subject: string, data: { doctorIds?: string[] }) =>
    subject === DoctorSubjects.search
      ? page
      : { nextFree: Object.fromEntries((data.doctorIds ?? []).map((id) => [id, null])), lookaheadDays: 14 },
  );

  beforeAll(async () => {
    const config = Object.assign(new GatewayConfig(), {
      DOCTOR_SEARCH_CACHE_SETTLE_MS: 0,
      SLOT_LISTING_CACHE_SETTLE_MS: 0,
    });
    @Module({
      controllers: [DoctorsController],
      providers: [
        { provide: GatewayConfig, useValue: config },
        { provide: NATS_CONNECTION, useValue: noticeConnection().connection },
        { provide: ServiceClient, useValue: { send } },
        DoctorSearchCache,
        NextAvailableTimes,
        SentSearchPages,
      ],
    })
    class SearchRouteModule {}
    app = await NestFactory.create(SearchRouteModule, { logger: false });
    const pipe = createHttpValidationPipe();
    const counting: PipeTransform = {
      transform: (value, metadata) => {
        if (metadata.type === 'query') validated.push(value);
        return pipe.transform(value, metadata);
      },
    };
    app.useGlobalPipes(counting);
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  const search = async (queryString: string) => {
    const response = await fetch(`${baseUrl}/doctors?${queryString}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    return { status: response.status, text: await response.text() };
  };

  it('validates a query string once; its repeats are answered before validation, others are not', async () => {
    const first = await search('specialization=cardiology&city=pune');
    expect(first.status).toBe(200);
    expect(validated).toHaveLength(1);
    expect(await search('specialization=cardiology&city=pune')).toEqual(first);
    expect(validated).toHaveLength(1);
    // Another spelling of the same search: validated (once), answered from the same kept page.
    expect(await search('city=pune&specialization=cardiology')).toEqual(first);
    expect(await search('city=pune&specialization=cardiology')).toEqual(first);
    expect(validated).toHaveLength(2);
    expect(send.mock.calls.filter(([subject]) => subject === DoctorSubjects.search)).toHaveLength(1);
    expect(send.mock.calls.filter(([subject]) => subject === AppointmentSubjects.nextFreeSlots)).toHaveLength(
      1,
    );
    // A bad one is validated every time.
    for (let attempt = 0; attempt < 2; attempt += 1)
      expect((await search('specialization=cardiology&city=pune&sort=evil')).status).toBe(400);
    expect(validated).toHaveLength(4);
  });
});
