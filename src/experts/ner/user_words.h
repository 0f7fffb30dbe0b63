// The words of the reference tables that jieba should keep whole: the experts' view of nlp/jieba.
#ifndef MIXTRACT_EXPERTS_NER_USER_WORDS_H_
#define MIXTRACT_EXPERTS_NER_USER_WORDS_H_

#include <vector>

#include "nlp/jieba/jieba.h"
#include "rules/major_table.h"
#include "rules/school_table.h"

namespace mixtract {

// The schools' names (tag nt, organisation) and the majors' (tag nz, proper noun) as user words.
std::vector<Jieba::UserWord> user_words_of(const SchoolTable& schools, const MajorTable& majors);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_NER_USER_WORDS_H_
