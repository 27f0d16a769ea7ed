import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { lastValueFrom, of } from 'rxjs';
import { SentJson } from '../http/sent-json';
import { KeptSearchInterceptor } from './kept-search.interceptor';
import type { SentSearchPages } from './sent-search-pages';

/** The route's context for a request to `url`, and what was written on its response. */
function searchRequest(url: string, acceptEncoding?: string) {
  const headers: Record<string, string | number> = {};
  const written: Buffer[] = [];
  const response = {
    vary: (field: string) => (headers['vary'] = field),
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = value),
    end: (body: Buffer) => written.push(body),
  } as unknown as Response;
  const request = { url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} } as Request;
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { context, headers, written };
}

describe('KeptSearchInterceptor', () => {
  const kept = new SentJson({ items: [], total: 0, page: 1, limit: 12 });
  const pages = {
    keptFor: jest.fn((queryString: string) => (queryString === 'city=Pune' ? kept : undefined)),
  };
  const interceptor = new KeptSearchInterceptor(pages as unknown as SentSearchPages);

  it('answers a query string that led to a kept answer without the route (and its validation)', async () => {
    const { context, headers, written } = searchRequest('/api/doctors?city=Pune', 'gzip, br');
    const handler: CallHandler = { handle: jest.fn(() => of('validated')) };
    expect(await lastValueFrom(interceptor.intercept(context, handler))).toBeUndefined();
    expect(handler.handle).not.toHaveBeenCalled();
    expect(pages.keptFor).toHaveBeenLastCalledWith('city=Pune');
    expect(written).toEqual([kept.gzip()]);
    expect(headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
  });

  it('sends any other query string, and none, on to validation and the route', async () => {
    for (const url of ['/api/doctors?city=Kochi', '/api/doctors?city=Pune&', '/api/doctors']) {
      const { context, written } = searchRequest(url);
      const handler: CallHandler = { handle: jest.fn(() => of('validated')) };
      expect(await lastValueFrom(interceptor.intercept(context, handler))).toBe('validated');
      expect(handler.handle).toHaveBeenCalledTimes(1);
      expect(written).toEqual([]);
    }
    expect(pages.keptFor).toHaveBeenLastCalledWith('');
  });
});
