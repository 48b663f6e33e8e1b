// The engine's documented limits (not policy figures): what one request may hold so
// that its answer fits where the core runs, the browser's module (1 GB) included.
// The catalog lists them; a request beyond one is refused with request.too_large.
#pragma once

#include <cstddef>

namespace jianxi::limits {

constexpr std::size_t kRequestBytes = 64u << 20;
constexpr int kNesting = 64;
// An object of the request holds at most this many members (an allocation table's row
// is the widest a request needs: its region and its columns). Reading a member looks
// through the object's others, so a wider object would cost its width squared.
constexpr std::size_t kObjectMembers = 256;
constexpr std::size_t kInterns = 100000;
constexpr long long kInternshipMonths = 700000;  // 100,000 interns of 7 months
constexpr std::size_t kFindingsListed = 1000;     // per list; the rest are counted
// The whole answer (a batch's included), checked as it is written; 100,000 interns of
// 7 months answer about 302 MB, the largest answer within the limits above.
constexpr std::size_t kAnswerBytes = 384u << 20;
// A catalog answers well over 100 KB for 19 bytes asked: the catalog answers of one batch
// together may be 1 MB at most (a few whole catalogs), checked as each is written.
constexpr std::size_t kCatalogBytesPerBatch = 1000000;
// A text of the request quoted in a finding (a name, a value) is cut to this many
// characters, and a finding's path, message and message_en to this many bytes, so that
// a long text in the request cannot make every finding long.
constexpr std::size_t kEchoedChars = 100;
constexpr std::size_t kFindingTextBytes = 1024;
// A place name longer than this is no place (the longest written with its province,
// city and county is under 40 characters); the nearest-name search reads no more.
constexpr std::size_t kPlaceChars = 64;
// A list of words that one no-limit word covers (学历、专业、性别不限) is read this many
// words from the word judged, no further: a longer list reads as no list. Lists people
// write have under ten words; reading each to its end would make a text of n listed
// words cost n² (a position's requirements are as long as a request).
constexpr std::size_t kListedWords = 32;

}  // namespace jianxi::limits
