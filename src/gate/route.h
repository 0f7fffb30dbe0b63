// Route policies: how the gate asks a field's experts and combines what they propose (Route::combine).
#ifndef MIXTRACT_GATE_ROUTE_H_
#define MIXTRACT_GATE_ROUTE_H_

#include <string_view>

#include "gate/choose.h"
#include "gate/field_check.h"
#include "mixtract/record.h"
#include "mixtract/schema.h"

namespace mixtract {

// Fills one field of one document. Every policy asks the route's experts in order and stops asking when
// the route's ms/token budget is spent (an expert already run for another field is counted again: the
// budget bounds what the field's route may cost on its own). Every candidate seen is kept in the result,
// each checked (failures keep their invalid_reason).
//
//   cascade: stops after the first expert with which a valid value's confidence (choose.h) reaches
//     accept_confidence; then the most confident valid value is chosen (accepted or needs_review, see
//     choose()); with none the field is missing.
//   vote: asks every expert. A valid value's votes are the sum over the experts proposing it of the
//     expert's weight (Route::weights, default 1) times its most confident candidate for the value. The
//     most voted value is chosen; between equal votes, the value proposed first in route order.
//   char_consensus: after each expert the readings so far vote character by character
//     (gate/char_consensus.h; every distinct value an expert read within two characters of the field's
//     length, valid or not, weighted by its highest confidence: an expert that read the page, a crop and
//     a crop with red ink faded gives up to three readings). Positions settled (a majority of two or more readings) are
//     kept; only the disputed ones are open to the next expert's reading. When no position is disputed
//     and no expert proposed the agreed value, it is added as a candidate of expert kConsensusExpert
//     whose confidence is the consensus' agreement (the smallest share of weight a position's winner
//     has). Asking stops when the agreed value is valid (nothing left to escalate) or, as in the cascade,
//     when a valid value is confident; then the most confident valid value is chosen.
FieldResult run_route(const FieldSpec& field, ExpertSource& experts, const CheckContext& context);

// Adds to `result` the candidates of the field's route experts not yet asked (none of whose candidates it
// holds), checked; false when that added none. Reconciliation's way of asking for more evidence.
bool ask_rest_of_route(const FieldSpec& field, ExpertSource& experts, const CheckContext& context, FieldResult& result);

inline constexpr std::string_view kConsensusExpert = "char_consensus";

}  // namespace mixtract

#endif  // MIXTRACT_GATE_ROUTE_H_
