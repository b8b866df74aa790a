import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll } from "vitest";
import type { S3Settings } from "../src/lib/storage";

/**
 * A real S3-compatible server (s3rver, from npm) on a free port for this test file, its data in
 * `dir`/s3, with an empty bucket; returns the settings that reach it. Closed after the file.
 */
export async function s3TestServer(dir: string): Promise<S3Settings> {
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(dir, "s3") });
  const { port } = (await server.run()) as unknown as { port: number };
  afterAll(() => server.close());
  const settings = { endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", bucket: "sotay-files", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true };
  await new S3Client({ ...settings, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } }).send(new CreateBucketCommand({ Bucket: settings.bucket }));
  return settings;
}
