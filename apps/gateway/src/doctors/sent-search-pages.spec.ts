import { gunzipSync } from 'node:zlib';
import {
  DOCTOR_DIRECTORY_CHANGED,
  DOCTOR_FREE_TIMES_CHANGED,
  DOCTOR_SLOTS_CHANGED,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type NextFreeSlotsView,
  type Page,
} from '@arogyam/contracts';
import { doctorCard as doctor, pageOf } from '../../test/doctor-cards';
import { noticeConnection } from '../../test/notice-connection';
import { GatewayConfig } from '../config/gateway.config';
import type { ServiceClient } from '../http/service-client';
import { DoctorSearchCache } from './doctor-search-cache';
import { NextAvailableTimes } from './next-available-times';
import { SentSearchPages } from './sent-search-pages';

const hourFromNow = () => new Date(Date.now() + 3_600_000).toISOString();

/** SentSearchPages on the real caches it is made from, with notices and services the test plays. */
function pagesWith(overrides: Partial<GatewayConfig> = {}) {
  const config = Object.assign(
    new GatewayConfig(),
    { DOCTOR_SEARCH_CACHE_SETTLE_MS: 0, SLOT_LISTING_CACHE_SETTLE_MS: 0 },
    overrides,
  );
  const { connection, notice } = noticeConnection();
  // appointment-service's first free slots, as the test sets them.
  const nextFree: Record<string, string | null> = {};
  const send = jest.fn(
    async (_subject: string, payload: { doctorIds: string[] }): Promise<NextFreeSlotsView> => ({
      nextFree: Object.fromEntries(payload.doctorIds.map((id) => [id, nextFree[id] ?? null])),
      lookaheadDays: 14,
    }),
  );
  const searchCache = new DoctorSearchCache(connection, config);
  const nextAvailable = new NextAvailableTimes(connection, config, { send } as unknown as ServiceClient);
  searchCache.onModuleInit();
  nextAvailable.onModuleInit();
  const pages = new SentSearchPages(config, searchCache, nextAvailable);
  const searched = async (query: DoctorSearchQueryDto, search: () => Promise<Page<DoctorSummary>>) =>
    JSON.parse((await pages.answer(query, search)).json.toString('utf8')) as Page<DoctorSummary>;
  return { pages, searched, notice, nextFree, send };
}

describe('SentSearchPages', () => {
  it("answers a repeated search with the bytes kept, each card with appointment-service's time", async () => {
    const { pages, searched, nextFree, send } = pagesWith();
    const at = hourFromNow();
    nextFree['doctor-x'] = at;
    // doctor-service's copy of the time is replaced by appointment-service's answer.
    const search = jest.fn().mockResolvedValue(pageOf(doctor('doctor-x', null), doctor('doctor-y')));
    const expected = pageOf(doctor('doctor-x', at), doctor('doctor-y', null));
    expect(await searched({ city: 'Pune' }, search)).toEqual(expected);
    const sent = await pages.answer({ city: 'Pune' }, search);
    expect(JSON.parse(gunzipSync(sent.gzip()).toString('utf8'))).toEqual(expected);
    expect(sent).toBe(await pages.answer({ city: 'Pune' }, search));
    expect(search).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("drops the answers showing a doctor when that doctor's slots change, and only those", async () => {
    const { searched, notice, nextFree, send } = pagesWith();
    const search = jest.fn(async () => pageOf(doctor('doctor-x'), doctor('doctor-y')));
    const other = jest.fn(async () => pageOf(doctor('doctor-z')));
    await searched({ city: 'Pune' }, search);
    await searched({ city: 'Kochi' }, other);
    expect(send).toHaveBeenCalledTimes(2);

    const booked = hourFromNow();
    nextFree['doctor-x'] = booked;
    notice(DOCTOR_SLOTS_CHANGED, { doctorId: 'doctor-x' });
    expect((await searched({ city: 'Pune' }, search)).items[0].nextAvailableAt).toBe(booked);
    // The search answer itself was still good; doctor-y's time came from its own cache.
    expect(search).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send.mock.calls[2][1]).toEqual({ doctorIds: ['doctor-x', 'doctor-y'] });
    await searched({ city: 'Kochi' }, other);
    expect(other).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('drops every answer on a listing change, and those that depend on free times when one moves', async () => {
    const { searched, notice } = pagesWith();
    const first = jest.fn(async () => pageOf(doctor('doctor-x')));
    await searched({ city: 'Pune' }, first);
    await searched({ city: 'Pune', sort: 'soonest' }, first);
    const renamed = jest.fn(async () => pageOf({ ...doctor('doctor-x'), fullName: 'Dr Renamed' }));
    notice(DOCTOR_FREE_TIMES_CHANGED);
    expect((await searched({ city: 'Pune' }, renamed)).items[0].fullName).toBe('Dr doctor-x');
    expect((await searched({ city: 'Pune', sort: 'soonest' }, renamed)).items[0].fullName).toBe('Dr Renamed');
    notice(DOCTOR_DIRECTORY_CHANGED, { id: 'doctor-x', origin: 'doctor-service#1' });
    expect((await searched({ city: 'Pune' }, renamed)).items[0].fullName).toBe('Dr Renamed');
  });

  it("keeps an answer only until the first of its doctors' next available times starts", async () => {
    const { searched, nextFree, send } = pagesWith();
    nextFree['doctor-x'] = new Date(Date.now() + 300).toISOString();
    const search = async () => pageOf(doctor('doctor-x'));
    await searched({ city: 'Pune' }, search);
    await searched({ city: 'Pune' }, search);
    expect(send).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const later = hourFromNow();
    nextFree['doctor-x'] = later;
    expect((await searched({ city: 'Pune' }, search)).items[0].nextAvailableAt).toBe(later);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("does not keep cards without appointment-service's times: the next search asks again", async () => {
    const { searched, send } = pagesWith();
    const copy = hourFromNow();
    send.mockRejectedValueOnce(new Error('timeout'));
    const search = async () => pageOf(doctor('doctor-x', copy));
    // doctor-service's copy is shown meanwhile.
    expect((await searched({ city: 'Pune' }, search)).items[0].nextAvailableAt).toBe(copy);
    expect((await searched({ city: 'Pune' }, search)).items[0].nextAvailableAt).toBeNull();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('is off when either cache is', async () => {
    for (const off of [{ DOCTOR_SEARCH_CACHE_TTL_SECONDS: 0 }, { SLOT_LISTING_CACHE_TTL_SECONDS: 0 }]) {
      const { pages } = pagesWith(off);
      const search = async () => pageOf(doctor('doctor-x'));
      const first = await pages.answer({ city: 'Pune' }, search);
      expect(await pages.answer({ city: 'Pune' }, search)).not.toBe(first);
    }
  });

  describe('found by the query string as sent', () => {
    it('leads a repeated query string to the kept answer, and its other spellings too', async () => {
      const { pages } = pagesWith();
      const search = jest.fn(async () => pageOf(doctor('doctor-x')));
      expect(pages.keptFor('city=Pune')).toBeUndefined();
      const sent = await pages.answer({ city: 'Pune' }, search, 'city=Pune');
      expect(pages.keptFor('city=Pune')).toBe(sent);
      // Another spelling of the same validated query finds it once it was asked with it.
      expect(pages.keptFor('city=Pune&page=1')).toBeUndefined();
      await pages.answer({ city: 'Pune' }, search, 'city=Pune&page=1');
      expect(pages.keptFor('city=Pune&page=1')).toBe(sent);
      expect(search).toHaveBeenCalledTimes(1);
    });

    it('forgets the string when its answer is dropped, expires or is pushed out', async () => {
      const { pages, notice, nextFree } = pagesWith({ DOCTOR_SEARCH_CACHE_ENTRIES: 2 });
      const search = async () => pageOf(doctor('doctor-x'));
      await pages.answer({ city: 'Pune' }, search, 'city=Pune');
      notice(DOCTOR_DIRECTORY_CHANGED, { id: 'doctor-x', origin: 'doctor-service#1' });
      expect(pages.keptFor('city=Pune')).toBeUndefined();
      expect(pages.filedQueryStrings()).toBe(0);

      await pages.answer({ city: 'Pune' }, search, 'city=Pune');
      notice(DOCTOR_SLOTS_CHANGED, { doctorId: 'doctor-x' });
      expect(pages.keptFor('city=Pune')).toBeUndefined();

      nextFree['doctor-x'] = new Date(Date.now() + 100).toISOString();
      await pages.answer({ city: 'Pune' }, search, 'city=Pune');
      expect(pages.keptFor('city=Pune')).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(pages.keptFor('city=Pune')).toBeUndefined();
      expect(pages.filedQueryStrings()).toBe(0);

      nextFree['doctor-x'] = null;
      for (const city of ['Pune', 'Kochi', 'Agra']) await pages.answer({ city }, search, `city=${city}`);
      expect(pages.keptFor('city=Pune')).toBeUndefined();
      expect(pages.keptFor('city=Agra')).toBeDefined();
      expect(pages.filedQueryStrings()).toBe(2);
    });

    it('files no string for an answer that is not kept', async () => {
      const { pages, send } = pagesWith();
      send.mockRejectedValueOnce(new Error('timeout'));
      await pages.answer({ city: 'Pune' }, async () => pageOf(doctor('doctor-x')), 'city=Pune');
      expect(pages.keptFor('city=Pune')).toBeUndefined();
      expect(pages.filedQueryStrings()).toBe(0);
    });

    it('counts many spellings of one query against the same bound', async () => {
      const { pages } = pagesWith({ DOCTOR_SEARCH_CACHE_ENTRIES: 3 });
      const search = async () => pageOf(doctor('doctor-x'));
      for (let page = 1; page <= 10; page += 1)
        await pages.answer({ city: 'Pune' }, search, `city=Pune${'&'.repeat(page)}`);
      expect(pages.filedQueryStrings()).toBe(3);
      expect(pages.keptFor('city=Pune&')).toBeUndefined();
      expect(pages.keptFor(`city=Pune${'&'.repeat(10)}`)).toBeDefined();
      // Too long to be any app's query string: validated each time.
      await pages.answer({ city: 'Pune' }, search, `city=Pune${'&'.repeat(600)}`);
      expect(pages.keptFor(`city=Pune${'&'.repeat(600)}`)).toBeUndefined();
    });
  });
});
