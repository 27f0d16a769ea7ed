import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { loadConfig } from '@arogyam/service-kit';
import { AppModule } from '../../apps/gateway/src/app.module';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config';

/** What a route reads from the request, as its handler's parameter decorators declare. */
export interface RouteInput {
  from: 'body' | 'query' | 'param';
  /** `@Param('id')` → `id`; a whole `@Body()` or `@Query()` has none. */
  name?: string;
  /** The DTO class of a whole body or query (undefined for a plain value). */
  dto?: Type<object>;
}

export interface GatewayRoute {
  method: string;
  /** `/api/appointments/:id/cancel`. */
  path: string;
  /** Roles that may call it (empty: anyone signed in, or no one needs to be). */
  roles: string[];
  inputs: RouteInput[];
}

const ROLES_KEY = 'arogyam:roles';
const SOURCES: Partial<Record<number, RouteInput['from']>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'param',
};
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array]);

const joinPath = (...parts: (string | undefined)[]): string =>
  `/${parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/')}`;

/** The gateway's modules as main.ts builds them; metadata only, nothing is started. */
function gatewayModule() {
  const config = loadConfig(GatewayConfig, { JWT_SECRET: 'surface-listing-only-'.padEnd(40, 'x') });
  return AppModule.register(config);
}

/**
 * Every REST route of the gateway with what it reads, from Nest's own route metadata: a new route
 * is fuzzed without anyone listing it.
 */
export function gatewayRoutes(): GatewayRoute[] {
  const controllers = (gatewayModule().controllers ?? []) as Type<object>[];
  return controllers.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((key) => key !== 'constructor' && typeof prototype[key] === 'function')
      .filter((key) => Reflect.getMetadata(METHOD_METADATA, prototype[key] as object) !== undefined)
      .map((key) => {
        const handler = prototype[key] as object;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = joinPath('api', base, Reflect.getMetadata(PATH_METADATA, handler) as string);
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
          Reflect.getMetadata(ROLES_KEY, controller) ??
          []) as string[];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
          string,
          { index: number; data?: unknown }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, key) ?? []) as unknown[];
        const inputs = Object.entries(args).flatMap(([argKey, arg]): RouteInput[] => {
          const from = SOURCES[Number(argKey.split(':')[0])];
          if (!from) return [];
          const type = types[arg.index];
          const dto =
            typeof type === 'function' && !PRIMITIVES.has(type) ? (type as Type<object>) : undefined;
          return [
            { from, ...(typeof arg.data === 'string' ? { name: arg.data } : {}), ...(dto ? { dto } : {}) },
          ];
        });
        return { method, path, roles, inputs };
      });
  });
}

/** Every Socket.IO event a gateway handles (`@SubscribeMessage`). */
export function gatewaySocketEvents(): string[] {
  const providers = (gatewayModule().providers ?? []) as Type<object>[];
  return providers.flatMap((provider) => {
    const prototype = provider.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .map((key) => (key === 'constructor' ? undefined : prototype[key]))
      .filter((member): member is object => typeof member === 'function')
      .map((member) => Reflect.getMetadata(MESSAGE_METADATA, member) as string | undefined)
      .filter((event): event is string => typeof event === 'string');
  });
}
