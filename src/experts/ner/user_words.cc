#include "experts/ner/user_words.h"

#include <string>

namespace mixtract {

std::vector<Jieba::UserWord> user_words_of(const SchoolTable& schools, const MajorTable& majors) {
  std::vector<Jieba::UserWord> words;
  for (const School& school : schools.schools()) words.push_back({school.name, "nt"});
  for (const std::string& major : majors.names()) words.push_back({major, "nz"});
  return words;
}

}  // namespace mixtract
