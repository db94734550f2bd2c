//! Counts of people in the consultant's own text: 「営業部の40代1名」 singles out a person as
//! surely as a name does, and 「営業部の全員が」 says something of each of them. A count of fewer
//! than k people is refused wherever it stands; 「全員」 (everyone) is refused in a sentence that
//! names a department or an age band.

use unicode_normalization::UnicodeNormalization;

/// What may follow 人 in a word that is not a count of people (一人前, 1人当たり, 人事 …).
const NOT_A_COUNT_AFTER: &[char] = &[
    '事', '数', '材', '間', '物', '生', '前', '称', '口', '工', '格', '権', '気', '体', '当', 'あ',
    '一', 'ひ',
];

/// Words meaning "everyone" that say something of each person of the group named beside them.
const EVERYONE: &[&str] = &["全員", "みんな", "誰もが", "全ての人", "すべての人"];

fn numeral(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// The number written by `digits` (arabic, or kanji with 十 as in 十二, 二十三).
fn value_of(digits: &[char]) -> Option<u32> {
    if digits.iter().all(char::is_ascii_digit) {
        return Some(
            digits
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(u32::MAX),
        );
    }
    // Saturating: a long run of numerals is a large number, never a small count.
    let mut value: u32 = 0;
    let mut pending: Option<u32> = None;
    for &c in digits {
        if c == '十' {
            value = value.saturating_add(pending.unwrap_or(1).saturating_mul(10));
            pending = None;
        } else {
            let digit = numeral(c)?;
            pending = Some(
                pending
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(digit),
            );
        }
    }
    Some(value.saturating_add(pending.unwrap_or(0)))
}

/// The counts of people below `k` in `text` (「1名」, 「二人」, 「ひとり」), and 「全員」 and its
/// kin in any sentence that names one of `groups`: each as written, for the consultant to
/// find.
pub(super) fn small_counts(text: &str, k: u32, groups: &[String]) -> Vec<String> {
    let normalized: String = text.nfkc().collect();
    let chars: Vec<char> = normalized.chars().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let start = index;
        while index < chars.len() && (numeral(chars[index]).is_some() || chars[index] == '十') {
            index += 1;
        }
        if index == start {
            index += 1;
            continue;
        }
        let mut counter = index;
        while counter < chars.len() && chars[counter] == ' ' {
            counter += 1;
        }
        let counts_people = matches!(chars.get(counter), Some('名' | '人'))
            && !(chars.get(counter) == Some(&'人')
                && chars
                    .get(counter + 1)
                    .is_some_and(|next| NOT_A_COUNT_AFTER.contains(next)));
        // 一人一人 (each one) is no count; 40代1名 holds two numbers, and the second is one.
        let each_one = start > 0 && chars[start - 1] == '人';
        if counts_people && !each_one {
            if let Some(value) = value_of(&chars[start..index]) {
                if value > 0 && value < k {
                    found.push(chars[start..=counter].iter().collect());
                }
            }
        }
    }
    for (word, value) in [("ひとり", 1), ("ふたり", 2)] {
        let without_each_one = normalized
            .replace("ひとりひとり", "")
            .replace("一人ひとり", "");
        if value < k && without_each_one.contains(word) {
            found.push(word.to_owned());
        }
    }
    for sentence in normalized.split(['。', '\n', '！', '？', '!', '?']) {
        if groups.iter().any(|group| sentence.contains(group.as_str())) {
            found.extend(
                EVERYONE
                    .iter()
                    .filter(|word| sentence.contains(**word))
                    .map(|word| (*word).to_owned()),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::small_counts;

    fn groups() -> Vec<String> {
        ["営業部", "開発部", "40代"].map(str::to_owned).to_vec()
    }

    #[test]
    fn a_small_count_of_people_is_found_however_it_is_written() {
        for (text, expected) in [
            ("営業部の40代1名が健康面の不安を訴えた。", vec!["1名"]),
            ("営業部では2名が異動を希望", vec!["2名"]),
            ("開発部の１ 人は", vec!["1 人"]),
            ("二人が上司との関係に悩む", vec!["二人"]),
            ("ひとりだけ", vec!["ひとり"]),
            ("九九九九九九九九九九九九九名と1名", vec!["1名"]),
            ("99999999999999名と2名", vec!["2名"]),
            ("営業部の全員が残業を負担に感じている。", vec!["全員"]),
        ] {
            assert_eq!(small_counts(text, 5, &groups()), expected, "{text}");
        }
    }

    #[test]
    fn counts_of_k_or_more_and_words_that_only_look_like_counts_pass() {
        for text in [
            "面談は12名に実施した。",
            "5名以上が同じ課題を挙げた。",
            "社員一人ひとりのキャリアを支える。",
            "社員一人一人の声を聞く。",
            "1人当たりの面談時間は50分。",
            "一人前になるまでの育成",
            "人事部と連携する。",
            "2026年度の40代の傾向",
            "全員に面談の案内を送った。",
        ] {
            assert_eq!(
                small_counts(text, 5, &groups()),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }
}
