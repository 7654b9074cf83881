//! Section alignment: pair the sections of two versions of a resolution by
//! kind, `further` and normalised addressee, in order; fall back to heading
//! similarity for sections whose addressee changed slightly
//! (`责成…协作` → `责成…合作`). Annexes pair by name.

use super::keys::{addressee_key, base_key};
use super::{HEADING_THRESHOLD, similarity};
use crate::model::{Annex, Section};
use similar::{Algorithm, DiffOp};

/// Key of a section: two sections with the same key are the same section.
fn section_key(s: &Section) -> String {
    format!(
        "{}|{}|{}",
        s.kind.name(),
        s.further,
        addressee_key(s.addressee.as_deref())
    )
}

/// Pair sections: `(old index, new index)` for each matched pair. Pairs come
/// out sorted by new index.
pub fn pair_sections(old: &[Section], new: &[Section]) -> Vec<(usize, usize)> {
    let ok: Vec<String> = old.iter().map(section_key).collect();
    let nk: Vec<String> = new.iter().map(section_key).collect();
    let mut om = vec![None; old.len()];
    let mut nm = vec![None; new.len()];
    // In order first: the longest common subsequence of keys.
    for op in similar::capture_diff_slices(Algorithm::Myers, &ok, &nk) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                om[old_index + k] = Some(new_index + k);
                nm[new_index + k] = Some(old_index + k);
            }
        }
    }
    // Then the same key out of order (a section that moved).
    for i in 0..old.len() {
        if om[i].is_some() {
            continue;
        }
        if let Some(j) = (0..new.len()).find(|&j| nm[j].is_none() && nk[j] == ok[i]) {
            om[i] = Some(j);
            nm[j] = Some(i);
        }
    }
    // Then same kind with a similar heading, best first.
    let mut cands = Vec::new();
    for (i, o) in old.iter().enumerate() {
        if om[i].is_some() {
            continue;
        }
        for (j, n) in new.iter().enumerate() {
            if nm[j].is_some() || o.kind != n.kind || o.further != n.further {
                continue;
            }
            let (a, b) = (base_key(&o.heading), base_key(&n.heading));
            let ac: Vec<char> = a.chars().collect();
            let bc: Vec<char> = b.chars().collect();
            if let Some(score) = similarity(&ac, &bc, HEADING_THRESHOLD) {
                cands.push((score, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in cands {
        if om[i].is_none() && nm[j].is_none() {
            om[i] = Some(j);
            nm[j] = Some(i);
        }
    }
    let mut out: Vec<(usize, usize)> = nm
        .iter()
        .enumerate()
        .filter_map(|(j, i)| i.map(|i| (i, j)))
        .collect();
    out.sort_by_key(|p| p.1);
    out
}

/// Pair annexes by name (`附件A` with `附件A`), in order of the new side.
pub fn pair_annexes(old: &[Annex], new: &[Annex]) -> Vec<(usize, usize)> {
    let mut used = vec![false; old.len()];
    let mut out = Vec::new();
    for (j, n) in new.iter().enumerate() {
        let k = base_key(&n.name);
        if let Some(i) = (0..old.len()).find(|&i| !used[i] && base_key(&old[i].name) == k) {
            used[i] = true;
            out.push((i, j));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind::*;
    use crate::testkit::section;

    #[test]
    fn instructs_sections_with_different_addressees_stay_apart() {
        let old = vec![
            section(
                "责成电信标准化局主任",
                Instructs,
                Some("电信标准化局主任"),
                &[],
            ),
            section(
                "责成电信标准化顾问组",
                Instructs,
                Some("电信标准化顾问组"),
                &[],
            ),
        ];
        let new = vec![
            section(
                "责成电信标准化顾问组",
                Instructs,
                Some("电信标准化顾问组"),
                &[],
            ),
            section(
                "责成电信标准化局主任",
                Instructs,
                Some("电信标准化局主任"),
                &[],
            ),
        ];
        let pairs = pair_sections(&old, &new);
        assert_eq!(pairs, vec![(1, 0), (0, 1)]);
    }

    #[test]
    fn slightly_changed_addressee_pairs_by_heading() {
        let old = vec![
            section("认识到", Recognizing, None, &[]),
            section(
                "责成电信标准化局主任与电信发展局主任协作",
                Instructs,
                Some("电信标准化局主任与电信发展局主任协作"),
                &[],
            ),
        ];
        let new = vec![
            section("认识到", Recognizing, None, &[]),
            section(
                "责成电信标准化局主任与电信发展局主任合作",
                Instructs,
                Some("电信标准化局主任与电信发展局主任合作"),
                &[],
            ),
        ];
        assert_eq!(pair_sections(&old, &new), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn unrelated_addressees_do_not_pair() {
        let old = vec![section("请成员国", Invites, Some("成员国"), &[])];
        let new = vec![section("请秘书长", Invites, Some("秘书长"), &[])];
        assert!(pair_sections(&old, &new).is_empty());
    }

    #[test]
    fn further_sections_differ_from_plain_ones() {
        let mut further = section("进一步认识到", Recognizing, None, &[]);
        further.further = true;
        let old = vec![section("认识到", Recognizing, None, &[])];
        let new = vec![further];
        assert!(pair_sections(&old, &new).is_empty());
    }
}
