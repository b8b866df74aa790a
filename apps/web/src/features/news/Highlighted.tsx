import type { SearchHit } from "./api";

/**
 * Text from the server's parts, the matching ones in <mark>. Each part is plain text rendered by
 * React (escaped): the server sends no HTML for search results, and none is trusted here.
 */
export function Highlighted({ parts }: { parts: SearchHit["snippet"] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
