#include "values/money.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

namespace jianxi {
namespace {

Rate reduce(Rate r) {
  std::int64_t g = std::gcd(r.num, r.den);
  if (g > 1) {
    r.num /= g;
    r.den /= g;
  }
  return r;
}

}  // namespace

std::optional<Rate> parse_rate(std::string_view t) {
  auto slash = t.find('/');
  auto digits_only = [](std::string_view s) {
    if (s.empty() || s.size() > 9) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (slash != std::string_view::npos) {
    auto a = t.substr(0, slash), b = t.substr(slash + 1);
    if (!digits_only(a) || !digits_only(b)) return std::nullopt;
    Rate r{std::stoll(std::string(a)), std::stoll(std::string(b))};
    if (r.den == 0) return std::nullopt;
    return reduce(r);
  }
  auto dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? "" : t.substr(dot + 1);
  if (!digits_only(whole) || (dot != std::string_view::npos && !digits_only(frac)))
    return std::nullopt;
  Rate r{std::stoll(std::string(whole)), 1};
  for (char c : frac) {
    r.num = r.num * 10 + (c - '0');
    r.den *= 10;
  }
  return reduce(r);
}

std::optional<Rate> rate_from_number(double v) {
  if (!std::isfinite(v) || v < 0 || v > 100) return std::nullopt;
  // Nine places keep any rate as typed (0.49996 stays below 50%), and v·10⁹ ≤ 10¹¹ is exact.
  return reduce(Rate{static_cast<std::int64_t>(std::round(v * 1e9)), 1000000000});
}

Rate add(Rate a, Rate b) { return reduce({a.num * b.den + b.num * a.den, a.den * b.den}); }
Rate subtract(Rate a, Rate b) {
  return reduce({a.num * b.den - b.num * a.den, a.den * b.den});
}
Rate multiply(Rate a, std::int64_t k) { return reduce({a.num * k, a.den}); }
Rate multiply(Rate a, Rate b) { return reduce({a.num * b.num, a.den * b.den}); }

int compare(Rate a, Rate b) {
  std::int64_t l = a.num * b.den, r = b.num * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

std::int64_t whole_steps(Rate span, Rate step) {
  // span / step = (span.num * step.den) / (span.den * step.num)
  return (span.num * step.den) / (span.den * step.num);
}

Fen apply(Fen base, Rate rate) {
  // Half up: floor((2·base·num + den) / (2·den)).
  return (2 * base * rate.num + rate.den) / (2 * rate.den);
}

std::optional<Fen> fen_from_yuan(double yuan) {
  if (!std::isfinite(yuan) || std::fabs(yuan) > 1e12) return std::nullopt;
  double fen = yuan * 100.0;
  return static_cast<Fen>(std::floor(fen + 0.5 + 1e-9));
}

namespace {

std::int64_t power_of_ten(int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return scale;
}

}  // namespace

std::string decimal_text(std::int64_t units, int decimals) {
  std::int64_t scale = power_of_ten(decimals);
  std::string sign = units < 0 ? "-" : "";
  std::int64_t a = units < 0 ? -units : units;
  std::string text = sign + std::to_string(a / scale);
  std::string frac = std::to_string(a % scale);
  frac.insert(0, decimals - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) text += "." + frac;
  return text;
}

nlohmann::ordered_json decimal_json(std::int64_t units, int decimals) {
  std::int64_t scale = power_of_ten(decimals);
  if (units % scale == 0) return units / scale;
  return static_cast<double>(units) / static_cast<double>(scale);
}

nlohmann::ordered_json yuan_json(Fen fen) { return decimal_json(fen, 2); }

nlohmann::ordered_json rate_json(Rate rate) {
  double v = static_cast<double>(rate.num) / static_cast<double>(rate.den);
  double rounded = std::round(v * 1e6) / 1e6;
  if (rounded == std::floor(rounded)) return static_cast<std::int64_t>(rounded);
  return rounded;
}

int decimal_places(double value) {
  if (!std::isfinite(value)) return 0;  // dump() writes null
  // The text dump() writes for a double, without building a value or a string.
  char text[64];
  char* end = nlohmann::detail::to_chars(text, text + sizeof text - 1, value);
  *end = '\0';
  int exponent = 0;
  char* mantissa_end = end;
  for (char* c = text; c < end; ++c)
    if (*c == 'e' || *c == 'E') {
      mantissa_end = c;
      exponent = std::atoi(c + 1);
      break;
    }
  char* point = std::find(text, mantissa_end, '.');
  int decimals = point == mantissa_end ? 0 : static_cast<int>(mantissa_end - point - 1);
  if (decimals == 1 && mantissa_end[-1] == '0') decimals = 0;  // "120.0"
  return std::max(0, decimals - exponent);
}

}  // namespace jianxi
