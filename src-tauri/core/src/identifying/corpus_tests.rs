//! Pseudonymisation attacked with a corpus: sentences as consultants write them about a client,
//! 阿部真理 (あべ まり, written without a space, employee number E-4711, 経理部, 主任), with
//! colleagues the vault knows (林 誠, 佐々木 健太), people and places it does not (found before a
//! title, or by the dictionary), at 株式会社サンプル.
//! After masking, the attacker looks for every writing of every name, and fails the test if any
//! is left; a few sentences check that ordinary words survive.

use super::Pseudonymiser;

const MASK: &str = "〇〇";

fn pseudonymiser() -> Pseudonymiser {
    let mut pseudonymiser = Pseudonymiser::default();
    pseudonymiser.person("阿部真理", Some("あべ まり"), Some("E-4711"));
    pseudonymiser.person("林 誠", Some("はやし まこと"), Some("E-0102"));
    pseudonymiser.person("佐々木 健太", Some("ささき けんた"), None);
    pseudonymiser.person("佐藤 優子", Some("さとう ゆうこ"), None);
    pseudonymiser.person("大野 浩二", Some("おおの こうじ"), None);
    // Readings kept without the space between family and given name.
    pseudonymiser.person("青木 翔", Some("あおきしょう"), None);
    pseudonymiser.person("太田 陽", Some("おおたはる"), None);
    pseudonymiser.company("株式会社サンプル");
    pseudonymiser.word("経理部");
    pseudonymiser.word("主任");
    pseudonymiser
}

/// Each sentence, and what must not be left of it.
const CORPUS: &[(&str, &[&str])] = &[
    (
        "阿部真理さんは経理部で決算を担当している。",
        &["阿部", "真理", "経理部"],
    ),
    ("阿部さんは異動を迷っている。", &["阿部"]),
    ("真理さんと呼ばれることが多い。", &["真理"]),
    ("アベさんは昨年から主任を務める。", &["アベ", "主任"]),
    ("マリさんという愛称で呼ばれている。", &["マリ"]),
    ("あべまりと名乗った。", &["あべまり"]),
    ("ｱﾍﾞ ﾏﾘさんの件。", &["ｱﾍﾞ", "ﾏﾘ"]),
    ("Abe Mari として英語の資料に署名した。", &["Abe", "Mari"]),
    ("Mari Abe wrote the summary.", &["Mari", "Abe"]),
    ("abe-san は英語が得意。", &["abe"]),
    ("ABE MARI の名前で登録されている。", &["ABE", "MARI"]),
    ("社員番号 E-4711 の方。", &["4711"]),
    ("社員番号Ｅ４７１１で照会した。", &["４７１１"]),
    ("阿部 真理さんは落ち着いて話した。", &["阿部", "真理"]),
    (
        "阿部　真理（あべ　まり）さん。",
        &["阿部", "真理", "あべ", "まり"],
    ),
    ("林さんとは同期である。", &["林"]),
    ("誠さんが支えてくれたという。", &["誠"]),
    ("林課長に相談したい。", &["林"]),
    ("林 誠さんの後任として配属された。", &["林", "誠"]),
    ("はやしさんに話を聞いた。", &["はやし"]),
    ("まことくんとは学生時代からの友人。", &["まこと"]),
    ("Hayashi Makoto is her mentor.", &["Hayashi", "Makoto"]),
    ("社員番号 E-0102 の林さん。", &["0102", "林"]),
    ("佐々木健太さんと組んでいる。", &["佐々木", "健太"]),
    ("佐々木さんが上司。", &["佐々木"]),
    ("健太さんとは気が合う。", &["健太"]),
    ("ササキさんに引き継いだ。", &["ササキ"]),
    ("Sasaki Kenta と共同で進める。", &["Sasaki", "Kenta"]),
    ("上司の佐藤課長とは話しにくい。", &["佐藤"]),
    ("田中部長の評価に納得していない。", &["田中"]),
    ("前任の鈴木さんが退職した。", &["鈴木"]),
    ("同僚の高橋くんに助けられた。", &["高橋"]),
    ("取引先の山本様から感謝された。", &["山本"]),
    ("人事の中村主任に相談済み。", &["中村"]),
    ("スミス氏との英語の会議が負担。", &["スミス"]),
    ("渡辺係長は厳しい。", &["渡辺"]),
    ("伊藤先輩に教わった。", &["伊藤"]),
    ("株式会社サンプルに入社して10年。", &["サンプル"]),
    ("サンプル社の方針に疑問がある。", &["サンプル"]),
    ("サンプルさんの社風は堅い。", &["サンプル"]),
    ("（株）サンプルの経理部に所属。", &["サンプル", "経理部"]),
    ("経理部の雰囲気は良い。", &["経理部"]),
    ("主任に昇格してから忙しい。", &["主任"]),
    ("2026年6月10日の面談で話した。", &["10日"]),
    ("2026-06-10 に初回面談。", &["06-10"]),
    ("2026/6/10に再度話す予定。", &["6/10"]),
    ("6月10日に上司と面談する。", &["10日"]),
    ("次回は２０２６年７月１５日。", &["１５日"]),
    (
        "阿部真理さん（E-4711）は2026年6月10日、林課長と話した。",
        &["阿部", "真理", "4711", "10日", "林"],
    ),
    (
        "真理さんは林さんと佐藤課長の間で悩む。",
        &["真理", "林", "佐藤"],
    ),
    (
        "あべさんは「まりちゃん」と呼ばれている。",
        &["あべ", "まり"],
    ),
    ("Ms. Abe asked for a transfer.", &["Abe"]),
    // People and places the vault does not know, found by the dictionary.
    ("佐藤とは入社以来の付き合いだ。", &["佐藤"]),
    ("小林と吉田の二人が先に辞めた。", &["小林", "吉田"]),
    ("前の上司は松本健太という人だった。", &["松本", "健太"]),
    ("東京本社への異動を希望している。", &["東京"]),
    ("実家は福岡で、両親の介護が気がかり。", &["福岡"]),
    ("新宿駅から通勤に一時間かかる。", &["新宿"]),
    ("横浜支店の立ち上げに関わった。", &["横浜"]),
    ("次回は6/10に面談する。", &["6/10"]),
    // Romaji with the long vowel marked, and a reading stored without a space.
    (
        "Satō Yūko and Ōno Kōji were on the panel.",
        &["Satō", "Yūko", "Ōno", "Kōji"],
    ),
    ("Aoki and Mr. Ōta share the desk.", &["Aoki", "Ōta"]),
    ("7／15の研修に参加した。", &["15"]),
];

/// Sentences that name no one: nothing in them may be lost. (A name part that is also a word,
/// 真理 as truth, is masked wherever it stands: losing a word is the lesser harm.)
const KEPT: &[&str] = &[
    "あまり話さない。",
    "つまり、異動を望んでいる。",
    "職場の決まりに従う。",
    "お客さんからの電話が多い。",
    "皆さんの前で発表した。",
    "営業部長との面談を希望。",
    "多様な働き方を望む。",
    "チームリーダーを任された。",
    "上司と話す機会が少ない。",
    "健康診断の結果が気になる。",
    "組織内の連携に課題がある。",
    "関連部署との調整に追われている。",
    "将来の役割が見えず、育成上の課題もある。",
    "勇気を出して相談した。",
];

#[test]
fn the_corpus_keeps_no_name_and_no_day() {
    assert!(
        CORPUS.len() >= 50,
        "the corpus has {} sentences",
        CORPUS.len()
    );
    let pseudonymiser = pseudonymiser();
    let mut left = Vec::new();
    for (sentence, forbidden) in CORPUS {
        let masked = pseudonymiser.masked(sentence, MASK);
        let lower = masked.to_lowercase();
        for word in *forbidden {
            if masked.contains(word) || lower.contains(&word.to_lowercase()) {
                left.push(format!("{word} in {masked}"));
            }
        }
        assert!(masked.contains(MASK) || !masked.contains('日'), "{masked}");
    }
    assert_eq!(left, Vec::<String>::new());
}

#[test]
fn words_that_name_no_one_are_kept() {
    let pseudonymiser = pseudonymiser();
    let mut lost = Vec::new();
    for sentence in KEPT {
        let masked = pseudonymiser.masked(sentence, MASK);
        if masked != *sentence {
            lost.push(masked);
        }
    }
    assert_eq!(lost, Vec::<String>::new());
}

#[test]
fn days_become_months() {
    let pseudonymiser = Pseudonymiser::default();
    for (text, expected) in [
        ("2026年6月10日に面談", "2026年6月に面談"),
        ("2026-06-10", "2026年6月"),
        ("2026/6/1 の件", "2026年6月 の件"),
        ("6月10日", "6月"),
        ("6/10に", "6月に"),
        ("1/2/3", "1/2/3"),
        ("2026/6/10/5", "2026年6月/5"),
        ("2026年度", "2026年度"),
        ("10名", "10名"),
        ("12345-6-7", "12345-6-7"),
    ] {
        assert_eq!(pseudonymiser.masked(text, MASK), expected, "{text}");
    }
}
