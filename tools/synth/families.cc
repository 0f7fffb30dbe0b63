#include "families.h"

#include "certificate_families.h"
#include "report_families.h"

namespace mixtract::synth {
namespace {

constexpr Family kFamilies[] = {
    {"graduation_classic", DocumentKind::kGraduationCertificate, false, any_level, graduation_classic},
    {"degree_classic", DocumentKind::kDegreeCertificate, false, degree_level, degree_classic},
    {"graduation_graduate", DocumentKind::kGraduationCertificate, false, graduate_level, graduation_graduate},
    {"degree_committee", DocumentKind::kDegreeCertificate, false, degree_level, degree_committee},
    {"graduation_regular", DocumentKind::kGraduationCertificate, false, any_level, graduation_regular},
    {"degree_award", DocumentKind::kDegreeCertificate, false, degree_level, degree_award},
    {"graduation_form", DocumentKind::kGraduationCertificate, false, any_level, graduation_form},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit bd6ae8e);
    // developed on since.
    {"graduation_blanks", DocumentKind::kGraduationCertificate, false, any_level, graduation_blanks},
    {"degree_law", DocumentKind::kDegreeCertificate, false, degree_level, degree_law},
    {"graduation_spaced_labels", DocumentKind::kGraduationCertificate, false, any_level, graduation_spaced_labels},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 2d7e2e3);
    // developed on since.
    {"graduation_bilingual", DocumentKind::kGraduationCertificate, false, any_level, graduation_bilingual},
    {"graduation_vocational", DocumentKind::kGraduationCertificate, false, undergraduate_level, graduation_vocational},
    {"degree_certify", DocumentKind::kDegreeCertificate, false, degree_level, degree_certify},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 40b070d);
    // developed on since.
    {"graduation_department", DocumentKind::kGraduationCertificate, false, any_level, graduation_department},
    {"graduation_enrolled", DocumentKind::kGraduationCertificate, false, any_level, graduation_enrolled},
    {"degree_award_first", DocumentKind::kDegreeCertificate, false, degree_level, degree_award_first},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 0c61ec7);
    // developed on since.
    {"graduation_table_form", DocumentKind::kGraduationCertificate, false, any_level, graduation_table_form},
    {"graduation_narrow", DocumentKind::kGraduationCertificate, false, any_level, graduation_narrow},
    {"degree_form", DocumentKind::kDegreeCertificate, false, degree_level, degree_form},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 961dc71);
    // developed on since.
    {"graduation_this_student", DocumentKind::kGraduationCertificate, false, any_level, graduation_this_student},
    {"graduation_dotted_dates", DocumentKind::kGraduationCertificate, false, any_level, graduation_dotted_dates},
    {"graduation_two_column_form", DocumentKind::kGraduationCertificate, false, any_level, graduation_two_column_form},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit f8e15cf);
    // developed on since.
    {"graduation_completed", DocumentKind::kGraduationCertificate, false, any_level, graduation_completed},
    {"degree_graduate_of", DocumentKind::kDegreeCertificate, false, degree_level, degree_graduate_of},
    {"graduation_major_first", DocumentKind::kGraduationCertificate, false, any_level, graduation_major_first},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 7ab5cfd);
    // developed on since.
    {"graduation_cohort", DocumentKind::kGraduationCertificate, false, any_level, graduation_cohort},
    {"degree_inline_labels", DocumentKind::kDegreeCertificate, false, degree_level, degree_inline_labels},
    {"graduation_graduated_on", DocumentKind::kGraduationCertificate, false, any_level, graduation_graduated_on},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit ec3e933);
    // developed on since.
    {"graduation_native_place", DocumentKind::kGraduationCertificate, false, any_level, graduation_native_place},
    {"degree_semicolons", DocumentKind::kDegreeCertificate, false, degree_level, degree_semicolons},
    {"graduation_dash_period", DocumentKind::kGraduationCertificate, false, any_level, graduation_dash_period},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 68f8121);
    // developed on since.
    {"graduation_pursued", DocumentKind::kGraduationCertificate, false, graduate_level, graduation_pursued},
    {"degree_discipline", DocumentKind::kDegreeCertificate, false, degree_level, degree_discipline},
    {"graduation_id_number", DocumentKind::kGraduationCertificate, false, any_level, graduation_id_number},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit b19247a);
    // developed on since.
    {"graduation_adult", DocumentKind::kGraduationCertificate, false, undergraduate_level, graduation_adult},
    {"degree_regulations_first", DocumentKind::kDegreeCertificate, false, degree_level, degree_regulations_first},
    {"graduation_school_heading", DocumentKind::kGraduationCertificate, false, any_level, graduation_school_heading},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 0996fb0);
    // developed on since.
    {"graduation_student_number", DocumentKind::kGraduationCertificate, false, any_level, graduation_student_number},
    {"degree_bilingual_labels", DocumentKind::kDegreeCertificate, false, degree_level, degree_bilingual_labels},
    {"graduation_seasons", DocumentKind::kGraduationCertificate, false, any_level, graduation_seasons},
    // These six were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commits cd7fcfb and
    // 0c5954b: sets 12 and 13, the same extraction); developed on since.
    {"graduation_certify_that", DocumentKind::kGraduationCertificate, false, any_level, graduation_certify_that},
    {"degree_equivalent", DocumentKind::kDegreeCertificate, false, degree_level, degree_equivalent},
    {"graduation_college", DocumentKind::kGraduationCertificate, false, any_level, graduation_college},
    {"graduation_school_first", DocumentKind::kGraduationCertificate, false, any_level, graduation_school_first},
    {"degree_field_of_study", DocumentKind::kDegreeCertificate, false, degree_level, degree_field_of_study},
    {"graduation_research_direction", DocumentKind::kGraduationCertificate, false, graduate_level,
     graduation_research_direction},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit fbae323);
    // developed on since.
    {"graduation_self_study", DocumentKind::kGraduationCertificate, false, undergraduate_level, graduation_self_study},
    {"graduation_form_long_labels", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_form_long_labels},
    {"graduation_reviewed", DocumentKind::kGraduationCertificate, false, any_level, graduation_reviewed},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 9e864c8);
    // developed on since.
    {"graduation_trainee", DocumentKind::kGraduationCertificate, false, undergraduate_level, graduation_trainee},
    {"degree_comrade", DocumentKind::kDegreeCertificate, false, degree_level, degree_comrade},
    {"graduation_form_graduate_labels", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_form_graduate_labels},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit d01978e);
    // developed on since.
    {"graduation_vocational_college", DocumentKind::kGraduationCertificate, false, undergraduate_level,
     graduation_vocational_college},
    {"degree_graduate_named_last", DocumentKind::kDegreeCertificate, false, degree_level, degree_graduate_named_last},
    {"graduation_online", DocumentKind::kGraduationCertificate, false, undergraduate_level, graduation_online},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 40fcafe);
    // developed on since.
    {"graduation_that_student", DocumentKind::kGraduationCertificate, false, any_level, graduation_that_student},
    {"degree_part_time", DocumentKind::kDegreeCertificate, false, degree_level, degree_part_time},
    {"graduation_programme", DocumentKind::kGraduationCertificate, false, any_level, graduation_programme},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit db63f97);
    // developed on since.
    {"degree_graduated_from", DocumentKind::kDegreeCertificate, false, degree_level, degree_graduated_from},
    {"graduation_born_before_sex", DocumentKind::kGraduationCertificate, false, any_level, graduation_born_before_sex},
    {"graduation_stamped_issuer", DocumentKind::kGraduationCertificate, false, any_level, graduation_stamped_issuer},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 2477c4d);
    // developed on since.
    {"graduation_proof", DocumentKind::kGraduationCertificate, false, any_level, graduation_proof},
    {"degree_thesis", DocumentKind::kDegreeCertificate, false, degree_level, degree_thesis},
    {"graduation_full_width", DocumentKind::kGraduationCertificate, false, any_level, graduation_full_width},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 9a07121);
    // developed on since.
    {"graduation_level_in_title", DocumentKind::kGraduationCertificate, false, any_level, graduation_level_in_title},
    {"graduation_chsi_note", DocumentKind::kGraduationCertificate, false, any_level, graduation_chsi_note},
    {"degree_short_sentences", DocumentKind::kDegreeCertificate, false, degree_level, degree_short_sentences},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 5383f14);
    // developed on since.
    {"degree_discipline_in_brackets", DocumentKind::kDegreeCertificate, false, degree_level,
     degree_discipline_in_brackets},
    {"degree_name_alone", DocumentKind::kDegreeCertificate, false, degree_level, degree_name_alone},
    {"graduation_issued_later", DocumentKind::kGraduationCertificate, false, any_level, graduation_issued_later},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 883f01b);
    // developed on since.
    {"graduation_major_code", DocumentKind::kGraduationCertificate, false, any_level, graduation_major_code},
    {"graduation_minor", DocumentKind::kGraduationCertificate, false, any_level, graduation_minor},
    {"degree_joint_training", DocumentKind::kDegreeCertificate, false, degree_level, degree_joint_training},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit 2a0f519);
    // developed on since.
    {"graduation_transfer", DocumentKind::kGraduationCertificate, false, any_level, graduation_transfer},
    {"graduation_reissued", DocumentKind::kGraduationCertificate, false, any_level, graduation_reissued},
    {"graduation_hyphen_dates", DocumentKind::kGraduationCertificate, false, any_level, graduation_hyphen_dates},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 9daa86e);
    // developed on since.
    {"graduation_major_direction", DocumentKind::kGraduationCertificate, false, any_level, graduation_major_direction},
    {"degree_supervisor_named", DocumentKind::kDegreeCertificate, false, degree_level, degree_supervisor_named},
    {"graduation_school_code", DocumentKind::kGraduationCertificate, false, any_level, graduation_school_code},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit ecdcbc5);
    // developed on since.
    {"degree_conferred_in_sentence", DocumentKind::kDegreeCertificate, false, degree_level,
     degree_conferred_in_sentence},
    {"degree_equivalent_education", DocumentKind::kDegreeCertificate, false, graduate_level,
     degree_equivalent_education},
    {"graduation_number_no", DocumentKind::kGraduationCertificate, false, any_level, graduation_number_no},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit bdd4862);
    // developed on since.
    {"degree_second_bachelor", DocumentKind::kDegreeCertificate, false, bachelor_level, degree_second_bachelor},
    {"graduation_former_name", DocumentKind::kGraduationCertificate, false, any_level, graduation_former_name},
    {"graduation_form_times", DocumentKind::kGraduationCertificate, false, any_level, graduation_form_times},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 4f43785);
    // developed on since.
    {"graduation_level_first", DocumentKind::kGraduationCertificate, false, any_level, graduation_level_first},
    {"graduation_number_grouped", DocumentKind::kGraduationCertificate, false, any_level, graduation_number_grouped},
    {"degree_award_time_label", DocumentKind::kDegreeCertificate, false, degree_level, degree_award_time_label},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit a33f2de);
    // developed on since.
    {"graduation_former_person_name", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_former_person_name},
    {"degree_minor_programme", DocumentKind::kDegreeCertificate, false, degree_level, degree_minor_programme},
    {"graduation_ethnicity", DocumentKind::kGraduationCertificate, false, any_level, graduation_ethnicity},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 078f739);
    // developed on since.
    {"degree_spaced_name", DocumentKind::kDegreeCertificate, false, degree_level, degree_spaced_name},
    {"graduation_full_period", DocumentKind::kGraduationCertificate, false, any_level, graduation_full_period},
    {"graduation_ling_numerals", DocumentKind::kGraduationCertificate, false, any_level, graduation_ling_numerals},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit b06de26);
    // developed on since.
    {"graduation_ascii_punctuation", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_ascii_punctuation},
    {"graduation_upgrade", DocumentKind::kGraduationCertificate, false, bachelor_level, graduation_upgrade},
    {"degree_dated_award", DocumentKind::kDegreeCertificate, false, degree_level, degree_dated_award},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit cc140b3);
    // developed on since.
    {"degree_major_in_brackets", DocumentKind::kDegreeCertificate, false, degree_level, degree_major_in_brackets},
    {"graduation_study_mode", DocumentKind::kGraduationCertificate, false, any_level, graduation_study_mode},
    {"graduation_this_one", DocumentKind::kGraduationCertificate, false, any_level, graduation_this_one},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit e04ac88);
    // developed on since.
    {"graduation_major_english", DocumentKind::kGraduationCertificate, false, any_level, graduation_major_english},
    {"graduation_tilde_period", DocumentKind::kGraduationCertificate, false, any_level, graduation_tilde_period},
    {"graduation_period_first", DocumentKind::kGraduationCertificate, false, any_level, graduation_period_first},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 22beaf9);
    // developed on since.
    {"graduation_level_student", DocumentKind::kGraduationCertificate, false, any_level, graduation_level_student},
    {"graduation_credits", DocumentKind::kGraduationCertificate, false, any_level, graduation_credits},
    {"degree_according_to", DocumentKind::kDegreeCertificate, false, degree_level, degree_according_to},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 1599d64);
    // developed on since.
    {"graduation_spaced_numerals", DocumentKind::kGraduationCertificate, false, any_level, graduation_spaced_numerals},
    {"graduation_classmate", DocumentKind::kGraduationCertificate, false, any_level, graduation_classmate},
    {"degree_graduate_of_this_school", DocumentKind::kDegreeCertificate, false, degree_level,
     degree_graduate_of_this_school},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit a610fd3);
    // developed on since.
    {"graduation_studied_at", DocumentKind::kGraduationCertificate, false, any_level, graduation_studied_at},
    {"degree_id_in_brackets", DocumentKind::kDegreeCertificate, false, degree_level, degree_id_in_brackets},
    {"graduation_study_years", DocumentKind::kGraduationCertificate, false, graduate_level, graduation_study_years},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 46497dd);
    // developed on since.
    {"graduation_time_in_school", DocumentKind::kGraduationCertificate, false, any_level, graduation_time_in_school},
    {"degree_award_then_holder", DocumentKind::kDegreeCertificate, false, degree_level, degree_award_then_holder},
    {"graduation_short_number_label", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_short_number_label},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 308b18b);
    // developed on since.
    {"graduation_major_in_quotes", DocumentKind::kGraduationCertificate, false, any_level, graduation_major_in_quotes},
    {"degree_born_before_name", DocumentKind::kDegreeCertificate, false, degree_level, degree_born_before_name},
    {"graduation_class_of", DocumentKind::kGraduationCertificate, false, any_level, graduation_class_of},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 627c9cf);
    // developed on since.
    {"graduation_two_sentences", DocumentKind::kGraduationCertificate, false, any_level, graduation_two_sentences},
    {"degree_awarded_by_committee", DocumentKind::kDegreeCertificate, false, degree_level, degree_awarded_by_committee},
    {"graduation_graduated_from", DocumentKind::kGraduationCertificate, false, any_level, graduation_graduated_from},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit bf47a06);
    // developed on since.
    {"graduation_from_until", DocumentKind::kGraduationCertificate, false, any_level, graduation_from_until},
    {"degree_graduate_then_name", DocumentKind::kDegreeCertificate, false, degree_level, degree_graduate_then_name},
    {"graduation_born_on", DocumentKind::kGraduationCertificate, false, any_level, graduation_born_on},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit c7059c7);
    // developed on since.
    {"graduation_padded_dates", DocumentKind::kGraduationCertificate, false, any_level, graduation_padded_dates},
    {"degree_holder_in_labels", DocumentKind::kDegreeCertificate, false, degree_level, degree_holder_in_labels},
    {"graduation_major_in_a_row", DocumentKind::kGraduationCertificate, false, any_level, graduation_major_in_a_row},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 606aee2);
    // developed on since.
    {"graduation_admitted", DocumentKind::kGraduationCertificate, false, any_level, graduation_admitted},
    {"degree_meeting_number", DocumentKind::kDegreeCertificate, false, degree_level, degree_meeting_number},
    {"graduation_university_level", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_university_level},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-05, commit 72329c0);
    // developed on since.
    {"graduation_school_in_seal", DocumentKind::kGraduationCertificate, false, any_level, graduation_school_in_seal},
    {"degree_school_in_title", DocumentKind::kDegreeCertificate, false, degree_level, degree_school_in_title},
    {"graduation_record_labels", DocumentKind::kGraduationCertificate, false, any_level, graduation_record_labels},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-06, commit f4208d8);
    // developed on since.
    {"degree_completed_studies", DocumentKind::kDegreeCertificate, false, degree_level, degree_completed_studies},
    {"graduation_period_in_brackets", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_period_in_brackets},
    {"graduation_labels_in_brackets", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_labels_in_brackets},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-06, commit cd11094);
    // developed on since.
    {"graduation_full_time_regular", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_full_time_regular},
    {"degree_classmate_in_sentence", DocumentKind::kDegreeCertificate, false, degree_level,
     degree_classmate_in_sentence},
    {"graduation_our_college", DocumentKind::kGraduationCertificate, false, any_level, graduation_our_college},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-06, commit 472a31d);
    // developed on since.
    {"graduation_student_status", DocumentKind::kGraduationCertificate, false, any_level, graduation_student_status},
    {"degree_specially_conferred", DocumentKind::kDegreeCertificate, false, degree_level, degree_specially_conferred},
    {"graduation_admitted_by_exam", DocumentKind::kGraduationCertificate, false, any_level,
     graduation_admitted_by_exam},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-06, commit eaef01e);
    // developed on since.
    {"graduation_level_tier", DocumentKind::kGraduationCertificate, false, any_level, graduation_level_tier},
    {"degree_spaces_for_commas", DocumentKind::kDegreeCertificate, false, degree_level, degree_spaces_for_commas},
    {"graduation_sex_in_brackets", DocumentKind::kGraduationCertificate, false, any_level, graduation_sex_in_brackets},
    {"id_front", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kFront},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-03); developed
    // on since.
    {"id_photocopy", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kPhotocopy},
    {"id_side_by_side", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kSideBySide},
    {"id_in_hand", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kInHand},
    {"chsi_table", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_table},
    {"degree_report_table", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_table},
    // These two were held out until their first measurement (bench/RESULTS.md, 2026-12-03, commit 7edbcd1);
    // developed on since.
    {"chsi_list", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_list},
    {"degree_report_list", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_list},
    // These two were held out until their first measurement (bench/RESULTS.md, 2026-12-03, commit e3ad9f3);
    // developed on since.
    {"chsi_grid", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_grid},
    {"degree_report_grid", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_grid},
    // These two were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit b1909f3);
    // developed on since.
    {"chsi_columns", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_columns},
    {"degree_report_stacked", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_stacked},
};

}  // namespace

std::span<const Family> families() {
  return kFamilies;
}

const Family* find_family(std::string_view name) {
  for (const Family& family : kFamilies) {
    if (family.name == name) return &family;
  }
  return nullptr;
}

}  // namespace mixtract::synth
