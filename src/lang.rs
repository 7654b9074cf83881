//! Language facts as data: heading keywords, label forms, place names and the
//! fixed phrases of headers, one table per language. Adding a language means
//! adding a [`Lang`] value, not new control flow.

use crate::model::{DeclaredStatus, OtherBlockKind, SectionKind};

/// Everything the parser needs to know about the language of a text.
#[derive(Debug)]
pub struct Lang {
    /// Language tag, for `lang` attributes and messages.
    pub tag: &'static str,
    /// Prefix that turns a keyword into its "further" form (`进一步`).
    pub further_prefix: &'static str,
    /// Heading keywords with their kind, longest first where one is a prefix
    /// of another.
    pub headings: &'static [(&'static str, SectionKind)],
    /// Verbs that may follow the resolves keyword in a compound heading
    /// (`做出决议，责成…`), with the compound kind.
    pub resolves_compounds: &'static [(&'static str, SectionKind)],
    /// Separators allowed between a compound heading's parts.
    pub compound_separators: &'static [char],
    /// Header of a resolution: `第`, id, `号决议`, then the edition in brackets.
    pub resolution_header_prefix: &'static str,
    /// See [`Lang::resolution_header_prefix`].
    pub resolution_header_suffix: &'static str,
    /// Suffix of a Recommendation header (`ITU-T A.25建议书`).
    pub recommendation_header_suffix: &'static str,
    /// Start of the assembly line (`世界电信标准化全会（`).
    pub assembly_prefix: &'static str,
    /// Marker of a revised edition inside an edition bracket (`修订版`).
    pub revised_word: &'static str,
    /// Year suffix (`年`).
    pub year_suffix: &'static str,
    /// Item separator in history lines (`；`).
    pub history_separator: char,
    /// Separator between year and place (`，`).
    pub year_place_separator: char,
    /// Known assembly places.
    pub places: &'static [&'static str],
    /// Annex headings (`附件A`, `附录一`, `后附资料`): prefixes followed by an
    /// optional designator.
    pub annex_prefixes: &'static [&'static str],
    /// Words before a digit that make it real text, not a footnote reference
    /// (`支柱2`, `增补1`).
    pub counter_words: &'static [&'static str],
    /// Characters after a digit that make it real text (`2024年`, `3个`).
    pub counter_suffixes: &'static [char],
    /// Lines that open non-resolution tables (`编号 行动`), with what they are.
    pub other_block_openers: &'static [(&'static [&'static str], OtherBlockKind)],
    /// Note label word (`注`).
    pub note_word: &'static str,
    /// CJK numerals usable as labels, in order.
    pub cjk_numerals: &'static [&'static str],
    /// Bullet characters that label list items (`•`).
    pub bullets: &'static [char],
    /// Dash characters that label list items (`–`, `−`).
    pub dashes: &'static [char],
    /// Pairs of variant spellings treated as editorial (`其他`/`其它`).
    pub variant_pairs: &'static [(&'static str, &'static str)],
    /// Marker before a provisional id in a report's mapping line
    /// (`第101号决议（原COM4/AI）`).
    pub provisional_marker: &'static str,
    /// Phrases that introduce a bracketed list in a report's highlights
    /// (`44份经修订的决议（第2、7…号决议）`), first match wins.
    pub report_lists: &'static [ReportListPhrase],
    /// Words of a report's status-table cells, with the status they declare.
    pub report_status_words: &'static [(&'static str, DeclaredStatus)],
    /// Separators between the items of a list (`第2、7、11号`).
    pub list_separators: &'static [&'static str],
    /// Words joining the ends of a range (`第101至108号`).
    pub range_words: &'static [&'static str],
    /// Counter words after the count of a list (`八份`, `44项`).
    pub count_words: &'static [&'static str],
}

/// A phrase introducing a list in a report: `qualifier`, then optionally a
/// Latin designation (`ITU-T`, `WTSA`), then `noun`, then the bracketed list
/// (`一份经修订的ITU-T建议书（A.25）`).
#[derive(Debug)]
pub struct ReportListPhrase {
    /// What the list says of its items (`经修订的`).
    pub qualifier: &'static str,
    /// What the items are (`决议`, `建议书`).
    pub noun: &'static str,
    /// The status the list declares.
    pub status: DeclaredStatus,
    /// Whether the items are Recommendation designations (`A.25`) rather
    /// than resolution numbers.
    pub recommendations: bool,
}

/// Simplified Chinese, as in the WTSA texts published by ITU.
pub static ZH: Lang = Lang {
    tag: "zh-Hans",
    further_prefix: "进一步",
    headings: &[
        ("忆及", SectionKind::Recalling),
        ("认识到", SectionKind::Recognizing),
        ("考虑到", SectionKind::Considering),
        ("注意到", SectionKind::Noting),
        ("铭记", SectionKind::BearingInMind),
        ("顾及", SectionKind::TakingIntoAccount),
        ("重申", SectionKind::Reaffirming),
        ("关注", SectionKind::Concerned),
        ("意识到", SectionKind::Aware),
        ("做出决议", SectionKind::Resolves),
        ("责成", SectionKind::Instructs),
        ("请", SectionKind::Invites),
        ("鼓励", SectionKind::Encourages),
        ("呼吁", SectionKind::CallsUpon),
    ],
    resolves_compounds: &[
        ("责成", SectionKind::ResolvesInstructs),
        ("请", SectionKind::ResolvesInvites),
    ],
    compound_separators: &['，', ','],
    resolution_header_prefix: "第",
    resolution_header_suffix: "号决议",
    recommendation_header_suffix: "建议书",
    assembly_prefix: "世界电信标准化全会（",
    revised_word: "修订版",
    year_suffix: "年",
    history_separator: '；',
    year_place_separator: '，',
    places: &[
        "马拉加-托雷莫利诺斯",
        "赫尔辛基",
        "日内瓦",
        "蒙特利尔",
        "弗洛里亚诺波利斯",
        "约翰内斯堡",
        "迪拜",
        "哈马马特",
        "新德里",
        "布加勒斯特",
        "釜山",
        "瓜达拉哈拉",
        "安塔利亚",
        "马拉喀什",
        "京都",
        "明尼阿波利斯",
        "伊斯坦布尔",
        "海得拉巴",
        "多哈",
        "阿根廷",
        "布宜诺斯艾利斯",
        "基加利",
        "沙姆沙伊赫",
    ],
    annex_prefixes: &["附件", "附录", "后附资料"],
    counter_words: &[
        "支柱",
        "增补",
        "附件",
        "附录",
        "目标",
        "修正案",
        "第",
        "部分",
        "阶段",
        "版本",
        "课题",
        "表",
        "图",
        "注",
        "SDG",
        "HTML",
        "号",
    ],
    counter_suffixes: &[
        '年', '月', '日', '号', '条', '款', '项', '个', '次', '%', '％', '.', '/', '-', '：', ':',
        '岁', '名', '位', '家', '种', '类', '期', '届', '层', '级', '点', '段', '章', '节', '页',
        '份',
    ],
    other_block_openers: &[
        (&["编号", "行动"], OtherBlockKind::CommitteeActions),
        (&["组", "名单", "成员国"], OtherBlockKind::LeadershipList),
        (
            &["课题号", "课题标题", "状况"],
            OtherBlockKind::QuestionTable,
        ),
    ],
    note_word: "注",
    cjk_numerals: &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"],
    bullets: &['•', '·'],
    dashes: &['–', '−', '-', '—'],
    variant_pairs: &[("其它", "其他"), ("帐", "账"), ("作为", "做为")],
    provisional_marker: "原",
    report_lists: &[
        ReportListPhrase {
            qualifier: "新",
            noun: "决议",
            status: DeclaredStatus::New,
            recommendations: false,
        },
        ReportListPhrase {
            qualifier: "经修订的",
            noun: "决议",
            status: DeclaredStatus::Revised,
            recommendations: false,
        },
        ReportListPhrase {
            qualifier: "废止的",
            noun: "决议",
            status: DeclaredStatus::Suppressed,
            recommendations: false,
        },
        ReportListPhrase {
            qualifier: "经修订的",
            noun: "建议书",
            status: DeclaredStatus::Revised,
            recommendations: true,
        },
    ],
    report_status_words: &[
        ("修订版", DeclaredStatus::Revised),
        ("保留", DeclaredStatus::Maintained),
        ("新决议", DeclaredStatus::New),
        ("废止", DeclaredStatus::Suppressed),
    ],
    list_separators: &["、", "，", ",", "和", "及"],
    range_words: &["至", "–", "-", "～", "~"],
    count_words: &["份", "项"],
};

/// Upper-case Roman numeral value of `s` (lower-case letters `i v x l`), if it
/// is one.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let val = |c: char| match c {
        'i' | 'I' => Some(1),
        'v' | 'V' => Some(5),
        'x' | 'X' => Some(10),
        'l' | 'L' => Some(50),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(val).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    let total = u32::try_from(total).ok()?;
    // Reject non-canonical spellings such as `iiii` by round-tripping.
    (to_roman(total) == s.to_ascii_lowercase()).then_some(total)
}

/// Lower-case Roman numeral for `n` (1..=89).
pub fn to_roman(mut n: u32) -> String {
    let table = [
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_round_trip() {
        assert_eq!(roman_value("i"), Some(1));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("ix"), Some(9));
        assert_eq!(roman_value("x"), Some(10));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("a"), None);
        for n in 1..60 {
            assert_eq!(roman_value(&to_roman(n)), Some(n));
        }
    }
}
