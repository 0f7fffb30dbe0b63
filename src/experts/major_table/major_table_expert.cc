#include "experts/major_table/major_table_expert.h"

#include <algorithm>

#include "core/edit_distance.h"
#include "experts/page_chars.h"
#include "ocr/ocr_service.h"

namespace mixtract {
namespace {

struct Found {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool followed_by(const std::u32string& text, std::size_t at, std::u32string_view word) {
  return text.compare(at, word.size(), word) == 0;
}

bool preceded_by(const std::u32string& text, std::size_t at, std::u32string_view word) {
  return at >= word.size() && text.compare(at - word.size(), word.size(), word) == 0;
}

// Whether the name read at [begin, end) names something other than the holder's major: a degree's category,
// a school or a department after it, or a name of two characters away from 专业 (the header's rules).
bool names_something_else(const std::u32string& text, const Found& found) {
  for (std::u32string_view after : {U"学士", U"硕士", U"博士", U"大学", U"学院", U"院", U"系", U"校"}) {
    if (followed_by(text, found.end, after)) return true;
  }
  return found.end - found.begin < 3 && !followed_by(text, found.end, U"专业") &&
         !preceded_by(text, found.begin, U"专业");
}

// Whether the name read at [begin, end) is part of a longer name of the table whose other characters were
// misread (机械 and 自动化 of 机械设计制造及其自动化 read 机械设计制政及其自动化): the characters around it, as many
// as the longer name has, are within one edit per four characters of it, and at most half of the longer
// name's other characters differ (电子信息工程专业 is no misread 电子信息工程技术).
bool part_of_a_longer_name(const std::u32string& text, const Found& found, const std::vector<std::u32string>& names) {
  const std::u32string_view read(text.data() + found.begin, found.end - found.begin);
  for (const std::u32string& name : names) {
    if (name.size() <= read.size()) continue;
    for (std::size_t at = name.find(read); at != std::u32string::npos; at = name.find(read, at + 1)) {
      if (at > found.begin || found.begin - at + name.size() > text.size()) continue;
      const std::size_t distance = edit_distance(text.substr(found.begin - at, name.size()), name);
      if (distance <= name.size() / 4 && 2 * distance <= name.size() - read.size()) return true;
    }
  }
  return false;
}

// Every place a name of the table is read, the longest where names overlap, and none that is part of a
// longer name misread.
std::vector<Found> names_read(const std::u32string& text, const MajorTable& majors) {
  const std::vector<std::u32string>& names = majors.decoded_names();
  std::vector<Found> all;
  for (const std::u32string& wanted : names) {
    for (std::size_t at = text.find(wanted); at != std::u32string::npos; at = text.find(wanted, at + 1)) {
      all.push_back({at, at + wanted.size()});
    }
  }
  std::vector<Found> longest;
  for (const Found& f : all) {
    const bool inside_longer = std::any_of(all.begin(), all.end(), [&](const Found& other) {
      return other.begin <= f.begin && f.end <= other.end && other.end - other.begin > f.end - f.begin;
    });
    if (!inside_longer && !part_of_a_longer_name(text, f, names)) longest.push_back(f);
  }
  return longest;
}

}  // namespace

std::vector<Candidate> find_majors(const OcrResult& ocr, const MajorTable& majors, const SchoolTable& schools,
                                   const std::string& field) {
  const PageChars page = PageChars::of(ocr);
  const std::vector<SchoolTable::Match> school_names = schools.find_in_text(page.text, 3);
  std::vector<Found> majors_read;
  for (const Found& found : names_read(page.text, majors)) {
    const bool in_a_school = std::any_of(school_names.begin(), school_names.end(), [&](const SchoolTable::Match& s) {
      return s.distance == 0 && s.begin < found.end && found.begin < s.end;
    });
    if (!in_a_school && !names_something_else(page.text, found)) majors_read.push_back(found);
  }
  if (majors_read.empty()) return {};
  const std::string value = page.slice(majors_read.front().begin, majors_read.front().end);
  for (const Found& found : majors_read) {
    if (page.slice(found.begin, found.end) != value) return {};  // Two majors named: which is the holder's?
  }
  const Found& first = majors_read.front();
  Candidate candidate;
  candidate.field = field;
  candidate.value = value;
  candidate.raw = value;
  candidate.confidence = std::min(page.lowest_confidence(first.begin, first.end), kUnmarkedMajor);
  candidate.evidence = page.evidence(ocr, first.begin, first.end);
  candidate.evidence.push_back({"major_table", "'" + value + "' is in the table of majors", std::nullopt});
  return {candidate};
}

Result<std::unique_ptr<Expert>> MajorTableExpert::create(const ExpertOptions& options) {
  if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
  MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
  return std::unique_ptr<Expert>(
      std::make_unique<MajorTableExpert>(options.ocr, majors_of(options), schools_of(options)));
}

Result<std::vector<Candidate>> MajorTableExpert::propose(const Document& document,
                                                         std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, "ppocr"));
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    if (field->kind != FieldKind::kMajor) continue;
    std::vector<Candidate> found = find_majors(*ocr, *majors_, *schools_, field->name);
    std::move(found.begin(), found.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace mixtract
