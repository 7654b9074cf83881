//! Clause alignment within a pair of resolutions: by content, not label.
//!
//! Every clause (and annex paragraph) of both sides becomes a node in a list
//! (a section's clauses, an annex's paragraphs, a clause's children). Lists
//! pair when their sections, annexes or parent clauses pair. Nodes then pair
//! in four rounds, each only among nodes still unpaired:
//!
//! 1. equal comparison keys within paired lists (descending into the
//!    children of every new pair);
//! 2. equal keys anywhere in the resolution (a clause that moved to another
//!    section);
//! 3. similarity ≥ [`CLAUSE_THRESHOLD`] within
//!    paired lists, best first;
//! 4. similarity anywhere in the resolution.
//!
//! Exact rounds come first so that a clause moved unchanged is not taken for
//! a modified neighbour. Within a paired list, pairs off the longest
//! increasing run of positions are moves.

use super::keys::{base_key, editorial_key_of_base};
use super::sections::{pair_annexes, pair_sections};
use super::{CLAUSE_THRESHOLD, MAX_SCORED_PAIRS, SimilarityKey, similarity_of};
use crate::lang::Lang;
use crate::model::{Annex, Clause, Resolution, Section};
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// Position of an item in the report: new-edition order, with old-only
/// items just after the nearest preceding paired item.
pub type ReportOrder = (usize, u8, usize);

/// A section or annex.
#[derive(Debug, Clone, Copy)]
pub enum Container<'a> {
    /// A section.
    Section(&'a Section),
    /// An annex.
    Annex(&'a Annex),
}

impl Container<'_> {
    /// Name shown in reports: the heading as written (kind name when there
    /// is none), or the annex name.
    pub fn name(&self) -> String {
        match self {
            Container::Section(s) if s.heading.trim().is_empty() => s.kind_name(),
            Container::Section(s) => s.heading.clone(),
            Container::Annex(a) => a.name.clone(),
        }
    }
}

/// A section or annex of either side with its counterpart.
#[derive(Debug, Clone)]
pub struct ContainerPair<'a> {
    /// Old side.
    pub old: Option<Container<'a>>,
    /// New side.
    pub new: Option<Container<'a>>,
    /// Where it goes in the report.
    pub order: ReportOrder,
    /// Where its lead-in paragraph goes in the report.
    pub intro_order: ReportOrder,
}

/// A clause on one side, with where it is.
#[derive(Debug, Clone)]
pub struct UnitRef<'a> {
    /// The clause.
    pub clause: &'a Clause,
    /// Name of its section or annex.
    pub section: String,
    /// Label path (`1 a)`, `¶2` for an unlabelled paragraph).
    pub label: String,
}

/// A clause of either side with its counterpart.
#[derive(Debug, Clone)]
pub struct UnitPair<'a> {
    /// The clause on each side where it has one.
    pub sides: UnitSides<'a>,
    /// Where it goes in the report.
    pub order: ReportOrder,
}

/// Which editions hold a clause.
#[derive(Debug, Clone)]
pub enum UnitSides<'a> {
    /// Only the old edition: removed.
    OldOnly(UnitRef<'a>),
    /// Only the new edition: added.
    NewOnly(UnitRef<'a>),
    /// Both editions.
    Both {
        /// Old side.
        old: UnitRef<'a>,
        /// New side.
        new: UnitRef<'a>,
        /// Paired across lists, or out of order within its list.
        moved: bool,
    },
}

/// Everything paired within one pair of resolutions: the hand-off from
/// clause alignment to the diff stage.
#[derive(Debug, Clone)]
pub struct ResolutionAlignment<'a> {
    /// Sections and annexes, paired or not.
    pub containers: Vec<ContainerPair<'a>>,
    /// Clauses, paired or not.
    pub units: Vec<UnitPair<'a>>,
    /// When the similarity search had to be narrowed ([`MAX_SCORED_PAIRS`]):
    /// how many unpaired clauses it faced on each side.
    pub narrowed: Option<(usize, usize)>,
}

struct Node<'a> {
    clause: &'a Clause,
    list: usize,
    pos: usize,
    ord: usize,
    container: usize,
    label: String,
    children: Option<usize>,
    key: String,
    /// Built only for clauses left unpaired by equal base keys, like
    /// `sim`: most clauses pair in the first round.
    editorial: OnceCell<String>,
    /// Built only for clauses that reach the similarity rounds: most pair
    /// by equal keys first.
    sim: OnceCell<SimilarityKey>,
}

impl Node<'_> {
    fn sim(&self) -> &SimilarityKey {
        self.sim.get_or_init(|| SimilarityKey::new(&self.key))
    }

    fn editorial(&self, lang: &Lang) -> &str {
        self.editorial
            .get_or_init(|| editorial_key_of_base(&self.key, lang))
    }
}

struct Side<'a> {
    nodes: Vec<Node<'a>>,
    lists: Vec<Vec<usize>>,
    containers: Vec<(Container<'a>, usize, usize)>, // (container, list, heading ord)
    next_ord: usize,
}

impl<'a> Side<'a> {
    fn build(r: &'a Resolution) -> Side<'a> {
        let mut side = Side {
            nodes: Vec::new(),
            lists: Vec::new(),
            containers: Vec::new(),
            next_ord: 1,
        };
        let items = r
            .sections
            .iter()
            .map(|s| (Container::Section(s), s.clauses.as_slice()))
            .chain(
                r.annexes
                    .iter()
                    .map(|a| (Container::Annex(a), a.paragraphs.as_slice())),
            );
        for (c, clauses) in items {
            let ci = side.containers.len();
            let ord = side.next_ord;
            // Heading and lead-in paragraph take one position each.
            side.next_ord += 2;
            let list = side.add_list(clauses, ci, "");
            side.containers.push((c, list, ord));
        }
        side
    }

    fn add_list(&mut self, clauses: &'a [Clause], container: usize, prefix: &str) -> usize {
        let list = self.lists.len();
        self.lists.push(Vec::with_capacity(clauses.len()));
        for (pos, c) in clauses.iter().enumerate() {
            let own = match &c.label {
                Some(l) => l.raw.clone(),
                None => format!("¶{}", pos + 1),
            };
            let label = if prefix.is_empty() {
                own
            } else {
                format!("{prefix} {own}")
            };
            let idx = self.nodes.len();
            self.nodes.push(Node {
                clause: c,
                list,
                pos,
                ord: self.next_ord,
                container,
                sim: OnceCell::new(),
                key: base_key(&c.text),
                editorial: OnceCell::new(),
                label,
                children: None,
            });
            self.next_ord += 1;
            self.lists[list].push(idx);
            if !c.children.is_empty() {
                let label = self.nodes[idx].label.clone();
                let child = self.add_list(&c.children, container, &label);
                self.nodes[idx].children = Some(child);
            }
        }
        list
    }

    fn unit(&self, i: usize) -> UnitRef<'a> {
        let n = &self.nodes[i];
        UnitRef {
            clause: n.clause,
            section: self.containers[n.container].0.name(),
            label: n.label.clone(),
        }
    }
}

struct Matcher<'s, 'a> {
    old: &'s Side<'a>,
    new: &'s Side<'a>,
    lang: &'s Lang,
    om: Vec<Option<usize>>,
    nm: Vec<Option<usize>>,
    list_pairs: Vec<(usize, usize)>,
    /// Pairs left to score under [`MAX_SCORED_PAIRS`].
    budget: usize,
    narrowed: Option<(usize, usize)>,
}

impl<'s> Matcher<'s, '_> {
    fn link(&mut self, o: usize, n: usize) -> Option<(usize, usize)> {
        self.om[o] = Some(n);
        self.nm[n] = Some(o);
        match (self.old.nodes[o].children, self.new.nodes[n].children) {
            (Some(a), Some(b)) => {
                self.list_pairs.push((a, b));
                Some((a, b))
            }
            _ => None,
        }
    }

    /// Pair equal keys between two sets of unpaired nodes, first come first
    /// served in document order.
    fn match_exact(
        &mut self,
        olds: &[usize],
        news: &[usize],
        editorial: bool,
    ) -> Vec<(usize, usize)> {
        // Keys are borrowed from the sides, which outlive the matcher's
        // updates; only lookups are made, so the map's order never shows.
        let (old, new, lang) = (self.old, self.new, self.lang);
        let key = |n: &'s Node| -> &'s str { if editorial { n.editorial(lang) } else { &n.key } };
        let mut by_key: HashMap<&str, VecDeque<usize>> = HashMap::with_capacity(news.len());
        for &j in news {
            if self.nm[j].is_none() {
                by_key.entry(key(&new.nodes[j])).or_default().push_back(j);
            }
        }
        let mut children = Vec::new();
        if by_key.is_empty() {
            return children;
        }
        for &i in olds {
            if self.om[i].is_some() {
                continue;
            }
            if let Some(j) = by_key
                .get_mut(key(&old.nodes[i]))
                .and_then(VecDeque::pop_front)
            {
                children.extend(self.link(i, j));
            }
        }
        children
    }

    /// Pair similar nodes, best score first; ties go to the closest
    /// positions, then to document order.
    fn match_similar(&mut self, olds: &[usize], news: &[usize]) -> Vec<(usize, usize)> {
        let olds: Vec<usize> = olds
            .iter()
            .copied()
            .filter(|&i| self.om[i].is_none())
            .collect();
        let news: Vec<usize> = news
            .iter()
            .copied()
            .filter(|&j| self.nm[j].is_none())
            .collect();
        // Score every pair while the budget lasts; past it, each old clause
        // meets only the new clauses that share the most rare character
        // pairs with it (an index, so that shuffled lists still pair).
        let all = olds.len().saturating_mul(news.len());
        let per_old = if all <= self.budget {
            news.len()
        } else {
            (self.budget / olds.len().max(1))
                .max(NARROWED_CANDIDATES)
                .min(news.len())
        };
        let mut index = (per_old < news.len()).then(|| {
            self.narrowed = Some((olds.len(), news.len()));
            BigramIndex::new(news.iter().map(|&j| self.new.nodes[j].sim().chars()))
        });
        let mut cands = Vec::new();
        let mut near = Vec::new();
        for &i in &olds {
            let a = &self.old.nodes[i];
            near.clear();
            match &mut index {
                None => near.extend(news.iter().copied()),
                Some(ix) => near.extend(
                    ix.nearest(a.sim().chars(), per_old)
                        .into_iter()
                        .map(|k| news[k]),
                ),
            }
            self.budget = self.budget.saturating_sub(near.len());
            for &j in &near {
                let b = &self.new.nodes[j];
                if let Some(s) = similarity_of(a.sim(), b.sim(), CLAUSE_THRESHOLD) {
                    cands.push((s, a.pos.abs_diff(b.pos), i, j));
                }
            }
        }
        cands.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then(x.1.cmp(&y.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        let mut children = Vec::new();
        for (_, _, i, j) in cands {
            if self.om[i].is_none() && self.nm[j].is_none() {
                children.extend(self.link(i, j));
            }
        }
        children
    }

    /// Align a list pair and, recursively, the children of its new pairs.
    fn local(&mut self, start: (usize, usize), similar: bool) {
        let mut work = vec![start];
        let (old, new) = (self.old, self.new);
        while let Some((a, b)) = work.pop() {
            let (olds, news) = (&old.lists[a], &new.lists[b]);
            work.extend(self.match_exact(olds, news, false));
            work.extend(self.match_exact(olds, news, true));
            if similar {
                work.extend(self.match_similar(olds, news));
            }
        }
    }

    fn unpaired(&self) -> (Vec<usize>, Vec<usize>) {
        let o = (0..self.om.len())
            .filter(|&i| self.om[i].is_none())
            .collect();
        let n = (0..self.nm.len())
            .filter(|&j| self.nm[j].is_none())
            .collect();
        (o, n)
    }
}

/// Fewest candidates each clause still meets when the similarity search is
/// narrowed.
const NARROWED_CANDIDATES: usize = 16;

/// Character pairs found in more clauses than this are too common to point
/// at a counterpart (`电信` is everywhere) and are left out of the index;
/// it also bounds the work of one lookup.
const MAX_POSTINGS: usize = 64;

/// Inverted index of clause keys by character pair, to find the clauses
/// most likely similar to a given one without comparing every pair.
struct BigramIndex {
    postings: HashMap<(char, char), Vec<u32>>,
    counts: Vec<u32>,
}

impl BigramIndex {
    fn new<'k>(keys: impl Iterator<Item = &'k [char]>) -> Self {
        let mut postings: HashMap<(char, char), Vec<u32>> = HashMap::new();
        let mut n = 0;
        for (k, key) in keys.enumerate() {
            for g in distinct_bigrams(key) {
                postings.entry(g).or_default().push(k as u32);
            }
            n = k + 1;
        }
        BigramIndex {
            postings,
            counts: vec![0; n],
        }
    }

    /// Up to `limit` indexed clauses sharing the most rare character pairs
    /// with `key`, most first; ties go to the earlier clause.
    fn nearest(&mut self, key: &[char], limit: usize) -> Vec<usize> {
        let counts = &mut self.counts;
        let mut touched: Vec<u32> = Vec::new();
        for g in distinct_bigrams(key) {
            let Some(list) = self.postings.get(&g) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &k in list {
                if counts[k as usize] == 0 {
                    touched.push(k);
                }
                counts[k as usize] += 1;
            }
        }
        let order = |x: &u32, y: &u32| counts[*y as usize].cmp(&counts[*x as usize]).then(x.cmp(y));
        if touched.len() > limit {
            touched.select_nth_unstable_by(limit, order);
            touched.truncate(limit);
        }
        touched.sort_unstable_by(order);
        let found: Vec<usize> = touched.iter().map(|&k| k as usize).collect();
        for k in touched {
            counts[k as usize] = 0;
        }
        found
    }
}

/// The distinct adjacent character pairs of a key, sorted.
fn distinct_bigrams(key: &[char]) -> Vec<(char, char)> {
    let mut g: Vec<(char, char)> = key.windows(2).map(|w| (w[0], w[1])).collect();
    g.sort_unstable();
    g.dedup();
    g
}

/// Align the sections, annexes and clauses of two versions of a resolution.
pub fn align_resolution<'a>(
    old: &'a Resolution,
    new: &'a Resolution,
    lang: &Lang,
) -> ResolutionAlignment<'a> {
    let os = Side::build(old);
    let ns = Side::build(new);
    let nsec = old.sections.len();
    let mut cpairs: Vec<(usize, usize)> = pair_sections(&old.sections, &new.sections);
    cpairs.extend(
        pair_annexes(&old.annexes, &new.annexes)
            .into_iter()
            .map(|(i, j)| (i + nsec, j + new.sections.len())),
    );
    let mut m = Matcher {
        old: &os,
        new: &ns,
        lang,
        om: vec![None; os.nodes.len()],
        nm: vec![None; ns.nodes.len()],
        list_pairs: cpairs
            .iter()
            .map(|&(i, j)| (os.containers[i].1, ns.containers[j].1))
            .collect(),
        budget: MAX_SCORED_PAIRS,
        narrowed: None,
    };
    let initial = m.list_pairs.clone();
    // Round 1: equal keys within paired lists.
    for &lp in &initial {
        m.local(lp, false);
    }
    // Round 2: equal keys anywhere.
    let (o, n) = m.unpaired();
    let moved = [m.match_exact(&o, &n, false), m.match_exact(&o, &n, true)].concat();
    for lp in moved {
        m.local(lp, false);
    }
    // Round 3: similar texts within paired lists (children lists included).
    let mut k = 0;
    while k < m.list_pairs.len() {
        let lp = m.list_pairs[k];
        m.local(lp, true);
        k += 1;
    }
    // Round 4: similar texts anywhere.
    let (o, n) = m.unpaired();
    for lp in m.match_similar(&o, &n) {
        m.local(lp, true);
    }
    let (om, nm, list_pairs, narrowed) = (m.om, m.nm, m.list_pairs, m.narrowed);
    let mut result = build_result(&os, &ns, &om, &nm, &list_pairs, &cpairs);
    result.narrowed = narrowed;
    result
}

/// Indices (into `seq`) of one longest strictly increasing subsequence.
fn longest_increasing(seq: &[usize]) -> BTreeSet<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the tail of each length
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &v) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq[t] < v);
        prev[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = BTreeSet::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.insert(i);
        cur = prev[i];
    }
    out
}

fn build_result<'a>(
    os: &Side<'a>,
    ns: &Side<'a>,
    om: &[Option<usize>],
    nm: &[Option<usize>],
    list_pairs: &[(usize, usize)],
    cpairs: &[(usize, usize)],
) -> ResolutionAlignment<'a> {
    // Moves: across lists, or off the longest in-order run within a list.
    let paired_lists: BTreeSet<(usize, usize)> = list_pairs.iter().copied().collect();
    let mut moved = vec![false; os.nodes.len()];
    for (i, n) in om.iter().enumerate() {
        if let Some(j) = *n {
            moved[i] = !paired_lists.contains(&(os.nodes[i].list, ns.nodes[j].list));
        }
    }
    for &(a, b) in &paired_lists {
        let mut inlist: Vec<(usize, usize)> = os.lists[a]
            .iter()
            .filter_map(|&i| om[i].filter(|&j| ns.nodes[j].list == b).map(|j| (i, j)))
            .collect();
        inlist.sort_by_key(|&(i, _)| os.nodes[i].pos);
        let seq: Vec<usize> = inlist.iter().map(|&(_, j)| ns.nodes[j].pos).collect();
        let keep = longest_increasing(&seq);
        for (k, &(i, _)) in inlist.iter().enumerate() {
            if !keep.contains(&k) {
                moved[i] = true;
            }
        }
    }

    // Old positions → new positions, to place old-only items in the report.
    let mut ord_map: BTreeMap<usize, usize> = BTreeMap::new();
    for &(i, j) in cpairs {
        let (oo, no) = (os.containers[i].2, ns.containers[j].2);
        ord_map.insert(oo, no);
        ord_map.insert(oo + 1, no + 1);
    }
    for (i, n) in om.iter().enumerate() {
        if let Some(j) = *n {
            ord_map.insert(os.nodes[i].ord, ns.nodes[j].ord);
        }
    }
    let old_only = |ord: usize| -> ReportOrder {
        let anchor = ord_map.range(..ord).next_back().map_or(0, |(_, &n)| n);
        (anchor, 1, ord)
    };

    let mut containers = Vec::new();
    let mut old_paired = vec![false; os.containers.len()];
    let mut new_paired = vec![false; ns.containers.len()];
    for &(i, j) in cpairs {
        old_paired[i] = true;
        new_paired[j] = true;
        let ord = ns.containers[j].2;
        containers.push(ContainerPair {
            old: Some(os.containers[i].0),
            new: Some(ns.containers[j].0),
            order: (ord, 0, 0),
            intro_order: (ord + 1, 0, 0),
        });
    }
    for (j, c) in ns.containers.iter().enumerate() {
        if !new_paired[j] {
            containers.push(ContainerPair {
                old: None,
                new: Some(c.0),
                order: (c.2, 0, 0),
                intro_order: (c.2 + 1, 0, 0),
            });
        }
    }
    for (i, c) in os.containers.iter().enumerate() {
        if !old_paired[i] {
            containers.push(ContainerPair {
                old: Some(c.0),
                new: None,
                order: old_only(c.2),
                intro_order: old_only(c.2 + 1),
            });
        }
    }
    containers.sort_by_key(|c| c.order);

    let mut units = Vec::new();
    for (j, n) in ns.nodes.iter().enumerate() {
        let sides = match nm[j] {
            Some(i) => UnitSides::Both {
                old: os.unit(i),
                new: ns.unit(j),
                moved: moved[i],
            },
            None => UnitSides::NewOnly(ns.unit(j)),
        };
        units.push(UnitPair {
            sides,
            order: (n.ord, 0, 0),
        });
    }
    for (i, n) in os.nodes.iter().enumerate() {
        if om[i].is_none() {
            units.push(UnitPair {
                sides: UnitSides::OldOnly(os.unit(i)),
                order: old_only(n.ord),
            });
        }
    }
    units.sort_by_key(|u| u.order);
    ResolutionAlignment {
        containers,
        units,
        narrowed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;
    use crate::model::SectionKind::*;
    use crate::testkit::{clause, resolution, section};

    fn summary(a: &ResolutionAlignment) -> Vec<String> {
        a.units
            .iter()
            .map(|u| match &u.sides {
                UnitSides::Both {
                    old: o,
                    new: n,
                    moved,
                } => format!(
                    "{}{}:{}→{}:{}",
                    if *moved { "moved " } else { "" },
                    o.section,
                    o.label,
                    n.section,
                    n.label
                ),
                UnitSides::OldOnly(o) => format!("removed {}:{}", o.section, o.label),
                UnitSides::NewOnly(n) => format!("added {}:{}", n.section, n.label),
            })
            .collect()
    }

    const LONG: [&str; 6] = [
        "世界电信标准化全会关于研究组工作方法的规定",
        "国际电联电信标准化部门与其他标准制定组织的协作",
        "发展中国家参与标准制定工作的重要意义",
        "电信标准化局为研究组提供的支持和资源",
        "各研究组之间在共同关注议题上的协调",
        "成员国和部门成员对标准化工作的贡献",
    ];

    #[test]
    fn inserted_clause_renumbers_the_rest() {
        let labels = ["1", "2", "3", "4", "5", "6", "7"];
        let old: Vec<(&str, &str)> = labels.iter().copied().zip(LONG).collect();
        let mut texts = LONG.to_vec();
        texts.insert(1, "新插入的一项关于人工智能标准化的全新条款内容");
        let new: Vec<(&str, &str)> = labels.iter().copied().zip(texts).collect();
        let o = resolution("2", vec![section("做出决议", Resolves, None, &old)]);
        let n = resolution("2", vec![section("做出决议", Resolves, None, &new)]);
        let a = align_resolution(&o, &n, &ZH);
        assert_eq!(
            summary(&a),
            vec![
                "做出决议:1→做出决议:1",
                "added 做出决议:2",
                "做出决议:2→做出决议:3",
                "做出决议:3→做出决议:4",
                "做出决议:4→做出决议:5",
                "做出决议:5→做出决议:6",
                "做出决议:6→做出决议:7",
            ]
        );
    }

    #[test]
    fn clause_moved_to_another_section() {
        let o = resolution(
            "2",
            vec![
                section(
                    "认识到",
                    Recognizing,
                    None,
                    &[("a)", LONG[0]), ("b)", LONG[1])],
                ),
                section("注意到", Noting, None, &[("a)", LONG[2])]),
            ],
        );
        let n = resolution(
            "2",
            vec![
                section("认识到", Recognizing, None, &[("a)", LONG[0])]),
                section("注意到", Noting, None, &[("a)", LONG[2]), ("b)", LONG[1])]),
            ],
        );
        let s = summary(&align_resolution(&o, &n, &ZH));
        assert!(
            s.contains(&"moved 认识到:b)→注意到:b)".to_string()),
            "{s:?}"
        );
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn exact_match_elsewhere_beats_similar_neighbour() {
        // The old clause survives unchanged in another section, while a
        // similar but different clause takes its place here.
        let old_text = LONG[1];
        let similar_text = "国际电联电信标准化部门与其他标准制定组织的密切合作";
        let o = resolution(
            "2",
            vec![
                section("认识到", Recognizing, None, &[("a)", old_text)]),
                section("注意到", Noting, None, &[]),
            ],
        );
        let n = resolution(
            "2",
            vec![
                section("认识到", Recognizing, None, &[("a)", similar_text)]),
                section("注意到", Noting, None, &[("a)", old_text)]),
            ],
        );
        let s = summary(&align_resolution(&o, &n, &ZH));
        assert_eq!(s, vec!["added 认识到:a)", "moved 认识到:a)→注意到:a)"]);
    }

    #[test]
    fn swapped_clauses_report_one_move() {
        let old: Vec<(&str, &str)> = vec![("1", LONG[0]), ("2", LONG[1]), ("3", LONG[2])];
        let new: Vec<(&str, &str)> = vec![("1", LONG[0]), ("2", LONG[2]), ("3", LONG[1])];
        let o = resolution("2", vec![section("做出决议", Resolves, None, &old)]);
        let n = resolution("2", vec![section("做出决议", Resolves, None, &new)]);
        let a = align_resolution(&o, &n, &ZH);
        assert_eq!(
            a.units
                .iter()
                .filter(|u| matches!(u.sides, UnitSides::Both { moved: true, .. }))
                .count(),
            1
        );
    }

    #[test]
    fn children_align_within_their_parent() {
        let mut p_old = clause("1", LONG[0]);
        p_old.children = vec![clause("a)", LONG[1]), clause("b)", LONG[2])];
        let mut p_new = clause("1", LONG[0]);
        p_new.children = vec![clause("a)", LONG[2])];
        let mut so = section("做出决议", Resolves, None, &[]);
        so.clauses = vec![p_old];
        let mut sn = section("做出决议", Resolves, None, &[]);
        sn.clauses = vec![p_new];
        let (o, n) = (resolution("2", vec![so]), resolution("2", vec![sn]));
        let a = align_resolution(&o, &n, &ZH);
        assert_eq!(
            summary(&a),
            vec![
                "做出决议:1→做出决议:1",
                "removed 做出决议:1 a)",
                "做出决议:1 b)→做出决议:1 a)"
            ]
        );
    }

    #[test]
    fn longest_increasing_picks_the_run() {
        let keep = longest_increasing(&[0, 2, 1, 3]);
        assert_eq!(keep.len(), 3);
        assert!(keep.contains(&0) && keep.contains(&3));
    }
}
