// Money in whole fen and rates as exact fractions: every amount is computed in
// integers and rounded half up once, at the last step of a line (the contract's rule).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace jianxi {

using Fen = std::int64_t;

struct Rate {
  std::int64_t num = 0;
  std::int64_t den = 1;
};

// "0.6", "1.2", "1", "2/3"; nullopt when not such a text.
std::optional<Rate> parse_rate(std::string_view text);
// A JSON number such as 0.6, rounded to 9 decimal places; nullopt outside 0..100.
std::optional<Rate> rate_from_number(double value);
Rate add(Rate a, Rate b);
Rate subtract(Rate a, Rate b);
Rate multiply(Rate a, std::int64_t k);
Rate multiply(Rate a, Rate b);
int compare(Rate a, Rate b);  // -1, 0, 1
// Whole steps of `step` in `span` (floor), for non-negative span and positive step.
std::int64_t whole_steps(Rate span, Rate step);

// base × rate rounded half up to the fen (non-negative base and rate).
Fen apply(Fen base, Rate rate);
// Yuan (at most two decimals kept, half up) to fen; nullopt when not finite or too large.
std::optional<Fen> fen_from_yuan(double yuan);
// Decimal places of a number as written: the shortest text that reads back as the same
// double ("3.500001" → 6, "1e-05" → 5, "120" → 0).
int decimal_places(double value);
// A count of 10^-decimals units as decimal text without trailing zeros ("12.5").
std::string decimal_text(std::int64_t units, int decimals);
// The same as a JSON number: an integer when whole.
nlohmann::ordered_json decimal_json(std::int64_t units, int decimals);
// Yuan as a JSON number: an integer when whole, else at most two decimals.
nlohmann::ordered_json yuan_json(Fen fen);
// A rate as a JSON number (at most 6 decimals).
nlohmann::ordered_json rate_json(Rate rate);

}  // namespace jianxi
