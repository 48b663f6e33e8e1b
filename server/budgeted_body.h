// Request bodies that grow as their bytes arrive (never reserved from Content-Length),
// every byte counted against one budget shared by all bodies in flight, so that many
// half-sent uploads cannot hold the service's memory. A body past the budget fails
// to read with boost::asio::error::no_buffer_space (answered 503).
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace jianxi::server {

class BodyBudget {
 public:
  explicit BodyBudget(std::size_t limit) : limit_(limit) {}

  bool take(std::size_t bytes) {
    if (used_.fetch_add(bytes, std::memory_order_acq_rel) + bytes <= limit_) return true;
    used_.fetch_sub(bytes, std::memory_order_acq_rel);
    return false;
  }
  void give(std::size_t bytes) { used_.fetch_sub(bytes, std::memory_order_acq_rel); }
  std::size_t used() const { return used_.load(std::memory_order_acquire); }

 private:
  const std::size_t limit_;
  std::atomic<std::size_t> used_{0};
};

struct BudgetedBody {
  // The body's text and what it holds of the budget, given back when it is released.
  class value_type {
   public:
    value_type() = default;
    value_type(value_type&& other) noexcept { *this = std::move(other); }
    value_type& operator=(value_type&& other) noexcept {
      release();
      text = std::move(other.text);
      budget = other.budget;
      counted = other.counted;
      other.counted = 0;
      return *this;
    }
    ~value_type() { release(); }

    void release() {
      if (budget && counted) budget->give(counted);
      counted = 0;
      std::string().swap(text);
    }

    std::string text;
    BodyBudget* budget = nullptr;  // set before reading
    std::size_t counted = 0;
  };

  static std::uint64_t size(const value_type& body) { return body.text.size(); }

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>&, boost::beast::error_code& ec) { ec = {}; }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      std::size_t bytes = boost::asio::buffer_size(buffers);
      if (body_.budget && !body_.budget->take(bytes)) {
        ec = boost::asio::error::no_buffer_space;
        return 0;
      }
      body_.counted += bytes;
      for (auto buffer : boost::beast::buffers_range_ref(buffers))
        body_.text.append(static_cast<const char*>(buffer.data()), buffer.size());
      ec = {};
      return bytes;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

}  // namespace jianxi::server
