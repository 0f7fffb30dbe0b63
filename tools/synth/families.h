// Layout families of certificates, ID cards and verification reports: each draws a document in its own
// wording, layout, numerals and labels (an ID card: on its own page), so that a benchmark can develop on some families
// and measure on the others (leave-one-family-out). A family marked held_out was written after the extraction's cues
// were last changed, from wordings and pages those cues were not written against: its figures are the ones that say how
// the engine does on documents it has not seen.
#ifndef MIXTRACT_TOOLS_SYNTH_FAMILIES_H_
#define MIXTRACT_TOOLS_SYNTH_FAMILIES_H_

#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/education.h"
#include "synth_types.h"

namespace mixtract::synth {

enum class Layout {
  kLandscape,  // Photo on the left, the body to its right (most 毕业证书).
  kPortrait,   // Title, photo above the body (most 学位证书).
};

// What a certificate page shows, top to bottom.
struct CertificateText {
  Layout layout = Layout::kLandscape;
  std::vector<std::string> title;        // Centred; the last line is the largest.
  std::string body;                      // The official sentence, wrapped to the page; "" = none.
  std::vector<std::string> labels;       // Label rows below the body (姓名：张伟), one per row.
  std::vector<std::string> footer;       // The issuer's rows (校名：四川大学, 校长：王建国).
  std::string number;                    // The certificate number, printed after number_label.
  std::string date;                      // The issue date as printed.
  std::string seal;                      // The issuer's name around the seal.
  bool ornaments = false;                // A row of repeated glyphs along the top and bottom borders.
  std::vector<std::string> beside = {};  // Rows in a column right of the body, which then keeps to the left
                                         // half (a translation).
  int body_width = 0;                    // The body's width in pixels, centred on the page; 0 = the page's.
  // What the number is printed after.
  std::string number_label = "证书编号：";
};

// ID cards have one official layout; their families are the pages a card reaches us on.
enum class CardPage {
  kNone,        // Not an ID card.
  kFront,       // The card's front alone, photographed or scanned.
  kPhotocopy,   // Both sides copied onto a sheet of A4, in grey, often with a use written across them.
  kSideBySide,  // Both sides next to each other on a desk, photographed, each turned a little.
  kInHand,      // The front held in a hand, photographed at a slant, a thumb and a lamp's glare on it.
};

// Verification reports (学信网's 备案表, a degree's online verification report): a title, a table of label
// and value cells, an online verification code and the QR code that carries it.
struct ReportCell {
  std::string label;
  std::string value;
};

// How a report's table prints each label/value pair.
enum class ReportCells {
  kBeside,  // A shaded label cell, the value's cell to its right.
  kColon,   // 标签：值, no rules drawn.
  kAbove,   // One ruled cell a pair: the label small at its top, the value under it.
};

struct ReportText {
  std::vector<std::string> title;             // Centred rows; the last is the largest.
  std::vector<std::string> header;            // Right-aligned rows between the title and the table.
  std::vector<std::vector<ReportCell>> rows;  // The table: one or two label/value pairs a row.
  bool photo_in_table = true;                 // The holder's photo in the table, right of the first rows;
                                              // else above the table's right end.
  std::string code_line;                      // The verification code's row as printed.
  bool code_on_top = false;                   // The code's row above the table, else below it.
  std::string qr_text;                        // What the QR code encodes.
  std::vector<std::string> notes;             // Small print under the table.
  ReportCells cells = ReportCells::kBeside;
  bool wrap_values = false;  // A value too long for its cell wraps inside it (else shrinks).
  bool scanned = false;      // Printed, then scanned in grey.
};

// What a report says beyond the person and the credential, drawn once for its page and its truth.
struct ReportFacts {
  std::string code;            // The online verification code: 16 of A-Z and 0-9.
  Date updated;                // When the record was last updated (or the report made).
  std::string education_type;  // 学历类别: 普通高等教育, 成人高等教育.
  std::string study_mode;      // 学习形式: 普通全日制, 业余, 函授.
};

struct Family {
  std::string_view name;
  DocumentKind kind;
  bool held_out;
  // Whether the family prints a credential of this level (研究生毕业证书 only for 硕士 and 博士).
  bool (*prints)(EducationLevel level);
  // Certificates: what the page says. nullptr for ID cards.
  CertificateText (*write)(const Person& person, const Credential& credential, std::mt19937& rng);
  CardPage card = CardPage::kNone;  // ID cards: the page drawn.
  // Reports: what the page says. nullptr for the others.
  ReportText (*report)(const Person& person, const Credential& credential, const ReportFacts& facts,
                       std::mt19937& rng) = nullptr;
};

// Every family, development families first.
std::span<const Family> families();

// The family named `name`, or nullptr.
const Family* find_family(std::string_view name);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_FAMILIES_H_
