import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";
import { afterAll } from "vitest";

export interface ReceivedPush {
  deviceId: string;
  headers: Record<string, string | string[] | undefined>;
  /** The decrypted message, as the browser would hand it to the service worker. */
  payload: unknown;
}

/**
 * A push service on 127.0.0.1 that behaves like FCM or Mozilla's for our purposes: it takes the
 * encrypted POST for a device, answers with the status the test chose for that device (201 by
 * default), and decrypts the message with the device's private key exactly as a browser does
 * (RFC 8291, aes128gcm), so a test sees what a member's phone would show.
 */
export async function startPushService() {
  const devices = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: string; status: number }>();
  const received: ReceivedPush[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const deviceId = req.url?.split("/").pop() ?? "";
      const device = devices.get(deviceId);
      if (!device) return void res.writeHead(404).end();
      if (device.status >= 200 && device.status < 300) {
        const plain = ece.decrypt(Buffer.concat(chunks), { version: "aes128gcm", privateKey: device.ecdh, authSecret: device.auth });
        received.push({ deviceId, headers: req.headers, payload: JSON.parse(plain.toString("utf8")) });
      }
      res.writeHead(device.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  return {
    received,
    /** A browser's PushSubscription.toJSON() for a new device on this service. */
    device(status = 201) {
      const id = randomUUID();
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16).toString("base64url");
      devices.set(id, { ecdh, auth, status });
      return {
        id,
        subscription: { endpoint: `${base}/push/${id}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth } },
        /** What the push service will answer for this device from now on (410: the device unsubscribed). */
        answer: (next: number) => void (devices.get(id)!.status = next),
      };
    },
    to: (deviceId: string) => received.filter((r) => r.deviceId === deviceId),
  };
}

/** Lets the local push service in: loopback over http, as PUSH_SERVICE_HOSTS allows for a listed loopback host. */
export const pushTestEnv = { PUSH_SERVICE_HOSTS: "127.0.0.1,fcm.googleapis.com" } as const;
