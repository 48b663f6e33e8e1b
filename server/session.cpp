#include "session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <cstdint>
#include <optional>

#include "access_log.h"

namespace jianxi::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr auto kLinger = std::chrono::seconds(2);
constexpr std::size_t kMaxTargetBytes = 8192;
// After an answer this large, free memory is given back to the system (by the
// service's trimmer thread): the allocator would otherwise keep the high-water mark
// resident while the service is idle.
constexpr std::size_t kLargeAnswerBytes = std::size_t{8} << 20;
constexpr std::size_t kWritePartBytes = std::size_t{256} << 10;
constexpr std::uint32_t kMaxHeaderBytes = 64 * 1024;

bool is_http_syntax_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message &&
         ec != http::error::body_limit && ec != http::error::header_limit;
}

// Boost 1.74's Beast has its own string_view.
std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

Reply refusal(int status, std::string_view code, std::string_view message_en) {
  Reply reply;
  reply.status = status;
  reply.body = error_body(code, message_en);
  return reply;
}

// A header HTTP/1.1 does not allow, or that asks for what the service does not do.
std::optional<Reply> refusal_of_header(const http::request<BudgetedBody>& request) {
  if (request.target().size() > kMaxTargetBytes)
    return refusal(414, "http.uri_too_long", "the request target is over 8 KiB");
  if (request.version() == 11 && request.find(http::field::host) == request.end())
    return refusal(400, "http.host_missing", "an HTTP/1.1 request must carry Host");
  auto coding = view(request[http::field::transfer_encoding]);
  while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t')) coding.remove_prefix(1);
  while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t')) coding.remove_suffix(1);
  if (!coding.empty() && !beast::iequals(beast::string_view(coding.data(), coding.size()), "chunked"))
    return refusal(501, "http.transfer_coding", "only the chunked transfer coding is understood");
  return std::nullopt;
}

// Whether the bytes of a header that was too large hold no line end in the first 8 KiB:
// then it is the request line, the target, that is too long.
bool target_too_long(const beast::flat_buffer& buffer) {
  std::string_view bytes(static_cast<const char*>(buffer.data().data()), buffer.size());
  return bytes.substr(0, kMaxTargetBytes + 16).find("\r\n") == std::string_view::npos && bytes.size() > kMaxTargetBytes;
}

}  // namespace

Session::Session(net::ip::tcp::socket&& socket, Service& service) : stream_(std::move(socket)), service_(service) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  peer_ = ec ? "-" : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  service_.metrics.connection_opened();
}

Session::~Session() {
  service_.metrics.connection_closed();
  service_.remove(this);
}

void Session::start() {
  if (!service_.add(shared_from_this())) {
    // Every connection is busy with a request: this one is closed unanswered.
    service_.metrics.connection_dropped("too_many");
    return close();
  }
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
}

void Session::drain() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->in_request_) self->stream_.cancel();  // the pending wait ends; nothing is lost
  });
}

void Session::evict() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_since() < 0 || self->bytes_waiting()) return;  // a request came meanwhile
    self->service_.metrics.connection_dropped("evicted");
    self->stream_.cancel();
  });
}

void Session::wait_for_request() {
  if (buffer_.size() > 0) return read_request();  // a pipelined request is already here
  if (service_.draining()) return bytes_waiting() ? read_request() : close();
  idle_since_.store(std::chrono::steady_clock::now().time_since_epoch().count(), std::memory_order_release);
  stream_.expires_after(service_.config.idle_timeout);
  stream_.async_read_some(buffer_.prepare(8192), beast::bind_front_handler(&Session::on_first_bytes, shared_from_this()));
}

bool Session::bytes_waiting() {
  beast::error_code ec;
  std::size_t n = stream_.socket().available(ec);
  return !ec && n > 0;
}

void Session::on_first_bytes(beast::error_code ec, std::size_t n) {
  // A request sent before the drain began is answered; the connection closes after it.
  if (ec == net::error::operation_aborted && service_.draining() && bytes_waiting()) return read_request();
  if (ec) return close();  // client gone, idle too long, or drained
  buffer_.commit(n);
  read_request();
}

void Session::read_request() {
  idle_since_.store(-1, std::memory_order_release);
  in_request_ = true;
  started_ = std::chrono::steady_clock::now();
  method_.clear();
  target_.clear();
  parser_.emplace();
  parser_->body_limit(service_.config.max_body_bytes);
  parser_->header_limit(kMaxHeaderBytes);  // room for a long target, refused with 414
  parser_->get().body().budget = &service_.body_budget;
  body_unread_ = false;
  stream_.expires_after(service_.config.read_timeout);
  http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_header, shared_from_this()));
}

void Session::on_header(beast::error_code ec, std::size_t) {
  if (parser_->is_header_done() || ec == http::error::body_limit) {
    method_ = std::string(view(parser_->get().method_string()));
    target_ = std::string(view(parser_->get().target()));
    count_request();
  }
  if (ec) return on_read_error(ec);
  const auto& request = parser_->get();
  if (auto refusal = refusal_of_header(request)) {
    body_unread_ = !parser_->is_done();
    return answer(std::move(*refusal), false);
  }
  if (beast::iequals(request[http::field::expect], "100-continue") && !parser_->is_done()) {
    net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->close();
                       self->read_body();
                     });
    return;
  }
  read_body();
}

void Session::read_body() {
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_body, shared_from_this()));
}

void Session::on_body(beast::error_code ec, std::size_t) {
  if (ec) return on_read_error(ec);
  auto& request = parser_->get();
  bool keep_alive = request.keep_alive() && !service_.draining();
  std::string_view method = view(request.method_string()), target = view(request.target());
  if (!Routes::evaluates(method, target)) {
    Reply reply = route(service_, method, target, view(request[http::field::if_none_match]), request.body().text);
    request.body().release();
    return answer(std::move(reply), keep_alive);
  }
  // Evaluated on an evaluator thread; the answer is written back on this connection's strand.
  auto job = [self = shared_from_this(), method = std::string(method), target = std::string(target),
              if_none_match = std::string(view(request[http::field::if_none_match])),
              body = std::move(request.body()), keep_alive,
              work = net::make_work_guard(stream_.get_executor())]() mutable {
    Reply reply = route(self->service_, method, target, if_none_match, body.text);
    body.release();
    net::post(self->stream_.get_executor(), [self, reply = std::move(reply), keep_alive]() mutable {
      self->answer(std::move(reply), keep_alive && !self->service_.draining());
    });
  };
  if (!service_.evaluators.try_submit(std::move(job))) {
    answer(Routes::busy("http.busy", "every evaluator is busy; try again shortly"), keep_alive);
  }
}

Reply Session::route(Service& service, std::string_view method, std::string_view target,
                     std::string_view if_none_match, std::string_view body) {
  try {
    return service.routes.handle(method, target, if_none_match, body);
  } catch (const std::exception& e) {  // e.g. out of memory: this request fails, the service stays up
    log_event(std::string("error answering a request: ") + e.what());
    return Routes::busy("http.internal", "the service could not answer this request");
  }
}

void Session::on_read_error(beast::error_code ec) {
  if (ec == http::error::body_limit) {
    service_.metrics.connection_dropped("too_large");
    Reply reply;
    reply.status = 413;
    reply.body = error_body("http.too_large", "the body is over 64 MiB, the most the core answers");
    return answer(std::move(reply), false);
  }
  if (ec == net::error::no_buffer_space) {
    // The bodies in flight hold the whole budget: refused, the rest of this one discarded.
    body_unread_ = true;
    return answer(Routes::busy("http.bodies_over_budget", "the request bodies in flight are over the service's budget"),
                  false);
  }
  if (ec == http::error::header_limit) {
    service_.metrics.connection_dropped("bad_request");
    if (target_too_long(buffer_)) return answer(refusal(414, "http.uri_too_long", "the request target is over 8 KiB"), false);
    Reply reply;
    reply.status = 431;
    reply.body = error_body("http.header_too_large", "the request header is too large");
    return answer(std::move(reply), false);
  }
  if (is_http_syntax_error(ec)) {
    service_.metrics.connection_dropped("bad_request");
    Reply reply;
    reply.status = 400;
    reply.body = error_body("http.bad_request", "the request is not valid HTTP/1.1");
    return answer(std::move(reply), false);
  }
  if (ec == beast::error::timeout) {
    // Too slow to send its request: dropped without an answer (the stream is closed),
    // counted under the route its request line names when that much arrived.
    service_.metrics.connection_dropped("timeout");
    if (target_.empty()) read_request_line();
    count_request();
    finish_request(408, 0, "");
  } else if (counted_) {
    finish_request(499, 0, "");  // the client went away mid-request
  } else if (buffer_.size() > 0) {
    service_.metrics.connection_dropped("reset_before_header");
  }
  close();
}

void Session::read_request_line() {
  // Beast reads the request line as soon as it is whole, before the rest of the header.
  if (parser_ && !parser_->get().target().empty()) {
    method_ = std::string(view(parser_->get().method_string()));
    target_ = std::string(view(parser_->get().target()));
    return;
  }
  std::string_view bytes(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  auto line = bytes.substr(0, std::min(bytes.find("\r\n"), kMaxTargetBytes + 16));
  auto space = line.find(' ');
  if (space == std::string_view::npos) return;
  auto rest = line.substr(space + 1);
  auto end = rest.find(' ');
  if (end == std::string_view::npos) return;  // the target may not be whole yet
  method_ = std::string(line.substr(0, space));
  target_ = std::string(rest.substr(0, end));
}

void Session::count_request() {
  if (counted_) return;
  service_.metrics.request_started();
  counted_ = true;
}

void Session::answer(Reply reply, bool keep_alive) {
  count_request();  // also an answer to a request whose header could not be read
  response_ = Response{};
  response_.version(11);
  response_.result(static_cast<http::status>(reply.status));
  response_.set(http::field::server, "jianxi");
  if (reply.status != 304) response_.set(http::field::content_type, reply.content_type);
  if (!reply.etag.empty()) response_.set(http::field::etag, reply.etag);
  if (!reply.cache_control.empty()) response_.set(http::field::cache_control, reply.cache_control);
  if (!reply.allow.empty()) response_.set(http::field::allow, reply.allow);
  if (!reply.retry_after.empty()) response_.set(http::field::retry_after, reply.retry_after);
  response_.body() = std::move(reply.body);
  response_.keep_alive(keep_alive);
  if (reply.status != 304) response_.prepare_payload();  // a 304 has no body and no length of its own
  if (method_ == "HEAD") {
    // The length a GET would have, and no body: a body would be read as the next answer.
    auto length = response_.body().size();
    response_.body().clear();
    if (reply.status != 304) response_.content_length(length);
  }
  kind_ = reply.kind;
  written_ = 0;
  serializer_.emplace(response_);
  // Bounded parts: one write of many megabytes would hold this I/O thread from the other
  // connections it serves (a health check among them) for its whole copy.
  serializer_->limit(kWritePartBytes);
  write_some(keep_alive);
}

void Session::write_some(bool keep_alive) {
  stream_.expires_after(service_.config.write_timeout);
  http::async_write_some(stream_, *serializer_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t n) {
    self->written_ += n;
    if (ec || self->serializer_->is_done()) return self->on_written(keep_alive, ec);
    self->write_some(keep_alive);
  });
}

void Session::on_written(bool keep_alive, beast::error_code ec) {
  int status = response_.result_int();
  std::size_t body_bytes = response_.body().size();
  if (ec == beast::error::timeout) {
    // The client stopped reading: the service cut the answer (not a client abort).
    service_.metrics.connection_dropped("write_timeout");
    log_event("cut " + peer_ + " \"" + method_ + " " + std::string(Routes::route_label(target_)) + "\": answer not read for " +
              std::to_string(service_.config.write_timeout.count()) + " ms, " + std::to_string(written_) + " bytes written");
    finish_request(408, written_, kind_);
  } else {
    finish_request(ec ? 499 : status, ec ? written_ : body_bytes, kind_);
  }
  serializer_.reset();
  // Assigning an empty string keeps the old one's capacity: the answer is swapped out,
  // and a large one freed off this thread.
  if (body_bytes >= kLargeAnswerBytes)
    service_.trimmer.release(std::move(response_.body()));
  std::string().swap(response_.body());
  response_ = Response{};
  parser_.reset();
  if (buffer_.size() == 0 && buffer_.capacity() > kLargeAnswerBytes) buffer_.shrink_to_fit();
  in_request_ = false;
  if (ec) return close();
  if (status == 413 || body_unread_) return linger();
  if (!keep_alive) {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    return close();
  }
  wait_for_request();
}

void Session::linger() {
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kLinger);
  stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) return self->close();
    self->linger_more();
  });
}

void Session::linger_more() {
  stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) return self->close();
    self->linger_more();
  });
}

void Session::finish_request(int status, std::size_t bytes, std::string_view kind) {
  if (!counted_) return;
  counted_ = false;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  service_.metrics.request_finished(Routes::route_label(target_), kind, status, seconds);
  log_request(peer_, method_, target_, status, bytes, seconds * 1000);
}

void Session::close() {
  beast::error_code ignored;
  stream_.socket().close(ignored);
}

}  // namespace jianxi::server
