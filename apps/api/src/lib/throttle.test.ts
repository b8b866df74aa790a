import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { memoryThrottle, redisThrottle } from "./throttle";

describe("memoryThrottle", () => {
  it("lets `limit` attempts through per window, then says how long to wait, and starts over after the window", async () => {
    let now = 1_000_000;
    const throttle = memoryThrottle(2, 60_000, () => now);
    expect([await throttle.hit("ip:a"), await throttle.hit("ip:a")]).toEqual([0, 0]);
    expect(await throttle.peek("ip:a")).toBe(60);
    expect(await throttle.hit("ip:a")).toBe(60);
    expect(await throttle.hit("ip:b")).toBe(0); // another key
    now += 60_000;
    expect(await throttle.hit("ip:a")).toBe(0);
  });
});

const REDIS_URL = "redis://127.0.0.1:6379";
const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
probe.on("error", () => undefined);
const redisUp = await probe.connect().then(
  () => true,
  () => false,
);
afterAll(() => probe.disconnect());
if (!redisUp) console.warn(`Redis does not answer at ${REDIS_URL}: skipping the shared throttle tests`);

describe.skipIf(!redisUp)("redisThrottle", () => {
  it("shares the count between processes: attempts on one connection count on the other", async () => {
    const name = `test-${process.pid}-${Date.now()}`;
    const web1 = redisThrottle(probe, name, 3, 60_000);
    const other = new Redis(REDIS_URL);
    afterAll(() => other.disconnect());
    const web2 = redisThrottle(other, name, 3, 60_000);

    expect(await web1.hit("ip:10.0.0.1")).toBe(0);
    expect(await web2.hit("ip:10.0.0.1")).toBe(0);
    expect(await web1.hit("ip:10.0.0.1")).toBe(0);
    const wait = await web2.hit("ip:10.0.0.1");
    expect(wait).toBeGreaterThan(59);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await web1.peek("ip:10.0.0.1")).toBeGreaterThan(59);
    await web2.reset("ip:10.0.0.1");
    expect(await web1.peek("ip:10.0.0.1")).toBe(0);
  });

  it("counts in memory in this process while Redis does not answer", async () => {
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on("error", () => undefined);
    const throttle = redisThrottle(down, "down", 1, 60_000);
    expect(await throttle.hit("k")).toBe(0);
    expect(await throttle.hit("k")).toBeGreaterThan(0);
  });
});
