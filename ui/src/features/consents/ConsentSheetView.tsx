import type { ConsentSheet } from "../../ipc/api";

/** The explanation and consent sheet as a printed page: the core's sections, laid out. */
export function ConsentSheetView({ sheet }: { sheet: ConsentSheet }) {
  return (
    <article className="consent-sheet" data-testid="consent-sheet" lang={sheet.language}>
      <h1 className="consent-sheet__title">{sheet.title}</h1>
      {sheet.sections.map((section) => (
        <section key={section.heading} className="consent-sheet__section">
          <h2>{section.heading}</h2>
          <ul>
            {section.lines.map((line, index) => (
              // Two lines may read the same (two flags of one kind and day).
              <li key={index}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      <div className="consent-sheet__signature">
        {sheet.signature.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </article>
  );
}
