#include "mixtract/major_table.h"

#include <fstream>
#include <sstream>

#include "core/edit_distance.h"
#include "core/utf8.h"
#include "io/csv_reader.h"
#include "io/table_file.h"

namespace mixtract {
namespace {

std::u32string decode32(std::string_view text) {
  const std::vector<char32_t> chars = utf8::decode(text);
  return {chars.begin(), chars.end()};
}

}  // namespace

void MajorTable::add(std::string name) {
  if (name.empty() || names_.contains(name)) return;
  decoded_.push_back(decode32(name));
  names_.insert(std::move(name));
}

// The starter table: about a hundred common majors of the Ministry's catalogue.
constexpr std::string_view kStarterMajors[] = {
    "哲学",
    "经济学",
    "金融学",
    "国际经济与贸易",
    "财政学",
    "法学",
    "社会学",
    "政治学与行政学",
    "思想政治教育",
    "教育学",
    "学前教育",
    "小学教育",
    "体育教育",
    "汉语言文学",
    "汉语国际教育",
    "英语",
    "日语",
    "俄语",
    "法语",
    "德语",
    "翻译",
    "新闻学",
    "广告学",
    "历史学",
    "数学与应用数学",
    "信息与计算科学",
    "物理学",
    "应用物理学",
    "化学",
    "应用化学",
    "生物科学",
    "生物技术",
    "地理科学",
    "心理学",
    "应用心理学",
    "统计学",
    "机械工程",
    "机械设计制造及其自动化",
    "材料科学与工程",
    "能源与动力工程",
    "电气工程及其自动化",
    "电子信息工程",
    "通信工程",
    "自动化",
    "计算机科学与技术",
    "软件工程",
    "网络工程",
    "信息安全",
    "物联网工程",
    "数据科学与大数据技术",
    "人工智能",
    "土木工程",
    "建筑学",
    "城乡规划",
    "给排水科学与工程",
    "测绘工程",
    "化学工程与工艺",
    "制药工程",
    "交通运输",
    "交通工程",
    "环境工程",
    "环境科学",
    "食品科学与工程",
    "生物医学工程",
    "临床医学",
    "口腔医学",
    "预防医学",
    "中医学",
    "药学",
    "中药学",
    "护理学",
    "医学影像学",
    "工商管理",
    "市场营销",
    "会计学",
    "财务管理",
    "人力资源管理",
    "旅游管理",
    "行政管理",
    "公共事业管理",
    "信息管理与信息系统",
    "工程管理",
    "物流管理",
    "电子商务",
    "农学",
    "园艺",
    "动物医学",
    "林学",
    "音乐学",
    "美术学",
    "视觉传达设计",
    "环境设计",
    "产品设计",
    "数字媒体艺术",
    "舞蹈学",
    "戏剧影视文学",
    "广播电视编导",
};

MajorTable MajorTable::starter() {
  MajorTable table;
  for (std::string_view name : kStarterMajors) table.add(std::string(name));
  return table;
}

Result<MajorTable> MajorTable::load_csv(const std::filesystem::path& path) {
  const std::string source = path.string();
  MIXTRACT_ASSIGN_OR_RETURN(const std::string text, read_csv_text(path));
  MIXTRACT_ASSIGN_OR_RETURN(CsvRows rows, parse_csv(text, source));
  if (rows.empty()) return Status::invalid_argument(source + ": the major table is empty");
  int column = -1;
  for (std::size_t i = 0; i < rows[0].size() && column < 0; ++i) {
    if (rows[0][i] == "name" || rows[0][i] == "专业名称" || rows[0][i] == "专业") column = static_cast<int>(i);
  }
  if (column < 0)
    return Status::invalid_argument(source + ":1: the header needs a name column (name, 专业名称 or 专业)");
  MajorTable table;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto c = static_cast<std::size_t>(column);
    if (c >= rows[r].size() || rows[r][c].empty()) {
      return Status::invalid_argument(source + ":" + std::to_string(r + 1) + ": column " + rows[0][c] + " is empty");
    }
    table.add(rows[r][c]);
  }
  return table;
}

std::optional<MajorTable::Correction> MajorTable::correct(std::string_view value) const {
  if (value.empty() || names_.contains(value)) return std::nullopt;
  const std::u32string read = decode32(value);
  std::optional<Correction> best;
  bool tie = false;
  for (const std::u32string& name : decoded_) {
    const std::size_t allowed = name.size() / 4;
    if (allowed == 0 || (read.size() > name.size() + allowed) || (name.size() > read.size() + allowed)) continue;
    const std::size_t distance = edit_distance(read, name);
    if (distance > allowed) continue;
    if (!best || distance < best->distance) {
      best = Correction{utf8::encode(std::vector<char32_t>(name.begin(), name.end())), distance};
      tie = false;
    } else if (distance == best->distance) {
      tie = true;
    }
  }
  return tie ? std::nullopt : best;
}

}  // namespace mixtract
