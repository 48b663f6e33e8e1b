// jianxi-server: the rule core as an HTTP/1.1 service (Boost.Beast on Asio).
// Routes in routes.cpp, connections in session.cpp, the accept loop in listener.cpp,
// SIGTERM in signals.cpp, Prometheus counters in metrics.cpp. `--help` for the flags.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

#include "access_log.h"
#include "config.h"
#include "listener.h"
#include "service.h"
#include "signals.h"

int main(int argc, char** argv) {
  using namespace jianxi::server;
  namespace net = boost::asio;
  int exit_code = 0;
  auto config = parse_config(argc, argv, exit_code);
  if (!config) return exit_code;
  std::signal(SIGPIPE, SIG_IGN);  // a closed stderr or socket is an error code, not a death

  Service service(*config);
  net::io_context ioc(static_cast<int>(config->threads));
  std::shared_ptr<Listener> listener;
  try {
    net::ip::tcp::endpoint endpoint(net::ip::make_address(config->host), config->port);
    listener = std::make_shared<Listener>(ioc, endpoint, service);
  } catch (const std::exception& e) {
    std::cerr << "jianxi-server: cannot listen on " << config->host << ":" << config->port << ": " << e.what() << "\n";
    return 1;
  }
  listener->start();
  auto shutdown = std::make_shared<Shutdown>(ioc, service, listener);
  shutdown->arm();
  auto bound = listener->local_endpoint();
  std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
  log_event("listening on " + host + ":" + std::to_string(bound.port()) + " with " +
            std::to_string(config->threads) + " I/O threads, " +
            std::to_string(config->evaluators) + " evaluator threads, rules " + service.routes.rules_version());

  std::vector<std::thread> workers;
  for (unsigned i = 1; i < config->threads; ++i) workers.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : workers) t.join();
  listener.reset();
  // Cut at the deadline: an evaluation still running is not waited for.
  if (shutdown->cut()) std::_Exit(1);
  service.evaluators.join();
  return 0;
}
