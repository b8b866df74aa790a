import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractedText, ReadOptions } from "./extract-common";
import type { DocumentFormat } from "./inspect";

/**
 * Text extraction in a child process, for the background job and the upload's classification
 * check (its first page). pdf.js over a whole 50 MB PDF (or
 * ExcelJS over a large workbook) needs a hundred megabytes and more for a while, and a crafted file
 * can make a parser loop or balloon. In a child that memory is the child's: the server's heap never
 * holds it, a file that takes too long is stopped (the child is killed, the job fails and is
 * retried later), and a child grown large is replaced. One child per process, started on the first
 * file, reused for the next ones, and ended after a minute without work, giving its memory back.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** The API package's folder: the child resolves `--import tsx` from there, whoever started us. */
const apiRoot = path.resolve(here, "../../..");
const ENTRY = path.join(here, "extract-entry.ts");
const TIMEOUT_MS = 120_000;
const IDLE_MS = 60_000;
/** A child whose resident memory passed this after a file is replaced before the next one (it starts at about 340 MB: Node, tsx and the readers). */
const RECYCLE_RSS = 768 * 1024 * 1024;
const MAX_HEAP_MB = 768;

export type ChildResult = { ok: true; text: ExtractedText } | { ok: false; message: string };
export type ChildAnswer = { id: number; rss: number } & ChildResult;
export interface ChildRequest {
  id: number;
  filePath: string;
  format: DocumentFormat;
  options: ReadOptions;
}

interface Pending {
  resolve: (text: ExtractedText) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  format: DocumentFormat;
}

/** A running child and the files it is reading (lost with it if it dies). */
interface Child {
  process: ChildProcess;
  pending: Map<number, Pending>;
}

let current: Child | null = null;
let nextId = 1;
let idle: NodeJS.Timeout | undefined;

/** Holds the event loop open only while a file is being read. */
function hold(c: Child, on: boolean) {
  const channel = c.process.channel as { ref(): void; unref(): void } | undefined;
  if (on) {
    c.process.ref();
    channel?.ref();
  } else {
    c.process.unref();
    channel?.unref();
  }
}

/** Takes the child out of use: killed at once, or left to finish and exit when its parent lets go. */
function retire(c: Child, kill: boolean) {
  if (current === c) current = null;
  if (kill) c.process.kill("SIGKILL");
  else if (c.process.connected) c.process.disconnect();
}

function start(): Child {
  const c: Child = {
    process: fork(ENTRY, [], {
      cwd: apiRoot,
      execArgv: ["--import", "tsx", `--max-old-space-size=${MAX_HEAP_MB}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
    pending: new Map(),
  };
  c.process.on("message", (message: ChildAnswer) => {
    const request = c.pending.get(message.id);
    if (!request) return;
    c.pending.delete(message.id);
    clearTimeout(request.timer);
    if (message.ok) request.resolve(message.text);
    else request.reject(new Error(message.message));
    if (c.pending.size > 0) return;
    hold(c, false);
    if (message.rss > RECYCLE_RSS) retire(c, false);
    else if (current === c) {
      clearTimeout(idle);
      idle = setTimeout(() => retire(c, false), IDLE_MS);
      idle.unref();
    }
  });
  c.process.on("exit", (code, signal) => {
    if (current === c) current = null;
    // Whatever it was still reading is lost with it: those jobs fail and are retried.
    for (const [id, request] of c.pending) {
      clearTimeout(request.timer);
      c.pending.delete(id);
      request.reject(new Error(`The ${request.format.toUpperCase()} file could not be read: the extraction stopped (${signal ?? `exit code ${code}`})`));
    }
  });
  c.process.on("error", () => undefined); // "exit" follows and rejects what was pending
  return c;
}

/** extractText(filePath, format, options) in the extraction child; rejects with what went wrong, or that it was stopped. */
export function extractInChild(filePath: string, format: DocumentFormat, options: ReadOptions = {}, timeoutMs = TIMEOUT_MS): Promise<ExtractedText> {
  clearTimeout(idle);
  const c = (current ??= start());
  hold(c, true);
  const id = nextId++;
  return new Promise<ExtractedText>((resolve, reject) => {
    const timer = setTimeout(() => {
      c.pending.delete(id);
      reject(new Error(`The ${format.toUpperCase()} file could not be read: stopped after ${Math.round(timeoutMs / 1000)} s`));
      retire(c, true); // the other files it was reading fail too, and are retried
    }, timeoutMs);
    c.pending.set(id, { resolve, reject, timer, format });
    c.process.send({ id, filePath, format, options } satisfies ChildRequest);
  });
}

/** The running child's process id, if one is running (tests, diagnostics). */
export const extractionChildPid = (): number | undefined => current?.process.pid;
