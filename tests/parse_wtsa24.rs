//! The parser on the real WTSA-24 texts: identifiers, titles, structure,
//! artifacts, footnotes, trailing material and the nothing-lost invariant.

mod common;

use common::*;
use resdiff::model::{Clause, LabelFamily, Layout, OtherBlockKind, Resolution, SectionKind};
use std::collections::BTreeMap;

/// Action, identifier and joined title of every document of the WTSA-24
/// texts, in source order. Titles were checked against the source lines
/// joined by an independent script, and by eye for the two-line ones and
/// Res 74 (footnote digit removed).
const EXPECTED: &[(&str, &str, &str)] = &[
    ("MOD", "2", "国际电联电信标准化部门研究组的工作范围和职权"),
    ("MOD", "7", "与国际标准化组织和国际电工委员会的协作"),
    (
        "MOD",
        "11",
        "在研究涉及邮电两行业的业务时与万国邮政联盟协作",
    ),
    (
        "MOD",
        "18",
        "加强国际电联三个部门在共同关心的问题上的协调和合作",
    ),
    (
        "MOD",
        "20",
        "分配和管理国际电信编号、命名、寻址和标识资源的程序",
    ),
    (
        "MOD",
        "22",
        "授权电信标准化顾问组在两届世界电信标准化全会之间开展工作",
    ),
    ("MOD", "29", "国际电信网上的迂回呼叫程序"),
    (
        "MOD",
        "32",
        "在国际电联电信标准化部门的工作中加强电子工作方法的使用",
    ),
    ("MOD", "34", "自愿捐赠"),
    ("MOD", "40", "国际电联电信标准化部门工作中的监管和政策内容"),
    ("MOD", "43", "世界电信标准化全会的区域性筹备工作"),
    ("MOD", "44", "缩小发展中国家与发达国家之间的标准化工作差距"),
    ("MOD", "48", "国际化（多语文）域名"),
    ("MOD", "50", "网络安全"),
    ("MOD", "52", "抵制和打击垃圾信息"),
    ("MOD", "54", "国际电联电信标准化部门各研究组的区域组"),
    (
        "MOD",
        "55",
        "将性别平等观点纳入国际电联电信标准化部门的主要活动",
    ),
    (
        "MOD",
        "58",
        "鼓励建立和加强国家计算机事件响应团队，尤其是在发展中国家",
    ),
    (
        "MOD",
        "60",
        "应对标识/编号系统的演进及其与互联网协议系统/网络的融合所带来的挑战",
    ),
    (
        "MOD",
        "61",
        "抵制和打击对国际电信编号、命名、寻址和标识资源的挪用和滥用",
    ),
    (
        "MOD",
        "64",
        "促进、推动和加速向互联网协议第6版的过渡及其部署",
    ),
    ("MOD", "65", "主叫方号码传送、主叫线路标识和始发标识信息"),
    (
        "MOD",
        "67",
        "国际电联电信标准化部门在同等地位上对国际电联六种正式语文的使用和词汇标准化委员会",
    ),
    ("MOD", "68", "业界在国际电联电信标准化部门中不断演进的作用"),
    (
        "MOD",
        "70",
        "残疾人和有具体需求人士对电信/信息通信技术的无障碍获取",
    ),
    ("MOD", "72", "与人体暴露于电磁场相关的测量与评估关切"),
    ("MOD", "73", "信息通信技术、环境、气候变化和循环经济"),
    (
        "MOD",
        "74",
        "加强发展中国家部门成员参加国际电联电信标准化部门的工作",
    ),
    (
        "MOD",
        "76",
        "一致性和互操作性测试、向发展中国家提供帮助和未来可能采用的国际电联标志计划",
    ),
    (
        "MOD",
        "77",
        "加强国际电联电信标准化部门开展的软件定义网络标准化工作",
    ),
    ("MOD", "78", "改善获得电子卫生服务的信息通信技术应用和标准"),
    (
        "MOD",
        "79",
        "电信/信息通信技术在处理和控制电信和信息技术设备电子废弃物中的作用及其处理的方法",
    ),
    ("MOD", "84", "有关保护电信/信息通信技术业务用户的研究"),
    ("MOD", "88", "国际移动漫游"),
    (
        "MOD",
        "89",
        "推广信息通信技术的使用，缩小金融包容性方面的差距",
    ),
    (
        "MOD",
        "91",
        "加强对国际电联电信标准化部门所发布的编号方案信息电子资料库的访问",
    ),
    (
        "MOD",
        "92",
        "加强国际电联电信标准化部门与国际移动通信非无线部分相关的标准化活动",
    ),
    ("MOD", "93", "国际移动通信网络的互联互通"),
    (
        "MOD",
        "94",
        "国际电联电信标准化部门在基于云的事件数据技术领域开展的标准化工作",
    ),
    (
        "MOD",
        "96",
        "国际电联电信标准化部门开展打击假冒和篡改的电信/信息通信技术设备的研究",
    ),
    ("MOD", "97", "打击盗窃移动通信设备的行为"),
    (
        "MOD",
        "98",
        "为促进全球发展加强关于物联网、数字孪生和可持续智慧城市及社区的标准化活动",
    ),
    ("MOD", "99", "国际电联电信标准化部门研究组的重组"),
    ("MOD", "100", "非洲通用应急号码"),
    ("ADD", "COM4/DPI", "加强数字公共基础设施的标准化活动"),
    ("ADD", "COM4/MV", "促进和加强元宇宙的标准化工作"),
    ("ADD", "COM4/SDT", "加强可持续数字化转型方面的标准化活动"),
    (
        "ADD",
        "COM3/APT-NG",
        "加强下一代专家参与国际电联电信标准化部门的标准化活动",
    ),
    ("ADD", "COM4/VC", "促进和加强车辆通信的标准化活动"),
    ("ADD", "COM3/SP", "国际电联电信标准化部门的战略规划"),
    (
        "ADD",
        "COM4/AI",
        "国际电联电信标准化部门有关支持电信/信息通信技术的人工智能技术的标准化活动",
    ),
    ("ADD", "COM4/CLI-CL", "为应急通信提供手机衍生主叫位置信息"),
    ("MOD", "A.25", "ITU-T和其他组织之间相互采纳案文的一般性程序"),
];

#[test]
fn ids_actions_and_titles_in_source_order() {
    let doc = load(&wtsa24_texts());
    let got: Vec<(String, String, String)> = doc
        .resolutions
        .iter()
        .map(|r| {
            (
                r.action.map_or("", |a| a.as_str()).to_string(),
                r.id.clone(),
                r.title.text.clone(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = EXPECTED
        .iter()
        .map(|(a, i, t)| (a.to_string(), i.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
    let mods = doc
        .resolutions
        .iter()
        .filter(|r| r.action.map(|a| a.as_str()) == Some("MOD"))
        .count();
    assert_eq!(mods, 45, "44 MOD resolutions and the MOD of A.25");
    let a25 = resolution(&doc, "A.25");
    assert_eq!(a25.kind, resdiff::model::ResolutionKind::Recommendation);
}

#[test]
fn editions_and_history_lines() {
    let doc = load(&wtsa24_texts());
    for r in doc.resolutions.iter().filter(|r| r.id != "A.25") {
        let e = r.edition.as_ref().expect("edition");
        assert_eq!(e.year, Some(2024), "{}", r.id);
        assert_eq!(e.place.as_deref(), Some("新德里"), "{}", r.id);
        let is_add = r.action.map(|a| a.as_str()) == Some("ADD");
        assert_eq!(e.revised, !is_add, "{}", r.id);
        let h = r.history.as_ref().expect("history");
        let last = h.items.last().expect("items");
        assert_eq!(
            (last.year, last.place.as_deref()),
            (Some(2024), Some("新德里")),
            "{}",
            r.id
        );
        assert_eq!(
            r.assembly.as_ref().map(|a| a.text.as_str()),
            Some("世界电信标准化全会（2024年，新德里），"),
            "{}",
            r.id
        );
    }
    // Malformed items are read with their place recovered, not split.
    for id in ["60", "68"] {
        let h = resolution(&doc, id).history.as_ref().expect("history");
        assert_eq!(h.items.len(), 4, "{id}");
        assert!(
            h.items
                .iter()
                .all(|i| i.year.is_some() && i.place.is_some()),
            "{id}"
        );
    }
    // Res 2: items with a footnote digit and no place.
    let h = resolution(&doc, "2").history.as_ref().expect("history");
    assert_eq!(h.notes, vec![1, 2, 3]);
    assert!(h.text.contains("2009年；2012年，迪拜；2015年；2016年；"));
    // Res 18: the header's footnote digit is a reference, not part of the id.
    let r18 = resolution(&doc, "18");
    assert_eq!(r18.header.notes, vec![1]);
    assert_eq!(r18.header.text, "第18号决议（2024年，新德里，修订版）");
}

#[test]
fn section_counts_and_kinds() {
    let doc = load(&wtsa24_texts());
    let sections: Vec<_> = doc.resolutions[..52]
        .iter()
        .flat_map(|r| &r.sections)
        .collect();
    assert_eq!(sections.len(), 436);
    let operative = sections.iter().filter(|s| s.kind.is_operative()).count();
    assert_eq!((sections.len() - operative, operative), (197, 239));
    // Every resolution opens with a preambular section.
    for r in &doc.resolutions[..52] {
        assert!(!r.sections[0].kind.is_operative(), "{}", r.id);
    }
    let intros = sections.iter().filter(|s| s.intro.is_some()).count();
    assert_eq!(intros, 9);
    let r74 = resolution(&doc, "74");
    let s = r74
        .sections
        .iter()
        .find(|s| s.heading == "责成电信标准化局主任与电信发展局主任密切协作，")
        .expect("heading with trailing comma");
    assert_eq!(
        s.intro.as_ref().map(|i| i.text.as_str()),
        Some("在可用资源范围内，")
    );
    let r98 = resolution(&doc, "98");
    assert!(r98.sections.iter().any(|s| s.kind == SectionKind::ResolvesInstructs
        && s.heading == "做出决议，责成国际电联电信标准化部门第20、17和2研究组根据第２号决议规定的工作范围和职权"));
    let r97 = resolution(&doc, "97");
    assert!(r97.sections.iter().any(|s| s.addressee.as_deref()
        == Some(
            "国际电联电信标准化部门第11研究组和第17研究组在其职权范围内并与其它感兴趣的研究组协作"
        )));
}

fn top_labels(r: &Resolution, heading: &str) -> Vec<String> {
    r.sections
        .iter()
        .find(|s| s.heading == heading)
        .unwrap_or_else(|| panic!("{}: no section {heading}", r.id))
        .clauses
        .iter()
        .map(|c| c.label.as_ref().map_or("¶".into(), |l| l.raw.clone()))
        .collect()
}

#[test]
fn nesting_examples_from_the_texts() {
    let doc = load(&wtsa24_texts());
    let r22 = resolution(&doc, "22");
    let s = r22
        .sections
        .iter()
        .find(|s| s.heading == "做出决议")
        .expect("resolves");
    assert_eq!(s.clauses.len(), 7);
    assert_eq!(s.clauses[0].children.len(), 17, "a)–q) under 1");
    let r73 = resolution(&doc, "73");
    assert_eq!(
        top_labels(r73, "认识到"),
        ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)"]
    );
    let h = &r73
        .sections
        .iter()
        .find(|s| s.heading == "认识到")
        .expect("s")
        .clauses[7];
    let kids: Vec<_> = h
        .children
        .iter()
        .map(|c| c.label.as_ref().map(|l| (l.raw.clone(), l.family)))
        .collect();
    assert_eq!(
        kids,
        vec![
            Some(("i)".into(), LabelFamily::Roman)),
            Some(("ii)".into(), LabelFamily::Roman)),
            Some(("iii)".into(), LabelFamily::Roman))
        ]
    );
    let r72 = resolution(&doc, "72");
    assert_eq!(
        top_labels(r72, "做出决议"),
        [
            "i)", "ii)", "iii)", "iv)", "v)", "vi)", "vii)", "viii)", "ix)", "x)"
        ]
    );
    let r44 = resolution(&doc, "44");
    assert_eq!(
        top_labels(
            r44,
            "责成电信标准化局主任与电信发展局主任和无线电通信局主任协作"
        )
        .len(),
        18
    );
}

/// Check that labels of one family continue each other within a list.
fn check_sequence(clauses: &[Clause], where_: &str, bad: &mut Vec<String>) {
    let mut last: BTreeMap<LabelFamily, u32> = BTreeMap::new();
    for c in clauses {
        if let Some(l) = &c.label
            && !matches!(
                l.family,
                LabelFamily::Bullet | LabelFamily::Dash | LabelFamily::Decimal | LabelFamily::Note
            )
        {
            let prev = last.get(&l.family).copied().unwrap_or(0);
            if l.ordinal != prev + 1 {
                bad.push(format!(
                    "{where_}: {} after {prev} (l.{})",
                    l.raw, c.span.first_line
                ));
            }
            last.insert(l.family, l.ordinal);
        }
        check_sequence(
            &c.children,
            &format!("{where_} > {}", c.label.as_ref().map_or("¶", |l| &l.raw)),
            bad,
        );
    }
}

#[test]
fn clause_labels_are_in_sequence_in_every_list() {
    let doc = load(&wtsa24_texts());
    let mut bad = Vec::new();
    for r in &doc.resolutions {
        for s in &r.sections {
            check_sequence(&s.clauses, &format!("{} {}", r.id, s.heading), &mut bad);
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn no_artifact_reaches_any_text_field() {
    for path in [wtsa24_texts(), res101_published()] {
        let doc = load(&path);
        for r in &doc.resolutions {
            let bodies: Vec<&str> = r.footnotes.iter().map(|f| f.text.as_str()).collect();
            for (name, text) in text_fields(r) {
                let ctx = format!("{} {name}: {text:?}", r.id);
                assert!(!text.contains('\n'), "embedded newline in {ctx}");
                assert!(!text.contains("_____"), "separator in {ctx}");
                assert!(!text.contains("[bookmark"), "bookmark in {ctx}");
                assert!(!text.contains("[footnoteRef"), "footnote ref in {ctx}");
                assert!(!text.contains("image1.png"), "image name in {ctx}");
                assert!(
                    !text.contains("WTSA-24 – 第101号决议"),
                    "page footer in {ctx}"
                );
                assert!(
                    !text.contains("https://www.itu.int/dms"),
                    "hyperlink target in {ctx}"
                );
                assert!(
                    !text.starts_with(' ') && !text.ends_with(' '),
                    "edge space in {ctx}"
                );
                assert!(
                    !text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)),
                    "sentinel in {ctx}"
                );
                assert!(
                    text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()),
                    "page number in {ctx}"
                );
                if !name.starts_with("footnote") {
                    for b in &bodies {
                        assert!(!text.contains(b), "footnote body in {ctx}");
                    }
                }
            }
        }
    }
}

#[test]
fn footnotes_are_attached_with_numbers() {
    let doc = load(&wtsa24_texts());
    let total: usize = doc.resolutions.iter().map(|r| r.footnotes.len()).sum();
    assert_eq!(total, 52);
    for r in &doc.resolutions {
        for f in &r.footnotes {
            assert!(
                !f.referenced_at.is_empty(),
                "{} footnote {} unreferenced",
                r.id,
                f.mark
            );
        }
    }
    let r2 = resolution(&doc, "2");
    let marks: Vec<&str> = r2.footnotes.iter().map(|f| f.mark.as_str()).collect();
    assert_eq!(marks, ["1", "2", "3", "4", "5"]);
    // Look-alikes stay text.
    let all: String = doc
        .resolutions
        .iter()
        .flat_map(|r| text_fields(r).into_iter().map(|(_, t)| t))
        .collect();
    for kept in [
        "（HTML）5",
        "增补1",
        "支柱2",
        "SDG 9",
        "增补6",
        "战略目标1（普遍连接",
        "修正案1（2009年）",
    ] {
        assert!(all.contains(kept), "{kept} lost");
    }
    let r74 = resolution(&doc, "74");
    assert_eq!(r74.title.notes, vec![1]);
    let published = load(&res101_published());
    assert_eq!(published.resolutions[0].footnotes.len(), 1);
    assert_eq!(published.layout, Layout::Word);
}

#[test]
fn trailing_material_is_not_resolution_text() {
    let doc = load(&wtsa24_texts());
    let a25 = doc.resolutions.last().expect("A.25");
    assert_eq!(a25.id, "A.25");
    assert_eq!(a25.annexes.last().map(|a| a.name.as_str()), Some("附录二"));
    assert_eq!(a25.span.last_line, 11843);
    let kinds: Vec<OtherBlockKind> = doc.other_blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            OtherBlockKind::CommitteeActions,
            OtherBlockKind::LeadershipList,
            OtherBlockKind::QuestionTable
        ]
    );
    assert_eq!(doc.other_blocks[0].span.first_line, 11844);
    for r in &doc.resolutions {
        for (name, text) in text_fields(r) {
            for bad in [
                "编号 行动",
                "组 名单 成员国",
                "课题号 课题标题",
                "第3/1委员会",
            ] {
                assert!(
                    !text.contains(bad),
                    "{} {name} holds trailing material",
                    r.id
                );
            }
        }
    }
}

#[test]
fn annexes_with_names_titles_and_captions() {
    let doc = load(&wtsa24_texts());
    let got: Vec<(String, String, Option<String>)> = doc
        .resolutions
        .iter()
        .flat_map(|r| {
            r.annexes.iter().map(move |a| {
                (
                    r.id.clone(),
                    a.name.clone(),
                    a.title.as_ref().map(|t| t.text.clone()),
                )
            })
        })
        .collect();
    let want: Vec<(String, String, Option<String>)> = [
        ("2", "附件A", None),
        ("2", "附件B", Some("国际电联电信标准化部门研究组制定2022年之后工作计划的指导要点")),
        ("2", "附件C", Some("2025-2028年研究期内国际电联电信标准化部门各研究组和电信标准化顾问组负责的建议书清单")),
        ("18", "附件A", Some("合作的程序方法")),
        ("18", "附件B", Some("通过跨部门协调组协调无线电通信、标准化和发展活动")),
        ("18", "附件C", Some("通过跨部门报告人组协调无线电通信、电信标准化和发展活动")),
        ("29", "后附资料", Some("各主管部门和由成员国授权的国际电信运营商或运营机构磋商迂回呼叫程序问题的建议导则")),
        ("44", "附件", Some("实施全权代表大会第123号决议（2022年，布加勒斯特，修订版）的行动计划")),
        ("67", "附件", Some("词汇标准化委员会的职责范围")),
        ("A.25", "附录一", Some("采纳另一组织案文的工作流程")),
        ("A.25", "附录二", Some("记载研究组或工作组决定的文件格式")),
    ]
    .iter()
    .map(|(r, n, t)| (r.to_string(), n.to_string(), t.map(str::to_string)))
    .collect();
    assert_eq!(got, want);
    let r29 = resolution(&doc, "29");
    assert_eq!(
        r29.annexes[0].caption.as_ref().map(|c| c.text.as_str()),
        Some("（第29号决议（20204年，新德里，修订版））")
    );
    assert_eq!(
        r29.annexes[0].caption.as_ref().map(|c| c.span.first_line),
        Some(2646)
    );
}

#[test]
fn published_101_has_the_structure_of_com4_ai() {
    let conf = load(&wtsa24_texts());
    let publ = load(&res101_published());
    assert_eq!(publ.resolutions.len(), 1);
    let a = resolution(&conf, "COM4/AI");
    let b = &publ.resolutions[0];
    assert_eq!(b.id, "101");
    assert_eq!(b.action, None);
    let shape = |r: &Resolution| -> Vec<(String, SectionKind, Option<String>, Vec<String>)> {
        r.sections
            .iter()
            .map(|s| {
                let all: Vec<&Clause> = s.clauses.iter().flat_map(Clause::descendants).collect();
                (
                    s.heading.clone(),
                    s.kind,
                    s.addressee.clone(),
                    all.iter()
                        .map(|c| c.label.as_ref().map_or("¶".into(), |l| l.raw.clone()))
                        .collect(),
                )
            })
            .collect()
    };
    assert_eq!(shape(a), shape(b));
    assert_eq!(a.sections.len(), 8);
    assert_eq!(a.title.text, b.title.text);
    // The front matter of the published text is not resolution text.
    assert_eq!(publ.other_blocks[0].kind, OtherBlockKind::FrontMatter);
}

/// Every non-artifact character of a resolution's source lines appears in
/// its model, and the model holds nothing else.
#[test]
fn no_text_is_lost() {
    for path in [wtsa24_texts(), res101_published()] {
        let raw = std::fs::read_to_string(&path).expect("read");
        // Over the whole file, outside resolutions too.
        let lost = lost_chars(&raw).expect("decodes");
        assert!(lost.is_empty(), "{}: {lost:?}", path.display());
        let lines: Vec<&str> = raw.split('\n').collect();
        let src =
            resdiff::ingest::decode("t", raw.as_bytes(), &Default::default()).expect("decode");
        let norm = resdiff::normalize::normalize(&src);
        let doc = load(&path);
        for r in &doc.resolutions {
            let mut counts = BTreeMap::new();
            for n in r.span.first_line..=r.span.last_line {
                let mut line = lines[n as usize - 1].replace('\u{a0}', " ");
                for a in norm.artifacts.iter().filter(|a| a.line == n) {
                    line = line.replacen(&a.text, "", 1);
                }
                // Word inline footnote syntax around what the model keeps.
                line = strip_word_footnote_syntax(&line);
                chars_of(&line, &mut counts, 1);
            }
            model_chars(r, &mut counts);
            counts.retain(|_, v| *v != 0);
            assert!(
                counts.is_empty(),
                "{} ({}): {counts:?}",
                r.id,
                path.display()
            );
        }
    }
}

#[test]
fn same_model_whatever_the_encoding() {
    let raw = std::fs::read_to_string(wtsa24_texts()).expect("read");
    let parse = |bytes: &[u8]| {
        let src = resdiff::ingest::decode("t", bytes, &Default::default()).expect("decode");
        let norm = resdiff::normalize::normalize(&src);
        resdiff::parse::parse_document(&src, &norm, &Default::default()).resolutions
    };
    let base = parse(raw.as_bytes());
    assert_eq!(base.len(), 53);
    let (gb, _, _) = encoding_rs::GB18030.encode(&raw);
    assert_eq!(parse(&gb), base, "GB18030");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in raw.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(parse(&utf16), base, "UTF-16LE with BOM");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(raw.as_bytes());
    assert_eq!(parse(&bom), base, "UTF-8 with BOM");
}
