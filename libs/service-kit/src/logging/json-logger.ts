import type { LoggerService } from '@nestjs/common';
import { LOG_LEVELS, type LogLevel } from '../config/service-config';
import { currentRequestId } from './request-context';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** One JSON object per line on stdout, with service, instance and request id. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly instance: string,
    private readonly level: LogLevel = 'info',
  ) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.write('error', message, context ?? stackOrContext, context ? stackOrContext : undefined);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  private write(level: LogLevel, message: unknown, context?: string, stack?: string): void {
    if (RANK[level] > RANK[this.level]) return;
    const line = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      instance: this.instance,
      context,
      requestId: currentRequestId(),
      msg: message instanceof Error ? message.message : message,
      stack: stack ?? (message instanceof Error ? message.stack : undefined),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

export const isLogLevel = (value: string): value is LogLevel =>
  (LOG_LEVELS as readonly string[]).includes(value);
