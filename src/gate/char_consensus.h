// Character-level consensus for long codes (certificate and ID numbers): the readings of several experts
// (OCR engines, re-reads at other scales, LLMs) aligned position by position, each position won by
// the character with the most weight. Readings wrong in different positions then agree on the right
// number, which none of them read alone; the positions where no character wins a majority are
// reported, so that only they need asking again.
#ifndef MIXTRACT_GATE_CHAR_CONSENSUS_H_
#define MIXTRACT_GATE_CHAR_CONSENSUS_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace mixtract {

struct Reading {
  std::string text;   // As read (UTF-8).
  double weight = 1;  // The expert's confidence, > 0.
};

struct CharConsensus {
  std::string value;  // "" when no reading could be aligned.
  // Character positions whose winner has no more than half the weight, or only one reading behind it.
  std::vector<std::size_t> disputed;
  double agreement = 0;  // The smallest share of the weight that a position's winner has.
};

// The consensus over `readings` for a code of `length` characters. Readings of that length vote
// position by position; a reading one or two characters longer or shorter (a character lost or added
// by OCR) is aligned to the first consensus with the fewest edits and votes where it aligns. Readings
// further off are ignored. Ties go to the character read first.
CharConsensus char_consensus(std::span<const Reading> readings, std::size_t length);

}  // namespace mixtract

#endif  // MIXTRACT_GATE_CHAR_CONSENSUS_H_
