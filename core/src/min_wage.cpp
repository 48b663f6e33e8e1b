#include "min_wage.h"

namespace jianxi {

WageResolver::WageResolver(const RuleSet& rules, const Policy& policy, std::optional<Fen> given,
                           std::optional<std::string> city, std::optional<int> tier,
                           Report& report)
    : table_(rules.wage_table(policy.province)),
      given_(given),
      city_(std::move(city)),
      tier_(tier),
      report_(report) {
  if (!given_ && !city_ && !tier_)
    report_.error("/min_wage", "min_wage.missing",
                  "请填写当地月最低工资标准 min_wage（元），或所在城市 city",
                  "give the local monthly minimum wage min_wage (yuan), or the city");
}

std::optional<int> WageResolver::tier_on(Date day) {
  if (tier_) return tier_;
  if (!city_ || !table_ || table_->areas.empty()) return std::nullopt;
  const WageAreas* areas = &table_->areas.front();
  for (const auto& a : table_->areas)
    if (a.from <= day) areas = &a;
  for (const std::string& name : {*city_, *city_ + "市"}) {
    auto it = areas->tier_of_area.find(name);
    if (it == areas->tier_of_area.end()) continue;
    if (areas->confidence.rfind("high", 0) != 0 && !reported_["areas"]) {
      reported_["areas"] = true;
      report_.warning("/city", "min_wage.area_caveat",
                      "“" + *city_ + "”属第" + std::to_string(it->second) +
                          "类地区的划分未经高可信度核实（" + areas->source + "）",
                      "the wage tier " + std::to_string(it->second) + " of \"" + *city_ +
                          "\" is not confirmed with high confidence (" + areas->source + ")");
    }
    return it->second;
  }
  if (!reported_["city"]) {
    reported_["city"] = true;
    std::string known;
    for (const auto& [name, t] : areas->tier_of_area) known += (known.empty() ? "" : "、") + name;
    report_.error("/city", "min_wage.city_unknown",
                  "最低工资表中没有“" + *city_ + "”。已收录：" + known +
                      "。请填写 min_wage 或 wage_tier",
                  "\"" + *city_ + "\" is not in the minimum-wage table (known: " + known +
                      "); give min_wage or wage_tier");
  }
  return std::nullopt;
}

std::optional<WageFigure> WageResolver::for_month(Date month_first) {
  long key = month_first.day_number();
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  auto figure = lookup(month_first);
  cache_[key] = figure;
  return figure;
}

std::optional<WageFigure> WageResolver::lookup(Date month) {
  if (given_)
    return WageFigure{*given_, {"申请人填写的最低工资标准", "minimum wage given in the request"}};
  if (!city_ && !tier_) return std::nullopt;
  if (!table_) {
    if (!reported_["table"]) {
      reported_["table"] = true;
      report_.error("/min_wage", "min_wage.no_table", "没有该省最低工资表，请填写 min_wage",
                    "no minimum-wage table for this province; give min_wage");
    }
    return std::nullopt;
  }
  auto tier = tier_on(month);
  if (!tier) return std::nullopt;
  const WageAdjustment* adj = nullptr;
  for (const auto& a : table_->adjustments)
    if (a.effective <= month) adj = &a;
  std::string month_text = format_month(month);
  std::string tier_text = std::to_string(*tier);
  auto figure = adj ? adj->tiers.find(*tier) : std::map<int, Fen>::const_iterator{};
  if (!adj || figure == adj->tiers.end()) {
    std::string why_zh = adj ? (adj->date_note.zh.empty() ? adj->note : adj->date_note.zh)
                             : "表中最早的标准晚于该月";
    const std::string full_stop = "。";
    if (why_zh.size() >= full_stop.size() &&
        why_zh.compare(why_zh.size() - full_stop.size(), full_stop.size(), full_stop) == 0)
      why_zh.resize(why_zh.size() - full_stop.size());
    std::string why_en = adj ? (adj->date_note.en.empty() ? adj->note : adj->date_note.en)
                             : "the table starts after this month";
    std::string key = "unconfirmed" + (adj ? format_date(adj->effective) : "") + tier_text;
    if (!reported_[key]) {
      reported_[key] = true;
      report_.error("/min_wage", "min_wage.unconfirmed",
                    table_->province_zh + "第" + tier_text + "类地区 " + month_text +
                        " 的月最低工资标准未能核实（" + why_zh + "）。请填写当地标准 min_wage（元）",
                    "the monthly minimum wage of " + table_->province + " tier " + tier_text +
                        " for " + month_text + " is not confirmed (" + why_en +
                        "); give the local figure as min_wage (yuan)");
    }
    return std::nullopt;
  }
  std::string effective = format_date(adj->effective);
  if (!used_.count(adj->effective.day_number())) {
    nlohmann::ordered_json entry;
    entry["province"] = table_->province;
    entry["effective"] = effective;
    entry["date_confirmed"] = adj->date_confirmed;
    entry["tier"] = *tier;
    entry["amount"] = yuan_json(figure->second);
    entry["confidence"] = adj->confidence;
    entry["source"] = adj->source;
    used_[adj->effective.day_number()] = entry;
    if (adj->confidence != "high")
      report_.warning("/min_wage", "min_wage.caveat",
                      table_->province_zh + "第" + tier_text + "类 " + effective + " 起的最低工资 " +
                          std::to_string(figure->second / 100) + " 元可信度为 " + adj->confidence +
                          "（" + adj->note + "；来源：" + adj->source + "），请向当地人社部门核实",
                      "the minimum wage of " + std::to_string(figure->second / 100) + " yuan for " +
                          table_->province + " tier " + tier_text + " from " + effective +
                          " has " + adj->confidence + " confidence (" + adj->note +
                          "; source: " + adj->source + "); check it with the local office");
  }
  std::string area = city_ ? *city_ : "第" + tier_text + "类地区";
  return WageFigure{figure->second,
                    {area + "（第" + tier_text + "类）" + effective + "起最低工资标准",
                     (city_ ? *city_ : "tier " + tier_text) + " (tier " + tier_text +
                         ") minimum wage from " + effective}};
}

nlohmann::ordered_json WageResolver::sources() const {
  auto list = nlohmann::ordered_json::array();
  for (const auto& [day, entry] : used_) list.push_back(entry);
  return list;
}

}  // namespace jianxi
