//! Sentences for generated notes and sheets, assembled from `words`: each template has
//! several slots, each slot its own list, and numbers vary too, so that no paragraph repeats
//! and a trigram matches a realistic share of the records.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;

use super::words::*;

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or_default()
}

const GOALS: &[&str] = &[
    "チームをまとめる立場",
    "社内で頼られる専門家",
    "新規事業に関わる立場",
    "育成を担うリーダー",
    "家庭と両立しながら働ける状態",
    "他部署も経験した幅のある人材",
];

const WORK: &[&str] = &[
    "既存顧客への提案",
    "月次決算の取りまとめ",
    "新製品の品質評価",
    "採用と研修の運営",
    "社内システムの保守",
    "物流拠点の在庫管理",
    "問い合わせ対応の改善",
    "原価の見直し",
];

/// One sentence of interview notes.
pub(super) fn note_sentence(rng: &mut StdRng) -> String {
    match rng.gen_range(0..12) {
        0 => format!("{}について{}。", pick(rng, TOPICS), pick(rng, FEELINGS)),
        1 => format!(
            "{}をきっかけに、{}を考えるようになったという。",
            pick(rng, EVENTS),
            pick(rng, TOPICS)
        ),
        2 => format!(
            "{}とは{}話せており、{}の相談もしやすいと話す。",
            pick(rng, PEOPLE),
            ["率直に", "ときどき", "定期的に", "以前より"][rng.gen_range(0..4)],
            pick(rng, TOPICS)
        ),
        3 => format!(
            "{}との関係に{}。{}が背景にあるようだ。",
            pick(rng, PEOPLE),
            pick(rng, FEELINGS),
            pick(rng, EVENTS)
        ),
        4 => format!("{}が自分の強みだと感じている。", pick(rng, STRENGTHS)),
        5 => format!("{}を大切にしたいという思いがある。", pick(rng, VALUES)),
        6 => format!(
            "残業は月{}時間ほどで、{}。",
            rng.gen_range(5..60),
            pick(rng, FEELINGS)
        ),
        7 => format!(
            "{}年後には{}になっていたいと語った。",
            rng.gen_range(2..10),
            pick(rng, GOALS)
        ),
        8 => format!(
            "面談では{}と{}の優先順位を一緒に整理した。",
            pick(rng, TOPICS),
            pick(rng, TOPICS)
        ),
        9 => format!(
            "今は{}が中心で、入社{}年目になる。",
            pick(rng, WORK),
            rng.gen_range(1..30)
        ),
        10 => format!("次回までに{}ことを本人が決めた。", pick(rng, ACTIONS)),
        _ => format!(
            "{}の話になると表情が{}。",
            pick(rng, TOPICS),
            ["明るくなった", "曇った", "真剣になった", "和らいだ"][rng.gen_range(0..4)]
        ),
    }
}

/// Interview notes of `sentences` sentences, now and then with a rare word.
pub(super) fn notes(rng: &mut StdRng, sentences: usize, rare: Option<&str>) -> String {
    let mut text = String::new();
    for index in 0..sentences {
        text.push_str(&note_sentence(rng));
        if index % 4 == 3 {
            text.push('\n');
        }
    }
    if let Some(rare) = rare {
        text.push_str(&format!(
            "休日は{rare}に打ち込んでいて、仕事の気分転換になっている。"
        ));
    }
    if rng.gen_ratio(1, 60) {
        let short = pick(rng, RARE_SHORT);
        text.push_str(&format!("以前、{short}について話題に上ったことがある。"));
    }
    text
}

/// The text of a sheet section of the default template, by its key.
pub(super) fn section(rng: &mut StdRng, key: &str, department: &str) -> String {
    match key {
        "current_work" => format!(
            "{}で{}を担当。{}。",
            department,
            pick(rng, WORK),
            pick(rng, FEELINGS)
        ),
        "vision" => format!(
            "{}年後には{}。{}",
            rng.gen_range(2..10),
            pick(rng, GOALS),
            note_sentence(rng)
        ),
        "strengths" => format!("{}、{}。", pick(rng, STRENGTHS), pick(rng, STRENGTHS)),
        "values" => format!("{}。{}", pick(rng, VALUES), note_sentence(rng)),
        "career_issues" => format!(
            "{}について{}。{}が影響している。",
            pick(rng, TOPICS),
            pick(rng, FEELINGS),
            pick(rng, EVENTS)
        ),
        "workplace" => format!(
            "{}との関係は{}。残業は月{}時間。",
            pick(rng, PEOPLE),
            ["良好", "やや緊張がある", "改善しつつある", "距離がある"][rng.gen_range(0..4)],
            rng.gen_range(5..60)
        ),
        _ => format!("{}。", pick(rng, ORGANISATIONAL)),
    }
}

pub(super) fn action(rng: &mut StdRng) -> (String, String) {
    (pick(rng, ACTIONS).to_owned(), pick(rng, HOWS).to_owned())
}

pub(super) fn progress(rng: &mut StdRng) -> String {
    format!(
        "{}。{}",
        [
            "予定どおり進んでいる",
            "一度実施した",
            "まだ手をつけられていない",
            "やり方を変えた"
        ][rng.gen_range(0..4)],
        note_sentence(rng)
    )
}
