#include "service.h"

#include <vector>

#include "session.h"

namespace jianxi::server {

bool Service::add(const std::shared_ptr<Session>& session) {
  std::shared_ptr<Session> oldest_idle;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (sessions_.size() >= config.max_connections) {
      std::int64_t oldest = -1;
      for (const auto& [_, weak] : sessions_)
        if (auto other = weak.lock()) {
          std::int64_t since = other->idle_since();
          if (since >= 0 && (oldest < 0 || since < oldest)) {
            oldest = since;
            oldest_idle = std::move(other);
          }
        }
      if (!oldest_idle) return false;
    }
    sessions_.emplace(session.get(), session);
  }
  if (oldest_idle) oldest_idle->evict();
  return true;
}

void Service::remove(const Session* session) {
  std::function<void()> on_empty;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.erase(session);
    if (sessions_.empty() && on_empty_) on_empty.swap(on_empty_);
  }
  if (on_empty) on_empty();
}

void Service::drain(std::function<void()> on_empty) {
  std::vector<std::weak_ptr<Session>> open;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    draining_.store(true, std::memory_order_release);
    if (sessions_.empty()) {
      on_empty_ = nullptr;
    } else {
      on_empty_ = std::move(on_empty);
      on_empty = nullptr;
      for (const auto& entry : sessions_) open.push_back(entry.second);
    }
  }
  if (on_empty) on_empty();
  for (const auto& weak : open)
    if (auto session = weak.lock()) session->drain();
}

std::size_t Service::open_sessions() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

}  // namespace jianxi::server
