import type { SnippetPart } from "../../ipc/api";

/**
 * The text around a match, the matched words in <mark>. It is the client's own words:
 * rendered as text (React escapes it), never as HTML.
 */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="search-snippet">
      {parts.map((part, index) =>
        // The parts never move or change: their place is their identity.
        part.highlight ? (
          <mark key={index} className="search-snippet__mark" data-testid="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
