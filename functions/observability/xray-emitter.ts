import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/**
 * Subsegment documents sent to the X-Ray endpoint Lambda runs beside an actively traced function
 * (`AWS_XRAY_DAEMON_ADDRESS`), one UDP datagram each: a `{"format":"json","version":1}` line and the
 * document. Format: https://docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html
 */

/** One subsegment, as X-Ray's segment document schema names its fields. */
export interface SubsegmentDocument {
  readonly type: 'subsegment';
  readonly id: string;
  readonly trace_id: string;
  readonly parent_id: string;
  readonly name: string;
  readonly start_time: number;
  readonly end_time: number;
  readonly namespace?: 'aws' | 'remote';
  readonly annotations?: Readonly<Record<string, string | number | boolean>>;
  readonly aws?: Readonly<Record<string, string | number>>;
  readonly http?: { readonly response: { readonly status: number } };
  readonly error?: boolean;
  readonly fault?: boolean;
  readonly throttle?: boolean;
}

const PROTOCOL_HEADER = '{"format":"json","version":1}\n';
/** X-Ray's limit for one document sent over UDP. */
const MAX_DATAGRAM_BYTES = 64 * 1024;

/** A new segment id: 16 hex digits. */
export const newSegmentId = (): string => randomBytes(8).toString('hex');

/** Seconds since the epoch, with fractions: the unit of `start_time` and `end_time`. */
export const epochSeconds = (ms: number = Date.now()): number => ms / 1000;

/**
 * `host:port`, or the `tcp:host:port udp:host:port` form, as its UDP address.
 *
 * @example
 * ```ts
 * daemonAddress('169.254.79.129:2000'); // { host: '169.254.79.129', port: 2000 }
 * ```
 */
export function daemonAddress(value: string): { host: string; port: number } | undefined {
  const udp = value.split(/\s+/).find((part) => part.startsWith('udp:')) ?? value.split(/\s+/).find((part) => !part.startsWith('tcp:'));
  const match = /^(?:udp:)?(.+):(\d+)$/.exec(udp ?? '');
  if (!match) return undefined;
  const port = Number(match[2]);
  return port > 0 && port < 65_536 ? { host: match[1]!, port } : undefined;
}

export interface SegmentEmitter {
  send(document: SubsegmentDocument): void;
}

/**
 * Sends each document in its own datagram on an unreferenced socket (it never keeps the process
 * alive). Sending is fire-and-forget, as the X-Ray SDK's is: a trace is not worth failing an
 * invocation for, so a send error or an oversized document is dropped.
 */
export function udpSegmentEmitter(address: { host: string; port: number }): SegmentEmitter {
  let socket: Socket | undefined;
  return {
    send(document) {
      const datagram = Buffer.from(PROTOCOL_HEADER + JSON.stringify(document));
      if (datagram.length > MAX_DATAGRAM_BYTES) return;
      if (!socket) {
        socket = createSocket('udp4');
        socket.on('error', () => undefined);
        socket.unref();
      }
      socket.send(datagram, address.port, address.host, () => undefined);
    },
  };
}
