import { useTranslation } from "react-i18next";

const WIDTH = 560;
const LABEL_WIDTH = 210;
const BAR_SPACE = 280;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 15;

export interface Bar {
  label: string;
  /** `null`: hidden, drawn as a dashed box and never as a bar. */
  value: number | null;
}

/** A horizontal bar chart of figures as the report shows them. */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId: string }) {
  const { t } = useTranslation();
  const longest = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const height = ROW_HEIGHT * bars.length + 8;
  return (
    <svg
      className="bar-chart"
      data-testid={testId}
      viewBox={`0 0 ${String(WIDTH)} ${String(height)}`}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      {bars.map((bar, index) => {
        const top = ROW_HEIGHT * index + 4;
        const baseline = top + BAR_HEIGHT - 3;
        const length = bar.value === null ? 0 : Math.ceil((BAR_SPACE * bar.value) / longest);
        return (
          <g key={`${bar.label}-${String(index)}`}>
            <text x={LABEL_WIDTH - 8} y={baseline} textAnchor="end" className="bar-chart__label">
              {bar.label}
            </text>
            {bar.value === null ? (
              <>
                <rect x={LABEL_WIDTH} y={top} width={44} height={BAR_HEIGHT} className="bar-chart__hidden" />
                <text x={LABEL_WIDTH + 52} y={baseline} className="bar-chart__note">
                  {t("overall.hiddenShort")}
                </text>
              </>
            ) : (
              <>
                <rect x={LABEL_WIDTH} y={top} width={length} height={BAR_HEIGHT} className="bar-chart__bar" />
                <text x={LABEL_WIDTH + length + 6} y={baseline} className="bar-chart__value">
                  {bar.value}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
