// Whether a value could be a value of a field kind at all, whatever the page: a school is a school
// (in the school table, or shaped like one), a name or a major holds no label or title word. The gate
// never chooses what fails here, and the certificate_text expert does not propose it.
#ifndef MIXTRACT_RULES_PLAUSIBILITY_H_
#define MIXTRACT_RULES_PLAUSIBILITY_H_

#include <string>
#include <string_view>

#include "mixtract/schema.h"
#include "rules/school_table.h"

namespace mixtract {

// "" when `value` is plausible for `kind`, else why not. `schools` may be null (no table to consult).
//   name:   holds no label word (姓名, 学生, 证书, 毕业, ...) nor a word of address (同学, 同志).
//   school: in `schools`; or ends in 大学, 学院, 学校, 研究院, 研究所, 分校 or 党校 (a campus in brackets
//           may follow) and holds no title or label word (证书, 毕业, 学位, 本校, 委员会, ...) and is no
//           generic phrase (普通高等学校, 高等学校).
//   major:  holds no title or label word (证书, 毕业, 学位, 本校, 大学, 学院, 性别, 出生) nor 攻读, and does
//           not end with a connective (及其, 及, 与, 和, 、: a name cut where it wrapped) or with 学科, 专业 or
//           领域 (the word that marks it), and
//           does not start with a mode of study (函授, 业余, 脱产, 夜大, 网络教育, 全日制, 非全日制,
//           成人高等教育, 继续教育, 远程教育, 开放教育) nor end
//           with a level in brackets (会计学（本科）).
// Other kinds: "" (their constraints and validators judge them).
std::string plausibility_problem(FieldKind kind, std::string_view value, const SchoolTable* schools);

}  // namespace mixtract

#endif  // MIXTRACT_RULES_PLAUSIBILITY_H_
