// The families of certificates (families.h): what each one's page says. The wording each family prints
// is written beside its definition.
#ifndef MIXTRACT_TOOLS_SYNTH_CERTIFICATE_FAMILIES_H_
#define MIXTRACT_TOOLS_SYNTH_CERTIFICATE_FAMILIES_H_

#include <random>

#include "families.h"

namespace mixtract::synth {

// The levels a family prints.
bool any_level(EducationLevel level);
bool degree_level(EducationLevel level);         // 本科 and up: the levels with a degree.
bool undergraduate_level(EducationLevel level);  // 专科 and 本科.
bool graduate_level(EducationLevel level);       // 硕士 and 博士.
bool bachelor_level(EducationLevel level);       // 本科 alone.

// Development families: the wordings the cues were written against.
CertificateText graduation_classic(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_classic(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_graduate(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_committee(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their failures were read (sessions 12 to 14, bench/RESULTS.md); developed on since.
CertificateText graduation_regular(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_award(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_form(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, bd6ae8e); developed on since.
CertificateText graduation_blanks(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_law(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_spaced_labels(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 2d7e2e3); developed on since.
CertificateText graduation_bilingual(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_vocational(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_certify(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 40b070d); developed on since.
CertificateText graduation_department(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_enrolled(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_award_first(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 0c61ec7); developed on since.
CertificateText graduation_table_form(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_narrow(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_form(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 961dc71); developed on since.
CertificateText graduation_this_student(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_dotted_dates(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_two_column_form(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, f8e15cf); developed on since.
CertificateText graduation_completed(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_graduate_of(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_major_first(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 7ab5cfd); developed on since.
CertificateText graduation_cohort(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_inline_labels(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_graduated_on(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, ec3e933); developed on since.
CertificateText graduation_native_place(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_semicolons(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_dash_period(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 68f8121); developed on since.
CertificateText graduation_pursued(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_discipline(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_id_number(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, b19247a); developed on since.
CertificateText graduation_adult(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_regulations_first(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_school_heading(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 0996fb0); developed on since.
CertificateText graduation_student_number(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_bilingual_labels(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_seasons(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, cd7fcfb and 0c5954b: sets 12 and 13); developed on since.
CertificateText graduation_certify_that(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_equivalent(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_college(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_school_first(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_field_of_study(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_research_direction(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, fbae323: set 14); developed on since.
CertificateText graduation_self_study(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_form_long_labels(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_reviewed(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 9e864c8: set 15); developed on since.
CertificateText graduation_trainee(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_comrade(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_form_graduate_labels(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, d01978e: set 16); developed on since.
CertificateText graduation_vocational_college(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_graduate_named_last(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_online(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 40fcafe: set 17); developed on since.
CertificateText graduation_that_student(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_part_time(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_programme(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, db63f97: set 18); developed on since.
CertificateText degree_graduated_from(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_born_before_sex(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_stamped_issuer(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 2477c4d: set 19); developed on since.
CertificateText graduation_proof(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_thesis(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_full_width(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 9a07121: set 20); developed on since.
CertificateText graduation_level_in_title(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_chsi_note(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_short_sentences(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 5383f14: set 21); developed on since.
CertificateText degree_discipline_in_brackets(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_name_alone(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_issued_later(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 883f01b: set 22); developed on since.
CertificateText graduation_major_code(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_minor(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_joint_training(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-04, 2a0f519: set 23); developed on since.
CertificateText graduation_transfer(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_reissued(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_hyphen_dates(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 9daa86e: set 24); developed on since.
CertificateText graduation_major_direction(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_supervisor_named(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_school_code(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, ecdcbc5: set 25); developed on since.
CertificateText degree_conferred_in_sentence(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_equivalent_education(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_number_no(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, bdd4862: set 26); developed on since.
CertificateText degree_second_bachelor(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_former_name(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_form_times(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 4f43785: set 27); developed on since.
CertificateText graduation_level_first(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_number_grouped(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_award_time_label(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, a33f2de: set 28); developed on since.
CertificateText graduation_former_person_name(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_minor_programme(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_ethnicity(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 078f739: set 29); developed on since.
CertificateText degree_spaced_name(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_full_period(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_ling_numerals(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, b06de26: set 30); developed on since.
CertificateText graduation_ascii_punctuation(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_upgrade(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_dated_award(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, cc140b3: set 31); developed on since.
CertificateText degree_major_in_brackets(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_study_mode(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_this_one(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, e04ac88: set 32); developed on since.
CertificateText graduation_major_english(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_tilde_period(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_period_first(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 22beaf9: set 33); developed on since.
CertificateText graduation_level_student(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_credits(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_according_to(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 1599d64: set 34); developed on since.
CertificateText graduation_spaced_numerals(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_classmate(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_graduate_of_this_school(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, a610fd3: set 35); developed on since.
CertificateText graduation_studied_at(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_id_in_brackets(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_study_years(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 46497dd: set 36); developed on since.
CertificateText graduation_time_in_school(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_award_then_holder(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_short_number_label(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 308b18b: set 37); developed on since.
CertificateText graduation_major_in_quotes(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_born_before_name(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_class_of(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 627c9cf: set 38); developed on since.
CertificateText graduation_two_sentences(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_awarded_by_committee(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_graduated_from(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, bf47a06: set 39); developed on since.
CertificateText graduation_from_until(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_graduate_then_name(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_born_on(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, c7059c7: set 40); developed on since.
CertificateText graduation_padded_dates(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_holder_in_labels(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_major_in_a_row(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 606aee2: set 41); developed on since.
CertificateText graduation_admitted(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_meeting_number(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_university_level(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-05, 72329c0: set 42); developed on since.
CertificateText graduation_school_in_seal(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_school_in_title(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_record_labels(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-06, f4208d8: set 43); developed on since.
CertificateText degree_completed_studies(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_period_in_brackets(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_labels_in_brackets(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-06, cd11094: set 44); developed on since.
CertificateText graduation_full_time_regular(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_classmate_in_sentence(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_our_college(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-06, 472a31d: set 45); developed on since.
CertificateText graduation_student_status(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_specially_conferred(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_admitted_by_exam(const Person& person, const Credential& c, std::mt19937& rng);

// Held out until their first measurement (2026-12-06, eaef01e: set 46); developed on since.
CertificateText graduation_level_tier(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText degree_spaces_for_commas(const Person& person, const Credential& c, std::mt19937& rng);
CertificateText graduation_sex_in_brackets(const Person& person, const Credential& c, std::mt19937& rng);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_CERTIFICATE_FAMILIES_H_
