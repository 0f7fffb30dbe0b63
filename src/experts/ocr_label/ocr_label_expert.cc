#include "experts/ocr_label/ocr_label_expert.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include <re2/re2.h>

#include "core/utf8.h"
#include "experts/ocr_label/joined_lines.h"
#include "experts/ocr_label/label_match.h"
#include "ocr/line_confidence.h"
#include "ocr/line_geometry.h"
#include "ocr/ocr_service.h"
#include "ocr/red_ink.h"
#include "rules/amount.h"
#include "rules/date.h"
#include "rules/plausibility.h"

namespace mixtract {
namespace {

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Whether the field's code holds letters besides X: its pattern names A-Z.
bool code_letters(const FieldSpec& field) {
  return field.kind == FieldKind::kCode && field.constraints.pattern.find("A-Z") != std::string::npos;
}

bool ends_text(char32_t c) {
  return c == U'，' || c == U',' || c == U'。' || c == U'；' || c == U';' || c == U'（' || c == U'(' || c == U' ' ||
         c == 0x3000 || c == U'、';
}

}  // namespace

namespace {

// What follows a label, from code point `begin` of `chars`: the value taken and where it stops.
struct Taken {
  std::vector<char32_t> value;
  std::size_t end = 0;
};

char32_t half_width_digit(char32_t c) {
  return c >= 0xFF10 && c <= 0xFF19 ? c - 0xFEE0 : c;
}

// A code: digits and X (full-width digits too), spaces between them skipped; with `letters`, any letter,
// made upper case. A seal's character read in among the digits or just before them (1036钧1200…, 浙1481…), or a
// letter between two digits of a code that takes none (a 6 read as F: 201F05…), stands as '?': the value is invalid,
// and reconciliation knows where the digit it hid would be. A speck or a grouping mark right before a digit and after
// one (104 .905176620…, 1053-3120…) is passed over: had it hidden a digit, the number is short and its validator says
// so. A comma is not such a mark: a date may follow the number.
Taken code_from(const std::vector<char32_t>& chars, std::size_t begin, bool letters) {
  constexpr std::u32string_view kStrayMarks = U".·'`-_";
  Taken out{{}, begin};
  for (; out.end < chars.size(); ++out.end) {
    char32_t c = half_width_digit(chars[out.end]);
    if (c == U' ') continue;
    if (kStrayMarks.find(c) != std::u32string_view::npos && !out.value.empty() && is_digit(out.value.back()) &&
        out.end + 1 < chars.size() && is_digit(half_width_digit(chars[out.end + 1]))) {
      continue;
    }
    const bool letter = (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
    const bool stray_letter =
        letter && !letters && c != U'X' && c != U'x' && !out.value.empty() && is_digit(out.value.back());
    if ((utf8::is_han(c) || stray_letter) && out.end + 1 < chars.size() &&
        is_digit(half_width_digit(chars[out.end + 1]))) {
      c = U'?';
    }
    if (c == U'?') {
      out.value.push_back(c);
      continue;
    }
    if (c >= U'a' && c <= U'z' && (letters || c == U'x')) c -= U'a' - U'A';
    if (!(is_digit(c) || c == U'X' || (letters && c >= U'A' && c <= U'Z'))) break;
    out.value.push_back(c);
  }
  return out;
}

// The longest piece from `begin`, of at most `longest` characters, that `parse` reads (as its normal
// form): 二〇一九年六月三 already reads as June 3, so the shortest would cut 三十日 short; ¥ 1,234.50 元, not
// 1,234.5.
template <typename Parse>
Taken longest_read(const std::vector<char32_t>& chars, std::size_t begin, std::size_t longest, Parse parse) {
  Taken out{{}, begin};
  const std::size_t limit = std::min(chars.size(), begin + longest);
  for (std::size_t stop = begin + 1; stop <= limit; ++stop) {
    const std::vector<char32_t> piece(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                      chars.begin() + static_cast<std::ptrdiff_t>(stop));
    if (const std::optional<std::string> read = parse(utf8::encode(piece))) {
      out.value = utf8::decode(*read);
      out.end = stop;
    }
  }
  return out;
}

// Text, up to the next punctuation; no text opens with an ASCII mark (a guilloche line read as /).
Taken text_from(const std::vector<char32_t>& chars, std::size_t& begin) {
  while (begin < chars.size() && chars[begin] < 0x80 && std::ispunct(static_cast<int>(chars[begin]))) ++begin;
  Taken out{{}, begin};
  for (; out.end < chars.size() && !ends_text(chars[out.end]); ++out.end) out.value.push_back(chars[out.end]);
  return out;
}

}  // namespace

std::optional<LabelledValue> value_after_label(const std::string& line, std::string_view label, FieldKind kind,
                                               bool code_letters) {
  const std::vector<char32_t> chars = utf8::decode(line);
  const std::vector<char32_t> wanted = utf8::decode(label);
  const std::size_t at = find_label(chars, wanted, 0);
  if (at == std::string::npos) return std::nullopt;
  std::size_t begin = at + wanted.size();
  // OCR may read the colon as a mark of a like shape (证书编号.1283…, 姓名，张伟): one right after the label is
  // passed over too.
  constexpr std::u32string_view kColonLike = U".·,，;；";
  if (begin < chars.size() && kColonLike.find(chars[begin]) != std::u32string_view::npos) ++begin;
  while (begin < chars.size() && is_separator(chars[begin])) ++begin;
  Taken taken;
  switch (kind) {
    case FieldKind::kCode: taken = code_from(chars, begin, code_letters); break;
    case FieldKind::kGender:
      taken.end = begin;
      if (begin < chars.size() && (chars[begin] == U'男' || chars[begin] == U'女')) taken.value = {chars[taken.end++]};
      break;
    case FieldKind::kDate:
      taken = longest_read(chars, begin, 16, [](const std::string& piece) -> std::optional<std::string> {
        const std::optional<Date> date = parse_date(piece);
        return date ? std::optional<std::string>(to_iso(*date)) : std::nullopt;
      });
      break;
    case FieldKind::kAmount: taken = longest_read(chars, begin, 24, parse_amount); break;
    default: taken = text_from(chars, begin);
  }
  if (taken.value.empty()) return std::nullopt;
  LabelledValue out;
  out.value = utf8::encode(taken.value);
  out.raw = utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                               chars.begin() + static_cast<std::ptrdiff_t>(taken.end)));
  out.first = begin;
  out.count = taken.end - begin;
  return out;
}

namespace {

bool holds_a_label(const std::string& text, std::span<const FieldSpec* const> fields) {
  const std::vector<char32_t> chars = utf8::decode(text);
  for (const FieldSpec* field : fields) {
    for (const std::string& label : field->hints.labels) {
      if (find_label(chars, utf8::decode(label), 0) != std::string::npos) return true;
    }
  }
  return false;
}

// How far two boxes share the same heights (negative when one is wholly above the other).
float shared_height(const Quad& a, const Quad& b) {
  return std::min(std::max(a[2].y, a[3].y), std::max(b[2].y, b[3].y)) -
         std::max(std::min(a[0].y, a[1].y), std::min(b[0].y, b[1].y));
}

// Whether `line` is another label's value: the nearest line left of it that holds a label and shares a
// third of its height or more (of two within a line height as near, the one sharing more) is not `label_line` (a
// table's next row, or another pair of its row).
bool another_labels_value(const OcrResult& ocr, std::size_t line, std::size_t label_line,
                          std::span<const FieldSpec* const> fields) {
  const Quad& value = ocr.lines[line].box;
  std::optional<std::size_t> nearest;
  const auto nearer = [&](std::size_t a, std::size_t b) {
    const Quad &box_a = ocr.lines[a].box, &box_b = ocr.lines[b].box;
    if (std::abs(right_of(box_a) - right_of(box_b)) > height_of(value)) return right_of(box_a) > right_of(box_b);
    return shared_height(box_a, value) > shared_height(box_b, value);
  };
  for (std::size_t other = 0; other < ocr.lines.size(); ++other) {
    const Quad& box = ocr.lines[other].box;
    if (other == line || shared_height(box, value) < height_of(value) / 3 ||
        right_of(box) > left_of(value) + height_of(value) / 2 ||
        (other != label_line && !holds_a_label(ocr.lines[other].text, fields))) {
      continue;
    }
    if (!nearest || nearer(other, *nearest)) nearest = other;
  }
  return nearest && *nearest != label_line;
}

// Whether the field's value is running text, which may go on in the lines below or wrap in its table
// cell: a school's or a major's name, or a text value not from a closed list (民族).
bool runs_on(const FieldSpec& field) {
  return field.kind == FieldKind::kSchool || field.kind == FieldKind::kMajor ||
         (field.kind == FieldKind::kText && field.constraints.values.empty());
}

// Lines after `value_line` that continue a text value: on a row below it and starting under it (lines
// right of it are another document's, beside this one, and lines wholly left of the label another
// column's: both are passed over), close below (within a line height of the lower edge of the line above,
// where they are: a tilted line's edge slopes), with no label of their own and not another label's value,
// starting no more than a character left of where the value starts (under the value, not under the
// labels). A line there printed far larger than the value, or running on past the value's first line
// (whose end is where the text wrapped), is not its next line but lies in its place: `in_the_way`.
struct Continuation {
  std::vector<std::size_t> lines;
  std::optional<std::size_t> in_the_way;
};
Continuation continuation_lines(const OcrResult& ocr, std::size_t label_line, std::size_t value_line,
                                std::size_t value_first, std::span<const FieldSpec* const> fields) {
  Continuation out;
  const OcrLine& label = ocr.lines[label_line];
  const float char_width =
      (label.box[1].x - label.box[0].x) / static_cast<float>(std::max<std::size_t>(1, utf8::length(label.text)));
  const Quad& value = ocr.lines[value_line].box;
  // Where the value starts: its line's start, or on the label's line, as many characters in.
  const float value_left =
      left_of(value) + (value_line == label_line ? char_width * static_cast<float>(value_first) : 0.0f);
  const float line_height = height_of(value);
  const Quad* above = &value;  // The lowest line taken so far.
  for (std::size_t next = value_line + 1; next < ocr.lines.size(); ++next) {
    const OcrLine& candidate = ocr.lines[next];
    if (candidate.box[0].y > bottom_at(*above, left_of(candidate.box)) + line_height) break;
    // The label itself, read after its value's first line, or a line wholly left of it: another column's
    // (a table's cell wrapped beside this one).
    if (next == label_line || right_of(candidate.box) < left_of(label.box)) continue;
    // Beside the value, or right of it: another document's line, read in between.
    if (candidate.box[0].y < (value[0].y + value[3].y) / 2 || left_of(candidate.box) > right_of(value)) continue;
    if (holds_a_label(candidate.text, fields) || another_labels_value(ocr, next, label_line, fields)) break;
    if (height_of(candidate.box) > 1.6f * line_height || right_of(candidate.box) > right_of(value) + char_width) {
      out.in_the_way = next;
      break;
    }
    if (left_of(candidate.box) < value_left - char_width) break;  // Under the labels: the next row.
    out.lines.push_back(next);
    above = &candidate.box;
  }
  return out;
}

// How far the middle of `box` lies from the row of `label` where `box` starts: the label's middle, its
// slant continued (on a tilted page a row's lines do not sit level).
float off_row(const Quad& label, const Quad& box) {
  const float run = label[1].x - label[0].x;
  const float slope = run > 1 ? (label[1].y - label[0].y) / run : 0;
  const float row_y = (label[0].y + label[3].y) / 2 + slope * (left_of(box) - (left_of(label) + right_of(label)) / 2);
  return std::abs((box[0].y + box[3].y) / 2 - row_y);
}

// The first line of the cell that holds `line`, beside the label line `index`: a value wrapped in a table
// cell is centred across the label's row, so its first line may lie above the label's middle, read before
// or after it. A line just above `line` (its lower edge within 0.6 of a line height of the top of `line`),
// starting where it starts, across the label's row still (its middle within 0.75 of a line height of the
// row's), holding no label and beside no other label, is an earlier line of the cell; at most two are
// climbed.
std::size_t first_of_its_cell(const OcrResult& ocr, std::size_t index, std::size_t line,
                              std::span<const FieldSpec* const> fields) {
  const Quad& label = ocr.lines[index].box;
  for (int climbed = 0; climbed < 2; ++climbed) {
    const Quad& box = ocr.lines[line].box;
    const float height = height_of(box);
    std::optional<std::size_t> above;
    for (std::size_t other = 0; other < ocr.lines.size() && !above; ++other) {
      const Quad& candidate = ocr.lines[other].box;
      const float gap = box[0].y - candidate[3].y;
      if (other != line && other != index && std::abs(left_of(candidate) - left_of(box)) < height &&
          gap > -0.3f * height && gap < 0.6f * height && off_row(label, candidate) < 0.75f * height &&
          !holds_a_label(ocr.lines[other].text, fields) && !another_labels_value(ocr, other, index, fields)) {
        above = other;
      }
    }
    if (!above) break;
    line = *above;
  }
  return line;
}

// The line that holds the value of the label line `index`: one beside it, on its row (as the label's own
// slant continues it) and right of it, within six line heights (lines further right are another
// document's, read in between, and are passed over) -- the first after it in reading order, else the
// nearest before it (on a tilted page, or in a table, the lines of one row are read out of order); else
// the first line after it just below it, never wholly left of it (another column's). nullopt when none,
// or when that line holds a label (the value is missing).
std::optional<std::size_t> line_after_label(const OcrResult& ocr, std::size_t index,
                                            std::span<const FieldSpec* const> fields) {
  const Quad& label = ocr.lines[index].box;
  const float height = height_of(label);
  const auto beside = [&](const Quad& box) {
    const float gap = left_of(box) - right_of(label);
    return gap > -height / 2 && gap <= 6 * height && off_row(label, box) < height / 2;
  };
  const auto usable = [&](std::optional<std::size_t> line) {
    return line && !holds_a_label(ocr.lines[*line].text, fields) ? line : std::nullopt;
  };
  std::optional<std::size_t> below;
  for (std::size_t next = index + 1; next < ocr.lines.size(); ++next) {
    const Quad& box = ocr.lines[next].box;
    if (box[0].y > label[3].y + 2 * height) break;
    if (beside(box)) return usable(first_of_its_cell(ocr, index, next, fields));
    if (!below && left_of(box) - right_of(label) <= 6 * height && right_of(box) >= left_of(label)) below = next;
  }
  std::optional<std::size_t> before;
  for (std::size_t earlier = 0; earlier < index; ++earlier) {
    const Quad& box = ocr.lines[earlier].box;
    if (beside(box) && (!before || left_of(box) < left_of(ocr.lines[*before].box))) before = earlier;
  }
  return usable(before ? first_of_its_cell(ocr, index, *before, fields) : below);
}

// The label as printed in a line: its characters, where they start (a code-point index) and whether one
// of them is misread.
struct PrintedLabel {
  std::string text;
  std::size_t at = 0;
  bool misread = false;
};

// `label` as printed in `text`: exactly, or with `misread` (labels of four characters or more only) one
// character misread (证书编量 for 证书编号); nullopt when absent.
std::optional<PrintedLabel> printed_label(const std::string& text, const std::string& label, bool misread) {
  const std::vector<char32_t> chars = utf8::decode(text);
  const std::vector<char32_t> wanted = utf8::decode(label);
  PrintedLabel out;
  out.at = find_label(chars, wanted, 0);
  if (out.at == std::string::npos && misread && wanted.size() >= 4) {
    out.at = find_label(chars, wanted, 1);
    out.misread = true;
  }
  if (out.at == std::string::npos) return std::nullopt;
  out.text = utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(out.at),
                                                chars.begin() + static_cast<std::ptrdiff_t>(out.at + wanted.size())));
  return out;
}

// Whether the `length` characters at `at` in `text` lie inside a word the field says holds a label of its but is
// none (hints.not_within: 证号 in 身份证号).
bool inside_another_word(const std::string& text, std::size_t at, std::size_t length, const FieldSpec& field) {
  for (const std::string& word : field.hints.not_within) {
    const std::optional<PrintedLabel> there = printed_label(text, word, false);
    if (there && there->at <= at && at + length <= there->at + utf8::length(word)) return true;
  }
  return false;
}

// Whether `printed`, the field's label `wanted` found in `text`, is part of another field's label printed
// over the same characters: a longer one that holds it (毕（结）业 in 毕（结）业日期, that one read exactly or
// with a character off), or, when `printed` has a character misread, any read exactly (授予单位, one off
// 授予学位, in 学位授予单位); or inside a word the field names as none of its labels (证号 in 身份证号).
bool part_of_another_label(const std::string& text, const PrintedLabel& printed, const std::string& wanted,
                           const FieldSpec& field, std::span<const FieldSpec* const> fields) {
  const std::size_t length = utf8::length(wanted);
  if (inside_another_word(text, printed.at, length, field)) return true;
  for (const FieldSpec* other : fields) {
    if (other == &field || other->name == field.name) continue;
    for (const std::string& label : other->hints.labels) {
      const bool holds_it = label.size() > wanted.size() && label.find(wanted) != std::string::npos;
      const std::optional<PrintedLabel> there = printed_label(text, label, holds_it);
      if (!there || there->at >= printed.at + length || printed.at >= there->at + utf8::length(label)) continue;
      if (holds_it || (printed.misread && !there->misread)) return true;
    }
  }
  return false;
}

// A code of the field's exact length standing alone on a line, for when its label cannot be read (a
// faded 公民身份号码): the gate's validator then decides. Less sure than a labelled value.
std::optional<FoundValue> code_without_label(const OcrResult& ocr, const FieldSpec& field) {
  const FieldConstraints& c = field.constraints;
  // Without a validator, a line of the right length is no evidence it is this field's code.
  if (field.kind != FieldKind::kCode || field.validator == Validator::kNone || !c.min_length ||
      c.min_length != c.max_length) {
    return std::nullopt;
  }
  static const std::string kAnchor = "\x01";  // Stands in for the label in value_after_label.
  for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
    const OcrLine& line = ocr.lines[index];
    const std::optional<LabelledValue> hit =
        value_after_label(kAnchor + line.text, kAnchor, field.kind, code_letters(field));
    if (!hit || hit->first != 1 || hit->value.size() != *c.min_length) continue;
    FoundValue found;
    found.candidate.field = field.name;
    found.candidate.value = hit->value;
    found.candidate.raw = hit->raw;
    found.candidate.confidence = 0.9 * lowest_confidence(line, 0, hit->count);
    found.candidate.evidence.push_back({"ocr_line:" + std::to_string(index), line.text, line.box});
    found.lines.push_back(index);
    return found;
  }
  return std::nullopt;
}

// How far right of a label's lines to read again: two line heights (a value's end under a seal), and for
// a code shorter than its field allows, room for the characters still missing, since a seal can hide the
// rest of a number from the page's line finder. Each missing character is given the width the lines'
// characters have on average, and at least 0.7 of a line height: a digit is narrower than a line is high,
// but digits set full-width or letter-spaced (１ ４ １ ６ …) are as wide as the label's Han characters.
int room_for_the_rest(const FieldSpec& field, const std::string& value, float line_height, float char_width) {
  const std::size_t wanted = field.kind == FieldKind::kCode ? field.constraints.max_length.value_or(0) : 0;
  const std::size_t found = utf8::length(value);
  const std::size_t missing = wanted > found ? wanted - found : 0;
  return static_cast<int>(2 * line_height + std::max(0.7f * line_height, char_width) * static_cast<float>(missing));
}

// A code whose value ends its box, continued by the digits that open the box beside it on its row (a
// gap where a seal or a crease is), when it is short and together they are not too long. (A digit may be
// lost in the gap: the validator then rejects the value and the re-read covers both boxes.)
void continue_code_beside(const OcrResult& ocr, const FieldSpec& field, const std::string& label,
                          const LabelledValue& hit, std::size_t value_line, FoundValue& found) {
  const OcrLine& holder = ocr.lines[value_line];
  const std::size_t next = value_line + 1;
  const std::optional<std::size_t> length = field.constraints.max_length;
  if (field.kind != FieldKind::kCode || hit.first + hit.count != utf8::length(holder.text) ||
      next >= ocr.lines.size() || !same_row(holder, ocr.lines[next]) || !length || hit.value.size() >= *length) {
    return;
  }
  const OcrLine& right = ocr.lines[next];
  std::optional<LabelledValue> more =
      value_after_label(label + " " + right.text, label, field.kind, code_letters(field));
  if (!more || more->first != utf8::length(label) + 1) return;
  // Boxes that overlap read their shared character twice (在线验证码：9 | 9CBE…): once is enough.
  if (!hit.value.empty() && !more->value.empty() && hit.value.size() + more->value.size() == *length + 1 &&
      hit.value.back() == more->value.front()) {
    more->value.erase(0, 1);
  }
  if (hit.value.size() + more->value.size() > *length) return;
  Candidate& candidate = found.candidate;
  candidate.value += more->value;
  candidate.raw += more->raw;
  candidate.confidence = std::min(candidate.confidence, static_cast<double>(lowest_confidence(right, 0, more->count)));
  candidate.evidence.push_back({"ocr_line:" + std::to_string(next), right.text, right.box});
  found.lines.push_back(next);
}

// A text value that ends its line, continued by the lines below that continue it, when the whole keeps
// the field's form: in a table, the line below is the next row's value (工学学士学位 over 英语) when that
// row's label went unread.
void continue_text_below(const OcrResult& ocr, const FieldSpec& field, std::span<const FieldSpec* const> all_fields,
                         std::size_t label_line, std::size_t value_line, std::size_t value_first, FoundValue& found) {
  const Continuation continuation = continuation_lines(ocr, label_line, value_line, value_first, all_fields);
  found.in_the_way = continuation.in_the_way;
  Candidate& candidate = found.candidate;
  std::string whole = candidate.value;
  for (const std::size_t more : continuation.lines) whole += ocr.lines[more].text;
  std::erase(whole, ' ');
  const auto has_its_form = [&field](const std::string& value) {
    return check_constraints(field, value).ok() && plausibility_problem(field.kind, value, nullptr).empty();
  };
  if (!has_its_form(whole) && has_its_form(candidate.value)) return;
  for (const std::size_t more : continuation.lines) {
    const OcrLine& below = ocr.lines[more];
    std::string text = below.text;
    std::erase(text, ' ');
    candidate.value += text;
    candidate.raw += below.text;
    candidate.confidence = std::min(candidate.confidence, static_cast<double>(lowest_confidence(below, 0, SIZE_MAX)));
    candidate.evidence.push_back({"ocr_line:" + std::to_string(more), below.text, below.box});
    found.lines.push_back(more);
  }
}

// A name that ends its line may go on at the next line's start, as a sentence wraps (学生刘伟 / 思，女，…):
// doubtful when the next line opens with one or two Han characters and a comma and the whole would still be a
// name's length.
void doubt_name_cut_at_line_end(const OcrResult& ocr, std::size_t value_line, FoundValue& found) {
  if (value_line + 1 >= ocr.lines.size()) return;
  static const re2::RE2 kTail("^(\\p{Han}{1,2})[，,]");
  std::string tail;
  if (!re2::RE2::PartialMatch(ocr.lines[value_line + 1].text, kTail, &tail)) return;
  Candidate& candidate = found.candidate;
  if (utf8::length(candidate.value) + utf8::length(tail) > 4) return;
  candidate.confidence = std::min(candidate.confidence, kDoubtfulReading);
  candidate.evidence.push_back(
      {"ocr_label", "the name ends its line and may go on at the next one's start ('" + tail + "')", std::nullopt});
}

// The value of the field's label `label`, printed on line `index`: after it on its line, else on the line
// line_after_label gives; nullopt when neither holds one.
std::optional<FoundValue> value_of_label(const OcrResult& ocr, const FieldSpec& field,
                                         std::span<const FieldSpec* const> all_fields, std::size_t index,
                                         const std::string& label) {
  std::size_t value_line = index;
  std::optional<LabelledValue> hit = value_after_label(ocr.lines[index].text, label, field.kind, code_letters(field));
  if (!hit) {
    const std::optional<std::size_t> next = line_after_label(ocr, index, all_fields);
    if (!next) return std::nullopt;
    value_line = *next;
    hit = value_after_label(label + " " + ocr.lines[value_line].text, label, field.kind, code_letters(field));
    if (!hit) return std::nullopt;
    hit->first -= utf8::length(label) + 1;
  }
  const OcrLine& holder = ocr.lines[value_line];
  FoundValue found;
  found.lines.push_back(index);
  if (value_line != index) found.lines.push_back(value_line);
  Candidate& candidate = found.candidate;
  candidate.field = field.name;
  candidate.value = hit->value;
  candidate.raw = hit->raw;
  candidate.confidence = lowest_confidence(holder, hit->first, hit->count);
  candidate.evidence.push_back({"ocr_line:" + std::to_string(value_line), holder.text, holder.box});
  continue_code_beside(ocr, field, label, *hit, value_line, found);
  const bool ends_its_line = hit->first + hit->count == utf8::length(holder.text);
  if (runs_on(field) && ends_its_line) {
    continue_text_below(ocr, field, all_fields, index, value_line, hit->first, found);
  }
  if (field.kind == FieldKind::kName && ends_its_line) doubt_name_cut_at_line_end(ocr, value_line, found);
  return found;
}

// The value after one of the field's labels in `ocr`'s lines, as find_labelled_value says, without its
// fallbacks.
std::optional<FoundValue> labelled_value_in(const OcrResult& ocr, const FieldSpec& field,
                                            std::span<const FieldSpec* const> all_fields) {
  // Longer labels first, wherever they are on the page: 证书编号 before 编号 (a sentence above may name another
  // certificate's 编号); of labels as long, the schema's first.
  std::vector<std::string> labels = field.hints.labels;
  std::stable_sort(labels.begin(), labels.end(),
                   [](const std::string& a, const std::string& b) { return utf8::length(a) > utf8::length(b); });
  // Labels as printed on any line first, so that a misreading allowed for (授予学位 in 学位授予单位, one
  // character off) does not take another field's label.
  for (const bool misread : {false, true}) {
    for (const std::string& wanted : labels) {
      for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
        const std::string& text = ocr.lines[index].text;
        const std::optional<PrintedLabel> printed = printed_label(text, wanted, misread);
        if (!printed || part_of_another_label(text, *printed, wanted, field, all_fields)) continue;
        const std::string& label = printed->text;
        if (std::optional<FoundValue> found = value_of_label(ocr, field, all_fields, index, label)) return found;
      }
    }
  }
  return std::nullopt;
}

// Whether `read` is `label` with one character misread (民旅 for 民族) or lost at either end (民).
bool blurred_label(const std::vector<char32_t>& read, const std::vector<char32_t>& label) {
  if (read.size() == label.size()) return find_label(read, label, 1) == 0;
  if (read.size() + 1 != label.size()) return false;
  return std::equal(read.begin(), read.end(), label.begin()) || std::equal(read.begin(), read.end(), label.begin() + 1);
}

// Whether a value confirms a label read blurred: one of the field's closed list (男, 汉), or of a pattern
// with digits in it (4年); a free text of any characters confirms nothing.
bool confirms_label(const FieldSpec& field, const std::string& value) {
  const FieldConstraints& c = field.constraints;
  if (!c.values.empty()) return std::find(c.values.begin(), c.values.end(), value) != c.values.end();
  return c.pattern.find("\\d") != std::string::npos && check_constraints(field, value).ok();
}

// A field whose values confirm their label (confirms_label: 民族, 学制) with the label read with one
// character wrong or lost (民旅汉, 民汉, 制4年 with the fragments of a row joined): a line that opens with the
// label so read and holds nothing more than a confirming value. Less sure than a labelled value
// (confidence times 0.9).
std::optional<FoundValue> value_after_blurred_label(const OcrResult& ocr, const FieldSpec& field) {
  const FieldConstraints& c = field.constraints;
  if (c.values.empty() && c.pattern.find("\\d") == std::string::npos) return std::nullopt;
  for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
    const OcrLine& line = ocr.lines[index];
    std::vector<char32_t> chars = utf8::decode(line.text);
    std::erase_if(chars, is_separator);
    for (const std::string& label : field.hints.labels) {
      const std::vector<char32_t> wanted = utf8::decode(label);
      if (wanted.size() < 2) continue;  // A one-character label read wrong is no label.
      for (const std::size_t length : {wanted.size(), wanted.size() - 1}) {
        if (chars.size() <= length) continue;
        const auto split = chars.begin() + static_cast<std::ptrdiff_t>(length);
        const std::string value = utf8::encode(std::vector<char32_t>(split, chars.end()));
        if (!confirms_label(field, value) || !blurred_label(std::vector<char32_t>(chars.begin(), split), wanted)) {
          continue;
        }
        FoundValue found;
        found.candidate.field = field.name;
        found.candidate.value = found.candidate.raw = value;
        const std::size_t first = utf8::length(line.text.substr(0, line.text.rfind(value)));
        found.candidate.confidence = 0.9 * lowest_confidence(line, first, utf8::length(value));
        found.candidate.evidence.push_back({"ocr_line:" + std::to_string(index), line.text, line.box});
        found.lines.push_back(index);
        return found;
      }
    }
  }
  return std::nullopt;
}

// At most this sure of a value that may go on beneath a line in the way of its next line.
constexpr double kMayGoOn = 0.5;

// The line in the place of `found`'s next line in `reading`, as evidence; nullopt when none.
std::optional<Evidence> line_in_the_way(const FoundValue& found, const OcrResult& reading) {
  if (!found.in_the_way) return std::nullopt;
  const OcrLine& line = reading.lines[*found.in_the_way];
  return Evidence{"in_the_way:ocr_line:" + std::to_string(*found.in_the_way), line.text, line.box};
}

// The candidate `found` in `reading`. When a line lies in the place of its next line, in this reading or
// (`on_the_page`) the page's, at most kMayGoOn sure, with that line in its evidence.
Candidate candidate_of(FoundValue found, const OcrResult& reading, std::optional<Evidence> on_the_page = std::nullopt) {
  std::optional<Evidence> in_the_way = line_in_the_way(found, reading);
  if (!in_the_way) in_the_way = std::move(on_the_page);
  Candidate candidate = std::move(found.candidate);
  if (in_the_way) {
    candidate.confidence = std::min(candidate.confidence, kMayGoOn);
    candidate.evidence.push_back(*std::move(in_the_way));
  }
  return candidate;
}

// `found` in a joined page told in the page's lines: each joined line by the first of its own.
FoundValue in_page_lines(FoundValue found, const JoinedLines& joined) {
  std::vector<std::size_t> lines;
  for (const std::size_t line : found.lines) {
    lines.insert(lines.end(), joined.origins[line].begin(), joined.origins[line].end());
  }
  found.lines = std::move(lines);
  if (found.in_the_way) found.in_the_way = joined.origins[*found.in_the_way].front();
  for (Evidence& evidence : found.candidate.evidence) {  // Each "ocr_line:N" there.
    const std::size_t line = std::stoul(evidence.source.substr(evidence.source.find(':') + 1));
    evidence.source = "ocr_line:" + std::to_string(joined.origins[line].front());
  }
  return found;
}

// Whether `read` holds a code of the field's whole length, no character of it unreadable, read at least
// half surely.
bool read_whole_and_surely(const FieldSpec& field, const Candidate& read) {
  const std::optional<std::size_t> length = field.constraints.max_length;
  return length && read.value.size() == *length && read.value.find('?') == std::string::npos && read.confidence >= 0.5;
}

// find_labelled_value on a page whose wrapped labels are joined already.
std::optional<FoundValue> value_on_page(const OcrResult& ocr, const FieldSpec& field,
                                        std::span<const FieldSpec* const> all_fields) {
  if (std::optional<FoundValue> found = labelled_value_in(ocr, field, all_fields)) return found;
  const JoinedLines joined = short_fragments_joined(ocr);
  const bool any_joined = joined.any_joined();
  if (any_joined) {
    if (std::optional<FoundValue> found = labelled_value_in(joined.ocr, field, all_fields)) {
      return in_page_lines(*std::move(found), joined);
    }
  }
  if (std::optional<FoundValue> found = value_after_blurred_label(ocr, field)) return found;
  if (any_joined) {
    if (std::optional<FoundValue> found = value_after_blurred_label(joined.ocr, field)) {
      return in_page_lines(*std::move(found), joined);
    }
  }
  return code_without_label(ocr, field);
}

}  // namespace

std::optional<FoundValue> find_labelled_value(const OcrResult& ocr, const FieldSpec& field,
                                              std::span<const FieldSpec* const> all_fields) {
  std::vector<std::string> labels;
  for (const FieldSpec* other : all_fields)
    labels.insert(labels.end(), other->hints.labels.begin(), other->hints.labels.end());
  const JoinedLines stacked = stacked_labels_joined(ocr, labels);
  if (!stacked.any_joined()) return value_on_page(ocr, field, all_fields);
  std::optional<FoundValue> found = value_on_page(stacked.ocr, field, all_fields);
  if (!found) return std::nullopt;
  return in_page_lines(*std::move(found), stacked);
}

BuiltinFactory OcrLabelExpert::factory(std::string engine, bool reread) {
  return [engine, reread](const ExpertOptions& options) -> Result<std::unique_ptr<Expert>> {
    if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
    MIXTRACT_RETURN_IF_ERROR(options.ocr->engine(engine).status());  // Fail early on missing models.
    return std::unique_ptr<Expert>(std::make_unique<OcrLabelExpert>(engine, reread, options.ocr));
  };
}

Status OcrLabelExpert::propose_rereads(const Document& document, const FoundValue& found, const OcrResult& reading,
                                       const FieldSpec& field, std::span<const FieldSpec* const> fields,
                                       bool faint_lines, std::vector<Candidate>& out) const {
  const Quad region = bounding_quad(reading, found.lines);
  const float line_height = height_of(reading.lines[found.lines.front()].box);
  std::size_t characters = 0;
  for (const std::size_t line : found.lines) characters += utf8::length(reading.lines[line].text);
  const float char_width =
      (right_of(region) - left_of(region)) / static_cast<float>(std::max<std::size_t>(characters, 1));
  const int extend_right = room_for_the_rest(field, found.candidate.value, line_height, char_width);
  // Running text's next line may be one the page's reading missed (a lone 号).
  const int extend_down = runs_on(field) ? static_cast<int>(1.5f * line_height) : 0;
  const std::optional<Evidence> in_the_way = line_in_the_way(found, reading);
  // Three times: as printed, with red ink faded out (a seal over the value), and with the seal's faint
  // trace whitened as well (its ring across a digit); the gate weighs them all. A code under red ink that
  // none of them read whole and surely is read a fourth time with the seal's solid parts flattened into the
  // paper (red print under a red star, which fades with the star).
  const bool code_under_red =
      field.kind == FieldKind::kCode && red_ink_share(document.image(), region) >= kRedInkOverLine;
  bool read_whole = false;
  for (const int pass : {0, 1, 2, 3}) {
    if (pass == 3 && (!code_under_red || read_whole)) break;
    RereadOptions options;
    options.extend_right = extend_right;
    options.extend_down = extend_down;
    options.drop_red = pass == 1 || pass == 2;
    options.whiten_faint = pass == 2;
    options.flatten_seal = pass == 3;
    options.faint_lines = faint_lines;
    MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> again, ocr_->reread(document, engine_, region, options));
    std::optional<FoundValue> second = find_labelled_value(*again, field, fields);
    if (!second) continue;
    Evidence& evidence = second->candidate.evidence.front();
    static constexpr std::array<const char*, 4> kSources = {
        "reread:", "reread_without_red:", "reread_whitened:", "reread_flattened:"};
    evidence.source = kSources[static_cast<std::size_t>(pass)] + evidence.source;
    read_whole = read_whole || read_whole_and_surely(field, second->candidate);
    out.push_back(candidate_of(*std::move(second), *again, in_the_way));
  }
  return Status();
}

std::optional<Evidence> another_labelled_code(const OcrResult& ocr, const FieldSpec& field, const FoundValue& found) {
  if (field.kind != FieldKind::kCode) return std::nullopt;
  const std::string& value = found.candidate.value;
  for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
    if (std::find(found.lines.begin(), found.lines.end(), index) != found.lines.end()) continue;
    for (const std::string& label : field.hints.labels) {
      const std::string& text = ocr.lines[index].text;
      const std::optional<PrintedLabel> printed = printed_label(text, label, false);
      if (!printed || inside_another_word(text, printed->at, utf8::length(label), field)) continue;
      const std::optional<LabelledValue> other = value_after_label(text, label, field.kind, code_letters(field));
      if (!other || other->value.size() != value.size() || other->value == value) continue;
      return Evidence{"ocr_line:" + std::to_string(index),
                      "another " + label + " on the page: " + other->value + " (" + ocr.lines[index].text + ")",
                      ocr.lines[index].box};
    }
  }
  return std::nullopt;
}

Status OcrLabelExpert::propose_field(const Document& document, std::optional<FoundValue> found, const OcrResult& ocr,
                                     const FieldSpec& field, std::span<const FieldSpec* const> fields,
                                     std::vector<Candidate>& out) const {
  if (!reread_) {
    if (!found) return Status();
    // A code read through a seal's red ink may have had a digit changed by it, and nothing else on the page
    // knows its digits: it stays under the route's bar, so that the route asks for the line read again.
    const bool under_red = field.kind == FieldKind::kCode &&
                           red_ink_share(document.image(), bounding_quad(ocr, found->lines)) >= kRedInkOverLine;
    Candidate candidate = candidate_of(*std::move(found), ocr);
    if (under_red) {
      candidate.confidence = std::min(candidate.confidence, unconfirmed_through_red(field.route.accept_confidence));
      candidate.evidence.push_back({"ocr_label", "read through a seal's red ink", std::nullopt});
    }
    out.push_back(std::move(candidate));
    return Status();
  }
  // Read the label's lines again, enlarged, and look for the value in that reading.
  if (found) return propose_rereads(document, *found, ocr, field, fields, false, out);
  // Not even the label was read (a seal over the whole line): the page again, red ink faded, and the line found
  // there read again in each view, as where the page's reading had it.
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> faded, ocr_->read_without_red(document, engine_));
  if (std::optional<FoundValue> second = find_labelled_value(*faded, field, fields)) {
    FoundValue on_faded_page = *second;
    on_faded_page.candidate.evidence.front().source =
        "page_without_red:" + on_faded_page.candidate.evidence.front().source;
    out.push_back(candidate_of(std::move(on_faded_page), *faded));
    return propose_rereads(document, *second, *faded, field, fields, false, out);
  }
  // A number (a field with a validator) in neither reading: a seal across its line may have lowered the
  // detector's score along all of it. The page's faint lines too, and the line found there re-read.
  if (field.validator == Validator::kNone) return Status();
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> faint, ocr_->read_faint_lines(document, engine_));
  if (std::optional<FoundValue> third = find_labelled_value(*faint, field, fields)) {
    return propose_rereads(document, *third, *faint, field, fields, true, out);
  }
  return Status();
}

Result<std::vector<Candidate>> OcrLabelExpert::propose(const Document& document,
                                                       std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, engine_));
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    std::optional<FoundValue> found = find_labelled_value(*ocr, *field, fields);
    const std::optional<Evidence> other = found ? another_labelled_code(*ocr, *field, *found) : std::nullopt;
    const std::size_t first = out.size();
    MIXTRACT_RETURN_IF_ERROR(propose_field(document, std::move(found), *ocr, *field, fields, out));
    for (std::size_t i = first; other && i < out.size(); ++i) {
      out[i].confidence = std::min(out[i].confidence, kDoubtfulReading);
      out[i].evidence.push_back(*other);
    }
  }
  return out;
}

}  // namespace mixtract
