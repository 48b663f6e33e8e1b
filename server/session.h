// One client connection: reads requests (keep-alive and pipelining), answers each
// through Routes, enforces the body limit from the header (413) and the idle and read
// timeouts, logs one line per request, and closes when the service drains.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <atomic>
#include <cstdint>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "budgeted_body.h"
#include "service.h"

namespace jianxi::server {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket&& socket, Service& service);
  ~Session();

  void start();
  // From any thread: close now if waiting for a request, else after answering it.
  void drain();
  // From any thread: close now if still waiting for a request (to make room).
  void evict();
  // Since when the connection has waited for a request (steady clock ticks), or -1
  // while a request is being read or answered.
  std::int64_t idle_since() const { return idle_since_.load(std::memory_order_acquire); }

 private:
  using Request = boost::beast::http::request<BudgetedBody>;
  using Parser = boost::beast::http::request_parser<BudgetedBody>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  void wait_for_request();
  void on_first_bytes(boost::beast::error_code ec, std::size_t n);
  void read_request();
  bool bytes_waiting();  // bytes of a request are in the socket, not yet read
  void on_header(boost::beast::error_code ec, std::size_t n);
  void read_body();
  void on_body(boost::beast::error_code ec, std::size_t n);
  // Routes::handle, with a failure (memory exhausted) answered 503.
  static Reply route(Service& service, std::string_view method, std::string_view target,
                     std::string_view if_none_match, std::string_view body);
  // A read that ended in error: answer 413/400/431 when HTTP allows, else drop.
  void on_read_error(boost::beast::error_code ec);
  void answer(Reply reply, bool keep_alive);
  // Writes the answer a part at a time, each part within the write timeout: a large
  // answer read slowly is written as long as it keeps moving.
  void write_some(bool keep_alive);
  void on_written(bool keep_alive, boost::beast::error_code ec);
  // After a 413: stop sending, read and discard briefly so the client sees the
  // answer rather than a reset, then close.
  void linger();
  void linger_more();
  void close();
  void count_request();
  // Method and target of a request whose header never completed, when its request line came.
  void read_request_line();
  void finish_request(int status, std::size_t bytes, std::string_view kind);

  boost::beast::tcp_stream stream_;
  Service& service_;
  std::string peer_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  Response response_;
  std::optional<boost::beast::http::response_serializer<boost::beast::http::string_body>> serializer_;
  std::size_t written_ = 0;  // bytes of the answer written so far
  std::array<char, 16384> discard_{};
  std::chrono::steady_clock::time_point started_;
  bool in_request_ = false;  // bytes of a request have arrived and it is not yet answered
  bool counted_ = false;     // the request is counted in flight
  bool body_unread_ = false; // refused from its header: linger after answering
  std::atomic<std::int64_t> idle_since_{-1};
  std::string method_, target_;
  std::string_view kind_;  // the metrics label of the answer being written
};

}  // namespace jianxi::server
