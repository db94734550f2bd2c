//! A reading (kana) as people write it in Latin letters: Hepburn (Satō as sato, sato, satou,
//! satoh), and the Kunrei spellings some still use (si, tu, hu, zi). A pseudonymised text must
//! lose 「Abe Mari」 as surely as 阿部真理.

/// Each syllable's spellings, the usual one first; two-kana syllables before one-kana ones.
const SYLLABLES: &[(&str, &[&str])] = &[
    ("きゃ", &["kya"]),
    ("きゅ", &["kyu"]),
    ("きょ", &["kyo"]),
    ("しゃ", &["sha", "sya"]),
    ("しゅ", &["shu", "syu"]),
    ("しょ", &["sho", "syo"]),
    ("ちゃ", &["cha", "tya"]),
    ("ちゅ", &["chu", "tyu"]),
    ("ちょ", &["cho", "tyo"]),
    ("にゃ", &["nya"]),
    ("にゅ", &["nyu"]),
    ("にょ", &["nyo"]),
    ("ひゃ", &["hya"]),
    ("ひゅ", &["hyu"]),
    ("ひょ", &["hyo"]),
    ("みゃ", &["mya"]),
    ("みゅ", &["myu"]),
    ("みょ", &["myo"]),
    ("りゃ", &["rya"]),
    ("りゅ", &["ryu"]),
    ("りょ", &["ryo"]),
    ("ぎゃ", &["gya"]),
    ("ぎゅ", &["gyu"]),
    ("ぎょ", &["gyo"]),
    ("じゃ", &["ja", "zya"]),
    ("じゅ", &["ju", "zyu"]),
    ("じょ", &["jo", "zyo"]),
    ("びゃ", &["bya"]),
    ("びゅ", &["byu"]),
    ("びょ", &["byo"]),
    ("ぴゃ", &["pya"]),
    ("ぴゅ", &["pyu"]),
    ("ぴょ", &["pyo"]),
    ("あ", &["a"]),
    ("い", &["i"]),
    ("う", &["u"]),
    ("え", &["e"]),
    ("お", &["o"]),
    ("か", &["ka"]),
    ("き", &["ki"]),
    ("く", &["ku"]),
    ("け", &["ke"]),
    ("こ", &["ko"]),
    ("さ", &["sa"]),
    ("し", &["shi", "si"]),
    ("す", &["su"]),
    ("せ", &["se"]),
    ("そ", &["so"]),
    ("た", &["ta"]),
    ("ち", &["chi", "ti"]),
    ("つ", &["tsu", "tu"]),
    ("て", &["te"]),
    ("と", &["to"]),
    ("な", &["na"]),
    ("に", &["ni"]),
    ("ぬ", &["nu"]),
    ("ね", &["ne"]),
    ("の", &["no"]),
    ("は", &["ha"]),
    ("ひ", &["hi"]),
    ("ふ", &["fu", "hu"]),
    ("へ", &["he"]),
    ("ほ", &["ho"]),
    ("ま", &["ma"]),
    ("み", &["mi"]),
    ("む", &["mu"]),
    ("め", &["me"]),
    ("も", &["mo"]),
    ("や", &["ya"]),
    ("ゆ", &["yu"]),
    ("よ", &["yo"]),
    ("ら", &["ra"]),
    ("り", &["ri"]),
    ("る", &["ru"]),
    ("れ", &["re"]),
    ("ろ", &["ro"]),
    ("わ", &["wa"]),
    ("を", &["o", "wo"]),
    ("が", &["ga"]),
    ("ぎ", &["gi"]),
    ("ぐ", &["gu"]),
    ("げ", &["ge"]),
    ("ご", &["go"]),
    ("ざ", &["za"]),
    ("じ", &["ji", "zi"]),
    ("ず", &["zu"]),
    ("ぜ", &["ze"]),
    ("ぞ", &["zo"]),
    ("だ", &["da"]),
    ("ぢ", &["ji", "di"]),
    ("づ", &["zu", "du"]),
    ("で", &["de"]),
    ("ど", &["do"]),
    ("ば", &["ba"]),
    ("び", &["bi"]),
    ("ぶ", &["bu"]),
    ("べ", &["be"]),
    ("ぼ", &["bo"]),
    ("ぱ", &["pa"]),
    ("ぴ", &["pi"]),
    ("ぷ", &["pu"]),
    ("ぺ", &["pe"]),
    ("ぽ", &["po"]),
];

/// The most spellings a reading yields: enough for the usual ones, bounded however long it is.
const MOST: usize = 24;

/// `reading` (hiragana, katakana folded to hiragana, no spaces) in Latin letters, lower case,
/// every usual spelling; empty when it holds anything that is not kana.
pub(crate) fn spellings(reading: &str) -> Vec<String> {
    let chars: Vec<char> = reading.chars().collect();
    let mut spelled: Vec<String> = vec![String::new()];
    let mut doubled = false;
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c == 'っ' {
            doubled = true;
            index += 1;
            continue;
        }
        if c == 'ん' {
            // ん before b, m or p is written m in traditional Hepburn (Homma, Namba).
            let next_labial = syllable_at(&chars[index + 1..])
                .is_some_and(|(_, ways)| ways[0].starts_with(['b', 'm', 'p']));
            let ways: &[&str] = if next_labial { &["n", "m"] } else { &["n"] };
            spelled = extend(&spelled, ways);
            index += 1;
            continue;
        }
        if c == 'ー' {
            index += 1;
            continue;
        }
        let Some((length, ways)) = syllable_at(&chars[index..]) else {
            return Vec::new();
        };
        let previous_vowel = spelled[0].chars().last();
        let long = matches!(
            (previous_vowel, c),
            (Some('o'), 'う' | 'お') | (Some('u'), 'う')
        );
        if long {
            // Satō: sato, satou, satoo, satoh.
            let vowel = if c == 'う' && previous_vowel == Some('u') {
                "u"
            } else {
                "o"
            };
            let long_ways = ["", "u", vowel, "h"];
            spelled = extend(&spelled, &long_ways);
        } else if doubled {
            let doubled_ways: Vec<String> = ways
                .iter()
                .map(|way| format!("{}{way}", &way[..1].replace('c', "t")))
                .collect();
            let doubled_ways: Vec<&str> = doubled_ways.iter().map(String::as_str).collect();
            spelled = extend(&spelled, &doubled_ways);
        } else {
            spelled = extend(&spelled, ways);
        }
        doubled = false;
        index += length;
    }
    spelled.retain(|spelling| !spelling.is_empty());
    spelled.dedup();
    spelled
}

fn syllable_at(chars: &[char]) -> Option<(usize, &'static [&'static str])> {
    SYLLABLES.iter().find_map(|(kana, ways)| {
        let kana: Vec<char> = kana.chars().collect();
        chars.starts_with(&kana).then_some((kana.len(), *ways))
    })
}

fn extend(spelled: &[String], ways: &[&str]) -> Vec<String> {
    let mut next = Vec::new();
    for way in ways {
        for start in spelled {
            if next.len() < MOST {
                next.push(format!("{start}{way}"));
            }
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::spellings;

    #[test]
    fn readings_are_spelled_as_people_write_them() {
        assert_eq!(spellings("あべ"), ["abe"]);
        assert!(spellings("まこと").contains(&"makoto".to_owned()));
        for way in ["sato", "satou", "satoo", "satoh"] {
            assert!(spellings("さとう").contains(&way.to_owned()), "{way}");
        }
        for way in ["shimizu", "simizu"] {
            assert!(spellings("しみず").contains(&way.to_owned()), "{way}");
        }
        assert!(spellings("はっとり").contains(&"hattori".to_owned()));
        assert!(spellings("ほんま").contains(&"homma".to_owned()));
        assert!(spellings("きっちょう").contains(&"kitcho".to_owned()));
        assert!(spellings("abc").is_empty());
    }
}
