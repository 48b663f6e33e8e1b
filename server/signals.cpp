#include "signals.h"

#include <boost/asio/post.hpp>
#include <csignal>

#include "access_log.h"

namespace jianxi::server {

namespace net = boost::asio;

Shutdown::Shutdown(net::io_context& ioc, Service& service, std::shared_ptr<Listener> listener)
    : ioc_(ioc), service_(service), listener_(std::move(listener)), signals_(ioc, SIGTERM, SIGINT), deadline_(ioc) {}

void Shutdown::arm() {
  signals_.async_wait([self = shared_from_this()](boost::system::error_code ec, int signal) { self->on_signal(ec, signal); });
}

void Shutdown::on_signal(boost::system::error_code ec, int signal) {
  if (ec) return;  // cancelled: drained
  if (draining_) return cut_now("second signal");
  draining_ = true;
  log_event(std::string("draining on ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT") + ": " +
            std::to_string(service_.open_sessions()) + " connections open");
  listener_->stop();
  deadline_.expires_after(service_.config.drain_timeout);
  deadline_.async_wait([self = shared_from_this()](boost::system::error_code wait_ec) {
    if (!wait_ec) self->cut_now("drain deadline");
  });
  arm();  // a second signal cuts
  service_.drain([self = shared_from_this()] {
    net::post(self->ioc_, [self] { self->on_drained(); });
  });
}

void Shutdown::on_drained() {
  if (cut_) return;
  log_event("drained: every request in flight was answered");
  // With the timer and the signal wait gone, the worker threads run out of work and return.
  deadline_.cancel();
  signals_.cancel();
}

void Shutdown::cut_now(const char* why) {
  cut_ = true;
  log_event(std::string(why) + ": cutting " + std::to_string(service_.open_sessions()) + " connections, " +
            std::to_string(service_.metrics.in_flight()) + " requests in flight not answered");
  ioc_.stop();
}

}  // namespace jianxi::server
