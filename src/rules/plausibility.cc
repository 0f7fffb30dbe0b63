#include "rules/plausibility.h"

#include <span>

#include <re2/re2.h>

namespace mixtract {
namespace {

// Words printed as labels on certificates and ID cards, or beside a name (学员王小明, 王小明同志, 授予王小明); a name
// holding one was read from the wrong place.
constexpr std::string_view kLabelWords[] = {"姓名", "性别", "民族", "出生", "住址", "学生", "学员",
                                            "同学", "同志", "证书", "编号", "学校", "校名", "专业",
                                            "日期", "号码", "学位", "毕业", "授予"};

// Words of a document's title or set phrases, never part of a school's or a major's name.
constexpr std::string_view kTitleWords[] = {"证书", "毕业", "学位", "本校", "委员会", "性别", "出生", "编号"};

// Phrases shaped like a school that name none: 普通高等学校毕业证书.
constexpr std::string_view kGenericSchools[] = {"普通高等学校", "高等学校", "学校", "大学", "学院"};

std::string holds_one_of(std::string_view value, std::span<const std::string_view> words, std::string_view what) {
  for (std::string_view word : words) {
    if (value.find(word) != std::string_view::npos) {
      return "holds the label word " + std::string(word) + ", not " + std::string(what);
    }
  }
  return "";
}

std::string school_problem(std::string_view value, const SchoolTable* schools) {
  if (schools != nullptr && schools->find_by_name(value) != nullptr) return "";
  static const re2::RE2 kShape("\\p{Han}+(?:大学|学院|学校|研究院|研究所|分校|党校)(?:（\\p{Han}+）|\\(\\p{Han}+\\))?");
  if (!re2::RE2::FullMatch(value, kShape)) return "not in the school table and not shaped like a school's name";
  for (std::string_view generic : kGenericSchools) {
    if (value == generic) return "a generic phrase, not a school's name";
  }
  return holds_one_of(value, kTitleWords, "a school's name");
}

}  // namespace

std::string plausibility_problem(FieldKind kind, std::string_view value, const SchoolTable* schools) {
  switch (kind) {
    case FieldKind::kName: return holds_one_of(value, kLabelWords, "a name");
    case FieldKind::kSchool: return school_problem(value, schools);
    case FieldKind::kMajor: {
      static constexpr std::string_view kNotInMajors[] = {"证书", "毕业", "学位", "本校", "大学",
                                                          "学院", "性别", "出生", "攻读"};
      if (std::string problem = holds_one_of(value, kNotInMajors, "a major"); !problem.empty()) return problem;
      // A name cut where it wrapped: 机械设计制造及其 (自动化 on the next line).
      static constexpr std::string_view kConnectives[] = {"及其", "及", "与", "和", "、"};
      for (std::string_view connective : kConnectives) {
        if (value.ends_with(connective)) return "ends with " + std::string(connective) + ": cut short where it wrapped";
      }
      // A mode of study read into it: 函授汉语言文学 (of 在本校函授汉语言文学专业).
      for (std::string_view mode : {"函授", "业余", "脱产", "夜大", "网络教育", "全日制", "非全日制", "成人高等教育",
                                    "继续教育", "远程教育", "开放教育"}) {
        if (value.starts_with(mode)) return "starts with " + std::string(mode) + ": a mode of study, not a major";
      }
      // The word that marks a major read into it: 经济学学科 (of 经济学学科专业), 软件工程领域.
      for (std::string_view marker : {"学科", "专业", "领域"}) {
        if (value.ends_with(marker)) return "ends with " + std::string(marker) + ": the word that marks a major";
      }
      // The level printed after it read into it: 会计学（本科）.
      static const re2::RE2 kLevelInBrackets(".*[（(](?:专科|本科|硕士|博士|研究生).*[）)]");
      if (re2::RE2::FullMatch(value, kLevelInBrackets)) return "ends with the level in brackets, not part of a major";
      return "";
    }
    default: return "";
  }
}

}  // namespace mixtract
