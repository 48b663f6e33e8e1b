#include <doctest/doctest.h>

#include "values/links.h"

TEST_CASE("a source record shows the addresses it cites, not the notes around them") {
  // As the wage tables write them: an address, then a quote in brackets; a note and a
  // file path; a Chinese sentence right after an address; the same address twice.
  using jianxi::links_in;
  CHECK(links_in("http://ft22.com/zuidi/7603.html ('一类地区(11个市区):城关区')") ==
        std::vector<std::string>{"http://ft22.com/zuidi/7603.html"});
  CHECK(links_in("No list found for 2015 (annex not seen); shared/reference/minimum-wage-national.json: 'x'").empty());
  CHECK(links_in("南充: https://nongjiao.com/news/read-27488.html（调整后）; http://a.cn/x?id=1.") ==
        std::vector<std::string>{"https://nongjiao.com/news/read-27488.html", "http://a.cn/x?id=1"});
  CHECK(links_in("https://a.cn/1 and https://a.cn/1") == std::vector<std::string>{"https://a.cn/1"});
  CHECK(links_in("httpd, http:/broken").empty());
  CHECK(jianxi::links_text("http://a.cn; http://b.cn").zh == "http://a.cn；http://b.cn");
}
