// Random people and their study histories, valid by the documents' own rules.
#ifndef MIXTRACT_TOOLS_SYNTH_PEOPLE_H_
#define MIXTRACT_TOOLS_SYNTH_PEOPLE_H_

#include <random>
#include <set>
#include <vector>

#include "synth_types.h"

namespace mixtract::synth {

// A person with a name not in `used_names` when one can be found (then added to it), a real region
// code, and an ID number with a correct check character. REQUIRES: regions is not empty.
Person random_person(std::mt19937& rng, const RegionTable& regions, std::set<std::string>& used_names);

// The person's credentials from the first to the highest (专科; or 本科 [, 硕士 [, 博士]]), at schools from
// `schools`, graduating no later than 2025, with structured certificate numbers. Sets the person's birth
// date to fit. REQUIRES: schools is not empty.
std::vector<Credential> random_career(std::mt19937& rng, const SchoolTable& schools, Person& person);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_PEOPLE_H_
