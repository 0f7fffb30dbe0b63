// The families of verification reports (families.h): what each one's page says.
#ifndef MIXTRACT_TOOLS_SYNTH_REPORT_FAMILIES_H_
#define MIXTRACT_TOOLS_SYNTH_REPORT_FAMILIES_H_

#include <random>

#include "families.h"

namespace mixtract::synth {

// Development families.
// 教育部学历证书电子注册备案表: two label/value pairs a row, the photo in the table, the code and QR below.
ReportText chsi_table(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);
// 中国高等教育学位在线验证报告: the same table, the degree's facts.
ReportText degree_report_table(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);

// Written after the report schemas, in other labels and layouts; held out until measured once, developed
// on since. One pair a row, the code on top in groups of four, dates without leading zeros.
ReportText chsi_list(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);
// One pair a row, other labels for the degree, the awarding body and its date.
ReportText degree_report_list(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);
// Held out until measured once (bench/RESULTS.md, 2026-12-03), developed on since: three pairs a row in
// narrow cells whose values and labels wrap, printed and scanned in grey; the degree report's code in
// groups of four joined by dashes.
ReportText chsi_grid(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);
ReportText degree_report_grid(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);

// Held out until measured once (bench/RESULTS.md, 2026-12-04), developed on since. 标签：值 two to a row
// with no rules, widely spaced labels, the code in groups of four above or below.
ReportText chsi_columns(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng);
// One ruled cell a pair, the label small at its top and the value under it, up to three a row.
ReportText degree_report_stacked(const Person& person, const Credential& c, const ReportFacts& facts,
                                 std::mt19937& rng);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_REPORT_FAMILIES_H_
