//! The review's messages in Chinese, in the terms of the ITU's Chinese
//! texts (第N号决议, 修订, 新增, 废止, 临时编号, 总结报告, 状态表, 历史行).

use super::ZH;
use super::messages::MessageWords;
use crate::model::YearPlace;

fn edition(yp: &YearPlace, revised: bool) -> String {
    ZH.edition_text(yp.year, &yp.place, revised)
}

/// Messages of the review of Chinese texts.
pub static ZH_MESSAGES: MessageWords = MessageWords {
    edition,
    joiner: "、",
    lists_joiner: "和",
    lists: ["新决议", "经修订的决议", "废止的决议"],
    places: [
        "上一版本",
        "首次出现处",
        "全文",
        "总结报告的新决议列表",
        "总结报告的经修订决议列表",
        "总结报告的废止决议列表",
        "总结报告的状态表",
        "总结报告的摘录",
    ],
    history_problems: [
        "年份与地点之间用了“；”而非“，”",
        "条目为空",
        "缺少年份",
        "年份后缺少“年”",
        "年份格式错误",
        "有年份而无地点",
    ],
    quoted_parts: ["章节标题", "条文"],
    duplicate: "第{id}号决议在本版本中出现两次：此处及{first_file}:{first_line}",
    header_edition: "版本标注为（{header}），但本版本所属全会为（{assembly}）",
    add_marked_revised: "新增（ADD）决议的版本标注中带有“修订版”",
    mod_not_marked_revised: "修订（MOD）决议的版本标注中缺少“修订版”",
    history_item: "历史行条目“{item}”不符合“YYYY年，地点”的格式：{problem}",
    history_amendments: "历史行中有年份而无地点的条目（{items}）：两届全会之间的修正，由脚注说明",
    history_end: "历史行未以本届全会（{assembly}）结尾",
    caption_id: "附件标题写的是第{written}号决议，但该附件属于第{id}号决议",
    caption_edition: "附件标题中的版本标注“{written}”与决议的版本标注不一致",
    malformed_year: ["版本标注中的年份“{year}”格式错误", "年份“{year}”格式错误"],
    cites_suppressed: "引用的第{number}号决议已被本届全会废止",
    cites_not_in_previous: "引用的第{number}号决议不在上一版本中（也不在本版本中）",
    cites_unknown: "引用的第{number}号决议在本系列决议中并不存在",
    this_assembly_earlier_edition: "引用第{number}号决议时称“本届全会”，却注明了更早一届全会的版本（{edition}）",
    cites_unrevised: "引用第{number}号决议时注明经本届全会（{assembly}）修订，但本版本中没有该决议的修订文本",
    stale_citation: [
        "引用第{numbers}号决议时注明（{written}），但本届全会修订了该决议：（{current}）",
        "引用第{numbers}号决议时注明（{written}），但本届全会修订了这些决议：（{current}）",
    ],
    template_field: "建议书所发布表格中的待填字段",
    unresolved_bracket: "文中遗留编辑用方括号（占位符）：“{bracket}”",
    declared_suppressed_no_sup: "总结报告称第{number}号决议已废止，但本版本中没有其废止（SUP）文本",
    sup_unlisted: "第{number}号决议有废止（SUP）文本，但总结报告未将其列为废止",
    mod_unlisted: "第{number}号决议有修订（MOD）文本，但总结报告的经修订决议列表中没有该决议",
    mod_status_differs: "第{number}号决议有修订（MOD）文本，但总结报告的状态表将其列为“{status}”",
    recommendation_mod_unlisted: "{id}建议书有修订（MOD）文本，但总结报告未将其列为经修订",
    revised_no_mod: "总结报告将第{number}号决议列为经修订，但本版本中没有其修订（MOD）文本",
    recommendation_revised_no_mod: "总结报告将{id}建议书列为经修订，但本版本中没有其修订（MOD）文本",
    provisional_id_spelling: "临时编号在文本中写作“{written}”，在总结报告中写作“{reported}”（第{number}号决议）",
    new_no_add: [
        "总结报告将第{number}号决议列为新决议，但本版本中没有其新增（ADD）文本",
        "总结报告将第{number}号决议（{provisional_id}）列为新决议，但本版本中没有其新增（ADD）文本",
    ],
    add_unlisted: "新增（ADD）文本{id}不在总结报告所列的新决议之中",
    title_differs: "第{number}号决议的标题在文本与总结报告（第{report_line}行）中不一致",
    new_unmapped: "总结报告将第{number}号决议计入新决议，但未给出其临时编号或标题",
    mapped_uncounted: "总结报告给出了第{number}号决议对应的临时编号，但未将其计入新决议",
    in_several_lists: "总结报告将第{number}号决议同时列为{lists}",
    status_in_other_list: "总结报告的状态表将第{number}号决议列为“{status}”，但其{list}列表（第{line}行）包含该决议",
    status_missing_from_list: "总结报告的状态表将第{number}号决议列为“{status}”，但其{list}列表中没有该决议",
    excerpt_section_missing: "总结报告摘录了第{id}号决议的“{heading}”部分，但文本中没有该部分",
    excerpt_clause_missing: "总结报告摘录的第{id}号决议的一段条文不在文本中",
    excerpt_differs: "总结报告对第{id}号决议{part}的摘录与文本（{file}:{line}）不一致",
    add_exists: "新增（ADD）的第{number}号决议在上一版本中已经存在",
    sup_unknown: "废止（SUP）的第{number}号决议在上一版本中并不存在",
    sup_still_present: "第{number}号决议已废止（SUP），但其文本仍在本版本中",
    mod_unchanged: "第{number}号决议标为修订（MOD），但其文本与上一版本相同",
    mod_unknown: "修订（MOD）的第{number}号决议在上一版本中并不存在",
    changed_unmarked: "第{number}号决议与上一版本不同，但未标为修订（MOD）",
    lost_unmarked: "第{number}号决议自上一版本以来删去了文字，但未标为修订（MOD）",
    declared_suppressed_present: "总结报告称第{number}号决议已废止，但其文本仍在本版本中",
};
