import { useCallback, useEffect, useRef, useState } from "react";

/**
 * - unsupported: the browser has no speech synthesis at all;
 * - checking: the voice list has not arrived yet (it loads asynchronously);
 * - noVoice: there are voices, but none speaks Vietnamese (reading with another would be gibberish);
 * - ready / playing / paused / finished: a Vietnamese voice exists.
 */
export type ReadAloudState = "unsupported" | "checking" | "noVoice" | "ready" | "playing" | "paused" | "finished";

/** How long to wait for `voiceschanged` before deciding that no voice will come. */
const VOICE_WAIT_MS = 2000;
/** Long utterances stop half-way in some engines (Chrome cuts off after about 15 s): speak in pieces. */
const CHUNK_MAX = 220;

const synthesis = (): SpeechSynthesis | null => (typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : null);

/** The device's Vietnamese voice, a local one first (it works offline). */
export function vietnameseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const vi = voices.filter((v) => /^vi([-_]|$)/i.test(v.lang));
  return vi.find((v) => v.localService) ?? vi[0] ?? null;
}

/** Splits text into pieces of at most CHUNK_MAX characters, at line, then sentence, then word boundaries. */
export function speechChunks(text: string): string[] {
  const chunks: string[] = [];
  for (const line of text.split(/\n+/)) {
    const sentences = line.trim().match(/[^.!?…;:]+[.!?…;:]*\s*/g) ?? [];
    let current = "";
    for (const sentence of sentences) {
      for (const piece of sentence.length > CHUNK_MAX ? sentence.split(/(?<=\s)/) : [sentence]) {
        if (current && (current + piece).length > CHUNK_MAX) {
          chunks.push(current.trim());
          current = "";
        }
        current += piece;
      }
    }
    if (current.trim()) chunks.push(current.trim());
  }
  return chunks.filter(Boolean);
}

/**
 * Reads text aloud with the browser's speech synthesis in a Vietnamese voice, never another one.
 * The text is spoken piece by piece; pause stops after remembering the piece, resume starts that
 * piece again (the engines' own pause() is unreliable on phones). Speech stops when the component
 * unmounts.
 */
export function useReadAloud(getText: () => string) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [state, setState] = useState<ReadAloudState>(() => (synthesis() ? "checking" : "unsupported"));
  const chunks = useRef<string[]>([]);
  const index = useRef(0);
  // Bumped on every start, pause and stop: events of utterances from before are ignored.
  const generation = useRef(0);

  useEffect(() => {
    const speech = synthesis();
    if (!speech) return;
    const pick = () => {
      const voices = speech.getVoices();
      const found = vietnameseVoice(voices);
      setVoice(found);
      if (found) setState((s) => (s === "checking" || s === "noVoice" ? "ready" : s));
      else if (voices.length > 0) setState((s) => (s === "checking" ? "noVoice" : s));
    };
    pick();
    speech.addEventListener("voiceschanged", pick);
    const timer = setTimeout(() => setState((s) => (s === "checking" ? "noVoice" : s)), VOICE_WAIT_MS);
    return () => {
      speech.removeEventListener("voiceschanged", pick);
      clearTimeout(timer);
      generation.current += 1;
      speech.cancel();
    };
  }, []);

  const speakFrom = useCallback(
    (start: number) => {
      const speech = synthesis();
      if (!speech || !voice) return;
      const run = ++generation.current;
      speech.cancel();
      const next = (i: number) => {
        if (run !== generation.current) return;
        if (i >= chunks.current.length) {
          index.current = 0;
          setState("finished");
          return;
        }
        index.current = i;
        const utterance = new SpeechSynthesisUtterance(chunks.current[i]);
        utterance.voice = voice;
        utterance.lang = voice.lang || "vi-VN";
        utterance.onend = () => next(i + 1);
        utterance.onerror = (event) => {
          if (run !== generation.current) return;
          // "interrupted"/"canceled" come from our own cancel(); anything else ends the reading.
          if (event.error !== "interrupted" && event.error !== "canceled") {
            generation.current += 1;
            index.current = 0;
            setState("ready");
          }
        };
        speech.speak(utterance);
      };
      setState("playing");
      next(start);
    },
    [voice],
  );

  const play = useCallback(() => {
    chunks.current = speechChunks(getText());
    speakFrom(0);
  }, [getText, speakFrom]);

  const pause = useCallback(() => {
    generation.current += 1;
    synthesis()?.cancel();
    setState("paused");
  }, []);

  const resume = useCallback(() => speakFrom(index.current), [speakFrom]);

  const stop = useCallback(() => {
    generation.current += 1;
    index.current = 0;
    synthesis()?.cancel();
    setState("ready");
  }, []);

  return { state, voice, play, pause, resume, stop };
}
