//! Bar charts as SVG inside the report's HTML: drawn from the figures as shown, so a chart can
//! never tell more than its table. A hidden figure is a dashed box marked 非表示, never a bar.

use crate::package::escape;

const WIDTH: u32 = 640;
const LABEL_WIDTH: u32 = 230;
const BAR_SPACE: u32 = 330;
const ROW_HEIGHT: u32 = 26;
const BAR_HEIGHT: u32 = 16;
/// The longest label drawn; a longer one is cut with an ellipsis (the table has it whole).
const LABEL_CHARS: usize = 17;

/// A horizontal bar chart, one bar per label.
pub(super) fn bars(title: &str, bars: &[(String, Option<u32>)]) -> String {
    let longest = bars
        .iter()
        .filter_map(|(_, value)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW_HEIGHT * bars.len() as u32 + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{title}\" \
         font-family=\"sans-serif\" font-size=\"12\">\n<title>{title}</title>\n",
        title = escape(title)
    );
    for (index, (label, value)) in bars.iter().enumerate() {
        let top = ROW_HEIGHT * index as u32 + 4;
        let baseline = top + BAR_HEIGHT - 3;
        let label = shortened(label);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{baseline}\" text-anchor=\"end\" fill=\"#222\">{}</text>\n",
            LABEL_WIDTH - 8,
            escape(&label)
        ));
        match value {
            Some(value) => {
                let length = (BAR_SPACE * value).div_ceil(longest);
                svg.push_str(&format!(
                    "<rect x=\"{LABEL_WIDTH}\" y=\"{top}\" width=\"{length}\" \
                     height=\"{BAR_HEIGHT}\" fill=\"#4a6fa5\"/>\n\
                     <text x=\"{}\" y=\"{baseline}\" fill=\"#222\">{value}</text>\n",
                    LABEL_WIDTH + length + 6
                ));
            }
            None => svg.push_str(&format!(
                "<rect x=\"{LABEL_WIDTH}\" y=\"{top}\" width=\"44\" height=\"{BAR_HEIGHT}\" \
                 fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n\
                 <text x=\"{}\" y=\"{baseline}\" fill=\"#555\">非表示</text>\n",
                LABEL_WIDTH + 52
            )),
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn shortened(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_owned();
    }
    let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    cut.push('…');
    cut
}
