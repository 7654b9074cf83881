//! Editorial vs substantive: a change is editorial when it only touches
//! whitespace, full-/half-width punctuation, variant characters
//! (`其他`/`其它`, from [`crate::lang::Lang::variant_pairs`]) or edition
//! citations of other resolutions (`（2022年，日内瓦，修订版）` →
//! `（2024年，新德里，修订版）`, also `[2022年，日内瓦]`). The folding itself
//! lives in [`crate::align::keys`], which alignment shares.

use crate::align::keys::editorial_key;
use crate::lang::Lang;

/// Whether changing `old` into `new` is editorial only. Equal texts are not
/// a change and are not editorial.
pub fn is_editorial(old: &str, new: &str, lang: &Lang) -> bool {
    old != new && editorial_key(old, lang) == editorial_key(new, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    #[test]
    fn whitespace_only() {
        assert!(is_editorial("ITU-T  E.164建议书", "ITU-T E.164建议书", &ZH));
    }

    #[test]
    fn punctuation_width() {
        assert!(is_editorial("（ICT）", "(ICT)", &ZH));
        assert!(is_editorial("成员国,部门成员", "成员国，部门成员", &ZH));
    }

    #[test]
    fn variant_characters() {
        assert!(is_editorial("与其他局协作", "与其它局协作", &ZH));
        assert!(is_editorial("帐户", "账户", &ZH));
    }

    #[test]
    fn edition_citations_of_other_resolutions() {
        assert!(is_editorial(
            "第60号决议（2022年，日内瓦，修订版）",
            "第60号决议（2024年，新德里，修订版）",
            &ZH
        ));
        assert!(is_editorial(
            "第20号决议（[2022年，日内瓦]，修订版）",
            "第20号决议（2024年，新德里，修订版）",
            &ZH
        ));
        assert!(is_editorial("[2022年，日内瓦]", "[2024年，新德里]", &ZH));
    }

    #[test]
    fn substantive_changes() {
        assert!(!is_editorial("信任度", "可信度", &ZH));
        assert!(!is_editorial(
            "第60号决议（2022年，日内瓦）",
            "第61号决议（2024年，新德里）",
            &ZH
        ));
        assert!(!is_editorial(
            "全球标准专题研讨会（GSS）以及",
            "全球标准专题研讨会以及",
            &ZH
        ));
        assert!(!is_editorial("同一", "同一", &ZH));
    }
}
