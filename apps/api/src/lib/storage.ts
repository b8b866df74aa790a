import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

/**
 * Where file bytes live, content-addressed: the key is the SHA-256 of the content, so the same file
 * uploaded twice is stored once. Two implementations: a folder on disk (default, under DATA_DIR)
 * and S3-compatible object storage (STORAGE=s3). Nothing else in the app touches the bytes.
 */
export interface Storage {
  /** Stores the file at `sourcePath` (a finished temporary file) under `key`; nothing happens if it is there already. */
  putFile(key: string, sourcePath: string, contentType: string): Promise<void>;
  /** Stores a small buffer (an image variant) under `key`. */
  putBuffer(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes of `key`, or of the inclusive range [start, end]. */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes `key` (file housekeeping, once no row refers to it); one already gone is fine. */
  remove(key: string): Promise<void>;
  /** What the health check and the README call it. */
  describe(): string;
}

/** Keys are hex digests: nothing a client sends ever becomes part of a path. */
const assertKey = (key: string) => {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Invalid storage key ${key}`);
};

/** `root/ab/cd/abcd…`: two levels of folders keep directories small at millions of files. */
export function diskStorage(root: string): Storage {
  const file = (key: string) => (assertKey(key), path.join(root, key.slice(0, 2), key.slice(2, 4), key));
  const place = async (key: string, write: (target: string) => Promise<void>) => {
    const target = file(key);
    if (await exists(target)) return;
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written beside the target and renamed: a crash never leaves half a file under the key.
    const partial = `${target}.${process.pid}.${Date.now()}.part`;
    await write(partial);
    await fs.rename(partial, target);
  };
  const exists = (p: string) => fs.access(p).then(() => true, () => false);
  return {
    putFile: (key, sourcePath) => place(key, (target) => fs.copyFile(sourcePath, target)),
    putBuffer: (key, body) => place(key, (target) => fs.writeFile(target, body)),
    read: async (key, range) => {
      await fs.access(file(key));
      return createReadStream(file(key), range ? { start: range.start, end: range.end } : {});
    },
    exists: async (key) => exists(file(key)),
    remove: async (key) => fs.rm(file(key), { force: true }),
    describe: () => `disk (${root})`,
  };
}

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** An S3 bucket (AWS, MinIO, Ceph, Garage…): objects named by the key, streamed both ways. */
export function s3Storage(settings: S3Settings): Storage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where S3 requires them: the SDK's default (aws-chunked uploads with trailing
    // checksums) is not understood by many S3-compatible servers (older MinIO, Ceph, s3rver).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
  });
  const Bucket = settings.bucket;
  const exists = async (key: string) => {
    assertKey(key);
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw error;
    }
  };
  return {
    putFile: async (key, sourcePath, contentType) => {
      if (await exists(key)) return;
      const { size } = await fs.stat(sourcePath);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: createReadStream(sourcePath), ContentLength: size, ContentType: contentType }));
    },
    putBuffer: async (key, body, contentType) => {
      if (await exists(key)) return;
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
    },
    read: async (key, range) => {
      assertKey(key);
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      return out.Body as Readable;
    },
    exists,
    remove: async (key) => {
      assertKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key })); // S3 answers 204 for a key it does not hold
    },
    describe: () => `s3 (${settings.endpoint ?? "AWS"} bucket ${Bucket})`,
  };
}

/** The storage the settings ask for: S3 with STORAGE=s3, else the `files` folder of the data directory. */
export function createStorage(env: { STORAGE: "disk" | "s3"; S3_ENDPOINT?: string; S3_REGION: string; S3_BUCKET?: string; S3_ACCESS_KEY_ID?: string; S3_SECRET_ACCESS_KEY?: string; S3_FORCE_PATH_STYLE: boolean }, dataDir: string): Storage {
  if (env.STORAGE === "s3") {
    return s3Storage({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return diskStorage(path.join(dataDir, "files"));
}
