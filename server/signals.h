// SIGTERM and SIGINT: stop accepting, let every request in flight be answered, then
// let the worker threads return. A second signal, or the drain deadline, cuts what is left.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <atomic>
#include <memory>

#include "listener.h"
#include "service.h"

namespace jianxi::server {

class Shutdown : public std::enable_shared_from_this<Shutdown> {
 public:
  Shutdown(boost::asio::io_context& ioc, Service& service, std::shared_ptr<Listener> listener);
  void arm();
  // True when connections were cut (second signal or deadline) rather than drained.
  bool cut() const { return cut_.load(); }

 private:
  void on_signal(boost::system::error_code ec, int signal);
  void on_drained();
  void cut_now(const char* why);

  boost::asio::io_context& ioc_;
  Service& service_;
  std::shared_ptr<Listener> listener_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer deadline_;
  std::atomic<bool> cut_{false};
  bool draining_ = false;
};

}  // namespace jianxi::server
