// The OCR experts ("ppocr", "tesseract", "ppocr_reread"): read the page with their engine (through the
// run's shared OcrService) and take each field's value from the text that follows one of its printed
// labels (a label of four characters or more may have one misread; a label read exactly anywhere comes
// first, and a label inside another field's longer one is not it), as in 证书编号：106101201905007614
// or 性别 男; letters are compared without case, and a label that starts or ends with a letter is not read
// inside a word (TOTAL is not in SUBTOTAL). What follows is cut by the field's kind: a code keeps its leading
// digits (and X; a character read among or just before them, a seal's, stands as '?'), a date is read in any written
// form, an amount in any common form (¥1,234.50), a gender is its first character, other kinds run to
// the next punctuation; a code of letters and digits (a verification code) keeps its letters too. When
// nothing follows the label on its line, the value is the line beside it (a table's next cell, wherever
// it was read in order; of a value wrapped in its cell, the cell's first line) or else the next line below it
// (公民身份号码 above the number on ID cards); a label wrapped over two lines of its cell is read as one; a code
// continues into a box beside it on the same row (split by a seal); a school, a major or a text value (not one of a
// closed list of values) also takes the lines below that continue it, starting under the value (an address over two
// lines, a major wrapped in its cell), when the whole still has the field's form and is plausible; another label's
// value (a table's next row) never continues it. Where a line that cannot continue it lies in the
// place of its next line (printed far larger, or running on past where the value wrapped: a use written across a
// photocopy), the value may go on beneath it: its confidence is then at most 0.5. A code with a validator whose label
// is nowhere to be read is taken from a line that opens with a code of the field's exact length, and a value of a
// closed list (民族) or of a pattern with digits (学制 4年) from a line that holds its label with a character misread
// or lost and then nothing but the value (民旅汉, or 制 and 4年 read apart on one row; both confidence times 0.9). The
// confidence is the lowest character confidence of the value. "ppocr_reread" is the local-crop route: it finds the
// label on the PP-OCRv4 page reading, then reads the label's lines again, cropped (with room on the right: for a code
// found too short, room for the characters still missing; below running text, room for a next line the page's reading
// missed) and enlarged, as printed, with red ink faded out, and with a seal's faint trace whitened too (and a code
// under red ink that none of these read whole and surely, with the seal's solid parts flattened into the paper:
// seal_flattened), and proposes the value of each reading; where not even the label can be found on the page, it
// reads the whole page again with red ink faded and looks there, and for a number (a field with a validator) found
// there neither, reads the page once more keeping the lines its detector is less sure of (a seal across the line)
// and re-reads the number's line found there as above.
#ifndef MIXTRACT_EXPERTS_OCR_LABEL_OCR_LABEL_EXPERT_H_
#define MIXTRACT_EXPERTS_OCR_LABEL_OCR_LABEL_EXPERT_H_

#include <memory>
#include <optional>
#include <string>

#include "experts/expert_options.h"
#include "mixtract/expert.h"
#include "ocr/ocr.h"

namespace mixtract {

struct FoundValue;

class OcrLabelExpert final : public Expert {
 public:
  // `engine` is "ppocr" or "tesseract"; the engine itself is created on first use. With `reread`, the
  // expert is "<engine>_reread".
  static BuiltinFactory factory(std::string engine, bool reread = false);

  OcrLabelExpert(std::string engine, bool reread, std::shared_ptr<OcrService> ocr)
      : engine_(std::move(engine)),
        name_(reread ? engine_ + "_reread" : engine_),
        reread_(reread),
        ocr_(std::move(ocr)) {}

  std::string_view name() const override { return name_; }
  std::vector<std::string> page_reads() const override { return {engine_}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  // Reads the lines of `found` in `reading` again, enlarged (see above), with the faint lines kept or not,
  // and adds each reading's value to `out`.
  Status propose_rereads(const Document& document, const FoundValue& found, const OcrResult& reading,
                         const FieldSpec& field, std::span<const FieldSpec* const> fields, bool faint_lines,
                         std::vector<Candidate>& out) const;
  // Adds the candidates for `field` to `out`: `found` on the page (`ocr`) and its re-readings, or when it was not
  // found, what the page's other readings give.
  Status propose_field(const Document& document, std::optional<FoundValue> found, const OcrResult& ocr,
                       const FieldSpec& field, std::span<const FieldSpec* const> fields,
                       std::vector<Candidate>& out) const;

  std::string engine_;
  std::string name_;
  bool reread_;
  std::shared_ptr<OcrService> ocr_;
};

// The value that follows `label` in `line` for a field of `kind`, with the range of characters it
// covers (code points of line.text); nullopt when nothing usable follows. A code is digits and X, spaces
// between them skipped; with `code_letters` (a code of letters and digits, such as a verification code)
// any letter, made upper case. Exposed for tests.
struct LabelledValue {
  std::string value;
  std::string raw;
  std::size_t first = 0;  // Code-point index of the first character taken.
  std::size_t count = 0;
};
std::optional<LabelledValue> value_after_label(const std::string& line, std::string_view label, FieldKind kind,
                                               bool code_letters = false);

// The value of `field` in `ocr`, found by its labels as described above; `all_fields` are the labels
// that end a value spanning lines. Exposed for tests.
struct FoundValue {
  Candidate candidate;             // Field, value, raw, confidence and evidence (expert not set).
  std::vector<std::size_t> lines;  // The lines read: the label's first.
  // A line in the place of the value's next line that cannot be one: the value may go on beneath it.
  std::optional<std::size_t> in_the_way;
};
std::optional<FoundValue> find_labelled_value(const OcrResult& ocr, const FieldSpec& field,
                                              std::span<const FieldSpec* const> all_fields);

// For a code: another line of `ocr` holding one of the field's labels with another whole value after it (原证书
// 编号：… of a certificate issued again, named beside its own number), as evidence; nullopt when none. The
// expert then proposes `found` and its re-readings at most kDoubtfulReading sure: which of the two the page
// means, a person decides. Exposed for tests.
std::optional<Evidence> another_labelled_code(const OcrResult& ocr, const FieldSpec& field, const FoundValue& found);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_OCR_LABEL_OCR_LABEL_EXPERT_H_
